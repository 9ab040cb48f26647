"""Content-addressed blob store: files/ab/cdef… named by SHA-256, written temp -> fsync -> rename."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from app.core.errors import DiskFull, IntegrityError, StoreError

log = logging.getLogger(__name__)

_SHA_RE = re.compile(r"^[0-9a-f]{64}$")
_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
TEMP_PREFIX = "blob-"
TEMP_SUFFIX = ".part"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def store_error_from_os(exc: OSError, action: str) -> StoreError:
    """Map a native OSError to the station's errors: a full disk is its own, actionable case."""
    if exc.errno in _NO_SPACE:
        return DiskFull(action)
    return StoreError(f"{action}: {exc.strerror or exc.__class__.__name__}")


def fsync_dir(path: Path) -> None:
    """Make a rename or a new entry in ``path`` durable (POSIX only; Windows has no directory fsync)."""
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


class BlobStore:
    """Immutable blobs keyed by their SHA-256; a blob is durable when ``put`` returns."""

    def __init__(self, root: Path, tmp_dir: Path) -> None:
        self.root = root
        self.tmp_dir = tmp_dir

    def path(self, sha: str) -> Path:
        if not _SHA_RE.match(sha):
            raise ValueError("not a lowercase SHA-256 hex digest")
        return self.root / sha[:2] / sha[2:]

    def put(self, data: bytes) -> str:
        """Store ``data`` durably and return its SHA-256; storing the same bytes again is a no-op."""
        sha = sha256_hex(data)
        dest = self.path(sha)
        if self._holds(dest, sha, len(data)):
            return sha
        try:
            self._write_new(dest, data)
        except OSError as exc:
            raise store_error_from_os(exc, "writing a page file") from exc
        return sha

    def get(self, sha: str) -> bytes:
        """The blob's bytes, verified against its name (IntegrityError when missing or altered)."""
        try:
            data = self.path(sha).read_bytes()
        except FileNotFoundError as exc:
            raise IntegrityError("page file missing") from exc
        except OSError as exc:
            raise store_error_from_os(exc, "reading a page file") from exc
        if sha256_hex(data) != sha:
            raise IntegrityError("page file does not match its hash")
        return data

    def verify(self, sha: str, size: int | None = None, *, deep: bool = True) -> str | None:
        """None when the blob is sound, else "missing_file" or "integrity" (wrong size or hash)."""
        path = self.path(sha)
        try:
            if size is not None and path.stat().st_size != size:
                return "integrity"
            if deep:
                self.get(sha)
        except (FileNotFoundError, NotADirectoryError):
            return "missing_file"
        except IntegrityError as exc:
            return "missing_file" if exc.detail == "page file missing" else "integrity"
        return None

    def iter_shas(self) -> Iterator[str]:
        """Every blob name present under the root (stray files that are not SHA-256 names are skipped)."""
        if not self.root.is_dir():
            return
        for shard in sorted(self.root.iterdir()):
            if shard.is_dir() and len(shard.name) == 2:
                for entry in shard.iterdir():
                    name = shard.name + entry.name
                    if _SHA_RE.match(name):
                        yield name

    def remove_temp_files(self) -> int:
        """Delete leftovers of interrupted blob writes; only safe while no other writer is running."""
        removed = 0
        if not self.tmp_dir.is_dir():
            return 0
        for entry in self.tmp_dir.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
            if entry.is_file():
                entry.unlink(missing_ok=True)
                removed += 1
        return removed

    def discard(self, sha: str) -> None:
        """Remove a blob the caller knows nothing refers to (e.g. its row could not be committed)."""
        with contextlib.suppress(FileNotFoundError):
            self.path(sha).unlink()

    def _holds(self, dest: Path, sha: str, size: int) -> bool:
        try:
            if dest.stat().st_size != size:
                log.warning("Replacing a stored page file whose size is wrong")
                return False
        except FileNotFoundError:
            return False
        if self.verify(sha) is None:
            return True
        log.warning("Replacing a stored page file whose content is damaged")
        return False

    def _write_new(self, dest: Path, data: bytes) -> None:
        self.tmp_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=self.tmp_dir, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
        tmp = Path(tmp_name)
        try:
            try:
                _write_all(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            self._ensure_shard(dest.parent)
            tmp.replace(dest)
            fsync_dir(dest.parent)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def _ensure_shard(self, shard: Path) -> None:
        if shard.is_dir():
            return
        self.root.mkdir(parents=True, exist_ok=True)
        shard.mkdir(exist_ok=True)
        fsync_dir(self.root)
