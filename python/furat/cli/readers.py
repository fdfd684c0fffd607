"""Input records from plain-text, JSONL and WET files.

Each reader yields one :class:`Doc` per record it finds, a document or an
error record, and never raises for bad data: a damaged record costs only
itself, an unreadable file one error record.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
import io
from urllib.parse import urlsplit

from furat.cli import warc
from furat.cli.inputs import ByteCounter, Input, expand, format_from_name, open_input, sniff_format
from furat.cli.records import Doc, decode_utf8, document, failed

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


def read_all(
    args: list[str], options: ReadOptions, counter: ByteCounter, *, exclude: str | None = None
) -> Iterator[Doc]:
    """Every record of every input the arguments name, in order (``exclude``:
    the output file, never read as an input)."""
    for item in expand(args, exclude=exclude):
        if isinstance(item, Doc):
            yield item
        else:
            yield from read_input(item, options, counter)


def read_input(inp: Input, options: ReadOptions, counter: ByteCounter) -> Iterator[Doc]:
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
            yield from _read_jsonl(inp, stream, options)
        elif fmt == "wet":
            yield from _read_wet(inp, stream)
        else:
            yield _read_text(inp, stream)


def _reason(e: BaseException) -> str:
    if isinstance(e, OSError) and e.strerror:
        return e.strerror[0].lower() + e.strerror[1:]
    return str(e) or type(e).__name__


def _read_text(inp: Input, stream: io.BufferedIOBase) -> Doc:
    try:
        data = stream.read()
    except _STREAM_ERRORS as e:
        return failed(inp.id_base, inp.name, f"unreadable file: {_reason(e)}")
    text, error = decode_utf8(data)
    if text is None:
        return failed(inp.id_base, inp.name, error or "unreadable file")
    return document(inp.id_base, inp.name, text)


def _read_jsonl(inp: Input, stream: io.BufferedIOBase, options: ReadOptions) -> Iterator[Doc]:
    lineno = 0
    try:
        for lineno, line in enumerate(stream, 1):
            if line.strip():
                yield _jsonl_record(inp, lineno, line, options)
    except _STREAM_ERRORS as e:
        where = f"{inp.name}:{lineno + 1}"
        yield failed(f"{inp.id_base}:{lineno + 1}", where, f"unreadable file: {_reason(e)}")


def _jsonl_record(inp: Input, lineno: int, line: bytes, options: ReadOptions) -> Doc:
    source = f"{inp.name}:{lineno}"
    fallback_id = f"{inp.id_base}:{lineno}"
    text, error = decode_utf8(line.rstrip(b"\r\n"))
    if text is None:
        return failed(fallback_id, source, error or "unreadable line")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        return failed(fallback_id, source, f"invalid JSON: {e.msg}: column {e.colno}")
    if not isinstance(obj, dict):
        return failed(fallback_id, source, f"not a JSON object but {_json_type(obj)}")
    raw_id = obj.get(options.id_field)
    doc_id = fallback_id if raw_id is None else raw_id if isinstance(raw_id, str) else json.dumps(raw_id)
    if options.text_field not in obj:
        return failed(doc_id, source, f"no {options.text_field!r} field")
    value = obj[options.text_field]
    if not isinstance(value, str):
        return failed(doc_id, source, f"field {options.text_field!r} is {_json_type(value)}, not a string")
    site = obj.get(options.site_field)
    return document(doc_id, source, value, site if isinstance(site, str) and site else None)


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


def _read_wet(inp: Input, stream: io.BufferedIOBase) -> Iterator[Doc]:
    """Each ``conversion`` record is a document: its target URI is the id
    and the URI's host the site. Other record types (``warcinfo``) are not
    documents."""
    found = 0
    for item in warc.read_records(stream):
        source = f"{inp.name}#{item.number}"
        uri = item.headers.get("warc-target-uri") or ""
        if isinstance(item, warc.Damage):
            found += 1
            yield failed(uri or source, source, item.reason)
            continue
        if item.type != "conversion":
            continue
        found += 1
        doc_id = uri or item.headers.get("warc-record-id") or source
        text, error = decode_utf8(item.block)
        if text is None:
            yield failed(doc_id, source, error or "unreadable record")
        else:
            yield document(doc_id, source, text, site_of(uri))
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
