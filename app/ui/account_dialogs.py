"""Dialogs of the accounts screen: a new account with its roles, and how an account signs."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.accounts import AccountError, Role, check_new_account
from app.ui.nav import error_text, role_name

log = logging.getLogger(__name__)


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #b3261e;")
    label.setWordWrap(True)
    return label


class NewAccountDialog(QDialog):
    """Login, full name, password twice and roles; ``values()`` once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New account"))
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
        self.roles: dict[Role, QCheckBox] = {}
        role_box = QVBoxLayout()
        for role in (Role.OFFICER, Role.SUPERVISOR, Role.ADMIN):
            box = QCheckBox(role_name(role))
            box.setAccessibleName(role_name(role))
            self.roles[role] = box
            role_box.addWidget(box)
        self.error = _error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Create"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Full name:"), self.full_name)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("Password a&gain:"), self.again)
        form.addRow(self.tr("Roles:"), role_box)
        form.addRow(self.error)
        form.addRow(buttons)
        self.setMinimumWidth(440)

    def values(self) -> tuple[str, str, str, frozenset[Role]]:
        roles = frozenset(r for r, box in self.roles.items() if box.isChecked())
        return self.login.text().strip().lower(), self.full_name.text().strip(), self.password.text(), roles

    def _on_ok(self) -> None:
        login, name, password, roles = self.values()
        try:
            check_new_account(login, password, roles)
        except AccountError as exc:
            self.error.setText(error_text(exc))
            return
        if not name:
            self.error.setText(self.tr("Enter the person's full name."))
        elif password != self.again.text():
            self.error.setText(self.tr("The two passwords differ. Type the same password twice."))
        else:
            self.accept()


class SignerDialog(QDialog):
    """A key file (.p12) or a USB token (PKCS#11 module and token label); never a passphrase or PIN."""

    def __init__(self, current: dict[str, Any] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signing key"))
        current = current or {}
        self.use_file = QRadioButton(self.tr("Key &file (.p12)"))
        self.use_token = QRadioButton(self.tr("USB &token (PKCS#11)"))
        self.p12_path = QLineEdit(str(current.get("pkcs12_path", "")))
        self.p12_path.setAccessibleName(self.tr("Key file"))
        browse = QPushButton(self.tr("&Browse..."))
        browse.setAccessibleName(self.tr("Choose the key file"))
        browse.clicked.connect(self._on_browse)
        self.module = QLineEdit(str(current.get("pkcs11_module", "")))
        self.module.setAccessibleName(self.tr("PKCS#11 module"))
        self.token_label = QLineEdit(str(current.get("token_label", "")))
        self.token_label.setAccessibleName(self.tr("Token label"))
        self.use_file.toggled.connect(self._on_kind)
        (self.use_token if current.get("kind") == "pkcs11" else self.use_file).setChecked(True)
        self._browse = browse
        self._on_kind()
        self.error = _error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        file_row = QHBoxLayout()
        file_row.addWidget(self.p12_path, 1)
        file_row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.use_file)
        form.addRow(self.tr("Key file:"), file_row)
        form.addRow(self.use_token)
        form.addRow(self.tr("Module:"), self.module)
        form.addRow(self.tr("Token label:"), self.token_label)
        form.addRow(QLabel(self.tr("The passphrase or PIN is asked when signing; it is never stored.")))
        form.addRow(self.error)
        form.addRow(buttons)
        self.setMinimumWidth(560)

    def _on_kind(self) -> None:
        by_file = self.use_file.isChecked()
        for widget in (self.p12_path, getattr(self, "_browse", None)):
            if widget is not None:
                widget.setEnabled(by_file)
        self.module.setEnabled(not by_file)
        self.token_label.setEnabled(not by_file)

    def signer(self) -> dict[str, Any]:
        if self.use_file.isChecked():
            return {"kind": "pkcs12", "pkcs12_path": self.p12_path.text().strip()}
        signer = {"kind": "pkcs11", "pkcs11_module": self.module.text().strip()}
        if self.token_label.text().strip():
            signer["token_label"] = self.token_label.text().strip()
        return signer

    def _on_browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the key file"), "", self.tr("Key files (*.p12 *.pfx)")
        )
        if path:
            self.p12_path.setText(path)
            self.use_file.setChecked(True)

    def _on_ok(self) -> None:
        signer = self.signer()
        if signer["kind"] == "pkcs12" and not signer["pkcs12_path"]:
            self.error.setText(self.tr("Choose the key file (.p12)."))
        elif signer["kind"] == "pkcs11" and not signer["pkcs11_module"]:
            self.error.setText(self.tr("Enter the path of the token's PKCS#11 module."))
        else:
            self.accept()
