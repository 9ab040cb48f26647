"""One behaviour for every CaptureJournal: the in-memory fake the unit tests use and the real store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.errors import NotFound
from app.core.models import BatchState, PageFindings, PageState, QualityWarning
from app.core.ocr_types import OcrPage, OcrWord
from app.core.ports import CaptureJournal, ScannedPage
from app.store import open_store
from tests.fakes import MemoryJournal


@pytest.fixture(params=["memory", "sqlite"])
def journal(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CaptureJournal]:
    if request.param == "memory":
        yield MemoryJournal()
        return
    store = open_store(tmp_path / "store")
    yield store
    store.close()


def scanned(data: bytes, name: str) -> ScannedPage:
    return ScannedPage(data=data, media_type="image/png", dpi=300, source_name=name)


def test_pages_keep_feed_order_and_bytes(journal: CaptureJournal) -> None:
    batch = journal.create_batch("Lô 1", "test:0")
    for i in range(3):
        journal.add_page(batch.id, scanned(f"page {i}".encode(), f"{i:04d}.png"))
    pages = journal.list_pages(batch.id)
    assert [p.seq for p in pages] == [1, 2, 3]
    assert [journal.read_page(p) for p in pages] == [b"page 0", b"page 1", b"page 2"]
    assert journal.get_batch(batch.id).state == BatchState.SCANNING


def test_findings_failures_and_documents_round_trip(journal: CaptureJournal) -> None:
    batch = journal.create_batch("Lô 2")
    a, b, c = (journal.add_page(batch.id, scanned(bytes([i]), f"{i}.jpg")) for i in range(3))
    journal.finish_capture(batch.id)
    found = PageFindings(
        2480,
        3508,
        300,
        skew_deg=1.25,
        orientation=180,
        page_quad=((1.0, 2.0), (3.0, 4.0), (5.0, 6.0), (7.0, 8.0)),
        warnings=(QualityWarning.BLURRED,),
    )
    journal.save_findings(a.id, found)
    journal.save_findings(c.id, found)
    journal.mark_page_failed(b.id, "unreadable_image")
    docs = journal.set_documents(batch.id, [[a.id], [c.id]], ["khai_sinh", None])
    assert [d.doc_type for d in docs] == ["khai_sinh", "unknown"]
    assert [d.page_ids for d in journal.list_documents(batch.id)] == [[a.id], [c.id]]
    pages = {p.id: p for p in journal.list_pages(batch.id)}
    assert pages[a.id].findings == found and pages[a.id].state == PageState.CLEANED
    assert pages[b.id].state == PageState.FAILED and pages[b.id].error_code == "unreadable_image"
    assert pages[b.id].document_id is None
    assert journal.get_batch(batch.id).state == BatchState.PROCESSED


def test_unknown_batch_is_not_found(journal: CaptureJournal) -> None:
    with pytest.raises(NotFound):
        journal.get_batch(999)


def test_ocr_and_document_pdf_are_kept(journal: CaptureJournal) -> None:
    batch = journal.create_batch("Lô 3")
    page = journal.add_page(batch.id, scanned(b"x", "1.jpg"))
    assert journal.read_ocr(page.id) is None
    ocr = OcrPage(
        "Số: 45\nGIẤY KHAI SINH",
        2480,
        3508,
        300,
        (OcrWord("Số:", (10, 10, 60, 40), 91.5, 0), OcrWord("45", (70, 10, 110, 40), 88.0, 0)),
    )
    journal.save_ocr(page.id, ocr)
    assert journal.read_ocr(page.id) == ocr
    (doc,) = journal.set_documents(batch.id, [[page.id]])
    sha = journal.save_document_pdf(doc.id, b"%PDF-1.7 test")
    assert journal.list_documents(batch.id)[0].pdf_sha256 == sha
    assert journal.read_blob(sha) == b"%PDF-1.7 test"
