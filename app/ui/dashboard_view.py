"""The station dashboard: progress against the plan, per result type and officer, and the send queue."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.cancel import CancelToken
from app.core.outbox import OutboxState
from app.core.progress import ProgressLine, ProgressReport
from app.ui.nav import error_text
from app.ui.session import UiSession

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DashboardData:
    report: ProgressReport
    queue: dict[OutboxState, int]


class ProgressBars(QWidget):
    """One horizontal bar per line: digitised share in green, the roadmap target as a red mark."""

    ROW = 34

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[ProgressLine] = []
        self.setMinimumHeight(120)

    def set_lines(self, lines: list[ProgressLine]) -> None:
        self.lines = [line for line in lines if line.inventory]
        self.setMinimumHeight(max(120, self.ROW * len(self.lines) + 10))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_w, right = 190.0, 70.0
        width = max(50.0, self.width() - label_w - right)
        for i, line in enumerate(self.lines):
            y = 6.0 + i * self.ROW
            painter.setPen(QColor("#1f2933"))
            painter.drawText(QRectF(0, y, label_w - 8, 22), Qt.AlignmentFlag.AlignVCenter, line.label)
            painter.fillRect(QRectF(label_w, y + 3, width, 16), QColor("#e4e9f0"))
            done = min(1.0, (line.percent or 0.0) / 100.0)
            painter.fillRect(QRectF(label_w, y + 3, width * done, 16), QColor("#2f9e44"))
            target = min(1.0, (line.target_percent or 0.0) / 100.0)
            painter.fillRect(QRectF(label_w + width * target - 1.5, y, 3, 22), QColor("#c92a2a"))
            text = f"{line.percent or 0:.1f}%"
            painter.drawText(QRectF(label_w + width + 8, y, right, 22), Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()


class DashboardView(QWidget):
    """What a supervisor checks each morning: how far the commune is, what is missing, who does what."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._build()
        session.signals.data_changed.connect(self._on_data_changed)
        self.refresh()

    def _build(self) -> None:
        title = QLabel(self.tr("Progress against the plan"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.year = QSpinBox()
        self.year.setRange(2015, 2100)
        self.year.setValue(date.today().year)
        self.year.setAccessibleName(self.tr("Report year"))
        self.year.valueChanged.connect(self._on_year_changed)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-size: 11.5pt;")
        self.headline.setAccessibleName(self.tr("Progress summary"))
        self.queue = QLabel()
        self.queue.setAccessibleName(self.tr("Send queue"))
        self.bars = ProgressBars()
        self.bars.setAccessibleName(self.tr("Progress per result type"))
        self.officers = self._table(
            [self.tr("Officer"), self.tr("Approved"), self.tr("Digitised"), self.tr("Returned")]
        )
        self.officers.setAccessibleName(self.tr("Work per officer"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addWidget(self.queue)
        layout.addWidget(QLabel(self.tr("Per result type (green: digitised, red mark: target of the plan)")))
        layout.addWidget(self.bars)
        layout.addWidget(QLabel(self.tr("Per officer")))
        layout.addWidget(self.officers, 1)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return table

    def _on_data_changed(self, *_args: object) -> None:
        self.refresh()

    def _on_year_changed(self, *_args: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        station, year = self.session.station, self.year.value()

        def job(progress: Any, cancel: CancelToken, emit: Any) -> DashboardData:
            return DashboardData(station.progress_report(year), station.store.outbox.counts())

        self.session.runner.start(job, on_finished=self._on_loaded, on_failed=self._on_failed)

    def _on_failed(self, error: object) -> None:
        self.headline.setText(error_text(error))

    def _on_loaded(self, data: DashboardData) -> None:
        total = data.report.total
        if not total.inventory:
            self.headline.setText(
                self.tr("No inventory yet: import the paper counts (sohoa inventory import).")
            )
        else:
            days = (
                self.tr("%1 working days at the current pace").replace("%1", str(total.days))
                if total.days
                else ""
            )
            self.headline.setText(
                self.tr(
                    "Digitised %1 of %2 papers (%3%); the plan asks %4% by the end of %5. "
                    "Missing: %6 papers. %7"
                )
                .replace("%1", str(total.digitised))
                .replace("%2", str(total.inventory))
                .replace("%3", f"{total.percent or 0:.1f}")
                .replace("%4", f"{total.target_percent or 0:.0f}")
                .replace("%5", str(data.report.year))
                .replace("%6", str(total.shortfall))
                .replace("%7", days)
            )
        waiting = sum(
            n for s, n in data.queue.items() if s not in (OutboxState.CONFIRMED, OutboxState.REJECTED)
        )
        self.queue.setText(
            self.tr("Pace: %1 documents per working day · waiting to be sent: %2 · out of scope: %3")
            .replace("%1", f"{data.report.pace:.1f}")
            .replace("%2", str(waiting))
            .replace("%3", str(data.report.out_of_scope))
        )
        self.bars.set_lines(data.report.by_type)
        self.officers.setRowCount(len(data.report.by_officer))
        for r, line in enumerate(data.report.by_officer):
            for c, value in enumerate([line.label, line.approved, line.digitised, line.rejected]):
                self.officers.setItem(r, c, QTableWidgetItem(str(value)))
