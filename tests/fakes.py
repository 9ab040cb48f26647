"""In-memory fakes of the core ports, for unit tests of the pipeline (the real ones have contract tests)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import replace

from app.core.cancel import CancelToken
from app.core.errors import FeederEmpty, NotFound, PaperJam
from app.core.models import Batch, BatchState, Document, Page, PageFindings, PageState
from app.core.ocr_types import OcrPage
from app.core.ports import Capabilities, ColorMode, DeviceInfo, PaperSource, ScannedPage, ScanSettings


class MemoryJournal:
    """A CaptureJournal that keeps everything in dictionaries."""

    def __init__(self) -> None:
        self.batches: dict[int, Batch] = {}
        self.pages: dict[int, Page] = {}
        self.blobs: dict[str, bytes] = {}
        self.documents: dict[int, list[Document]] = {}
        self.ocr: dict[int, OcrPage] = {}

    def create_batch(self, name: str, device: str = "") -> Batch:
        batch = Batch(id=len(self.batches) + 1, name=name, device=device)
        self.batches[batch.id] = batch
        return replace(batch)

    def add_page(self, batch_id: int, page: ScannedPage) -> Page:
        sha = hashlib.sha256(page.data).hexdigest()
        self.blobs[sha] = page.data
        seq = 1 + sum(1 for p in self.pages.values() if p.batch_id == batch_id)
        row = Page(len(self.pages) + 1, batch_id, seq, sha, page.source_name, dpi=page.dpi, side=page.side)
        self.pages[row.id] = row
        return replace(row)

    def finish_capture(self, batch_id: int) -> None:
        self.batches[batch_id].state = BatchState.CAPTURED

    def save_findings(self, page_id: int, findings: PageFindings) -> None:
        self.pages[page_id].findings = findings
        self.pages[page_id].state = PageState.CLEANED

    def save_ocr(self, page_id: int, ocr: OcrPage) -> None:
        self.ocr[page_id] = ocr

    def read_ocr(self, page_id: int) -> OcrPage | None:
        return self.ocr.get(page_id)

    def save_document_pdf(self, document_id: int, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        self.blobs[sha] = data
        for docs in self.documents.values():
            for d in docs:
                if d.id == document_id:
                    d.pdf_sha256 = sha
        return sha

    def read_blob(self, sha256: str) -> bytes:
        return self.blobs[sha256]

    def mark_page_failed(self, page_id: int, error_code: str) -> None:
        self.pages[page_id].state = PageState.FAILED
        self.pages[page_id].error_code = error_code

    def set_documents(
        self,
        batch_id: int,
        documents: Sequence[Sequence[int]],
        doc_types: Sequence[str | None] | None = None,
    ) -> list[Document]:
        types = list(doc_types) if doc_types is not None else [None] * len(documents)
        docs = [
            Document(i + 1, batch_id, i, list(ids), doc_type=t or "unknown")
            for i, (ids, t) in enumerate(zip(documents, types, strict=True))
        ]
        self.documents[batch_id] = docs
        for p in self.pages.values():
            if p.batch_id == batch_id:
                p.document_id = next((d.id for d in docs if p.id in d.page_ids), None)
        self.batches[batch_id].state = BatchState.PROCESSED
        return [replace(d) for d in docs]

    def get_batch(self, batch_id: int) -> Batch:
        if batch_id not in self.batches:
            raise NotFound(str(batch_id))
        return replace(self.batches[batch_id])

    def list_batches(self) -> list[Batch]:
        return [replace(b) for b in self.batches.values()]

    def list_pages(self, batch_id: int) -> list[Page]:
        return sorted(
            (replace(p) for p in self.pages.values() if p.batch_id == batch_id), key=lambda p: p.seq
        )

    def read_page(self, page: Page) -> bytes:
        return self.blobs[page.sha256]

    def list_documents(self, batch_id: int) -> list[Document]:
        return [replace(d) for d in self.documents.get(batch_id, [])]


class ListScanner:
    """A Scanner delivering a fixed list of byte strings, optionally jamming after ``jam_after`` pages."""

    driver = "list"

    def __init__(self, payloads: list[bytes], jam_after: int | None = None) -> None:
        self.payloads = payloads
        self.jam_after = jam_after

    def list_devices(self) -> list[DeviceInfo]:
        return [DeviceInfo("list", "List scanner", self.driver)]

    def capabilities(self, device_id: str) -> Capabilities:
        return Capabilities((PaperSource.FEEDER,), False, (300,), (ColorMode.COLOR,))

    def scan(self, device_id: str, settings: ScanSettings, cancel: CancelToken) -> Iterator[ScannedPage]:
        if not self.payloads:
            raise FeederEmpty()
        for i, data in enumerate(self.payloads):
            if self.jam_after is not None and i == self.jam_after:
                raise PaperJam()
            if cancel.cancelled:
                return
            yield ScannedPage(data, "image/png", 300, f"p{i + 1:04d}.png")
