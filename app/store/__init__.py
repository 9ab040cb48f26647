"""Local store: SQLite journal of batches, documents and pages plus content-addressed page files.

``open_store()`` is the entry point; the returned ``SqliteStore`` implements
``app.core.ports.CaptureJournal``.
"""

from __future__ import annotations

from app.store.factory import DATA_DIR_ENV, default_data_dir, open_store
from app.store.filestore import BlobStore
from app.store.journal import SqliteStore
from app.store.migrate import NewerSchemaError
from app.store.recovery import RecoveryReport

Store = SqliteStore  # the name the composition root uses

__all__ = [
    "DATA_DIR_ENV",
    "BlobStore",
    "NewerSchemaError",
    "RecoveryReport",
    "SqliteStore",
    "Store",
    "default_data_dir",
    "open_store",
]
