"""Ports: the protocols adapters implement (scanner drivers, page analysis, capture journal)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable

from app.core.cancel import CancelToken
from app.core.models import Batch, Document, Page, PageFindings
from app.core.ocr_types import OcrPage


class PaperSource(StrEnum):
    FLATBED = "flatbed"
    FEEDER = "feeder"


class ColorMode(StrEnum):
    COLOR = "color"
    GRAY = "gray"


@dataclass(frozen=True)
class DeviceInfo:
    id: str  # driver-specific address, e.g. "test:0" for SANE, a folder for the simulated feeder
    name: str
    driver: str  # sane | twain | files | simulated
    vendor: str = ""
    model: str = ""
    name_en: str = ""  # the English UI's wording when ``name`` is the program's own (not the device's)

    def label(self, lang: str = "vi") -> str:
        """The name to show in the UI language: ``name_en`` in English when the adapter gave one."""
        return self.name_en if lang == "en" and self.name_en else self.name


@dataclass(frozen=True)
class Capabilities:
    sources: tuple[PaperSource, ...]
    duplex: bool
    resolutions: tuple[int, ...]
    color_modes: tuple[ColorMode, ...]


@dataclass(frozen=True)
class ScanSettings:
    source: PaperSource = PaperSource.FEEDER
    duplex: bool = False
    dpi: int = 300
    color_mode: ColorMode = ColorMode.COLOR
    max_pages: int | None = None  # None: until the feeder is empty (flatbed: one page)


@dataclass(frozen=True)
class ScannedPage:
    """One page as the device delivered it: encoded image bytes (kept verbatim in the journal)."""

    data: bytes
    media_type: str  # image/png, image/jpeg, image/tiff, image/x-portable-anymap
    dpi: int | None
    source_name: str
    side: str = "front"
    meta: dict[str, Any] = field(default_factory=dict)


@runtime_checkable
class Scanner(Protocol):
    """A scanner driver: list devices, read capabilities, scan to a stream of pages.

    ``scan`` yields pages as they arrive and stops when the feeder is empty, ``max_pages`` is reached
    or ``cancel`` is set. Device failures raise ``app.core.errors.DeviceError`` subclasses; pages
    yielded before the failure stay delivered.
    """

    driver: str

    def list_devices(self) -> list[DeviceInfo]: ...

    def capabilities(self, device_id: str) -> Capabilities: ...

    def scan(self, device_id: str, settings: ScanSettings, cancel: CancelToken) -> Iterator[ScannedPage]: ...


@dataclass
class PageAnalysis:
    """Findings for one page plus the cleaned (cropped, deskewed, upright) image, opaque to the core."""

    findings: PageFindings
    cleaned: Any = None


class PageAnalyzer(Protocol):
    """Page cleanup: decode bytes, find paper/skew/orientation/blank/separator/quality."""

    def analyze(self, data: bytes, dpi_hint: int | None = None) -> PageAnalysis: ...


class CaptureJournal(Protocol):
    """The local store as the pipeline sees it: durable pages first, then what was learnt about them."""

    def create_batch(self, name: str, device: str = "") -> Batch: ...

    def add_page(self, batch_id: int, page: ScannedPage) -> Page: ...

    def finish_capture(self, batch_id: int) -> None: ...

    def save_findings(self, page_id: int, findings: PageFindings) -> None: ...

    def mark_page_failed(self, page_id: int, error_code: str) -> None: ...

    def save_ocr(self, page_id: int, ocr: OcrPage) -> None: ...

    def read_ocr(self, page_id: int) -> OcrPage | None: ...

    def save_document_pdf(self, document_id: int, data: bytes) -> str: ...

    def read_blob(self, sha256: str) -> bytes: ...

    def set_documents(
        self,
        batch_id: int,
        documents: Sequence[Sequence[int]],
        doc_types: Sequence[str | None] | None = None,
    ) -> list[Document]: ...

    def get_batch(self, batch_id: int) -> Batch: ...

    def list_batches(self) -> list[Batch]: ...

    def list_pages(self, batch_id: int) -> list[Page]: ...

    def read_page(self, page: Page) -> bytes: ...

    def list_documents(self, batch_id: int) -> list[Document]: ...
