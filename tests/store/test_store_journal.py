"""The store as the pipeline uses it: batches, journaled pages, findings, documents, read-back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.errors import NotFound
from app.core.models import BatchState, PageFindings, PageState, QualityWarning
from app.core.ports import CaptureJournal, ScannedPage
from app.store import SqliteStore, default_data_dir, open_store


def test_store_satisfies_capture_journal_port(store: SqliteStore) -> None:
    journal: CaptureJournal = store
    batch = journal.create_batch("Lô khai sinh 2024", device="test:0")
    assert journal.get_batch(batch.id) == batch


def test_new_batch_is_scanning_and_listed(store: SqliteStore) -> None:
    first = store.create_batch("Lô 1", device="test:0")
    second = store.create_batch("Lô 2")
    assert first.state is BatchState.SCANNING
    assert first.created_at is not None and first.created_at.tzinfo is not None
    assert [b.name for b in store.list_batches()] == ["Lô 1", "Lô 2"]
    assert store.get_batch(second.id).device == ""


def test_pages_get_consecutive_seq_and_read_back_verbatim(
    store: SqliteStore, make_page: Callable[..., ScannedPage]
) -> None:
    batch = store.create_batch("Lô 1")
    other = store.create_batch("Lô 2")
    sent = [make_page(i) for i in range(1, 5)]
    pages = [store.add_page(batch.id, p) for p in sent]
    store.add_page(other.id, make_page(9))
    assert [p.seq for p in pages] == [1, 2, 3, 4]
    listed = store.list_pages(batch.id)
    assert listed == pages
    assert [store.read_page(p) for p in listed] == [s.data for s in sent]
    assert listed[0].source_name == "test:0 p.1" and listed[0].dpi == 300
    assert all(p.state is PageState.CAPTURED for p in listed)


def test_page_file_is_content_addressed(
    store: SqliteStore, data_dir: Path, make_page: Callable[..., ScannedPage]
) -> None:
    batch = store.create_batch("Lô 1")
    page = store.add_page(batch.id, make_page(1))
    expected = data_dir / "files" / page.sha256[:2] / page.sha256[2:]
    assert store.page_path(page) == expected
    assert expected.read_bytes() == store.read_page(page)
    assert (data_dir / "station.db").is_file()


def test_same_bytes_twice_are_two_pages_sharing_one_file(
    store: SqliteStore, make_page: Callable[..., ScannedPage]
) -> None:
    batch = store.create_batch("Lô 1")
    page = make_page(1)
    a = store.add_page(batch.id, page)
    b = store.add_page(batch.id, ScannedPage(page.data, "image/png", 300, "again", side="back"))
    assert (a.seq, b.seq) == (1, 2) and a.sha256 == b.sha256
    assert store.list_pages(batch.id)[1].side == "back"


def test_findings_survive_a_reopen(
    store: SqliteStore, data_dir: Path, make_page: Callable[..., ScannedPage]
) -> None:
    batch = store.create_batch("Lô 1")
    page = store.add_page(batch.id, make_page(1))
    findings = PageFindings(
        width=2480,
        height=3508,
        dpi=300,
        skew_deg=-1.25,
        orientation=90,
        page_quad=((10.5, 12.0), (2470.0, 8.25), (2475.0, 3500.0), (4.0, 3499.5)),
        is_separator=True,
        separator_payload="SEP:khai_sinh",
        is_color=False,
        warnings=(QualityWarning.BLURRED, QualityWarning.CUT_OFF),
    )
    store.save_findings(page.id, findings)
    store.close()
    with open_store(data_dir) as reopened:
        (stored,) = reopened.list_pages(batch.id)
    assert stored.findings == findings
    assert stored.state is PageState.CLEANED


def test_failed_page_keeps_its_error_code(store: SqliteStore, make_page: Callable[..., ScannedPage]) -> None:
    batch = store.create_batch("Lô 1")
    page = store.add_page(batch.id, make_page(1))
    store.mark_page_failed(page.id, "unreadable_image")
    (stored,) = store.list_pages(batch.id)
    assert (stored.state, stored.error_code) == (PageState.FAILED, "unreadable_image")
    assert store.read_page(stored) == store.read_page(page)


def test_finish_capture_marks_batch_captured(store: SqliteStore) -> None:
    batch = store.create_batch("Lô 1")
    store.finish_capture(batch.id)
    store.finish_capture(batch.id)
    assert store.get_batch(batch.id).state is BatchState.CAPTURED


def test_set_documents_replaces_previous_split(
    store: SqliteStore, make_page: Callable[..., ScannedPage]
) -> None:
    batch = store.create_batch("Lô 1")
    ids = [store.add_page(batch.id, make_page(i)).id for i in range(1, 6)]
    store.set_documents(batch.id, [ids[:2], ids[2:]])
    docs = store.set_documents(batch.id, [[ids[0]], [ids[3], ids[2]]])
    assert [(d.index, d.page_ids) for d in docs] == [(0, [ids[0]]), (1, [ids[2], ids[3]])]
    assert store.list_documents(batch.id) == docs
    by_id = {p.id: p.document_id for p in store.list_pages(batch.id)}
    assert by_id[ids[1]] is None and by_id[ids[4]] is None
    assert by_id[ids[2]] == by_id[ids[3]] == docs[1].id


def test_set_documents_rejects_pages_of_another_batch(
    store: SqliteStore, make_page: Callable[..., ScannedPage]
) -> None:
    batch = store.create_batch("Lô 1")
    other = store.create_batch("Lô 2")
    mine = store.add_page(batch.id, make_page(1))
    foreign = store.add_page(other.id, make_page(2))
    store.set_documents(batch.id, [[mine.id]])
    with pytest.raises(NotFound):
        store.set_documents(batch.id, [[mine.id, foreign.id]])
    with pytest.raises(ValueError, match="one document"):
        store.set_documents(batch.id, [[mine.id], [mine.id]])
    assert [d.page_ids for d in store.list_documents(batch.id)] == [[mine.id]]


def test_unknown_ids_raise_not_found(store: SqliteStore, make_page: Callable[..., ScannedPage]) -> None:
    with pytest.raises(NotFound):
        store.get_batch(42)
    with pytest.raises(NotFound):
        store.add_page(42, make_page(1))
    with pytest.raises(NotFound):
        store.mark_page_failed(42, "x")
    assert [p for p in (store.data_dir / "files").rglob("*") if p.is_file()] == []  # no file left


def test_data_dir_comes_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOHOA_DATA_DIR", str(tmp_path / "elsewhere"))
    assert default_data_dir() == tmp_path / "elsewhere"
    with open_store() as opened:
        assert opened.data_dir == tmp_path / "elsewhere"
    assert (tmp_path / "elsewhere" / "station.db").is_file()
    monkeypatch.delenv("SOHOA_DATA_DIR")
    assert "sohoa-station" in str(default_data_dir())
