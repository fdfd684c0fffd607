"""The example notebook runs top to bottom and shows what it says."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.mark.slow
def test_tour_notebook_executes(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without this, jupyter_core warns that its paths are moving (a
    # DeprecationWarning, which this suite turns into an error).
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    pytest.importorskip("polars")
    pytest.importorskip("folium")

    nb = nbformat.read(EXAMPLES / "furat_tour.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell

    def text_of(cell: dict) -> str:  # type: ignore[type-arg]
        parts = []
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.append(out.get("data", {}).get("text/plain", ""))
        return "".join(parts)

    def html_of(cell: dict) -> str:  # type: ignore[type-arg]
        return "".join(out.get("data", {}).get("text/html", "") for out in cell.get("outputs", []))

    code = [c for c in nb.cells if c.cell_type == "code"]
    outputs = [text_of(c) for c in code]
    by_source = {c.source.split("\n")[0]: c for c in code}
    assert "5 articles" in outputs[0]
    # The article displays as HTML with its place mentions highlighted, its
    # places as a table, and the map as a folium map.
    article = by_source['article = furat.process(articles["001_808bfe06fadf3ace"], id="001")']
    assert 'class="furat-place"' in html_of(article) and "places=" in text_of(article)
    places = next(c for c in code if c.source.endswith("article.places"))
    assert '<table class="furat-places">' in html_of(places)
    fmap = next(c for c in code if "places_map" in c.source)
    assert "folium" in text_of(fmap) and "leaflet" in html_of(fmap).lower()
    # pandas: one row per mention, with the part and the governorate.
    mentions = next(c for c in code if c.source.startswith('places_df[["surface"'))
    assert "governorate_en" in text_of(mentions) and "title" in text_of(mentions)
    assert "'دَيْرُ الزُّوْر'" in "".join(outputs) and "-> 'دير الزور'" in "".join(outputs)
    assert "5 documents read, 5 written, 0 failed" in outputs[-1] and "places found" in outputs[-1]
    assert os.environ["JUPYTER_PLATFORM_DIRS"] == "1"
