"""The administrator's screens: lock an account, change the settings with a live code preview."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.bootstrap import Station
from app.core.accounts import LoginFailed
from app.demo.station_setup import DEMO_PASSWORD
from app.ui.main_window import MainWindow


def admin_window(qtbot, station: Station) -> MainWindow:
    window = MainWindow(station)
    qtbot.addWidget(window)
    window.login_as(station.store.accounts.login("quantri", DEMO_PASSWORD))
    return window


def test_admin_locks_an_account_and_it_can_no_longer_log_in(
    qtbot, demo_station: Station, vietnamese: None
) -> None:
    window = admin_window(qtbot, demo_station)
    view = window.screens["accounts"]
    qtbot.waitUntil(lambda: view.table.rowCount() == 3, timeout=10000)
    assert view.table.item(0, 2).text() == "Cán bộ số hóa"
    assert view.table.item(0, 4).text() == "Tệp khóa: canbo.p12"
    view.table.selectRow(0)
    assert view.toggle_button.text() == "&Khóa"
    qtbot.mouseClick(view.toggle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.table.item(0, 3).text() == "Đã khóa", timeout=10000)
    assert view.status.text() == "Đã khóa tài khoản canbo."
    with pytest.raises(LoginFailed):
        demo_station.store.accounts.login("canbo", DEMO_PASSWORD)
    window.close()


def test_settings_preview_the_code_and_save(qtbot, demo_station: Station, vietnamese: None) -> None:
    window = admin_window(qtbot, demo_station)
    view = window.screens["settings"]
    qtbot.waitUntil(lambda: view.station_code.text() == "DEMO-01", timeout=10000)
    qtbot.waitUntil(lambda: view.agency.combo.currentText() == "Xã Bát Tràng", timeout=10000)
    view.template.setText("{station}-{seq:04d}")
    assert view.preview.text() == "DEMO-01-0001"
    view.template.setText("{station}-{so}")
    assert view.preview.text().startswith("Mẫu mã không hợp lệ: thành phần không biết: {so}")
    view.template.setText("{station}/{year}/{seq:05d}")
    view.bandwidth.setValue(512)
    view.use_window.setChecked(True)
    assert view.retention.text() == "Giữ mãi"  # the default keeps every scan
    view.retention.setValue(365)
    assert view.retention.text() == "365 ngày sau khi kho xác nhận"
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.status.text() == "Đã lưu cài đặt.", timeout=10000)
    config = demo_station.store.config.get()
    assert (config.code_template, config.bandwidth_kbps, config.send_window, config.retention_days) == (
        "{station}/{year}/{seq:05d}",
        512,
        "18:00-07:00",
        365,
    )
    window.close()
