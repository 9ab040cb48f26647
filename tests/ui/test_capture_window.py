"""The demo station scans from the simulated feeder; pages appear and are labelled in Vietnamese."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.bootstrap import Station
from app.ui.main_window import MainWindow


def test_demo_scan_shows_pages_live_and_labels_them(qtbot, demo_station: Station, vietnamese: None) -> None:
    window = MainWindow(demo_station)
    qtbot.addWidget(window)
    view = window.capture_view
    qtbot.waitUntil(lambda: view.device_combo.count() > 0, timeout=10000)
    assert view.scan_button.text() == "&Quét"
    qtbot.mouseClick(view.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.scan_button.isEnabled(), timeout=120000)
    labels = [view.pages.item(i).text() for i in range(view.pages.count())]
    assert len(labels) == 6
    assert sum("Tờ phân tách" in t for t in labels) == 2
    assert sum("Trang trắng" in t for t in labels) == 1
    assert {t.split("\n")[1] for t in labels if "Tài liệu" in t} == {"Tài liệu 1", "Tài liệu 2"}
    assert "6 trang, 2 tài liệu" in view.status.text()
    window.close()
