"""The scan screen's page strip: thumbnails with badges (blank, separator, warnings) and drag to reorder."""

from __future__ import annotations

import logging

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragMoveEvent, QDropEvent, QFont, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

log = logging.getLogger(__name__)

THUMB = QSize(132, 180)
PAGE_ID = Qt.ItemDataRole.UserRole
DOC_COLOURS = ("#1a73e8", "#188038", "#a142f4", "#e37400", "#007b83", "#c5221f")
WARN = QColor("#c5221f")


class PageStrip(QListWidget):
    """Thumbnails in reading order. A drop emits ``page_dropped(page id, target page id or -1)``; the
    screen changes the store and reloads, so the strip never reorders itself."""

    page_dropped = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(THUMB)
        self.setGridSize(QSize(THUMB.width() + 28, THUMB.height() + 78))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Snap)
        self.setWordWrap(True)
        self.setSpacing(4)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)

    def page_id(self, row: int | None = None) -> int | None:
        item = self.currentItem() if row is None else self.item(row)
        return None if item is None else int(item.data(PAGE_ID))

    def select_page(self, page_id: int) -> bool:
        for row in range(self.count()):
            if self.page_id(row) == page_id:
                self.setCurrentRow(row)
                return True
        return False

    def add_page(self, page_id: int, text: str, icon: QPixmap, warned: bool) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(PAGE_ID, page_id)
        item.setIcon(icon)
        item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        if warned:
            item.setForeground(QBrush(WARN))
        self.addItem(item)
        return item

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if event.source() is self:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        dragged = self.page_id()
        if event.source() is not self or dragged is None:
            event.ignore()
            return
        target = self.itemAt(event.position().toPoint())
        target_id = -1 if target is None else int(target.data(PAGE_ID))
        event.setDropAction(Qt.DropAction.IgnoreAction)  # nothing moves here; the store decides
        event.accept()
        if target_id != dragged:
            self.page_dropped.emit(dragged, target_id)


def thumbnail_icon(
    data: bytes, badge: str, badge_colour: str, doc_index: int | None, warned: bool
) -> QPixmap:
    """The thumbnail on a fixed canvas: document colour edge, badge banner, red frame on warnings."""
    canvas = QPixmap(THUMB)
    canvas.fill(QColor("#eceff1"))
    image = QImage.fromData(data)
    painter = QPainter(canvas)
    if not image.isNull():
        scaled = image.scaled(THUMB - QSize(10, 10), Qt.AspectRatioMode.KeepAspectRatio)
        x, y = (THUMB.width() - scaled.width()) // 2, (THUMB.height() - scaled.height()) // 2
        painter.drawImage(x, y, scaled)
    if doc_index is not None:
        painter.fillRect(QRect(0, 0, 6, THUMB.height()), QColor(DOC_COLOURS[doc_index % len(DOC_COLOURS)]))
    if warned:
        pen = QPen(WARN, 5)
        painter.setPen(pen)
        painter.drawRect(QRect(2, 2, THUMB.width() - 5, THUMB.height() - 5))
    if badge:
        _badge(painter, badge, QColor(badge_colour))
    painter.end()
    return canvas


def _badge(painter: QPainter, text: str, colour: QColor) -> None:
    font = QFont()
    font.setPixelSize(13)
    font.setBold(True)
    painter.setFont(font)
    band = QRect(0, THUMB.height() // 2 - 14, THUMB.width(), 28)
    fill = QColor(colour)
    fill.setAlpha(225)
    painter.fillRect(band, fill)
    painter.setPen(QColor("white"))
    painter.drawText(band, Qt.AlignmentFlag.AlignCenter, text)
