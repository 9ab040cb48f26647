"""The dashboard's table of work per officer: pace and rescans in the period, decisions, year's progress."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from app.core.activity import OfficerActivity
from app.core.progress import ProgressLine
from app.ui.dashboard_charts import number

log = logging.getLogger(__name__)

NUMERIC = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def hours_minutes(hours: float) -> str:
    """3.4 → "3:24" (rounded to the minute)."""
    minutes = round(hours * 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


class OfficerTable(QTableWidget):
    """One row per officer (full name; the login when the account is gone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 9, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.set_year(0)

    def set_year(self, year: int) -> None:
        self.setHorizontalHeaderLabels(
            [
                self.tr("Officer"),
                self.tr("Pages"),
                self.tr("Work time (h:mm)"),
                self.tr("Pages per hour"),
                self.tr("Rescans"),
                self.tr("Submitted"),
                self.tr("Rejection rate"),
                self.tr("Approved in %1").replace("%1", str(year)),
                self.tr("Digitised in %1").replace("%1", str(year)),
            ]
        )
        tips = {
            2: self.tr("Actions at most 15 minutes apart count as one stretch of work."),
            3: self.tr("New pages (rescans not counted) per hour of work time."),
            6: self.tr(
                "Of the approve or return decisions on their documents, the share that sent one back."
            ),
        }
        for column, tip in tips.items():
            if (item := self.horizontalHeaderItem(column)) is not None:
                item.setToolTip(tip)

    def show_lines(
        self, lines: list[OfficerActivity], progress: list[ProgressLine], names: Mapping[str, str]
    ) -> None:
        """Rows for the officers active in the period, plus those with approved work in the year."""
        by_login = {line.officer: line for line in lines}
        year_lines = {line.key: line for line in progress}
        logins = [line.officer for line in lines]
        logins += [key for key in year_lines if key not in by_login and year_lines[key].approved]
        self.setRowCount(len(logins))
        for row, login in enumerate(logins):
            activity = by_login.get(login, OfficerActivity(login))
            year = year_lines.get(login)
            self._fill(row, self._name(login, names), activity, year)

    def fit_rows(self, most: int = 8) -> None:
        """As tall as its rows (up to ``most``, then it scrolls): the charts above get the room."""
        rows = min(self.rowCount(), most)
        height = self.horizontalHeader().height() + sum(self.rowHeight(r) for r in range(rows))
        self.setFixedHeight(height + 2 * self.frameWidth() + 2)

    def row_texts(self, row: int) -> list[str]:
        return [item.text() if (item := self.item(row, c)) else "" for c in range(self.columnCount())]

    def _name(self, login: str, names: Mapping[str, str]) -> str:
        if not login:
            return self.tr("Unknown (scanned before accounts were recorded)")
        return names.get(login) or login

    def _fill(self, row: int, name: str, line: OfficerActivity, year: ProgressLine | None) -> None:
        pace, rate = line.pages_per_hour, line.rejection_rate
        cells = [
            number(line.pages),
            hours_minutes(line.hours),
            number(pace, 1) if pace is not None else "—",
            number(line.rescans),
            number(line.submitted),
            number(100.0 * rate, 1) + "%" if rate is not None else "—",
            number(year.approved if year else 0),
            number(year.digitised if year else 0),
        ]
        self.setItem(row, 0, QTableWidgetItem(name))
        for column, text in enumerate(cells, start=1):
            item = QTableWidgetItem(text)
            item.setTextAlignment(NUMERIC)
            self.setItem(row, column, item)
