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
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

from app.approval import submit
from app.bootstrap import Station, build_station
from app.cli import save_records
from app.core.outputs import build_document_pdfs, describe_documents
from app.core.pipeline import capture, process_batch
from app.core.ports import ScanSettings
from app.core.settings import settings_from_env
from app.demo.station_setup import DEMO_PASSWORD
from app.ui.app import install_translator
from app.ui.main_window import MainWindow
from app.workers import assemble_document, describe, prepare_pdf_page

log = logging.getLogger(__name__)

SIZE = (1280, 800)
# screen key -> the demo account that works on it
SHOTS = (  # the scan screen last: its scan makes the newest batch, which the other screens would open
    ("describe", "canbo"),
    ("batches", "canbo"),
    ("review", "lanhdao"),
    ("sync", "canbo"),
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
    scanner = station.scanners["simulated"]
    device = scanner.list_devices()[0].id
    captured = capture(scanner, device, ScanSettings(), station.journal, batch_name=name)
    if captured.error is not None:
        raise captured.error
    with station.worker_pool(2) as pool:
        result = process_batch(
            station.journal, captured.batch.id, station.analyze_read_prepare, executor=pool
        )
    described = describe_documents(station.journal, result, describe)
    save_records(station, result, described)
    build_document_pdfs(station.journal, result, assemble_document, prepare_pdf_page, descriptions=described)
    return [d.id for d in result.documents]


def prepare_demo(station: Station) -> None:
    """One batch sent for review (signed by the officer), then one to describe."""
    officer = station.store.accounts.login("canbo", DEMO_PASSWORD)
    for doc_id in processed_batch(station, "Hồ sơ hộ tịch tháng 2"):
        record = station.store.records.get_record(doc_id)
        if record is not None:
            station.store.review.describe(officer, record)
            submit(station.store, officer, doc_id, None)
    processed_batch(station, "Hồ sơ khai sinh tháng 3")  # the newest: the describe screen opens it


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


def shoot(app: QApplication, station: Station, key: str, login: str, out: Path) -> bool:
    window = MainWindow(station)
    try:
        window.resize(*SIZE)
        window.login_as(station.store.accounts.login(login, DEMO_PASSWORD))
        if key not in window.screen_keys():
            print(f"- {key}: skipped (this screen is not built yet)")
            return False
        window.show_screen(key)
        window.show()
        if key == "capture":
            scan_in_view(app, window)
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
            station.close()
    return 0


def _login_dialog(station: Station) -> QWidget:
    from app.ui.login_dialog import LoginDialog
    from app.ui.tasks import TaskRunner

    return LoginDialog(station, TaskRunner())


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    sys.exit(main())
