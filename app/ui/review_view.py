"""Supervisor review: a batch's submitted documents, page beside data; approve (signs) or return."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.accounts import Action
from app.core.doctypes import load_doctypes
from app.core.models import DocumentState
from app.ui import review_data as data
from app.ui.batches_parts import banner_style, document_state_text
from app.ui.nav import error_text
from app.ui.page_view import PageView
from app.ui.review_dialogs import RejectDialog, approve_all_box
from app.ui.review_panel import ReviewDetailsPanel
from app.ui.session import UiSession
from app.ui.shortcuts import shortcut
from app.ui.signing_secret import SigningSecretGate

log = logging.getLogger(__name__)

_MARKS = {DocumentState.SUBMITTED: "●", DocumentState.APPROVED: "✓", DocumentState.REJECTED: "↩"}


class ReviewView(QWidget):
    """Only for users who may approve; everyone else sees a notice (the core refuses them too)."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.doctypes = load_doctypes()
        self.batches: list[data.ReviewBatch] = []
        self.items: list[data.ReviewItem] = []
        self.detail: data.ReviewDetail | None = None
        self.dialog: RejectDialog | None = None
        self.confirm: QMessageBox | None = None
        self._advance_from: int | None = None
        self._generation = 0  # of list loads; an older answer arriving late is dropped
        self._detail_generation = 0
        self._busy = False
        self.secret_gate = SigningSecretGate(session, self)  # asks for the key's passphrase if needed
        self.stack = QStackedWidget()
        self.notice = QLabel(self.tr("Only a supervisor can review and approve documents."))
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.notice)
        self.stack.addWidget(self._build_content())
        QVBoxLayout(self).addWidget(self.stack)
        self._update_buttons()  # nothing to decide on until a document has loaded
        session.signals.data_changed.connect(self._on_data_changed)
        session.signals.user_changed.connect(self._on_user_changed)
        self.refresh()

    # --- layout ------------------------------------------------------------------------------------

    def _on_user_changed(self, *_args: object) -> None:
        """A bound slot (Qt drops it with the widget; a lambda would outlive the screen)."""
        self.refresh()

    def _build_content(self) -> QWidget:
        content = QWidget()
        title = QLabel(self.tr("Review documents"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.batch_combo = QComboBox()
        self.batch_combo.setAccessibleName(self.tr("Batch to review"))
        self.batch_combo.setMinimumWidth(320)
        self.batch_combo.currentIndexChanged.connect(self._on_batch_chosen)
        batch_label = QLabel(self.tr("&Batch:"))
        batch_label.setBuddy(self.batch_combo)
        self.waiting = QLabel()
        top = QHBoxLayout()
        for widget in (title, batch_label, self.batch_combo, self.waiting):
            top.addWidget(widget)
        top.insertStretch(1, 1)
        self.doc_list = QListWidget()
        self.doc_list.setAccessibleName(self.tr("Documents of the batch"))
        self.doc_list.currentRowChanged.connect(self._on_document_chosen)
        self.pages = QTabWidget()
        self.pages.setAccessibleName(self.tr("Pages of the document"))
        self.panel = ReviewDetailsPanel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.doc_list)
        splitter.addWidget(self.pages)
        splitter.addWidget(self._build_right())
        splitter.setSizes([230, 640, 400])
        splitter.setStretchFactor(1, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Approval progress"))
        self.progress.hide()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        return content

    def _build_right(self) -> QWidget:
        right = QWidget()
        self.approve_button = self._button(self.tr("&Approve (Ctrl+Enter)"), self.tr("Approve and sign"))
        self.approve_button.setStyleSheet("font-weight: 600;")
        self.approve_button.clicked.connect(self.approve_current)
        self.reject_button = self._button(self.tr("&Return… (Ctrl+R)"), self.tr("Return to the officer"))
        self.reject_button.clicked.connect(self.reject_current)
        self.all_button = self._button(
            self.tr("Approve all remaining (Ctrl+Shift+Enter)"), self.tr("Approve all remaining")
        )
        self.all_button.clicked.connect(self.approve_remaining)
        shortcuts: dict[tuple[str, ...], Callable[[], None]] = {
            ("Ctrl+Return", "Ctrl+Enter"): self.approve_current,
            ("Ctrl+R",): self.reject_current,
            ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"): self.approve_remaining,
            ("Ctrl+Down",): partial(self._step_document, 1),
            ("Ctrl+Up",): partial(self._step_document, -1),
        }
        self._shortcuts: list[QShortcut] = []
        for keys, slot in shortcuts.items():
            for key in keys:
                context = Qt.ShortcutContext.WidgetWithChildrenShortcut
                self._shortcuts.append(shortcut(key, self, slot, context))
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        layout = QVBoxLayout(right)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.all_button)
        return right

    def _button(self, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        return button

    # --- loading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        allowed = self.session.can(Action.APPROVE)
        self.stack.setCurrentIndex(1 if allowed else 0)
        if not allowed:
            return
        self._generation += 1
        station, doctypes, generation = self.session.station, self.doctypes, self._generation
        wanted = self.current_batch_id()

        def job(**_kw: Any) -> Any:
            batches = data.batches_to_review(station)
            ids = [b.id for b in batches]
            batch_id = wanted if wanted in ids else (ids[0] if ids else None)
            items = data.review_items(station, batch_id, doctypes) if batch_id is not None else []
            return batches, batch_id, items

        task = self.session.runner.start(job)
        task.signals.finished.connect(partial(self._on_loaded, generation))
        task.signals.failed.connect(self._show_error)

    def _on_data_changed(self, what: str) -> None:
        if what in ("batches", "documents"):
            self.refresh()

    def _on_loaded(self, generation: int, result: tuple[Any, int | None, list[data.ReviewItem]]) -> None:
        if generation != self._generation:
            return
        self.batches, batch_id, self.items = result
        self.batch_combo.blockSignals(True)
        self.batch_combo.clear()
        for batch in self.batches:
            text = self.tr("%1 (%2 awaiting review)").replace("%1", batch.name)
            self.batch_combo.addItem(text.replace("%2", str(batch.waiting)), batch.id)
        ids = [b.id for b in self.batches]
        if batch_id in ids:
            self.batch_combo.setCurrentIndex(ids.index(batch_id))
        self.batch_combo.blockSignals(False)
        self._fill_documents()

    def current_batch_id(self) -> int | None:
        value = self.batch_combo.currentData()
        return int(value) if value is not None else None

    def _on_batch_chosen(self, _index: int) -> None:
        self._advance_from = None
        self.refresh()

    def _fill_documents(self) -> None:
        current = self.detail.id if self.detail else None
        self.doc_list.blockSignals(True)
        self.doc_list.clear()
        for item in self.items:
            text = f"{_MARKS[item.state]}  " + self.tr("Document %1").replace("%1", str(item.number))
            entry = QListWidgetItem(f"{text}\n{item.type_label} · {document_state_text(item.state)}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.doc_list.addItem(entry)
        self.doc_list.blockSignals(False)
        waiting = sum(1 for i in self.items if i.state is DocumentState.SUBMITTED)
        self.waiting.setText(self.tr("%1 documents awaiting review").replace("%1", str(waiting)))
        row = self._row_to_show(current)
        if row is None:
            self.detail = None
            self._clear_pages()
            self.panel.show_placeholder(self.tr("No document of this batch is awaiting review."))
            self._update_buttons()
        else:
            self.doc_list.setCurrentRow(row)
            self._on_document_chosen(row)

    def _row_to_show(self, current: int | None) -> int | None:
        ids = [i.id for i in self.items]
        waiting = [n for n, i in enumerate(self.items) if i.state is DocumentState.SUBMITTED]
        if self._advance_from is not None and self._advance_from in ids:
            start = ids.index(self._advance_from)
            self._advance_from = None
            later = [n for n in waiting if n > start] + [n for n in waiting if n < start]
            return later[0] if later else start
        if current in ids:
            return ids.index(current)
        return waiting[0] if waiting else (0 if ids else None)

    def _on_document_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.items) or self.session.user is None:
            return
        self._detail_generation += 1
        generation, user = self._detail_generation, self.session.user
        station, doctypes, doc_id = self.session.station, self.doctypes, self.items[row].id

        def job(**_kw: Any) -> Any:
            detail = data.load_detail(station, user, doc_id, doctypes)
            return detail, [QImage.fromData(page) for page in detail.pages]

        task = self.session.runner.start(job)
        task.signals.finished.connect(partial(self._on_detail, generation))
        task.signals.failed.connect(self._show_error)

    def _on_detail(self, generation: int, result: tuple[data.ReviewDetail, list[QImage]]) -> None:
        if generation != self._detail_generation:
            return
        self.detail, images = result
        self.panel.show_detail(self.detail)
        self._clear_pages()
        for number, image in enumerate(images, start=1):
            view = PageView()
            view.set_image(image)
            self.pages.addTab(view, self.tr("Page %1").replace("%1", str(number)))
        self._update_buttons()

    def _clear_pages(self) -> None:
        while self.pages.count():
            widget = self.pages.widget(0)
            self.pages.removeTab(0)
            if widget is not None:
                widget.deleteLater()

    def _step_document(self, delta: int) -> None:
        row = self.doc_list.currentRow() + delta
        if 0 <= row < self.doc_list.count():
            self.doc_list.setCurrentRow(row)

    # --- decisions ---------------------------------------------------------------------------------
    def _waiting_ids(self) -> list[int]:
        return [i.id for i in self.items if i.state is DocumentState.SUBMITTED]

    def _update_buttons(self) -> None:
        ready = self.detail is not None and self.detail.state is DocumentState.SUBMITTED and not self._busy
        self.approve_button.setEnabled(ready)
        self.reject_button.setEnabled(ready)
        self.all_button.setEnabled(bool(self._waiting_ids()) and not self._busy)

    def _title(self) -> str:
        assert self.detail is not None
        number = self.tr("Document %1").replace("%1", str(self.detail.number))
        return f"{number} — {self.detail.type_label}" if self.detail.type_label else number

    def approve_current(self) -> None:
        if not self.approve_button.isEnabled() or self.detail is None or self.session.user is None:
            return
        done = self.tr("%1: approved and signed.").replace("%1", self._title())
        self._with_key(partial(self._approve_one, self.detail.id, done))

    def _approve_one(self, doc_id: int, done: str, secret: str | None) -> None:
        station, user, doctypes = self.session.station, self.session.user, self.doctypes
        if user is None:
            self._on_key_cancelled()
            return
        job = partial(data.approve_one, station, user, doc_id, doctypes, secret)
        self._run(lambda **_kw: job(), doc_id, done)

    def _with_key(self, proceed: Callable[[str | None], None]) -> None:
        """Open the signing key first (asking for its passphrase or PIN if locked), then ``proceed``."""
        self._busy = True
        self._update_buttons()
        self.secret_gate.run(proceed, self._on_decision_failed, self._on_key_cancelled)

    def _on_key_cancelled(self) -> None:
        self._busy = False
        self._update_buttons()

    def reject_current(self) -> None:
        if not self.reject_button.isEnabled() or self.detail is None:
            return
        self.dialog = RejectDialog(self._title(), self)
        self.dialog.accepted.connect(self._on_reject_reason)
        self._open_modal(self.dialog)

    def _on_reject_reason(self) -> None:
        if self.dialog is None or self.detail is None or self.session.user is None:
            return
        reason, title = self.dialog.reason_text(), self._title()
        station, user, doc_id = self.session.station, self.session.user, self.detail.id
        done = self.tr("%1: returned to the officer.").replace("%1", title)
        self._run(lambda **_kw: data.reject_one(station, user, doc_id, reason), doc_id, done)

    def approve_remaining(self) -> None:
        waiting = self._waiting_ids()
        if not waiting or self._busy:
            return
        self.confirm = approve_all_box(len(waiting), self)
        self.confirm.accepted.connect(partial(self._with_key, partial(self._approve_all, waiting)))
        self._open_modal(self.confirm)

    def _open_modal(self, dialog: QDialog) -> None:
        """The screen's own shortcuts pause while a dialog is open (its Ctrl+Enter is the dialog's)."""
        self._enable_shortcuts(False)
        dialog.finished.connect(lambda _result: self._enable_shortcuts(True))
        dialog.open()

    def _enable_shortcuts(self, enabled: bool) -> None:
        for made in self._shortcuts:
            made.setEnabled(enabled)

    def _approve_all(self, waiting: list[int], secret: str | None) -> None:
        user, station, doctypes = self.session.user, self.session.station, self.doctypes
        if user is None:
            self._on_key_cancelled()
            return

        def job(progress: Any, cancel: Any, **_kw: Any) -> Any:
            return data.approve_all(
                station, user, waiting, doctypes, secret=secret, progress=progress, cancel=cancel
            )

        self.progress.setRange(0, len(waiting))
        self.progress.setValue(0)
        self.progress.show()
        task = self._run(job, None, "")
        task.signals.progress.connect(lambda e: self.progress.setValue(e.done))

    def _run(self, job: Any, doc_id: int | None, done_text: str) -> Any:
        self._busy = True
        self._update_buttons()
        task = self.session.runner.start(job)
        task.signals.finished.connect(partial(self._on_decided, doc_id, done_text))
        task.signals.failed.connect(self._on_decision_failed)
        return task

    def _on_decided(self, doc_id: int | None, done_text: str, result: object) -> None:
        self._busy = False
        self.progress.hide()
        if isinstance(result, data.ApproveAllOutcome):
            done_text = self.tr("Approved and signed %1 documents.").replace("%1", str(len(result.approved)))
            numbers = {i.id: i.number for i in self.items}
            for failed_id, why in result.failed:
                line = self.tr("Document %1: %2").replace("%1", str(numbers.get(failed_id, failed_id)))
                done_text += "\n" + line.replace("%2", why)
        self._show_message(done_text, not isinstance(result, data.ApproveAllOutcome) or not result.failed)
        self._advance_from = doc_id
        self.session.changed("documents")

    def _on_decision_failed(self, error: object) -> None:
        self._busy = False
        self.progress.hide()
        self._update_buttons()
        self._show_error(error)

    def _show_error(self, error: object) -> None:
        self._show_message(error_text(error), False)

    def _show_message(self, text: str, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(banner_style(ok))
        self.message.show()
