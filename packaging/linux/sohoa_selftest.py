"""Checks run inside the frozen station (``sohoa-station --self-test ACTION``); each prints one JSON object.

Bundled only into the PyInstaller build (see packaging/sohoa.spec), for packaging/linux/installer_test.py:

- ``gui``: open the real main window (demo profile) on Qt's offscreen platform, then quit;
- ``ocr-info``: which Tesseract the station would use (library, CLI, models);
- ``fonts``: which font files PDFs, reports and signature boxes would use;
- ``stage``: make a data folder holding a processed demo batch with one document approved and queued
  for the central repository (the state an upgrade must keep);
- ``inspect``: what a data folder holds: batches, documents, the queue;
- ``schema`` / ``downgrade``: the database's schema revision; take it one migration back (to stand in
  for the data of a build one migration older).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="sohoa-station --self-test")
    parser.add_argument("action", choices=sorted(ACTIONS))
    parser.add_argument("--data-dir", type=Path, required=False)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    report = ACTIONS[args.action](args)
    print(json.dumps(report, ensure_ascii=False, default=str))
    return 0


def gui(args: argparse.Namespace) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLibraryInfo, QTimer
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import build_station
    from app.core.settings import settings_from_env
    from app.ui.app import install_translator
    from app.ui.main_window import MainWindow

    station = build_station(settings_from_env("demo", args.data_dir))
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    translator = install_translator(app, "vi")
    window = MainWindow(station)
    window.show()
    seen: dict[str, Any] = {}

    def look() -> None:  # while the event loop runs: the window is up and painted
        seen["visible"] = window.isVisible()
        image = window.grab().toImage()
        grid = [(x, y) for x in range(0, image.width(), 17) for y in range(0, image.height(), 13)]
        seen["colours"] = len({image.pixel(x, y) for x, y in grid})
        app.quit()

    QTimer.singleShot(500, look)
    app.exec()
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    report = {
        "platform": app.platformName(),
        "window_title": window.windowTitle(),
        "visible": seen.get("visible", False),
        "painted_colours": seen.get("colours", 0),
        "size": [window.width(), window.height()],
        "translator": translator is not None,
        "platform_plugins": sorted(p.name for p in plugins.glob("*.so")),
        "doctypes": _doctype_count(),
    }
    window.close()
    station.close()
    return report


def _doctype_count() -> int:
    from app.core.doctypes import load_doctypes

    return len(load_doctypes())


def ocr_info(_args: argparse.Namespace) -> dict[str, Any]:
    import pytesseract

    from app.ocr import backend

    engine = backend.engine_name()
    import tesserocr  # type: ignore[import-not-found,unused-ignore]

    return {
        "engine": engine,
        "tesserocr_module": tesserocr.__file__,
        "tesserocr_tesseract": tesserocr.tesseract_version().splitlines()[0],
        "tessdata": backend._tessdata_dir(),
        "tessdata_prefix": os.environ.get("TESSDATA_PREFIX", ""),
        "tesseract_cmd": pytesseract.pytesseract.tesseract_cmd,
        "tesseract_on_path": shutil.which("tesseract") or "",
        "cli_version": str(pytesseract.get_tesseract_version()),
        "cli_languages": sorted(pytesseract.get_languages()),
        "bundle": getattr(sys, "_MEIPASS", ""),
    }


def fonts(_args: argparse.Namespace) -> dict[str, Any]:
    """The font files reports, signature boxes and cover sheets would use."""
    from app.pdf.cover_sheets import FONT_FILES
    from app.pdf.sign_appearance import find_vietnamese_font
    from app.reports.pdf_report import find_fonts

    regular, bold = find_fonts()
    sheet = next((p for p in (Path(f.format(style="Regular", dstyle="", wstyle="")) for f in FONT_FILES)
                  if p.is_file()), None)  # fmt: skip
    return {
        "report": [str(regular), str(bold)],
        "signature": str(find_vietnamese_font()),
        "cover_sheet": str(sheet),
    }


def stage(args: argparse.Namespace) -> dict[str, Any]:
    from app.approval import approve, submit
    from app.bootstrap import build_station
    from app.core.doctypes import load_doctypes
    from app.core.settings import settings_from_env
    from app.processing import process_demo_batch

    station = build_station(settings_from_env("demo", args.data_dir))
    try:
        result = process_demo_batch(station, "Lô thử nâng cấp", workers=1)
        store = station.store
        users = {u.login: u for u in store.accounts.list()}
        document_id = result.documents[0].id
        store.review.describe(users["canbo"], store.records.get_record(document_id))
        submit(store, users["canbo"], document_id)
        approve(store, users["lanhdao"], document_id, load_doctypes())
    finally:
        station.close()
    return inspect(args)


def inspect(args: argparse.Namespace) -> dict[str, Any]:
    from app.store import open_store

    store = open_store(args.data_dir)
    try:
        batches = store.list_batches()
        documents = [d for b in batches for d in store.list_documents(b.id)]
        return {
            "batches": [{"id": b.id, "name": b.name, "state": str(b.state)} for b in batches],
            "documents": [{"id": d.id, "state": str(d.state), "pages": len(d.page_ids)} for d in documents],
            "outbox": [{"document": i.document_id, "state": str(i.state)} for i in store.outbox.list()],
        }
    finally:
        store.close()


def schema(args: argparse.Namespace) -> dict[str, Any]:
    """The database's schema revision and the newest this build knows (without opening the store)."""
    from app.store.db import make_engine
    from app.store.migrate import current_revisions, head_revisions

    engine = make_engine(args.data_dir / "station.db")
    try:
        with engine.connect() as conn:
            current = sorted(current_revisions(conn))
    finally:
        engine.dispose()
    return {"current": current, "heads": sorted(head_revisions())}


def downgrade(args: argparse.Namespace) -> dict[str, Any]:
    """Take the database one migration back: the schema a build one migration older left behind."""
    from alembic import command

    from app.store.db import make_engine, writer
    from app.store.migrate import alembic_config

    engine = make_engine(args.data_dir / "station.db")
    try:
        with writer(engine).begin() as conn:
            command.downgrade(alembic_config(conn), "-1")
    finally:
        engine.dispose()
    return schema(args)


ACTIONS = {
    "gui": gui,
    "ocr-info": ocr_info,
    "fonts": fonts,
    "stage": stage,
    "inspect": inspect,
    "schema": schema,
    "downgrade": downgrade,
}
