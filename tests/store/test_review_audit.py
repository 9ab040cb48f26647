"""Accounts, the review workflow by role (enforced below the UI) and the tamper-evident audit log."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.core.accounts import AccountError, LoginFailed, PermissionDenied, Role, User
from app.core.models import DocumentState
from app.core.records import DocumentRecord
from app.core.workflow import WorkflowError
from app.store import SqliteStore
from tests.store.conftest import MakePage

PASSWORD = "mat-khau-123"


@pytest.fixture
def people(store: SqliteStore) -> dict[str, User]:
    admin = store.accounts.create(None, "quantri", "Quản Trị", PASSWORD, frozenset({Role.ADMIN}))
    officer = store.accounts.create(admin, "canbo1", "Nguyễn Văn Cán", PASSWORD, frozenset({Role.OFFICER}))
    boss = store.accounts.create(admin, "lanhdao", "Trần Thị Duyệt", PASSWORD, frozenset({Role.SUPERVISOR}))
    return {"admin": admin, "officer": officer, "supervisor": boss}


def _document(store: SqliteStore, make_page: MakePage) -> int:
    batch = store.create_batch("Lô")
    page = store.add_page(batch.id, make_page(1))
    return store.set_documents(batch.id, [[page.id]])[0].id


def test_passwords_are_argon2_hashed_and_logins_checked(store: SqliteStore, people: dict[str, User]) -> None:
    with store._engine.connect() as conn:
        stored = conn.execute(text("SELECT password_hash FROM users WHERE login='canbo1'")).scalar_one()
    assert stored.startswith("$argon2") and PASSWORD not in stored
    assert store.accounts.login("CanBo1", PASSWORD) == people["officer"]
    with pytest.raises(LoginFailed):
        store.accounts.login("canbo1", "sai-mat-khau")
    with pytest.raises(LoginFailed):
        store.accounts.login("khongco", PASSWORD)
    store.accounts.set_active(people["admin"], people["officer"].id, False)
    with pytest.raises(LoginFailed):
        store.accounts.login("canbo1", PASSWORD)


def test_only_an_administrator_creates_accounts(store: SqliteStore, people: dict[str, User]) -> None:
    with pytest.raises(PermissionDenied):
        store.accounts.create(people["supervisor"], "canbo2", "X", PASSWORD, frozenset({Role.OFFICER}))
    with pytest.raises(AccountError):
        store.accounts.create(people["admin"], "canbo1", "X", PASSWORD, frozenset({Role.OFFICER}))
    with pytest.raises(AccountError):
        store.accounts.create(people["admin"], "canbo3", "X", "ngan", frozenset({Role.OFFICER}))


def test_first_account_must_be_an_administrator(store: SqliteStore) -> None:
    with pytest.raises(AccountError):
        store.accounts.create(None, "canbo1", "X", PASSWORD, frozenset({Role.OFFICER}))


def test_officer_cannot_approve_and_supervisor_cannot_describe(
    store: SqliteStore, people: dict[str, User], make_page: MakePage
) -> None:
    doc = _document(store, make_page)
    officer, boss = people["officer"], people["supervisor"]
    with pytest.raises(PermissionDenied):
        store.review.describe(boss, DocumentRecord(doc, "khai_sinh"))
    store.review.describe(officer, DocumentRecord(doc, "khai_sinh", {"so_ky_hieu": "12"}))
    store.review.submit(officer, doc)
    with pytest.raises(PermissionDenied):
        store.review.approve(officer, doc)
    with pytest.raises(PermissionDenied):
        store.review.approve(None, doc)
    assert store.review.states(1) == {doc: DocumentState.SUBMITTED}


def test_reject_needs_a_reason_and_returns_to_the_officer(
    store: SqliteStore, people: dict[str, User], make_page: MakePage
) -> None:
    doc = _document(store, make_page)
    officer, boss = people["officer"], people["supervisor"]
    store.review.describe(officer, DocumentRecord(doc, "khai_sinh"))
    with pytest.raises(WorkflowError):
        store.review.approve(boss, doc)  # not submitted yet
    store.review.submit(officer, doc)
    with pytest.raises(WorkflowError):
        store.review.reject(boss, doc, "  ")
    store.review.reject(boss, doc, "Sai  số định danh")
    assert store.review.review_of(officer, doc)["reason"] == "Sai số định danh"
    store.review.describe(officer, DocumentRecord(doc, "khai_sinh", {"chu_the_so_dinh_danh": "001089012345"}))
    store.review.submit(officer, doc)
    assert store.review.approve(boss, doc) is DocumentState.APPROVED


def test_nobody_reviews_their_own_work(
    store: SqliteStore, people: dict[str, User], make_page: MakePage
) -> None:
    both = store.accounts.create(
        people["admin"], "kiemnhiem", "Kiêm Nhiệm", PASSWORD, frozenset({Role.OFFICER, Role.SUPERVISOR})
    )
    doc = _document(store, make_page)
    store.review.describe(both, DocumentRecord(doc, "khai_tu"))
    store.review.submit(both, doc)
    with pytest.raises(PermissionDenied):
        store.review.approve(both, doc)
    assert store.review.approve(people["supervisor"], doc) is DocumentState.APPROVED


def test_audit_log_records_every_step_and_verifies(
    store: SqliteStore, people: dict[str, User], make_page: MakePage
) -> None:
    doc = _document(store, make_page)
    store.review.describe(people["officer"], DocumentRecord(doc, "khai_sinh"))
    store.review.submit(people["officer"], doc)
    store.review.reject(people["supervisor"], doc, "Thiếu trang 2")
    actions = [(e.actor, e.action) for e in store.audit.entries() if e.target == f"document:{doc}"]
    assert actions == [
        ("canbo1", "document_describe"),
        ("canbo1", "document_submit"),
        ("lanhdao", "document_reject"),
    ]
    assert store.audit.verify() == []
    exported = store.audit.export_csv(people["supervisor"])
    assert "document_reject" in exported and exported.rstrip().endswith("toàn vẹn")
    with pytest.raises(PermissionDenied):
        store.audit.export_csv(people["officer"])


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        ("UPDATE audit_log SET actor='lanhdao' WHERE seq=4", "đã bị sửa"),
        ("DELETE FROM audit_log WHERE seq=3", "Thiếu hoặc thừa"),
        ("DELETE FROM audit_log WHERE seq=(SELECT max(seq) FROM audit_log)", "bị cắt"),
    ],
)
def test_tampered_audit_log_is_reported(
    store: SqliteStore, people: dict[str, User], make_page: MakePage, tamper: str, expected: str
) -> None:
    doc = _document(store, make_page)
    store.review.describe(people["officer"], DocumentRecord(doc, "khai_sinh"))
    store.review.submit(people["officer"], doc)
    with store._engine.begin() as conn:
        conn.execute(text(tamper))
    problems = store.audit.verify()
    assert any(expected in p for p in problems), problems
