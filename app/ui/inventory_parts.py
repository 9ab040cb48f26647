"""Small builders for the inventory screen: an action with several shortcuts, and its text button."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton, QWidget

log = logging.getLogger(__name__)

TOOL_STYLE = "QToolButton { padding: 5px 12px; }"


def make_action(
    owner: QWidget, text: str, keys: list[str], slot: Callable[[], None], context: Qt.ShortcutContext
) -> QAction:
    """An action on ``owner`` triggered by any of ``keys`` (listed in its tooltip)."""
    action = QAction(text, owner)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setShortcutContext(context)
    shown = ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
    action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({shown})")
    action.triggered.connect(slot)
    owner.addAction(action)
    return action


def tool_button(action: QAction, accessible: str) -> QToolButton:
    """A text button showing ``action``; screen readers announce ``accessible``."""
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setStyleSheet(TOOL_STYLE)
    button.setAccessibleName(accessible)
    return button
