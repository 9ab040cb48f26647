"""The fields every new account needs (login, full name, password twice) and their check, shared by
the accounts screen's dialog and the setup wizard's first administrator."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from app.core.accounts import AccountError, Role, check_new_account
from app.ui.nav import error_text

log = logging.getLogger(__name__)


def error_label() -> QLabel:
    """A red, wrapping line under a form for what stops it."""
    label = QLabel()
    label.setStyleSheet("color: #b3261e;")
    label.setWordWrap(True)
    return label


class AccountFields(QObject):
    """Four line edits added to a form; ``problem()`` says in the UI language what is wrong."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.login = QLineEdit()
        self.login.setAccessibleName(self.tr("Login"))
        self.full_name = QLineEdit()
        self.full_name.setAccessibleName(self.tr("Full name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("Password again"))

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Full name:"), self.full_name)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("Password a&gain:"), self.again)

    def values(self) -> tuple[str, str, str]:
        """(login in lower case, full name, password)."""
        return self.login.text().strip().lower(), self.full_name.text().strip(), self.password.text()

    def problem(self, roles: frozenset[Role], no_name: str) -> str:
        """The first problem ("" when the account can be created); ``no_name`` when the name is empty."""
        login, name, password = self.values()
        try:
            check_new_account(login, password, roles)
        except AccountError as exc:
            return error_text(exc)
        if not name:
            return no_name
        if password != self.again.text():
            return self.tr("The two passwords differ. Type the same password twice.")
        return ""
