"""What the supervisor's review screen reads and does, as plain functions run on the task runner."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from app import approval
from app.bootstrap import Station
from app.core.accounts import User
from app.core.agencies import AgencyCatalogue, load_catalogue
from app.core.cancel import CancelToken, ProgressEvent, ProgressFn, no_progress
from app.core.doctypes import DocType
from app.core.errors import StationError
from app.core.models import DocumentState
from app.core.records import DocumentRecord, IssuerRef
from app.core.scope import label as scope_label
from app.ui.app import current_language
from app.ui.nav import error_text

log = logging.getLogger(__name__)

REVIEWED = frozenset({DocumentState.SUBMITTED, DocumentState.APPROVED, DocumentState.REJECTED})


@dataclass(frozen=True)
class ReviewBatch:
    id: int
    name: str
    waiting: int  # documents awaiting a decision


@dataclass(frozen=True)
class ReviewItem:
    """A document in the list on the left."""

    id: int
    number: int
    type_label: str
    state: DocumentState


@dataclass
class ReviewDetail:
    """Everything the right-hand panel shows about one document, plus its page images' bytes."""

    id: int
    number: int
    type_label: str
    state: DocumentState
    fields: list[tuple[str, str]] = field(default_factory=list)
    issuer_printed: str = ""
    issuer_unit: str = ""
    issuer_successor: str = ""  # set only when another unit holds the records today
    issuer_current: bool = False  # the matched unit itself still exists today
    result_code: str = ""
    scope: list[str] = field(default_factory=list)
    people: dict[str, str] = field(default_factory=dict)  # described_by, submitted_by, reviewed_by
    reason: str = ""
    pages: list[bytes] = field(default_factory=list)


def batches_to_review(station: Station) -> list[ReviewBatch]:
    """Batches holding documents that were submitted, newest first; waiting ones count first."""
    store = station.store
    found = []
    for batch in store.list_batches():
        states = store.review.states(batch.id).values()
        if any(s in REVIEWED for s in states):
            waiting = sum(1 for s in states if s is DocumentState.SUBMITTED)
            found.append(ReviewBatch(batch.id, batch.name, waiting))
    return sorted(found, key=lambda b: (b.waiting == 0, -b.id))


def review_items(station: Station, batch_id: int, doctypes: dict[str, DocType]) -> list[ReviewItem]:
    items, lang = [], current_language()
    for doc in station.store.list_documents(batch_id):
        if doc.state in REVIEWED:
            spec = doctypes.get(doc.doc_type)
            items.append(ReviewItem(doc.id, doc.index + 1, spec.label(lang) if spec else "", doc.state))
    return items


def load_detail(station: Station, user: User, document_id: int, doctypes: dict[str, DocType]) -> ReviewDetail:
    """The document's data as labelled values, who worked on it, and its pages' image bytes."""
    store = station.store
    doc = store.get_document(document_id)
    record = store.records.get_record(document_id)
    spec, lang = doctypes.get(record.doc_type), current_language()
    detail = ReviewDetail(doc.id, doc.index + 1, spec.label(lang) if spec else record.doc_type, doc.state)
    detail.fields = _labelled_fields(record, spec, lang)
    _add_issuer(detail, record, catalogue_for(station.data_dir))
    detail.result_code = record.result_code
    detail.scope = [
        f"{scope_label(f.reason, lang)}: {f.note}" if f.note else scope_label(f.reason, lang)
        for f in record.scope_flags
    ]
    trail = store.review.review_of(user, document_id)
    names = {u.login: u.full_name for u in store.accounts.list()}
    for key in ("described_by", "submitted_by", "reviewed_by"):
        login = str(trail.get(key, ""))
        if login:
            detail.people[key] = f"{names.get(login, login)} ({login})"
    detail.reason = str(trail.get("reason", "")) if trail.get("decision") == "reject" else ""
    pages = {p.id: p for p in store.list_pages(doc.batch_id)}
    detail.pages = [station.cleaned_page(pages[i]) for i in doc.page_ids if i in pages]  # upright, cropped
    return detail


@lru_cache(maxsize=4)
def catalogue_for(data_dir: Path) -> AgencyCatalogue:
    return load_catalogue(override_dir=data_dir)


def _labelled_fields(record: DocumentRecord, spec: DocType | None, lang: str) -> list[tuple[str, str]]:
    if spec is None:
        return [(key, value) for key, value in record.fields.items()]
    rows = []
    for item in spec.fields:
        if item.type == "agency":
            continue  # shown with the matched unit and successor below
        value = record.fields.get(item.key, "")
        rows.append((item.label(lang), _display_date(value) if item.type == "date" else value))
    return rows


def _display_date(value: str) -> str:
    try:
        return date.fromisoformat(value).strftime("%d/%m/%Y")
    except ValueError:
        return value


def _add_issuer(detail: ReviewDetail, record: DocumentRecord, catalogue: AgencyCatalogue) -> None:
    """The issuer as printed, its catalogue unit and today's successor. Without a successor the
    screen says "same unit" only when the matched unit is current, otherwise "not known yet"."""
    issuer = record.issuer if record.issuer is not None else IssuerRef("")
    today = date.today()
    detail.issuer_printed = issuer.printed or record.fields.get("co_quan_ban_hanh", "")
    unit = catalogue.get(issuer.agency_key) if issuer.agency_key else None
    detail.issuer_unit = unit.name if unit else ""
    detail.issuer_current = unit is not None and unit.current(today)
    successor = catalogue.get(issuer.successor_key) if issuer.successor_key else None
    if successor is None and unit is not None and not detail.issuer_current:
        successor = catalogue.successor_of(unit.key, today)
    if successor is not None and (unit is None or successor.key != unit.key):
        detail.issuer_successor = successor.name


def approve_one(
    station: Station, user: User, document_id: int, doctypes: dict[str, DocType], secret: str | None = None
) -> int:
    """Countersign (``secret``: the key's passphrase or PIN, None if it needs none), approve and queue
    one document; returns its id for the screen."""
    approval.approve(station.store, user, document_id, doctypes, secret)
    return document_id


@dataclass
class ApproveAllOutcome:
    approved: list[int] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)


def approve_all(
    station: Station,
    user: User,
    document_ids: list[int],
    doctypes: dict[str, DocType],
    *,
    secret: str | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> ApproveAllOutcome:
    """Approve each document in turn; one failure is reported for that document and the rest go on."""
    outcome = ApproveAllOutcome()
    for done, doc_id in enumerate(document_ids):
        if cancel is not None and cancel.cancelled:
            break
        progress(ProgressEvent(done, len(document_ids)))
        try:
            approval.approve(station.store, user, doc_id, doctypes, secret)
        except StationError as exc:
            log.warning("document %d not approved: %s", doc_id, exc.code)
            outcome.failed.append((doc_id, error_text(exc)))
        else:
            outcome.approved.append(doc_id)
    progress(ProgressEvent(len(document_ids), len(document_ids)))
    return outcome


def reject_one(station: Station, user: User, document_id: int, reason: str) -> int:
    station.store.review.reject(user, document_id, reason)
    return document_id
