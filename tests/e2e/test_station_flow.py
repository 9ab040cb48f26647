"""The whole station through its main window, by keyboard: the officer scans and describes a batch and
submits it, the supervisor returns one document and approves the rest, the officer corrects and
resubmits, the supervisor approves; the real central repository on loopback confirms every approved
document, and the audit log shows every step and verifies."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt

from app.bootstrap import Station
from app.core.models import DocumentState, PageState
from app.core.outbox import OutboxState
from app.demo.central_demo import start_demo_central
from app.demo.station_setup import ensure_demo_station
from app.ui.audit_view import AuditView
from app.ui.batches_view import BatchesView
from app.ui.describe_view import DescribeView
from app.ui.main_window import MainWindow
from app.ui.review_view import ReviewView
from app.ui.sync_view import SyncView
from tests.e2e.flow_station import (
    CTRL,
    CTRL_SHIFT,
    WAIT_MS,
    activate,
    central_receipt,
    focus_on,
    focus_widget,
    log_in,
    open_screen,
    press,
    typed,
)
from tests.ui import conftest as ui_fixtures

demo_station = ui_fixtures.demo_station  # the GUI tests' demo station (set up, fast feeder)
vietnamese = ui_fixtures.vietnamese  # their Vietnamese translation

REASON = "Sai ngày đăng ký: bản giấy ghi 15/03/2019"
SCAN_MS = 90000


@pytest.fixture
def central(demo_station: Station) -> Iterator[tuple[str, str]]:
    """The real central service on 127.0.0.1, set as the station's repository before the window opens."""
    running, token = start_demo_central(demo_station.data_dir)
    ensure_demo_station(demo_station.store, demo_station.data_dir, running.url, token)
    yield running.url, token
    running.stop()


@pytest.fixture
def window(qtbot, demo_station: Station, central: tuple[str, str], vietnamese: None) -> Iterator[MainWindow]:
    window = MainWindow(demo_station)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()  # ends the sync thread before the service stops


def test_batch_goes_from_the_feeder_through_review_to_the_central_repository(
    qtbot, window: MainWindow, demo_station: Station, central: tuple[str, str]
) -> None:
    store = demo_station.store
    log_in(qtbot, window, "canbo")
    assert window.user_label.text() == "Nguyễn Thị Lan — Cán bộ số hóa"
    batch_id = scan_batch(qtbot, window, demo_station)
    first, second = (d.id for d in store.list_documents(batch_id))
    correct_pages(qtbot, window, demo_station, first, second)

    describe_both(qtbot, window, batch_id, first, second)
    submit_batch(qtbot, window, "Đã ký số và trình duyệt 2 tài liệu.")
    assert [store.get_document(i).state for i in (first, second)] == [DocumentState.SUBMITTED] * 2

    switch_user(qtbot, window, "lanhdao")
    assert window.user_label.text() == "Trần Văn Minh — Lãnh đạo duyệt"
    return_first_approve_second(qtbot, window, first, second)
    assert store.get_document(first).state is DocumentState.REJECTED
    assert store.get_document(second).state is DocumentState.APPROVED

    switch_user(qtbot, window, "canbo")
    correct_returned(qtbot, window, first)
    submit_batch(qtbot, window, "Đã ký số và trình duyệt 1 tài liệu.")
    assert store.get_document(first).state is DocumentState.SUBMITTED

    switch_user(qtbot, window, "lanhdao")
    approve_corrected(qtbot, window, first)
    assert store.get_document(first).state is DocumentState.APPROVED

    follow_sync(qtbot, window, demo_station, central, {first, second})
    check_audit(qtbot, window, first)


