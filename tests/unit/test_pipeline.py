"""The headless pipeline journals every page, survives bad pages and device errors, and resumes."""

from __future__ import annotations

from app.core.errors import PaperJam, UnreadableImage
from app.core.models import BatchState, PageFindings, PageState
from app.core.pipeline import PageProduct, capture, process_batch
from app.core.ports import ScanSettings
from tests.fakes import ListScanner, MemoryJournal


def fake_analyze(data: bytes, dpi: int | None) -> PageProduct:
    """Interprets the test payloads: b'bad' is unreadable, b'sep' a separator, b'blank' blank."""
    if data == b"bad":
        raise UnreadableImage("test")
    return PageProduct(
        PageFindings(10, 10, dpi or 300, is_separator=data == b"sep", is_blank=data == b"blank")
    )


def test_capture_journals_pages_and_keeps_them_after_a_jam() -> None:
    journal = MemoryJournal()
    result = capture(
        ListScanner([b"a", b"b", b"c"], jam_after=2), "list", ScanSettings(), journal, batch_name="b"
    )
    assert isinstance(result.error, PaperJam)
    assert [p.seq for p in journal.list_pages(result.batch.id)] == [1, 2]
    assert journal.get_batch(result.batch.id).state == BatchState.CAPTURED


def test_bad_page_is_marked_failed_and_the_rest_is_processed() -> None:
    journal = MemoryJournal()
    payloads = [b"sep", b"a", b"bad", b"blank", b"b", b"sep", b"c"]
    batch = capture(ListScanner(payloads), "list", ScanSettings(), journal, batch_name="b").batch
    result = process_batch(journal, batch.id, fake_analyze)
    states = [p.state for p in journal.list_pages(batch.id)]
    assert states.count(PageState.FAILED) == 1 and states.count(PageState.CLEANED) == 6
    assert [[journal.pages[i].source_name for i in d.page_ids] for d in result.documents] == [
        ["p0002.png", "p0005.png"],
        ["p0007.png"],
    ]
    assert result.pages[2].error is not None and result.pages[2].error.code == "unreadable_image"


def test_processing_resumes_without_reanalysing_cleaned_pages() -> None:
    journal = MemoryJournal()
    batch = capture(ListScanner([b"a", b"b"]), "list", ScanSettings(), journal, batch_name="b").batch
    process_batch(journal, batch.id, fake_analyze)
    calls: list[bytes] = []

    def counting(data: bytes, dpi: int | None) -> PageProduct:
        calls.append(data)
        return fake_analyze(data, dpi)

    again = process_batch(journal, batch.id, counting)
    assert calls == [] and len(again.documents) == 1
