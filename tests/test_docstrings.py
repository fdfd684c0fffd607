"""The examples in the native module's docstrings run and give what they
show (a peer's docstrings contradict its code; ours must not)."""

from __future__ import annotations

import doctest

import pytest

import furat
import furat._furat as native


def _docstrings() -> list[tuple[str, str]]:
    found = [("furat", furat.__doc__ or ""), ("furat.normalize", native.normalize.__doc__ or "")]
    for cls in (native.Normalizer, native.Alignment):
        found.append((cls.__name__, cls.__doc__ or ""))
        for name, member in vars(cls).items():
            doc = getattr(member, "__doc__", None)
            if doc and ">>>" in doc:
                found.append((f"{cls.__name__}.{name}", doc))
    return [(n, d) for n, d in found if ">>>" in d]


DOCS = _docstrings()


def test_there_are_examples() -> None:
    assert len(DOCS) >= 6


@pytest.mark.parametrize("name, doc", DOCS, ids=[n for n, _ in DOCS])
def test_docstring_examples(name: str, doc: str) -> None:
    test = doctest.DocTestParser().get_doctest(doc, {"furat": furat}, name, None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, out=lambda s: None)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"
