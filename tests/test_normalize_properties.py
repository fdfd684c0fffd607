"""Property tests of the normalizer: idempotence and alignment invariants on
generated Arabic-heavy strings, for every profile and random option sets."""

from __future__ import annotations

import os
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import PROFILES, arabic_text, option_sets

import furat

FAST = settings(max_examples=int(os.environ.get("FURAT_HYPOTHESIS_EXAMPLES", "300")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
NORMALIZERS = {p: furat.Normalizer(p) for p in PROFILES}


@FAST
@given(text=arabic_text, profile=st.sampled_from(PROFILES))
def test_idempotent_for_every_profile(text: str, profile: str) -> None:
    n = NORMALIZERS[profile]
    once = n.normalize(text)
    assert n.normalize(once) == once


@FAST
@given(text=arabic_text, options=option_sets)
def test_idempotent_for_any_option_set(text: str, options: dict[str, Any]) -> None:
    n = furat.Normalizer("none", **options)
    once = n.normalize(text)
    assert n.normalize(once) == once


@FAST
@given(text=arabic_text, options=option_sets)
def test_every_entry_point_agrees(text: str, options: dict[str, Any]) -> None:
    n = furat.Normalizer("none", **options)
    out = n.normalize(text)
    out2, al = n.normalize_with_offsets(text)
    assert out2 == out
    assert n.normalize_batch([text, text], threads=1) == [out, out]
    assert al.original_length == len(text)
    assert al.normalized_length == len(out)


def _context_free(options: dict[str, Any], text: str) -> bool:
    """Whether normalizing a piece of ``text`` on its own can only drop
    whitespace at its edges: the Farsi-yeh rule looks at the next letter."""
    yeh_by_context = options["persian"] and not options["alef_maksura"]
    return not (yeh_by_context and re.search("[\u06cc\ufbfc-\ufbff]", text))


def _check_alignment(n: furat.Normalizer, options: dict[str, Any], text: str, data: st.DataObject) -> None:
    out, al = n.normalize_with_offsets(text)
    # Spans of the output map to spans of the input, in range, monotone.
    starts = [al.to_original(i, i)[0] for i in range(len(out) + 1)]
    assert starts == sorted(starts)
    assert all(0 <= s <= len(text) for s in starts)
    for _ in range(8):
        i = data.draw(st.integers(0, len(out)))
        j = data.draw(st.integers(i, len(out)))
        a, b = al.to_original(i, j)
        assert 0 <= a <= b <= len(text)
        if i == j:
            continue  # an empty span inside an expansion has no place of its own
        assert a < b, "a non-empty span comes from a non-empty span"
        # ... and back: the original span covers at least the output span.
        c, d = al.to_normalized(a, b)
        assert c <= i and j <= d, (i, j, a, b, c, d)
        # The original span, normalized on its own, contains the output
        # span (whitespace at its edges depends on the neighbours).
        piece = out[i:j].strip(" \n")
        if _context_free(options, text):
            assert piece in n.normalize(text[a:b]), (out[i:j], text[a:b])
    # Spans of the input map into the output, monotone.
    ends = [al.to_normalized(0, k)[1] for k in range(len(text) + 1)]
    assert ends == sorted(ends)
    assert all(0 <= e <= len(out) for e in ends)


@FAST
@given(text=arabic_text, profile=st.sampled_from(PROFILES), data=st.data())
def test_alignment_invariants_for_every_profile(text: str, profile: str, data: st.DataObject) -> None:
    n = NORMALIZERS[profile]
    _check_alignment(n, n.options, text, data)


@FAST
@given(text=arabic_text, options=option_sets, data=st.data())
def test_alignment_invariants_for_any_option_set(text: str, options: dict[str, Any], data: st.DataObject) -> None:
    _check_alignment(furat.Normalizer("none", **options), options, text, data)


@FAST
@given(text=arabic_text, options=option_sets)
def test_alignment_pickles(text: str, options: dict[str, Any]) -> None:
    import pickle

    _, al = furat.Normalizer("none", **options).normalize_with_offsets(text)
    back = pickle.loads(pickle.dumps(al))
    assert back == al
    assert back.blocks() == al.blocks()


@FAST
@given(texts=st.lists(arabic_text, max_size=30), threads=st.sampled_from([None, 1, 2, 3]))
def test_batch_keeps_order(texts: list[str], threads: int | None) -> None:
    n = NORMALIZERS["search"]
    assert n.normalize_batch(texts, threads=threads) == [n.normalize(t) for t in texts]
