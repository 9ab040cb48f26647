"""The officer's corrections to a scanned batch: reorder, move, split, merge, trash and restore, rescan.

Every change keeps document identities (records, result codes), drops the now stale PDF so it is
rebuilt, refuses documents already submitted or approved, and is audited.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from app.core.accounts import Action, User, require
from app.core.errors import NotFound
from app.core.models import DocumentState, PageFindings, PageState
from app.core.ports import ScannedPage
from app.core.workflow import WorkflowError
from app.store.audit import append_audit
from app.store.db import WriteSession, translated, writer
from app.store.filestore import BlobStore
from app.store.orm import PAGE_ORDER, DocumentRow, PageRow, findings_to_json
from app.store.records import forget_documents

log = logging.getLogger(__name__)

EDITABLE = frozenset({DocumentState.DRAFT.value, DocumentState.DESCRIBED.value, DocumentState.REJECTED.value})


class SqliteEditing:
    def __init__(self, engine: Engine, blobs: BlobStore, lock: threading.Lock | None = None) -> None:
        self._engine = engine
        self._writer = writer(engine)
        self._blobs = blobs
        self._lock = lock or threading.Lock()

    def reorder(self, user: User | None, document_id: int, page_ids: Sequence[int]) -> None:
        """Put the document's pages in this order (the same pages, nothing added or lost)."""
        actor = require(user, Action.SCAN)
        with self._write("reordering pages") as session:
            doc = _editable(session, document_id)
            current = _members(session, document_id)
            if sorted(current) != sorted(page_ids):
                raise WorkflowError(
                    "page set changed", message_vi="Danh sách trang đã thay đổi; tải lại rồi thử lại."
                )
            _place(session, doc, list(page_ids))
            append_audit(
                session, actor.login, "pages_reordered", f"document:{document_id}", {"pages": list(page_ids)}
            )

    def move_pages(self, user: User | None, page_ids: Sequence[int], to_document_id: int, index: int) -> None:
        """Move pages (from any documents of the batch, or none) into a document at ``index``."""
        actor = require(user, Action.SCAN)
        with self._write("moving pages") as session:
            target = _editable(session, to_document_id)
            rows = [_page(session, p) for p in page_ids]
            for row in rows:
                if row.batch_id != target.batch_id:
                    raise WorkflowError("other batch", message_vi="Chỉ chuyển được trang trong cùng một lô.")
                if row.document_id is not None and row.document_id != to_document_id:
                    _place(
                        session,
                        _editable(session, row.document_id),
                        [p for p in _members(session, row.document_id) if p not in page_ids],
                    )
                row.trashed = False
            order = [p for p in _members(session, to_document_id) if p not in page_ids]
            order[index:index] = list(page_ids)
            _place(session, target, order)
            detail = {"pages": list(page_ids), "index": index}
            append_audit(session, actor.login, "pages_moved", f"document:{to_document_id}", detail)

    def split(self, user: User | None, document_id: int, at_page_id: int) -> int:
        """A new document right after this one, holding the pages from ``at_page_id`` on; its id."""
        actor = require(user, Action.SCAN)
        with self._write("splitting a document") as session:
            doc = _editable(session, document_id)
            pages = _members(session, document_id)
            if at_page_id not in pages or pages.index(at_page_id) == 0:
                raise WorkflowError(
                    "bad split", message_vi="Chọn một trang (không phải trang đầu) để tách từ đó."
                )
            cut = pages.index(at_page_id)
            _shift_after(session, doc.batch_id, doc.index, +1)
            new = DocumentRow(
                batch_id=doc.batch_id,
                index=doc.index + 1,
                state=DocumentState.DRAFT.value,
                doc_type="unknown",
            )
            session.add(new)
            session.flush()
            _place(session, doc, pages[:cut])
            _place(session, new, pages[cut:])
            append_audit(session, actor.login, "document_split", f"document:{document_id}", {"new": new.id})
            return new.id

    def merge(self, user: User | None, first_id: int, second_id: int) -> None:
        """Append the second document's pages to the first and delete the second (its code is retired)."""
        actor = require(user, Action.SCAN)
        with self._write("merging documents") as session:
            first, second = _editable(session, first_id), _editable(session, second_id)
            if first.batch_id != second.batch_id or first_id == second_id:
                raise WorkflowError(
                    "bad merge", message_vi="Chỉ gộp được hai tài liệu khác nhau trong cùng một lô."
                )
            _place(session, first, _members(session, first_id) + _members(session, second_id))
            forget_documents(session, [second_id])
            batch_id, index = second.batch_id, second.index
            session.delete(second)
            session.flush()
            _shift_after(session, batch_id, index, -1)
            append_audit(
                session, actor.login, "documents_merged", f"document:{first_id}", {"removed": second_id}
            )

    def trash(self, user: User | None, page_id: int) -> None:
        """Move a page to the recoverable trash: it leaves its document's PDF until restored."""
        self._set_trashed(user, page_id, True)

    def restore(self, user: User | None, page_id: int) -> None:
        self._set_trashed(user, page_id, False)

    def replace_page(self, user: User | None, page_id: int, scanned: ScannedPage) -> None:
        """Rescan in place: the page keeps its place; new bytes, findings and text to come."""
        actor = require(user, Action.SCAN)
        sha = self._blobs.put(scanned.data)
        with self._write("replacing a page") as session:
            row = _page(session, page_id)
            if row.document_id is not None:
                _editable(session, row.document_id).pdf_sha256 = None
            old = row.sha256
            row.sha256, row.size, row.dpi = sha, len(scanned.data), scanned.dpi
            row.media_type, row.state, row.findings, row.ocr, row.error_code = (
                scanned.media_type,
                PageState.CAPTURED.value,
                None,
                None,
                None,
            )
            append_audit(
                session, actor.login, "page_rescanned", f"page:{page_id}", {"old": old[:12], "new": sha[:12]}
            )

    def update_findings(self, user: User | None, page_id: int, findings: PageFindings, what: str) -> None:
        """The officer corrected a page's outline or turn (``what``: "cropped", "rotated", "rescanned"):
        store the findings, drop its document's PDF so it is rebuilt, audit the change."""
        actor = require(user, Action.SCAN)
        with self._write("correcting a page") as session:
            row = _page(session, page_id)
            if row.document_id is not None:
                _editable(session, row.document_id).pdf_sha256 = None
            row.findings = findings_to_json(findings)
            append_audit(session, actor.login, f"page_{what}", f"page:{page_id}")

    def _set_trashed(self, user: User | None, page_id: int, trashed: bool) -> None:
        actor = require(user, Action.SCAN)
        with self._write("trash") as session:
            row = _page(session, page_id)
            if row.document_id is not None:
                _editable(session, row.document_id).pdf_sha256 = None
            row.trashed = trashed
            append_audit(
                session, actor.login, "page_trashed" if trashed else "page_restored", f"page:{page_id}"
            )

    @contextmanager
    def _write(self, action: str) -> Iterator[Session]:
        with self._lock, translated(action), WriteSession(self._writer) as session:
            yield session


