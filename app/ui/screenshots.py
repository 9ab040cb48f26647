"""Render each main screen of the demo station offscreen at 1280×800 into PNG files (``make screenshots``).

``python -m app.ui.screenshots --out docs/screenshots`` builds a demo station in a temporary data
folder, scans and processes demo batches, logs in as the user who works on each screen, waits until
the screen has loaded its data, and saves ``<key>.png``. Screens not built yet are skipped with a note.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

from app.approval import approve, submit
from app.bootstrap import Station, build_station
from app.core.doctypes import load_doctypes
from app.core.outbox import OutboxState
from app.core.progress import InventoryRow
from app.core.settings import settings_from_env
from app.demo.central_demo import start_demo_central
from app.demo.station_setup import DEMO_PASSWORD, ensure_demo_station
from app.processing import process_demo_batch
from app.ui.app import install_translator
from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SIZE = (1280, 800)
# screen key -> the demo account that works on it
SHOTS = (  # the scan screen last: its scan makes the newest batch, which the other screens would open
    ("describe", "canbo"),
    ("batches", "canbo"),
    ("review", "lanhdao"),
    ("sync", "canbo"),
    ("dashboard", "lanhdao"),
    ("inventory", "lanhdao"),
    ("audit", "lanhdao"),
    ("accounts", "quantri"),
    ("settings", "quantri"),
    ("capture", "canbo"),
)


def wait_idle(app: QApplication, timeout: float = 60.0, settle: float = 0.4) -> None:
    """Process events until no background task has run for ``settle`` seconds."""
    pool = QThreadPool.globalInstance()
    deadline = time.monotonic() + timeout
    quiet_since = time.monotonic()
    while time.monotonic() < deadline:
        app.processEvents()
        if pool.activeThreadCount() > 0:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= settle:
            return
        time.sleep(0.02)
    print("  (still busy after the timeout; saving anyway)")


def processed_batch(station: Station, name: str) -> list[int]:
    """Scan the demo feeder into a batch and process it like ``sohoa process``; the document ids."""
    return [d.id for d in process_demo_batch(station, name).documents]


def prepare_demo(station: Station) -> None:
    """One batch approved (queued for the demo repository), one sent for review, one to describe."""
    officer = station.store.accounts.login("canbo", DEMO_PASSWORD)
    supervisor = station.store.accounts.login("lanhdao", DEMO_PASSWORD)
    doctypes = load_doctypes()
    for name, approve_it in (("Hồ sơ hộ tịch tháng 1", True), ("Hồ sơ hộ tịch tháng 2", False)):
        for doc_id in processed_batch(station, name):
            record = station.store.records.get_record(doc_id)
            station.store.review.describe(officer, record)
            submit(station.store, officer, doc_id, None)
            if approve_it:
                approve(station.store, supervisor, doc_id, doctypes, None)
    processed_batch(station, "Hồ sơ khai sinh tháng 3")  # the newest: the describe screen opens it
    counts = (("khai_sinh", 2019, 40), ("quyet_dinh", 2021, 25), ("ket_hon", 2020, 18), ("khai_tu", 2018, 12))
    rows = [
        InventoryRow("UBND XÃ ĐA TỐN", doc_type, year, n, "h26.gia-lam.da-ton")
        for doc_type, year, n in counts
    ]
    station.store.inventory.save(supervisor, rows, "demo")


def seed_inventory(station: Station) -> None:
    """A few more counts for the inventory shot: wards merged in 2025 show the unit holding them now."""
    supervisor = station.store.accounts.login("lanhdao", DEMO_PASSWORD)
    rows = [
        InventoryRow("UBND phường Phúc Xá", "khai_sinh", 2016, 1250, "h26.ba-dinh.phuc-xa"),
        InventoryRow("UBND phường Trúc Bạch", "xac_nhan_hon_nhan", 2022, 310, "h26.ba-dinh.truc-bach"),
        InventoryRow("UBND xã Đa Tốn", "ho_kinh_doanh", 2023, 86),
    ]
    station.store.inventory.save(supervisor, rows, "demo")


def wait_sent(app: QApplication, station: Station, timeout: float = 60.0) -> None:
    """Let the window's sync send the approved documents to the demo repository."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        counts = station.store.outbox.counts()
        if sum(counts.values()) and counts[OutboxState.CONFIRMED] == sum(counts.values()):
            return
        time.sleep(0.1)


