"""Per-page work run in worker processes: cleanup, OCR and PDF page preparation, composed here.

Like ``bootstrap`` this is composition: it is the one place that joins the imaging, OCR, extraction
and PDF adapters. Every function takes and returns plain picklable values so a process pool can run it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from typing import Any

import cv2
import numpy as np

from app.core.errors import PdfError
from app.core.models import PageFindings
from app.core.ocr_types import OcrPage
from app.core.outputs import Description
from app.core.pipeline import PageProduct
from app.core.records import FieldRegion
from app.extract import extract_document
from app.imaging.analyzer import analyze_decoded, clean_image, init_worker
from app.imaging.decode import decode_image
from app.imaging.pyramid import to_gray
from app.ocr.engine import recognize_page
from app.pdf.compress import prepare_page
from app.pdf.pdfa import assemble_pdfa, validate_pdfa
from app.pdf.types import PdfMetadata, PreparedPage

log = logging.getLogger(__name__)


def init_low_priority_worker() -> None:
    """Worker processes yield the CPU to the GUI and the scanner; one OpenMP/OpenCV thread each."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    init_worker()
    try:
        os.nice(5)
    except (AttributeError, OSError):  # Windows has no nice(); priority stays normal
        log.debug("could not lower worker priority")


def analyze_only(data: bytes, dpi_hint: int | None) -> PageProduct:
    """Cleanup findings only: what the scan screen needs at once."""
    return PageProduct(analyze_decoded(decode_image(data), dpi_hint).findings)


def analyze_read_prepare(data: bytes, dpi_hint: int | None) -> PageProduct:
    """Everything for one page in one decode: findings, OCR, and the page ready for its PDF."""
    decoded = decode_image(data)
    analysis = analyze_decoded(decoded, dpi_hint)
    findings = analysis.findings
    if findings.is_blank or findings.is_separator:
        return PageProduct(findings)
    colour = clean_image(decoded.image, findings) if decoded.image.ndim == 3 else None
    ocr = recognize_page(analysis.cleaned, findings.dpi, color=colour)
    part = prepare_page(colour if colour is not None else analysis.cleaned, findings.dpi, ocr.words)
    return PageProduct(findings, ocr, part)


def _cleaned(data: bytes, findings: PageFindings) -> tuple[np.ndarray, np.ndarray | None]:
    image = clean_image(decode_image(data).image, findings)
    return (to_gray(image), image) if image.ndim == 3 else (image, None)


def read_text(data: bytes, findings: PageFindings) -> OcrPage:
    """OCR of a page analysed earlier (the background OCR of the scan screen)."""
    gray, colour = _cleaned(data, findings)
    return recognize_page(gray, findings.dpi, color=colour)


def prepare_pdf_page(data: bytes, findings: PageFindings, ocr: OcrPage | None) -> PreparedPage:
    gray, colour = _cleaned(data, findings)
    return prepare_page(colour if colour is not None else gray, findings.dpi, ocr.words if ocr else ())


def describe(pages: list[OcrPage], qr_payloads: Sequence[str] = ()) -> Description:
    """Type and fields from the OCR and QR codes of a document's pages (cheap: runs in the caller)."""
    found = extract_document(pages, qr_payloads)
    return Description(
        doc_type=found.doc_type,
        fields={key: value.value for key, value in found.fields.items()},
        confidence={key: value.confidence for key, value in found.fields.items()},
        regions={k: FieldRegion(v.page, v.box) for k, v in found.fields.items() if v.box is not None},
    )


def assemble_document(parts: list[Any], meta: Mapping[str, Any]) -> bytes:
    """One PDF/A-2b for a document from its prepared pages."""
    fields = {k: v for k, v in meta.items() if k not in ("title", "identifier")}
    metadata = PdfMetadata(
        title=str(meta.get("title", "")), identifier=str(meta.get("identifier", "")), fields=fields
    )
    pdf = assemble_pdfa(parts, metadata)
    problems = validate_pdfa(pdf)  # the legal copy must be PDF/A before anyone signs it
    if problems:
        raise PdfError("; ".join(problems[:3]))
    return pdf


def cleaned_page_image(data: bytes, findings: PageFindings | None) -> bytes:
    """The page as cleanup left it (cropped, deskewed, upright), as JPEG bytes for display.

    Field regions are in these pixels. Without findings (not analysed yet) it is the scan as is.
    """
    image = decode_image(data).image
    if findings is not None:
        image = clean_image(image, findings)
    ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 90])
    if not ok:
        raise PdfError("could not encode the page image for display")
    return encoded.tobytes()
