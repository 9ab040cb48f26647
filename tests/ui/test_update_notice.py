"""The station tells its user about a newer release published on the real central service."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from app import __version__
from app.bootstrap import Station
from app.central.config import CentralConfig
from app.central.manage import add_station, init_service, serve_in_thread
from app.central.releases import NewRelease, publish_release
from app.core.accounts import Role
from app.demo.station_setup import DEMO_PASSWORD
from app.ui.main_window import MainWindow
from app.ui.update_notice import UpdateNotice

DOWNLOAD = "https://phanmem.example.vn/tram/TramSoHoa-9.0.0-setup.exe"


@dataclass
class Repository:
    config: CentralConfig

    def publish(self, version: str, notes: str = "") -> None:
        publish_release(self.config.db_url, NewRelease(version, DOWNLOAD, None, notes))


@pytest.fixture
def repository(tmp_path: Path, demo_station: Station) -> Iterator[Repository]:
    """A real central service on loopback, set as the demo station's repository."""
    config = CentralConfig(data_dir=tmp_path / "central")
    init_service(config)
    token = add_station(config, "HN-DEMO-01", "Trạm thử")
    running = serve_in_thread(config)
    store = demo_station.store
    admin = next(u for u in store.accounts.list() if Role.ADMIN in u.roles)
    store.config.save(admin, store.config.get().with_changes(central_url=running.url, central_token=token))
    yield Repository(config)
    running.stop()


@pytest.fixture
def window(
    qtbot, demo_station: Station, vietnamese: None, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    monkeypatch.setattr(UpdateNotice, "START_DELAY_MS", 0)
    main = MainWindow(demo_station)
    qtbot.addWidget(main)
    yield main
    main.close()


def log_in(window: MainWindow, station: Station) -> None:
    window.login_as(station.store.accounts.login("canbo", DEMO_PASSWORD))


def test_newer_release_shows_a_notice_after_login(
    qtbot, window: MainWindow, demo_station: Station, repository: Repository
) -> None:
    repository.publish("9.0.0", "Quét hai mặt nhanh hơn.")
    window.show()
    log_in(window, demo_station)
    notice = window.updates
    qtbot.waitUntil(notice.banner.isVisible, timeout=10000)
    assert notice.notice_label.text() == (
        f"Có phiên bản mới 9.0.0 (đang dùng {__version__}). Hãy báo quản trị viên cài đặt bản cập nhật."
    )
    notice.details_button.click()
    dialog = notice.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.url_edit.text() == DOWNLOAD and dialog.url_edit.isReadOnly()
    assert dialog.notes.toPlainText() == "Quét hai mặt nhanh hơn."
    QGuiApplication.clipboard().clear()
    next(b for b in dialog.findChildren(type(notice.details_button)) if b.text() == "&Sao chép").click()
    assert QGuiApplication.clipboard().text() == DOWNLOAD
    dialog.reject()
    window.set_language("en")
    english = (
        f"New version 9.0.0 available (running {__version__}). Ask the administrator to install the update."
    )
    qtbot.waitUntil(lambda: notice.notice_label.text() == english, timeout=5000)
    assert window.menuBar().actions()[-1].text() == "&Help"


def test_menu_check_reports_up_to_date_when_versions_are_equal(
    qtbot, window: MainWindow, demo_station: Station, repository: Repository
) -> None:
    repository.publish(__version__)
    log_in(window, demo_station)
    help_menu = window.menuBar().actions()[-1]
    assert help_menu.text() == "Trợ &giúp"
    assert window.updates.check_action.text() == "Kiểm tra &cập nhật"
    window.updates.check_action.trigger()
    qtbot.waitUntil(lambda: window.updates.report is not None, timeout=10000)
    report = window.updates.report
    assert report.text() == f"Đang dùng bản mới nhất ({__version__})."
    assert report.icon() == QMessageBox.Icon.Information
    assert not window.updates.banner.isVisible()
    report.close()


def test_menu_check_without_a_repository_says_what_to_set(
    qtbot, window: MainWindow, demo_station: Station
) -> None:
    log_in(window, demo_station)
    window.updates.check_action.trigger()
    qtbot.waitUntil(lambda: window.updates.report is not None, timeout=10000)
    report = window.updates.report
    assert report.icon() == QMessageBox.Icon.Warning
    assert "Chưa cài địa chỉ kho dữ liệu" in report.text()
    assert window.updates.check_action.isEnabled()
    report.close()
