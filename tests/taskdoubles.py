"""Test doubles of engine tasks, importable by worker processes (which
unpickle tasks by module and class name)."""

from __future__ import annotations

import os
from collections.abc import Sequence

from furat._tasks import Result, Task


class Upper(Task):
    """Upper-cases; fails (like a crashing engine) on texts containing BOOM,
    and kills its worker process on the text DIE."""

    name = "upper"
    fields = ("text", "site")

    def __init__(self, threads: int | None = None) -> None:
        self.threads = threads

    def run(self, texts: Sequence[str], sites: Sequence[str | None]) -> list[Result]:
        if "DIE" in texts:
            os._exit(3)
        if any("BOOM" in t for t in texts):
            raise ValueError("boom")
        return [{"text": t.upper(), "site": s} for t, s in zip(texts, sites, strict=True)]


class WithPlaces(Task):
    """Returns one fake mention per word: for the runner's place counting."""

    name = "fake-places"
    fields = ("places",)

    def run(self, texts: Sequence[str], sites: Sequence[str | None]) -> list[Result]:
        return [{"places": [{"surface": w} for w in t.split()]} for t in texts]
