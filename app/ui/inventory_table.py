"""The inventory screen's table and its totals line: one row per agency as printed, type and year."""

from __future__ import annotations

import logging
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from app.ui.app import current_language
from app.ui.inventory_data import InventoryLine, RowKey, row_key

log = logging.getLogger(__name__)

COUNT_COLUMN = 5
CHANGED_BY_COLUMN = 6


def number(value: int) -> str:
    """A count as people here write it: 1.200 in Vietnamese, 1,200 in English."""
    text = f"{value:,}"
    return text.replace(",", ".") if current_language() == "vi" else text


class InventoryTable(QTableWidget):
    """Read-only rows; the screen edits through the dialog. ``lines`` matches the rows shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 8, parent)
        self.lines: list[InventoryLine] = []
        self.setHorizontalHeaderLabels(
            [
                self.tr("Agency as printed"),
                self.tr("Agency in the catalogue"),
                self.tr("Today's unit"),
                self.tr("Result type"),
                self.tr("Year"),
                self.tr("Still valid"),
                self.tr("Changed by"),
                self.tr("Changed at"),
            ]
        )
        self.setAccessibleName(self.tr("Inventory rows"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def set_lines(self, lines: list[InventoryLine], keep: RowKey | None) -> None:
        """Show ``lines``; select the row with key ``keep`` (else the first row)."""
        self.lines = lines
        self.setRowCount(len(lines))
        chosen = 0
        placeholders = {self.tr("not matched"), self.tr("unknown")}
        for i, line in enumerate(lines):
            for column, text in enumerate(self._cells(line)):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column != CHANGED_BY_COLUMN else self._who(line))
                if column in (1, 2) and text in placeholders:
                    item.setForeground(QColor("#7b8794"))
                if column in (4, COUNT_COLUMN):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(i, column, item)
            if keep is not None and row_key(line.row) == keep:
                chosen = i
        if lines:
            self.selectRow(chosen)
            self.setCurrentCell(chosen, 0)

    def _cells(self, line: InventoryLine) -> list[str]:
        unknown = self.tr("not matched") if not line.row.agency_key else self.tr("unknown")
        return [
            line.row.agency_printed,
            line.agency_name or self.tr("not matched"),
            line.successor_name or unknown,
            line.type_label,
            str(line.row.year),
            number(line.row.count),
            line.changed_by,
            line.changed_at.strftime("%d/%m/%Y %H:%M") if line.changed_at else "",
        ]

    @staticmethod
    def _who(line: InventoryLine) -> str:
        if line.changed_by and line.changed_by != line.changed_login:
            return f"{line.changed_by} ({line.changed_login})"
        return line.changed_by

    def selected_line(self) -> InventoryLine | None:
        rows = self.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.lines):
            return None
        return self.lines[rows[0].row()]

    def summary(self) -> str:
        """Total papers and rows in bold, then the total per result type (rich text)."""
        totals: dict[str, int] = {}
        for line in self.lines:
            totals[line.type_label] = totals.get(line.type_label, 0) + line.row.count
        total = sum(totals.values())
        head = (
            self.tr("Total: %1 still-valid papers in %2 rows.")
            .replace("%1", number(total))
            .replace("%2", number(len(self.lines)))
        )
        parts = [
            f"{escape(label)}: {number(n)}" for label, n in sorted(totals.items(), key=lambda kv: -kv[1])
        ]
        return f"<b>{escape(head)}</b><br>" + " · ".join(parts)
