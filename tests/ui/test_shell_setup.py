"""First run: the setup wizard saves the station's settings and its first administrator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from app.bootstrap import Station, build_station
from app.core.accounts import Role
from app.core.settings import settings_from_env
from app.ui.setup_wizard import SetupWizard


@pytest.fixture
def empty_station(fresh_data_dir: Path) -> Iterator[Station]:
    station = build_station(settings_from_env("station", fresh_data_dir))
    yield station
    station.close()


def test_setup_wizard_creates_the_settings_and_the_administrator(
    qtbot, empty_station: Station, vietnamese: None
) -> None:
    assert not empty_station.store.accounts.has_accounts()
    wizard = SetupWizard(empty_station)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.station_page
    qtbot.waitUntil(page.agency.loaded, timeout=10000)
    qtbot.keyClicks(page.code, "hn-bt-01")
    assert page.code.text() == "HN-BT-01"
    wizard.next()
    assert wizard.currentPage() is page
    assert page.error.text() == "Chọn đơn vị (xã/phường) của trạm trong danh mục cơ quan."
    qtbot.keyClicks(page.agency.search, "bat trang")  # no diacritics typed: still found
    assert page.agency.combo.currentText() == "Xã Bát Tràng"
    assert page.agency.combo.count() == 1  # only the 2025 unit, not the old commune
    wizard.next()
    assert wizard.currentPage() is wizard.central_page
    wizard.next()  # central repository left for later
    admin = wizard.admin_page
    qtbot.keyClicks(admin.login, "quantri")
    admin.full_name.setText("Lê Thị Hoa")  # keyClicks only types ASCII
    qtbot.keyClicks(admin.password, "mat-khau-dai")
    qtbot.keyClicks(admin.again, "mat-khau-khac")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert admin.error.text() == "Hai mật khẩu không khớp. Gõ cùng một mật khẩu hai lần."
    admin.again.clear()
    qtbot.keyClicks(admin.again, "mat-khau-dai")
    with qtbot.waitSignal(wizard.accepted, timeout=10000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    config = empty_station.store.config.get()
    assert (config.station_code, config.agency_key, config.central_url) == (
        "HN-BT-01",
        "h26.2025.bat-trang",
        "",
    )
    user = empty_station.store.accounts.login("quantri", "mat-khau-dai")
    assert user.full_name == "Lê Thị Hoa" and user.roles == frozenset({Role.ADMIN})


def test_setup_wizard_explains_a_bad_station_code_and_password(
    qtbot, empty_station: Station, vietnamese: None
) -> None:
    wizard = SetupWizard(empty_station)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.station_page
    qtbot.waitUntil(page.agency.loaded, timeout=10000)
    page.code.setText("trạm 1")
    page.agency.search.setText("Bát Tràng")
    wizard.next()
    assert wizard.currentPage() is page
    assert page.error.text().startswith("Mã trạm 2–20 ký tự")
    page.code.setText("HN-BT-01")
    wizard.next()
    wizard.central_page.url.setText("kho-du-lieu")
    wizard.next()
    assert wizard.central_page.error.text() == "Địa chỉ kho dữ liệu phải có dạng https://ten-may:cong"
    wizard.central_page.url.setText("https://kho.hanoi.gov.vn")
    wizard.next()
    admin = wizard.admin_page
    admin.login.setText("quantri")
    admin.full_name.setText("Lê Thị Hoa")
    admin.password.setText("ngan")
    admin.again.setText("ngan")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert admin.error.text() == "Mật khẩu phải có ít nhất 8 ký tự."
    assert not empty_station.store.accounts.has_accounts()
    wizard.reject()
