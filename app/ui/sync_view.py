"""The sync panel: link state, the queue with each document's state, progress, speed, ETA, receipts."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.cancel import CancelToken
from app.core.outbox import OutboxItem, OutboxState
from app.ui.session import UiSession
from app.ui.shortcuts import shortcut
from app.ui.sync_controller import SyncController
from app.ui.sync_texts import last_error_text, link_text, state_text, when_text

log = logging.getLogger(__name__)

REFRESH_MS = 3000


@dataclass(frozen=True)
class QueueRow:
    item: OutboxItem
    label: str  # result code, else "Tài liệu N"


def load_queue(session: UiSession) -> list[QueueRow]:
    """The outbox, newest last, with each document's result code (runs on the task pool)."""
    store = session.station.store
    rows = []
    for item in store.outbox.list():
        code = str(item.manifest.get("result_code") or "")
        rows.append(QueueRow(item, code or f"#{item.document_id}"))
    return rows


class SyncView(QWidget):
    """Where documents stand on their way to the central repository; send now, pause, receipts."""

    def __init__(self, session: UiSession, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.controller = controller
        self._rows: list[QueueRow] = []
        self._speed: tuple[float, int] | None = None  # (time, bytes) of the previous progress event
        self._bps = 0.0
        self._build()
        controller.progress.connect(self._on_progress)
        controller.link_changed.connect(self._on_link)
        controller.running_changed.connect(self._on_running_changed)
        controller.problem.connect(self.problem.setText)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._on_link(controller.online if controller.running else None)
        self.refresh()

    def _on_running_changed(self, *_args: object) -> None:
        """A bound slot (Qt drops it with the widget; a lambda would outlive the screen)."""
        self._update_buttons()

    def _build(self) -> None:
        self.link = QLabel()
        self.link.setAccessibleName(self.tr("Connection to the central repository"))
        self.counts = QLabel()
        self.counts.setAccessibleName(self.tr("Documents by state"))
        self.current = QProgressBar()
        self.current.setAccessibleName(self.tr("Current document"))
        self.current.setFormat(self.tr("Current document: %p%"))
        self.overall = QProgressBar()
        self.overall.setAccessibleName(self.tr("All documents in this round"))
        self.overall.setFormat(self.tr("This round: %p%"))
        self.speed = QLabel(self.tr("Speed: –"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a11;")
        self.send_button = QPushButton(self.tr("Send &now (F9)"))
        self.send_button.setAccessibleName(self.tr("Send now"))
        self.send_button.clicked.connect(self._on_send_now)
        self.pause_button = QPushButton(self.tr("&Pause (F10)"))
        self.pause_button.setAccessibleName(self.tr("Pause or resume sending"))
        self.pause_button.clicked.connect(self._on_pause)
        self.receipt_button = QPushButton(self.tr("&Receipt… (Ctrl+I)"))
        self.receipt_button.setAccessibleName(self.tr("Show the receipt of the selected document"))
        self.receipt_button.clicked.connect(self._on_receipt)
        shortcut(QKeySequence("F9"), self, self._on_send_now)
        shortcut(QKeySequence("F10"), self, self._on_pause)
        shortcut(QKeySequence("Ctrl+I"), self, self._on_receipt)
        self.table = self._make_table()
        buttons = QHBoxLayout()
        for button in (self.send_button, self.pause_button, self.receipt_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.link, self.counts, self.current, self.overall, self.speed, self.problem):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def _make_table(self) -> QTableWidget:
        headers = [
            self.tr("Document"),
            self.tr("State"),
            self.tr("Attempts"),
            self.tr("Next try"),
            self.tr("Received by the repository"),
            self.tr("Last error"),
        ]
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setAccessibleName(self.tr("Sending queue"))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        head = table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        table.cellDoubleClicked.connect(lambda _r, _c: self._on_receipt())
        return table

    # ---- data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.isVisible() and self._rows:
            return

        def job(progress: Any, cancel: CancelToken, emit: Any) -> list[QueueRow]:
            return load_queue(self.session)

        self.session.runner.start(job, on_finished=self._on_loaded)

    def _on_loaded(self, rows: list[QueueRow]) -> None:
        self._rows = rows
        tally = dict.fromkeys(OutboxState, 0)
        for row in rows:
            tally[row.item.state] += 1
        parts = [f"{state_text(s)}: {n}" for s, n in tally.items() if n]
        self.counts.setText(" · ".join(parts) if parts else self.tr("No document is waiting to be sent."))
        busy = any(tally[s] for s in (OutboxState.PENDING, OutboxState.UPLOADING, OutboxState.FAILED))
        for bar in (self.current, self.overall):
            bar.setVisible(busy)
        if not busy:
            self.speed.setText(self.tr("Everything approved has been delivered.") if rows else "")
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            item = row.item
            values = [
                row.label,
                state_text(item.state),
                str(item.attempts),
                when_text(item.next_retry_at) if item.state is OutboxState.FAILED else "",
                when_text(item.receipt.received_at) if item.receipt else "",
                last_error_text(item),
            ]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(r, c, cell)
        self._update_buttons()

    # ---- controller events -----------------------------------------------------------------------
    def _on_link(self, online: object) -> None:
        self.link.setText(link_text(online, self.controller.running))
        colour = {True: "#1a7f37", False: "#a11"}.get(online, "#666")  # type: ignore[call-overload]
        self.link.setStyleSheet(f"font-weight: bold; color: {colour};")

    def _on_progress(self, event: Any) -> None:
        self.current.setMaximum(max(1, event.total))
        self.current.setValue(event.sent)
        self.overall.setMaximum(max(1, event.bytes_total))
        self.overall.setValue(min(event.bytes_done, event.bytes_total))
        now = time.monotonic()
        if self._speed is not None and now > self._speed[0]:
            moved = max(0, event.bytes_done - self._speed[1])
            instant = moved / (now - self._speed[0])
            self._bps = instant if self._bps == 0 else 0.8 * self._bps + 0.2 * instant
        self._speed = (now, event.bytes_done)
        left = max(0, event.bytes_total - event.bytes_done)
        if self._bps > 0:
            eta = left / self._bps
            self.speed.setText(
                self.tr("Speed: %1 KB/s · about %2 s left · %3 of %4 documents")
                .replace("%1", f"{self._bps / 1000:.0f}")
                .replace("%2", f"{eta:.0f}")
                .replace("%3", str(event.documents_done))
                .replace("%4", str(event.documents_total))
            )

    # ---- actions -------------------------------------------------------------------------------------
    def _on_send_now(self) -> None:
        self.problem.clear()
        self.session.runner.start(
            lambda **_kw: self.controller.send_now(), on_finished=lambda _r: self.refresh()
        )

    def _on_pause(self) -> None:
        if self.controller.running:
            self.controller.stop()
        else:
            self.controller.start()
        self._update_buttons()

    def _on_receipt(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._rows):
            return
        item = self._rows[row].item
        receipt = item.receipt
        if receipt is None:
            QMessageBox.information(
                self,
                self.tr("Receipt"),
                self.tr("The central repository has not confirmed this document yet."),
            )
            return
        text = (
            self.tr("Server id: %1\nResult code: %2\nSHA-256: %3\nReceived: %4\nStation: %5")
            .replace("%1", receipt.server_id)
            .replace("%2", receipt.result_code)
            .replace("%3", receipt.sha256)
            .replace("%4", receipt.received_at)
            .replace("%5", receipt.station)
        )
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Receipt"), text, parent=self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()

    def _update_buttons(self) -> None:
        running = self.controller.running
        self.pause_button.setText(self.tr("&Pause (F10)") if running else self.tr("&Resume (F10)"))
        self._on_link(self.controller.online if running else None)
