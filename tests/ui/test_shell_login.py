"""Logging in shows exactly the screens of the user's role; wrong passwords and logging out behave."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.bootstrap import Station
from app.demo.station_setup import DEMO_PASSWORD
from app.ui import app as qt_app
from app.ui.main_window import MainWindow

SCREENS_BY_LOGIN = {
    "canbo": ["Quét", "Nhập thông tin", "Lô hồ sơ", "Gửi dữ liệu"],
    "lanhdao": ["Lô hồ sơ", "Duyệt", "Gửi dữ liệu", "Tiến độ", "Kiểm kê", "Nhật ký"],
    "quantri": ["Gửi dữ liệu", "Nhật ký", "Tài khoản", "Cài đặt"],
}


def log_in(qtbot, window: MainWindow, login: str, password: str) -> None:
    dialog = window.ask_login()
    dialog.login_edit.setText(login)
    dialog.password_edit.setText(password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.login_button.isEnabled(), timeout=10000)


@pytest.mark.parametrize("login", sorted(SCREENS_BY_LOGIN))
def test_each_role_sees_exactly_its_screens(
    qtbot, demo_station: Station, vietnamese: None, login: str
) -> None:
    window = MainWindow(demo_station)
    qtbot.addWidget(window)
    log_in(qtbot, window, login, DEMO_PASSWORD)
    qtbot.waitUntil(lambda: window.session.user is not None, timeout=10000)
    assert window.nav_titles() == SCREENS_BY_LOGIN[login]
    assert window.stack.currentWidget() is window.screens[window.screen_keys()[0]]
    expected_role = {"canbo": "Cán bộ số hóa", "lanhdao": "Lãnh đạo duyệt", "quantri": "Quản trị viên"}[login]
    assert window.user_label.text().endswith("— " + expected_role)
    window.close()


def test_demo_login_is_prefilled_with_a_hint(qtbot, demo_station: Station, vietnamese: None) -> None:
    window = MainWindow(demo_station)
    qtbot.addWidget(window)
    dialog = window.ask_login()
    assert dialog.login_edit.text() == "canbo"
    assert dialog.hint_label.text() == "Tài khoản thử: canbo / lanhdao / quantri, mật khẩu demo1234"
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    dialog.reject()
    window.close()


def test_wrong_password_is_refused_in_vietnamese(qtbot, demo_station: Station, vietnamese: None) -> None:
    window = MainWindow(demo_station)
    qtbot.addWidget(window)
    log_in(qtbot, window, "canbo", "sai-mat-khau")
    dialog = window.login_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.error_label.text() == "Sai tên đăng nhập hoặc mật khẩu. Kiểm tra lại rồi đăng nhập lại."
    assert window.session.user is None
    assert window.nav_titles() == []
    assert [e.action for e in demo_station.store.audit.entries()][-1] == "login_failed"
    dialog.reject()
    window.close()


def test_logout_returns_to_the_login_dialog(qtbot, demo_station: Station, vietnamese: None) -> None:
    window = MainWindow(demo_station)
    qtbot.addWidget(window)
    window.show()
    log_in(qtbot, window, "lanhdao", DEMO_PASSWORD)
    qtbot.waitUntil(lambda: window.session.user is not None, timeout=10000)
    assert window.user_label.text() == "Trần Văn Minh — Lãnh đạo duyệt"
    assert window.logout_action.shortcut().toString() == "Ctrl+Shift+L"
    window.logout_action.trigger()
    assert window.session.user is None
    assert window.nav_titles() == []
    assert window.user_label.text() == "Chưa đăng nhập"
    assert window.login_dialog is not None and window.login_dialog.isVisible()
    window.login_dialog.reject()
    window.close()


def test_ctrl_number_switches_screens(qtbot, demo_station: Station, vietnamese: None) -> None:
    window = MainWindow(demo_station)
    qtbot.addWidget(window)
    window.login_as(demo_station.store.accounts.login("quantri", DEMO_PASSWORD))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window.nav, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen() == "settings"
    assert window.stack.currentWidget() is window.screens["settings"]
    qtbot.keyClick(window.nav, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen() == "accounts"
    window.close()


def test_switching_to_english_retranslates_the_navigation(
    qtbot, demo_station: Station, vietnamese: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOHOA_LANG", raising=False)
    window = MainWindow(demo_station)
    qtbot.addWidget(window)
    window.login_as(demo_station.store.accounts.login("canbo", DEMO_PASSWORD))
    window.show_screen("batches")
    window.set_language("en")
    qtbot.waitUntil(lambda: window.nav_titles() == ["Scan", "Describe", "Batches", "Send data"], timeout=5000)
    assert window.current_screen() == "batches"
    assert window.user_label.text() == "Nguyễn Thị Lan — Digitisation officer"
    assert window.menuBar().actions()[0].text() == "&Station"
    assert window.capture_view.scan_button.text() == "&Scan"
    # The choice is kept for the next start on this station (unless SOHOA_LANG says otherwise).
    qtbot.waitUntil(lambda: qt_app.startup_language(demo_station) == "en", timeout=5000)
    window.close()
