"""The login dialog: login and password checked by the store on the task runner, never on the GUI thread."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Station
from app.core.accounts import LoginFailed, User
from app.ui.nav import error_text
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

DEMO_LOGIN = "canbo"


class LoginDialog(QDialog):
    """Ask who is at the station; ``logged_in`` carries the User when the password matches."""

    logged_in = Signal(object)  # User

    def __init__(self, station: Station, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.runner = runner
        self.user: User | None = None
        self._build()
        self._retranslate()
        if station.settings.profile == "demo":
            self.login_edit.setText(DEMO_LOGIN)
            self.password_edit.setFocus()

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.login_edit = QLineEdit()
        self.login_edit.setMaxLength(32)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.hint_label = QLabel()
        self.hint_label.setStyleSheet("color: #555;")
        self.hint_label.setWordWrap(True)
        self.hint_label.setVisible(self.station.settings.profile == "demo")
        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.setDefault(True)
        self.quit_button.setAutoDefault(False)
        self.buttons.accepted.connect(self._on_submit)
        self.buttons.rejected.connect(self.reject)
        self.login_label, self.password_label = QLabel(), QLabel()
        self.login_label.setBuddy(self.login_edit)
        self.password_label.setBuddy(self.password_edit)
        self.form = QFormLayout()
        self.form.addRow(self.login_label, self.login_edit)
        self.form.addRow(self.password_label, self.password_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log in — Digitisation Station"))
        self.title.setText(self.tr("Log in to the station"))
        self.login_label.setText(self.tr("&Login:"))
        self.password_label.setText(self.tr("&Password:"))
        self.login_edit.setAccessibleName(self.tr("Login"))
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.hint_label.setText(self.tr("Demo accounts: canbo / lanhdao / quantri, password demo1234"))
        self.login_button.setText(self.tr("Log &in"))
        self.login_button.setAccessibleName(self.tr("Log in"))
        self.quit_button.setText(self.tr("&Quit"))
        self.quit_button.setAccessibleName(self.tr("Quit the application"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _on_submit(self) -> None:
        login, password = self.login_edit.text().strip(), self.password_edit.text()
        if not login or not password:
            self._show_error(self.tr("Enter your login and password."))
            return
        self._set_busy(True)
        accounts = self.station.store.accounts

        def job(**_: Any) -> User:
            return accounts.login(login, password)

        task = self.runner.start(job)
        task.signals.finished.connect(self._on_logged_in)
        task.signals.failed.connect(self._on_failed)

    def _on_logged_in(self, user: User) -> None:
        self._set_busy(False)
        self.user = user
        self.password_edit.clear()
        self.error_label.setVisible(False)
        self.logged_in.emit(user)
        self.accept()

    def _on_failed(self, error: object) -> None:
        self._set_busy(False)
        if isinstance(error, LoginFailed):
            self._show_error(self.tr("Wrong login or password. Check them and try again."))
        else:
            self._show_error(error_text(error))
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)

    def _set_busy(self, busy: bool) -> None:
        self.login_button.setEnabled(not busy)
        self.login_button.setDefault(True)
        self.login_edit.setEnabled(not busy)
        self.password_edit.setEnabled(not busy)
        if busy:
            self.error_label.setVisible(False)
