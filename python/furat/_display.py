"""Notebook display of articles and place mentions (``Article._repr_html_``,
``MatchList._repr_html_``).

An article: each line of the page is one row, coloured by its label, with
its kind as a tag and its reason on hover; boilerplate is grey. Text cells
use ``dir="auto"`` so Arabic lines read right to left and English lines
left to right, each on its own; runs of blank lines are folded into one
thin row. A processed article (``furat.process``) also highlights its
place mentions; hovering one shows the place's name, level, P-code and
governorate.

Page text is untrusted (scraped from anywhere): every piece of it, and
every other value, goes through ``html.escape`` before it reaches the
markup, attributes included.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from furat._furat import Article, Line, Match

#: (background, text colour) per label.
COLOURS = {
    "title": ("#dbeafe", "#1e3a8a"),
    "content": ("#ecfdf5", "#064e3b"),
    "boilerplate": ("#f3f4f6", "#6b7280"),
    "blank": ("transparent", "#9ca3af"),
}

_STYLE = (
    "<style>"
    ".furat-article{font-family:system-ui,sans-serif;font-size:13px;border-collapse:collapse;width:100%}"
    ".furat-article td{padding:2px 6px;vertical-align:top;border-bottom:1px solid #e5e7eb}"
    ".furat-article .n{color:#9ca3af;text-align:right;width:3em;font-variant-numeric:tabular-nums}"
    ".furat-article .tag{font-size:11px;white-space:nowrap;width:9em}"
    ".furat-article .t{unicode-bidi:plaintext;text-align:start}"
    ".furat-meta{font-family:system-ui,sans-serif;font-size:13px;margin-bottom:6px}"
    ".furat-meta b{color:#374151}"
    "mark.furat-place{background:#fde68a;color:#78350f;border-radius:3px;padding:0 2px;cursor:help}"
    "mark.furat-place.title{background:#fcd34d}"
    ".furat-places{font-family:system-ui,sans-serif;font-size:13px;border-collapse:collapse}"
    ".furat-places th,.furat-places td{padding:2px 8px;border-bottom:1px solid #e5e7eb;text-align:start}"
    ".furat-places th{background:#f9fafb;color:#374151}"
    ".furat-places .num{text-align:right;font-variant-numeric:tabular-nums}"
    "</style>"
)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def article_html(article: Article) -> str:
    """The HTML of an article: its metadata, then every line coloured by label."""
    meta = article.meta
    parts = [_STYLE, '<div class="furat-meta">']
    shown = [(k, v) for k, v in meta.items() if v]
    if shown:
        parts.append(" · ".join(f'<b>{_e(k)}</b>: <span dir="auto">{_e(v)}</span>' for k, v in shown))
    else:
        parts.append("<i>no metadata found</i>")
    counts: dict[str, int] = {}
    for label in article.labels:
        counts[label] = counts.get(label, 0) + 1
    legend = " ".join(
        f'<span style="background:{COLOURS[k][0]};color:{COLOURS[k][1]};padding:0 4px">{k} {counts.get(k, 0)}</span>'
        for k in ("title", "content", "boilerplate", "blank")
    )
    places = article.places
    if places is not None:
        legend += (
            f' <span style="background:#fde68a;color:#78350f;padding:0 4px">places {len(places)}</span>'
            f" {_e(_place_summary(places))}"
        )
    if article.id is not None:
        legend = f"<b>id</b>: {_e(article.id)} " + legend
    parts.append(f"<div>{legend}</div></div>")
    parts.append('<table class="furat-article">')
    by_line = _mentions_by_line(article.lines, places or [])
    previous_blank = False
    for line in article.lines:
        if line.label == "blank":
            if previous_blank:
                continue
            previous_blank = True
            parts.append('<tr><td class="n"></td><td class="tag"></td><td class="t" style="height:4px"></td></tr>')
            continue
        previous_blank = False
        bg, fg = COLOURS[line.label]
        weight = "font-weight:600;" if line.label == "title" else ""
        parts.append(
            f'<tr style="background:{bg};color:{fg};{weight}" title="{_e(line.reason)}">'
            f'<td class="n">{line.index}</td>'
            f'<td class="tag">{_e(line.label)} · {_e(line.kind)}</td>'
            f'<td class="t" dir="auto">{_highlighted(line, by_line.get(line.index, []))}</td></tr>'
        )
    parts.append("</table>")
    return "".join(parts)


def place_hover(m: Match) -> str:
    """What hovering a mention shows: name, level, P-code, governorate."""
    p = m.place
    name = f"{p.name_en} / {p.name_ar}" if p.name_ar and p.name_ar != p.name_en else p.name_en
    parts = [name, p.level, p.pcode]
    if p.admin1_name_en and p.level != "governorate":
        parts.append(f"{p.admin1_name_en} governorate")
    if m.score < 1.0:
        parts.append(f"score {m.score:.2f}")
    return " · ".join(parts)


def _mentions_by_line(lines: list[Line], places: Iterable[Match]) -> dict[int, list[Match]]:
    """The mentions inside each line, by line index, in order."""
    out: dict[int, list[Match]] = {}
    spans = [(line.start, line.end, line.index) for line in lines]
    i = 0
    for m in sorted(places, key=lambda m: m.start):
        while i < len(spans) and spans[i][1] < m.end:
            i += 1
        if i < len(spans) and spans[i][0] <= m.start:
            out.setdefault(spans[i][2], []).append(m)
    return out


def _highlighted(line: Line, mentions: list[Match]) -> str:
    """The line's text, escaped, with each mention in a ``<mark>``."""
    text = line.text
    out: list[str] = []
    pos = 0
    for m in mentions:
        s, e = m.start - line.start, m.end - line.start
        if s < pos or e > len(text):  # overlapping or outside: leave it plain
            continue
        cls = "furat-place title" if m.part == "title" else "furat-place"
        out.append(_e(text[pos:s]))
        out.append(f'<mark class="{cls}" title="{_e(place_hover(m))}">{_e(text[s:e])}</mark>')
        pos = e
    out.append(_e(text[pos:]))
    return "".join(out)


