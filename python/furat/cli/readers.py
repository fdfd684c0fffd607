"""Input records from plain-text, JSONL and WET files, in two stages.

1. *Framing* (:func:`frame_all`, in the main process): find where each
   record begins and ends (a file, a line, a WARC record) and take its
   bytes. Cheap, sequential, and what the progress bar counts.
2. *Parsing* (:class:`Parser`, in the workers): decode the UTF-8, parse the
   JSON, pick the fields. The costly part, so it runs in parallel with
   ``--parallel processes``.

Together they yield one :class:`Doc` per record, a document or an error
record, and never raise for bad data: a damaged record costs only itself,
an unreadable file one error record.
"""

from __future__ import annotations

import io
import json
import zlib
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from urllib.parse import urlsplit

from furat.cli import warc
from furat.cli.inputs import ByteCounter, Input, expand, format_from_name, open_input, sniff_format
from furat.cli.records import Doc, Raw, decode, document, failed

#: Errors of a compressed stream that is truncated or corrupt.
_STREAM_ERRORS = (EOFError, OSError, zlib.error)


@dataclass(frozen=True)
class ReadOptions:
    #: ``auto`` (by file name; sniffed for standard input), ``text``,
    #: ``jsonl`` or ``wet``.
    input_format: str = "auto"
    text_field: str = "text"
    id_field: str = "id"
    site_field: str = "site"
    #: The encoding of plain-text and JSONL inputs (WET records are UTF-8).
    encoding: str = "utf-8"
    #: Input fields copied to every output row (``--keep``): JSONL fields,
    #: or WARC headers (``WARC-Date``...) for WET records.
    keep: tuple[str, ...] = ()


# ---------------------------------------------------------------- framing


def frame_all(
    args: list[str], options: ReadOptions, counter: ByteCounter, *, exclude: str | None = None
) -> Iterator[Doc | Raw]:
    """Every record of every input the arguments name, in order, framed but
    not parsed (``exclude``: the output file, never read as an input)."""
    for item in expand(args, exclude=exclude):
        if isinstance(item, Doc):
            yield item
        else:
            yield from frame_input(item, options, counter)


def frame_input(inp: Input, options: ReadOptions, counter: ByteCounter) -> Iterator[Doc | Raw]:
    with ExitStack() as stack:
        try:
            stream = open_input(inp, stack, counter)
            fmt = options.input_format
            if fmt == "auto":
                fmt = format_from_name(inp.path) or sniff_format(stream)
        except _STREAM_ERRORS as e:
            yield failed(inp.id_base, inp.name, f"unreadable file: {_reason(e)}")
            return
        if fmt == "jsonl":
            yield from _frame_jsonl(inp, stream)
        elif fmt == "wet":
            yield from _frame_wet(inp, stream, options.keep)
        else:
            yield _frame_text(inp, stream)


def _reason(e: BaseException) -> str:
    if isinstance(e, OSError) and e.strerror:
        return e.strerror[0].lower() + e.strerror[1:]
    return str(e) or type(e).__name__


def _frame_text(inp: Input, stream: io.BufferedIOBase) -> Doc | Raw:
    try:
        data = stream.read()
    except _STREAM_ERRORS as e:
        return failed(inp.id_base, inp.name, f"unreadable file: {_reason(e)}")
    return Raw("text", inp.id_base, inp.name, data)


def _frame_jsonl(inp: Input, stream: io.BufferedIOBase) -> Iterator[Doc | Raw]:
    lineno = 0
    try:
        for lineno, line in enumerate(stream, 1):
            if line.strip():
                yield Raw("jsonl", f"{inp.id_base}:{lineno}", f"{inp.name}:{lineno}", line)
    except _STREAM_ERRORS as e:
        where = f"{inp.name}:{lineno + 1}"
        yield failed(f"{inp.id_base}:{lineno + 1}", where, f"unreadable file: {_reason(e)}")


def _frame_wet(inp: Input, stream: io.BufferedIOBase, keep: tuple[str, ...]) -> Iterator[Doc | Raw]:
    """Each ``conversion`` record is a document: its target URI is the id
    and the URI's host the site. Other record types (``warcinfo``) are not
    documents."""
    found = 0
    for item in warc.read_records(stream):
        source = f"{inp.name}#{item.number}"
        uri = item.headers.get("warc-target-uri") or ""
        extra = {k: item.headers.get(k.lower()) for k in keep} if keep else None
        if isinstance(item, warc.Damage):
            found += 1
            yield failed(uri or source, source, item.reason, extra)
            continue
        if item.type != "conversion":
            continue
        found += 1
        doc_id = uri or item.headers.get("warc-record-id") or source
        yield Raw("wet", doc_id, source, item.block, site_of(uri), extra)
    if not found:
        yield failed(inp.id_base, inp.name, "no conversion records: not a WET file")


def site_of(uri: str) -> str | None:
    """The host of a URL, lowercased, without ``www.``."""
    try:
        host = urlsplit(uri).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


# ---------------------------------------------------------------- parsing


class Parser:
    """Turns framed records into documents (or error records). Small and
    picklable: worker processes get one when they start."""

    def __init__(self, options: ReadOptions) -> None:
        self.options = options

    def __call__(self, item: Doc | Raw) -> Doc:
        if isinstance(item, Doc):
            return item
        if item.kind == "jsonl":
            return self._jsonl(item)
        text, error = decode(item.data, "utf-8" if item.kind == "wet" else self.options.encoding)
        if text is None:
            return failed(item.id, item.source, error or "unreadable record", item.extra)
        return document(item.id, item.source, text, item.site, item.extra)

    def _jsonl(self, raw: Raw) -> Doc:
        text, error = decode(raw.data.rstrip(b"\r\n"), self.options.encoding)
        if text is None:
            return failed(raw.id, raw.source, error or "unreadable line")
        try:
            # A byte-order mark before the first line is not JSON's business.
            obj = json.loads(text.lstrip("\ufeff"))
        except json.JSONDecodeError as e:
            return failed(raw.id, raw.source, f"invalid JSON: {e.msg}: column {e.colno}")
        if not isinstance(obj, dict):
            return failed(raw.id, raw.source, f"not a JSON object but {_json_type(obj)}")
        o = self.options
        raw_id = obj.get(o.id_field)
        doc_id = raw.id if raw_id is None else raw_id if isinstance(raw_id, str) else json.dumps(raw_id)
        extra = {k: obj.get(k) for k in o.keep} if o.keep else None
        if o.text_field not in obj:
            return failed(doc_id, raw.source, f"no {o.text_field!r} field", extra)
        value = obj[o.text_field]
        if not isinstance(value, str):
            return failed(doc_id, raw.source, f"field {o.text_field!r} is {_json_type(value)}, not a string", extra)
        site = obj.get(o.site_field)
        return document(doc_id, raw.source, value, site if isinstance(site, str) and site else None, extra)


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string"


# ------------------------------------------------------------------- both


def parse_all(items: Iterable[Doc | Raw], options: ReadOptions) -> Iterator[Doc]:
    parse = Parser(options)
    for item in items:
        yield parse(item)


def read_all(
    args: list[str], options: ReadOptions, counter: ByteCounter, *, exclude: str | None = None
) -> Iterator[Doc]:
    """Every record of every input, framed and parsed, in order."""
    return parse_all(frame_all(args, options, counter, exclude=exclude), options)


def read_input(inp: Input, options: ReadOptions, counter: ByteCounter) -> Iterator[Doc]:
    """Every record of one input, framed and parsed, in order."""
    return parse_all(frame_input(inp, options, counter), options)
