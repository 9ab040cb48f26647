"""The activity read model on real rows: pages per officer, review steps from the audit log, the queue."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command

from app.core.accounts import Role, User
from app.core.activity import APPROVE, REJECT, SUBMIT, compute_activity
from app.core.outbox import OutboxState
from app.core.records import DocumentRecord
from app.store import SqliteStore, open_store
from app.store.db import make_engine
from app.store.migrate import alembic_config
from tests.store.conftest import MakePage

PASSWORD = "mat-khau-123"


@pytest.fixture
def people(store: SqliteStore) -> dict[str, User]:
    admin = store.accounts.create(None, "quantri", "Quản Trị", PASSWORD, frozenset({Role.ADMIN}))
    make = store.accounts.create
    return {
        "lan": make(admin, "canbo1", "Nguyễn Thị Lan", PASSWORD, frozenset({Role.OFFICER})),
        "hung": make(admin, "canbo2", "Phạm Văn Hùng", PASSWORD, frozenset({Role.OFFICER})),
        "boss": make(admin, "lanhdao", "Trần Văn Minh", PASSWORD, frozenset({Role.SUPERVISOR})),
    }


def _describe_submit(store: SqliteStore, officer: User, doc_id: int, doc_type: str) -> None:
    store.review.describe(officer, DocumentRecord(doc_id, doc_type=doc_type, fields={}))
    store.review.submit(officer, doc_id)


def _seed(store: SqliteStore, people: dict[str, User], make_page: MakePage) -> dict[str, int]:
    """Batch A scanned by canbo1 (3 pages, 2 documents); batch B with no recorded scanner (3 pages, 1
    document of 2 pages described by canbo2). canbo1 rescans a page; one document is returned, two approved;
    both approved ones are queued and one of them is confirmed by the central repository."""
    lan, hung, boss = people["lan"], people["hung"], people["boss"]
    a = store.create_batch("Lô A", created_by="canbo1")
    a_pages = [store.add_page(a.id, make_page(i)) for i in range(3)]
    a1, a2 = store.set_documents(a.id, [[a_pages[0].id, a_pages[1].id], [a_pages[2].id]])
    b = store.create_batch("Lô B")
    b_pages = [store.add_page(b.id, make_page(10 + i)) for i in range(3)]
    (b1,) = store.set_documents(b.id, [[p.id for p in b_pages[:2]]])  # the third: a separator sheet
    store.editing.replace_page(lan, a_pages[2].id, make_page(99))
    _describe_submit(store, lan, a1.id, "khai_sinh")
    _describe_submit(store, lan, a2.id, "ket_hon")
    _describe_submit(store, hung, b1.id, "khai_sinh")
    store.review.reject(boss, a1.id, "Ảnh mờ, quét lại trang 2")
    store.review.approve(boss, a2.id)
    store.review.approve(boss, b1.id)
    store.outbox.enqueue(a2.id, {}, "a" * 64, 10, "a2.pdf")
    sent = store.outbox.enqueue(b1.id, {}, "b" * 64, 10, "b1.pdf")
    assert store.outbox.save(dataclasses.replace(sent, state=OutboxState.CONFIRMED), OutboxState.PENDING)
    return {"a1": a1.id, "a2": a2.id, "b1": b1.id}


def test_read_model_attributes_pages_and_takes_steps_from_the_audit_log(
    store: SqliteStore, people: dict[str, User], make_page: MakePage
) -> None:
    ids = _seed(store, people, make_page)
    facts = store.inventory.activity_facts()

    scans = sorted((p.officer, p.doc_type, p.rescan) for p in facts.pages)
    assert scans == [
        ("canbo1", "ket_hon", False),
        ("canbo1", "ket_hon", True),  # the rescan, by whoever did it
        ("canbo1", "khai_sinh", False),
        ("canbo1", "khai_sinh", False),
        ("canbo2", "", False),  # in no document: whoever described the batch's documents
        ("canbo2", "khai_sinh", False),  # batch B: no scanner recorded, so the describer
        ("canbo2", "khai_sinh", False),
    ]
    steps = [(s.action, s.document_id, s.actor, s.officer, s.doc_type) for s in facts.steps]
    assert steps == [
        (SUBMIT, ids["a1"], "canbo1", "canbo1", "khai_sinh"),
        (SUBMIT, ids["a2"], "canbo1", "canbo1", "ket_hon"),
        (SUBMIT, ids["b1"], "canbo2", "canbo2", "khai_sinh"),
        (REJECT, ids["a1"], "lanhdao", "canbo1", "khai_sinh"),
        (APPROVE, ids["a2"], "lanhdao", "canbo1", "ket_hon"),
        (APPROVE, ids["b1"], "lanhdao", "canbo2", "khai_sinh"),
    ]
    queue = {q.document_id: q for q in facts.queue}
    assert queue[ids["a2"]].left_at is None and queue[ids["a2"]].officer == "canbo1"
    assert queue[ids["b1"]].left_at is not None and queue[ids["b1"]].doc_type == "khai_sinh"
    later = datetime.now(UTC) + timedelta(hours=1)
    assert store.inventory.activity_facts(since=later).pages == []  # older pages are left out


def test_activity_report_from_the_store(
    store: SqliteStore, people: dict[str, User], make_page: MakePage
) -> None:
    _seed(store, people, make_page)
    today = datetime.now(UTC).date()
    report = compute_activity(store.inventory.activity_facts(), start=today, end=today, tz=UTC)
    (day,) = report.days
    assert (day.pages, day.rejections, day.backlog) == (6, 1, 1)
    lines = {o.officer: o for o in report.officers}
    assert sorted(lines) == ["canbo1", "canbo2"]
    lan, hung = lines["canbo1"], lines["canbo2"]
    assert (lan.pages, lan.rescans, lan.submitted, lan.approved, lan.returned) == (3, 1, 2, 1, 1)
    assert lan.rejection_rate == 0.5
    assert (hung.pages, hung.submitted, hung.rejection_rate) == (3, 1, 0.0)
    assert lan.hours > 0 and lan.pages_per_hour is not None


def test_batches_from_before_migration_0008_have_no_scanner(tmp_path: Path) -> None:
    data_dir = tmp_path / "old-station"
    data_dir.mkdir()
    engine = make_engine(data_dir / "station.db")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0007")
    engine.dispose()
    with sqlite3.connect(data_dir / "station.db") as conn:
        conn.execute(
            "INSERT INTO batches (id, name, state, device, created_at, updated_at) "
            "VALUES (3, 'Lô cũ', 'processed', '', '2025-05-01 08:00:00', '2025-05-01 08:00:00')"
        )
        conn.execute(
            "INSERT INTO pages (batch_id, seq, sha256, size, source_name, media_type, side, state,"
            " created_at, trashed)"
            " VALUES (3, 1, ?, 2, 'p1', 'image/png', 'front', 'cleaned', '2025-05-01 08:01:00', 0)",
            ("a" * 64,),
        )
    conn.close()
    with open_store(data_dir) as store:
        (scan,) = store.inventory.activity_facts().pages
        report = compute_activity(
            store.inventory.activity_facts(), start=date(2025, 5, 1), end=date(2025, 5, 1), tz=UTC
        )
    assert (scan.officer, scan.batch_id, scan.at) == ("", 3, datetime(2025, 5, 1, 8, 1, tzinfo=UTC))
    assert report.days[0].pages == 1 and [o.officer for o in report.officers] == [""]
