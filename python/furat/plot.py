"""Maps of place mentions: ``furat.plot.places_map``.

>>> articles = furat.process_batch(pages)
>>> furat.plot.places_map(articles)          # a folium.Map; shows itself in Jupyter

folium is an optional dependency (``pip install 'furat[map]'``), imported
only when a map is drawn, so ``import furat`` stays light.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from furat._furat import Article, Match, Place

__all__ = ["places_map", "place_counts"]

#: Where a map with nothing to show is centred: the Euphrates valley.
EASTERN_SYRIA = (35.3, 40.1)


@dataclass
class PlaceCount:
    """How often one place is mentioned, and how it was written."""

    place: Place
    count: int = 0
    surfaces: dict[str, int] = field(default_factory=dict)


def _matches(items: Any) -> Iterable[Match]:
    """Every mention in ``items``: a Match, an Article (its ``places``), or
    any nesting of iterables of those (``find_batch`` output, a list of
    articles, a pandas Series of articles)."""
    from furat._furat import Article, Match

    if isinstance(items, Match):
        yield items
    elif isinstance(items, Article):
        if items.places is None:
            raise ValueError(
                "this Article comes from furat.clean, which does not look for places; use furat.process"
            )
        yield from items.places
    elif isinstance(items, (str, bytes)):
        raise TypeError(f"expected Match or Article objects, got {type(items).__name__}")
    elif isinstance(items, Iterable):
        for item in items:
            yield from _matches(item)
    else:
        raise TypeError(f"expected Match or Article objects, got {type(items).__name__}")


def place_counts(items: Match | Article | Iterable[Any]) -> list[PlaceCount]:
    """The places mentioned in ``items`` with their counts, most mentioned
    first."""
    counts: dict[str, PlaceCount] = {}
    for m in _matches(items):
        c = counts.setdefault(m.place.pcode, PlaceCount(m.place))
        c.count += 1
        c.surfaces[m.text] = c.surfaces.get(m.text, 0) + 1
    return sorted(counts.values(), key=lambda c: (-c.count, c.place.pcode))


def _radius(count: int, most: int) -> float:
    # Area grows with the count: radius with its square root, 5 to 25 px.
    return 5.0 + 20.0 * math.sqrt(count / most)


def _label(c: PlaceCount) -> str:
    p = c.place
    gov = f" · {p.admin1_name_en} governorate" if p.admin1_name_en and p.level != "governorate" else ""
    written = ", ".join(f"{s} ×{n}" for s, n in sorted(c.surfaces.items(), key=lambda x: -x[1]))
    return (
        f"<b>{html.escape(p.name_en)}</b> {html.escape(p.name_ar)}<br>"
        f"{html.escape(p.level)} · {html.escape(p.pcode)}{html.escape(gov)}<br>"
        f"{c.count} mention{'s' if c.count != 1 else ''}: <span dir=\"auto\">{html.escape(written)}</span>"
    )


def places_map(
    items: Match | Article | Iterable[Any],
    *,
    tiles: str = "OpenStreetMap",
    color: str = "#b45309",
    width: str | int = "100%",
    height: str | int = 480,
) -> Any:
    """A folium map of the places mentioned in ``items``: one circle per
    place, its area proportional to the number of mentions; hovering shows
    the place (name, level, P-code, governorate) and how it was written.

    Args:
        items: Match or Article objects (from ``furat.process``), or any
            nesting of iterables of them.
        tiles, width, height: passed to ``folium.Map``.
        color: the circles' colour.

    Returns:
        folium.Map (it displays itself in a notebook; ``.save("map.html")``
        writes a page). Places without coordinates (a few regions) are left
        out; the map's ``furat_skipped`` attribute lists their P-codes.

    Raises:
        ModuleNotFoundError: folium is not installed (``pip install
            'furat[map]'``).
    """
    counts = place_counts(items)
    try:
        import folium
    except ModuleNotFoundError as e:
        raise ModuleNotFoundError(
            "furat.plot.places_map needs folium: pip install 'furat[map]' (or pip install folium)",
            name="folium",
        ) from e
    shown = [(c, c.place.lat, c.place.lon) for c in counts]
    located = [(c, lat, lon) for c, lat, lon in shown if lat is not None and lon is not None]
    fmap = folium.Map(location=EASTERN_SYRIA, zoom_start=7, tiles=tiles, width=width, height=height)
    most = max((c.count for c, _, _ in located), default=1)
    for c, lat, lon in located:
        label = _label(c)
        folium.CircleMarker(
            location=(lat, lon),
            radius=_radius(c.count, most),
            color=color,
            weight=1,
            fill=True,
            fill_color=color,
            fill_opacity=0.45,
            tooltip=folium.Tooltip(label),
            popup=folium.Popup(label, max_width=320),
        ).add_to(fmap)
    if len(located) > 1:
        lats = [lat for _, lat, _ in located]
        lons = [lon for _, _, lon in located]
        fmap.fit_bounds([(min(lats), min(lons)), (max(lats), max(lons))], padding=(20, 20))
    elif located:
        fmap.location = [located[0][1], located[0][2]]
    # The places left off, so that a missing circle can be explained.
    skipped = [c.place.pcode for c, lat, lon in shown if lat is None or lon is None]
    setattr(fmap, "furat_skipped", skipped)  # noqa: B010 (folium.Map declares no such attribute)
    return fmap
