"""A streaming reader of WARC files, for Common Crawl's WET files.

A WET file is a sequence of WARC records (each gzip member of a
``.warc.wet.gz`` holds one, and gzip reads the members as one stream)::

    WARC/1.0\\r\\n
    WARC-Type: conversion\\r\\n
    WARC-Target-URI: https://example.com/news/1\\r\\n
    Content-Length: 1234\\r\\n
    \\r\\n
    <1234 bytes: the page's text, UTF-8>\\r\\n
    \\r\\n

It reads one record at a time, so memory holds one record whatever the
file's size. Damage never stops it: a record whose header is broken, whose
declared length is wrong or that is cut short is reported as a
:class:`Damage` and the reader resynchronizes on the next ``WARC/`` line.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

#: A header line or block of this size is no WARC header: give up on it.
_MAX_HEADER_LINE = 1 << 16
_MAX_HEADER_LINES = 1024
_CHUNK = 1 << 16


class Readable(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...


@dataclass
class Record:
    """A well-formed WARC record (headers keyed by lowercased name)."""

    number: int
    headers: dict[str, str]
    block: bytes

    @property
    def type(self) -> str:
        return self.headers.get("warc-type", "")


@dataclass
class Damage:
    """Bytes that could not be read as a record, and why."""

    number: int
    reason: str
    headers: dict[str, str] = field(default_factory=dict)


class _Stream:
    """A binary stream with line reads and push-back, over any file object
    (including a gzip stream, whose errors it reports as ``StreamError``)."""

    def __init__(self, raw: Readable) -> None:
        # read1: a short read returns what is there, so that when a gzip
        # stream turns out truncated, the records before the damage have
        # already been delivered.
        self._read = getattr(raw, "read1", raw.read)
        self._buf = b""
        self._pos = 0
        self._eof = False

    def _fill(self) -> bool:
        if self._eof:
            return False
        try:
            chunk = self._read(_CHUNK)
        except (EOFError, OSError, zlib.error) as e:
            # A truncated or corrupt gzip stream: nothing after it can be read.
            self._eof = True
            raise StreamError(str(e) or type(e).__name__) from e
        if not chunk:
            self._eof = True
            return False
        self._buf = self._buf[self._pos :] + chunk
        self._pos = 0
        return True

    def readline(self, limit: int = _MAX_HEADER_LINE) -> bytes:
        """One line with its ``\\n``, at most ``limit`` bytes; b"" at EOF."""
        while True:
            nl = self._buf.find(b"\n", self._pos, self._pos + limit)
            if nl >= 0:
                line = self._buf[self._pos : nl + 1]
                self._pos = nl + 1
                return line
            if len(self._buf) - self._pos >= limit or not self._fill():
                line = self._buf[self._pos : self._pos + limit]
                self._pos += len(line)
                return line

    def read(self, n: int) -> bytes:
        """Up to ``n`` bytes (fewer only at EOF)."""
        parts = []
        while n > 0:
            if self._pos >= len(self._buf) and not self._fill():
                break
            part = self._buf[self._pos : self._pos + n]
            self._pos += len(part)
            n -= len(part)
            parts.append(part)
        return b"".join(parts)

    def unread(self, data: bytes) -> None:
        self._buf = data + self._buf[self._pos :]
        self._pos = 0


class StreamError(Exception):
    """The underlying stream cannot be read further (corrupt compression)."""


def read_records(raw: Readable) -> Iterator[Record | Damage]:
    """Every record of a WARC stream, in order, and every damaged stretch.

    Never raises for bad data: a corrupt compressed stream ends the iteration
    with a final :class:`Damage`.
    """
    stream = _Stream(raw)
    number = 0
    in_record = False
    try:
        while True:
            line = _skip_blank_lines(stream)
            if not line:
                return
            number += 1
            in_record = True
            if not line.startswith(b"WARC/"):
                skipped = len(line) + _resync(stream)
                yield Damage(number, f"not a WARC record: {skipped} bytes skipped")
            else:
                yield _read_record(stream, number)
            in_record = False
    except StreamError as e:
        yield Damage(number if in_record else number + 1, f"unreadable compressed data: {e}")


def _skip_blank_lines(stream: _Stream) -> bytes:
    while True:
        line = stream.readline()
        if line not in (b"\r\n", b"\n"):
            return line


def _resync(stream: _Stream) -> int:
    """Skips to the next line that starts a record; returns the bytes skipped."""
    skipped = 0
    while True:
        line = stream.readline()
        if not line:
            return skipped
        if line.startswith(b"WARC/"):
            stream.unread(line)
            return skipped
        skipped += len(line)


def _read_record(stream: _Stream, number: int) -> Record | Damage:
    headers: dict[str, str] = {}
    last = ""
    for _ in range(_MAX_HEADER_LINES):
        line = stream.readline()
        if not line.endswith(b"\n"):
            if len(line) < _MAX_HEADER_LINE:
                return Damage(number, "truncated record: the file ends inside its header", headers)
            _resync(stream)
            return Damage(number, "damaged record: header line too long", headers)
        if line in (b"\r\n", b"\n"):
            break
        if line.startswith(b"WARC/"):
            # A new record begins where this header should have ended.
            stream.unread(line)
            return Damage(number, "damaged record: its header has no end", headers)
        text = line.decode("utf-8", "replace").rstrip("\r\n")
        if text[:1] in (" ", "\t") and last:
            headers[last] += " " + text.strip()
            continue
        name, sep, value = text.partition(":")
        if not sep:
            _resync(stream)
            return Damage(number, f"damaged record: bad header line {text[:80]!r}", headers)
        last = name.strip().lower()
        headers[last] = value.strip()
    else:
        _resync(stream)
        return Damage(number, "damaged record: header too long", headers)

    length_text = headers.get("content-length", "")
    if not length_text.isdigit():
        _resync(stream)
        reason = "no Content-Length" if not length_text else f"bad Content-Length {length_text!r}"
        return Damage(number, f"damaged record: {reason}", headers)
    length = int(length_text)
    block = stream.read(length)
    if len(block) < length:
        start = _next_record_start(block)
        if start is not None:
            # The length overruns the next records: rewind to them.
            stream.unread(block[start:])
            return Damage(number, f"damaged record: Content-Length {length} overruns the next record", headers)
        return Damage(number, f"truncated record: {len(block)} of {length} bytes", headers)

    # A whole block is followed by a blank line (CRLF CRLF), then the next
    # record or the end of the file. Anything else means the declared
    # length is wrong.
    after = [stream.readline()]
    while after[-1] in (b"\r\n", b"\n"):
        after.append(stream.readline())
    rest = after[-1]
    if not rest or rest.startswith(b"WARC/") or len(after) >= 3:
        # Whole. (Junk after the blank line is the next thing to report.)
        stream.unread(rest)
        return Record(number, headers, block)
    # If the length was too long, the next record starts inside the block:
    # rewind to it so that it is not lost.
    data = block + b"".join(after)
    start = _next_record_start(data)
    if start is not None:
        stream.unread(data[start:])
        return Damage(number, f"damaged record: Content-Length {length} overruns the next record", headers)
    _resync(stream)
    return Damage(number, f"damaged record: Content-Length {length} does not end the block", headers)


def _next_record_start(data: bytes) -> int | None:
    """The offset of the first line in ``data`` that starts a WARC record."""
    if data.startswith(b"WARC/1."):
        data = b"\n" + data
        found = _next_record_start(data)
        return None if found is None else found - 1
    at = data.find(b"\nWARC/1.")
    while at >= 0:
        line_end = data.find(b"\n", at + 1)
        line = data[at + 1 : line_end if line_end >= 0 else len(data)].rstrip(b"\r")
        if line in (b"WARC/1.0", b"WARC/1.1"):
            return at + 1
        at = data.find(b"\nWARC/1.", at + 1)
    return None
