"""Shared GUI-test steps: a batch scanned from the demo feeder and processed like ``sohoa process``."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.bootstrap import Station
from app.demo.station_setup import DEMO_PASSWORD
from app.processing import process_demo_batch
from app.ui.describe_view import DescribeView
from app.ui.session import UiSession
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def processed_batch(station: Station, name: str = "Lô thử nghiệm", workers: int = 2) -> int:
    """Scan the demo feeder's pages into a new batch, then clean up, OCR, describe, save the records
    and build the PDFs exactly as ``app.cli._process_with`` does; returns the batch id.

    The demo feeder holds six pages (two separators, a blank): two documents, a birth certificate
    and a two-page decision, all in ``draft`` state with extracted records.
    """
    return process_demo_batch(station, name, workers).batch.id


@contextmanager
def describe_screen(qtbot, station: Station, timeout: int = 10000) -> Iterator[DescribeView]:
    """A processed demo batch open on the describe screen of officer ``canbo``, first document shown."""
    processed_batch(station)
    runner = TaskRunner()
    session = UiSession(station, runner)
    session.user = station.store.accounts.login("canbo", DEMO_PASSWORD)
    screen = DescribeView(session)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitUntil(lambda: screen.loaded is not None, timeout=timeout)
    yield screen
    runner.wait()


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as key presses, Vietnamese letters included (QTest.keyClicks only
    knows ASCII and aborts on "ă"); each character arrives as a key event carrying its text."""
    for char in text:
        key = Qt.Key(ord(char.upper())) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
        if char == " ":
            key = Qt.Key.Key_Space
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
