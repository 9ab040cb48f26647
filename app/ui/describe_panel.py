"""The left and centre panes of the describe screen: the batch's document list and the page with tabs."""

from __future__ import annotations

import logging

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QTabBar, QVBoxLayout, QWidget

from app.core.doctypes import DocType
from app.core.models import DocumentState
from app.core.records import FieldRegion
from app.ui.app import current_language
from app.ui.batches_parts import document_state_text
from app.ui.describe_data import DocumentSummary
from app.ui.page_view import PageView

log = logging.getLogger(__name__)

STATE_COLOURS = {
    DocumentState.DRAFT: "#5f6368",
    DocumentState.DESCRIBED: "#1565c0",
    DocumentState.SUBMITTED: "#6a1b9a",
    DocumentState.APPROVED: "#2e7d32",
    DocumentState.REJECTED: "#c62828",
}
REGION_COLOUR = QColor("#e65100")


class DocumentList(QListWidget):
    """One line per document: number, type, state, pages (in the UI language); the item data is the id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Documents of the batch"))
        self.setSpacing(2)
        self.setWordWrap(True)

    def fill(self, documents: list[DocumentSummary], doctypes: dict[str, DocType]) -> None:
        self.clear()
        for summary in documents:
            item = QListWidgetItem(self)
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.update_item(item, summary, doctypes)

    def update_item(
        self, item: QListWidgetItem, summary: DocumentSummary, doctypes: dict[str, DocType]
    ) -> None:
        doctype = doctypes.get(summary.doc_type)
        kind = doctype.label(current_language()) if doctype else self.tr("Type not known")
        pages = self.tr("%1 page(s)").replace("%1", str(summary.pages))
        title = self.tr("Document %1").replace("%1", str(summary.index + 1))
        item.setText(f"{title} · {kind}\n{document_state_text(summary.state)} · {pages}")
        item.setForeground(QBrush(QColor(STATE_COLOURS[summary.state])))
        item.setData(Qt.ItemDataRole.UserRole + 1, summary)

    def item_of(self, document_id: int) -> QListWidgetItem | None:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == document_id:
                return item
        return None

    def current_id(self) -> int | None:
        item = self.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))


class PagePane(QWidget):
    """The document's cleaned pages (tabs when several) with the focused field's region outlined."""

    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.tabs = QTabBar(self)
        self.tabs.setAccessibleName(self.tr("Pages of the document"))
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._show_page)
        self.view = PageView(self, shortcuts=False)
        self.placeholder = QLabel(self.tr("Choose a document on the left."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.tabs)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.placeholder, 1)
        self._images: list[QImage] = []
        self._region: tuple[FieldRegion, str] | None = None
        self.set_pages([])

    def set_pages(self, images: list[QImage]) -> None:
        self._images, self._region = images, None
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for number in range(1, len(images) + 1):
            self.tabs.addTab(self.tr("Page %1").replace("%1", str(number)))
        self.tabs.blockSignals(False)
        self.tabs.setVisible(len(images) > 1)
        self.view.setVisible(bool(images))
        self.placeholder.setVisible(not images)
        self._show_page(0)

    def outline(self, region: FieldRegion | None, label: str) -> None:
        """Outline ``region`` (switching to its page) or clear the outline."""
        self._region = None if region is None else (region, label)
        if region is not None and region.page != self.tabs.currentIndex() and region.page < len(self._images):
            self.tabs.setCurrentIndex(region.page)  # shows the page, then the outline below
        self._draw_region()

    def _show_page(self, index: int) -> None:
        self.view.set_image(self._images[index] if 0 <= index < len(self._images) else None)
        self._draw_region()
        self.page_changed.emit(index)

    def _draw_region(self) -> None:
        if self._region is None or self._region[0].page != max(self.tabs.currentIndex(), 0):
            self.view.set_regions([])
            return
        (x0, y0, x1, y1), label = self._region[0].box, self._region[1]
        self.view.set_regions([(QRectF(x0, y0, x1 - x0, y1 - y0), REGION_COLOUR, label)])
