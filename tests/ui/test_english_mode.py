"""English mode: the program's own words on the describe, inventory, review and sync screens are English
(field labels, validation messages, document types, states), while data stays as printed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from app.bootstrap import Station
from app.core.doctypes import load_doctypes
from app.core.errors import SyncAuthRequired
from app.core.outbox import OutboxItem, OutboxState
from app.core.progress import InventoryRow
from app.demo.station_setup import DEMO_PASSWORD
from app.sync_service import UpdateInfo
from app.ui import app as ui_app
from app.ui.capture_profile import ProfileBar
from app.ui.describe_view import DescribeView
from app.ui.inventory_view import InventoryView
from app.ui.review_data import load_detail, review_items
from app.ui.session import UiSession
from app.ui.sync_texts import last_error_text
from app.ui.tasks import TaskRunner
from app.ui.update_notice import ReleaseDialog
from tests.ui.flows import describe_screen, processed_batch, type_text
from tests.ui.test_inventory_view import _filled_sheet

WAIT = 15000
VIETNAMESE_LETTERS = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


@pytest.fixture
def english(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The UI in English (no translator installed; ``current_language()`` says "en")."""
    monkeypatch.setitem(ui_app._installed, "language", "en")
    assert ui_app.current_language() == "en"
    yield


def is_english(text: str) -> bool:
    return not VIETNAMESE_LETTERS & set(text.lower())


@pytest.fixture
def describe(qtbot, demo_station: Station, english: None) -> Iterator[DescribeView]:
    with describe_screen(qtbot, demo_station, WAIT) as screen:
        yield screen


def test_describe_screen_speaks_english(qtbot, describe: DescribeView) -> None:
    rows = describe.form.rows
    assert rows["chu_the_so_dinh_danh"].label.text() == "Personal number"
    assert rows["chu_the_ho_ten"].label.text() == "Child's full name *"
    first = describe.documents.item(0).text()
    assert first.startswith("Document 1 · Birth certificate\nnot described · ")
    editor = rows["chu_the_so_dinh_danh"].editor
    assert isinstance(editor, QLineEdit)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=3000)
    editor.selectAll()
    type_text(editor, "00121901234")
    message = rows["chu_the_so_dinh_danh"].message
    qtbot.waitUntil(message.isVisible, timeout=3000)
    assert message.text() == "The personal number must have exactly 12 digits."
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert describe.status.text() == "Not saved: check Personal number."
    assert QApplication.focusWidget() is editor


def test_describe_required_field_message_names_the_english_label(qtbot, describe: DescribeView) -> None:
    editor = describe.form.rows["chu_the_ho_ten"].editor
    assert isinstance(editor, QLineEdit)
    editor.clear()
    found = describe.validate()
    assert found["chu_the_ho_ten"] == ["Child's full name is required; fill it in."]
    assert describe.form.rows["chu_the_ho_ten"].message.text() == "Child's full name is required; fill it in."


def test_inventory_screen_shows_english_types_and_problems(
    qtbot, demo_station: Station, english: None
) -> None:
    boss = demo_station.store.accounts.login("lanhdao", DEMO_PASSWORD)
    demo_station.store.inventory.save(boss, [InventoryRow("UBND xã Đa Tốn", "khai_sinh", 2019, 40)])
    view = InventoryView(UiSession(demo_station, TaskRunner(), boss))
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=WAIT)
    row = [view.table.item(0, c).text() for c in range(view.table.columnCount())]
    assert "Birth certificate" in row and "Giấy khai sinh" not in row
    assert "UBND xã Đa Tốn" in row  # the agency as printed is data: kept as it is
    assert "Birth certificate: 40" in view.summary.text()
    view._open_editor(None)
    qtbot.waitUntil(lambda: view.editor is not None and view.editor.isVisible(), timeout=WAIT)
    editor = view.editor
    assert editor is not None
    assert editor.doc_type.findText("Birth certificate") >= 0
    assert editor.check()[0] == "The issuing agency is missing (write it as printed on the paper)."
    editor.reject()
    view.session.runner.wait()


