"""The service's shared parts, built once per app: config, database, storage, schemas, locks."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.central.config import CentralConfig
from app.central.db import Database
from app.central.models import Upload
from app.central.storage import FileStorage, make_storage
from app.core.doctypes import DocType, load_doctypes

log = logging.getLogger(__name__)


class UploadSlot:
    """The lock of one upload plus a flag asking its current writer to stop.

    A link that dies without a FIN or RST leaves a PATCH waiting for bytes that never come. The
    newer request wins (as in tusd): HEAD or PATCH asks the writer to stop, it keeps what it got.
    """

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.preempt = asyncio.Event()

    async def acquire(self, wait_s: float) -> bool:
        """Take the lock, asking a current writer to stop; False when it did not let go in time."""
        if self.lock.locked():
            self.preempt.set()
        try:
            await asyncio.wait_for(self.lock.acquire(), wait_s)
        except TimeoutError:
            return False
        self.preempt.clear()
        return True

    def release(self) -> None:
        self.lock.release()


@dataclass
class Central:
    config: CentralConfig
    db: Database
    storage: FileStorage
    doctypes: dict[str, DocType]
    trust_roots: list[bytes]
    _slots: dict[str, UploadSlot] = field(default_factory=dict)

    @classmethod
    def build(cls, config: CentralConfig) -> Central:
        config.data_dir.mkdir(parents=True, exist_ok=True)
        config.uploads_dir.mkdir(parents=True, exist_ok=True)
        return cls(
            config=config,
            db=Database(config.db_url),
            storage=make_storage(config.files_dir, config.s3),
            doctypes=load_doctypes(config.doctypes_dir),
            trust_roots=[path.read_bytes() for path in config.trust_roots],
        )

    def slot(self, upload_id: str) -> UploadSlot:
        """One writer per upload (the event loop is single-threaded, so the dict needs no lock)."""
        return self._slots.setdefault(upload_id, UploadSlot())

    def forget_slot(self, upload_id: str) -> None:
        self._slots.pop(upload_id, None)

    def expire_uploads(self) -> int:
        """Delete incomplete uploads older than the expiry; returns how many went."""
        cutoff = datetime.now(UTC) - timedelta(days=self.config.upload_expiry_days)
        with self.db.session() as session:
            old = list(session.scalars(select(Upload).where(Upload.created_at < cutoff)))
            for upload in old:
                session.delete(upload)
        for upload in old:
            self.config.uploads_dir.joinpath(f"{upload.id}.part").unlink(missing_ok=True)
        if old:
            log.info("expired %d stale uploads", len(old))
        return len(old)
