"""The home screen: every batch with its documents per state, search over records, submit a batch."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.core.accounts import Action
from app.core.cancel import ProgressEvent
from app.core.doctypes import load_doctypes
from app.core.models import DocumentState
from app.ui.batches_data import BatchSummary, FoundDocument, load_summaries, search_documents, submit_batch
from app.ui.batches_parts import (
    SearchResults,
    banner_style,
    batch_items,
    outcome_text,
    table_headers,
)
from app.ui.nav import error_text
from app.ui.session import UiSession
from app.ui.shortcuts import shortcut
from app.ui.signing_secret import SigningSecretGate

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 250


class BatchesView(QWidget):
    """Batches table (double-click or Enter opens one), search box, "submit batch" and refresh."""

    batch_opened = Signal(int)
    document_opened = Signal(int)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.doctypes = load_doctypes()
        self.summaries: list[BatchSummary] = []
        self._load_generation = 0
        self._search_generation = 0
        self._submitting = False
        self.secret_gate = SigningSecretGate(session, self)  # asks for the key's passphrase if needed
        self._build()
        self._update_actions()  # nothing to submit until the batches have loaded
        session.signals.data_changed.connect(self._on_data_changed)
        session.signals.user_changed.connect(self._on_user_changed)
        self.refresh()

    # --- layout ------------------------------------------------------------------------------------

    def _on_user_changed(self, *_args: object) -> None:
        """A bound slot (Qt drops it with the widget; a lambda would outlive the screen)."""
        self._update_actions()

    def _build(self) -> None:
        self.title = QLabel(self.tr("Batches"))
        self.title.setObjectName("screenTitle")
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search names, numbers, agencies… (accents optional)"))
        self.search_box.setAccessibleName(self.tr("Search documents"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(380)
        self.search_box.textChanged.connect(self._on_search_text)
        self.search_box.returnPressed.connect(self._open_first_result)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.search_box)
        self.table = self._make_table()
        self.results = SearchResults(self)
        self.results.document_chosen.connect(self.document_opened.emit)
        self.results.hide()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.results)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(self._make_actions())
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        shortcut(QKeySequence.StandardKey.Find, self, self.search_box.setFocus)

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, len(table_headers()))
        table.setHorizontalHeaderLabels(table_headers())
        table.setAccessibleName(self.tr("Batches"))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        head = table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.itemSelectionChanged.connect(self._update_actions)
        table.cellDoubleClicked.connect(lambda row, _col: self._open_row(row))
        shortcut(
            QKeySequence(Qt.Key.Key_Return), table, self._open_current, Qt.ShortcutContext.WidgetShortcut
        )
        return table

    def _make_actions(self) -> QHBoxLayout:
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Signing progress"))
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the list of batches"))
        self.refresh_button.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_button.clicked.connect(self.refresh)
        self.submit_button = QPushButton(self.tr("Submit batch for approval (Ctrl+Shift+S)"))
        self.submit_button.setAccessibleName(self.tr("Sign and submit every described document of the batch"))
        self.submit_button.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.submit_button.clicked.connect(self.submit_selected)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addStretch(0)
        row.addWidget(self.refresh_button)
        row.addWidget(self.submit_button)
        return row

    # --- loading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._load_generation += 1
        generation = self._load_generation
        task = self.session.runner.start(lambda **_kw: load_summaries(self.session.station))
        task.signals.finished.connect(partial(self._on_loaded, generation))
        task.signals.failed.connect(self._show_error)
        if self.search_box.text().strip():
            self._run_search()

    def _on_data_changed(self, what: str) -> None:
        if what in ("batches", "documents", "outbox"):
            self.refresh()

    def _on_loaded(self, generation: int, summaries: list[BatchSummary]) -> None:
        if not isValid(self) or generation != self._load_generation:
            return  # the screen was rebuilt (log-out) or a newer load started meanwhile
        selected = self.selected_batch_id()
        self.summaries = summaries
        self.table.setRowCount(len(summaries))
        for row, summary in enumerate(summaries):
            for col, item in enumerate(batch_items(summary)):
                self.table.setItem(row, col, item)
        ids = [s.id for s in summaries]
        if ids:
            self.table.selectRow(ids.index(selected) if selected in ids else 0)
        self._update_actions()

    def selected_batch_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.summaries):
            return None
        return self.summaries[rows[0].row()].id

    def _open_current(self) -> None:
        self._open_row(self.table.currentRow())

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.summaries):
            self.batch_opened.emit(self.summaries[row].id)

    # --- search ------------------------------------------------------------------------------------
    def _on_search_text(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self._search_timer.stop()
            self._search_generation += 1
            self.results.hide()

    def _run_search(self) -> None:
        text = self.search_box.text().strip()
        if not text:
            return
        self._search_generation += 1
        generation = self._search_generation
        station, doctypes = self.session.station, self.doctypes
        task = self.session.runner.start(lambda **_kw: search_documents(station, text, doctypes))
        task.signals.finished.connect(partial(self._on_found, generation, text))
        task.signals.failed.connect(self._show_error)

    def _on_found(self, generation: int, text: str, found: list[FoundDocument]) -> None:
        if isValid(self) and generation == self._search_generation:
            self.results.show_results(text, found)
            self.results.show()

    def _open_first_result(self) -> None:
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._run_search()
            return
        self.results.open_current()

    # --- submit ------------------------------------------------------------------------------------
    def _update_actions(self) -> None:
        may_submit = self.session.can(Action.SUBMIT)
        self.submit_button.setVisible(may_submit)
        self.submit_button.setEnabled(may_submit and not self._submitting and self._selected_has_ready())

    def _selected_has_ready(self) -> bool:
        batch_id = self.selected_batch_id()
        summary = next((s for s in self.summaries if s.id == batch_id), None)
        return summary is not None and summary.documents > 0

    def submit_selected(self) -> None:
        batch_id, user = self.selected_batch_id(), self.session.user
        if batch_id is None or user is None or self._submitting or not self.session.can(Action.SUBMIT):
            return
        self._submitting = True
        self._update_actions()
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Opening the signing key…"))
        self.progress.show()
        summary = next((s for s in self.summaries if s.id == batch_id), None)
        if summary is not None and not summary.counts.get(DocumentState.DESCRIBED):
            self._submit(batch_id, self.session.signing_secret)  # nothing to sign: no need for the key
            return
        self.secret_gate.run(partial(self._submit, batch_id), self._on_submit_failed, self._finish_submit)

    def _submit(self, batch_id: int, secret: str | None) -> None:
        """The key opened with ``secret`` (None: it needs none): sign and submit the batch."""
        user, station, doctypes = self.session.user, self.session.station, self.doctypes
        if user is None:
            self._finish_submit()
            return
        self.progress.setFormat(self.tr("Signing…"))

        def job(progress: Any, cancel: Any, **_kw: Any) -> Any:
            return submit_batch(
                station, user, batch_id, doctypes, secret=secret, progress=progress, cancel=cancel
            )

        task = self.session.runner.start(job)
        task.signals.progress.connect(self._on_submit_progress)
        task.signals.finished.connect(self._on_submitted)
        task.signals.failed.connect(self._on_submit_failed)

    def _on_submit_progress(self, event: ProgressEvent) -> None:
        self.progress.setRange(0, max(event.total, 1))
        self.progress.setValue(event.done)
        text = self.tr("Signing and submitting: %1 of %2 documents")
        self.progress.setFormat(text.replace("%1", str(event.done)).replace("%2", str(event.total)))

    def _on_submitted(self, outcome: Any) -> None:
        self._finish_submit()
        ok = not outcome.failed and bool(outcome.submitted or not outcome.not_described)
        self._show_message(outcome_text(outcome), ok)
        self.session.changed("documents")

    def _on_submit_failed(self, error: object) -> None:
        self._finish_submit()
        self._show_error(error)

    def _finish_submit(self) -> None:
        self._submitting = False
        self.progress.hide()
        self._update_actions()

    def _show_error(self, error: object) -> None:
        self._show_message(error_text(error), False)

    def _show_message(self, text: str, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(banner_style(ok))
        self.message.show()
