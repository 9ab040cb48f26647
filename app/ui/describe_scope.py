"""The out-of-scope dialog: the officer picks why a paper is not digitised and may add a note."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.scope import ScopeFlag, ScopeFlagError, ScopeReason, label
from app.ui.app import current_language
from app.ui.nav import error_text

log = logging.getLogger(__name__)


class ScopeDialog(QDialog):
    """Returns a ``ScopeFlag`` via ``flag()`` once accepted; a note is required for "other"."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._who = who
        self._flag: ScopeFlag | None = None
        self.setWindowTitle(self.tr("Out of digitisation scope"))
        self.setAccessibleName(self.tr("Out of digitisation scope"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Why is this paper not digitised? It will be left out of the counts."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.reasons = QButtonGroup(self)
        self.buttons: dict[ScopeReason, QRadioButton] = {}
        lang = current_language()
        for number, reason in enumerate(ScopeReason, start=1):
            button = QRadioButton(f"&{number}  {label(reason, lang)}", self)
            button.setAccessibleName(label(reason, lang))
            self.reasons.addButton(button)
            self.buttons[reason] = button
            layout.addWidget(button)
        self.buttons[ScopeReason.COPY].setChecked(True)
        note_label = QLabel(self.tr("&Note (required for “Other reason”):"), self)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setFixedHeight(70)
        note_label.setBuddy(self.note)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mark out of scope"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.setMinimumWidth(460)

    def chosen(self) -> ScopeReason:
        return next(r for r, b in self.buttons.items() if b.isChecked())

    def accept(self) -> None:
        try:
            self._flag = ScopeFlag(self.chosen(), self.note.toPlainText(), self._who, datetime.now(UTC))
        except ScopeFlagError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            self.note.setFocus()
            return
        super().accept()

    def flag(self) -> ScopeFlag | None:
        return self._flag
