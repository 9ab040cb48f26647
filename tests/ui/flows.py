"""Shared GUI-test steps: a batch scanned from the demo feeder and processed like ``sohoa process``."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.bootstrap import Station
from app.cli import save_records
from app.core.outputs import build_document_pdfs, describe_documents
from app.core.pipeline import capture, process_batch
from app.core.ports import ScanSettings
from app.workers import assemble_document, describe, prepare_pdf_page

log = logging.getLogger(__name__)


def processed_batch(station: Station, name: str = "Lô thử nghiệm", workers: int = 2) -> int:
    """Scan the demo feeder's pages into a new batch, then clean up, OCR, describe, save the records
    and build the PDFs exactly as ``app.cli._process_with`` does; returns the batch id.

    The demo feeder holds six pages (two separators, a blank): two documents, a birth certificate
    and a two-page decision, all in ``draft`` state with extracted records.
    """
    scanner = station.scanners["simulated"]
    device = scanner.list_devices()[0].id
    captured = capture(scanner, device, ScanSettings(), station.journal, batch_name=name)
    if captured.error is not None:
        raise captured.error
    with station.worker_pool(workers) as pool:
        result = process_batch(
            station.journal, captured.batch.id, station.analyze_read_prepare, executor=pool
        )
    described = describe_documents(station.journal, result, describe)
    save_records(station, result, described)
    build_document_pdfs(station.journal, result, assemble_document, prepare_pdf_page, descriptions=described)
    return captured.batch.id


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as key presses, Vietnamese letters included (QTest.keyClicks only
    knows ASCII and aborts on "ă"); each character arrives as a key event carrying its text."""
    for char in text:
        key = Qt.Key(ord(char.upper())) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
        if char == " ":
            key = Qt.Key.Key_Space
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
