"""The describe screen: pre-filled from extraction, filled and saved from the keyboard, validated, scoped."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from app.bootstrap import Station
from app.core.models import DocumentState
from app.core.scope import ScopeReason
from app.ui.describe_scope import ScopeDialog
from app.ui.describe_view import DescribeView
from tests.ui.flows import describe_screen, type_text


@pytest.fixture
def view(qtbot, demo_station: Station, vietnamese: None) -> Iterator[DescribeView]:
    with describe_screen(qtbot, demo_station) as screen:
        assert screen.batch_combo.currentData() == demo_station.store.list_batches()[-1].id
        yield screen


def editor(screen: DescribeView, key: str) -> QLineEdit:
    widget = screen.form.rows[key].editor
    assert isinstance(widget, QLineEdit)
    return widget


def focused(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: widget.hasFocus(), timeout=3000)


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "something must have the keyboard focus"
    qtbot.keyClick(widget, key, modifier)


def typed(qtbot, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    type_text(widget, text)


def test_form_is_prefilled_from_extraction_with_low_confidence_marked(qtbot, view: DescribeView) -> None:
    assert view.type_combo.currentText() == "Giấy khai sinh"
    assert editor(view, "so_ky_hieu").text() == "118"
    assert editor(view, "ngay_ban_hanh").text() == "14/03/2019"  # stored ISO, shown dd/mm/yyyy
    assert editor(view, "chu_the_ho_ten").text() == "Nguyễn Minh Khôi"
    assert view.issuer.printed.text() == "UBND XÃ ĐA TỐN"
    assert "Xã Đa Tốn" in view.issuer.agency[1].text()
    low = editor(view, "nguoi_ky")  # extraction was 0.8 sure of the signer
    assert low.toolTip() == "Độ tin cậy thấp, hãy kiểm tra"
    assert "background-color" in low.styleSheet()
    assert editor(view, "so_ky_hieu").toolTip() == ""
    focused(qtbot, editor(view, "chu_the_ho_ten"))
    assert len(view.pages.view.regions()) == 1  # the name's place on the page is outlined
    text = [view.documents.item(i).text() for i in range(view.documents.count())]
    assert text[0].startswith("Tài liệu 1 · Giấy khai sinh") and "chưa nhập thông tin" in text[0]


def test_officer_fills_the_form_with_the_keyboard_and_saves(qtbot, view: DescribeView) -> None:
    store = view.session.station.store
    document_id = view.loaded.document.id
    focused(qtbot, editor(view, "so_ky_hieu"))
    press(qtbot, Qt.Key.Key_Tab)  # Quyển số
    press(qtbot, Qt.Key.Key_Tab)  # Ngày đăng ký
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    typed(qtbot, "15/03/2019")
    for _ in range(3):  # Người ký, Họ và tên trẻ, Giới tính
        press(qtbot, Qt.Key.Key_Return)
    assert isinstance(QApplication.focusWidget(), QComboBox)
    typed(qtbot, "Nam")
    press(qtbot, Qt.Key.Key_Return)  # Ngày sinh
    press(qtbot, Qt.Key.Key_Return)  # Loại giấy tờ
    typed(qtbot, "Căn")
    for _ in range(2):  # Số định danh, Nơi sinh
        press(qtbot, Qt.Key.Key_Return)
    typed(qtbot, unicodedata.normalize("NFD", "Bệnh viện Đa khoa Gia Lâm"))
    press(qtbot, Qt.Key.Key_Tab)  # Họ và tên mẹ
    typed(qtbot, "Trần Thị Hạnh")
    press(qtbot, Qt.Key.Key_Tab)  # Họ và tên cha, the last field: Enter saves
    typed(qtbot, "Nguyễn Văn Tùng")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.status.text() == "Đã lưu tài liệu 1.", timeout=5000)
    assert store.get_document(document_id).state is DocumentState.DESCRIBED
    fields = store.records.get_record(document_id).fields
    assert fields["ngay_ban_hanh"] == "2019-03-15"
    assert fields["chu_the_gioi_tinh"] == "Nam"
    assert fields["chu_the_loai_giay_to"] == "CCCD"
    assert fields["noi_sinh"] == "Bệnh viện Đa khoa Gia Lâm"  # typed decomposed, stored NFC
    assert fields["cha_ho_ten"] == "Nguyễn Văn Tùng"
    assert fields["co_quan_ban_hanh"] == "UBND XÃ ĐA TỐN"
    assert "đã nhập thông tin" in view.documents.item(0).text()
    assert store.search("benh vien da khoa")  # the saved record is found without diacritics


def test_invalid_personal_number_is_explained_and_blocks_saving(qtbot, view: DescribeView) -> None:
    store = view.session.station.store
    document_id = view.loaded.document.id
    focused(qtbot, editor(view, "chu_the_so_dinh_danh"))
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    typed(qtbot, "00121901234")
    message = view.form.rows["chu_the_so_dinh_danh"].message
    qtbot.waitUntil(lambda: message.isVisible(), timeout=3000)
    assert message.text() == "Số định danh cá nhân phải gồm đúng 12 chữ số."
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.status.text() == "Chưa lưu: hãy kiểm tra Số định danh cá nhân."
    assert QApplication.focusWidget() is editor(view, "chu_the_so_dinh_danh")
    view.session.runner.wait()
    assert store.get_document(document_id).state is DocumentState.DRAFT


def test_out_of_scope_marking_with_a_reason_is_stored(qtbot, view: DescribeView) -> None:
    store = view.session.station.store
    document_id = view.loaded.document.id
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ScopeDialog):
            QTimer.singleShot(50, answer)  # not open yet
            return
        dialog.buttons[ScopeReason.OTHER].setChecked(True)
        dialog.accept()  # no note: refused, the dialog says why
        seen.append(dialog.error.text())
        dialog.note.setPlainText("Bản chụp, không có bản gốc")
        dialog.accept()

    focused(qtbot, editor(view, "so_ky_hieu"))
    QTimer.singleShot(0, answer)
    press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert seen == ["Chọn “Lý do khác” thì phải ghi rõ lý do."]
    qtbot.waitUntil(lambda: bool(store.records.get_record(document_id).scope_flags), timeout=5000)
    flag = store.records.get_record(document_id).scope_flags[0]
    assert (flag.reason, flag.note, flag.who) == (ScopeReason.OTHER, "Bản chụp, không có bản gốc", "canbo")
    assert not store.records.get_record(document_id).countable
    qtbot.waitUntil(lambda: view.scope_label.isVisible(), timeout=3000)
    assert view.scope_label.text() == "Ngoài phạm vi số hóa: Lý do khác — Bản chụp, không có bản gốc"


def test_next_document_shortcut_and_rejection_banner(qtbot, view: DescribeView) -> None:
    store, accounts = view.session.station.store, view.session.station.store.accounts
    officer, supervisor = view.session.user, accounts.login("lanhdao", "demo1234")
    second = view.documents.item(1).data(Qt.ItemDataRole.UserRole)
    store.review.describe(officer, store.records.get_record(second))
    store.review.submit(officer, second)
    store.review.reject(supervisor, second, "Sai trích yếu, sửa lại")
    assert not view.banner.isVisible()
    focused(qtbot, editor(view, "so_ky_hieu"))
    press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.loaded.document.id == second, timeout=5000)
    assert view.type_combo.currentText() == "Quyết định"
    assert view.banner.isVisible()
    assert view.banner.text() == "Bị trả lại: Sai trích yếu, sửa lại"
    assert view.pages.tabs.count() == 2 and view.pages.tabs.tabText(1) == "Trang 2"
