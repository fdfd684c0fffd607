"""``MatchList``: the list of place mentions ``Article.places`` returns.

A plain ``list`` of ``furat.Match`` in every respect, plus what a notebook
and a table need: ``_repr_html_`` (a table: surface, part, place, level,
P-code, governorate, score, span), ``to_records()`` (flat dicts) and
``to_pandas()``. Wrap the result of ``Gazetteer.find`` to get the same:
``furat.MatchList(g.find(text))``.

Light on purpose: importing it imports neither pandas nor the display code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from furat._furat import Match

__all__ = ["MatchList"]


class MatchList(list["Match"]):
    """A list of place mentions that displays as a table in a notebook."""

    __slots__ = ()

    def to_records(self) -> list[dict[str, Any]]:
        """One flat, JSON-ready dict per mention (``Match.to_record()``)."""
        return [m.to_record() for m in self]

    def to_pandas(self) -> pd.DataFrame:
        """A DataFrame, one row per mention: the columns of
        ``Series.furat.places(clean=True)`` (needs pandas)."""
        import pandas as pd

        from furat.pandas import mentions_frame

        return mentions_frame(pd.RangeIndex(1), [0], [{"places": self.to_records()}], with_part=True).reset_index(
            drop=True
        )

    def _repr_html_(self) -> str:
        from furat._display import matches_html

        return matches_html(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (MatchList, (list(self),))
