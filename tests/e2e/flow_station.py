"""Steps of the end-to-end station test: keyboard input, logging in, finishing a scanned batch, the
central repository's own answer about a document."""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from urllib.parse import quote

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.demo.station_setup import DEMO_PASSWORD
from app.ui.main_window import MainWindow
from tests.ui.flows import type_text

log = logging.getLogger(__name__)

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
WAIT_MS = 15000


def focus_widget() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "something must have the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    """A key pressed where the keyboard focus is, as the user would."""
    qtbot.keyClick(focus_widget(), key, modifier)


def typed(text: str) -> None:
    """Text (Vietnamese letters included) typed where the keyboard focus is."""
    type_text(focus_widget(), text)


def activate(qtbot, widget: QWidget) -> None:
    """Give ``widget``'s window the keyboard (offscreen windows are not activated by themselves)."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)


def focus_on(qtbot, widget: QWidget) -> None:
    """Put the keyboard focus in ``widget`` (where Tab or a click would bring it)."""
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=WAIT_MS)


def log_in(qtbot, window: MainWindow, login: str) -> None:
    """Answer the login dialog with the keyboard: login, Tab, password, Enter."""
    dialog = window.login_dialog or window.ask_login()
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    activate(qtbot, dialog)
    focus_on(qtbot, dialog.login_edit)
    press(qtbot, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focus_widget(), login)
    press(qtbot, Qt.Key.Key_Tab)
    assert focus_widget() is dialog.password_edit
    qtbot.keyClicks(focus_widget(), DEMO_PASSWORD)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.session.user is not None and window.session.user.login == login, timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    activate(qtbot, window)


def open_screen(qtbot, window: MainWindow, key: str) -> QWidget:
    """Ctrl+<number> of the screen's place in the navigation."""
    number = window.screen_keys().index(key) + 1
    press(qtbot, Qt.Key(Qt.Key.Key_0 + number), CTRL)
    assert window.current_screen() == key
    return window.screens[key]


def central_receipt(url: str, token: str, idempotency_key: str) -> dict[str, str] | None:
    """The central service's receipt for a document sent under ``idempotency_key`` (None: not there)."""
    request = urllib.request.Request(
        f"{url}/api/v1/documents/by-key/{quote(idempotency_key, safe='')}",
        headers={"Authorization": f"Bearer {token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            answer: dict[str, str] = json.loads(response.read())
            return answer
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return None
        raise
