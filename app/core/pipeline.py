"""The headless capture pipeline: scanner -> journal -> page analysis -> documents.

The GUI and ``sohoa process`` run exactly these functions. Each step is resumable: capture journals
every page the moment it arrives, analysis skips pages already analysed, assembly is recomputed from
the journal. One bad page never stops the batch: it is marked failed with its error code and kept.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from app.core.cancel import CancelToken, ProgressEvent, ProgressFn, no_progress
from app.core.errors import DeviceError, ScanCancelled, StationError
from app.core.models import Batch, Document, Page, PageFindings, PageState
from app.core.ocr_types import OcrPage
from app.core.ports import CaptureJournal, ScannedPage, Scanner, ScanSettings
from app.core.splitting import DocumentPlan, assemble_documents

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class PageProduct:
    """What the per-page work gives back from a worker: findings, and OCR and a prepared PDF page when
    the work includes them (``pdf_part`` is opaque to the core: the PDF adapter's compressed page)."""

    findings: PageFindings
    ocr: OcrPage | None = None
    pdf_part: Any = None


PageWorkFn = Callable[[bytes, int | None], PageProduct]
PageHook = Callable[[Page, ScannedPage, float], None]


@dataclass
class CaptureResult:
    batch: Batch
    pages: list[Page] = field(default_factory=list)
    error: DeviceError | None = None  # why the scan stopped early (jam, cancel ...); pages are kept


@dataclass
class PageResult:
    page: Page
    findings: PageFindings | None = None
    error: StationError | None = None
    ocr: OcrPage | None = None
    pdf_part: Any = None

    @property
    def is_content(self) -> bool:
        """A page that belongs in a document: read, and neither blank nor a separator."""
        f = self.findings
        return f is not None and not f.is_blank and not f.is_separator


@dataclass
class BatchResult:
    batch: Batch
    pages: list[PageResult]
    documents: list[Document]
    plans: list[DocumentPlan]


def capture(
    scanner: Scanner,
    device_id: str,
    settings: ScanSettings,
    journal: CaptureJournal,
    *,
    batch_name: str,
    batch_id: int | None = None,
    cancel: CancelToken | None = None,
    progress: ProgressFn = no_progress,
    on_page: PageHook | None = None,
) -> CaptureResult:
    """Scan into a (new or continued) batch, journaling each page before asking for the next.

    ``on_page(page, scanned, delivered_at)`` runs right after the page is journaled, with the
    ``time.perf_counter()`` at which the scanner handed it over.
    """
    cancel = cancel or CancelToken()
    batch = journal.get_batch(batch_id) if batch_id else journal.create_batch(batch_name, device_id)
    result = CaptureResult(batch=batch)
    try:
        stream = scanner.scan(device_id, settings, cancel)
        while (scanned := next(stream, None)) is not None:
            delivered_at = time.perf_counter()
            page = journal.add_page(batch.id, scanned)
            result.pages.append(page)
            progress(ProgressEvent(len(result.pages), settings.max_pages or 0, scanned.source_name))
            if on_page is not None:
                on_page(page, scanned, delivered_at)
            if cancel.cancelled:
                raise ScanCancelled()
    except DeviceError as exc:
        log.warning("scan stopped after %d pages: %s", len(result.pages), exc.code)
        result.error = exc
    finally:
        journal.finish_capture(batch.id)
    result.batch = journal.get_batch(batch.id)
    return result


def windowed(
    executor: Executor | None, fn: Callable[..., T], jobs: Iterable[tuple[Any, ...]], window: int
) -> Iterator[Callable[[], T]]:
    """Run ``fn`` over ``jobs`` keeping at most ``window`` in flight; yield result getters in order."""
    if executor is None:
        for args in jobs:
            yield partial(fn, *args)
        return
    pending: deque[Future[T]] = deque()
    for args in jobs:
        pending.append(executor.submit(fn, *args))
        if len(pending) >= window:
            yield pending.popleft().result
    while pending:
        yield pending.popleft().result


def analyze_pages(
    journal: CaptureJournal,
    batch_id: int,
    work: PageWorkFn,
    *,
    executor: Executor | None = None,
    window: int = 4,
    cancel: CancelToken | None = None,
    progress: ProgressFn = no_progress,
) -> list[PageResult]:
    """Run the page work on every captured page not analysed yet; failures are recorded per page.

    Findings and OCR are journaled as each page completes; ``pdf_part`` stays in memory (the
    document's PDF is assembled from it, or prepared again later from the journal).
    """
    cancel = cancel or CancelToken()
    pages = [p for p in journal.list_pages(batch_id) if p.state != PageState.TRASHED]
    todo = [p for p in pages if p.state == PageState.CAPTURED]
    results = {p.id: PageResult(p, p.findings) for p in pages if p.state == PageState.CLEANED}
    for p in pages:
        if p.state == PageState.FAILED:
            results[p.id] = PageResult(p, None, StationError(p.error_code or ""))
    jobs = ((journal.read_page(p), p.dpi) for p in todo)
    for done, (page, get) in enumerate(zip(todo, windowed(executor, work, jobs, window), strict=True)):
        cancel.raise_if_cancelled()
        try:
            product = get()
        except StationError as exc:
            journal.mark_page_failed(page.id, exc.code)
            results[page.id] = PageResult(page, None, exc)
        else:
            journal.save_findings(page.id, product.findings)
            if product.ocr is not None:
                journal.save_ocr(page.id, product.ocr)
            results[page.id] = PageResult(page, product.findings, None, product.ocr, product.pdf_part)
        progress(ProgressEvent(done + 1, len(todo), page.source_name))
    return [results[p.id] for p in pages]


def assemble(journal: CaptureJournal, batch_id: int, results: list[PageResult]) -> BatchResult:
    """Split the analysed pages into documents and record them in the journal."""
    plans = assemble_documents([r.findings for r in results])
    page_ids = [[results[i].page.id for i in plan.page_positions] for plan in plans]
    documents = journal.set_documents(batch_id, page_ids, [plan.doc_type_hint for plan in plans])
    return BatchResult(journal.get_batch(batch_id), results, documents, plans)


def process_batch(
    journal: CaptureJournal,
    batch_id: int,
    work: PageWorkFn,
    *,
    executor: Executor | None = None,
    cancel: CancelToken | None = None,
    progress: ProgressFn = no_progress,
) -> BatchResult:
    """Analyse and assemble a captured batch (resumes where a previous run stopped)."""
    results = analyze_pages(journal, batch_id, work, executor=executor, cancel=cancel, progress=progress)
    return assemble(journal, batch_id, results)