# --- the officer -------------------------------------------------------------------------------------
def correct_pages(qtbot, window: MainWindow, station: Station, first: int, second: int) -> None:
    """On the scan screen: move the paper outline of the first document's page in a little (Ctrl+K,
    then save). Reordering by keyboard is walked in tests/ui/test_capture_edits.py."""
    store, view = station.store, window.capture_view

    def edit(action: Callable[[], None]) -> None:
        problems: list[str] = []
        view.edits.failed.connect(problems.append)
        with qtbot.waitSignal(view.edits.done, timeout=SCAN_MS, check_params_cb=lambda *_: not problems):
            action()
            qtbot.waitUntil(lambda: bool(problems) or not view.edits.busy, timeout=SCAN_MS)
            assert not problems, problems

    page_id = store.get_document(first).page_ids[0]
    page = next(p for p in store.list_pages(view.batch_id or 0) if p.id == page_id)
    assert page.findings is not None and page.findings.page_quad is not None
    inward = ((1, 1), (-1, 1), (-1, -1), (1, -1))
    corners = zip(page.findings.page_quad, inward, strict=True)
    quad = tuple((round(x + 6 * dx, 1), round(y + 6 * dy, 1)) for (x, y), (dx, dy) in corners)
    assert view.pages.select_page(page_id)
    view.pages.setFocus()
    qtbot.keyClick(view.pages, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: view.preview.cropping, timeout=WAIT_MS)
    view.preview.crop.set_quad(quad)  # dragging the handles, as the test platform cannot drag
    edit(view.preview.finish_crop)  # what Enter does in the crop editor
    stored = next(p for p in store.list_pages(view.batch_id or 0) if p.id == page_id)
    assert stored.findings is not None and stored.findings.page_quad == quad


def scan_batch(qtbot, window: MainWindow, station: Station) -> int:
    """F5 on the scan screen; six pages arrive from the demo feeder and are labelled."""
    store, view = station.store, window.capture_view
    assert window.current_screen() == "capture"
    qtbot.waitUntil(lambda: view.device_combo.count() > 0, timeout=WAIT_MS)
    before = {b.id for b in store.list_batches()}
    focus_on(qtbot, view.device_combo)
    press(qtbot, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: view.pages.count() == 6, timeout=SCAN_MS)
    (batch_id,) = {b.id for b in store.list_batches()} - before
    qtbot.waitUntil(lambda: view.scan_button.isEnabled(), timeout=SCAN_MS)  # cleanup and OCR done

    def labelled() -> None:  # the strip is repainted from the store once the documents exist
        labels = [view.pages.item(i).text() for i in range(view.pages.count())]
        assert sum("Tờ phân tách" in t for t in labels) == 2, labels
        assert sum("Trang trắng" in t for t in labels) == 1, labels
        assert {t.split("\n")[1] for t in labels if "Tài liệu" in t} == {"Tài liệu 1", "Tài liệu 2"}, labels

    qtbot.waitUntil(labelled, timeout=WAIT_MS)
    content = [p for p in store.list_pages(batch_id) if p.state is PageState.CLEANED]
    content = [p for p in content if p.findings and not (p.findings.is_blank or p.findings.is_separator)]
    qtbot.waitUntil(lambda: all(store.read_ocr(p.id) is not None for p in content), timeout=SCAN_MS)
    # After OCR the scan screen describes the documents (records pre-filled) and builds their PDFs.
    documents = store.list_documents(batch_id)
    assert all(d.pdf_sha256 for d in documents)
    assert all(store.records.get_record(d.id).fields for d in documents)
    return batch_id


