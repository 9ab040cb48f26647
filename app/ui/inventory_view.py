"""The inventory screen (supervisors): still-valid paper results per agency, type and year; Excel import."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.accounts import Action
from app.core.problems import texts
from app.core.progress import InventoryRow
from app.reports.inventory_sheet import InventoryImportError
from app.ui.app import current_language
from app.ui.inventory_data import (
    ImportResult,
    InventoryData,
    RowKey,
    import_sheet,
    load_inventory,
    remove_row,
    row_key,
    save_row,
    write_template,
)
from app.ui.inventory_editor import DeleteConfirmation, InventoryEditor, ask_sheet_path
from app.ui.inventory_parts import make_action, tool_button
from app.ui.inventory_table import InventoryTable, number
from app.ui.nav import error_text
from app.ui.session import UiSession

log = logging.getLogger(__name__)


class InventoryView(QWidget):
    """A table of the inventory with add, edit, delete, Excel import and the empty template.

    ``pick_import_path`` / ``pick_template_path`` ask for a file ("" when cancelled); tests replace them.
    """

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data = InventoryData([], {})
        self.editor: InventoryEditor | None = None
        self.confirm: DeleteConfirmation | None = None
        self.pick_import_path: Callable[[], str] = self._ask_import_path
        self.pick_template_path: Callable[[], str] = self._ask_template_path
        self._generation = 0
        self._busy = False
        self._keep: RowKey | None = None
        self._build()
        session.signals.data_changed.connect(self._on_data_changed)
        self.reload()

    # --- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(self.tr("Inventory of still-valid paper results"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        intro = QLabel(
            self.tr(
                "Count the papers still in force per issuing agency (as printed), result type and year."
                " Progress against the plan is measured against these counts."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #52606d;")
        self.table = InventoryTable()
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_actions)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("font-size: 12pt; color: #52606d; padding: 40px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName(self.tr("Inventory totals"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Result of the last action"))
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setMaximumHeight(130)
        self.problems.setAccessibleName(self.tr("Problems in the imported sheet"))
        self.problems.setStyleSheet("color: #b3261e;")
        self.problems.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(self._build_actions())
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addWidget(self.problems)
        self.empty.setText(self.tr("Loading the inventory…"))
        self._update_actions()

    def _build_actions(self) -> QHBoxLayout:
        window = Qt.ShortcutContext.WindowShortcut
        on_table = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.add_action = make_action(self, self.tr("&Add row…"), ["Ins", "Ctrl+N"], self.add_row, window)
        self.edit_action = make_action(
            self, self.tr("&Edit…"), ["Return", "Enter", "F2"], self.edit_selected, on_table
        )
        self.delete_action = make_action(self, self.tr("&Delete"), ["Del"], self.delete_selected, on_table)
        self.import_action = make_action(
            self, self.tr("&Import Excel…"), ["Ctrl+I"], self.import_file, window
        )
        self.template_action = make_action(
            self, self.tr("Save &template…"), ["Ctrl+T"], self.save_template, window
        )
        self.table.addAction(self.edit_action)
        self.table.addAction(self.delete_action)
        self.buttons = {
            "add": tool_button(self.add_action, self.tr("Add an inventory row")),
            "edit": tool_button(self.edit_action, self.tr("Edit the selected row")),
            "delete": tool_button(self.delete_action, self.tr("Delete the selected row")),
            "import": tool_button(self.import_action, self.tr("Import a filled inventory sheet (Excel)")),
            "template": tool_button(
                self.template_action, self.tr("Save the empty inventory template (Excel)")
            ),
        }
        bar = QHBoxLayout()
        for key in ("add", "edit", "delete"):
            bar.addWidget(self.buttons[key])
        bar.addStretch(1)
        for key in ("import", "template"):
            bar.addWidget(self.buttons[key])
        return bar

    def _update_actions(self) -> None:
        """Enabled by permission and selection; a running write is refused in the slots instead, so
        that the keyboard focus never lands on a button that just went grey."""
        allowed = self.session.can(Action.EDIT_INVENTORY)
        selected = self.table.selected_line() is not None
        self.add_action.setEnabled(allowed)
        self.import_action.setEnabled(allowed)
        self.edit_action.setEnabled(allowed and selected)
        self.delete_action.setEnabled(allowed and selected)

    def busy(self) -> bool:
        """A save, delete, import or template write is running."""
        return self._busy

    # --- data -------------------------------------------------------------------------------
    def _on_data_changed(self, what: str) -> None:
        if what in ("inventory", "settings"):
            self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation, station = self._generation, self.session.station
        task = self.session.runner.start(lambda **_: load_inventory(station, date.today()))
        task.signals.finished.connect(lambda data: self._on_loaded(generation, data))
        task.signals.failed.connect(self._on_failed)

    def _on_loaded(self, generation: int, data: InventoryData) -> None:
        if generation != self._generation:
            return  # a newer load is on its way
        keep = self._keep or (row_key(line.row) if (line := self.table.selected_line()) else None)
        self._keep = None
        self.data = data
        self.table.set_lines(data.lines, keep)
        self.empty.setText(
            self.tr(
                "No inventory yet. Press Insert to add the count of still-valid papers for one agency,"
                " result type and year, or Ctrl+I to import the station's Excel template once filled"
                " (Ctrl+T saves an empty one)."
            )
        )
        self.stack.setCurrentWidget(self.table if data.lines else self.empty)
        self.summary.setText(self.table.summary() if data.lines else "")
        self._update_actions()

    def _run(self, job: Callable[..., Any], done: Callable[[Any], None]) -> None:
        """A write on the runner; other writes are refused until it ends."""
        self._busy = True
        self._update_actions()
        task = self.session.runner.start(job)
        task.signals.finished.connect(lambda result: self._finish(done, result))
        task.signals.failed.connect(self._on_failed)

    def _finish(self, done: Callable[[Any], None], result: Any) -> None:
        self._busy = False
        done(result)
        self._update_actions()

    def _on_failed(self, error: object) -> None:
        self._busy = False
        self.status.setText(error_text(error))
        problems = error.problems if isinstance(error, InventoryImportError) else []
        self.problems.setPlainText("\n".join(texts(problems, current_language())))
        self.problems.setVisible(bool(problems))
        self._update_actions()

    def _changed(self, message: str) -> None:
        self.status.setText(message)
        self.problems.hide()
        self.session.changed("inventory")  # this screen and the dashboard reload

    # --- add, edit, delete ------------------------------------------------------------------
    def add_row(self) -> None:
        self._open_editor(None)

    def edit_selected(self) -> None:
        line = self.table.selected_line()
        if line is not None and self.edit_action.isEnabled() and not self._busy:
            self._open_editor(line.row)

    def _open_editor(self, row: InventoryRow | None) -> None:
        if not self.session.can(Action.EDIT_INVENTORY) or self._busy:
            return
        editor = InventoryEditor(self.session.runner, self.session.station.data_dir, self.data, row, self)
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.accepted.connect(lambda: self._on_editor_accepted(editor, row))
        editor.finished.connect(lambda _r: self._on_editor_closed(editor))
        self.editor = editor
        editor.open()
        editor.printed.setFocus()

    def _on_editor_closed(self, editor: InventoryEditor) -> None:
        """Qt emits ``finished`` before ``accepted``: the dialog lives on until control returns."""
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()

    def _on_editor_accepted(self, editor: InventoryEditor, old: InventoryRow | None) -> None:
        row, station, user = editor.row(), self.session.station, self.session.user
        replaces = row_key(old) if old is not None else None
        self._keep = row_key(row)

        def job(**_: Any) -> int:
            return save_row(station, user, row, replaces)

        text = self.tr("Saved: %1, %2, %3 — %4.") if old else self.tr("Added: %1, %2, %3 — %4.")
        label = self.data.type_labels.get(row.doc_type, row.doc_type)
        message = (
            text.replace("%1", row.agency_printed)
            .replace("%2", label)
            .replace("%3", str(row.year))
            .replace("%4", number(row.count))
        )
        self._run(job, lambda changed: self._changed(message if changed else self.tr("Nothing changed.")))

    def delete_selected(self) -> None:
        line = self.table.selected_line()
        if line is None or not self.delete_action.isEnabled() or self._busy:
            return
        box = DeleteConfirmation(line, self)
        box.finished.connect(lambda _r: self._on_confirmed(box, box.confirmed(), line.row))
        self.confirm = box
        box.open()

    def _on_confirmed(self, box: DeleteConfirmation, confirmed: bool, row: InventoryRow) -> None:
        self.confirm = None
        box.deleteLater()
        if not confirmed:
            return
        station, user, key = self.session.station, self.session.user, row_key(row)

        def job(**_: Any) -> bool:
            return remove_row(station, user, key)

        message = (
            self.tr("Deleted: %1, %2, %3.")
            .replace("%1", row.agency_printed)
            .replace("%2", self.data.type_labels.get(row.doc_type, row.doc_type))
            .replace("%3", str(row.year))
        )
        self._run(job, lambda _removed: self._changed(message))

    # --- Excel ------------------------------------------------------------------------------
    def import_file(self) -> None:
        if not self.import_action.isEnabled() or self._busy:
            return
        chosen = self.pick_import_path()
        if not chosen:
            return
        station, user, path = self.session.station, self.session.user, Path(chosen)
        self.status.setText(self.tr("Importing %1…").replace("%1", path.name))
        self._run(lambda **_: import_sheet(station, user, path), self._on_imported)

    def _on_imported(self, result: ImportResult) -> None:
        text = self.tr("Imported %1: %2 rows read, %3 new or changed.")
        self._changed(
            text.replace("%1", result.file_name)
            .replace("%2", number(result.read))
            .replace("%3", number(result.changed))
        )

    def save_template(self) -> None:
        if self._busy:
            return
        chosen = self.pick_template_path()
        if not chosen:
            return
        station, path = self.session.station, Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        done = self.tr("Template saved: %1. Fill one row per agency, type and year, then import it.")
        self._run(
            lambda **_: write_template(station, path),
            lambda saved: self.status.setText(done.replace("%1", str(saved))),
        )

    def _ask_import_path(self) -> str:
        return ask_sheet_path(self, save=False)

    def _ask_template_path(self) -> str:
        return ask_sheet_path(self, save=True)
