"""The dashboard shows progress against the inventory and the plan, per type and per officer."""

from __future__ import annotations

from datetime import date

from app.approval import approve, submit
from app.bootstrap import Station
from app.core.doctypes import load_doctypes
from app.core.progress import InventoryRow
from app.demo.station_setup import DEMO_PASSWORD
from app.ui.dashboard_view import DashboardView
from app.ui.session import UiSession
from app.ui.tasks import TaskRunner
from tests.ui.flows import processed_batch


def test_dashboard_shows_progress_and_officers(qtbot, demo_station: Station, vietnamese: None) -> None:
    store = demo_station.store
    officer = store.accounts.login("canbo", DEMO_PASSWORD)
    boss = store.accounts.login("lanhdao", DEMO_PASSWORD)
    batch_id = processed_batch(demo_station)
    first = store.list_documents(batch_id)[0].id
    store.review.describe(officer, store.records.get_record(first))
    submit(store, officer, first, None)
    approve(store, boss, first, load_doctypes(), None)
    year = date.today().year
    store.inventory.save(boss, [InventoryRow("UBND XÃ ĐA TỐN", "khai_sinh", 2019, 10, "h26.gia-lam.da-ton")])

    runner = TaskRunner()
    view = DashboardView(UiSession(demo_station, runner, boss))
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitUntil(lambda: "giấy tờ" in view.headline.text(), timeout=20000)
    assert "Đã số hóa 0/10 giấy tờ" in view.headline.text()  # approved, not yet confirmed by the repository
    assert f"đến cuối năm {year}" in view.headline.text()
    assert "chờ gửi: 1" in view.queue.text()
    assert [line.label for line in view.bars.lines] == ["Giấy khai sinh"]
    assert view.officers.rowCount() >= 1
    officers = {
        view.officers.item(r, 0).text(): view.officers.item(r, 1).text()
        for r in range(view.officers.rowCount())
    }
    assert any(count == "1" for count in officers.values()), officers
    runner.wait()
