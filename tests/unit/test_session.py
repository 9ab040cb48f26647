"""A scan session journals and thumbnails each page at once and finishes the page work in a pool."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from app.core.cancel import CancelToken
from app.core.errors import PaperJam, UnreadableImage
from app.core.models import PageFindings, PageState
from app.core.pipeline import PageProduct
from app.core.ports import ScanSettings
from app.core.session import ScanSession
from tests.fakes import ListScanner, MemoryJournal


def test_pages_are_ready_before_their_slow_work_finishes() -> None:
    release = threading.Event()
    ready_order: list[int] = []

    def slow_work(data: bytes, dpi: int | None) -> PageProduct:
        release.wait(10)  # the work is held until every page has been captured
        if data == b"bad":
            raise UnreadableImage("test")
        return PageProduct(PageFindings(1, 1, dpi or 300))

    journal = MemoryJournal()
    with ThreadPoolExecutor(2) as pool:
        session = ScanSession(
            journal,
            lambda d: b"thumb:" + d,
            slow_work,
            pool,
            on_ready=lambda r: ready_order.append(r.page.seq),
        )
        timer = threading.Timer(0.3, release.set)
        timer.start()
        result = session.scan(ListScanner([b"a", b"bad", b"c"]), "list", ScanSettings(), "b", CancelToken())
        timer.join()
    assert ready_order == [1, 2, 3]
    assert [r.thumbnail for r in result.ready] == [b"thumb:a", b"thumb:bad", b"thumb:c"]
    states = [p.state for p in journal.list_pages(result.batch.id)]
    assert states == [PageState.CLEANED, PageState.FAILED, PageState.CLEANED]


def test_a_jam_keeps_the_pages_and_their_work() -> None:
    journal = MemoryJournal()
    with ThreadPoolExecutor(1) as pool:
        session = ScanSession(
            journal, lambda d: b"", lambda d, dpi: PageProduct(PageFindings(1, 1, 300)), pool
        )
        result = session.scan(
            ListScanner([b"a", b"b", b"c"], jam_after=2), "list", ScanSettings(), "b", CancelToken()
        )
    assert isinstance(result.error, PaperJam)
    assert len(result.results) == 2
    assert all(p.state == PageState.CLEANED for p in journal.list_pages(result.batch.id))
