"""From the command line's input arguments to the files to read.

An argument is a file, a directory (read recursively, in sorted order,
hidden files and directories skipped, symlinked directories not followed),
a glob pattern (``**`` crosses directories), or ``-`` for standard input.
An argument that names nothing becomes an error record, not a crash.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from typing import BinaryIO

from furat.cli.records import Doc, failed

STDIN = "-"
#: What ``source`` says for standard input.
STDIN_NAME = "<stdin>"

_GZIP_MAGIC = b"\x1f\x8b"
_BUFFER = 1 << 16


@dataclass(frozen=True)
class Input:
    """One file (or standard input) to read."""

    #: The path as shown in ``source``, or ``-`` for standard input.
    path: str
    #: The id of a plain-text document read from it: its path relative to
    #: the directory argument (or pattern base), without extension.
    id_base: str

    @property
    def name(self) -> str:
        return STDIN_NAME if self.path == STDIN else self.path


def expand(args: list[str], *, exclude: str | None = None) -> Iterator[Input | Doc]:
    """The inputs the arguments name, lazily, in order; an error record for
    an argument that names nothing or a directory that cannot be listed.
    ``exclude`` (an absolute path: the output file) is skipped when a
    directory or pattern reaches it."""
    for item in _expand(args):
        if exclude is None or isinstance(item, Doc) or item.path == STDIN or os.path.abspath(item.path) != exclude:
            yield item


def total_bytes(args: list[str]) -> int | None:
    """The size of every input file, or None when standard input is one
    (for the progress bar)."""
    total = 0
    for item in _expand(args):
        if isinstance(item, Doc):
            continue
        if item.path == STDIN:
            return None
        try:
            total += os.stat(item.path).st_size
        except OSError:
            pass
    return total


def _expand(args: list[str]) -> Iterator[Input | Doc]:
    for arg in args:
        if arg == STDIN:
            yield Input(STDIN, STDIN_NAME)
        elif os.path.isdir(arg):
            yield from _walk(arg)
        elif os.path.lexists(arg):
            yield Input(arg, _strip_extension(os.path.basename(arg)))
        elif glob.has_magic(arg):
            yield from _expand_glob(arg)
        else:
            yield failed(arg, arg, "unreadable file: no such file or directory")


def _expand_glob(pattern: str) -> Iterator[Input | Doc]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield failed(pattern, pattern, "no file matches this pattern")
        return
    base = _pattern_base(pattern)
    for path in matches:
        if os.path.isdir(path):
            yield from _walk(path)
        else:
            yield Input(path, _strip_extension(os.path.relpath(path, base)))


def _pattern_base(pattern: str) -> str:
    """The directory a pattern's magic begins in: ``data/**/*.txt`` -> ``data``."""
    parts = []
    for part in pattern.split(os.sep):
        if glob.has_magic(part):
            break
        parts.append(part)
    return os.sep.join(parts) or "."


def _walk(top: str) -> Iterator[Input | Doc]:
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(top, onerror=errors.append):
        while errors:
            e = errors.pop(0)
            where = e.filename or dirpath
            yield failed(where, where, f"unreadable directory: {e.strerror or e}")
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = os.path.join(dirpath, name)
            yield Input(path, _strip_extension(os.path.relpath(path, top)))
    for e in errors:
        where = e.filename or top
        yield failed(where, where, f"unreadable directory: {e.strerror or e}")


def _strip_extension(path: str) -> str:
    if path.lower().endswith(".gz"):
        path = path[:-3]
    root, _ = os.path.splitext(path)
    return root or path


def format_from_name(path: str) -> str | None:
    """``jsonl``, ``wet`` or ``text`` by file name; None for standard input
    (its format is sniffed from its first bytes)."""
    if path == STDIN:
        return None
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith((".wet", ".warc")):
        return "wet"
    return "text"


def sniff_format(stream: io.BufferedIOBase) -> str:
    """The format of standard input, from its first bytes."""
    peek = getattr(stream, "peek", None)
    head = (peek(64)[:64] if peek else b"").lstrip()
    if head.startswith(b"WARC/"):
        return "wet"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


class ByteCounter:
    """Bytes read from the input files so far (compressed bytes for gzip):
    what the progress bar measures."""

    def __init__(self) -> None:
        self.bytes = 0


class _Counted(io.RawIOBase):
    """A raw binary stream that adds what it reads to a counter."""

    def __init__(self, raw: BinaryIO, counter: ByteCounter) -> None:
        # read1 on a buffered stream (stdin) returns what has arrived instead
        # of waiting for a full buffer; a raw file's read already does.
        self._read = getattr(raw, "read1", raw.read)
        self._counter = counter

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._read(len(b))
        n = len(data)
        b[:n] = data
        self._counter.bytes += n
        return n


def open_input(inp: Input, stack: ExitStack, counter: ByteCounter) -> io.BufferedIOBase:
    """Opens an input for reading, decompressing gzip (detected by its magic
    bytes, whatever the name). Raises OSError when it cannot be opened."""
    if inp.path == STDIN:
        raw: BinaryIO = sys.stdin.buffer
    else:
        raw = stack.enter_context(open(inp.path, "rb", buffering=0))
    stream = io.BufferedReader(_Counted(raw, counter), buffer_size=_BUFFER)
    if stream.peek(2)[:2] == _GZIP_MAGIC:
        return stack.enter_context(gzip.GzipFile(fileobj=stream, mode="rb"))
    return stream
