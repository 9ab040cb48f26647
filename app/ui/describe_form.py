"""The describe form: one editor per field of the document type's schema, with messages under each."""

from __future__ import annotations

import logging
import re
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from app.core.doctypes import DocType, FieldSpec
from app.core.textnorm import nfc
from app.ui.app import current_language

log = logging.getLogger(__name__)

LOW_CONFIDENCE = 0.85
LOW_STYLE = "background-color: #fff4d6;"
ERROR_STYLE = "border: 1px solid #c62828; border-radius: 3px; padding: 2px;"
DATE_TYPES = frozenset({"date"})
_DMY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def to_iso(text: str) -> str:
    """A date typed as dd/mm/yyyy (or d.m.yyyy, d-m-yyyy) as ISO; anything else unchanged."""
    match = _DMY.fullmatch(text.strip())
    if match is None:
        return text.strip()
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return text.strip()


def to_display(value: str) -> str:
    """An ISO date shown as dd/mm/yyyy; anything else unchanged."""
    match = _ISO.fullmatch(value.strip())
    return f"{match[3]}/{match[2]}/{match[1]}" if match else value


class FieldRow:
    """The label, the editor and the message line of one field."""

    def __init__(
        self, spec: FieldSpec, label: QLabel, editor: QLineEdit | QComboBox, message: QLabel
    ) -> None:
        self.spec, self.label, self.editor, self.message = spec, label, editor, message
        self.low_confidence = False

    def value(self) -> str:
        if isinstance(self.editor, QComboBox):
            data = self.editor.currentData()
            return nfc(str(data if data is not None else self.editor.currentText())).strip()
        text = nfc(self.editor.text()).strip()
        return to_iso(text) if self.spec.type in DATE_TYPES else text

    def set_value(self, value: str) -> None:
        if isinstance(self.editor, QComboBox):
            index = self.editor.findData(value)
            if index < 0 and value:  # a value read from the paper that is not a choice: keep it visible
                self.editor.addItem(value, value)
                index = self.editor.count() - 1
            self.editor.setCurrentIndex(max(index, 0))
        else:
            self.editor.setText(to_display(value) if self.spec.type in DATE_TYPES else value)
            self.editor.setCursorPosition(0)  # a long value shows its beginning

    def show_messages(self, messages: list[str]) -> None:
        self.message.setText("\n".join(messages))
        self.message.setVisible(bool(messages))
        style = (LOW_STYLE if self.low_confidence else "") + (ERROR_STYLE if messages else "")
        self.editor.setStyleSheet(style)


