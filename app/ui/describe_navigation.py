"""Which batch and document the describe screen shows: choosing, moving on and putting one on screen."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer

from app.core.accounts import Action
from app.core.doctypes import DocType
from app.core.models import Batch, DocumentState
from app.ui import describe_data as data
from app.ui.app import current_language
from app.ui.describe_data import DocumentSummary, LoadedDocument

if TYPE_CHECKING:
    from app.ui.describe_view import DescribeView

log = logging.getLogger(__name__)


class DescribeNavigation:
    """The batch combo and the document list of a describe screen; edits are settled before moving."""

    def __init__(self, view: DescribeView) -> None:
        self.view = view
        self.want_batch: int | None = None
        self.pending_move: int | None = None  # the document to show once the edits are settled

    # ---- batches ------------------------------------------------------------------------------
    def begin(self) -> None:
        """Load the document types and the batches, then show the newest batch."""
        station = self.view.session.station
        self.view.run(lambda **_: (data.load_doctype_table(), data.load_batches(station)), self.started)

    def started(self, result: tuple[dict[str, DocType], list[Batch]]) -> None:
        view = self.view
        view.doctypes, batches = result
        view.type_combo.clear()
        english = current_language() == "en"
        for code, doctype in view.doctypes.items():
            view.type_combo.addItem(doctype.label_en if english else doctype.label_vi, code)
        self.fill_batches(batches)

    def fill_batches(self, batches: list[Batch]) -> None:
        combo = self.view.batch_combo
        keep = self.want_batch or combo.currentData()
        combo.clear()
        for batch in reversed(batches):  # newest first
            combo.addItem(f"{batch.name} (#{batch.id})", batch.id)
        index = combo.findData(keep) if keep is not None else 0
        combo.setCurrentIndex(max(index, 0))
        self.load_batch()

    def reload_batches(self) -> None:
        station = self.view.session.station
        self.view.run(lambda **_: data.load_batches(station), self.fill_batches)

    def batch_chosen(self) -> None:
        view = self.view
        target = view.batch_combo.currentData()
        shown = view.loaded.document.batch_id if view.loaded is not None else None
        if shown is not None and target != shown and view.guard.dirty():
            view.batch_combo.setCurrentIndex(max(view.batch_combo.findData(shown), 0))  # until settled
            self.open_batch(target)
            return
        self.load_batch()

    def open_batch(self, batch_id: int) -> None:
        if not self.view.guard.settle(lambda: self.open_batch(batch_id)):
            return
        self.want_batch = batch_id
        index = self.view.batch_combo.findData(batch_id)
        if index >= 0:
            self.view.batch_combo.setCurrentIndex(index)
            self.load_batch()
        else:
            self.reload_batches()

    def load_batch(self) -> None:
        batch_id, station = self.view.batch_combo.currentData(), self.view.session.station
        if batch_id is None:
            self.show_nothing(QCoreApplication.translate("DescribeView", "No batch yet: scan a batch first."))
            return
        self.view.run(lambda **_: data.load_documents(station, batch_id), self.show_documents)

    # ---- documents ----------------------------------------------------------------------------
    def show_documents(self, documents: list[DocumentSummary]) -> None:
        view, listed = self.view, self.view.documents
        keep = listed.current_id()
        listed.blockSignals(True)
        listed.fill(documents, view.doctypes)
        listed.blockSignals(False)
        if not documents:
            self.show_nothing(QCoreApplication.translate("DescribeView", "This batch has no documents."))
            return
        item = listed.item_of(keep) if keep is not None else None
        listed.blockSignals(True)  # one load below, not one per selection change
        listed.setCurrentItem(item or listed.item(0))
        listed.blockSignals(False)
        if item is not None and view.loaded is not None and view.loaded.document.id == keep:
            return  # same document still shown: keep what the officer is typing
        self.document_chosen(listed.currentItem(), None)

    def show_nothing(self, text: str) -> None:
        view = self.view
        view.loaded = None
        view.documents.clear()
        view.pages.set_pages([])
        view.banner.hide()
        view.say(text)
        view.save_button.setEnabled(False)
        view.scope_button.setEnabled(False)

    def document_chosen(self, _item: object, _previous: object) -> None:
        view = self.view
        document_id = view.documents.current_id()
        if document_id is None:
            return
        shown = view.loaded.document.id if view.loaded is not None else None
        back = view.documents.item_of(shown) if shown is not None else None
        if back is not None and document_id != shown and view.guard.dirty():
            view.documents.blockSignals(True)  # stay on the shown document until the edits are settled
            view.documents.setCurrentItem(back)
            view.documents.blockSignals(False)
            if self.pending_move is None:  # several quick moves: one question, the last target
                QTimer.singleShot(0, self.move_pending)
            self.pending_move = document_id
            return
        user, saves, station = view.session.user, view.saves, view.session.station
        view.run(
            lambda **_: data.load_document(station, user, document_id),
            lambda loaded: self.show_document(loaded, saves),
        )

    def move_pending(self) -> None:
        target, self.pending_move = self.pending_move, None
        if target is not None:
            self.move_to(target)

    def move_to(self, document_id: int) -> None:
        """Show another document once the edits are saved (valid) or discarded (the officer's call)."""
        if self.view.guard.settle(lambda: self.select(document_id)):
            self.select(document_id)

    def select(self, document_id: int) -> None:
        item = self.view.documents.item_of(document_id)
        if item is not None:
            self.view.documents.setCurrentItem(item)

    def go(self, step: int) -> None:
        listed = self.view.documents
        row = listed.currentRow() + step
        if 0 <= row < listed.count():
            listed.setCurrentRow(row)

    # ---- the chosen document on screen --------------------------------------------------------
    def show_document(self, loaded: LoadedDocument, saves: int) -> None:
        view = self.view
        if loaded.document.id != view.documents.current_id():
            return  # the officer moved on while it loaded
        shown = view.loaded is not None and view.loaded.document.id == loaded.document.id
        if shown and (saves != view.saves or view.guard.dirty()):
            return  # read before the last save, or the officer is typing: the form stays as it is
        view.loaded = loaded
        self.show_banner(loaded)
        view.pages.set_pages(loaded.pages)
        view.fill(loaded)
        view.show_scope(loaded.record)
        view.save_button.setEnabled(view.can_edit())
        view.scope_button.setEnabled(view.can_edit() and view.session.can(Action.MARK_OUT_OF_SCOPE))
        view.status.clear()
        first = view.issuer.printed if view.form.first_editor() is None else view.form.first_editor()
        if first is not None and view.isVisible():
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_banner(self, loaded: LoadedDocument) -> None:
        reason = str(loaded.review.get("reason") or "")
        rejected = loaded.document.state is DocumentState.REJECTED and bool(reason)
        returned = QCoreApplication.translate("DescribeView", "Returned: %1")
        self.view.banner.setText(returned.replace("%1", reason) if rejected else "")
        self.view.banner.setVisible(rejected)
