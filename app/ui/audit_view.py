"""The audit log for supervisors and administrators: who did what, when; chain check; CSV export."""

from __future__ import annotations

import logging
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.accounts import Action
from app.core.audit import chain_problems
from app.core.problems import texts
from app.ui.app import current_language
from app.ui.audit_format import AuditRow, action_text, audit_rows, matches
from app.ui.batches_parts import banner_style
from app.ui.nav import error_text
from app.ui.session import UiSession

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex


class AuditTableModel(QAbstractTableModel):
    """The filtered entries, newest first; five columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditRow] = []
        self.headers = [
            self.tr("Time"),
            self.tr("Person"),
            self.tr("Action"),
            self.tr("Object"),
            self.tr("Details"),
        ]

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.rows[index.row()]
        return (row.time_text, row.actor_text, row.action_text, row.target_text, row.detail_text)[
            index.column()
        ]

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class AuditView(QWidget):
    """Green banner when the hash chain is intact, red with the problems when it is not."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.all_rows: list[AuditRow] = []
        self.problems: list[str] = []
        self.export_dialog: QFileDialog | None = None
        self._generation = 0
        self._dates_touched = False
        self.stack = QStackedWidget()
        self.notice = QLabel(self.tr("Only supervisors and administrators can view the audit log."))
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.notice)
        self.stack.addWidget(self._build())
        QVBoxLayout(self).addWidget(self.stack)
        session.signals.data_changed.connect(self._on_session_event)
        session.signals.user_changed.connect(self._on_session_event)
        self.refresh()

    def _on_session_event(self, *_args: object) -> None:
        """A bound slot (Qt drops it with the widget; a lambda would outlive the screen)."""
        self.refresh()

    def _build(self) -> QWidget:
        content = QWidget()
        title = QLabel(self.tr("Audit log"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.banner = QLabel(self.tr("Checking the log…"))
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Audit log check"))
        self.export_button = QPushButton(self.tr("Export CSV… (Ctrl+E)"))
        self.export_button.setAccessibleName(self.tr("Export the audit log as CSV"))
        self.export_button.setShortcut(QKeySequence("Ctrl+E"))
        self.export_button.clicked.connect(self.choose_export_file)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.export_button)
        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Audit log entries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setStretchLastSection(True)
        self.count = QLabel()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addLayout(self._build_filters())
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        return content

    def _build_filters(self) -> QHBoxLayout:
        self.person_filter = QComboBox()
        self.person_filter.setAccessibleName(self.tr("Filter by person"))
        self.action_filter = QComboBox()
        self.action_filter.setAccessibleName(self.tr("Filter by action"))
        self.from_date = _date_edit()
        self.from_date.setAccessibleName(self.tr("From date"))
        self.to_date = _date_edit()
        self.to_date.setAccessibleName(self.tr("To date"))
        row = QHBoxLayout()
        for text, widget in (
            (self.tr("&Person:"), self.person_filter),
            (self.tr("A&ction:"), self.action_filter),
            (self.tr("&From:"), self.from_date),
            (self.tr("&To:"), self.to_date),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addStretch(1)
        for combo in (self.person_filter, self.action_filter):
            combo.setMinimumWidth(200)
            combo.currentIndexChanged.connect(self._apply_filters)
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self._on_date_changed)
        return row

    # --- loading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        allowed = self.session.can(Action.VIEW_AUDIT)
        self.stack.setCurrentIndex(1 if allowed else 0)
        if not allowed:
            return
        self._generation += 1
        store = self.session.station.store

        def job(**_kw: Any) -> Any:
            names = {u.login: u.full_name for u in store.accounts.list()}
            entries = store.audit.entries()
            problems = texts(chain_problems(entries, store.audit.head()), current_language())
            return audit_rows(entries, names), problems

        task = self.session.runner.start(job)
        task.signals.finished.connect(partial(self._on_loaded, self._generation))
        task.signals.failed.connect(lambda e: self._show_banner([error_text(e)], 0))

    def _on_loaded(self, generation: int, result: tuple[list[AuditRow], list[str]]) -> None:
        if generation != self._generation:
            return
        self.all_rows, self.problems = result
        self._show_banner(self.problems, len(self.all_rows))
        self._fill_filters()
        self._apply_filters()

    def _show_banner(self, problems: list[str], count: int) -> None:
        if problems:
            text = self.tr("The audit log has been altered:") + "\n• " + "\n• ".join(problems)
        else:
            text = self.tr("Audit log intact (%1 entries)").replace("%1", str(count))
        self.banner.setText(text)
        self.banner.setStyleSheet(banner_style(not problems) + "QLabel { font-weight: 600; }")

    def _fill_filters(self) -> None:
        people = sorted({(r.actor, r.actor_text) for r in self.all_rows})
        actions = sorted({r.action for r in self.all_rows}, key=action_text)
        for combo, choices, everyone in (
            (self.person_filter, people, self.tr("Everyone")),
            (self.action_filter, [(a, action_text(a)) for a in actions], self.tr("All actions")),
        ):
            kept = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, "")
            for key, text in choices:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(combo.findData(kept), 0))
            combo.blockSignals(False)
        self._fill_dates()

    def _fill_dates(self) -> None:
        """Default: the first entry's day to today; once the user picks dates, they stay."""
        if not self.all_rows:
            return
        days = [r.when.date() for r in self.all_rows]
        first, last = _qdate(min(days)), _qdate(max(*days, date.today()))
        for edit, default in ((self.from_date, first), (self.to_date, last)):
            edit.blockSignals(True)
            edit.setDateRange(first, last)
            if not self._dates_touched:
                edit.setDate(default)
            edit.blockSignals(False)

    def _on_date_changed(self) -> None:
        self._dates_touched = True
        self._apply_filters()

    def _apply_filters(self) -> None:
        actor = str(self.person_filter.currentData() or "")
        action = str(self.action_filter.currentData() or "")
        first, last = _pydate(self.from_date.date()), _pydate(self.to_date.date())
        shown = [r for r in self.all_rows if matches(r, actor, action, first, last)]
        self.model.set_rows(shown)
        text = self.tr("Showing %1 of %2 entries").replace("%1", str(len(shown)))
        self.count.setText(text.replace("%2", str(len(self.all_rows))))

    # --- export ------------------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        if not self.session.can(Action.VIEW_AUDIT):
            return
        dialog = QFileDialog(self, self.tr("Export the audit log"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("CSV files (*.csv)"))
        dialog.setDefaultSuffix("csv")
        dialog.selectFile(f"nhat-ky-{date.today():%Y%m%d}.csv")
        dialog.fileSelected.connect(self.export_to)
        self.export_dialog = dialog
        dialog.open()

    def export_to(self, path: str) -> None:
        store, user, target = self.session.station.store, self.session.user, Path(path)

        def job(**_kw: Any) -> Path:
            text = store.audit.export_csv(user)
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_text(text, encoding="utf-8-sig")  # the BOM lets spreadsheet programs read Vietnamese
            tmp.replace(target)
            return target

        task = self.session.runner.start(job)
        task.signals.finished.connect(self._on_exported)
        task.signals.failed.connect(lambda e: self.count.setText(error_text(e)))

    def _on_exported(self, target: Path) -> None:
        self.count.setText(self.tr("Saved the audit log to %1").replace("%1", str(target)))


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def _date_edit() -> QDateEdit:
    """A day picker with a calendar popup, written the Vietnamese way (dd/MM/yyyy)."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit
