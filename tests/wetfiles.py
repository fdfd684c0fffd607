"""Builds WARC/WET test files record by record, well-formed or damaged."""

from __future__ import annotations

import gzip
import uuid


def record(
    body: bytes | str,
    *,
    uri: str = "https://example.com/a",
    type: str = "conversion",
    length: int | None = None,
    newline: bytes = b"\r\n",
    extra_headers: tuple[str, ...] = (),
) -> bytes:
    """One WARC record; ``length`` overrides the true Content-Length."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    headers = [
        "WARC/1.0",
        f"WARC-Type: {type}",
        f"WARC-Target-URI: {uri}",
        "WARC-Date: 2024-02-20T10:00:00Z",
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>",
        *extra_headers,
        "Content-Type: text/plain",
        f"Content-Length: {len(data) if length is None else length}",
    ]
    head = newline.join(h.encode() for h in headers) + newline + newline
    return head + data + newline + newline


def warcinfo() -> bytes:
    return record("software: furat-tests\r\nformat: WARC File Format 1.0\r\n", type="warcinfo", uri="")


def gzip_members(records: list[bytes]) -> bytes:
    """Each record its own gzip member, as Common Crawl writes them."""
    return b"".join(gzip.compress(r) for r in records)
