"""After cleanup: OCR of the content pages in the background, and one PDF per document.

Both read what they need from the journal, so they resume after a crash and can run long after the
scan (the officer never waits for them). The heavy calls (``read``, ``prepare``) are plain functions
that the composition root runs in low-priority worker processes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from typing import Any

from app.core.cancel import CancelToken, ProgressEvent, ProgressFn, no_progress
from app.core.errors import StationError
from app.core.models import Document, Page, PageFindings, PageState
from app.core.ocr_types import OcrPage
from app.core.pipeline import BatchResult, windowed
from app.core.ports import CaptureJournal
from app.core.records import FieldRegion

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Description:
    """What extraction found in a document: its type and field values (as printed, normalised)."""

    doc_type: str = "unknown"
    fields: Mapping[str, str] = field(default_factory=dict)
    confidence: Mapping[str, float] = field(default_factory=dict)
    regions: Mapping[str, FieldRegion] = field(default_factory=dict)  # where each value was read


ReadFn = Callable[[bytes, PageFindings], OcrPage]  # page bytes + findings -> OCR of the cleaned page
PrepareFn = Callable[[bytes, PageFindings, OcrPage | None], Any]  # -> the PDF adapter's page part
AssembleFn = Callable[[list[Any], Mapping[str, Any]], bytes]  # page parts + document metadata -> PDF
ExtractFn = Callable[[list[OcrPage], list[str]], Description]  # pages' OCR + QR texts -> type and fields


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


def describe_documents(
    journal: CaptureJournal, result: BatchResult, extract: ExtractFn
) -> dict[int, Description]:
    """Type and fields of every document of the batch, from its pages' OCR (document id -> result).

    A cover sheet's type (``SEP:<type>``) wins over the one extraction guesses.
    """
    by_id = {r.page.id: r for r in result.pages}
    found: dict[int, Description] = {}
    for document in result.documents:
        pages = [by_id[i].ocr or journal.read_ocr(i) for i in document.page_ids]
        qr = [
            t for i in document.page_ids if (f := by_id[i].page.findings) is not None for t in f.qr_payloads
        ]
        description = extract([p for p in pages if p is not None], qr)
        if document.doc_type != "unknown":
            description = replace(description, doc_type=document.doc_type)
        found[document.id] = description
    return found


def document_metadata(
    document: Document, batch_name: str, description: Description | None = None
) -> dict[str, Any]:
    """What the PDF's metadata says of a document: its identity, type and extracted fields."""
    meta: dict[str, Any] = {
        "identifier": f"batch{document.batch_id}-doc{document.index}",
        "title": f"{batch_name} — {document.index + 1}",
        "doc_type": description.doc_type if description else document.doc_type,
    }
    if description is not None:
        meta.update({k: v for k, v in description.fields.items() if v})
    return meta


def build_document_pdfs(
    journal: CaptureJournal,
    result: BatchResult,
    assemble: AssembleFn,
    prepare: PrepareFn,
    *,
    descriptions: Mapping[int, Description] | None = None,
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
        described = (descriptions or {}).get(document.id)
        pdf = assemble(parts, document_metadata(document, result.batch.name, described))
        stored[document.id] = journal.save_document_pdf(document.id, pdf)
        document.pdf_sha256 = stored[document.id]
        progress(ProgressEvent(n + 1, len(result.documents), f"PDF {document.index + 1}"))
    return stored
