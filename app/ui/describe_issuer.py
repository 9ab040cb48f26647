"""The issuer block of the describe form: the issuer as printed, its catalogue entry and today's successor."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from app.core.textnorm import nfc
from app.ui.describe_form import ERROR_STYLE, LOW_STYLE

log = logging.getLogger(__name__)

REMATCH_DELAY_MS = 500


class IssuerBlock(QGroupBox):
    """The printed name is typed exactly as on the paper (never rewritten); the two catalogue lines
    below it are read-only and follow the edit (``rematch_requested`` after a short pause)."""

    rematch_requested = Signal(str)  # the printed text to match
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(4)
        label = QLabel(self.tr("Issuing body (as printed)"), self)
        label.setWordWrap(True)
        self.printed = QLineEdit(self)
        self.printed.setAccessibleName(self.tr("Issuing body (as printed)"))
        label.setBuddy(self.printed)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #c62828; font-size: 9pt;")
        self.message.hide()
        self.agency = self._read_only(self.tr("Catalogue entry"))
        self.successor = self._read_only(self.tr("Successor unit today"))
        grid.addWidget(label, 0, 0, 1, 2)
        grid.addWidget(self.printed, 1, 0, 1, 2)
        grid.addWidget(self.message, 2, 0, 1, 2)
        for row, (caption, value) in enumerate((self.agency, self.successor), start=3):
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
        self.low_confidence = False
        self._timer = QTimer(self, singleShot=True, interval=REMATCH_DELAY_MS)
        self._timer.timeout.connect(lambda: self.rematch_requested.emit(self.text()))
        self.printed.textEdited.connect(self._on_edited)

    def _read_only(self, caption: str) -> tuple[QLabel, QLabel]:
        title = QLabel(caption + ":", self)
        title.setStyleSheet("color: #5f6368;")
        value = QLabel(self)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setAccessibleName(caption)
        return title, value

    def text(self) -> str:
        return nfc(self.printed.text()).strip()

    def set_issuer(self, printed: str, agency: str, successor: str, low_confidence: bool) -> None:
        self._timer.stop()
        self.printed.setText(printed)
        self.low_confidence = low_confidence
        self.printed.setToolTip(self.tr("Low confidence, please check") if low_confidence else "")
        self.show_match(agency, successor)
        self.show_messages([])

    def show_match(self, agency: str, successor: str) -> None:
        none = self.tr("not found in the catalogue")
        unknown = self.tr("not known yet (ask the administrator to update the catalogue)")
        self.agency[1].setText(agency or (none if self.text() else "—"))
        self.successor[1].setText(successor or (unknown if agency else "—"))

    def show_messages(self, messages: list[str]) -> None:
        self.message.setText("\n".join(messages))
        self.message.setVisible(bool(messages))
        style = (LOW_STYLE if self.low_confidence else "") + (ERROR_STYLE if messages else "")
        self.printed.setStyleSheet(style)

    def _on_edited(self, _text: str) -> None:
        self.edited.emit()
        self._timer.start()
