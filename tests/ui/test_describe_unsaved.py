"""Nothing typed on the describe screen is lost: valid edits are saved before moving on, invalid ones ask."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from shiboken6 import isValid

from app.bootstrap import Station
from app.core.models import DocumentState
from app.demo.station_setup import DEMO_PASSWORD
from app.ui import describe_data as data
from app.ui.describe_unsaved import DISCARD, STAY, UnsavedDialog
from app.ui.describe_view import DescribeView
from app.ui.main_window import MainWindow
from tests.ui.flows import describe_screen, processed_batch
from tests.ui.test_describe_view import editor, focused, press, typed

CTRL = Qt.KeyboardModifier.ControlModifier
BAD_ID = "00121901234"  # 11 digits
BAD_ID_LINE = "Số định danh cá nhân: Số định danh cá nhân phải gồm đúng 12 chữ số."


class Asked:
    """Stands in for the modal question: records what was asked and answers ``answer``."""

    def __init__(self, answer: str = STAY) -> None:
        self.answer = answer
        self.calls: list[tuple[str, list[str]]] = []

    def __call__(self, title: str, lines: list[str]) -> str:
        self.calls.append((title, lines))
        return self.answer


@pytest.fixture
def screen(qtbot, demo_station: Station, vietnamese: None) -> Iterator[DescribeView]:
    with describe_screen(qtbot, demo_station) as view:
        yield view


def type_into(qtbot, view: DescribeView, key: str, text: str) -> None:
    focused(qtbot, editor(view, key))
    press(qtbot, Qt.Key.Key_A, CTRL)
    typed(qtbot, text)


def document_ids(view: DescribeView) -> tuple[int, int]:
    first, second = (d.id for d in view.session.station.store.list_documents(view.batch_combo.currentData()))
    return first, second


def test_valid_edit_is_saved_when_moving_to_the_next_document(qtbot, screen: DescribeView) -> None:
    store = screen.session.station.store
    first, second = document_ids(screen)
    asked = screen.ask_unsaved = Asked()
    focused(qtbot, editor(screen, "so_ky_hieu"))
    assert not screen.is_dirty() and screen.can_leave()
    press(qtbot, Qt.Key.Key_PageDown, CTRL)  # no edits: it simply moves on
    qtbot.waitUntil(lambda: screen.loaded is not None and screen.loaded.document.id == second, timeout=5000)
    focused(qtbot, editor(screen, "so_ky_hieu"))
    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    qtbot.waitUntil(lambda: screen.loaded is not None and screen.loaded.document.id == first, timeout=5000)
    type_into(qtbot, screen, "so_ky_hieu", "119")
    assert screen.is_dirty()
    assert screen.status.text() == "Có thay đổi chưa lưu (Ctrl+S để lưu)."
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    qtbot.waitUntil(lambda: screen.loaded is not None and screen.loaded.document.id == second, timeout=5000)
    assert store.records.get_record(first).fields["so_ky_hieu"] == "119"
    assert store.get_document(first).state is DocumentState.DESCRIBED
    assert "đã nhập thông tin" in screen.documents.item(0).text()
    assert asked.calls == []
    assert not screen.is_dirty()


def test_invalid_edit_asks_and_staying_keeps_the_text_and_the_document(qtbot, screen: DescribeView) -> None:
    store = screen.session.station.store
    first, _second = document_ids(screen)
    before = store.records.get_record(first).fields.get("chu_the_so_dinh_danh", "")
    asked = screen.ask_unsaved = Asked(STAY)
    type_into(qtbot, screen, "chu_the_so_dinh_danh", BAD_ID)
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    qtbot.waitUntil(lambda: bool(asked.calls), timeout=3000)
    assert asked.calls == [("Tài liệu 1", [BAD_ID_LINE])]
    screen.session.runner.wait()
    qtbot.wait(50)  # nothing more may happen: no save, no move
    assert screen.loaded is not None and screen.loaded.document.id == first
    assert screen.documents.current_id() == first
    assert editor(screen, "chu_the_so_dinh_danh").text() == BAD_ID
    assert editor(screen, "chu_the_so_dinh_danh").hasFocus()
    assert screen.status.text() == "Chưa lưu: hãy kiểm tra Số định danh cá nhân."
    assert store.records.get_record(first).fields.get("chu_the_so_dinh_danh", "") == before
    assert store.get_document(first).state is DocumentState.DRAFT
    screen.documents.setCurrentRow(1)  # picking another document in the list asks too
    qtbot.waitUntil(lambda: len(asked.calls) == 2, timeout=3000)
    assert screen.documents.current_id() == first
    batch_id = screen.batch_combo.currentData()
    other = store.create_batch("Lô trống").id
    screen.session.changed("batches")  # another screen made a batch: the list refreshes, the typing stays
    qtbot.waitUntil(lambda: screen.batch_combo.findData(other) >= 0, timeout=5000)
    screen.session.runner.wait()
    qtbot.wait(50)
    assert editor(screen, "chu_the_so_dinh_danh").text() == BAD_ID
    index = screen.batch_combo.findData(other)
    screen.batch_combo.setCurrentIndex(index)  # picking another batch asks too
    screen.batch_combo.activated.emit(index)
    assert len(asked.calls) == 3
    assert screen.batch_combo.currentData() == batch_id and screen.documents.current_id() == first


def test_discarding_an_invalid_edit_moves_on_and_keeps_the_stored_value(qtbot, screen: DescribeView) -> None:
    store = screen.session.station.store
    first, second = document_ids(screen)
    before = editor(screen, "chu_the_so_dinh_danh").text()
    stored = store.records.get_record(first).fields.get("chu_the_so_dinh_danh", "")
    asked = screen.ask_unsaved = Asked(DISCARD)
    type_into(qtbot, screen, "chu_the_so_dinh_danh", BAD_ID)
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    qtbot.waitUntil(lambda: screen.loaded is not None and screen.loaded.document.id == second, timeout=5000)
    assert len(asked.calls) == 1
    assert store.records.get_record(first).fields.get("chu_the_so_dinh_danh", "") == stored
    focused(qtbot, screen.form.first_editor())
    press(qtbot, Qt.Key.Key_PageUp, CTRL)  # back: the form shows what is stored
    qtbot.waitUntil(lambda: screen.loaded is not None and screen.loaded.document.id == first, timeout=5000)
    assert editor(screen, "chu_the_so_dinh_danh").text() == before != BAD_ID
    assert len(asked.calls) == 1


@pytest.fixture
def window(qtbot, demo_station: Station, vietnamese: None) -> Iterator[MainWindow]:
    processed_batch(demo_station)
    main = MainWindow(demo_station)
    qtbot.addWidget(main)
    main.login_as(demo_station.store.accounts.login("canbo", DEMO_PASSWORD))
    main.show()
    main.show_screen("describe")
    view = main.screens["describe"]
    assert isinstance(view, DescribeView)
    qtbot.waitUntil(lambda: view.loaded is not None, timeout=10000)
    yield main
    main.close()


def test_leaving_the_screen_with_invalid_edits_asks_and_stays(qtbot, window: MainWindow) -> None:
    view = window.screens["describe"]
    assert isinstance(view, DescribeView)
    asked = view.ask_unsaved = Asked(STAY)
    window.show_screen("batches")  # no edits: no question
    assert window.current_screen() == "batches" and asked.calls == []
    window.show_screen("describe")
    type_into(qtbot, view, "chu_the_so_dinh_danh", BAD_ID)
    window.show_screen("batches")
    assert len(asked.calls) == 1
    assert window.current_screen() == "describe"
    assert window.stack.currentWidget() is view
    window.logout_action.trigger()  # logging out asks too and stays
    assert window.session.user is not None and len(asked.calls) == 2
    window.close()
    assert window.isVisible() and len(asked.calls) == 3
    assert editor(view, "chu_the_so_dinh_danh").text() == BAD_ID
    asked.answer = DISCARD
    window.show_screen("batches")
    assert window.current_screen() == "batches"
    window.show_screen("describe")  # the discarded text is gone
    assert editor(view, "chu_the_so_dinh_danh").text() != BAD_ID
    assert not view.is_dirty()


def test_leaving_the_screen_with_valid_edits_saves_them(qtbot, window: MainWindow) -> None:
    view = window.screens["describe"]
    assert isinstance(view, DescribeView) and view.loaded is not None
    document_id = view.loaded.document.id
    asked = view.ask_unsaved = Asked(STAY)
    type_into(qtbot, view, "so_ky_hieu", "120")
    window.show_screen("batches")
    assert window.current_screen() == "batches" and asked.calls == []
    records = window.station.store.records
    qtbot.waitUntil(lambda: records.get_record(document_id).fields.get("so_ky_hieu") == "120", timeout=5000)
    qtbot.waitUntil(lambda: not view.is_dirty(), timeout=5000)
    window.show_screen("describe")
    type_into(qtbot, view, "so_ky_hieu", "121")
    window.close()  # closing the station stores valid edits before it ends
    assert not window.isVisible()
    assert records.get_record(document_id).fields.get("so_ky_hieu") == "121"
    assert asked.calls == []


def test_the_question_is_in_vietnamese_and_enter_or_esc_stay(qtbot, vietnamese: None) -> None:
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        dialog = UnsavedDialog("Tài liệu 1", [BAD_ID_LINE])
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitExposed(dialog)
        assert dialog.text() == "Tài liệu 1 có thay đổi chưa được lưu."
        assert BAD_ID_LINE in dialog.informativeText()
        labels = [b.text() for b in (dialog.save_button, dialog.discard_button, dialog.stay_button)]
        assert labels == ["Lưu", "&Bỏ thay đổi", "Ở &lại"]
        assert not dialog.save_button.isEnabled()
        qtbot.keyClick(dialog, key)
        assert not dialog.isVisible()
        assert dialog.choice() == STAY
    dialog = UnsavedDialog("Tài liệu 1", [BAD_ID_LINE])
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.discard_button.click()
    assert dialog.choice() == DISCARD


def test_a_list_refresh_while_the_next_document_loads_leaves_the_form_under_the_cursor(
    qtbot, screen: DescribeView
) -> None:
    """Saving refreshes the document list; if that answer arrives before the next document's, the
    document is not read (and the form not rebuilt) a second time under the officer's cursor."""
    _, second = document_ids(screen)
    summaries = data.load_documents(screen.session.station, screen.batch_combo.currentData())
    screen.go(+1)  # reading the second document starts
    screen._on_documents(summaries)  # the list refresh answers first
    qtbot.waitUntil(lambda: screen.loaded is not None and screen.loaded.document.id == second, timeout=5000)
    field = editor(screen, "trich_yeu")
    focused(qtbot, field)
    screen.session.runner.wait()
    qtbot.wait(200)  # any late answer is delivered now
    assert isValid(field), "the form was built again after the officer started on it"
    assert field.hasFocus()
    screen.session.changed("documents")  # another screen changed the batch: same document, same cursor
    screen.session.runner.wait()
    qtbot.wait(200)
    assert isValid(field) and field.hasFocus()
