"""SqliteOutbox: the OutboxRepository port on the store's SQLite database (table ``outbox``).

Every write is its own committed transaction (WAL, synchronous=FULL: see app.store.db), so a state
is on disk before the runner makes the request that follows it. Writes take SQLite's write lock up
front (BEGIN IMMEDIATE) and compare the stored state first, so two runners never both claim an item.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, or_, select
from sqlalchemy.orm import Session

from app.core.errors import NotFound
from app.core.outbox import (
    DUE_STATES,
    OutboxItem,
    OutboxState,
    interrupt,
    resume_after_auth,
)
from app.store.db import translated, writer
from app.store.orm import as_utc, utc_now
from app.store.outbox_orm import OutboxRow, item_from_row, naive_utc, write_item

log = logging.getLogger(__name__)


class SqliteOutbox:
    """The outbox table. Construct it on the store's engine (``make_engine(data_dir / "station.db")``)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = writer(engine)
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def _write(self, action: str) -> Iterator[Session]:
        with self._lock, translated(action), Session(self._writer) as session, session.begin():
            yield session

    @contextlib.contextmanager
    def _read(self, action: str) -> Iterator[Session]:
        with translated(action), Session(self._engine) as session:
            yield session

    def enqueue(
        self, document_id: int, manifest: Mapping[str, Any], sha256: str, size: int, filename: str
    ) -> OutboxItem:
        with self._write("queuing a document for sending") as session:
            existing = session.scalar(select(OutboxRow).where(OutboxRow.document_id == document_id))
            if existing is not None:
                return item_from_row(existing)
            now = utc_now()
            row = OutboxRow(
                document_id=document_id,
                idempotency_key=str(uuid.uuid4()),
                state=OutboxState.PENDING.value,
                sha256=sha256.lower(),
                size=size,
                filename=filename,
                manifest=dict(manifest),
                attempts=0,
                next_retry_at=now,
                upload_offset=0,
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            log.info("Document %s queued for sending", document_id)
            return item_from_row(row)

    def get(self, document_id: int) -> OutboxItem:
        with self._read("reading the outbox") as session:
            row = session.scalar(select(OutboxRow).where(OutboxRow.document_id == document_id))
            if row is None:
                raise NotFound(f"document {document_id} is not in the outbox")
            return item_from_row(row)

    def due(self, now: datetime, limit: int = 100) -> list[OutboxItem]:
        query = (
            select(OutboxRow)
            .where(OutboxRow.state.in_([s.value for s in DUE_STATES]))
            # no retry time (e.g. uploaded, then the process died before confirming): due at once
            .where(or_(OutboxRow.next_retry_at.is_(None), OutboxRow.next_retry_at <= naive_utc(now)))
            .order_by(OutboxRow.next_retry_at.is_not(None), OutboxRow.next_retry_at, OutboxRow.id)
            .limit(limit)
        )
        with self._read("reading the outbox") as session:
            return [item_from_row(row) for row in session.scalars(query)]

    def next_due_at(self) -> datetime | None:
        states = OutboxRow.state.in_([s.value for s in DUE_STATES])
        query = select(func.min(OutboxRow.next_retry_at)).where(states)
        unscheduled = select(OutboxRow.id).where(states, OutboxRow.next_retry_at.is_(None)).limit(1)
        with self._read("reading the outbox") as session:
            if session.scalar(unscheduled) is not None:
                return utc_now().replace(tzinfo=UTC)
            value = session.scalar(query)
        return as_utc(value) if value is not None else None

    def save(self, item: OutboxItem, expected: OutboxState) -> bool:
        with self._write("saving a sending state") as session:
            row = session.scalar(select(OutboxRow).where(OutboxRow.document_id == item.document_id))
            if row is None:
                raise NotFound(f"document {item.document_id} is not in the outbox")
            if row.state != expected.value:
                log.info("Outbox item %s moved elsewhere (%s), not saved", item.document_id, row.state)
                return False
            write_item(row, item, naive_utc(item.updated_at) or utc_now())
            return True

    def list(self, states: Sequence[OutboxState] | None = None) -> list[OutboxItem]:
        query = select(OutboxRow).order_by(OutboxRow.id)
        if states is not None:
            query = query.where(OutboxRow.state.in_([s.value for s in states]))
        with self._read("listing the outbox") as session:
            return [item_from_row(row) for row in session.scalars(query)]

    def counts(self) -> dict[OutboxState, int]:
        query = select(OutboxRow.state, func.count()).group_by(OutboxRow.state)
        result = dict.fromkeys(OutboxState, 0)
        with self._read("counting the outbox") as session:
            for state, count in session.execute(query):
                result[OutboxState(state)] = int(count)
        return result

    def reset_interrupted_on_start(self, now: datetime) -> int:
        return self._rewrite(OutboxState.UPLOADING, lambda item: interrupt(item, now), now)

    def resume_auth(self, now: datetime) -> int:
        return self._rewrite(OutboxState.AUTH_REQUIRED, lambda item: resume_after_auth(item, now), now)

    def retry_now(self, now: datetime) -> int:
        """Failed items become due at once (the officer pressed "send now"); attempts are kept."""
        return self._rewrite(OutboxState.FAILED, lambda item: replace(item, next_retry_at=now), now)

    def _rewrite(self, state: OutboxState, change: Callable[[OutboxItem], OutboxItem], now: datetime) -> int:
        with self._write("recovering the outbox") as session:
            rows = list(session.scalars(select(OutboxRow).where(OutboxRow.state == state.value)))
            for row in rows:
                write_item(row, change(item_from_row(row)), naive_utc(now) or utc_now())
        if rows:
            log.info("Outbox: %d item(s) moved out of %s", len(rows), state.value)
        return len(rows)
