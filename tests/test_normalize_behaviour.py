"""How a Normalizer behaves as a Python object: immutability, equality,
repr, pickling, threads, batches, errors, and the documented results for
empty strings, lone surrogates and very long strings."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from strategies import option_sets

import furat
from furat import Normalizer

SEARCH = Normalizer("search")


# ------------------------------------------------------------ the object


def test_immutable() -> None:
    n = Normalizer("search")
    with pytest.raises(AttributeError):
        n.options = {}  # type: ignore[misc]
    with pytest.raises(AttributeError):
        n.teh_marbuta = False  # type: ignore[attr-defined]
    opts = n.options
    opts["teh_marbuta"] = False
    assert n.options["teh_marbuta"] is True, "options is a copy"


def test_options_and_profile() -> None:
    n = Normalizer("search", teh_marbuta=False, diacritics="keep_shadda")
    assert list(n.options) == [
        "nfc", "diacritics", "tatweel", "alef", "hamza", "alef_maksura", "teh_marbuta", "persian",
        "presentation_forms", "digits", "punctuation", "quotes", "invisibles", "joiners", "whitespace",
        "lowercase",
    ]  # fmt: skip
    assert n.options["teh_marbuta"] is False
    assert n.options["diacritics"] == "keep_shadda"
    assert n.profile is None
    assert Normalizer("clean").profile == "clean"
    assert Normalizer().profile == "search"
    assert Normalizer("none", **Normalizer("camel").options).profile == "camel"


def test_equality_and_hash_by_options() -> None:
    assert Normalizer("search") == Normalizer("search")
    assert Normalizer("search") != Normalizer("clean")
    assert Normalizer("search", teh_marbuta=False) != Normalizer("search")
    same = Normalizer("none", **Normalizer("search").options)
    assert same == Normalizer("search") and hash(same) == hash(Normalizer("search"))
    assert len({Normalizer("search"), same, Normalizer("clean")}) == 2
    assert Normalizer("search") != "search"


def test_repr_reads_like_the_constructor() -> None:
    assert repr(Normalizer("search")) == "Normalizer('search')"
    assert repr(Normalizer("search", teh_marbuta=False)) == "Normalizer('search', teh_marbuta=False)"
    assert repr(Normalizer("clean", diacritics="basic")) == "Normalizer('clean', diacritics='basic')"


@settings(max_examples=100, deadline=None)
@given(options=option_sets)
def test_eval_repr_round_trips(options: dict[str, Any]) -> None:
    n = Normalizer("none", **options)
    assert eval(repr(n), {"Normalizer": Normalizer}) == n


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_every_protocol(protocol: int) -> None:
    for n in [Normalizer("search"), Normalizer("clean", digits=True, whitespace="keep")]:
        back = pickle.loads(pickle.dumps(n, protocol=protocol))
        assert back == n and back.normalize("أَحْمَد ٢") == n.normalize("أَحْمَد ٢")


def test_to_dict_from_dict() -> None:
    n = Normalizer("search", teh_marbuta=False)
    d = n.to_dict()
    assert Normalizer.from_dict(d) == n
    import json

    assert Normalizer.from_dict(json.loads(json.dumps(d))) == n
    assert Normalizer.from_dict({"profile": "search", "teh_marbuta": False}) == n
    assert Normalizer.from_dict({}) == Normalizer("none")
    with pytest.raises(furat.OptionError, match="unknown option"):
        Normalizer.from_dict({"colour": True})
    with pytest.raises(TypeError):
        Normalizer.from_dict([("digits", True)])  # type: ignore[arg-type]


def _normalize_in_child(args: tuple[Normalizer, str]) -> str:
    n, text = args
    return n.normalize(text)


def test_pickle_through_multiprocessing() -> None:
    n = Normalizer("search", teh_marbuta=False)
    texts = ["الحَسَكَة", "دير  الزور", "البوكمال"]
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        out = pool.map(_normalize_in_child, [(n, t) for t in texts])
    assert out == [n.normalize(t) for t in texts]


# --------------------------------------------------------------- results


def test_unchanged_text_is_the_same_object() -> None:
    s = "".join(["دير", " ", "الزور"])
    assert SEARCH.normalize(s) is s
    assert SEARCH.normalize_batch([s])[0] is s
    out, _ = SEARCH.normalize_with_offsets(s)
    assert out is s


def test_str_subclass_gives_a_plain_str() -> None:
    class Text(str):
        pass

    out = SEARCH.normalize(Text("دير"))
    assert type(out) is str and out == "دير"
    assert type(SEARCH.normalize_batch([Text("دير")])[0]) is str


def test_empty_string() -> None:
    for p in ["search", "clean", "camel", "none"]:
        assert furat.normalize("", p) == ""
        out, al = Normalizer(p).normalize_with_offsets("")
        assert out == "" and al.to_original(0, 0) == (0, 0)
    assert SEARCH.normalize_batch([]) == []
    assert SEARCH.normalize_batch(["", ""]) == ["", ""]


def test_lone_surrogates_pass_through() -> None:
    assert SEARCH.normalize("\ud800") == "\ud800"
    assert SEARCH.normalize("a\udfff\u064eب") == "a\udfffب"
    assert SEARCH.normalize("\ud800\u0654") == "\ud800"
    assert Normalizer("clean").normalize("\ud800\u0651\u064e") == "\ud800\u064e\u0651"
    assert SEARCH.normalize_batch(["\ud800", "\udc00 \u00a0x"]) == ["\ud800", "\udc00 x"]
    out, al = SEARCH.normalize_with_offsets("\ud800 \u064e ب")
    assert out == "\ud800 ب" and al.to_original(2, 3) == (4, 5)


def test_astral_text() -> None:
    assert SEARCH.normalize("👍  جَميل\U00010400") == "👍 جميل\U00010428"


def test_very_long_string() -> None:
    """A 100 MB string (UTF-8) is normalized in one call; the result is what
    its pieces give."""
    piece = "دَيْرُ الزُّوْر،  الحَسَكَة\u00a0البوكمال ﷺ "
    copies = 100_000_000 // len(piece.encode("utf-8")) + 1
    text = piece * copies
    assert len(text.encode("utf-8")) >= 100_000_000
    out = SEARCH.normalize(text)
    one = SEARCH.normalize(piece)
    assert len(out) == copies * (len(one) + 1) - 1
    assert out[: 3 * (len(one) + 1)] == (one + " ") * 3
    assert out.endswith(" " + one)
    del out
    batch = SEARCH.normalize_batch([text[:1000], text])
    assert len(batch[1]) == copies * (len(one) + 1) - 1


def test_long_string_with_offsets() -> None:
    piece = "في  الحَسَكَة، ﻷ "
    text = piece * 500_000
    out, al = SEARCH.normalize_with_offsets(text)
    one = SEARCH.normalize(piece)
    k = 123_456
    start = k * (len(one) + 1)
    assert out[start : start + len(one)] == one
    assert al.to_original(start, start + len(one)) == (k * len(piece), k * len(piece) + len(piece) - 1)


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize("bad", [None, 3, b"bytes", ["list"], 1.5])
def test_non_str_raises_type_error_naming_the_type(bad: object) -> None:
    with pytest.raises(furat.InputTypeError, match=f"text: expected str, got {type(bad).__name__}"):
        SEARCH.normalize(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        SEARCH.normalize_with_offsets(bad)  # type: ignore[arg-type]


def test_batch_type_error_names_the_index() -> None:
    with pytest.raises(furat.InputTypeError, match=r"texts\[2\]: expected str, got NoneType"):
        SEARCH.normalize_batch(["a", "b", None, "d"])  # type: ignore[list-item]
    big = ["دير"] * 5000 + [b"x"] + ["a"] * 10
    with pytest.raises(TypeError, match=r"texts\[5000\]: expected str, got bytes"):
        SEARCH.normalize_batch(big, threads=2)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not a single str"):
        SEARCH.normalize_batch("دير")
    with pytest.raises(TypeError, match="a sequence of str"):
        SEARCH.normalize_batch(3)  # type: ignore[arg-type]


def test_batch_accepts_any_iterable() -> None:
    texts = ["أ", "ة", "ى"]
    want = ["ا", "ه", "ي"]
    assert SEARCH.normalize_batch(tuple(texts)) == want
    assert SEARCH.normalize_batch(t for t in texts) == want
    assert SEARCH.normalize_batch(iter(texts)) == want


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"profile": "fast"}, "unknown profile"),
        ({"colour": True}, "unknown option"),
        ({"diacritics": "most"}, "invalid value"),
        ({"diacritics": True}, "takes a str"),
        ({"digits": "yes"}, "takes a bool"),
        ({"digits": 1}, "takes a bool"),
        ({"profile": 3}, "profile must be a str"),
    ],
)
def test_bad_options_raise_option_error(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(furat.OptionError, match=message):
        Normalizer(**kwargs)
    assert issubclass(furat.OptionError, ValueError)


def test_bad_profile_in_function() -> None:
    with pytest.raises(furat.OptionError, match="unknown profile"):
        furat.normalize("x", "fast")  # type: ignore[arg-type]


@pytest.mark.parametrize("threads", [0, -1, "2", True, 1.5])
def test_bad_threads_raise_option_error(threads: object) -> None:
    with pytest.raises(furat.OptionError, match="threads"):
        SEARCH.normalize_batch(["a"], threads=threads)  # type: ignore[arg-type]


def test_alignment_span_errors() -> None:
    _, al = SEARCH.normalize_with_offsets("دَيْر")
    for start, end in [(-1, 2), (2, 1), (0, 4)]:
        with pytest.raises(furat.InputError, match="not within the normalized text"):
            al.to_original(start, end)
    with pytest.raises(furat.InputError, match="not within the original text"):
        al.to_normalized(0, 6)


def test_alignment_object() -> None:
    out, al = SEARCH.normalize_with_offsets("في  الحَسَكَة")
    assert repr(al) == "<Alignment original_length=13 normalized_length=9 blocks=4>"
    d = al.to_dict()
    assert d["original_length"] == 13 and d["normalized_length"] == 9 and len(d["blocks"]) == 4
    assert pickle.loads(pickle.dumps(al)) == al
    with pytest.raises(AttributeError):
        al.original_length = 3  # type: ignore[misc]


# --------------------------------------------------------------- threads


def test_shared_normalizer_across_threads() -> None:
    texts = [f"الحَسَكَة {i} «دير  الزور» ﷺ" for i in range(300)]
    want = [SEARCH.normalize(t) for t in texts]
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                assert [SEARCH.normalize(t) for t in texts] == want
                assert SEARCH.normalize_batch(texts, threads=2) == want
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors


def test_batch_keeps_order_on_many_threads() -> None:
    texts = [f"{i} أَ" * (i % 7) for i in range(20_000)]
    want = [SEARCH.normalize(t) for t in texts]
    for threads in (None, 1, 2, 4):
        assert SEARCH.normalize_batch(texts, threads=threads) == want


def test_batch_of_long_texts_spreads_and_keeps_order() -> None:
    """Long texts make chunks of their own (a chunk closes at 64K code
    units); results still come back in order."""
    texts = [f"{i} " + "دَيْرُ  الزُّوْر " * (4000 + 97 * i) for i in range(40)]
    want = [SEARCH.normalize(t) for t in texts]
    assert SEARCH.normalize_batch(texts, threads=2) == want
    assert SEARCH.normalize_batch(texts, threads=3) == want


_THREAD_PROBE = """
import os, time, furat
n = furat.Normalizer("search")
n.normalize_batch(["دير"] * 5000, threads={threads})
time.sleep(0.3)  # a new thread names itself after it starts
names = sorted(open(f"/proc/self/task/{{t}}/comm").read().strip() for t in os.listdir("/proc/self/task"))
print(sum(1 for x in names if x.startswith("furat-")))
"""


def _pool_threads(threads: str, env: dict[str, str]) -> int:
    code = _THREAD_PROBE.format(threads=threads)
    out = subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, **env}, capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip())


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_threads_and_environment_variable_are_honoured() -> None:
    env = {"FURAT_NUM_THREADS": "", "RAYON_NUM_THREADS": ""}
    # N threads = the calling thread + N - 1 pool workers.
    assert _pool_threads("1", env) == 0
    assert _pool_threads("3", env) == 2
    assert _pool_threads("None", {**env, "FURAT_NUM_THREADS": "1"}) == 0
    assert _pool_threads("None", {**env, "FURAT_NUM_THREADS": "4"}) == 3
    assert _pool_threads("2", {**env, "FURAT_NUM_THREADS": "4"}) == 1


@pytest.mark.skipif(sys.platform != "linux", reason="fork")
def test_batch_in_forked_child() -> None:
    SEARCH.normalize_batch(["دير"] * 5000, threads=2)  # the pool exists in the parent
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(1) as pool:
        out = pool.apply(SEARCH.normalize_batch, (["أَ"] * 5000,))
    assert out == ["ا"] * 5000