def _place_summary(places: Iterable[Match], limit: int = 8) -> str:
    """The places most mentioned: "Deir-ez-Zor ×3, Hajin ×1"."""
    counts: dict[str, tuple[str, int]] = {}
    for m in places:
        name, n = counts.get(m.place.pcode, (m.place.name_en or m.place.name_ar, 0))
        counts[m.place.pcode] = (name, n + 1)
    ranked = sorted(counts.values(), key=lambda x: -x[1])
    shown = ", ".join(f"{name} ×{n}" for name, n in ranked[:limit])
    return shown + (f", … {len(ranked) - limit} more" if len(ranked) > limit else "")


def matches_html(matches: Iterable[Match]) -> str:
    """A table of place mentions: one row each."""
    rows = list(matches)
    if not rows:
        return "<i>no place mentions</i>"
    head = ("", "surface", "part", "place", "level", "P-code", "governorate", "score", "span")
    parts = [_STYLE, '<table class="furat-places"><thead><tr>']
    parts.extend(f"<th>{h}</th>" for h in head)
    parts.append("</tr></thead><tbody>")
    for i, m in enumerate(rows):
        p = m.place
        name = f'{_e(p.name_en)} <span dir="auto">{_e(p.name_ar)}</span>' if p.name_ar else _e(p.name_en)
        cells = (
            f'<td class="num">{i}</td>',
            f'<td dir="auto">{_e(m.text)}</td>',
            f"<td>{_e(m.part or '')}</td>",
            f"<td>{name}</td>",
            f"<td>{_e(p.level)}</td>",
            f"<td><code>{_e(p.pcode)}</code></td>",
            f"<td>{_e(p.admin1_name_en or '')}</td>",
            f'<td class="num">{m.score:.2f}</td>',
            f'<td class="num">{m.start}–{m.end}</td>',
        )
        parts.append(f'<tr title="{_e(place_hover(m))}">{"".join(cells)}</tr>')
    parts.append("</tbody></table>")
    return "".join(parts)
