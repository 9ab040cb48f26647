"""The inventory screen: a supervisor adds, edits, deletes and imports counts by keyboard; all audited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.bootstrap import Station
from app.core.progress import InventoryRow
from app.demo.station_setup import DEMO_PASSWORD
from app.reports.inventory_sheet import inventory_template
from app.ui.inventory_data import type_labels
from app.ui.inventory_editor import InventoryEditor
from app.ui.inventory_view import InventoryView
from app.ui.main_window import MainWindow
from app.ui.session import UiSession
from app.ui.tasks import TaskRunner
from tests.ui.flows import type_text

WAIT = 15000
CTRL = Qt.KeyboardModifier.ControlModifier


def open_view(qtbot, station: Station, rows: list[InventoryRow] = ()) -> InventoryView:
    boss = station.store.accounts.login("lanhdao", DEMO_PASSWORD)
    if rows:
        station.store.inventory.save(boss, rows)
    view = InventoryView(UiSession(station, TaskRunner(), boss))
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    activate(qtbot, view)
    qtbot.waitUntil(lambda: "Đang tải" not in view.empty.text(), timeout=WAIT)
    return view


def activate(qtbot, widget: QWidget) -> None:
    """Give the window the keyboard (offscreen, closing a dialog does not give it back by itself)."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT)


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def wait_idle(qtbot, view: InventoryView) -> None:
    qtbot.waitUntil(lambda: not view.busy(), timeout=WAIT)
    view.session.runner.wait()
    qtbot.wait(50)  # the reload's result is delivered on the GUI thread


def shown_editor(qtbot, view: InventoryView) -> InventoryEditor:
    """The add/edit dialog once it has the keyboard."""
    qtbot.waitUntil(lambda: view.editor is not None and view.editor.isVisible(), timeout=WAIT)
    editor = view.editor
    assert editor is not None
    activate(qtbot, editor)
    return editor


def cells(view: InventoryView) -> list[list[str]]:
    table = view.table
    return [[table.item(r, c).text() for c in range(6)] for r in range(table.rowCount())]


