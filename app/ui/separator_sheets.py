""" "Print separator sheets": choose a plain separator or a cover sheet for a document type, and a count."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.doctypes import DocType
from app.ui.app import current_language

log = logging.getLogger(__name__)


class SeparatorDialog(QDialog):
    """Asks what to print; ``choice()`` gives (doc_type or None, Vietnamese type label, count)."""

    def __init__(self, doctypes: dict[str, DocType], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print separator sheets"))
        self.plain = QRadioButton(self.tr("&Plain separator (only splits documents)"))
        self.cover = QRadioButton(self.tr("&Cover sheet for a document type"))
        self.plain.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.plain)
        group.addButton(self.cover)
        self.doc_type = QComboBox()
        self.doc_type.setAccessibleName(self.tr("Document type on the cover sheet"))
        self._doctypes = doctypes
        lang = current_language()
        for code, doctype in sorted(doctypes.items(), key=lambda kv: kv[1].label(lang)):
            self.doc_type.addItem(doctype.label(lang), code)
        self.doc_type.setEnabled(False)
        self.cover.toggled.connect(self.doc_type.setEnabled)
        self.count = QSpinBox()
        self.count.setRange(1, 100)
        self.count.setValue(5)
        self.count.setAccessibleName(self.tr("Number of sheets"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Save PDF..."))
        ok.setAccessibleName(self.tr("Save the sheets as a PDF to print"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Document &type:"), self.doc_type)
        form.addRow(self.tr("&Number of sheets:"), self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plain)
        layout.addWidget(self.cover)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choice(self) -> tuple[str | None, str, int]:
        if not self.cover.isChecked() or self.doc_type.currentData() is None:
            return None, "", self.count.value()
        code = str(self.doc_type.currentData())
        return code, self._doctypes[code].label_vi, self.count.value()  # printed on paper: Vietnamese

    def ask_path(self, batch_name: str) -> Path | None:
        """The save dialog; None when the user cancels."""
        suggested = str(Path.home() / f"to-phan-tach-{_slug(batch_name)}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save separator sheets"), suggested, self.tr("PDF files (*.pdf)")
        )
        return Path(path) if path else None


def _slug(name: str) -> str:
    kept = "".join(c if c.isalnum() else "-" for c in name.lower())
    return "-".join(part for part in kept.split("-") if part) or "lo"
