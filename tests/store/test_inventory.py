"""Inventory in the store (edits audited, supervisors only) and the progress read model on real documents."""

from __future__ import annotations

import dataclasses
import math
from datetime import UTC, date, datetime

import pytest

from app.core.accounts import PermissionDenied, Role, User
from app.core.outbox import OutboxState
from app.core.progress import InventoryRow, Roadmap, compute_progress
from app.core.records import DocumentRecord, IssuerRef
from app.core.scope import ScopeFlag, ScopeReason
from app.store import SqliteStore
from app.store.inventory import SqliteInventory
from tests.store.conftest import MakePage

PASSWORD = "mat-khau-123"
LEVELS = {"xa-dt": "xa"}


@pytest.fixture
def people(store: SqliteStore) -> dict[str, User]:
    admin = store.accounts.create(None, "quantri", "Quản Trị", PASSWORD, frozenset({Role.ADMIN}))
    officer = store.accounts.create(admin, "canbo1", "Cán Bộ", PASSWORD, frozenset({Role.OFFICER}))
    boss = store.accounts.create(admin, "lanhdao", "Lãnh Đạo", PASSWORD, frozenset({Role.SUPERVISOR}))
    return {"officer": officer, "supervisor": boss}


@pytest.fixture
def inventory(store: SqliteStore) -> SqliteInventory:
    return SqliteInventory(store._engine, store._lock)


def _seed(store: SqliteStore, people: dict[str, User], make_page: MakePage, n: int) -> list[int]:
    batch = store.create_batch("Lô kiểm kê")
    pages = [store.add_page(batch.id, make_page(i)) for i in range(n)]
    docs = store.set_documents(batch.id, [[p.id] for p in pages])
    return [d.id for d in docs]


def _describe(store: SqliteStore, officer: User, doc_id: int, *, out_of_scope: bool = False) -> None:
    flags = [ScopeFlag(ScopeReason.COPY, "", officer.login, datetime.now(UTC))] if out_of_scope else []
    record = DocumentRecord(
        doc_id,
        doc_type="khai_sinh",
        fields={"ngay_ban_hanh": "2019-03-04", "co_quan_ban_hanh": "UBND xã Đa Tốn"},
        issuer=IssuerRef("UBND xã Đa Tốn", "xa-dt", "xa-dt"),
        scope_flags=flags,
    )
    store.review.describe(officer, record)
    store.review.submit(officer, doc_id)


def _confirm(store: SqliteStore, doc_id: int) -> None:
    item = store.outbox.enqueue(doc_id, {}, "a" * 64, 10, f"{doc_id}.pdf")
    done = dataclasses.replace(item, state=OutboxState.CONFIRMED)
    assert store.outbox.save(done, OutboxState.PENDING)


def test_progress_from_the_store_excludes_rejected_unconfirmed_and_out_of_scope(
    store: SqliteStore, inventory: SqliteInventory, people: dict[str, User], make_page: MakePage
) -> None:
    officer, boss = people["officer"], people["supervisor"]
    ids = _seed(store, people, make_page, 5)
    for doc_id in ids[:4]:
        _describe(store, officer, doc_id, out_of_scope=doc_id == ids[2])
    for doc_id in (ids[0], ids[1], ids[2]):
        store.review.approve(boss, doc_id)
    store.review.reject(boss, ids[3], "Ảnh mờ, quét lại")
    for doc_id in (ids[0], ids[2]):
        _confirm(store, doc_id)  # ids[1] approved but not confirmed yet
    inventory.save(boss, [InventoryRow("UBND xã Đa Tốn", "khai_sinh", 2019, 8, "xa-dt", "xa-dt")])

    facts = {f.document_id: f for f in inventory.progress_facts()}
    assert facts[ids[0]].issued_year == 2019 and facts[ids[0]].officer == "canbo1"
    assert facts[ids[2]].out_of_scope and facts[ids[4]].state == "draft"
    today = date.today()
    report = compute_progress(list(facts.values()), inventory.rows(), LEVELS, year=today.year, today=today)
    due = math.ceil(8 * Roadmap().target("xa", today.year) / 100)  # 8 from 2025 on
    # only ids[0] counts: ids[1] is unconfirmed, ids[2] out of scope, ids[3] rejected
    assert (report.total.inventory, report.total.digitised, report.total.shortfall) == (8, 1, due - 1)
    assert (report.awaiting_confirmation, report.out_of_scope, report.total.rejected) == (1, 1, 1)
    assert report.pace > 0  # the two in-scope approvals of today are in the pace window


def test_inventory_edits_are_audited_and_upserted(
    store: SqliteStore, inventory: SqliteInventory, people: dict[str, User]
) -> None:
    boss = people["supervisor"]
    row = InventoryRow("UBND  xã Đa Tốn", "khai_sinh", 2019, 8, "xa-dt")
    assert inventory.save(boss, [row], source="kiemke.xlsx") == 1
    assert inventory.save(boss, [row]) == 0  # unchanged: no new entry
    assert inventory.save(boss, [dataclasses.replace(row, count=12)]) == 1
    assert [(r.agency_printed, r.count) for r in inventory.rows()] == [("UBND xã Đa Tốn", 12)]
    entries = [e for e in store.audit.entries() if e.action.startswith("inventory")]
    assert [(e.actor, e.detail["from"], e.detail["to"]) for e in entries] == [
        ("lanhdao", None, 8),
        ("lanhdao", 8, 12),
    ]
    assert entries[0].detail["source"] == "kiemke.xlsx"
    assert inventory.remove(boss, "UBND xã Đa Tốn", "khai_sinh", 2019)
    assert inventory.rows() == []
    assert store.audit.verify() == []


def test_only_supervisors_edit_the_inventory_and_a_failed_batch_saves_nothing(
    store: SqliteStore, inventory: SqliteInventory, people: dict[str, User]
) -> None:
    with pytest.raises(PermissionDenied) as caught:
        inventory.save(people["officer"], [InventoryRow("UBND xã A", "khai_sinh", 2019, 1)])
    assert "kiểm kê" in caught.value.user_message("vi")
    assert inventory.rows() == []


def test_records_export_needs_a_login_and_is_audited(
    store: SqliteStore, inventory: SqliteInventory, people: dict[str, User], make_page: MakePage
) -> None:
    ids = _seed(store, people, make_page, 2)
    _describe(store, people["officer"], ids[0])
    with pytest.raises(PermissionDenied):
        inventory.metadata_rows(None)
    rows = inventory.metadata_rows(people["officer"])
    assert rows[0]["ngay_ban_hanh"] == "2019-03-04" and rows[0]["state"] == "submitted"
    assert rows[1]["doc_type"] == "unknown"
    assert store.audit.entries()[-1].action == "records_exported"
