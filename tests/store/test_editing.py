"""The officer's corrections keep documents' identities, drop stale PDFs, stop after submission."""

from __future__ import annotations

import pytest

from app.core.accounts import PermissionDenied, Role, User
from app.core.models import DocumentState
from app.core.ports import ScannedPage
from app.core.records import DocumentRecord
from app.core.result_codes import CodeTemplate
from app.core.workflow import WorkflowError
from app.store import SqliteStore
from tests.store.conftest import MakePage

PASSWORD = "mat-khau-123"


@pytest.fixture
def clerk(store: SqliteStore) -> User:
    admin = store.accounts.create(None, "quantri", "Quản Trị", PASSWORD, frozenset({Role.ADMIN}))
    return store.accounts.create(admin, "canbo1", "Cán Bộ", PASSWORD, frozenset({Role.OFFICER}))


def _batch(store: SqliteStore, make_page: MakePage, layout: list[int]) -> tuple[list[int], list[int]]:
    """A batch whose documents have ``layout`` pages each; (page ids, document ids)."""
    batch = store.create_batch("Lô")
    pages = [store.add_page(batch.id, make_page(n)).id for n in range(sum(layout))]
    groups, start = [], 0
    for size in layout:
        groups.append(pages[start : start + size])
        start += size
    docs = [d.id for d in store.set_documents(batch.id, groups)]
    for doc in docs:
        store.save_document_pdf(doc, b"%PDF-1.7 stale")
    return pages, docs


def test_reorder_changes_the_order_and_drops_the_pdf(
    store: SqliteStore, make_page: MakePage, clerk: User
) -> None:
    pages, (doc,) = _batch(store, make_page, [3])
    store.editing.reorder(clerk, doc, [pages[2], pages[0], pages[1]])
    document = store.get_document(doc)
    assert document.page_ids == [pages[2], pages[0], pages[1]] and document.pdf_sha256 is None
    with pytest.raises(WorkflowError):
        store.editing.reorder(clerk, doc, pages[:2])


def test_split_and_merge_keep_the_batch_order(store: SqliteStore, make_page: MakePage, clerk: User) -> None:
    pages, (first, last) = _batch(store, make_page, [3, 1])
    store.records.save_record(DocumentRecord(first, "quyet_dinh", {"so_ky_hieu": "5"}))
    new = store.editing.split(clerk, first, pages[1])
    assert [d.page_ids for d in store.list_documents(1)] == [[pages[0]], pages[1:3], [pages[3]]]
    assert [d.id for d in store.list_documents(1)] == [first, new, last]
    assert store.records.get_record(first).fields == {"so_ky_hieu": "5"}  # identity kept
    store.records.assign_result_code(
        new, CodeTemplate(), owner_id=None, result_type="QD", station="T1", year=2026
    )
    store.editing.merge(clerk, first, new)
    assert [d.page_ids for d in store.list_documents(1)] == [pages[0:3], [pages[3]]]
    assert len(store.records.released_codes()) == 1  # the merged-away document's code is retired
    with pytest.raises(WorkflowError):
        store.editing.split(clerk, first, pages[0])


def test_move_page_between_documents(store: SqliteStore, make_page: MakePage, clerk: User) -> None:
    pages, (_first, second) = _batch(store, make_page, [2, 2])
    store.editing.move_pages(clerk, [pages[1]], second, 1)
    assert [d.page_ids for d in store.list_documents(1)] == [[pages[0]], [pages[2], pages[1], pages[3]]]


def test_trash_and_restore(store: SqliteStore, make_page: MakePage, clerk: User) -> None:
    pages, (doc,) = _batch(store, make_page, [2])
    store.editing.trash(clerk, pages[1])
    assert store.get_document(doc).page_ids == [pages[0]]
    assert [p.trashed for p in store.list_pages(1)] == [False, True]  # kept, recoverable
    store.editing.restore(clerk, pages[1])
    assert store.get_document(doc).page_ids == pages


def test_rescan_in_place(store: SqliteStore, make_page: MakePage, clerk: User) -> None:
    pages, (doc,) = _batch(store, make_page, [2])
    fresh = ScannedPage(b"\x89PNG\r\n\x1a\nnew page bytes", "image/png", 300, "rescan")
    store.editing.replace_page(clerk, pages[0], fresh)
    page = store.list_pages(1)[0]
    assert store.read_page(page) == fresh.data and page.findings is None
    assert store.get_document(doc).page_ids == pages and store.get_document(doc).pdf_sha256 is None


def test_no_edits_after_submission_or_by_a_supervisor(
    store: SqliteStore, make_page: MakePage, clerk: User
) -> None:
    pages, (doc,) = _batch(store, make_page, [2])
    store.review.describe(clerk, DocumentRecord(doc, "khai_tu"))
    store.review.submit(clerk, doc)
    assert store.get_document(doc).state is DocumentState.SUBMITTED
    with pytest.raises(WorkflowError):
        store.editing.trash(clerk, pages[0])
    admin = store.accounts.login("quantri", PASSWORD)
    with pytest.raises(PermissionDenied):
        store.editing.reorder(admin, doc, pages[::-1])
    actions = [e.action for e in store.audit.entries()]
    assert "page_trashed" not in actions
