"""Submit signs as the officer, approval countersigns, issues the code and queues the document."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.approval import approve, requeue_missing, submit
from app.core.accounts import PermissionDenied, Role, User
from app.core.doctypes import load_doctypes
from app.core.errors import PdfError
from app.core.models import DocumentState
from app.core.outbox import OutboxState
from app.core.ports import ScannedPage
from app.core.records import DocumentRecord, IssuerRef
from app.core.station_config import StationConfig
from app.pdf.verify import verify_pdf
from app.store import SqliteStore, open_store
from tests.ocr_pdf.conftest import Person

PASSWORD = "mat-khau-123"


@pytest.fixture
def store(tmp_path: Path) -> SqliteStore:
    opened = open_store(tmp_path / "station")
    yield opened  # type: ignore[misc]
    opened.close()


@pytest.fixture
def people(store: SqliteStore, officer: Person, supervisor: Person) -> dict[str, User]:
    admin = store.accounts.create(None, "quantri", "Quản Trị", PASSWORD, frozenset({Role.ADMIN}))
    store.config.save(admin, StationConfig(station_code="HN-DATON-01", agency_key="h26.2025.bat-trang"))
    clerk = store.accounts.create(admin, "canbo1", "Nguyễn Văn Đức", PASSWORD, frozenset({Role.OFFICER}))
    boss = store.accounts.create(
        admin, "lanhdao", "Trần Thị Bích Ngọc", PASSWORD, frozenset({Role.SUPERVISOR})
    )
    store.accounts.set_signer(admin, clerk.id, {"kind": "pkcs12", "pkcs12_path": str(officer.p12)})
    store.accounts.set_signer(admin, boss.id, {"kind": "pkcs12", "pkcs12_path": str(supervisor.p12)})
    return {"admin": admin, "officer": clerk, "supervisor": boss}


def _described_document(store: SqliteStore, pdf: bytes, officer: User) -> int:
    batch = store.create_batch("Lô 1")
    page = store.add_page(batch.id, ScannedPage(b"\x89PNG\r\n\x1a\n" + b"x" * 64, "image/png", 300, "p1"))
    doc = store.set_documents(batch.id, [[page.id]])[0].id
    store.save_document_pdf(doc, pdf)
    fields = {"so_ky_hieu": "12", "ngay_ban_hanh": "2019-04-02", "chu_the_so_dinh_danh": "001089012345"}
    store.review.describe(
        officer, DocumentRecord(doc, "khai_sinh", fields, issuer=IssuerRef("UBND XÃ ĐA TỐN"))
    )
    return doc


def test_submit_and_approve_sign_twice_and_queue_the_document(
    store: SqliteStore, people: dict[str, User], pdfa_bytes: bytes, officer: Person, supervisor: Person
) -> None:
    doc = _described_document(store, pdfa_bytes, people["officer"])
    assert submit(store, people["officer"], doc, officer.passphrase) is DocumentState.SUBMITTED
    doctypes = load_doctypes()
    assert (
        approve(store, people["supervisor"], doc, doctypes, supervisor.passphrase) is DocumentState.APPROVED
    )
    document = store.get_document(doc)
    signed = store.read_blob(document.pdf_sha256 or "")
    reports = verify_pdf(signed)
    assert [r.intact for r in reports] == [True, True]
    item = store.outbox.get(doc)
    assert item.state is OutboxState.PENDING and item.sha256 == document.pdf_sha256
    code = store.records.get_record(doc).result_code
    assert code == "001089012345.GKS.HN-DATON-01.2019.000001"
    assert item.manifest["result_code"] == code
    assert (item.manifest["officer"], item.manifest["supervisor"]) == ("canbo1", "lanhdao")
    assert requeue_missing(store, doctypes) == 0


def test_nothing_is_signed_by_someone_who_may_not(
    store: SqliteStore, people: dict[str, User], pdfa_bytes: bytes, officer: Person
) -> None:
    doc = _described_document(store, pdfa_bytes, people["officer"])
    before = store.get_document(doc).pdf_sha256
    with pytest.raises(PermissionDenied):
        submit(store, people["supervisor"], doc, officer.passphrase)
    with pytest.raises(PermissionDenied):
        approve(store, people["officer"], doc, load_doctypes(), officer.passphrase)
    assert store.get_document(doc).pdf_sha256 == before


def test_wrong_passphrase_keeps_the_document_where_it_was(
    store: SqliteStore, people: dict[str, User], pdfa_bytes: bytes
) -> None:
    doc = _described_document(store, pdfa_bytes, people["officer"])
    with pytest.raises(PdfError) as err:
        submit(store, people["officer"], doc, "sai")
    assert "mật khẩu" in err.value.message_vi
    assert store.get_document(doc).state is DocumentState.DESCRIBED