def describe_both(qtbot, window: MainWindow, batch_id: int, first: int, second: int) -> None:
    """Fill the birth certificate's empty fields by keyboard, save and go on; date the decision."""
    view = open_screen(qtbot, window, "describe")
    assert isinstance(view, DescribeView)
    qtbot.waitUntil(lambda: view.loaded is not None and view.loaded.document.id == first, timeout=WAIT_MS)
    assert view.batch_combo.currentData() == batch_id
    assert view.type_combo.currentText() == "Giấy khai sinh"
    assert view.form.rows["chu_the_ho_ten"].editor.text() == "Nguyễn Minh Khôi"
    focus_on(qtbot, view.form.rows["so_ky_hieu"].editor)
    for _ in range(5):  # Quyển số, Ngày đăng ký, Người ký, Họ và tên trẻ, Giới tính
        press(qtbot, Qt.Key.Key_Return)
    typed("Nam")
    press(qtbot, Qt.Key.Key_Return)  # Ngày sinh
    press(qtbot, Qt.Key.Key_Return)  # Loại giấy tờ tùy thân
    typed("Căn")
    press(qtbot, Qt.Key.Key_Return)  # Số định danh cá nhân
    press(qtbot, Qt.Key.Key_Return)  # Nơi sinh
    typed("Bệnh viện Đa khoa Gia Lâm")
    press(qtbot, Qt.Key.Key_Return)  # Họ và tên mẹ
    typed("Trần Thị Hạnh")
    press(qtbot, Qt.Key.Key_Return)  # Họ và tên cha
    typed("Nguyễn Văn Tùng")
    press(qtbot, Qt.Key.Key_Return, CTRL)  # save and open the next document
    qtbot.waitUntil(lambda: view.loaded is not None and view.loaded.document.id == second, timeout=WAIT_MS)
    assert "Tài liệu 1 · Giấy khai sinh\nđã nhập thông tin" in view.documents.item(0).text()
    assert view.type_combo.currentText() == "Quyết định"
    assert view.form.rows["trich_yeu"].editor.text().startswith("Về việc công nhận Trưởng thôn")
    focus_on(qtbot, view.form.rows["so_ky_hieu"].editor)
    for _ in range(5):  # Ngày ban hành, Người ký, Trích yếu, Người được cấp, Ngày sinh
        press(qtbot, Qt.Key.Key_Return)
    typed("12/08/1975")
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: view.status.text() == "Đã lưu tài liệu 2.", timeout=WAIT_MS)
    assert "đã nhập thông tin" in view.documents.item(1).text()
    records = window.station.store.records
    birth, decision = records.get_record(first).fields, records.get_record(second).fields
    assert (birth["chu_the_gioi_tinh"], birth["chu_the_loai_giay_to"]) == ("Nam", "CCCD")
    assert (birth["noi_sinh"], birth["cha_ho_ten"]) == ("Bệnh viện Đa khoa Gia Lâm", "Nguyễn Văn Tùng")
    assert decision["chu_the_ngay_sinh"] == "1975-08-12"


def submit_batch(qtbot, window: MainWindow, expected: str) -> None:
    """“Trình duyệt lô” (Ctrl+Shift+S) on the batches screen signs and submits what is described."""
    view = open_screen(qtbot, window, "batches")
    assert isinstance(view, BatchesView)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1 and view.submit_button.isEnabled(), timeout=WAIT_MS)
    assert view.submit_button.text() == "Trình duyệt lô (Ctrl+Shift+S)"
    press(qtbot, Qt.Key.Key_S, CTRL_SHIFT)
    qtbot.waitUntil(lambda: view.message.isVisible() and view.message.text() == expected, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.table.item(0, 2).text() == "Chờ duyệt", timeout=WAIT_MS)


def correct_returned(qtbot, window: MainWindow, first: int) -> None:
    """The returned document shows the supervisor's reason; the officer fixes the date and saves."""
    view = open_screen(qtbot, window, "describe")
    assert isinstance(view, DescribeView)
    qtbot.waitUntil(lambda: view.loaded is not None and view.loaded.document.id == first, timeout=WAIT_MS)
    assert view.banner.isVisible()
    assert view.banner.text() == f"Bị trả lại: {REASON}"
    assert "bị trả lại" in view.documents.item(0).text()
    focus_on(qtbot, view.form.rows["so_ky_hieu"].editor)
    press(qtbot, Qt.Key.Key_Return)  # Quyển số
    press(qtbot, Qt.Key.Key_Return)  # Ngày đăng ký
    assert focus_widget() is view.form.rows["ngay_ban_hanh"].editor
    press(qtbot, Qt.Key.Key_A, CTRL)
    typed("15/03/2019")
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: view.status.text() == "Đã lưu tài liệu 1.", timeout=WAIT_MS)
    assert "đã nhập thông tin" in view.documents.item(0).text()
    assert window.station.store.records.get_record(first).fields["ngay_ban_hanh"] == "2019-03-15"


# --- the supervisor ----------------------------------------------------------------------------------
def switch_user(qtbot, window: MainWindow, login: str) -> None:
    press(qtbot, Qt.Key.Key_L, CTRL_SHIFT)  # log out: the login dialog comes back
    assert window.session.user is None and window.nav_titles() == []
    log_in(qtbot, window, login)


def open_review(qtbot, window: MainWindow, doc_id: int, waiting: int) -> ReviewView:
    view = open_screen(qtbot, window, "review")
    assert isinstance(view, ReviewView)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.id == doc_id, timeout=WAIT_MS)
    assert view.waiting.text() == f"Còn {waiting} tài liệu chờ duyệt"
    focus_on(qtbot, view.doc_list)
    return view


