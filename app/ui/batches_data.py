"""What the batches screen reads and does, as plain functions run on the task runner (no Qt here)."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from app import approval
from app.bootstrap import Station
from app.core.accounts import User
from app.core.cancel import CancelToken, ProgressEvent, ProgressFn, no_progress
from app.core.doctypes import DocType
from app.core.errors import StationError
from app.core.models import BatchState, DocumentState
from app.ui.app import current_language
from app.ui.nav import error_text

log = logging.getLogger(__name__)

STATE_ORDER = (
    DocumentState.DRAFT,
    DocumentState.DESCRIBED,
    DocumentState.SUBMITTED,
    DocumentState.APPROVED,
    DocumentState.REJECTED,
)
NOT_DESCRIBED = frozenset({DocumentState.DRAFT, DocumentState.REJECTED})


@dataclass(frozen=True)
class BatchSummary:
    """One row of the home screen's table."""

    id: int
    name: str
    created: datetime | None
    state: BatchState
    counts: dict[DocumentState, int]
    pages: int

    @property
    def documents(self) -> int:
        return sum(self.counts.values())

    @property
    def progress(self) -> str:
        """Where the batch stands as a whole: a key the screen turns into words."""
        if self.state in (BatchState.SCANNING, BatchState.CAPTURED) or not self.documents:
            return self.state.value
        if self.counts[DocumentState.APPROVED] == self.documents:
            return "all_approved"
        if self.counts[DocumentState.SUBMITTED]:
            return "waiting_review"
        if self.counts[DocumentState.REJECTED]:
            return "has_rejected"
        return "in_progress"


@dataclass(frozen=True)
class DocumentLabel:
    """A document as people name it: its place in the batch and its type."""

    id: int
    number: int  # 1-based position in the batch
    type_label: str


@dataclass
class SubmitOutcome:
    """What "submit the batch" did: per document, never one error for the whole batch."""

    submitted: list[DocumentLabel] = field(default_factory=list)
    not_described: list[DocumentLabel] = field(default_factory=list)
    failed: list[tuple[DocumentLabel, str]] = field(default_factory=list)
    cancelled: bool = False


@dataclass(frozen=True)
class FoundDocument:
    """A search result: the document, its batch and the matching words."""

    id: int
    batch_name: str
    label: DocumentLabel
    state: DocumentState
    snippet: str


def load_summaries(station: Station) -> list[BatchSummary]:
    """Every batch with its document counts per state, newest first."""
    store = station.store
    rows = []
    for batch in store.list_batches():
        counts = Counter(d.state for d in store.list_documents(batch.id))
        pages = sum(1 for p in store.list_pages(batch.id) if not p.trashed)
        full = {s: counts.get(s, 0) for s in STATE_ORDER}
        rows.append(BatchSummary(batch.id, batch.name, batch.created_at, batch.state, full, pages))
    return sorted(rows, key=lambda r: r.id, reverse=True)


def submit_batch(
    station: Station,
    user: User,
    batch_id: int,
    doctypes: dict[str, DocType],
    *,
    secret: str | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> SubmitOutcome:
    """Sign and submit every described document of the batch; the others are listed, not touched."""
    store = station.store
    outcome = SubmitOutcome()
    documents = store.list_documents(batch_id)
    ready = [d for d in documents if d.state is DocumentState.DESCRIBED]
    for doc in documents:
        if doc.state in NOT_DESCRIBED:
            outcome.not_described.append(_label(doc.id, doc.index, doc.doc_type, doctypes))
    for done, doc in enumerate(ready):
        if cancel is not None and cancel.cancelled:
            outcome.cancelled = True
            break
        label = _label(doc.id, doc.index, doc.doc_type, doctypes)
        progress(ProgressEvent(done, len(ready), str(label.number)))
        try:
            approval.submit(store, user, doc.id, secret)
        except StationError as exc:
            log.warning("document %d not submitted: %s", doc.id, exc.code)
            outcome.failed.append((label, error_text(exc)))
        else:
            outcome.submitted.append(label)
    progress(ProgressEvent(len(ready), len(ready), ""))
    return outcome


def search_documents(
    station: Station, text: str, doctypes: dict[str, DocType], limit: int = 50
) -> list[FoundDocument]:
    """Documents whose record matches ``text`` (diacritics ignored), with the matching words."""
    store = station.store
    found = []
    batch_names: dict[int, str] = {}
    for hit in store.search(text, limit):
        if not hit.key.startswith("doc:"):
            continue
        try:
            doc = store.get_document(int(hit.key.removeprefix("doc:")))
        except StationError:
            continue  # removed since it was indexed
        if doc.batch_id not in batch_names:
            batch_names[doc.batch_id] = store.get_batch(doc.batch_id).name
        label = _label(doc.id, doc.index, doc.doc_type, doctypes)
        found.append(FoundDocument(doc.id, batch_names[doc.batch_id], label, doc.state, hit.snippet))
    return found


def _label(doc_id: int, index: int, doc_type: str, doctypes: dict[str, DocType]) -> DocumentLabel:
    spec = doctypes.get(doc_type)
    return DocumentLabel(doc_id, index + 1, spec.label(current_language()) if spec else "")
