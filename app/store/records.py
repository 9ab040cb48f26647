"""Described records in the local store: fields, issuer, scope flags, result codes that are never reused."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from app.core.errors import NotFound
from app.core.records import DocumentRecord, record_from_json, record_to_json
from app.core.result_codes import CodeTemplate, render_code, validate_values
from app.store.db import WriteSession, translated, writer
from app.store.orm import CodeSequenceRow, DocumentRow, ReleasedCodeRow, utc_now
from app.store.search import index_record, remove_record

log = logging.getLogger(__name__)

RESULT_SEQUENCE = "result_code"
SEARCH_KIND = "document"


def search_key(document_id: int) -> str:
    """The document's key in the local search index."""
    return f"doc:{document_id}"


class SqliteRecords:
    """The RecordStore of app.core.records on the station's SQLite database."""

    def __init__(self, engine: Engine, lock: threading.Lock | None = None) -> None:
        self._engine = engine
        self._writer = writer(engine)
        self._lock = lock or threading.Lock()

    def save_record(self, record: DocumentRecord, text: str = "") -> None:
        with self._lock, translated("saving a record"), WriteSession(self._writer) as session:
            row = _document(session, record.document_id)
            row.record = record_to_json(record)
            row.doc_type = record.doc_type
            texts = [*record.search_texts(), row.result_code or "", text]
            index_record(session, search_key(row.id), SEARCH_KIND, texts)

    def get_record(self, document_id: int) -> DocumentRecord:
        with translated("reading a record"), Session(self._engine) as session:
            row = _document(session, document_id)
            if row.record is None:
                return DocumentRecord(document_id, doc_type=row.doc_type, result_code=row.result_code or "")
            return record_from_json(document_id, row.record, row.result_code or "")

    def assign_result_code(
        self,
        document_id: int,
        template: CodeTemplate,
        *,
        owner_id: str | None,
        result_type: str,
        station: str,
        year: int,
    ) -> str:
        validate_values(owner_id, result_type, station, year)  # a bad input never burns a number
        with self._lock, translated("issuing a result code"), WriteSession(self._writer) as session:
            row = _document(session, document_id)
            if row.result_code:
                return row.result_code
            seq = _next_seq(session)
            row.result_seq = seq
            row.result_code = render_code(template, owner_id, result_type, station, year, seq)
            return row.result_code

    def last_seq(self) -> int:
        """The highest result sequence number ever handed out (0 when none)."""
        with translated("reading the result sequence"), Session(self._engine) as session:
            return (
                session.scalar(select(CodeSequenceRow.last).where(CodeSequenceRow.name == RESULT_SEQUENCE))
                or 0
            )

    def released_codes(self) -> list[str]:
        with translated("reading released codes"), Session(self._engine) as session:
            return list(session.scalars(select(ReleasedCodeRow.code).order_by(ReleasedCodeRow.seq)))

    def delete_document(self, document_id: int) -> None:
        with self._lock, translated("deleting a document"), WriteSession(self._writer) as session:
            _document(session, document_id)
            forget_documents(session, [document_id])
            session.execute(delete(DocumentRow).where(DocumentRow.id == document_id))


def forget_documents(session: Session, document_ids: Iterable[int]) -> None:
    """Before documents are deleted: keep their result codes' numbers as used, drop them from search."""
    ids = list(document_ids)
    if not ids:
        return
    rows = session.execute(
        select(DocumentRow.id, DocumentRow.result_seq, DocumentRow.result_code).where(DocumentRow.id.in_(ids))
    )
    now = utc_now()
    for doc_id, seq, code in rows:
        if seq is not None and code:
            session.merge(ReleasedCodeRow(seq=seq, code=code, released_at=now))
            log.info("result sequence %d released with its document (never reused)", seq)
        remove_record(session, search_key(doc_id))


def _next_seq(session: Session) -> int:
    """The next number, durable in the caller's transaction (a high-water mark, never max + 1)."""
    row = session.get(CodeSequenceRow, RESULT_SEQUENCE)
    if row is None:
        row = CodeSequenceRow(name=RESULT_SEQUENCE, last=0)
        session.add(row)
    row.last += 1
    return row.last


def _document(session: Session, document_id: int) -> DocumentRow:
    row = session.get(DocumentRow, document_id)
    if row is None:
        raise NotFound(f"document {document_id}")
    return row