def test_review_detail_and_sync_errors_in_english(demo_station: Station, english: None) -> None:
    batch_id = processed_batch(demo_station)
    doctypes = load_doctypes()
    items = review_items(demo_station, batch_id, doctypes)
    assert items == []  # nothing submitted yet: the list is empty, never Vietnamese
    boss = demo_station.store.accounts.login("lanhdao", DEMO_PASSWORD)
    first = demo_station.store.list_documents(batch_id)[0]
    detail = load_detail(demo_station, boss, first.id, doctypes)
    assert detail.type_label == "Birth certificate"
    labels = [label for label, _value in detail.fields]
    assert "Personal number" in labels and all(is_english(label) for label in labels)
    item = OutboxItem(first.id, "key", OutboxState.FAILED, "0" * 64, 1, "a.pdf")
    lost = replace(item, last_error_code="lost_on_server", last_error_vi="Kho dữ liệu chưa ghi nhận hồ sơ.")
    assert last_error_text(lost) == "The repository has no record of the document; it will be sent again."
    refused = replace(
        item, last_error_code="sync_auth_required", last_error_vi="Kho dữ liệu không chấp nhận..."
    )
    assert last_error_text(refused) == SyncAuthRequired.message_en
    assert last_error_text(item) == ""


@pytest.mark.parametrize(
    ("language", "shown"), [("english", "Simulated scanner"), ("vietnamese", "Máy quét mô phỏng")]
)
def test_scan_screen_names_the_simulated_scanner_in_the_ui_language(
    qtbot, demo_station: Station, request: pytest.FixtureRequest, language: str, shown: str
) -> None:
    request.getfixturevalue(language)
    bar = ProfileBar(demo_station, TaskRunner())
    qtbot.addWidget(bar)
    listed: list[object] = []
    bar.load_devices(listed.append)
    qtbot.waitUntil(lambda: bool(listed), timeout=WAIT)
    assert bar.device_combo.itemText(0) == f"{shown} (simulated)"
    bar.runner.wait()


def test_sex_is_chosen_in_english_and_stored_in_vietnamese(qtbot, describe: DescribeView) -> None:
    combo = describe.form.rows["chu_the_gioi_tinh"].editor
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(1, combo.count())][:2] == ["Male", "Female"]
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=3000)
    type_text(combo, "Female")
    assert combo.currentText() == "Female"
    qtbot.keyClick(combo, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # the child's personal number says male: the check reads "Female" as the stored "Nữ"
    assert describe.status.text() == "Not saved: check Personal number."
    message = describe.form.rows["chu_the_so_dinh_danh"].message.text()
    assert message == "The 4th digit does not match the sex (even: male, odd: female)."
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=3000)
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentText() == "Male"
    qtbot.keyClick(combo, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: describe.status.text() == "Saved: document 1.", timeout=WAIT)
    fields = describe.session.station.store.records.get_record(describe.loaded.document.id).fields
    assert fields["chu_the_gioi_tinh"] == "Nam"


def test_inventory_import_problems_in_english(qtbot, demo_station: Station, english: None, tmp_path) -> None:
    boss = demo_station.store.accounts.login("lanhdao", DEMO_PASSWORD)
    view = InventoryView(UiSession(demo_station, TaskRunner(), boss))
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    bad = tmp_path / "loi.xlsx"
    bad.write_bytes(
        _filled_sheet([("UBND xã Đa Tốn", "", "Giấy khai sinh", 2019, -3), ("", "", "Sổ lạ", 2019, 5)])
    )
    view.pick_import_path = lambda: str(bad)
    view.import_file()
    qtbot.waitUntil(view.problems.isVisible, timeout=WAIT)
    assert view.problems.toPlainText().splitlines() == [
        "Row 4: the count “-3” must be a whole number, not negative",
        "Row 5: the result type “Sổ lạ” is not in the list",  # the type as written is data: kept
        "Row 5: the issuing agency is missing",
    ]
    assert view.status.text().startswith("The inventory sheet has errors; nothing was imported.")
    assert demo_station.store.inventory.rows() == []
    view.session.runner.wait()


def test_release_notes_in_english_when_published_else_vietnamese(qtbot, english: None) -> None:
    info = UpdateInfo("9.0.0", "https://phanmem.example.vn/a.exe", None, "Quét nhanh hơn.", "", "1.0.0")
    dialog = ReleaseDialog(replace(info, notes_en="Faster scanning."))
    qtbot.addWidget(dialog)
    assert dialog.notes.toPlainText() == "Faster scanning."
    older = ReleaseDialog(info)  # a release published without English notes
    qtbot.addWidget(older)
    assert older.notes.toPlainText() == "Quét nhanh hơn."
