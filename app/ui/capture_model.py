"""What the scan screen shows of a batch: pages in reading order with their document, and the trash.

Built on the task runner (it reads the store); the GUI only lays it out. No Qt here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from app.bootstrap import Station
from app.core.errors import ScanPurged
from app.core.models import Document, Page, PageFindings

log = logging.getLogger(__name__)

ThumbCache = dict[str, bytes]  # thumb_key(page) (or the sha256 of a page just scanned) -> JPEG
ThumbFn = Callable[[bytes, PageFindings | None], bytes]


def thumb_key(page: Page) -> str:
    """The thumbnail's cache key: the scan and what cleanup did to it (rotating or cropping changes it)."""
    found = page.findings
    if found is None:
        return page.sha256
    return f"{page.sha256}:{found.orientation}:{found.skew_deg:.3f}:{found.page_quad}"


@dataclass(frozen=True)
class PageEntry:
    """One page as the strip shows it: ``doc_index`` (0-based) is None for pages in no document."""

    page: Page
    doc_id: int | None
    doc_index: int | None
    thumbnail: bytes


@dataclass
class BatchSnapshot:
    batch_id: int
    entries: list[PageEntry] = field(default_factory=list)
    trash: list[PageEntry] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)

    def entry(self, page_id: int) -> PageEntry | None:
        return next((e for e in self.entries + self.trash if e.page.id == page_id), None)

    def document(self, doc_id: int) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)

    def next_document(self, doc_id: int) -> Document | None:
        ids = [d.id for d in self.documents]
        at = ids.index(doc_id) if doc_id in ids else -1
        return self.documents[at + 1] if 0 <= at < len(ids) - 1 else None

    def document_before(self, page_id: int) -> Document | None:
        """The document whose pages come last before this page in the strip (for a blank to join)."""
        found: Document | None = None
        for e in self.entries:
            if e.page.id == page_id:
                break
            if e.doc_id is not None:
                found = self.document(e.doc_id)
        return found


def load_batch(station: Station, batch_id: int, cache: ThumbCache, thumb: ThumbFn) -> BatchSnapshot:
    """Read the batch (runner thread): pages in reading order, each document's pages together."""
    store = station.store
    pages = store.list_pages(batch_id)
    documents = store.list_documents(batch_id)
    index_of = {d.id: i for i, d in enumerate(documents)}
    by_id = {p.id: p for p in pages}
    snap = BatchSnapshot(batch_id, documents=documents)

    def entry(page: Page) -> PageEntry:
        key = thumb_key(page)
        if page.scan_removed:
            cache[key] = b""
        if key not in cache:
            try:
                cache[key] = thumb(store.read_page(page), page.findings)
            except ScanPurged:  # removed by the retention period: an empty frame
                cache[key] = b""
        doc = page.document_id if not page.trashed else None
        return PageEntry(page, doc, index_of.get(doc) if doc is not None else None, cache[key])

    emitted: set[int] = set()
    for page in pages:
        if page.trashed:
            snap.trash.append(entry(page))
        elif page.document_id is None or page.document_id not in index_of:
            snap.entries.append(entry(page))
        elif page.document_id not in emitted:
            emitted.add(page.document_id)
            doc = documents[index_of[page.document_id]]
            snap.entries.extend(entry(by_id[pid]) for pid in doc.page_ids if pid in by_id)
    return snap


def moved_order(doc_page_ids: list[int], page_id: int, step: int) -> list[int] | None:
    """The document's page order with ``page_id`` moved ``step`` places; None when it cannot move."""
    if page_id not in doc_page_ids:
        return None
    at = doc_page_ids.index(page_id)
    to = at + step
    if not 0 <= to < len(doc_page_ids):
        return None
    order = list(doc_page_ids)
    order.insert(to, order.pop(at))
    return order