class DescribeForm(QWidget):
    """Editors generated from a ``DocType``; Enter moves on, Enter in the last field asks to save.

    The issuer field (type ``agency``) is not shown here: the screen's issuer block edits it.
    """

    field_focused = Signal(str)  # field key
    edited = Signal()
    submit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[str, FieldRow] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(1, 1)
        self.extra_editors: list[QWidget] = []  # editors before the generated ones (issuer) for Enter

    def build(self, doctype: DocType, values: dict[str, str], confidence: dict[str, float]) -> None:
        """Replace the editors with those of ``doctype``, filled from ``values``."""
        self._clear()
        english = current_language() == "en"
        for row_index, spec in enumerate(f for f in doctype.fields if f.type != "agency"):
            row = self._make_row(spec, english)
            self._grid.addWidget(row.label, 2 * row_index, 0, Qt.AlignmentFlag.AlignVCenter)
            self._grid.addWidget(row.editor, 2 * row_index, 1)
            self._grid.addWidget(row.message, 2 * row_index + 1, 1)
            row.set_value(values.get(spec.key, ""))
            score = confidence.get(spec.key)
            row.low_confidence = bool(values.get(spec.key)) and score is not None and score < LOW_CONFIDENCE
            if row.low_confidence:
                row.editor.setToolTip(self.tr("Low confidence, please check"))
            row.show_messages([])
            self.rows[spec.key] = row
            self._watch(row.editor, spec.key)
        self._grid.setRowStretch(2 * len(self.rows) + 1, 1)

    def _clear(self) -> None:
        for row in self.rows.values():
            for widget in (row.label, row.editor, row.message):
                widget.removeEventFilter(self)
                self._grid.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        self.rows = {}

    def _make_row(self, spec: FieldSpec, english: bool) -> FieldRow:
        text = spec.label_en if english else spec.label_vi
        label = QLabel(text + (" *" if spec.required else ""), self)
        editor = self._editor(spec)
        editor.setAccessibleName(text)
        label.setBuddy(editor)
        message = QLabel(self)
        message.setWordWrap(True)
        message.setStyleSheet("color: #c62828; font-size: 9pt;")
        message.setAccessibleName(self.tr("Problems with %1").replace("%1", text))
        return FieldRow(spec, label, editor, message)

    def _editor(self, spec: FieldSpec) -> QLineEdit | QComboBox:
        if spec.type in ("choice", "id_type"):
            combo = QComboBox(self)
            combo.addItem(self.tr("— not chosen —"), "")
            options = spec.choices or tuple(self.id_type_labels())
            labels = self.id_type_labels() if spec.type == "id_type" else self.choice_labels()
            for option in options:
                combo.addItem(labels.get(option, option), option)
            combo.currentIndexChanged.connect(lambda _i: self.edited.emit())
            return combo
        edit = QLineEdit(self)
        if spec.type in DATE_TYPES:
            edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        edit.textEdited.connect(lambda _t: self.edited.emit())
        return edit

    def id_type_labels(self) -> dict[str, str]:
        return {
            "CCCD": self.tr("Citizen ID card (CCCD)"),
            "CMND-9": self.tr("9-digit ID card (CMND)"),
            "CMND-12": self.tr("12-digit ID card (CMND)"),
            "passport": self.tr("Passport"),
            "none": self.tr("None"),
        }

    def choice_labels(self) -> dict[str, str]:
        """Choice values stored in Vietnamese (the sex fields' "Nam"/"Nữ"), shown in the UI language."""
        return {"Nam": self.tr("Male"), "Nữ": self.tr("Female")}

    def _watch(self, editor: QWidget, key: str) -> None:
        editor.setProperty("field_key", key)
        editor.installEventFilter(self)

    def watch_extra(self, editor: QWidget, key: str) -> None:
        """An editor outside the grid (the issuer) that takes part in focus outlining and Enter."""
        self.extra_editors.append(editor)
        self._watch(editor, key)

    def values(self) -> dict[str, str]:
        """Field values as stored: NFC, trimmed, dates ISO; empty ones left out."""
        return {key: value for key, row in self.rows.items() if (value := row.value())}

    def show_problems(self, problems: dict[str, list[str]]) -> None:
        for key, row in self.rows.items():
            row.show_messages(problems.get(key, []))

    def first_editor(self) -> QWidget | None:
        return next((row.editor for row in self.rows.values()), None)

    def focused_key(self) -> str | None:
        """The field whose editor has the keyboard focus, if any."""
        return next((key for key, row in self.rows.items() if row.editor.hasFocus()), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        key = watched.property("field_key") if isinstance(watched, QWidget) else None
        if key is None:
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.FocusIn:
            self.field_focused.emit(str(key))
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._on_key(watched, event)
        return super().eventFilter(watched, event)

    def _on_key(self, watched: QObject, event: QKeyEvent) -> bool:
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or not plain:
            return False
        if isinstance(watched, QComboBox) and watched.view().isVisible():
            return False  # Enter picks the item in an open list
        editors = [*self.extra_editors, *(row.editor for row in self.rows.values())]
        if editors and watched is editors[-1]:
            self.submit_requested.emit()
        elif watched in editors:
            editors[editors.index(watched) + 1].setFocus(Qt.FocusReason.TabFocusReason)
        return True
