"""A scan session: every page is journaled and thumbnailed at once; cleanup and OCR follow in a pool.

The scanner is never kept waiting for OCR: the capture loop only writes the page (journal first) and
makes its thumbnail, then hands the heavy page work to a worker pool and asks for the next page.
Results are journaled as they complete, in whatever order the pool finishes them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field

from app.core.cancel import CancelToken
from app.core.errors import DeviceError, StationError
from app.core.models import Batch, Page
from app.core.pipeline import PageProduct, PageResult, PageWorkFn, capture
from app.core.ports import CaptureJournal, ScannedPage, Scanner, ScanSettings

log = logging.getLogger(__name__)

ThumbnailFn = Callable[[bytes], bytes]


@dataclass
class PageReady:
    """A page the officer can see: journaled, with a thumbnail; ``latency_s`` since the scanner gave it."""

    page: Page
    thumbnail: bytes
    latency_s: float


@dataclass
class SessionResult:
    batch: Batch
    ready: list[PageReady] = field(default_factory=list)
    results: dict[int, PageResult] = field(default_factory=dict)
    error: DeviceError | None = None


class ScanSession:
    """Runs one scan into a batch with background page work; callbacks come from worker threads."""

    def __init__(
        self,
        journal: CaptureJournal,
        thumbnail: ThumbnailFn,
        work: PageWorkFn,
        executor: Executor,
        *,
        on_ready: Callable[[PageReady], None] | None = None,
        on_done: Callable[[PageResult], None] | None = None,
    ) -> None:
        self.journal = journal
        self.thumbnail = thumbnail
        self.work = work
        self.executor = executor
        self.on_ready = on_ready
        self.on_done = on_done
        self._unfinished = 0  # submitted pages whose result is not yet journaled
        self._lock = threading.Condition()

    def scan(
        self, scanner: Scanner, device_id: str, settings: ScanSettings, batch_name: str, cancel: CancelToken
    ) -> SessionResult:
        """Capture until the feeder is empty (or an error/cancel), then wait for the page work."""
        ready: list[PageReady] = []
        results: dict[int, PageResult] = {}

        def on_page(page: Page, scanned: ScannedPage, delivered_at: float) -> None:
            item = PageReady(page, self._thumbnail(scanned.data), 0.0)
            item.latency_s = time.perf_counter() - delivered_at
            ready.append(item)
            if self.on_ready is not None:
                self.on_ready(item)
            self._submit(page, scanned.data, results)

        captured = capture(
            scanner, device_id, settings, self.journal, batch_name=batch_name, cancel=cancel, on_page=on_page
        )
        self.wait()
        batch = self.journal.get_batch(captured.batch.id)
        return SessionResult(batch, ready, results, captured.error)

    def _thumbnail(self, data: bytes) -> bytes:
        try:
            return self.thumbnail(data)
        except StationError as exc:  # the page is kept; its cleanup will flag it for a rescan
            log.warning("no thumbnail for a page: %s", exc.code)
            return b""

    def _submit(self, page: Page, data: bytes, results: dict[int, PageResult]) -> None:
        with self._lock:
            self._unfinished += 1
        try:
            future = self.executor.submit(self.work, data, page.dpi)
        except BaseException:
            with self._lock:
                self._unfinished -= 1
            raise
        future.add_done_callback(lambda f: self._finish(page, f, results))

    def _finish(self, page: Page, future: Future[PageProduct], results: dict[int, PageResult]) -> None:
        try:
            self._record(page, future, results)
        finally:
            with self._lock:
                self._unfinished -= 1
                self._lock.notify_all()

    def _record(self, page: Page, future: Future[PageProduct], results: dict[int, PageResult]) -> None:
        try:
            product = future.result()
        except StationError as exc:
            self.journal.mark_page_failed(page.id, exc.code)
            done = PageResult(page, None, exc)
        except Exception as exc:  # a crashed worker must flag the page, not hang the scan
            log.exception("page work failed unexpectedly")
            failure = StationError(type(exc).__name__)
            self.journal.mark_page_failed(page.id, failure.code)
            done = PageResult(page, None, failure)
        else:
            self.journal.save_findings(page.id, product.findings)
            if product.ocr is not None:
                self.journal.save_ocr(page.id, product.ocr)
            done = PageResult(page, product.findings, None, product.ocr, product.pdf_part)
        with self._lock:
            results[page.id] = done
        if self.on_done is not None:
            self.on_done(done)

    def wait(self) -> None:
        """Block until every submitted page's work has finished and been journaled.

        (A future's ``result()`` can return before its done-callback has run: count callbacks.)
        """
        with self._lock:
            self._lock.wait_for(lambda: self._unfinished == 0)
