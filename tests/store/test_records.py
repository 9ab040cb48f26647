"""Described records in the store: round trip, search, result codes never reused, scope flags kept."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.errors import NotFound
from app.core.records import DocumentRecord, FieldRegion, IssuerRef
from app.core.result_codes import CodeTemplate, CodeTemplateError
from app.core.scope import ScopeFlag, ScopeReason
from app.store import SqliteStore, open_store
from tests.store.conftest import MakePage

TEMPLATE = CodeTemplate()


def _documents(store: SqliteStore, make_page: MakePage, count: int) -> list[int]:
    batch = store.create_batch("Lô 1")
    pages = [store.add_page(batch.id, make_page(n)) for n in range(count)]
    return [d.id for d in store.set_documents(batch.id, [[p.id] for p in pages])]


def _code(store: SqliteStore, document_id: int, owner: str | None = "001089012345") -> str:
    return store.records.assign_result_code(
        document_id, TEMPLATE, owner_id=owner, result_type="KS", station="T1", year=2026
    )


def test_record_round_trip_keeps_values_regions_issuer_and_flags(
    store: SqliteStore, make_page: MakePage
) -> None:
    (doc,) = _documents(store, make_page, 1)
    flag = ScopeFlag(ScopeReason.COPY, "bản sao", "can_bo_1", datetime(2026, 11, 27, tzinfo=UTC))
    record = DocumentRecord(
        doc,
        doc_type="khai_sinh",
        fields={"chu_the_ho_ten": "Nguye\u0302\u0303n Văn  A", "so_ky_hieu": "12"},
        confidence={"chu_the_ho_ten": 0.9},
        regions={"chu_the_ho_ten": FieldRegion(0, (10, 20, 300, 60))},
        issuer=IssuerRef("UBND XÃ ĐA TỐN", "h26.gia-lam.da-ton", ""),
        scope_flags=[flag],
    )
    store.records.save_record(record, "GIẤY KHAI SINH ...")
    back = store.records.get_record(doc)
    assert back.fields["chu_the_ho_ten"] == "Nguyễn Văn A"  # NFC, spaces collapsed
    assert back.regions == record.regions
    assert back.issuer == record.issuer
    assert back.scope_flags == [flag]
    assert not back.countable
    assert store.list_documents(1)[0].doc_type == "khai_sinh"


def test_saved_record_is_found_without_diacritics(store: SqliteStore, make_page: MakePage) -> None:
    first, second = _documents(store, make_page, 2)
    store.records.save_record(DocumentRecord(first, "khai_sinh", {"chu_the_ho_ten": "Đặng Thị Ánh"}), "")
    store.records.save_record(DocumentRecord(second, "khai_tu", {"chu_the_ho_ten": "Lê Văn B"}), "")
    code = _code(store, first)
    store.records.save_record(store.records.get_record(first), "")  # re-index with the code
    assert [h.key for h in store.search("dang thi anh")] == [f"doc:{first}"]
    assert [h.key for h in store.search(code)] == [f"doc:{first}"]


def test_result_code_is_stable_for_a_document_and_unique(store: SqliteStore, make_page: MakePage) -> None:
    a, b = _documents(store, make_page, 2)
    code_a = _code(store, a)
    assert _code(store, a) == code_a
    code_b = _code(store, b, owner=None)
    assert code_a.endswith(".000001") and code_b == "KS.T1.2026.000002"


def test_deleted_documents_never_give_their_number_back(
    data_dir: Path, store: SqliteStore, make_page: MakePage
) -> None:
    a, b = _documents(store, make_page, 2)
    _code(store, a)
    code_b = _code(store, b)
    store.records.delete_document(b)  # the newest: max(seq) + 1 would hand 2 out again
    with pytest.raises(NotFound):
        store.records.get_record(b)
    store.close()
    reopened = open_store(data_dir)
    try:
        (c,) = _documents(reopened, make_page, 1)
        assert _code(reopened, c).endswith(".000003")
        assert reopened.records.released_codes() == [code_b]
    finally:
        reopened.close()


def test_resplitting_a_batch_releases_old_codes(store: SqliteStore, make_page: MakePage) -> None:
    (doc,) = _documents(store, make_page, 1)
    old = _code(store, doc)
    pages = [p.id for p in store.list_pages(1)]
    (new_doc,) = store.set_documents(1, [pages])
    assert store.records.released_codes() == [old]
    assert _code(store, new_doc.id).endswith(".000002")


def test_bad_values_do_not_burn_a_number(store: SqliteStore, make_page: MakePage) -> None:
    (doc,) = _documents(store, make_page, 1)
    with pytest.raises(CodeTemplateError):
        store.records.assign_result_code(
            doc, TEMPLATE, owner_id="001", result_type="", station="T1", year=2026
        )
    assert store.records.last_seq() == 0


def test_codes_from_many_threads_are_unique(store: SqliteStore, make_page: MakePage) -> None:
    docs = _documents(store, make_page, 24)
    codes: list[str] = []

    def work(ids: list[int]) -> None:
        codes.extend(_code(store, d) for d in ids)

    threads = [threading.Thread(target=work, args=(docs[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(codes)) == 24
    assert store.records.last_seq() == 24
