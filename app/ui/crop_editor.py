"""Edit the paper outline on the raw scan: four draggable corner handles over a PageView's image."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsPolygonItem

from app.core.models import Point
from app.ui.page_view import PageView

log = logging.getLogger(__name__)

Quad = tuple[Point, Point, Point, Point]
HANDLE_PX = 18.0  # on screen, whatever the zoom
OUTLINE = QColor("#fbbc04")
NUDGE_PX = 4.0  # arrow-key step in image pixels (x10 with Shift)


class _Handle(QGraphicsEllipseItem):
    """A corner the user drags; tells the editor when it moved."""

    def __init__(self, editor: CropEditor, index: int) -> None:
        r = HANDLE_PX / 2
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.editor, self.index = editor, index
        self.setBrush(QBrush(OUTLINE))
        self.setPen(QPen(QColor("#202124"), 2))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.setZValue(10)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self.editor.handle_moved(self.index)
        return super().itemChange(change, value)


class CropEditor(QObject):
    """Shows ``quad`` (image pixels, the order cleanup gave) on ``view`` and lets the user move corners.

    Drag a handle with the mouse, or pick a corner with Tab-like ``select_next`` and nudge it with the
    arrow keys. ``quad()`` is what would be saved; ``set_quad`` places the corners programmatically.
    """

    quad_changed = Signal()

    def __init__(self, view: PageView) -> None:
        super().__init__(view)
        self.view = view
        self._handles: list[_Handle] = []
        self._outline: QGraphicsPolygonItem | None = None
        self._selected = 0
        self._bounds = (0.0, 0.0)

    @property
    def active(self) -> bool:
        return bool(self._handles)

    def start(self, quad: Quad | None, width: float, height: float) -> None:
        """Put the handles on the view's current image (the whole image when nothing was detected)."""
        self.stop()
        self._bounds = (width, height)
        corners = quad or ((0.0, 0.0), (width, 0.0), (width, height), (0.0, height))
        scene = self.view.scene()
        self._outline = QGraphicsPolygonItem()
        pen = QPen(OUTLINE, 3)
        pen.setCosmetic(True)
        self._outline.setPen(pen)
        fill = QColor(OUTLINE)
        fill.setAlpha(35)
        self._outline.setBrush(QBrush(fill))
        self._outline.setZValue(5)
        scene.addItem(self._outline)
        for i in range(4):
            handle = _Handle(self, i)
            scene.addItem(handle)
            self._handles.append(handle)
        self.set_quad(corners)
        self.select(0)

    def stop(self) -> None:
        scene = self.view.scene()
        for item in [*self._handles, self._outline]:
            if item is not None:
                scene.removeItem(item)
        self._handles, self._outline = [], None

    def quad(self) -> Quad:
        p = [(round(h.pos().x(), 1), round(h.pos().y(), 1)) for h in self._handles]
        return (p[0], p[1], p[2], p[3])

    def set_quad(self, quad: Quad) -> None:
        for handle, (x, y) in zip(self._handles, quad, strict=True):
            handle.setPos(QPointF(*self._clamp(x, y)))
        self._redraw()

    def select(self, index: int) -> None:
        self._selected = index % 4
        for i, handle in enumerate(self._handles):
            handle.setBrush(QBrush(QColor("#ea4335") if i == self._selected else OUTLINE))

    def select_next(self) -> None:
        self.select(self._selected + 1)

    def nudge(self, dx: float, dy: float) -> None:
        """Move the selected corner by (dx, dy) steps of ``NUDGE_PX`` image pixels."""
        if not self._handles:
            return
        handle = self._handles[self._selected]
        pos = handle.pos()
        handle.setPos(QPointF(*self._clamp(pos.x() + dx * NUDGE_PX, pos.y() + dy * NUDGE_PX)))

    def handle_moved(self, index: int) -> None:
        handle = self._handles[index] if index < len(self._handles) else None
        if handle is not None:
            x, y = self._clamp(handle.pos().x(), handle.pos().y())
            if (x, y) != (handle.pos().x(), handle.pos().y()):
                handle.setPos(QPointF(x, y))
                return
        self._redraw()

    def _clamp(self, x: float, y: float) -> tuple[float, float]:
        w, h = self._bounds
        return min(max(0.0, x), w), min(max(0.0, y), h)

    def _redraw(self) -> None:
        if self._outline is not None and len(self._handles) == 4:
            self._outline.setPolygon(QPolygonF([h.pos() for h in self._handles]))
            self.quad_changed.emit()
