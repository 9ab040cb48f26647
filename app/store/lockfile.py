"""Advisory lock on the data folder: tells recovery whether another live process has the store open.

Every open store holds a shared lock on ``data_dir/station.lock``. Recovery (deleting temp files,
closing interrupted scans) needs the exclusive lock: if another process holds the store, its scan
may be running right now and its temp files may be in use, so recovery is skipped. The kernel drops
the lock of a killed process, so a crash never leaves the folder locked.

POSIX uses flock(2). Windows has no shared advisory lock in the standard library: there every
opener is treated as the only one (a known gap: do not run two stations on one data folder).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


class DirLock:
    """A shared/exclusive advisory lock held through one open file description."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[bytes] | None = None
        self.exclusive = False

    def acquire_shared(self) -> None:
        self._file = self.path.open("a+b")
        if fcntl is not None:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_SH)

    def try_exclusive(self) -> bool:
        """Upgrade to exclusive without waiting; False when another opener holds the store."""
        if self._file is None:
            raise RuntimeError("lock not acquired")
        if fcntl is None:
            self.exclusive = True
            return True
        try:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            # A failed flock conversion may already have dropped our shared lock: take it again.
            fcntl.flock(self._file.fileno(), fcntl.LOCK_SH)
            log.info("Another process has the store open; skipping crash recovery")
            return False
        self.exclusive = True
        return True

    def downgrade(self) -> None:
        """Back to shared, so other processes may open the store too."""
        if self._file is not None and fcntl is not None and self.exclusive:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_SH)
        self.exclusive = False

    def release(self) -> None:
        if self._file is None:
            return
        if fcntl is not None:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
        self._file.close()
        self._file = None
        self.exclusive = False
