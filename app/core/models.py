"""Domain model of a capture: Batch -> Document -> Page, their states, and what cleanup finds on a page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class BatchState(StrEnum):
    SCANNING = "scanning"  # pages are still arriving (or the scan was interrupted)
    CAPTURED = "captured"  # every page delivered is journaled
    PROCESSED = "processed"  # cleanup ran on every page, documents assembled
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"


class PageState(StrEnum):
    CAPTURED = "captured"  # raw bytes on disk + row in the DB
    CLEANED = "cleaned"  # findings computed
    FAILED = "failed"  # the image could not be read; kept, with the error code, for rescan
    TRASHED = "trashed"  # deleted by the officer, recoverable


class DocumentState(StrEnum):
    DRAFT = "draft"
    DESCRIBED = "described"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"


class QualityWarning(StrEnum):
    TOO_DARK = "too_dark"
    TOO_LIGHT = "too_light"
    LOW_CONTRAST = "low_contrast"
    BLURRED = "blurred"
    LOW_DPI = "low_dpi"
    CUT_OFF = "cut_off"  # paper touches or crosses an edge of the scan area


Point = tuple[float, float]


@dataclass(frozen=True)
class PageFindings:
    """What cleanup found on one scanned page, in the input image's pixel coordinates.

    ``skew_deg`` > 0: content rotated counter-clockwise in the image. ``orientation``: clockwise
    rotation (0/90/180/270) of the content as it lies in the scan. ``page_quad``: the paper's corners.
    """

    width: int
    height: int
    dpi: int
    skew_deg: float = 0.0
    orientation: int = 0
    page_quad: tuple[Point, Point, Point, Point] | None = None
    is_blank: bool = False
    is_separator: bool = False
    separator_payload: str | None = None  # QR text on a separator or cover sheet ("SEP", "SEP:khai_sinh")
    qr_payloads: tuple[str, ...] = ()  # other QR texts on a content page (for metadata extraction)
    is_color: bool = True
    warnings: tuple[QualityWarning, ...] = ()


@dataclass
class Page:
    id: int
    batch_id: int
    seq: int  # 1-based feed position within the batch
    sha256: str  # content address of the bytes the scanner delivered
    source_name: str  # file name or "<device> p.N"
    state: PageState = PageState.CAPTURED
    dpi: int | None = None
    side: str = "front"  # front | back (duplex)
    findings: PageFindings | None = None
    error_code: str | None = None
    document_id: int | None = None
    created_at: datetime | None = None
    trashed: bool = False  # in the recoverable trash: in no document until restored
    scan_removed: bool = False  # the retention period removed the scan after a confirmed receipt


@dataclass
class Document:
    id: int
    batch_id: int
    index: int  # 0-based position in the batch
    page_ids: list[int] = field(default_factory=list)
    state: DocumentState = DocumentState.DRAFT
    doc_type: str = "unknown"
    pdf_sha256: str | None = None  # the document's PDF in the file store, once built


@dataclass
class Batch:
    id: int
    name: str
    state: BatchState = BatchState.SCANNING
    created_at: datetime | None = None
    device: str = ""
