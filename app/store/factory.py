"""Opening the local store: where its data folder lives, its layout, schema upgrade and recovery."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import platformdirs

from app.store.db import make_engine
from app.store.filestore import BlobStore, fsync_dir, store_error_from_os
from app.store.journal import SqliteStore
from app.store.lockfile import DirLock
from app.store.migrate import upgrade_to_head

log = logging.getLogger(__name__)

APP_NAME = "sohoa-station"
APP_AUTHOR = "TramSoHoa"
DATA_DIR_ENV = "SOHOA_DATA_DIR"
DB_NAME = "station.db"
LOCK_NAME = "station.lock"
FILES_DIR = "files"
TMP_DIR = "tmp"


def default_data_dir() -> Path:
    """``$SOHOA_DATA_DIR`` when set, else the per-user data folder of the platform."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def open_store(data_dir: Path | str | None = None, *, deep_check: bool = False) -> SqliteStore:
    """Open (creating if needed) the store in ``data_dir``: upgrade its schema, then recover.

    Layout: ``station.db`` (SQLite, WAL), ``files/ab/cdef…`` (page files by SHA-256), ``tmp/``
    (writes in progress). ``deep_check`` hashes every page file instead of only recent batches'.
    The recovery report is in ``store.last_recovery``.
    """
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    try:
        for folder in (root, root / FILES_DIR, root / TMP_DIR):
            folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise store_error_from_os(exc, "creating the data folder") from exc
    dir_lock = DirLock(root / LOCK_NAME)
    try:
        dir_lock.acquire_shared()
    except OSError as exc:
        raise store_error_from_os(exc, "locking the data folder") from exc
    engine = make_engine(root / DB_NAME)
    try:
        upgrade_to_head(engine)
        _sync_layout(root)
        store = SqliteStore(root, engine, BlobStore(root / FILES_DIR, root / TMP_DIR), dir_lock)
        store.recover(deep=deep_check)
    except BaseException:
        engine.dispose()
        dir_lock.release()
        raise
    log.info("Store opened")
    return store


def _sync_layout(root: Path) -> None:
    """Make the new folders and database files durable entries before any page relies on them."""
    try:
        fsync_dir(root)
        fsync_dir(root / FILES_DIR)
    except OSError as exc:
        raise store_error_from_os(exc, "syncing the data folder") from exc
