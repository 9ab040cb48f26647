"""Unsaved edits on the describe screen: knowing the form is dirty, saving or asking before it is left."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

log = logging.getLogger(__name__)

SAVE, DISCARD, STAY = "save", "discard", "stay"
Snapshot = tuple[str, dict[str, str]]  # the document type's code and the field values as stored
Problems = dict[str, list[str]]


class DescribeScreen(Protocol):
    """What the guard needs from the describe screen."""

    def snapshot(self) -> Snapshot | None: ...
    def validate(self) -> Problems: ...
    def store_form(self, after: Callable[[], None] | None) -> None: ...
    def revert(self) -> None: ...
    def explain(self, found: Problems) -> None: ...
    def ask_about(self, found: Problems) -> str: ...


class UnsavedGuard:
    """Compares the form with what was loaded or last saved; before the document or the screen is
    left, valid edits are saved (the Ctrl+S path) and invalid ones are the officer's call."""

    def __init__(self, screen: DescribeScreen) -> None:
        self.screen = screen
        self.baseline: Snapshot | None = None
        self.running = 0  # saves on their way to the store
        self.after: Callable[[], None] | None = None  # what to do once the running save is stored
        self.asking = False

    @property
    def saving(self) -> bool:
        return self.running > 0

    def started(self, after: Callable[[], None] | None) -> None:
        """A save went to the runner; ``after`` runs once it is stored (a move, the next document)."""
        self.running, self.after = self.running + 1, after or self.after

    def mark_clean(self, snapshot: Snapshot | None) -> None:
        self.baseline = snapshot

    def dirty(self) -> bool:
        """True when the form holds edits that are not stored (only for documents one may edit)."""
        now = self.screen.snapshot()
        return now is not None and self.baseline is not None and now != self.baseline

    def saved(self, snapshot: Snapshot | None) -> Callable[[], None] | None:
        """A save was stored: the form is clean up to ``snapshot`` (None: that document is no longer
        shown); returns what was waiting for the last running save."""
        self.running = max(self.running - 1, 0)
        if snapshot is None:
            self.after = None
            return None
        self.baseline = snapshot
        after = None if self.saving else self.after
        if after is not None:
            self.after = None
        return after

    def save_failed(self) -> None:
        self.running, self.after = max(self.running - 1, 0), None

    def settle(self, then: Callable[[], None]) -> bool:
        """Before another document is shown: True when ``then`` may run now. Valid edits are saved
        first and ``then`` runs once they are stored (False is returned)."""
        if not self.dirty():
            return True
        if self.saving:
            self.after = then  # runs when the running save is stored, and settles again if need be
            return False
        found = self.screen.validate()
        if found:
            return self._ask(found)
        self.screen.store_form(then)
        return False

    def can_leave(self) -> bool:
        """Before the screen goes (another screen, logout, closing): valid edits are saved in the
        background and the screen may go; invalid ones ask the officer."""
        if not self.dirty():
            return True
        found = self.screen.validate()
        if found:
            return self._ask(found)
        if self.saving:
            self.after = self._save_again
        else:
            self.screen.store_form(None)
        return True

    def _save_again(self) -> None:
        if self.dirty() and not self.screen.validate():
            self.screen.store_form(None)

    def _ask(self, found: Problems) -> bool:
        if self.asking:  # a timer fired inside the open question: it is being answered already
            return False
        self.asking = True
        try:
            choice = self.screen.ask_about(found)
        finally:
            self.asking = False
        if choice == DISCARD:
            self.screen.revert()
            return True
        self.screen.explain(found)
        return False


class UnsavedDialog(QMessageBox):
    """“Lưu / Bỏ thay đổi / Ở lại”: Save only when the values are valid (the problems are listed
    otherwise); Enter and Esc both stay, the safe choice."""

    def __init__(self, title: str, problems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Unsaved changes"))
        self.setAccessibleName(self.tr("Unsaved changes"))
        self.setText(self.tr("%1 has changes that are not saved.").replace("%1", title))
        lines = "\n".join(f"• {line}" for line in problems)
        detail = self.tr("They cannot be saved yet:") + "\n" + lines + "\n\n" if problems else ""
        self.setInformativeText(detail + self.tr("Stay to correct them, or discard the changes."))
        self.save_button = self._button(
            self.tr("Save"), self.tr("Save the changes"), QMessageBox.ButtonRole.AcceptRole
        )
        self.save_button.setEnabled(not problems)
        if problems:
            self.save_button.setToolTip(self.tr("Correct the fields listed above first"))
        self.discard_button = self._button(
            self.tr("&Discard changes"),
            self.tr("Discard the changes"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        self.stay_button = self._button(
            self.tr("S&tay"), self.tr("Stay on this document"), QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.stay_button)
        self.setEscapeButton(self.stay_button)

    def _button(self, text: str, name: str, role: QMessageBox.ButtonRole) -> QPushButton:
        button = self.addButton(text, role)
        button.setAccessibleName(name)
        return button

    def choice(self) -> str:
        clicked = self.clickedButton()
        if clicked is self.save_button:
            return SAVE
        return DISCARD if clicked is self.discard_button else STAY


def ask_with_dialog(parent: QWidget, title: str, problems: list[str]) -> str:
    """Show the question (modal) and return SAVE, DISCARD or STAY."""
    dialog = UnsavedDialog(title, problems, parent)
    dialog.exec()
    return dialog.choice()