def test_supervisor_adds_a_row_by_keyboard_and_it_is_audited(
    qtbot, demo_station: Station, vietnamese: None
) -> None:
    view = open_view(qtbot, demo_station)
    assert view.stack.currentWidget() is view.empty
    assert "Insert" in view.empty.text() and "Ctrl+I" in view.empty.text()
    qtbot.keyClick(focus(), Qt.Key.Key_Insert)
    editor = shown_editor(qtbot, view)
    qtbot.waitUntil(editor.picker.loaded, timeout=WAIT)
    assert focus() is editor.printed
    type_text(editor.printed, "UBND xã Đa Tốn")
    qtbot.waitUntil(lambda: editor.picker.agency_key() == "h26.gia-lam.da-ton", timeout=WAIT)
    editor.doc_type.setFocus()
    qtbot.keyClick(focus(), Qt.Key.Key_Home)  # the first type, then down to "Giấy khai sinh"
    while editor.doc_type.currentData() != "khai_sinh":
        qtbot.keyClick(focus(), Qt.Key.Key_Down)
    editor.year.setFocus()
    qtbot.keyClick(focus(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focus(), "2019")
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    qtbot.keyClick(focus(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focus(), "40")
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=WAIT)
    wait_idle(qtbot, view)

    rows = demo_station.store.inventory.rows()
    assert [(r.agency_printed, r.doc_type, r.year, r.count, r.agency_key) for r in rows] == [
        ("UBND xã Đa Tốn", "khai_sinh", 2019, 40, "h26.gia-lam.da-ton")
    ]
    entries = [e for e in demo_station.store.audit.entries() if e.action == "inventory_set"]
    assert [(e.actor, e.target, e.detail["to"]) for e in entries] == [
        ("lanhdao", "inventory:khai_sinh:2019", 40)
    ]
    assert cells(view) == [["UBND xã Đa Tốn", "Xã Đa Tốn", "chưa rõ", "Giấy khai sinh", "2019", "40"]]
    assert view.table.item(0, 6).text() == "Trần Văn Minh"
    assert view.table.item(0, 6).toolTip() == "Trần Văn Minh (lanhdao)"
    assert "Đã thêm" in view.status.text()
    assert "Tổng cộng: 40 giấy tờ" in view.summary.text() and "Giấy khai sinh: 40" in view.summary.text()


def test_edit_changes_the_count_and_delete_removes_the_row(
    qtbot, demo_station: Station, vietnamese: None
) -> None:
    rows = [
        InventoryRow("UBND phường Phúc Xá", "ket_hon", 2020, 18, "h26.ba-dinh.phuc-xa"),
        InventoryRow("UBND xã Đa Tốn", "khai_sinh", 2019, 40, "h26.gia-lam.da-ton"),
    ]
    view = open_view(qtbot, demo_station, rows)
    assert cells(view)[0][:3] == ["UBND phường Phúc Xá", "Phường Phúc Xá", "Phường Hồng Hà"]
    changed = []
    view.session.signals.data_changed.connect(changed.append)

    view.table.setFocus()
    view.table.selectRow(1)
    qtbot.keyClick(focus(), Qt.Key.Key_F2)
    editor = shown_editor(qtbot, view)
    assert editor.count.value() == 40
    editor.year.setFocus()
    qtbot.keyClick(focus(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focus(), "2017")  # the year was wrong too: the row moves, the old one goes
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    qtbot.keyClick(focus(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focus(), "1200")
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "1.218 giấy tờ" in view.summary.text(), timeout=WAIT)
    wait_idle(qtbot, view)
    counts = {(r.agency_printed, r.year): r.count for r in demo_station.store.inventory.rows()}
    assert counts == {("UBND phường Phúc Xá", 2020): 18, ("UBND xã Đa Tốn", 2017): 1200}
    assert cells(view)[1][5] == "1.200"
    assert "inventory" in changed

    activate(qtbot, view)
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(focus(), Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: view.confirm is not None and view.confirm.isVisible(), timeout=WAIT)
    activate(qtbot, view.confirm)
    assert "UBND phường Phúc Xá" in view.confirm.text()
    qtbot.keyClick(view.confirm, Qt.Key.Key_Escape)  # cancel: nothing deleted
    qtbot.waitUntil(lambda: view.confirm is None, timeout=WAIT)
    assert len(demo_station.store.inventory.rows()) == 2
    activate(qtbot, view)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: view.confirm is not None and view.confirm.isVisible(), timeout=WAIT)
    activate(qtbot, view.confirm)
    qtbot.keyClick(view.confirm, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # &Xóa
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=WAIT)
    wait_idle(qtbot, view)
    assert [r.agency_printed for r in demo_station.store.inventory.rows()] == ["UBND xã Đa Tốn"]
    assert any(e.action == "inventory_removed" for e in demo_station.store.audit.entries())


def test_an_invalid_row_shows_the_problem_and_saves_nothing(
    qtbot, demo_station: Station, vietnamese: None
) -> None:
    view = open_view(qtbot, demo_station, [InventoryRow("UBND xã Đa Tốn", "khai_sinh", 2019, 40)])
    qtbot.keyClick(focus(), Qt.Key.Key_N, CTRL)
    editor = shown_editor(qtbot, view)
    qtbot.keyClick(editor.printed, Qt.Key.Key_Return)  # no agency name
    assert "Thiếu tên cơ quan ban hành" in editor.problems.text()
    assert editor.isVisible()
    assert editor.year.maximum() == date.today().year  # a year in the future cannot be typed
    type_text(editor.printed, "UBND xã Đa Tốn")
    editor.doc_type.setCurrentIndex(editor.doc_type.findData("khai_sinh"))
    editor.year.setValue(2019)
    qtbot.keyClick(editor.printed, Qt.Key.Key_Return)  # the same agency, type and year again
    assert "Đã có dòng" in editor.problems.text()
    editor.printed.clear()
    type_text(editor.printed, "UBND phường Phúc Xá")  # a ward merged in 2025: the editor names its heir
    qtbot.waitUntil(lambda: editor.picker.agency_key() == "h26.ba-dinh.phuc-xa", timeout=WAIT)
    assert editor.today_unit.text() == "Đơn vị hiện nay: Phường Hồng Hà"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.editor is None, timeout=WAIT)
    view.session.runner.wait()
    assert [r.count for r in demo_station.store.inventory.rows()] == [40]
    assert len([e for e in demo_station.store.audit.entries() if e.action == "inventory_set"]) == 1


