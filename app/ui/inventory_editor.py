"""Dialogs of the inventory screen: the row editor (agency as printed, catalogue unit, type, year,
count), the delete confirmation and the Excel file choosers."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from app.core.problems import texts
from app.core.progress import InventoryRow, inventory_row_problems
from app.core.textnorm import collapse_spaces, nfc
from app.ui.agency_picker import AgencyPicker
from app.ui.app import current_language
from app.ui.inventory_data import InventoryData, InventoryLine
from app.ui.inventory_table import number
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

# "UBND xã Đa Tốn" -> search the catalogue for "xã Đa Tốn"
COMMITTEE_PREFIX = re.compile(r"^\s*(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+", re.IGNORECASE)
MAX_COUNT = 10_000_000
TEMPLATE_NAME = "mau-kiem-ke.xlsx"


@dataclass(frozen=True)
class _Draft:
    """What the form holds, even when invalid (an InventoryRow refuses to exist then)."""

    agency_printed: str
    doc_type: str
    year: int
    count: int
    agency_key: str = ""
    successor_key: str = ""


class InventoryEditor(QDialog):
    """Checks the row with the core's rules before it closes; ``row()`` once accepted."""

    def __init__(
        self,
        runner: TaskRunner,
        data_dir: Path | None,
        data: InventoryData,
        editing: InventoryRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._data = data
        self._taken = data.taken()
        self._editing = editing
        self._search_touched = False
        self.setWindowTitle(self.tr("Edit inventory row") if editing else self.tr("New inventory row"))
        self._build(runner, data_dir, data.type_labels)
        if editing is not None:
            self._fill(editing)
        self.setMinimumWidth(560)

    def _build(self, runner: TaskRunner, data_dir: Path | None, type_labels: dict[str, str]) -> None:
        self.printed = QLineEdit()
        self.printed.setAccessibleName(self.tr("Agency as printed on the papers"))
        self.printed.setPlaceholderText(self.tr("e.g. UBND xã Đa Tốn"))
        self.printed.textEdited.connect(self._suggest_agency)
        self.picker = AgencyPicker(runner, data_dir, self)
        self.picker.show_old.setChecked(True)  # old papers were mostly issued by units dissolved in 2025
        self.picker.search.textEdited.connect(self._on_search_edited)
        self.picker.combo.setPlaceholderText(self.tr("Not matched yet: type above to search"))
        self.today_unit = QLabel()
        self.today_unit.setStyleSheet("color: #52606d;")
        self.today_unit.setAccessibleName(self.tr("The unit holding these records today"))
        self.picker.changed.connect(self._show_today_unit)
        self.doc_type = QComboBox()
        self.doc_type.setAccessibleName(self.tr("Result type"))
        for code, label in type_labels.items():
            self.doc_type.addItem(label, code)
        self.year = QSpinBox()
        self.year.setRange(1900, date.today().year)
        self.year.setValue(date.today().year)
        self.year.setAccessibleName(self.tr("Year of issue"))
        self.count = QSpinBox()
        self.count.setRange(0, MAX_COUNT)
        self.count.setGroupSeparatorShown(True)
        self.count.setAccessibleName(self.tr("Number of still-valid papers"))
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e;")
        self.problems.setAccessibleName(self.tr("Problems with the row"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Save"))
        save.setAccessibleName(self.tr("Save the row"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Close without saving"))
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Agency as &printed:"), self.printed)
        form.addRow(self.tr("Agency in the &catalogue:"), self.picker)
        form.addRow("", self.today_unit)
        form.addRow(self.tr("Result &type:"), self.doc_type)
        form.addRow(self.tr("&Year of issue:"), self.year)
        form.addRow(self.tr("&Number still valid:"), self.count)
        form.addRow(self.problems)
        form.addRow(self.buttons)

    def _fill(self, row: InventoryRow) -> None:
        self.printed.setText(row.agency_printed)
        self.picker.set_agency_key(row.agency_key)
        index = self.doc_type.findData(row.doc_type)
        if index < 0:  # a type no longer in the schemas: keep it rather than silently change it
            self.doc_type.addItem(row.doc_type, row.doc_type)
            index = self.doc_type.count() - 1
        self.doc_type.setCurrentIndex(index)
        self.year.setValue(row.year)
        self.count.setValue(row.count)
        self._search_touched = True  # the stored match stands; typing the name does not change it

    def _show_today_unit(self, key: str) -> None:
        unit = self._kept_successor() or self._data.today_units.get(key, "")
        if not key:
            self.today_unit.setText("")
        elif unit:
            name = self._data.names.get(unit, unit)
            self.today_unit.setText(self.tr("Records held today by: %1").replace("%1", name))
        else:
            self.today_unit.setText(self.tr("Today's unit is not in the catalogue yet."))

    def _on_search_edited(self, _text: str) -> None:
        self._search_touched = True

    def _suggest_agency(self, text: str) -> None:
        """Search the catalogue for what is being typed, until the person searches on their own."""
        if not self._search_touched:
            self.picker.search.setText(COMMITTEE_PREFIX.sub("", text).strip())

    def draft(self) -> _Draft:
        return _Draft(
            agency_printed=collapse_spaces(nfc(self.printed.text())),
            doc_type=str(self.doc_type.currentData() or ""),
            year=self.year.value(),
            count=self.count.value(),
            agency_key=self.picker.agency_key(),
            successor_key=self._kept_successor(),
        )

    def _kept_successor(self) -> str:
        """An edit keeps a stored successor only while the row stays matched to the same unit."""
        if self._editing is not None and self._editing.agency_key == self.picker.agency_key():
            return self._editing.successor_key
        return ""

    def check(self) -> list[str]:
        """Problems in the UI language (core rules, then a clash with another row); shown in the dialog."""
        draft = self.draft()
        problems = texts(inventory_row_problems(cast(InventoryRow, draft)), current_language())
        key = (draft.agency_printed, draft.doc_type, draft.year)
        old = self._editing
        mine = None if old is None else (old.agency_printed, old.doc_type, old.year)
        if not problems and key in self._taken and key != mine:
            problems.append(
                self.tr("There is already a row for this agency, type and year: edit that row instead.")
            )
        return problems

    def _on_save(self) -> None:
        problems = self.check()
        self.problems.setText("\n".join(problems))
        if not problems:
            self.accept()
        else:
            self.printed.setFocus()

    def row(self) -> InventoryRow:
        d = self.draft()
        return InventoryRow(d.agency_printed, d.doc_type, d.year, d.count, d.agency_key, d.successor_key)


class DeleteConfirmation(QMessageBox):
    """Asks before a row goes; Cancel is the default so that a second Enter does not delete."""

    def __init__(self, line: InventoryLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Delete inventory row"))
        self.setText(
            self.tr("Delete the row %1, %2, %3 (%4 papers)? The deletion is recorded in the audit log.")
            .replace("%1", line.row.agency_printed)
            .replace("%2", line.type_label)
            .replace("%3", str(line.row.year))
            .replace("%4", number(line.row.count))
        )
        self.delete_button = self.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        self.delete_button.setAccessibleName(self.tr("Delete the row"))
        cancel = self.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Keep the row"))
        self.setDefaultButton(cancel)
        self.setEscapeButton(cancel)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def confirmed(self) -> bool:
        return self.clickedButton() is self.delete_button


def ask_sheet_path(parent: QWidget, save: bool) -> str:
    """Where to save the empty template, or which filled sheet to import ("" when cancelled)."""
    sheets = QCoreApplication.translate("InventoryFiles", "Excel sheets (*.xlsx)")
    if save:
        title = QCoreApplication.translate("InventoryFiles", "Save the inventory template")
        path, _filter = QFileDialog.getSaveFileName(parent, title, str(Path.home() / TEMPLATE_NAME), sheets)
    else:
        title = QCoreApplication.translate("InventoryFiles", "Import the inventory sheet")
        path, _filter = QFileDialog.getOpenFileName(parent, title, str(Path.home()), sheets)
    return path
