"""SqliteStore: the CaptureJournal port on SQLite rows plus content-addressed page files."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine, delete, func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.core.errors import IntegrityError, NotFound, ScanPurged, StoreError
from app.core.models import Batch, BatchState, Document, DocumentState, Page, PageFindings, PageState
from app.core.ocr_types import OcrPage
from app.core.ports import ScannedPage
from app.store.accounts import SqliteAccounts
from app.store.audit import SqliteAudit
from app.store.config import SqliteConfig
from app.store.db import WriteSession, translated, writer
from app.store.editing import SqliteEditing
from app.store.filestore import BlobStore
from app.store.inventory import SqliteInventory
from app.store.lockfile import DirLock
from app.store.ocr_json import ocr_from_json, ocr_to_json
from app.store.orm import (
    PAGE_ORDER,
    BatchRow,
    DocumentRow,
    PageRow,
    batch_from_row,
    document_from_row,
    findings_to_json,
    page_from_row,
    utc_now,
)
from app.store.outbox import SqliteOutbox
from app.store.records import SqliteRecords, forget_documents
from app.store.recovery import RecoveryReport, recover
from app.store.retention import ScanRetention
from app.store.review import SqliteReview
from app.store.search import SearchHit
from app.store.search import search as search_records

log = logging.getLogger(__name__)


class SqliteStore:
    """The local store. Writes are serialised by one lock; reads run on pooled connections."""

    def __init__(self, data_dir: Path, engine: Engine, blobs: BlobStore, dir_lock: DirLock) -> None:
        self.data_dir = data_dir
        self.blobs = blobs
        self.last_recovery = RecoveryReport(ran=False)
        self._engine = engine
        self._writer = writer(engine)
        self._dir_lock = dir_lock
        self._lock = threading.Lock()
        self.records = SqliteRecords(engine, self._lock)
        self.accounts = SqliteAccounts(engine, self._lock)
        self.review = SqliteReview(engine, self._lock)
        self.audit = SqliteAudit(engine)
        self.config = SqliteConfig(engine, self._lock)
        self.outbox = SqliteOutbox(engine)
        self.editing = SqliteEditing(engine, blobs, self._lock)
        self.inventory = SqliteInventory(engine, self._lock)
        self.retention = ScanRetention(engine, blobs, self._lock)

    # --- life cycle ------------------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            self._engine.dispose()
            self._dir_lock.release()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def recover(self, *, deep: bool = False) -> RecoveryReport:
        """Repair what a crash left behind; skipped (``ran`` False) if another process has the store."""
        with self._lock:
            if not self._dir_lock.try_exclusive():
                report = RecoveryReport(ran=False)
            else:
                try:
                    report = recover(self._engine, self.blobs, deep=deep)
                finally:
                    self._dir_lock.downgrade()
        self.last_recovery = report
        return report

    # --- capture ---------------------------------------------------------------------------------
    def create_batch(self, name: str, device: str = "", created_by: str | None = None) -> Batch:
        """A new batch; ``created_by`` is the login of the officer scanning it, when there is one."""
        now = utc_now()
        row = BatchRow(
            name=name,
            device=device,
            state=BatchState.SCANNING.value,
            created_at=now,
            updated_at=now,
            created_by=created_by or None,
        )
        with self._lock, translated("creating a batch"), self._write_session() as session:
            session.add(row)
            session.flush()
            return batch_from_row(row)

    def add_page(self, batch_id: int, page: ScannedPage) -> Page:
        """Journal a page: its file is durable first, then its row; returns once both are on disk."""
        with self._lock:
            sha = self.blobs.put(page.data)
            try:
                return self._insert_page(batch_id, sha, page)
            except StoreError:
                self._discard_if_unreferenced(sha)
                raise

    def finish_capture(self, batch_id: int) -> None:
        with self._lock, translated("finishing a scan"), self._write_session() as session:
            row = _batch_row(session, batch_id)
            if row.state == BatchState.SCANNING.value:
                row.state = BatchState.CAPTURED.value
                row.updated_at = utc_now()

    def save_findings(self, page_id: int, findings: PageFindings) -> None:
        with self._lock, translated("saving page findings"), self._write_session() as session:
            row = _page_row(session, page_id)
            row.findings = findings_to_json(findings)
            if row.state != PageState.TRASHED.value:
                row.state = PageState.CLEANED.value
                row.error_code = None

    def save_ocr(self, page_id: int, ocr: OcrPage) -> None:
        with self._lock, translated("saving recognised text"), self._write_session() as session:
            _page_row(session, page_id).ocr = ocr_to_json(ocr)

    def read_ocr(self, page_id: int) -> OcrPage | None:
        with translated("reading recognised text"), Session(self._engine) as session:
            data = session.scalar(select(PageRow.ocr).where(PageRow.id == page_id))
            return ocr_from_json(data) if data else None

    def save_document_pdf(self, document_id: int, data: bytes) -> str:
        """Store the document's PDF (durably, content-addressed) and point the document at it."""
        sha = self.blobs.put(data)
        with self._lock, translated("saving a PDF"), self._write_session() as session:
            row = session.get(DocumentRow, document_id)
            if row is None:
                raise NotFound(f"document {document_id}")
            row.pdf_sha256 = sha
        return sha

    def read_blob(self, sha256: str) -> bytes:
        return self.blobs.get(sha256)

    def mark_page_failed(self, page_id: int, error_code: str) -> None:
        with self._lock, translated("flagging a page"), self._write_session() as session:
            row = _page_row(session, page_id)
            row.state = PageState.FAILED.value
            row.error_code = error_code

    def set_documents(
        self,
        batch_id: int,
        documents: Sequence[Sequence[int]],
        doc_types: Sequence[str | None] | None = None,
    ) -> list[Document]:
        """Replace the batch's documents (the batch is then processed); unlisted pages are in none."""
        wanted = [list(page_ids) for page_ids in documents]
        types = list(doc_types) if doc_types is not None else [None] * len(wanted)
        flat = [page_id for page_ids in wanted for page_id in page_ids]
        if len(flat) != len(set(flat)):
            raise ValueError("a page can belong to one document only")
        with self._lock, translated("saving documents"), self._write_session() as session:
            _batch_row(session, batch_id)
            in_batch = set(session.scalars(select(PageRow.id).where(PageRow.batch_id == batch_id)))
            if strangers := set(flat) - in_batch:
                raise NotFound(f"pages {sorted(strangers)} are not in batch {batch_id}")
            session.execute(update(PageRow).where(PageRow.batch_id == batch_id).values(document_id=None))
            old = session.scalars(select(DocumentRow.id).where(DocumentRow.batch_id == batch_id))
            forget_documents(session, list(old))
            session.execute(delete(DocumentRow).where(DocumentRow.batch_id == batch_id))
            for index, (page_ids, doc_type) in enumerate(zip(wanted, types, strict=True)):
                doc = DocumentRow(
                    batch_id=batch_id,
                    index=index,
                    state=DocumentState.DRAFT.value,
                    doc_type=doc_type or "unknown",
                )
                session.add(doc)
                session.flush()
                session.execute(update(PageRow).where(PageRow.id.in_(page_ids)).values(document_id=doc.id))
            _batch_row(session, batch_id).state = BatchState.PROCESSED.value
        return self.list_documents(batch_id)

    # --- queries ---------------------------------------------------------------------------------
    def get_batch(self, batch_id: int) -> Batch:
        with translated("reading a batch"), Session(self._engine) as session:
            return batch_from_row(_batch_row(session, batch_id))

    def list_batches(self) -> list[Batch]:
        with translated("listing batches"), Session(self._engine) as session:
            return [batch_from_row(row) for row in session.scalars(select(BatchRow).order_by(BatchRow.id))]

    def list_pages(self, batch_id: int) -> list[Page]:
        query = select(PageRow).where(PageRow.batch_id == batch_id).order_by(PageRow.seq)
        with translated("listing pages"), Session(self._engine) as session:
            return [page_from_row(row) for row in session.scalars(query)]

    def read_page(self, page: Page) -> bytes:
        """The page's bytes exactly as the scanner delivered them, hash-verified (ScanPurged once the
        retention period removed them after the central repository confirmed the document)."""
        try:
            return self.blobs.get(page.sha256)
        except IntegrityError:
            if not self.blobs.path(page.sha256).exists() and self._purged(page.id):
                raise ScanPurged(f"page {page.id}") from None
            raise

    def _purged(self, page_id: int) -> bool:
        with translated("reading a page"), Session(self._engine) as session:
            return session.scalar(select(PageRow.scan_purged_at).where(PageRow.id == page_id)) is not None

    def page_path(self, page: Page) -> Path:
        """Where the page's file lives (read-only use: tools that want a path, not bytes)."""
        return self.blobs.path(page.sha256)

    def list_documents(self, batch_id: int) -> list[Document]:
        docs_query = select(DocumentRow).where(DocumentRow.batch_id == batch_id).order_by(DocumentRow.index)
        pages_query = (
            select(PageRow.id, PageRow.document_id)
            .where(PageRow.batch_id == batch_id, PageRow.document_id.is_not(None), PageRow.trashed.is_(False))
            .order_by(*PAGE_ORDER)
        )
        with translated("listing documents"), Session(self._engine) as session:
            members: dict[int, list[int]] = {}
            for page_id, document_id in session.execute(pages_query):
                if document_id is not None:
                    members.setdefault(document_id, []).append(page_id)
            return [document_from_row(row, members.get(row.id, [])) for row in session.scalars(docs_query)]

    def get_document(self, document_id: int) -> Document:
        pages_query = (
            select(PageRow.id)
            .where(PageRow.document_id == document_id, PageRow.trashed.is_(False))
            .order_by(*PAGE_ORDER)
        )
        with translated("reading a document"), Session(self._engine) as session:
            row = session.get(DocumentRow, document_id)
            if row is None:
                raise NotFound(f"document {document_id}")
            return document_from_row(row, list(session.scalars(pages_query)))

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Indexed records matching ``query``, diacritics-insensitive, best first."""
        with translated("searching"):
            return search_records(self._engine, query, limit)

    # --- internals -------------------------------------------------------------------------------
    def _write_session(self) -> WriteSession:
        return WriteSession(self._writer)

    def _insert_page(self, batch_id: int, sha: str, page: ScannedPage) -> Page:
        with translated("saving a page"), self._write_session() as session:
            batch = _batch_row(session, batch_id)
            last = session.scalar(select(func.max(PageRow.seq)).where(PageRow.batch_id == batch_id))
            now = utc_now()
            row = PageRow(
                batch_id=batch_id,
                seq=(last or 0) + 1,
                sha256=sha,
                size=len(page.data),
                source_name=page.source_name,
                media_type=page.media_type,
                dpi=page.dpi,
                side=page.side,
                state=PageState.CAPTURED.value,
                created_at=now,
            )
            session.add(row)
            batch.updated_at = now
            session.flush()
            return page_from_row(row)

    def _discard_if_unreferenced(self, sha: str) -> None:
        """After a failed insert, drop the blob unless a committed row already points at it."""
        try:
            with Session(self._engine) as session:
                used = session.scalar(select(PageRow.id).where(PageRow.sha256 == sha).limit(1))
        except SQLAlchemyError:  # the original error matters more; the blob stays an orphan
            log.warning("Could not check whether an unsaved page file is used; keeping it")
            return
        if used is None:
            self.blobs.discard(sha)


def _batch_row(session: Session, batch_id: int) -> BatchRow:
    row = session.get(BatchRow, batch_id)
    if row is None:
        raise NotFound(f"batch {batch_id}")
    return row


def _page_row(session: Session, page_id: int) -> PageRow:
    row = session.get(PageRow, page_id)
    if row is None:
        raise NotFound(f"page {page_id}")
    return row
