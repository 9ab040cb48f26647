"""Officer submits a processed batch; the supervisor returns one document by keyboard and approves the
rest; the batches table, the store, the outbox and the audit log all show it."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app import approval
from app.bootstrap import Station, build_station
from app.core.accounts import User
from app.core.models import DocumentState
from app.core.settings import settings_from_env
from app.demo.station_setup import DEMO_PASSWORD
from app.ui.session import SessionSignals, UiSession
from app.ui.tasks import TaskRunner
from tests.ui.flows import processed_batch


@cache
def _processed_template() -> Path:
    """One demo data folder with a processed batch per test run (OCR takes ~20 s); tests get copies."""
    folder = Path(tempfile.mkdtemp(prefix="sohoa-review-template-"))
    atexit.register(shutil.rmtree, folder, True)
    station = build_station(replace(settings_from_env("demo", folder), demo_pace_seconds=0.0))
    try:
        processed_batch(station, name="Lô tháng 3")
    finally:
        station.close()
    return folder


def processed_station(target: Path) -> Station:
    """A demo station in ``target`` holding the processed batch (id 1, two draft documents)."""
    shutil.copytree(_processed_template(), target, dirs_exist_ok=True)
    return build_station(replace(settings_from_env("demo", target), demo_pace_seconds=0.0))


def login(station: Station, name: str) -> User:
    return station.store.accounts.login(name, DEMO_PASSWORD)


def describe_and_submit(station: Station, officer: User, batch_id: int = 1) -> list[int]:
    """What the describe screen does: save the extracted record as the officer's, then sign and submit."""
    ids = []
    for doc in station.store.list_documents(batch_id):
        station.store.review.describe(officer, station.store.records.get_record(doc.id))
        approval.submit(station.store, officer, doc.id, None)
        ids.append(doc.id)
    return ids


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying Vietnamese characters (QTest.keyClicks only knows ASCII keys)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


@pytest.fixture
def station(fresh_data_dir: Path) -> Iterator[Station]:
    station = processed_station(fresh_data_dir)
    yield station
    station.close()


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.cancel_all()
    runner.wait()


def test_supervisor_returns_one_by_keyboard_and_approves_the_rest(
    qtbot, station: Station, runner: TaskRunner, vietnamese: None
) -> None:
    from app.ui.batches_view import BatchesView
    from app.ui.review_view import ReviewView

    officer, supervisor = login(station, "canbo"), login(station, "lanhdao")
    first, second = describe_and_submit(station, officer)
    signals = SessionSignals()  # one station, one signal hub, as in the main window
    home = BatchesView(UiSession(station, runner, officer, signals))
    qtbot.addWidget(home)
    qtbot.waitUntil(lambda: home.table.rowCount() == 1, timeout=5000)
    assert [home.table.horizontalHeaderItem(c).text() for c in range(3, 8)] == [
        "Chưa nhập",
        "Đã nhập",
        "Chờ duyệt",
        "Đã duyệt",
        "Bị trả lại",
    ]
    assert [home.table.item(0, c).text() for c in range(3, 9)] == ["0", "0", "2", "0", "0", "6"]
    assert home.table.item(0, 2).text() == "Chờ duyệt"

    view = ReviewView(UiSession(station, runner, supervisor, signals))
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.id == first, timeout=10000)
    assert view.panel.values["Họ và tên trẻ"] == "Nguyễn Minh Khôi"
    assert view.panel.values["Như in trên giấy"] == "UBND XÃ ĐA TỐN"
    assert view.pages.count() == 1 and view.pages.tabText(0) == "Trang 1"

    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    qtbot.keyClick(view.doc_list, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible(), timeout=2000)
    view.dialog.activateWindow()
    qtbot.waitUntil(view.dialog.isActiveWindow, timeout=2000)
    assert not view.dialog.return_button.isEnabled()
    type_text(view.dialog.reason, "Sai ngày sinh, đối chiếu lại bản giấy")
    assert view.dialog.reason.toPlainText() == "Sai ngày sinh, đối chiếu lại bản giấy"
    assert view.dialog.return_button.isEnabled()
    qtbot.keyClick(view.dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.id == second, timeout=10000)
    assert "trả lại" in view.message.text()
    assert view.pages.count() == 2

    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    qtbot.keyClick(view.doc_list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.waiting.text() == "Còn 0 tài liệu chờ duyệt", timeout=30000)
    assert "đã duyệt và ký số" in view.message.text()
    assert not view.approve_button.isEnabled() and not view.all_button.isEnabled()

    store = station.store
    assert store.get_document(first).state is DocumentState.REJECTED
    assert store.get_document(second).state is DocumentState.APPROVED
    assert store.review.review_of(officer, first)["reason"] == "Sai ngày sinh, đối chiếu lại bản giấy"
    assert [item.document_id for item in store.outbox.list()] == [second]
    qtbot.waitUntil(
        lambda: [home.table.item(0, c).text() for c in range(3, 8)] == ["0", "0", "0", "1", "1"], timeout=5000
    )
