"""The dashboard shows progress against the inventory and the plan, the station's activity per day and
the work per officer; its filters change what it shows."""

from __future__ import annotations

from datetime import date

from app.approval import approve, submit
from app.bootstrap import Station
from app.core.accounts import Role
from app.core.doctypes import load_doctypes
from app.core.pipeline import capture
from app.core.ports import ScanSettings
from app.core.progress import InventoryRow
from app.core.records import DocumentRecord
from app.demo.station_setup import DEMO_PASSWORD
from app.processing import process_demo_batch
from app.ui.capture_scan import ScannedBy
from app.ui.dashboard_view import DashboardView
from app.ui.session import UiSession
from app.ui.tasks import TaskRunner

NAME, ROW_PAGES, ROW_SUBMITTED, ROW_RATE, ROW_APPROVED = 0, 1, 5, 6, 7


def _open(qtbot, station: Station, user) -> tuple[DashboardView, TaskRunner]:
    runner = TaskRunner()
    view = DashboardView(UiSession(station, runner, user))
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitUntil(lambda: "trang" in view.summary.text(), timeout=20000)
    return view, runner


def _choose(qtbot, view: DashboardView, combo, data: object, until) -> None:
    qtbot.waitUntil(lambda: combo.findData(data) >= 0, timeout=10000)
    combo.setCurrentIndex(combo.findData(data))
    qtbot.waitUntil(until, timeout=20000)


def _rows(view: DashboardView) -> dict[str, list[str]]:
    return {
        view.officers.item(r, NAME).text(): view.officers.row_texts(r)
        for r in range(view.officers.rowCount())
    }


def test_dashboard_shows_progress_and_officers(qtbot, demo_station: Station, vietnamese: None) -> None:
    store = demo_station.store
    officer = store.accounts.login("canbo", DEMO_PASSWORD)
    boss = store.accounts.login("lanhdao", DEMO_PASSWORD)
    admin = store.accounts.login("quantri", DEMO_PASSWORD)
    hung = store.accounts.create(admin, "canbo2", "Phạm Văn Hùng", DEMO_PASSWORD, frozenset({Role.OFFICER}))
    batch_id = process_demo_batch(demo_station, "Lô thử nghiệm", by=hung).batch.id  # Hùng scans ...
    first = store.list_documents(batch_id)[0].id  # ... and Lan describes
    store.review.describe(officer, store.records.get_record(first))
    submit(store, officer, first, None)
    approve(store, boss, first, load_doctypes(), None)
    year = date.today().year
    store.inventory.save(boss, [InventoryRow("UBND XÃ ĐA TỐN", "khai_sinh", 2019, 10, "h26.gia-lam.da-ton")])

    view, runner = _open(qtbot, demo_station, boss)
    qtbot.waitUntil(lambda: "giấy tờ" in view.headline.text(), timeout=20000)
    assert "Đã số hóa 0/10 giấy tờ" in view.headline.text()  # approved, not yet confirmed by the repository
    assert f"đến cuối năm {year}" in view.headline.text()
    assert "chờ gửi: 1" in view.queue.text()
    assert [line.label for line in view.bars.lines] == ["Giấy khai sinh"]
    rows = _rows(view)  # full names, not logins
    assert view.officers.horizontalHeaderItem(ROW_APPROVED).text() == f"Đã duyệt năm {year}"
    lan, hung_row = rows["Nguyễn Thị Lan"], rows["Phạm Văn Hùng"]
    assert (lan[ROW_PAGES], lan[ROW_SUBMITTED], lan[ROW_RATE], lan[ROW_APPROVED]) == ("0", "1", "0,0%", "1")
    assert (hung_row[ROW_PAGES], hung_row[ROW_APPROVED]) == ("6", "0")
    runner.wait()


def test_activity_charts_officer_figures_and_filters(qtbot, demo_station: Station, vietnamese: None) -> None:
    store = demo_station.store
    officer = store.accounts.login("canbo", DEMO_PASSWORD)
    boss = store.accounts.login("lanhdao", DEMO_PASSWORD)
    admin = store.accounts.login("quantri", DEMO_PASSWORD)
    store.accounts.create(admin, "canbo2", "Phạm Văn Hùng", DEMO_PASSWORD, frozenset({Role.OFFICER}))
    # six sheets from the demo feeder (no OCR: fast); a birth certificate and a two-page decision,
    # in a batch with no recorded scanner (as before migration 0008)
    feeder = demo_station.scanners["simulated"]
    device = feeder.list_devices()[0].id
    pages = capture(feeder, device, ScanSettings(), store, batch_name="Lô thử").pages
    birth, decision = store.set_documents(pages[0].batch_id, [[pages[1].id], [pages[3].id, pages[4].id]])
    for doc, doc_type in ((birth, "khai_sinh"), (decision, "quyet_dinh")):
        store.review.describe(officer, DocumentRecord(doc.id, doc_type=doc_type, fields={}))
        store.review.submit(officer, doc.id)
    store.review.reject(boss, birth.id, "Ảnh mờ, quét lại")
    store.review.approve(boss, decision.id)
    store.outbox.enqueue(decision.id, {}, "a" * 64, 10, "quyet_dinh.pdf")
    # canbo2 scans six more sheets on the scan screen's path: the batch records who scanned it
    capture(feeder, device, ScanSettings(), ScannedBy(demo_station, "canbo2"), batch_name="Lô của Hùng")
    today = date.today().strftime("%d/%m")

    view, runner = _open(qtbot, demo_station, boss)
    assert view.summary.text() == "30 ngày qua: đã quét 12 trang · 1 hồ sơ bị trả lại · hiện còn chờ gửi: 1"
    assert view.pages_chart.latest_text() == f"{today}: 12"
    assert view.rejections_chart.latest_text() == f"{today}: 1"
    assert view.backlog_chart.latest_text() == f"{today}: 1"
    assert len(view.pages_chart.days) == 30
    rows = _rows(view)
    lan, hung = rows["Nguyễn Thị Lan"], rows["Phạm Văn Hùng"]
    assert (lan[ROW_PAGES], lan[ROW_SUBMITTED], lan[ROW_RATE]) == ("6", "2", "50,0%")  # blanks too
    assert (hung[ROW_PAGES], hung[ROW_SUBMITTED], hung[ROW_RATE]) == ("6", "0", "—")

    _choose(qtbot, view, view.doc_type, "khai_sinh", lambda: "đã quét 1 trang" in view.summary.text())
    assert view.summary.text().endswith("1 hồ sơ bị trả lại · hiện còn chờ gửi: 0")
    assert list(_rows(view)) == ["Nguyễn Thị Lan"]
    lan = _rows(view)["Nguyễn Thị Lan"]
    assert (lan[ROW_PAGES], lan[ROW_SUBMITTED], lan[ROW_RATE]) == ("1", "1", "100,0%")

    _choose(qtbot, view, view.officer, "canbo2", lambda: view.no_officers.isVisible())
    assert "đã quét 0 trang" in view.summary.text()
    assert view.pages_chart.latest_text() == f"{today}: 0"
    assert "chọn khoảng thời gian dài hơn" in view.no_officers.text()
    assert view.officers.isHidden()

    _choose(qtbot, view, view.doc_type, None, lambda: view.officers.isVisible())
    assert list(_rows(view)) == ["Phạm Văn Hùng"] and "đã quét 6 trang" in view.summary.text()
    _choose(qtbot, view, view.period, 7, lambda: view.summary.text().startswith("7 ngày qua"))
    assert len(view.pages_chart.days) == 7
    runner.wait()
