"""The reusable page view: zoom keys, fit, and outlined regions."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage

from app.ui.page_view import PageView


def test_page_view_zooms_with_keys_fits_again_and_outlines_regions(qtbot) -> None:
    view = PageView()
    qtbot.addWidget(view)
    view.resize(400, 500)
    image = QImage(1700, 2400, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    view.set_image(image)
    view.show()
    qtbot.waitExposed(view)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=3000)
    fitted = view.scale_factor()
    assert fitted < 0.25  # the whole page is visible in a 400×500 window
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.scale_factor() > fitted * 1.2
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.scale_factor() < fitted
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert abs(view.scale_factor() - fitted) < 1e-6
    view.set_regions([(QRectF(100, 200, 300, 40), QColor("orange"), "Số")])
    assert view.regions() == [QRectF(94, 194, 312, 52)]  # outlined with a little margin
    view.set_image(None)
    assert view.regions() == [] and not view.has_image()
