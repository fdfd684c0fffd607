"""``-t pretty``: each document as a few readable lines, for a person at a
terminal (``make demo`` uses it); JSONL stays the default for pipelines.

For ``process`` (and ``places``), the places a document mentions, one line
per place, most mentioned first::

    examples/articles/001 · 2024-01-24 · 11 mentions of 8 places
      التحالف الدولي ينفي الاستعداد لعملية عسكرية ضد إيران في سوريا
      Al-Hasakeh          community      C4360     ×2  body         Al-Hasakeh    الحسكة
      ...

English names lead each line and the Arabic surface ends it, so that a
terminal without bidirectional text support still lines the columns up.
"""

from __future__ import annotations

from typing import Any

from furat.cli.writers import Row, plain

#: The most characters of a title, body or text shown.
_WIDTH = 110


def _clip(text: str | None, width: int = _WIDTH) -> str:
    one_line = " ".join((text or "").split())
    return one_line if len(one_line) <= width else one_line[: width - 1] + "…"


def _places(mentions: list[dict[str, Any]]) -> list[str]:
    """One line per place: name, level, P-code, count, parts, governorate,
    the surfaces as written."""
    by_place: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        by_place.setdefault(str(m.get("pcode")), []).append(m)
    ranked = sorted(by_place.values(), key=lambda ms: (-len(ms), ms[0].get("start", 0)))
    lines = []
    for ms in ranked:
        m = ms[0]
        parts = sorted({str(x["part"]) for x in ms if x.get("part")}, key=("title", "body").index)
        surfaces = list(dict.fromkeys(str(x.get("surface", "")) for x in ms))
        governorate = m.get("governorate_en") or ""
        if m.get("level") == "governorate":
            governorate = ""
        lines.append(
            f"  {_clip(m.get('name_en') or m.get('name_ar'), 24):24} {m.get('level', ''):13} {m.get('pcode', ''):10}"
            f" ×{len(ms):<3} {','.join(parts):11} {_clip(governorate, 14):14} {' / '.join(surfaces)}"
        )
    return lines


def render(row: dict[str, Any]) -> str:
    """The readable lines of one output row (a document or an error)."""
    head = str(row.get("id"))
    if "error" in row:
        return f"{head} · FAILED: {row['error']}\n\n"
    meta = row.get("meta")
    meta = meta if isinstance(meta, dict) else {}
    mentions = row.get("places")
    about = [head]
    if meta.get("date"):
        about.append(str(meta["date"]))
    if meta.get("dateline"):
        about.append(f"dateline {meta['dateline']}")
    if isinstance(mentions, list):
        distinct = len({m.get("pcode") for m in mentions})
        if mentions:
            about.append(f"{len(mentions)} mention{'s' * (len(mentions) != 1)} of {distinct} place{'s' * (distinct != 1)}")
        else:
            about.append("no place mentioned" + (" in the title or body" if "title" in row else ""))
    out = [" · ".join(about)]
    if "title" in row:
        # The headline without its site suffix when the page has one.
        title = meta.get("title") or row.get("title")
        out.append(f"  {_clip(title) or '(no title found)'}")
    if isinstance(mentions, list):
        out.extend(_places(mentions))
    elif "body" in row:
        out.append(f"  {_clip(row.get('body')) or '(no body found)'}")
    elif "text" in row:
        out.append(f"  {_clip(row.get('text'))}")
    return "\n".join(out) + "\n\n"


class PrettyEncoder:
    def __call__(self, rows: list[Row]) -> bytes:
        return "".join(render(plain(r)) for r in rows).encode("utf-8")
