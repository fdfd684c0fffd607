"""Output rows to JSONL, CSV or Parquet, to a file (atomically) or stdout.

Writing is split in two so that the costly half runs in parallel: an
*encoder* (small and picklable) turns a batch of rows into bytes in a
worker, and the *writer* appends those bytes in order in the main process.

``pretty`` (``cli/pretty.py``) writes a few readable lines per row instead,
for people.

Rows: a document's row is ``{"id", "source", <kept input fields>, <the
job's fields>}``; an error row is ``{"id", "source", <kept fields>,
"error"}``. JSONL writes each as it is; CSV and Parquet need one table, so
every row has every column (``id``, ``source``, the fields, ``error``) and
values that are not text (lists, dicts, numbers) are JSON text.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import sys
from typing import Any, BinaryIO, Protocol

from furat.cli.atomic import AtomicFile

FORMATS = ("jsonl", "csv", "parquet", "pretty")
_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}

# Rows are plain trees of dicts, lists and scalars: no cycle to check for.
_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False)

#: Rows buffered into one Parquet row group.
_ROW_GROUP = 8192


class UsageError(Exception):
    """A bad combination of options, found before any input is read."""


def _is_special(path: str) -> bool:
    """An existing output that is not a regular file (a device, a FIFO)."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return False


def format_for(path: str | None, requested: str | None) -> str:
    if requested:
        return requested
    if path:
        return _SUFFIXES.get(os.path.splitext(path)[1].lower(), "jsonl")
    return "jsonl"


def columns(fields: tuple[str, ...]) -> list[str]:
    return ["id", "source", *fields, "error"]


def _text(value: Any) -> str | None:
    """A table cell: text as it is, anything else (lists, dicts, numbers)
    as JSON text."""
    if value is None or isinstance(value, str):
        return value
    return _JSON.encode(value)


class EncodedRow:
    """A row whose job fields are JSON already (``Article.to_json``):
    ``head`` (id, source, kept fields) and ``fields``, a JSON object in
    UTF-8."""

    __slots__ = ("fields", "head")

    def __init__(self, head: dict[str, Any], fields: bytes) -> None:
        self.head = head
        self.fields = fields

    def as_dict(self) -> dict[str, Any]:
        return {**self.head, **json.loads(self.fields)}

    def __reduce__(self) -> tuple[Any, ...]:
        return (EncodedRow, (self.head, self.fields))


Row = dict[str, Any] | EncodedRow


def plain(row: Row) -> dict[str, Any]:
    """The row as one dict (the fields of an :class:`EncodedRow` parsed)."""
    return row.as_dict() if isinstance(row, EncodedRow) else row


class Encoder(Protocol):
    def __call__(self, rows: list[Row]) -> Any: ...


class JsonlEncoder:
    def __call__(self, rows: list[Row]) -> bytes:
        encode = _JSON.encode
        lines = [
            # The head's object, opened up and continued by the fields' members.
            (encode(r.head)[:-1] + ",").encode("utf-8") + r.fields[1:] + b"\n"
            if isinstance(r, EncodedRow)
            else (encode(r) + "\n").encode("utf-8")
            for r in rows
        ]
        return b"".join(lines)


class CsvEncoder:
    def __init__(self, fields: tuple[str, ...]) -> None:
        self.columns = columns(fields)

    def __call__(self, rows: list[Row]) -> bytes:
        out = io.StringIO()
        w = csv.writer(out)
        for r in map(plain, rows):
            w.writerow([_text(r.get(c)) or "" for c in self.columns])
        return out.getvalue().encode("utf-8")

    def header(self) -> bytes:
        out = io.StringIO()
        csv.writer(out).writerow(self.columns)
        return out.getvalue().encode("utf-8")


class ParquetEncoder:
    """Rows as column lists of str (other values as JSON text)."""

    def __init__(self, fields: tuple[str, ...]) -> None:
        self.columns = columns(fields)

    def __call__(self, rows: list[Row]) -> dict[str, list[str | None]]:
        dicts = [plain(r) for r in rows]
        return {c: [_text(r.get(c)) for r in dicts] for c in self.columns}


class Writer:
    """Appends encoded batches to the output; ``close(commit=...)``."""

    def __init__(self, path: str | None) -> None:
        self._atomic: AtomicFile | None = None
        self._own: BinaryIO | None = None
        self.stream: BinaryIO
        if path and _is_special(path):
            # /dev/null, a FIFO, a terminal: write through. Renaming a file
            # over it would replace the device (as root, /dev/null itself).
            self._own = open(path, "wb")  # closed in close()
            self.stream = self._own
        elif path:
            self._atomic = AtomicFile(path)
            self.stream = self._atomic.file
        else:
            self.stream = sys.stdout.buffer

    def write(self, payload: Any) -> None:
        self.stream.write(payload)

    def close(self, commit: bool) -> None:
        if self._own is not None:
            self._own.close()
        elif self._atomic is None:
            self.stream.flush()
        elif commit:
            self._atomic.commit()
        else:
            self._atomic.discard()


class CsvWriter(Writer):
    def __init__(self, path: str | None, encoder: CsvEncoder) -> None:
        super().__init__(path)
        self.stream.write(encoder.header())


class ParquetWriter(Writer):
    def __init__(self, path: str | None, encoder: ParquetEncoder) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        self.schema = pa.schema([(c, pa.string()) for c in encoder.columns])
        super().__init__(path)
        self._parquet = pq.ParquetWriter(self.stream, self.schema, compression="zstd")
        self._pending: dict[str, list[str | None]] = {c: [] for c in encoder.columns}
        self._count = 0

    def write(self, payload: dict[str, list[str | None]]) -> None:
        for c, values in payload.items():
            self._pending[c].extend(values)
        self._count += len(payload["id"])
        if self._count >= _ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._count:
            self._parquet.write_table(self._pa.table(self._pending, schema=self.schema))
            self._pending = {c: [] for c in self._pending}
            self._count = 0

    def close(self, commit: bool) -> None:
        try:
            if commit:
                self._flush()
            self._parquet.close()
        finally:
            super().close(commit)


def make(fmt: str, path: str | None, fields: tuple[str, ...]) -> tuple[Writer, Encoder]:
    """The writer and the encoder for an output format. Raises UsageError
    for Parquet without pyarrow or without an output file."""
    if fmt == "jsonl":
        return Writer(path), JsonlEncoder()
    if fmt == "pretty":
        from furat.cli.pretty import PrettyEncoder

        return Writer(path), PrettyEncoder()
    if fmt == "csv":
        csv_encoder = CsvEncoder(fields)
        return CsvWriter(path, csv_encoder), csv_encoder
    if fmt == "parquet":
        if not path:
            raise UsageError("Parquet output needs an output file: -o FILE.parquet")
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise UsageError("Parquet output needs pyarrow: pip install 'furat[parquet]'") from None
        pq_encoder = ParquetEncoder(fields)
        return ParquetWriter(path, pq_encoder), pq_encoder
    raise UsageError(f"unknown output format {fmt!r}: expected one of {', '.join(FORMATS)}")
