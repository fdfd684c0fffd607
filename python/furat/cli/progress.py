"""A one-line progress display on a terminal (no dependency).

It redraws at most ten times a second, so its cost does not depend on how
fast documents go by, and it draws nothing at all when stderr is not a
terminal (a log file or a pipe gets only the final summary).
"""

from __future__ import annotations

import shutil
import time
from typing import TextIO

_INTERVAL = 0.1
_SPINNER = "|/-\\"


def _si(n: float) -> str:
    for unit in ("", "k", "M", "G"):
        if abs(n) < 1000:
            return f"{n:.0f}{unit}" if unit == "" else f"{n:.1f}{unit}"
        n /= 1000
    return f"{n:.1f}T"


def _clock(seconds: float) -> str:
    m, s = divmod(int(seconds), 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


class Progress:
    """``update()`` as often as you like; ``close()`` clears the line."""

    def __init__(self, stream: TextIO, label: str, *, enabled: bool) -> None:
        self.stream = stream
        self.label = label
        self.enabled = enabled
        self.start = time.monotonic()
        self._last = 0.0
        self._frame = 0
        #: Total input bytes, once known (None: show no bar).
        self.total_bytes: int | None = None

    def update(self, docs: int, failed: int, read_bytes: int, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < _INTERVAL:
            return
        self._last = now
        self._frame += 1
        self._draw(self.render(docs, failed, read_bytes, now - self.start))

    def render(self, docs: int, failed: int, read_bytes: int, elapsed: float) -> str:
        rate = docs / elapsed if elapsed > 0 else 0.0
        stats = f"{docs:,} docs, {failed:,} failed, {_si(read_bytes)}B, {_si(rate)} docs/s, {_clock(elapsed)}"
        width = shutil.get_terminal_size((80, 24)).columns - 1
        total = self.total_bytes
        if total:
            fraction = min(read_bytes / total, 1.0)
            # The bar takes the room the numbers leave, and goes first when
            # the terminal is narrow.
            bar_width = width - len(self.label) - len(stats) - 9
            if bar_width >= 10:
                filled = int(fraction * bar_width)
                return f"{self.label} [{'#' * filled}{'-' * (bar_width - filled)}] {fraction:4.0%} {stats}"
            return f"{self.label} {fraction:4.0%} {stats}"[:width]
        return f"{self.label} {_SPINNER[self._frame % len(_SPINNER)]} {stats}"[:width]

    def _draw(self, line: str) -> None:
        self.stream.write("\r\x1b[2K" + line)
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
