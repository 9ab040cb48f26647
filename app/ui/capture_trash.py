"""The scan screen's trash: pages deleted from a batch, restored with Enter or the Restore action."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from app.ui.capture_model import PageEntry
from app.ui.capture_pages import PAGE_ID

log = logging.getLogger(__name__)


class TrashPanel(QWidget):
    """A label with the count and the list of trashed pages (their scan position)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Trash"))
        self.list.setMaximumHeight(84)
        self.label = QLabel()
        self.label.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.list)
        self.show_entries([])

    def show_entries(self, entries: list[PageEntry]) -> None:
        self.list.clear()
        for entry in entries:
            self.list.addItem(self.tr("Page %1 of the scan").replace("%1", str(entry.page.seq)))
            self.list.item(self.list.count() - 1).setData(PAGE_ID, entry.page.id)
        self.label.setText(
            self.tr("&Trash (%1): Enter or Ctrl+Shift+Z restores").replace("%1", str(len(entries)))
        )
        self.list.setVisible(bool(entries))

    def chosen(self) -> int | None:
        item = self.list.currentItem() or self.list.item(0)
        return None if item is None else int(item.data(PAGE_ID))
