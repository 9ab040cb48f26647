"""The officer's page corrections on the scan screen, each run on the task runner against the store."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.bootstrap import Station
from app.core.accounts import User
from app.core.cancel import CancelToken
from app.core.errors import StationError
from app.core.models import Document, Page, PageFindings
from app.core.ports import ScanSettings
from app.ui.app import current_language
from app.ui.capture_model import BatchSnapshot, moved_order
from app.ui.crop_editor import Quad
from app.ui.session import UiSession
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class EditRefused(StationError):
    code = "capture_edit"
    message_vi = "Không thực hiện được thao tác này với trang đã chọn."
    message_en = "This change cannot be made to the selected page."


class CaptureEdits(QObject):
    """``done(message, page id to select)`` after a change is stored; ``failed(message)`` otherwise."""

    done = Signal(str, int)
    failed = Signal(str)

    def __init__(
        self, station: Station, runner: TaskRunner, session: UiSession | None, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.station, self.runner, self.session = station, runner, session
        self.busy = False

    # --- documents -----------------------------------------------------------------------------
    def step(self, snap: BatchSnapshot, page_id: int, step: int) -> None:
        doc = self._doc_of(snap, page_id)
        if doc is None:
            return
        order = moved_order(doc.page_ids, page_id, step)
        if order is None:
            self._refuse(self.tr("The page is already at that end of its document."))
            return
        self._run(
            lambda user: self.station.store.editing.reorder(user, doc.id, order),
            self.tr("Pages reordered."),
            page_id,
        )

    def drop(self, snap: BatchSnapshot, page_id: int, target_id: int) -> None:
        """Dragged ``page_id`` onto ``target_id`` (-1: after the last page): takes the target's place."""
        target = snap.entry(target_id) if target_id >= 0 else None
        source = snap.entry(page_id)
        doc_id = target.doc_id if target is not None else (source.doc_id if source else None)
        doc = snap.document(doc_id) if doc_id is not None else None
        if doc is None:
            self._refuse(self.tr("Drop the page onto a page of a document."))
            return
        others = [p for p in doc.page_ids if p != page_id]
        index = others.index(target_id) if target_id in others else len(others)
        editing = self.station.store.editing
        if page_id in doc.page_ids:
            order = [*others[:index], page_id, *others[index:]]

            def work(user: User | None) -> None:
                editing.reorder(user, doc.id, order)
        else:

            def work(user: User | None) -> None:
                editing.move_pages(user, [page_id], doc.id, index)

        self._run(work, self.tr("Page moved."), page_id)

    def split(self, snap: BatchSnapshot, page_id: int) -> None:
        doc = self._doc_of(snap, page_id)
        if doc is None:
            return
        self._run(
            lambda user: self.station.store.editing.split(user, doc.id, page_id),
            self.tr("Document split."),
            page_id,
        )

    def merge(self, snap: BatchSnapshot, page_id: int) -> None:
        doc = self._doc_of(snap, page_id)
        if doc is None:
            return
        following = snap.next_document(doc.id)
        if following is None:
            self._refuse(self.tr("This is the last document: there is nothing after it to merge."))
            return
        self._run(
            lambda user: self.station.store.editing.merge(user, doc.id, following.id),
            self.tr("Merged with the next document."),
            page_id,
        )

    def include(self, snap: BatchSnapshot, page_id: int) -> None:
        """Put a page that is in no document (blank, separator) at the end of the document before it."""
        entry = snap.entry(page_id)
        if entry is None or entry.doc_id is not None:
            self._refuse(self.tr("This page is already in a document."))
            return
        doc = snap.document_before(page_id)
        index = len(doc.page_ids) if doc is not None else 0
        doc = doc or (snap.documents[0] if snap.documents else None)
        if doc is None:
            self._refuse(self.tr("There is no document to put the page in."))
            return
        target = doc
        self._run(
            lambda user: self.station.store.editing.move_pages(user, [page_id], target.id, index),
            self.tr("Page put into document %1.").replace("%1", str(snap.documents.index(target) + 1)),
            page_id,
        )

    def trash(self, page_id: int) -> None:
        self._run(
            lambda user: self.station.store.editing.trash(user, page_id),
            self.tr("Page moved to the trash."),
            -1,
        )

    def restore(self, page_id: int) -> None:
        self._run(
            lambda user: self.station.store.editing.restore(user, page_id), self.tr("Page restored."), page_id
        )

    # --- page images ---------------------------------------------------------------------------
    def rotate(self, snap: BatchSnapshot, page_id: int, clockwise: bool) -> None:
        entry = snap.entry(page_id)
        if entry is None or entry.page.findings is None:
            self._refuse(self.tr("The page has not been analysed yet."))
            return
        old = entry.page.findings
        # orientation is the content's clockwise turn in the scan: turning the view right undoes 90° more
        turned = replace(old, orientation=(old.orientation + (-90 if clockwise else 90)) % 360)
        self._run(
            lambda user: self._new_findings(user, snap, entry.page, turned, "rotated"),
            self.tr("Page rotated."),
            page_id,
        )

    def save_crop(self, snap: BatchSnapshot, page_id: int, quad: Quad) -> None:
        entry = snap.entry(page_id)
        if entry is None or entry.page.findings is None:
            self._refuse(self.tr("The page has not been analysed yet."))
            return
        changed = replace(entry.page.findings, page_quad=quad)
        self._run(
            lambda user: self._new_findings(user, snap, entry.page, changed, "cropped"),
            self.tr("Paper outline saved."),
            page_id,
        )

    def rescan(
        self, snap: BatchSnapshot, page_id: int, driver: str, device_id: str, settings: ScanSettings
    ) -> None:
        def work(user: User | None) -> None:
            scanner = self.station.scanners[driver]
            scanned = next(iter(scanner.scan(device_id, replace(settings, max_pages=1), CancelToken())), None)
            if scanned is None:
                raise EditRefused(
                    "no page",
                    message_vi="Máy quét không đưa ra trang nào. Đặt lại tờ giấy rồi thử lại.",
                    message_en="The scanner gave no page. Put the sheet back and try again.",
                )
            self.station.store.editing.replace_page(user, page_id, scanned)
            page = next(p for p in self.station.store.list_pages(snap.batch_id) if p.id == page_id)
            findings = self.station.analyze(scanned.data, scanned.dpi).findings
            self._new_findings(user, snap, page, findings, "reanalysed")

        self._run(work, self.tr("Page rescanned."), page_id)

    def _new_findings(
        self, user: User | None, snap: BatchSnapshot, page: Page, findings: PageFindings, what: str
    ) -> None:
        """Store the findings, mark the document's PDF for rebuilding, read the page's text again."""
        store = self.station.store
        store.editing.update_findings(user, page.id, findings, what)
        if not (findings.is_blank or findings.is_separator):
            store.save_ocr(page.id, self.station.read_text(store.read_page(page), findings))

    # --- plumbing ------------------------------------------------------------------------------
    def _doc_of(self, snap: BatchSnapshot, page_id: int) -> Document | None:
        entry = snap.entry(page_id)
        doc = snap.document(entry.doc_id) if entry is not None and entry.doc_id is not None else None
        if doc is None:
            self._refuse(self.tr("The selected page is in no document."))
        return doc

    def _refuse(self, message: str) -> None:
        self.failed.emit(message)

    def _run(self, work: Callable[[User | None], Any], message: str, select: int) -> None:
        user = self.session.user if self.session is not None else None
        if user is None:
            self.failed.emit(self.tr("Log in to change pages."))
            return
        self.busy = True

        def job(**_: Any) -> None:
            work(user)

        def finished(_: object) -> None:
            self.busy = False
            self.done.emit(message, select)

        def failed(error: StationError) -> None:
            self.busy = False
            self.failed.emit(error.user_message(current_language()))

        self.runner.start(job, on_finished=finished, on_failed=failed)
