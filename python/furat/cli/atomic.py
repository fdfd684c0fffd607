"""Writing an output file atomically: a reader of the output path sees the
old file or the complete new one, never a partial one."""

from __future__ import annotations

import os
import tempfile
from types import TracebackType


class AtomicFile:
    """A temporary file beside ``path`` that replaces ``path`` on
    :meth:`commit` (after an fsync) and disappears on :meth:`discard`.

    The temporary file lives in the same directory so that the final rename
    never crosses file systems (where it would not be atomic).
    """

    def __init__(self, path: str) -> None:
        self.path = path
        directory = os.path.dirname(os.path.abspath(path))
        fd, self.temp_path = tempfile.mkstemp(
            dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".furat-tmp"
        )
        self.file = os.fdopen(fd, "wb")
        self._done = False

    def commit(self) -> None:
        if self._done:
            return
        self._done = True
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            # mkstemp creates the file 0600; give it the mode a plain open()
            # would have, so that the output is not unexpectedly private.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self.temp_path, 0o666 & ~umask)
            os.replace(self.temp_path, self.path)
        except BaseException:
            self._remove_temp()
            raise

    def discard(self) -> None:
        if self._done:
            return
        self._done = True
        self._remove_temp()

    def _remove_temp(self) -> None:
        try:
            self.file.close()
        finally:
            try:
                os.unlink(self.temp_path)
            except FileNotFoundError:
                pass

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()
