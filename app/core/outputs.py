"""After cleanup: OCR of the content pages in the background, and one PDF per document.

Both read what they need from the journal, so they resume after a crash and can run long after the
scan (the officer never waits for them). The heavy calls (``read``, ``prepare``) are plain functions
that the composition root runs in low-priority worker processes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from typing import Any

from app.core.cancel import CancelToken, ProgressEvent, ProgressFn, no_progress
from app.core.errors import StationError
from app.core.models import Document, Page, PageFindings, PageState
from app.core.ocr_types import OcrPage
from app.core.pipeline import BatchResult, windowed
from app.core.ports import CaptureJournal

log = logging.getLogger(__name__)

ReadFn = Callable[[bytes, PageFindings], OcrPage]  # page bytes + findings -> OCR of the cleaned page
PrepareFn = Callable[[bytes, PageFindings, OcrPage | None], Any]  # -> the PDF adapter's page part
AssembleFn = Callable[[list[Any], Mapping[str, Any]], bytes]  # page parts + document metadata -> PDF


def _content(page: Page) -> bool:
    f = page.findings
    return page.state == PageState.CLEANED and f is not None and not f.is_blank and not f.is_separator


def recognize_pages(
    journal: CaptureJournal,
    batch_id: int,
    read: ReadFn,
    *,
    executor: Executor | None = None,
    window: int = 4,
    cancel: CancelToken | None = None,
    progress: ProgressFn = no_progress,
) -> dict[int, OcrPage]:
    """OCR every content page of the batch that has no text yet; return page id -> result."""
    cancel = cancel or CancelToken()
    todo = [p for p in journal.list_pages(batch_id) if _content(p) and journal.read_ocr(p.id) is None]
    jobs = ((journal.read_page(p), p.findings) for p in todo)
    done: dict[int, OcrPage] = {}
    for n, (page, get) in enumerate(zip(todo, windowed(executor, read, jobs, window), strict=True)):
        cancel.raise_if_cancelled()
        try:
            ocr = get()
        except StationError as exc:
            log.warning("OCR failed on page %d: %s", page.id, exc.code)
            continue
        journal.save_ocr(page.id, ocr)
        done[page.id] = ocr
        progress(ProgressEvent(n + 1, len(todo), page.source_name))
    return done


def document_metadata(document: Document, batch_name: str) -> dict[str, Any]:
    """What the PDF's metadata says of a document before the officer has described it."""
    return {
        "identifier": f"batch{document.batch_id}-doc{document.index}",
        "title": f"{batch_name} — {document.index + 1}",
        "doc_type": document.doc_type,
    }


def build_document_pdfs(
    journal: CaptureJournal,
    result: BatchResult,
    assemble: AssembleFn,
    prepare: PrepareFn,
    *,
    cancel: CancelToken | None = None,
    progress: ProgressFn = no_progress,
) -> dict[int, str]:
    """Assemble, store and return (document id -> SHA-256) one PDF per document of the batch.

    Page parts prepared during the page work are used as they are; missing ones are prepared here
    from the journal (raw bytes, findings, OCR).
    """
    cancel = cancel or CancelToken()
    by_id = {r.page.id: r for r in result.pages}
    stored: dict[int, str] = {}
    for n, document in enumerate(result.documents):
        cancel.raise_if_cancelled()
        parts = []
        for page_id in document.page_ids:
            r = by_id[page_id]
            if r.pdf_part is None and r.findings is not None:
                ocr = r.ocr or journal.read_ocr(page_id)
                r.pdf_part = prepare(journal.read_page(r.page), r.findings, ocr)
            parts.append(r.pdf_part)
        pdf = assemble(parts, document_metadata(document, result.batch.name))
        stored[document.id] = journal.save_document_pdf(document.id, pdf)
        document.pdf_sha256 = stored[document.id]
        progress(ProgressEvent(n + 1, len(result.documents), f"PDF {document.index + 1}"))
    return stored
