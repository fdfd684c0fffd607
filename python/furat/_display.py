"""Notebook display of a cleaned article (``Article._repr_html_``).

Each line of the page is one row, coloured by its label, with its kind as a
tag and its reason on hover. Text cells use ``dir="auto"`` so Arabic lines
read right to left and English lines left to right, each on its own; runs
of blank lines are folded into one thin row.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from furat._furat import Article

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
    parts.append(f"<div>{legend}</div></div>")
    parts.append('<table class="furat-article">')
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
            f'<td class="t" dir="auto">{_e(line.text)}</td></tr>'
        )
    parts.append("</table>")
    return "".join(parts)
