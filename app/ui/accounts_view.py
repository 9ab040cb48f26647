"""The accounts screen (administrators): who works at the station, in which roles, with which key."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.accounts import User
from app.ui.account_dialogs import NewAccountDialog, SignerDialog
from app.ui.nav import error_text, role_names
from app.ui.session import UiSession

log = logging.getLogger(__name__)

Row = tuple[User, dict[str, Any] | None]


class AccountsView(QWidget):
    """A table of accounts with add, lock/unlock and assign-signing-key actions."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[Row] = []
        self._build()
        self.reload()

    def _build(self) -> None:
        heading = QLabel(self.tr("Accounts"))
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Login"),
                self.tr("Full name"),
                self.tr("Roles"),
                self.tr("Status"),
                self.tr("Signing key"),
            ]
        )
        self.table.setAccessibleName(self.tr("Accounts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = self._button(self.tr("&Add account..."), "Ctrl+N", self.tr("Add an account"))
        self.toggle_button = self._button(self.tr("&Lock"), "Ctrl+L", self.tr("Lock or unlock the account"))
        self.signer_button = self._button(
            self.tr("Assign signing &key..."), "Ctrl+K", self.tr("Assign a signing key")
        )
        self.add_button.clicked.connect(self._on_add)
        self.toggle_button.clicked.connect(self._on_toggle)
        self.signer_button.clicked.connect(self._on_signer)
        self.status = QLabel()
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        for button in (self.add_button, self.toggle_button, self.signer_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._update_buttons()

    def _button(self, text: str, shortcut: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setShortcut(QKeySequence(shortcut))
        button.setAccessibleName(accessible)
        button.setToolTip(f"{accessible} ({shortcut})")
        return button

    # --- data -------------------------------------------------------------------------------
    def reload(self) -> None:
        accounts = self.session.station.store.accounts

        def job(**_: Any) -> list[Row]:
            return [(user, accounts.signer_of(user.id)) for user in accounts.list()]

        self._run(job, self._on_loaded)

    def _run(self, job: Callable[..., Any], done: Callable[[Any], None]) -> None:
        task = self.session.runner.start(job)
        task.signals.finished.connect(done)
        task.signals.failed.connect(lambda error: self.status.setText(error_text(error)))

    def _on_loaded(self, rows: list[Row]) -> None:
        selected = self.selected()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, (user, signer) in enumerate(rows):
            cells = [
                user.login,
                user.full_name,
                role_names(user.roles),
                self._state(user),
                self._signer(signer),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not user.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(i, column, item)
            if selected is not None and user.id == selected.id:
                self.table.selectRow(i)
        self._update_buttons()

    def _state(self, user: User) -> str:
        return self.tr("Active") if user.active else self.tr("Locked")

    def _signer(self, signer: dict[str, Any] | None) -> str:
        if not signer:
            return self.tr("None")
        if signer.get("kind") == "pkcs11":
            label = signer.get("token_label") or Path(str(signer.get("pkcs11_module", ""))).name
            return self.tr("USB token: %1").replace("%1", str(label))
        return self.tr("Key file: %1").replace("%1", Path(str(signer.get("pkcs12_path", ""))).name)

    def selected(self) -> User | None:
        row = self.table.currentRow()
        rows = self.table.selectionModel().selectedRows()
        return self.rows[row][0] if rows and 0 <= row < len(self.rows) else None

    def _update_buttons(self) -> None:
        user = self.selected()
        self.toggle_button.setEnabled(user is not None)
        self.signer_button.setEnabled(user is not None)
        self.toggle_button.setText(
            self.tr("&Unlock") if user is not None and not user.active else self.tr("&Lock")
        )

    # --- actions ----------------------------------------------------------------------------
    def _on_add(self) -> None:
        dialog = NewAccountDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        login, name, password, roles = dialog.values()
        accounts, admin = self.session.station.store.accounts, self.session.user

        def job(**_: Any) -> User:
            return accounts.create(admin, login, name, password, roles)

        self._run(job, lambda user: self._changed(self.tr("Account %1 created.").replace("%1", user.login)))

    def _on_toggle(self) -> None:
        user = self.selected()
        if user is None:
            return
        accounts, admin, active = self.session.station.store.accounts, self.session.user, not user.active

        def job(**_: Any) -> None:
            accounts.set_active(admin, user.id, active)

        text = self.tr("Account %1 unlocked.") if active else self.tr("Account %1 locked.")
        self._run(job, lambda _r: self._changed(text.replace("%1", user.login)))

    def _on_signer(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = SignerDialog(self.rows[self.table.currentRow()][1], self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        accounts, admin, signer = self.session.station.store.accounts, self.session.user, dialog.signer()

        def job(**_: Any) -> None:
            accounts.set_signer(admin, user.id, signer)

        self._run(
            job, lambda _r: self._changed(self.tr("Signing key of %1 saved.").replace("%1", user.login))
        )

    def _changed(self, message: str) -> None:
        self.status.setText(message)
        self.session.changed("accounts")
        self.reload()
