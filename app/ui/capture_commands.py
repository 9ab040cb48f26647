"""The scan screen's page tools: toolbar actions with shortcuts, and the commands they run."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from app.core.doctypes import load_doctypes
from app.pdf.cover_sheets import write_sheets
from app.ui.separator_sheets import SeparatorDialog

log = logging.getLogger(__name__)
SCOPE = Qt.ShortcutContext.WidgetWithChildrenShortcut


class CaptureCommands(QObject):
    """Everything the officer can do to the selected page; keys work anywhere on the scan screen."""

    def __init__(self, view: Any) -> None:
        super().__init__(view)
        self.view = view

    def toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setAccessibleName(self.tr("Page tools"))
        actions = (
            (self.tr("Rotate left"), "Ctrl+L", lambda: self.rotate(clockwise=False)),
            (self.tr("Rotate right"), "Ctrl+R", lambda: self.rotate(clockwise=True)),
            (self.tr("Fix paper outline"), "Ctrl+K", self.edit_crop),
            (self.tr("Split here"), "Ctrl+T", self.split_here),
            (self.tr("Merge with next"), "Ctrl+M", self.merge_next),
            (self.tr("Put into document"), "Ctrl+B", self.include_selected),
            (self.tr("Delete"), "Delete", self.trash_selected),
            (self.tr("Restore"), "Ctrl+Shift+Z", self.restore_selected),
            (self.tr("Rescan page"), "Ctrl+Shift+R", self.rescan_selected),
            (self.tr("Print separators..."), "Ctrl+P", self.print_separators),
        )
        for text, key, slot in actions:
            action = QAction(text, self.view)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(SCOPE)
            action.setToolTip(
                f"{text} ({QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)})"
            )
            action.triggered.connect(slot)
            self.view.addAction(action)
            bar.addAction(action)
            widget = bar.widgetForAction(action)
            if widget is not None:
                widget.setAccessibleName(text)
        for key, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            move = QAction(self.view)
            move.setShortcut(QKeySequence(key))
            move.setShortcutContext(SCOPE)
            move.triggered.connect(lambda _=False, s=step: self.move_selected(s))
            self.view.addAction(move)
        return bar

    def _edit(self, name: str, *args: Any) -> None:
        entry = self.view._selected()
        if entry is None or self.view.snapshot is None:
            self.view._show_problem(self.tr("Select a page first."))
        elif not self.view.edits.busy:
            getattr(self.view.edits, name)(self.view.snapshot, entry.page.id, *args)

    def move_selected(self, step: int) -> None:
        self._edit("step", step)

    def rotate(self, clockwise: bool) -> None:
        self._edit("rotate", clockwise)

    def split_here(self) -> None:
        self._edit("split")

    def merge_next(self) -> None:
        self._edit("merge")

    def include_selected(self) -> None:
        self._edit("include")

    def trash_selected(self) -> None:
        entry = self.view._selected()
        if entry is not None and not self.view.edits.busy:
            self.view.edits.trash(entry.page.id)

    def restore_selected(self) -> None:
        page_id = self.view.trash.chosen()
        if page_id is not None and not self.view.edits.busy:
            self.view.edits.restore(page_id)

    def rescan_selected(self) -> None:
        device = self.view.profile.device()
        if device is None:
            self.view._show_problem(self.tr("No scanner found. Check the cable and the driver."))
            return
        self.view.status.setText(self.tr("Rescanning the page: put the sheet in the scanner..."))
        self._edit("rescan", device.driver, device.id, self.view.profile.settings())

    def edit_crop(self) -> None:
        if not self.view.preview.start_crop():
            self.view._show_problem(self.tr("Select an analysed page first."))

    def on_crop_saved(self, page_id: int, quad: Any) -> None:
        if self.view.snapshot is not None:
            self.view.edits.save_crop(self.view.snapshot, page_id, quad)

    def on_dropped(self, page_id: int, target_id: int) -> None:
        if self.view.snapshot is not None and not self.view.edits.busy:
            self.view.edits.drop(self.view.snapshot, page_id, target_id)

    def print_separators(self) -> None:
        """Ctrl+P: choose the sheets, then where to save the PDF (document types read on the runner)."""
        self.view.runner.start(
            lambda **_: load_doctypes(), on_finished=self._ask_separators, on_failed=self.view._show_problem
        )

    def _ask_separators(self, doctypes: dict[str, Any]) -> None:
        dialog = SeparatorDialog(doctypes, self.view)
        if dialog.exec() != SeparatorDialog.DialogCode.Accepted:
            return
        name = self.view.batch_name or self.tr("New batch")
        path = dialog.ask_path(name)
        if path is None:
            return
        doc_type, label, count = dialog.choice()
        self.view.runner.start(
            lambda **_: write_sheets(path, name, doc_type, label, count),
            on_finished=lambda p: self.view.status.setText(
                self.tr("Separator sheets saved: %1").replace("%1", str(p))
            ),
            on_failed=self.view._show_problem,
        )
