"""Applies the retention period: removes raw scans of documents the central repository confirmed
long enough ago, marks their pages, and audits what was freed (see app.core.retention)."""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from app.core.outbox import OutboxState
from app.core.retention import RetentionResult, cutoff, removable_files
from app.store.audit import SYSTEM_ACTOR, append_audit
from app.store.db import WriteSession, translated, writer
from app.store.filestore import BlobStore
from app.store.orm import DocumentRow, PageRow
from app.store.outbox_orm import OutboxRow, naive_utc

log = logging.getLogger(__name__)


class ScanRetention:
    """``run(days)`` after sending, at start or from ``sohoa retention``; idempotent and crash-safe:
    pages are marked before their files go, and a later run removes what a crash left behind."""

    def __init__(self, engine: Engine, blobs: BlobStore, lock: threading.Lock | None = None) -> None:
        self._engine = engine
        self._writer = writer(engine)
        self._blobs = blobs
        self._lock = lock or threading.Lock()

    def run(
        self, days: int, now: datetime | None = None, *, dry_run: bool = False, actor: str = SYSTEM_ACTOR
    ) -> RetentionResult:
        moment = now or datetime.now(UTC)
        limit = cutoff(moment, days)
        if limit is None:
            return RetentionResult(days, dry_run=dry_run)
        fresh, files = self._plan(limit)
        sizes = {sha: path.stat().st_size for sha in files if (path := self._blobs.path(sha)).exists()}
        documents = {doc for doc in fresh.values() if doc}
        result = RetentionResult(days, len(documents), len(fresh), len(sizes), sum(sizes.values()))
        if dry_run:
            return replace(result, dry_run=True)
        if fresh:
            self._mark(set(fresh), naive_utc(moment), actor, result)
        for sha in sizes:
            self._blobs.discard(sha)
        log.info("retention: %d pages, %d files, %d bytes", result.pages, result.files, result.bytes_freed)
        return result

    def _plan(self, limit: datetime) -> tuple[dict[int, int], set[str]]:
        """(due pages not marked yet -> their document or 0, the files that may go)."""
        with translated("reading what the retention period removes"), Session(self._engine) as session:
            documents = self._due_documents(session, naive_utc(limit))
            due, fresh = self._due_pages(session, documents)
            if not due:  # nothing confirmed long enough ago: no need to read every page of the station
                return {}, set()
            everything = dict(session.execute(select(PageRow.id, PageRow.sha256)).all())
            pdfs = set(session.scalars(select(DocumentRow.pdf_sha256)))
        return fresh, removable_files(due, everything, {sha for sha in pdfs if sha})

    @staticmethod
    def _due_documents(session: Session, limit: datetime | None) -> set[int]:
        query = select(OutboxRow.document_id).where(
            OutboxRow.state == OutboxState.CONFIRMED.value, OutboxRow.updated_at <= limit
        )
        return set(session.scalars(query))

    @staticmethod
    def _due_pages(session: Session, documents: set[int]) -> tuple[dict[int, str], dict[int, int]]:
        """Pages of due documents, plus a batch's loose pages (separators, blanks) once every document
        of the batch is due; and those not marked yet, with their document (0 for loose pages)."""
        if not documents:
            return {}, {}
        rows = session.execute(select(DocumentRow.id, DocumentRow.batch_id)).all()
        batches: dict[int, set[int]] = {}
        for doc_id, batch_id in rows:
            batches.setdefault(batch_id, set()).add(doc_id)
        whole = [b for b, docs in batches.items() if docs <= documents]
        query = select(PageRow.id, PageRow.sha256, PageRow.document_id, PageRow.scan_purged_at).where(
            PageRow.document_id.in_(documents) | (PageRow.batch_id.in_(whole) & PageRow.document_id.is_(None))
        )
        pages = session.execute(query).all()
        fresh = {pid: doc or 0 for pid, _, doc, at in pages if at is None}
        return {pid: sha for pid, sha, _, _ in pages}, fresh

    def _mark(self, pages: set[int], at: datetime | None, actor: str, result: RetentionResult) -> None:
        with self._lock, translated("recording removed scans"), WriteSession(self._writer) as session:
            session.execute(update(PageRow).where(PageRow.id.in_(pages)).values(scan_purged_at=at))
            detail = {
                "days": result.days,
                "documents": result.documents,
                "pages": result.pages,
                "files": result.files,
                "bytes": result.bytes_freed,
            }
            append_audit(session, actor, "scans_purged", "scans", detail)
