"""What the describe screen reads and writes: plain functions run on the task runner, never the GUI thread."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from app.bootstrap import Station
from app.core.accounts import User
from app.core.agencies import Agency, AgencyCatalogue, load_catalogue
from app.core.doctypes import DocType, load_doctypes
from app.core.errors import ScanPurged, StationError
from app.core.models import Batch, Document, DocumentState, Page
from app.core.records import DocumentRecord, IssuerRef
from app.core.validators import parse_iso

# (Asked of the lead: a public ``app.workers.cleaned_page(data, findings)`` would replace this.)

log = logging.getLogger(__name__)


@dataclass
class DocumentSummary:
    """One line of the document list."""

    id: int
    index: int
    state: DocumentState
    doc_type: str
    pages: int


@dataclass
class LoadedDocument:
    """Everything the screen shows for one document, read in one go off the GUI thread."""

    document: Document
    record: DocumentRecord
    review: dict[str, Any]
    pages: list[QImage]
    agency: str = ""  # the matched catalogue entry, for display
    successor: str = ""


@dataclass
class IssuerShown:
    """A printed issuer matched again after an edit: what to store and what to show."""

    ref: IssuerRef
    agency: str
    successor: str


def load_doctype_table() -> dict[str, DocType]:
    return load_doctypes()


def load_batches(station: Station) -> list[Batch]:
    return station.store.list_batches()


def load_documents(station: Station, batch_id: int) -> list[DocumentSummary]:
    return [
        DocumentSummary(d.id, d.index, d.state, d.doc_type, len(d.page_ids))
        for d in station.store.list_documents(batch_id)
    ]


def load_document(station: Station, user: User | None, document_id: int) -> LoadedDocument:
    """The document, its record, its review trail and its cleaned page images."""
    store = station.store
    document = store.get_document(document_id)
    record = store.records.get_record(document_id)
    review = store.review.review_of(user, document_id)
    pages = {p.id: p for p in store.list_pages(document.batch_id)}
    try:
        images = [page_image(station, pages[i]) for i in document.page_ids if i in pages]
    except ScanPurged:  # the retention period removed the scans: the record is still shown
        images = []
    catalogue = _catalogue(station.data_dir)
    issuer = record.issuer or IssuerRef("")
    return LoadedDocument(
        document,
        record,
        review,
        images,
        agency=agency_label(catalogue, catalogue.get(issuer.agency_key)),
        successor=agency_label(catalogue, catalogue.get(issuer.successor_key)),
    )


def match_issuer(station: Station, printed: str, issued_iso: str) -> IssuerShown:
    """The catalogue entry and successor for an issuer the officer typed (as printed)."""
    match = station.issuer_matcher.match(printed, issued=parse_iso(issued_iso), today=date.today())
    catalogue = _catalogue(station.data_dir)
    return IssuerShown(
        IssuerRef.from_match(match),
        agency_label(catalogue, match.agency),
        agency_label(catalogue, match.successor),
    )


def agency_label(catalogue: AgencyCatalogue, agency: Agency | None) -> str:
    """ "Xã Đa Tốn, Huyện Gia Lâm (00577)"; empty when there is no entry."""
    if agency is None:
        return ""
    parent = catalogue.get(agency.parent) if agency.parent else None
    text = agency.name if parent is None or parent.level == "tinh" else f"{agency.name}, {parent.name}"
    code = agency.code or agency.admin_code
    return f"{text} ({code})" if code else text


@lru_cache(maxsize=4)
def _catalogue(data_dir: Path) -> AgencyCatalogue:
    return load_catalogue(override_dir=data_dir)


def page_image(station: Station, page: Page) -> QImage:
    """The page as cleanup left it (cropped, deskewed, upright): field boxes are in these pixels."""
    image = QImage.fromData(station.cleaned_page(page))
    if image.isNull():
        raise StationError(
            "page image",
            message_vi="Không hiển thị được ảnh trang.",
            message_en="The page image cannot be shown.",
        )
    return image
