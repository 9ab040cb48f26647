"""One way to make a keyboard shortcut (Qt's keyword form is not in the type stubs)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def shortcut(
    keys: QKeySequence | QKeySequence.StandardKey | str,
    parent: QWidget,
    slot: Callable[..., Any],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QShortcut:
    """A shortcut on ``parent`` that calls ``slot``; ``context`` says where the keys work."""
    made = QShortcut(keys if isinstance(keys, QKeySequence) else QKeySequence(keys), parent)
    made.setContext(context)
    made.activated.connect(slot)
    return made
