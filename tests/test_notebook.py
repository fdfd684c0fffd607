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

    outputs = [text_of(c) for c in nb.cells if c.cell_type == "code"]
    assert "5 articles" in outputs[0]
    assert "'دَيْرُ الزُّوْر'" in outputs[1] and "-> 'دير الزور'" in outputs[1]
    assert "= 'دير الزور'" in outputs[2]
    assert "5 documents read, 5 written, 0 failed" in outputs[-1]
    assert os.environ["JUPYTER_PLATFORM_DIRS"] == "1"