def _place(session: Session, doc: DocumentRow, page_ids: list[int]) -> None:
    for position, page_id in enumerate(page_ids):
        session.execute(
            update(PageRow).where(PageRow.id == page_id).values(document_id=doc.id, position=position)
        )
    doc.pdf_sha256 = None  # rebuilt from the new page list


def _members(session: Session, document_id: int) -> list[int]:
    query = select(PageRow.id).where(PageRow.document_id == document_id, PageRow.trashed.is_(False))
    return list(session.scalars(query.order_by(*PAGE_ORDER)))


def _shift_after(session: Session, batch_id: int, index: int, delta: int) -> None:
    """Move the documents after ``index`` by ``delta`` places (via negatives: (batch, index) is unique)."""
    later = select(DocumentRow).where(DocumentRow.batch_id == batch_id, DocumentRow.index > index)
    rows = list(session.scalars(later))
    for row in rows:
        row.index = -(row.index + delta)
    session.flush()
    for row in rows:
        row.index = -row.index
    session.flush()


def _editable(session: Session, document_id: int) -> DocumentRow:
    row = session.get(DocumentRow, document_id)
    if row is None:
        raise NotFound(f"document {document_id}")
    if row.state not in EDITABLE:
        raise WorkflowError(
            row.state, message_vi="Tài liệu đã trình hoặc đã duyệt, không sửa trang được nữa."
        )
    return row


def _page(session: Session, page_id: int) -> PageRow:
    row = session.get(PageRow, page_id)
    if row is None:
        raise NotFound(f"page {page_id}")
    return row
