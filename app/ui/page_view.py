"""A reusable zoomable page view: shows one page image with outlined, labelled regions; zoom, fit, pan."""

from __future__ import annotations

import logging

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QShortcut,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

log = logging.getLogger(__name__)

Region = tuple[QRectF, QColor, str]

ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.05, 8.0


class PageView(QGraphicsView):
    """The page at "fit" until the user zooms (Ctrl+wheel, Ctrl+=, Ctrl+-); Ctrl+0 fits again.

    Regions are given in the image's pixels; drag pans. ``zoom_changed`` carries the scale (1.0 =
    one image pixel per screen pixel) so a screen can show it.
    """

    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None, *, shortcuts: bool = True) -> None:
        """``shortcuts=False`` when the hosting screen binds the zoom keys itself (for its whole area)."""
        super().__init__(parent)
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._pixmap = QGraphicsPixmapItem()
        self._pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.addItem(self._pixmap)
        self._region_items: list[QGraphicsRectItem | QGraphicsSimpleTextItem] = []
        self._fit = True
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QBrush(QColor("#5f6368")))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Page image"))
        if shortcuts:
            self.install_shortcuts(self)

    def install_shortcuts(self, scope: QWidget) -> None:
        """Zoom in / out / fit keys, active while the focus is anywhere inside ``scope``."""
        bindings = (
            (
                [*QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")],
                self.zoom_in,
            ),
            (
                [*QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut), QKeySequence("Ctrl+-")],
                self.zoom_out,
            ),
            ([QKeySequence("Ctrl+0")], self.fit),
        )
        for keys, slot in bindings:
            # One shortcut per distinct key: two with the same key in one scope would both be ambiguous.
            for text in dict.fromkeys(k.toString() for k in keys if not k.isEmpty()):
                shortcut = QShortcut(QKeySequence(text), scope)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)

    def set_image(self, image: QImage | None) -> None:
        """Show ``image`` (None clears the view) at fit; regions are cleared."""
        self.set_regions([])
        self._pixmap.setPixmap(QPixmap() if image is None or image.isNull() else QPixmap.fromImage(image))
        self._scene.setSceneRect(self._pixmap.boundingRect())
        self.fit()

    def has_image(self) -> bool:
        return not self._pixmap.pixmap().isNull()

    def set_regions(self, regions: list[Region]) -> None:
        """Outline each (rect in image pixels, colour, label); the view scrolls to show the first."""
        for item in self._region_items:
            self._scene.removeItem(item)
        self._region_items = []
        for rect, color, label in regions:
            self._add_region(rect, color, label)
        if regions and not self._fit:
            self.ensureVisible(regions[0][0], 40, 40)

    def _add_region(self, rect: QRectF, color: QColor, label: str) -> None:
        pad = 6.0
        box = QGraphicsRectItem(rect.adjusted(-pad, -pad, pad, pad))
        pen = QPen(color, 3)
        pen.setCosmetic(True)
        box.setPen(pen)
        fill = QColor(color)
        fill.setAlpha(40)
        box.setBrush(QBrush(fill))
        self._scene.addItem(box)
        self._region_items.append(box)
        if label:
            text = QGraphicsSimpleTextItem(label)
            font = QFont()
            font.setPixelSize(13)
            font.setBold(True)
            text.setFont(font)
            text.setBrush(QBrush(color))
            # The label keeps its screen size whatever the zoom; it sits just above the box.
            text.setFlag(QGraphicsSimpleTextItem.GraphicsItemFlag.ItemIgnoresTransformations)
            text.setPos(rect.left() - pad, rect.top() - pad)
            text.setTransform(QTransform.fromTranslate(0, -text.boundingRect().height() - 2))
            self._scene.addItem(text)
            self._region_items.append(text)

    def regions(self) -> list[QRectF]:
        """The outlined rectangles now shown (for tests and screens that want to check)."""
        return [i.rect() for i in self._region_items if isinstance(i, QGraphicsRectItem)]

    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP)

    def fit(self) -> None:
        """Whole page in the window; stays fitted on resize until the user zooms."""
        self._fit = True
        if self.has_image():
            self.fitInView(self._pixmap, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.scale_factor())

    def _zoom_by(self, factor: float) -> None:
        if not self.has_image():
            return
        target = min(MAX_SCALE, max(MIN_SCALE, self.scale_factor() * factor))
        self._fit = False
        self.scale(target / self.scale_factor(), target / self.scale_factor())
        self.zoom_changed.emit(self.scale_factor())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._zoom_by(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._fit:
            self.fit()
