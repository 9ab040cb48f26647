"""The scan screen's corrections, by keyboard, checked in the store: reorder, split/merge, trash, blanks,
crop outline and rotation."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt

from app.bootstrap import Station
from app.core.pipeline import capture, process_batch
from app.core.ports import ScanSettings
from app.ui.capture_view import CaptureView
from app.ui.session import UiSession
from app.ui.tasks import TaskRunner


@pytest.fixture
def view(qtbot, demo_station: Station, vietnamese: None) -> Iterator[CaptureView]:
    """The scan screen showing a batch scanned from the demo feeder (cleanup only, no OCR: fast)."""
    scanner = demo_station.scanners["simulated"]
    captured = capture(
        scanner, scanner.list_devices()[0].id, ScanSettings(), demo_station.journal, batch_name="Lô 1"
    )
    process_batch(
        demo_station.journal, captured.batch.id, demo_station.analyze
    )  # in this process: no pool start-up
    runner = TaskRunner()
    session = UiSession(demo_station, runner, demo_station.store.accounts.login("canbo", "demo1234"))
    screen = CaptureView(demo_station, runner, None, session)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    screen.activateWindow()
    screen.open_batch(captured.batch.id, "Lô 1")
    qtbot.waitUntil(lambda: screen.pages.count() == 6, timeout=10000)
    yield screen
    runner.wait()


def docs(view: CaptureView) -> list[list[int]]:
    assert view.batch_id is not None
    return [d.page_ids for d in view.station.store.list_documents(view.batch_id)]


def select(view: CaptureView, page_id: int) -> None:
    assert view.pages.select_page(page_id)
    view.pages.setFocus()


def edit(qtbot, view: CaptureView, action: Callable[[], None]) -> None:
    """Run a correction and wait until it is stored and the strip reloaded."""
    with qtbot.waitSignal(view.edits.done, timeout=20000):
        action()
    before = view.snapshot
    qtbot.waitUntil(lambda: view.snapshot is not before, timeout=10000)


def key(
    qtbot, view: CaptureView, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(view.pages, k, mods)


def test_reorder_two_pages_by_keyboard(qtbot, view: CaptureView) -> None:
    first, second = docs(view)[1]
    select(view, first)
    edit(qtbot, view, lambda: key(qtbot, view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier))
    assert docs(view)[1] == [second, first]
    assert "Đã đổi thứ tự trang" in view.status.text()
    shown = [view.pages.page_id(r) for r in range(view.pages.count())]
    assert shown.index(second) < shown.index(first)
    edit(qtbot, view, lambda: key(qtbot, view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier))
    assert docs(view)[1] == [first, second]


def test_split_then_merge(qtbot, view: CaptureView) -> None:
    first, second = docs(view)[1]
    select(view, second)
    edit(qtbot, view, lambda: key(qtbot, view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier))
    assert docs(view)[1:] == [[first], [second]]
    assert "Tài liệu 3" in view.pages.currentItem().text()
    select(view, first)
    edit(qtbot, view, lambda: key(qtbot, view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier))
    assert docs(view)[1:] == [[first, second]]


def test_trash_and_restore(qtbot, view: CaptureView) -> None:
    first, second = docs(view)[1]
    select(view, second)
    edit(qtbot, view, lambda: key(qtbot, view, Qt.Key.Key_Delete))
    assert docs(view)[1] == [first]
    assert view.trash_list.count() == 1
    assert "Thùng rác (1)" in view.trash.label.text().replace("&", "")
    edit(
        qtbot,
        view,
        lambda: key(
            qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        ),
    )
    assert docs(view)[1] == [first, second]
    assert view.trash_list.count() == 0


def test_blank_page_put_into_previous_document(qtbot, view: CaptureView) -> None:
    rows = [view.pages.item(r).text() for r in range(view.pages.count())]
    blank = view.pages.page_id(next(i for i, t in enumerate(rows) if "Trang trắng" in t))
    assert blank is not None
    before = docs(view)
    select(view, blank)
    edit(qtbot, view, lambda: key(qtbot, view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier))
    after = docs(view)
    assert sum(blank in d for d in after) == 1 and not any(blank in d for d in before)
    assert "Đã đưa trang vào tài liệu" in view.status.text()


def test_crop_outline_is_saved_in_findings(qtbot, view: CaptureView) -> None:
    page_id = docs(view)[0][0]
    select(view, page_id)
    key(qtbot, view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.preview.cropping, timeout=10000)
    quad = ((100.0, 120.0), (1500.0, 110.0), (1510.0, 2200.0), (90.0, 2210.0))
    view.preview.crop.set_quad(quad)
    assert view.preview.crop.quad() == quad
    edit(qtbot, view, view.preview.finish_crop)
    stored = next(p for p in view.station.store.list_pages(view.batch_id or 0) if p.id == page_id)
    assert stored.findings is not None and stored.findings.page_quad == quad
    assert view.station.store.get_document(stored.document_id or 0).pdf_sha256 is None


def test_rotate_right_then_left(qtbot, view: CaptureView) -> None:
    page_id = docs(view)[0][0]

    def orientation() -> int:
        page = next(p for p in view.station.store.list_pages(view.batch_id or 0) if p.id == page_id)
        assert page.findings is not None
        return page.findings.orientation

    start = orientation()
    select(view, page_id)
    edit(qtbot, view, lambda: key(qtbot, view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier))
    assert orientation() == (start - 90) % 360
    edit(qtbot, view, lambda: key(qtbot, view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier))
    assert orientation() == start