def test_import_of_the_template_changes_the_table(
    qtbot, demo_station: Station, vietnamese: None, tmp_path: Path
) -> None:
    view = open_view(qtbot, demo_station)
    template = tmp_path / "mau.xlsx"
    view.pick_template_path = lambda: str(template)
    qtbot.keyClick(focus(), Qt.Key.Key_T, CTRL)
    qtbot.waitUntil(lambda: "Đã lưu tệp mẫu" in view.status.text(), timeout=WAIT)
    assert template.read_bytes()[:2] == b"PK"

    filled = tmp_path / "kiem-ke.xlsx"
    filled.write_bytes(
        _filled_sheet(
            [
                ("UBND xã Đa Tốn", "h26.gia-lam.da-ton", "Giấy khai sinh", 2019, 40),
                ("UBND phường Phúc Xá", "", "Trích lục khai tử", 2018, 7),
            ]
        )
    )
    view.pick_import_path = lambda: str(filled)
    qtbot.keyClick(focus(), Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=WAIT)
    wait_idle(qtbot, view)
    assert "đọc 2 dòng, 2 dòng mới hoặc thay đổi" in view.status.text()
    assert {r.agency_printed: r.count for r in demo_station.store.inventory.rows()} == {
        "UBND xã Đa Tốn": 40,
        "UBND phường Phúc Xá": 7,
    }
    assert all(
        e.detail.get("source") == "kiem-ke.xlsx"
        for e in demo_station.store.audit.entries()
        if e.action == "inventory_set"
    )

    bad = tmp_path / "loi.xlsx"
    bad.write_bytes(_filled_sheet([("UBND xã Đa Tốn", "", "Giấy khai sinh", 2019, -3)]))
    view.pick_import_path = lambda: str(bad)
    qtbot.keyClick(focus(), Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: view.problems.isVisible(), timeout=WAIT)
    assert "Dòng 4" in view.problems.toPlainText() and "không âm" in view.problems.toPlainText()
    assert "chưa nhập dòng nào" in view.status.text()
    assert {r.count for r in demo_station.store.inventory.rows()} == {40, 7}


def _filled_sheet(rows: list[tuple[str, str, str, int, int]]) -> bytes:
    """The station's template with data rows written under the header, as a person would fill it."""
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(inventory_template(type_labels(), "Xã Đa Tốn")))
    sheet = book["Kiểm kê"]
    for i, (printed, key, kind, year, count) in enumerate(rows, start=4):
        for column, value in enumerate((printed, key, "", kind, year, count), start=1):
            sheet.cell(i, column, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_officer_does_not_see_the_screen(qtbot, demo_station: Station, vietnamese: None) -> None:
    window = MainWindow(demo_station)
    qtbot.addWidget(window)
    window.login_as(demo_station.store.accounts.login("canbo", DEMO_PASSWORD))
    assert "inventory" not in window.screen_keys()
    window.login_as(demo_station.store.accounts.login("lanhdao", DEMO_PASSWORD))
    keys = window.screen_keys()
    assert keys[keys.index("dashboard") + 1] == "inventory"
    assert "Kiểm kê" in window.nav_titles()
    window.show()
    activate(qtbot, window)
    window.show_screen("inventory")
    view = window.screens["inventory"]
    qtbot.waitUntil(lambda: "Insert" in view.empty.text(), timeout=WAIT)
    window.nav.setFocus()
    qtbot.keyClick(focus(), Qt.Key.Key_Insert)  # the shortcut works from the navigation too
    shown_editor(qtbot, view).reject()
    window.close()
