"""Demo profile only: move a batch (its pages, and its documents' place in the send queue) to an earlier
day, so that the screenshots' freshly built station shows weeks of activity on the dashboard.

The audit log is never touched (its entries are chained and stay as they happened), so review steps
keep today's date. Never called for a real station: only ``app.ui.screenshots`` uses it.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select

from app.store.db import WriteSession, translated, writer
from app.store.journal import SqliteStore
from app.store.orm import BatchRow, DocumentRow, PageRow
from app.store.outbox_orm import OutboxRow, naive_utc

log = logging.getLogger(__name__)


def move_batch(
    store: SqliteStore,
    batch_id: int,
    scanned_at: datetime,
    *,
    seconds_per_page: float = 45.0,
    scanned_by: str | None = None,
    queued_at: datetime | None = None,
    sent_at: datetime | None = None,
) -> None:
    """Pages get ``scanned_at`` + n × ``seconds_per_page``; a batch with no recorded scanner gets
    ``scanned_by``; queued documents get ``queued_at`` (and ``sent_at`` as their last change, for
    those already confirmed)."""
    start = naive_utc(scanned_at)
    assert start is not None
    with translated("moving a demo batch"), WriteSession(writer(store._engine)) as session:
        batch = session.get(BatchRow, batch_id)
        if batch is None:
            return
        pages = session.scalars(select(PageRow).where(PageRow.batch_id == batch_id).order_by(PageRow.seq))
        last = start
        for n, page in enumerate(pages):
            page.created_at = last = start + timedelta(seconds=n * seconds_per_page)
        batch.created_at, batch.updated_at = start, last
        batch.created_by = batch.created_by or scanned_by
        if queued_at is None:
            return
        documents = select(DocumentRow.id).where(DocumentRow.batch_id == batch_id)
        for item in session.scalars(select(OutboxRow).where(OutboxRow.document_id.in_(documents))):
            item.created_at = naive_utc(queued_at) or item.created_at
            if item.state == "confirmed" and sent_at is not None:
                item.updated_at = naive_utc(sent_at) or item.updated_at
    log.info("demo batch %d moved to an earlier day", batch_id)
