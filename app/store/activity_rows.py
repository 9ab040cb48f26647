"""Read model for the activity dashboard: pages scanned, review steps and the send queue as plain facts.

Who scanned a page: the batch's ``created_by`` (set since migration 0008); for batches scanned before
that, the officer who described the page's document, else the one who described most of the batch's
documents, else unknown (""). Review steps and
rescans come from the audit log, so they keep the day they happened even after later changes.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Engine, select
from sqlalchemy.orm import Session

from app.core.activity import APPROVE, REJECT, SUBMIT, ActivityFacts, PageScan, QueueEntry, ReviewStep
from app.core.outbox import OutboxState
from app.store.db import translated
from app.store.orm import AuditRow, BatchRow, DocumentRow, PageRow, as_utc
from app.store.outbox_orm import OutboxRow, naive_utc

log = logging.getLogger(__name__)

STEP_ACTIONS = {"document_submit": SUBMIT, "document_approve": APPROVE, "document_reject": REJECT}
RESCAN_ACTION = "page_rescanned"
LEFT_QUEUE = (OutboxState.CONFIRMED.value, OutboxState.REJECTED.value)


def activity_facts(engine: Engine, since: datetime | None = None) -> ActivityFacts:
    """Pages and review steps from ``since`` on (all when None), and every queued document."""
    with translated("reading the station's activity"), Session(engine) as session:
        reader = _Reader(session)
        recent = PageRow.created_at >= naive_utc(since) if since is not None else None
        scans = [PageScan(p.at, p.batch_id, p.officer, p.doc_type) for p in reader.pages(recent).values()]
        steps, rescanned = reader.audit(since)
        pages = reader.pages(PageRow.id.in_(sorted({page_id for _at, _actor, page_id in rescanned})))
        rescans = [_rescan(at, actor, pages.get(page_id)) for at, actor, page_id in rescanned]
        queue = reader.queue()
    return ActivityFacts(pages=scans + rescans, steps=steps, queue=queue)


Doc = tuple[str, str]  # (doc_type, described_by)


class _Page(NamedTuple):
    at: datetime
    batch_id: int
    officer: str
    doc_type: str


def _rescan(at: datetime, actor: str, page: _Page | None) -> PageScan:
    """A rescan is the work of whoever did it; the page gives its batch and result type."""
    doc_type, batch_id = (page.doc_type, page.batch_id) if page else ("", 0)
    return PageScan(at, batch_id, actor, doc_type, rescan=True)


class _Reader:
    """Queries on one session, sharing each document's type and author."""

    def __init__(self, session: Session) -> None:
        self.session = session
        query = select(DocumentRow.id, DocumentRow.batch_id, DocumentRow.doc_type, DocumentRow.review)
        rows = list(session.execute(query))
        self.documents: dict[int, Doc] = {
            doc_id: (kind, _author(review)) for doc_id, _b, kind, review in rows
        }
        self.describers = _batch_describers((batch_id, _author(review)) for _d, batch_id, _k, review in rows)

    def pages(self, where: ColumnElement[bool] | None) -> dict[int, _Page]:
        query = select(
            PageRow.id, PageRow.created_at, PageRow.batch_id, PageRow.document_id, BatchRow.created_by
        ).join(BatchRow, BatchRow.id == PageRow.batch_id)
        if where is not None:
            query = query.where(where)
        rows: dict[int, _Page] = {}
        for page_id, created_at, batch_id, document_id, created_by in self.session.execute(query):
            doc_type, author = self.documents.get(document_id, ("", "")) if document_id else ("", "")
            officer = created_by or author or self.describers.get(batch_id, "")
            rows[page_id] = _Page(as_utc(created_at), batch_id, officer, doc_type)
        return rows

    def audit(self, since: datetime | None) -> tuple[list[ReviewStep], list[tuple[datetime, str, int]]]:
        """Review steps, and rescans as (when, who, page id), from ``since`` on."""
        query = select(AuditRow.at, AuditRow.actor, AuditRow.action, AuditRow.target)
        query = query.where(AuditRow.action.in_([*STEP_ACTIONS, RESCAN_ACTION])).order_by(AuditRow.seq)
        steps: list[ReviewStep] = []
        rescanned: list[tuple[datetime, str, int]] = []
        for at_text, actor, action, target in self.session.execute(query):
            at, target_id = _when(at_text), _target_id(target)
            if at is None or target_id is None or (since is not None and at < since):
                continue
            if action == RESCAN_ACTION:
                rescanned.append((at, actor, target_id))
            else:
                doc_type, author = self.documents.get(target_id, ("", ""))
                steps.append(ReviewStep(at, STEP_ACTIONS[action], target_id, actor, author, doc_type))
        return steps, rescanned

    def queue(self) -> list[QueueEntry]:
        query = select(OutboxRow.document_id, OutboxRow.created_at, OutboxRow.state, OutboxRow.updated_at)
        entries = []
        for document_id, created_at, state, updated_at in self.session.execute(query):
            doc_type, author = self.documents.get(document_id, ("", ""))
            # Confirmed and refused are final states: their last write is when the item left the queue.
            left = as_utc(updated_at) if state in LEFT_QUEUE else None
            entries.append(QueueEntry(document_id, as_utc(created_at), left, author, doc_type))
        return entries


def _author(review: dict[str, Any] | None) -> str:
    return str((review or {}).get("described_by", ""))


def _batch_describers(authors: Iterable[tuple[int, str]]) -> dict[int, str]:
    """Per batch, the officer who described most of its documents: who scanned a batch from before
    migration 0008, for its pages in no document (separator sheets, blanks)."""
    counts: dict[int, Counter[str]] = {}
    for batch_id, author in authors:
        if author:
            counts.setdefault(batch_id, Counter())[author] += 1
    return {batch_id: c.most_common(1)[0][0] for batch_id, c in counts.items()}


def _when(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        log.warning("audit entry with an unreadable time skipped")
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _target_id(target: str) -> int | None:
    """``document:12`` / ``page:7`` → 12 / 7."""
    _kind, _sep, number = target.partition(":")
    return int(number) if number.isdigit() else None
