"""The unit that flows through a CLI run: one input record."""

from __future__ import annotations

from typing import Any, NamedTuple


class Doc(NamedTuple):
    """One input record: a document to process, or the reason there is none.

    Every record the readers find becomes exactly one ``Doc``, and every
    ``Doc`` exactly one output row: this is how a run accounts for its input.
    """

    #: The document's id: from the id field (JSONL), the target URI (WET),
    #: or the file's path without extension.
    id: str
    #: Where it came from: ``path``, ``path:LINE`` (JSONL) or ``path#N``
    #: (the N-th WARC record of a WET file).
    source: str
    #: The text, or None when ``error`` is set.
    text: str | None = None
    #: The page's site (host name), when the input says.
    site: str | None = None
    #: What went wrong reading it, or None.
    error: str | None = None
    #: Input fields copied to the output (``--keep``), or None.
    extra: dict[str, Any] | None = None


class Raw(NamedTuple):
    """A record framed but not parsed: its bytes, and what the framing
    knows. Decoding and parsing it (``readers.Parser``) runs in the
    workers, where it costs nothing to the main process."""

    #: ``text`` (a whole file), ``jsonl`` (a line) or ``wet`` (a block).
    kind: str
    #: The id (for a JSONL line: the id to use when the line has none).
    id: str
    source: str
    data: bytes
    site: str | None = None
    #: Kept fields the framing already knows (WARC headers), or None.
    extra: dict[str, Any] | None = None


def failed(id: str, source: str, error: str, extra: dict[str, Any] | None = None) -> Doc:
    return Doc(id=id, source=source, error=error, extra=extra)


def document(
    id: str, source: str, text: str, site: str | None = None, extra: dict[str, Any] | None = None
) -> Doc:
    """A document, or an error record when the text is empty."""
    if not text.strip():
        return Doc(id=id, source=source, error="empty text", extra=extra)
    return Doc(id=id, source=source, text=text, site=site, extra=extra)


def decode(data: bytes, encoding: str = "utf-8") -> tuple[str | None, str | None]:
    """``(text, None)``, or ``(None, "invalid UTF-8 at byte N")``."""
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as e:
        name = "UTF-8" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
        return None, f"invalid {name} at byte {e.start}"