def scan_in_view(app: QApplication, window: MainWindow) -> None:
    """Scan the demo feeder on the scan screen so the shot shows pages, as an officer sees them."""
    view = window.capture_view
    wait_idle(app)
    if view.device_combo.count() and view.scan_button.isEnabled():
        view.scan_button.click()
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and not view.scan_button.isEnabled():
            app.processEvents()
            time.sleep(0.05)


def prepare_dashboard(station: Station) -> None:
    """Weeks of scanning history; the demo batches moved to earlier days; one document sent back today."""
    from app.demo.activity_history import add_scanning_history, age_demo_batches, rescan_one_page

    store, today = station.store, date.today()
    officer = store.accounts.login("canbo", DEMO_PASSWORD)
    scanner = station.scanners["simulated"]
    device = scanner.list_devices()[0].id
    add_scanning_history(store, scanner, device, officer, today)
    batches = {b.name: b.id for b in store.list_batches()}
    second = batches["Hồ sơ hộ tịch tháng 2"]
    age_demo_batches(
        store,
        officer,
        today,
        approved=batches["Hồ sơ hộ tịch tháng 1"],
        submitted=second,
        fresh=batches["Hồ sơ khai sinh tháng 3"],
    )
    rescan_one_page(store, scanner, device, officer, batches["Hồ sơ khai sinh tháng 3"])
    supervisor = store.accounts.login("lanhdao", DEMO_PASSWORD)
    store.review.reject(supervisor, store.list_documents(second)[0].id, "Trang 2 bị mờ, đề nghị quét lại.")


def shoot(app: QApplication, station: Station, key: str, login: str, out: Path) -> bool:
    if key == "dashboard":
        prepare_dashboard(station)
    window = MainWindow(station)
    try:
        window.resize(*SIZE)
        if key == "inventory":
            seed_inventory(station)  # after the dashboard's shot, which keeps its own figures
        window.login_as(station.store.accounts.login(login, DEMO_PASSWORD))
        if key not in window.screen_keys():
            print(f"- {key}: skipped (this screen is not built yet)")
            return False
        window.show_screen(key)
        window.show()
        if key == "capture":
            scan_in_view(app, window)
        if key == "sync":
            wait_sent(app, station)
            window.screens["sync"].refresh()  # type: ignore[attr-defined]
        wait_idle(app)
        _save(window, out / f"{key}.png")
        return True
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()


def shoot_dialog(app: QApplication, make: Callable[[], QWidget], path: Path) -> None:
    widget = make()
    widget.show()
    wait_idle(app)
    _save(widget, path)
    widget.close()
    widget.deleteLater()


def _save(widget: QWidget, path: Path) -> None:
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"- {path.stem}: {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the station's screens into PNG files.")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--only", nargs="*", help="screen keys to render (default: all)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translator(app, "vi")
    with tempfile.TemporaryDirectory(prefix="sohoa-shots-") as tmp:
        settings = replace(settings_from_env("demo", Path(tmp)), demo_pace_seconds=0.0)
        station = build_station(settings)
        central, token = start_demo_central(station.data_dir)
        ensure_demo_station(station.store, station.data_dir, central.url, token)
        try:
            wanted = [(key, login) for key, login in SHOTS if not args.only or key in args.only]
            if set(dict(wanted)) - {"accounts", "settings"}:
                print("Preparing the demo batches...")
                prepare_demo(station)
            for key, login in wanted:
                shoot(app, station, key, login, args.out)
            if not args.only or "login" in args.only:
                shoot_dialog(app, lambda: _login_dialog(station), args.out / "login.png")
        finally:
            QThreadPool.globalInstance().waitForDone(30000)
            central.stop()
            station.close()
    return 0


def _login_dialog(station: Station) -> QWidget:
    from app.ui.login_dialog import LoginDialog
    from app.ui.tasks import TaskRunner

    return LoginDialog(station, TaskRunner())


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    sys.exit(main())
