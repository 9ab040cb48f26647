"""The SQLite outbox: states survive a reopen, interrupted uploads resume, keys never change."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.core import outbox as ob
from app.core.errors import NotFound, SyncTransient
from app.core.outbox import OutboxState
from app.core.sync_port import Receipt
from app.store import open_store
from app.store.db import make_engine
from app.store.outbox import SqliteOutbox

SHA = "ab" * 32
NOW = datetime.now(UTC)


class _Opened:
    """An outbox on the store's database that can be closed and opened again (a restart)."""

    def __init__(self, data_dir: Path) -> None:
        open_store(data_dir).close()  # creates the database and runs the migrations
        self.db = data_dir / "station.db"
        self.engine = make_engine(self.db)
        self.outbox = SqliteOutbox(self.engine)

    def reopen(self) -> SqliteOutbox:
        self.engine.dispose()
        self.engine = make_engine(self.db)
        self.outbox = SqliteOutbox(self.engine)
        return self.outbox


@pytest.fixture
def opened(fresh_data_dir: Path) -> Iterator[_Opened]:
    handle = _Opened(fresh_data_dir)
    yield handle
    handle.engine.dispose()


def _enqueue(outbox: SqliteOutbox, document_id: int) -> ob.OutboxItem:
    return outbox.enqueue(document_id, {"doc_type": "khai_sinh"}, SHA, 1000, f"{document_id}.pdf")


def test_enqueue_gives_a_stable_uuid4_key_and_is_idempotent(opened: _Opened) -> None:
    item = _enqueue(opened.outbox, 7)
    assert uuid.UUID(item.idempotency_key).version == 4
    assert (item.state, item.attempts, item.manifest) == (OutboxState.PENDING, 0, {"doc_type": "khai_sinh"})
    assert _enqueue(opened.outbox, 7).idempotency_key == item.idempotency_key
    keys = {_enqueue(opened.outbox, n).idempotency_key for n in range(100, 150)}
    assert len(keys) == 50 and item.idempotency_key not in keys


def test_every_state_and_field_survives_a_reopen(opened: _Opened) -> None:
    item = _enqueue(opened.outbox, 1)
    moving = ob.start_upload(item, NOW)
    assert opened.outbox.save(moving, OutboxState.PENDING)
    moving = ob.record_upload_url(moving, "http://h/api/v1/uploads/u1", NOW)
    opened.outbox.save(moving, OutboxState.UPLOADING)
    moving = ob.record_offset(moving, 600, NOW)
    opened.outbox.save(moving, OutboxState.UPLOADING)
    receipt = Receipt("s1", item.idempotency_key, "001.KS.T1.2026.000001", SHA, "2026-11-29T08:00:00Z", "T1")
    opened.outbox.save(ob.record_receipt(moving, receipt, NOW), OutboxState.UPLOADING)
    again = opened.reopen().get(1)
    assert (again.state, again.receipt, again.upload_url, again.offset) == (
        OutboxState.UPLOADED,
        receipt,
        "http://h/api/v1/uploads/u1",
        1000,
    )
    assert again.idempotency_key == item.idempotency_key


def test_interrupted_upload_becomes_failed_and_due_on_start(opened: _Opened) -> None:
    item = ob.record_upload_url(ob.start_upload(_enqueue(opened.outbox, 1), NOW), "/u/1", NOW)
    opened.outbox.save(item, OutboxState.PENDING)
    opened.outbox.save(ob.record_offset(item, 400, NOW), OutboxState.UPLOADING)
    outbox = opened.reopen()
    assert outbox.due(datetime.now(UTC)) == []  # uploading is nobody's until recovered
    assert outbox.reset_interrupted_on_start(datetime.now(UTC)) == 1
    [due] = outbox.due(datetime.now(UTC) + timedelta(seconds=1))
    assert (due.state, due.upload_url, due.offset, due.attempts) == (OutboxState.FAILED, "/u/1", 400, 0)


def test_a_stale_write_is_refused_and_changes_nothing(opened: _Opened) -> None:
    item = _enqueue(opened.outbox, 1)
    assert opened.outbox.save(ob.start_upload(item, NOW), OutboxState.PENDING)
    assert not opened.outbox.save(ob.start_upload(item, NOW), OutboxState.PENDING)
    with pytest.raises(NotFound):
        opened.outbox.get(99)


def test_due_order_next_due_and_counts(opened: _Opened) -> None:
    for n in (1, 2, 3):
        _enqueue(opened.outbox, n)
    first = ob.start_upload(opened.outbox.get(1), NOW)
    opened.outbox.save(first, OutboxState.PENDING)
    later = ob.schedule_retry(first, SyncTransient(), 3600, NOW)
    opened.outbox.save(later, OutboxState.UPLOADING)
    now = datetime.now(UTC) + timedelta(seconds=1)
    assert [i.document_id for i in opened.outbox.due(now)] == [2, 3]
    assert opened.outbox.next_due_at() is not None
    counts = opened.outbox.counts()
    assert (counts[OutboxState.PENDING], counts[OutboxState.FAILED], counts[OutboxState.CONFIRMED]) == (
        2,
        1,
        0,
    )
    assert [i.document_id for i in opened.outbox.list([OutboxState.FAILED])] == [1]


def test_rows_are_plain_json_in_one_table_with_unique_keys(opened: _Opened) -> None:
    _enqueue(opened.outbox, 1)
    with sqlite3.connect(opened.db) as conn:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(
                "INSERT INTO outbox (document_id, idempotency_key, state, sha256, size, filename, manifest, "
                "attempts, upload_offset, created_at, updated_at) SELECT 2, idempotency_key, 'pending', "
                "sha256, size, filename, manifest, 0, 0, created_at, updated_at FROM outbox"
            )
        (manifest,) = conn.execute("SELECT manifest FROM outbox").fetchone()
    conn.close()
    assert manifest == '{"doc_type": "khai_sinh"}'


def test_uploaded_item_without_retry_time_is_due(fresh_data_dir: Path) -> None:
    """A process killed between the receipt and the confirmation leaves ``uploaded`` with no retry
    time: it must still be picked up, or the document would never be confirmed."""
    from app.store import open_store

    store = open_store(fresh_data_dir / "s")
    try:
        store.outbox.enqueue(7, {"doc_type": "khai_sinh"}, "ab" * 32, 10, "a.pdf")
        with store._engine.begin() as conn:
            conn.exec_driver_sql("UPDATE outbox SET state='uploaded', next_retry_at=NULL")
        now = datetime.now(UTC)
        assert [i.document_id for i in store.outbox.due(now)] == [7]
        due_at = store.outbox.next_due_at()
        assert due_at is not None and due_at <= now + timedelta(seconds=1)
    finally:
        store.close()
