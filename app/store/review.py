"""The review workflow in the store: each step checks role and state, and is audited in one transaction."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.core.accounts import Action, User, require
from app.core.errors import NotFound
from app.core.models import DocumentState
from app.core.records import DocumentRecord, record_to_json
from app.core.workflow import Step, clean_reason, next_state
from app.store.audit import append_audit
from app.store.db import WriteSession, translated, writer
from app.store.orm import DocumentRow
from app.store.records import SEARCH_KIND, search_key
from app.store.search import index_record

log = logging.getLogger(__name__)


class SqliteReview:
    """Moves documents through describe → submit → approve / reject, for the logged-in user."""

    def __init__(self, engine: Engine, lock: threading.Lock | None = None) -> None:
        self._engine = engine
        self._writer = writer(engine)
        self._lock = lock or threading.Lock()

    def describe(self, user: User | None, record: DocumentRecord, text: str = "") -> DocumentState:
        """Save the officer's form (the record) and mark the document described."""
        return self._step(record.document_id, Step.DESCRIBE, user, record=record, text=text)

    def submit(self, user: User | None, document_id: int) -> DocumentState:
        return self._step(document_id, Step.SUBMIT, user)

    def approve(self, user: User | None, document_id: int) -> DocumentState:
        return self._step(document_id, Step.APPROVE, user)

    def reject(self, user: User | None, document_id: int, reason: str) -> DocumentState:
        return self._step(document_id, Step.REJECT, user, reason=reason)

    def review_of(self, user: User | None, document_id: int) -> dict[str, Any]:
        """Who described, submitted and reviewed the document, and the last rejection's reason."""
        require(user, Action.VIEW_RECORDS)
        return self.trail(document_id)

    def trail(self, document_id: int) -> dict[str, Any]:
        """The review trail for composition code that has already checked the user's role."""
        with translated("reading a review"), Session(self._engine) as session:
            return dict(_row(session, document_id).review or {})

    def states(self, batch_id: int) -> dict[int, DocumentState]:
        query = select(DocumentRow.id, DocumentRow.state).where(DocumentRow.batch_id == batch_id)
        with translated("reading document states"), Session(self._engine) as session:
            return {doc_id: DocumentState(state) for doc_id, state in session.execute(query)}

    def _step(
        self,
        document_id: int,
        step: Step,
        user: User | None,
        *,
        reason: str = "",
        record: DocumentRecord | None = None,
        text: str = "",
    ) -> DocumentState:
        with self._lock, translated(f"document step {step.value}"), WriteSession(self._writer) as session:
            row = _row(session, document_id)
            review = dict(row.review or {})
            current = DocumentState(row.state)
            target = next_state(
                current, step, user, author=str(review.get("described_by", "")), reason=reason
            )
            assert user is not None  # next_state refused anonymous users
            now = datetime.now(UTC).isoformat(timespec="seconds")
            review.update(_trail(step, user.login, now, clean_reason(reason)))
            row.state, row.review = target.value, review
            if record is not None:
                row.record, row.doc_type = record_to_json(record), record.doc_type
                index_record(
                    session,
                    search_key(row.id),
                    SEARCH_KIND,
                    [*record.search_texts(), row.result_code or "", text],
                )
            detail: dict[str, Any] = {"from": current.value, "to": target.value}
            if step is Step.REJECT:
                detail["reason"] = clean_reason(reason)
            append_audit(session, user.login, f"document_{step.value}", f"document:{document_id}", detail)
            log.info("document %d: %s -> %s", document_id, current.value, target.value)
            return target


def _trail(step: Step, login: str, at: str, reason: str) -> dict[str, str]:
    if step is Step.DESCRIBE:
        return {"described_by": login, "described_at": at}
    if step is Step.SUBMIT:
        return {"submitted_by": login, "submitted_at": at}
    trail = {"reviewed_by": login, "reviewed_at": at, "decision": step.value}
    trail["reason"] = reason if step is Step.REJECT else ""
    return trail


def _row(session: Session, document_id: int) -> DocumentRow:
    row = session.get(DocumentRow, document_id)
    if row is None:
        raise NotFound(f"document {document_id}")
    return row