def return_first_approve_second(qtbot, window: MainWindow, first: int, second: int) -> None:
    view = open_review(qtbot, window, first, waiting=2)
    assert view.panel.values["Họ và tên trẻ"] == "Nguyễn Minh Khôi"
    press(qtbot, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible(), timeout=WAIT_MS)
    dialog = view.dialog
    activate(qtbot, dialog)
    focus_on(qtbot, dialog.reason)
    typed(REASON)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.id == second, timeout=WAIT_MS)
    assert view.message.text() == "Tài liệu 1 — Giấy khai sinh: đã trả lại cho cán bộ."
    activate(qtbot, window)
    focus_on(qtbot, view.doc_list)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: view.waiting.text() == "Còn 0 tài liệu chờ duyệt", timeout=WAIT_MS)
    assert view.message.text() == "Tài liệu 2 — Quyết định: đã duyệt và ký số."


def approve_corrected(qtbot, window: MainWindow, first: int) -> None:
    view = open_review(qtbot, window, first, waiting=1)
    assert view.panel.values["Ngày đăng ký"] == "15/03/2019"
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: view.waiting.text() == "Còn 0 tài liệu chờ duyệt", timeout=WAIT_MS)
    assert view.message.text() == "Tài liệu 1 — Giấy khai sinh: đã duyệt và ký số."


def follow_sync(
    qtbot, window: MainWindow, station: Station, central: tuple[str, str], approved: set[int]
) -> None:
    """“Gửi dữ liệu”: F9 sends now; every approved document ends confirmed, here and at the central."""
    assert "Gửi dữ liệu" in window.nav_titles()
    view = open_screen(qtbot, window, "sync")
    assert isinstance(view, SyncView)
    press(qtbot, Qt.Key.Key_F9)
    outbox = station.store.outbox

    def confirmed() -> bool:
        items = outbox.list()
        return {i.document_id for i in items} == approved and all(
            i.state is OutboxState.CONFIRMED for i in items
        )

    qtbot.waitUntil(confirmed, timeout=30000)
    qtbot.waitUntil(
        lambda: (
            view.table.rowCount() == 2
            and all(view.table.item(r, 1).text() == "kho đã xác nhận" for r in range(2))
        ),
        timeout=WAIT_MS,
    )
    assert view.counts.text() == "kho đã xác nhận: 2"
    assert view.link.text() == "● Có kết nối: hồ sơ đang được gửi"
    url, token = central
    for item in outbox.list():
        receipt = central_receipt(url, token, item.idempotency_key)
        assert receipt is not None, "the central repository must hold every confirmed document"
        assert (receipt["sha256"], receipt["station"]) == (item.sha256, "DEMO-01")
        assert item.receipt is not None and receipt["server_id"] == item.receipt.server_id


def check_audit(qtbot, window: MainWindow, first: int) -> None:
    """The supervisor's audit screen: the chain verifies and every step of the flow is there."""
    view = open_screen(qtbot, window, "audit")
    assert isinstance(view, AuditView)
    qtbot.waitUntil(lambda: view.banner.text().startswith("Nhật ký toàn vẹn ("), timeout=WAIT_MS)
    model = view.model
    rows = [
        tuple(model.data(model.index(r, c)) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]
    assert view.banner.text() == f"Nhật ký toàn vẹn ({len(view.all_rows)} mục)"
    officer, supervisor = "Nguyễn Thị Lan (canbo)", "Trần Văn Minh (lanhdao)"

    def count(person: str, action: str) -> int:
        return sum(1 for r in rows if r[1] == person and r[2] == action)

    assert count(officer, "Đăng nhập") == 2 and count(supervisor, "Đăng nhập") == 2
    assert count(officer, "Nhập thông tin") == 3  # two documents, one corrected
    assert count(officer, "Trình duyệt") == 3
    assert count(supervisor, "Phê duyệt") == 2
    returned = [r for r in rows if r[1] == supervisor and r[2] == "Trả lại"]
    assert len(returned) == 1
    assert returned[0][3] == f"Tài liệu {first}"
    assert f"lý do: {REASON}" in returned[0][4]
