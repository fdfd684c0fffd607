"""The streaming WARC reader: well-formed files, and every kind of damage
costing only the damaged record."""

from __future__ import annotations

import gzip
import io

import pytest
import wetfiles
from hypothesis import given, settings
from hypothesis import strategies as st

from furat.cli import warc
from furat.cli.readers import site_of


def summary(data: bytes, compressed: bool = False) -> list[tuple[str, int, str]]:
    """(kind, number, uri or damage reason) for each item read."""
    stream = gzip.GzipFile(fileobj=io.BytesIO(data)) if compressed else io.BytesIO(data)
    out = []
    for item in warc.read_records(stream):
        if isinstance(item, warc.Record):
            out.append((item.type, item.number, item.headers.get("warc-target-uri", "")))
        else:
            out.append(("damage", item.number, item.reason))
    return out


A = wetfiles.record("النص الأول\nسطر ثان", uri="https://a.sy/1")
B = wetfiles.record("second", uri="https://b.sy/2")
C = wetfiles.record("third", uri="https://c.sy/3")


def test_well_formed_records_in_order() -> None:
    assert summary(wetfiles.warcinfo() + A + B + C) == [
        ("warcinfo", 1, ""),
        ("conversion", 2, "https://a.sy/1"),
        ("conversion", 3, "https://b.sy/2"),
        ("conversion", 4, "https://c.sy/3"),
    ]


def test_block_is_exactly_the_declared_bytes() -> None:
    body = "سطر\r\nwith CRLF\r\n\r\nand a blank line\n"
    (rec,) = warc.read_records(io.BytesIO(wetfiles.record(body)))
    assert isinstance(rec, warc.Record)
    assert rec.block == body.encode()
    assert rec.headers["content-length"] == str(len(body.encode()))


def test_bare_lf_files() -> None:
    data = wetfiles.record("one", newline=b"\n") + wetfiles.record("two", uri="https://x/2", newline=b"\n")
    assert [k for k, _, _ in summary(data)] == ["conversion", "conversion"]


@pytest.mark.parametrize("length", [40, 500])
def test_length_too_long_rewinds_to_the_next_records(length: int) -> None:
    data = wetfiles.record("النص الأول", length=length) + B + C
    assert summary(data) == [
        ("damage", 1, f"damaged record: Content-Length {length} overruns the next record"),
        ("conversion", 2, "https://b.sy/2"),
        ("conversion", 3, "https://c.sy/3"),
    ]


def test_length_too_short() -> None:
    data = wetfiles.record("النص الأول طويل", length=5) + B
    assert summary(data) == [
        ("damage", 1, "damaged record: Content-Length 5 does not end the block"),
        ("conversion", 2, "https://b.sy/2"),
    ]


@pytest.mark.parametrize(
    ("header", "reason"),
    [(b"Content-Length: 1\r\n", "damaged record: no Content-Length"), (b"Content-Length: 1\r\n", "bad")],
)
def test_missing_or_bad_content_length(header: bytes, reason: str) -> None:
    damaged = wetfiles.record("x")
    replacement = b"" if reason != "bad" else b"Content-Length: ten\r\n"
    data = A + damaged.replace(header, replacement) + C
    expected = reason if reason != "bad" else "damaged record: bad Content-Length 'ten'"
    assert summary(data) == [
        ("conversion", 1, "https://a.sy/1"),
        ("damage", 2, expected),
        ("conversion", 3, "https://c.sy/3"),
    ]


def test_garbage_between_records_is_one_damage() -> None:
    data = A + b"garbage line\r\nmore garbage\r\n" + B
    assert summary(data) == [
        ("conversion", 1, "https://a.sy/1"),
        ("damage", 2, "not a WARC record: 28 bytes skipped"),
        ("conversion", 3, "https://b.sy/2"),
    ]


def test_header_line_without_colon() -> None:
    data = A + B.replace(b"Content-Type: text/plain", b"Content-Type text/plain") + C
    kinds = summary(data)
    assert kinds[0] == ("conversion", 1, "https://a.sy/1")
    assert kinds[1][0] == "damage" and "bad header line" in kinds[1][2]
    assert kinds[2] == ("conversion", 3, "https://c.sy/3")


@pytest.mark.parametrize("cut", [10, 60, 200])
def test_truncated_file(cut: int) -> None:
    data = A + B + C[:cut]
    items = summary(data)
    assert items[:2] == [("conversion", 1, "https://a.sy/1"), ("conversion", 2, "https://b.sy/2")]
    assert items[2][0] == "damage" and items[2][1] == 3 and "truncated record" in items[2][2]
    assert len(items) == 3


def test_gzip_members_and_truncated_gzip() -> None:
    members = wetfiles.gzip_members([wetfiles.warcinfo(), A, B, C])
    kinds = [k for k, _, _ in summary(members, compressed=True)]
    assert kinds == ["warcinfo", "conversion", "conversion", "conversion"]
    items = summary(members[:-20], compressed=True)
    assert items[:3] == [("warcinfo", 1, ""), ("conversion", 2, "https://a.sy/1"), ("conversion", 3, "https://b.sy/2")]
    assert items[3][:2] == ("damage", 4) and "unreadable compressed data" in items[3][2]


def test_corrupt_gzip_keeps_what_came_before() -> None:
    many = [wetfiles.record("نص " * 3000, uri=f"https://x.sy/{i}") for i in range(30)]
    members = bytearray(wetfiles.gzip_members(many))
    middle = len(members) // 2
    members[middle : middle + 8] = b"\x00" * 8
    items = summary(bytes(members), compressed=True)
    good = [n for k, n, _ in items if k == "conversion"]
    assert good == list(range(1, len(good) + 1)) and len(good) >= 10
    assert items[-1][0] == "damage"


def test_site_of() -> None:
    assert site_of("https://www.Enabbaladi.net/archives/1") == "enabbaladi.net"
    assert site_of("http://syria.tv:8080/x") == "syria.tv"
    assert site_of("not a url") is None
    assert site_of("http://[::1") is None


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400), st.integers(min_value=0, max_value=600))
def test_arbitrary_damage_never_raises_nor_loses_the_following_records(junk: bytes, cut: int) -> None:
    data = (A + B)[:cut] + junk + b"\r\n\r\n" + C
    items = summary(data)
    # Whatever came before, the last record is read intact.
    assert items[-1] == ("conversion", items[-1][1], "https://c.sy/3")
