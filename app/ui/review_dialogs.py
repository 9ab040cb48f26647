"""Dialogs of the review screen: the reason for returning a document, and confirming "approve all"."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.workflow import MIN_REASON_LENGTH, clean_reason
from app.ui.shortcuts import shortcut

log = logging.getLogger(__name__)


class RejectDialog(QDialog):
    """Asks why the document goes back; the officer sees this reason. Ctrl+Enter returns it."""

    def __init__(self, document_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Return to the officer"))
        self.setAccessibleName(self.tr("Return the document with a reason"))
        self.setMinimumWidth(480)
        heading = QLabel(self.tr("Return “%1” to the officer").replace("%1", document_title))
        heading.setStyleSheet("font-weight: 600;")
        heading.setWordWrap(True)
        prompt = QLabel(self.tr("&Reason (the officer will see it and correct the document):"))
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Reason for returning"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(96)
        prompt.setBuddy(self.reason)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #5f6368;")
        buttons = QDialogButtonBox()
        self.return_button = QPushButton(self.tr("Return (Ctrl+Enter)"))
        self.return_button.setAccessibleName(self.tr("Return the document"))
        self.return_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.addButton(self.return_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut(keys, self, self._try_accept)
        layout = QVBoxLayout(self)
        for widget in (heading, prompt, self.reason, self.hint, buttons):
            layout.addWidget(widget)
        self.reason.textChanged.connect(self._update)
        self._update()

    def reason_text(self) -> str:
        return clean_reason(self.reason.toPlainText())

    def _update(self) -> None:
        missing = MIN_REASON_LENGTH - len(self.reason_text())
        self.return_button.setEnabled(missing <= 0)
        if missing > 0:
            self.hint.setText(self.tr("Write at least %1 more characters.").replace("%1", str(missing)))
        else:
            self.hint.setText(self.tr("Press Ctrl+Enter to return the document."))

    def _try_accept(self) -> None:
        if self.return_button.isEnabled():
            self.accept()


def approve_all_box(count: int, parent: QWidget) -> QMessageBox:
    """The confirmation before approving (and signing) every document still waiting; shown with open()."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ReviewView", "Approve all remaining"))
    text = QCoreApplication.translate(
        "ReviewView", "Approve and sign the %1 documents still awaiting review in this batch?"
    )
    box.setText(text.replace("%1", str(count)))
    box.setInformativeText(
        QCoreApplication.translate(
            "ReviewView", "Approved documents are signed and queued for the central repository."
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(
        QCoreApplication.translate("ReviewView", "Approve all")
    )
    box.button(QMessageBox.StandardButton.No).setText(QCoreApplication.translate("ReviewView", "Cancel"))
    box.setWindowModality(Qt.WindowModality.WindowModal)
    return box
