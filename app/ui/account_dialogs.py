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

from app.core.accounts import Role
from app.ui.account_fields import AccountFields, error_label
from app.ui.nav import role_name

log = logging.getLogger(__name__)


class NewAccountDialog(QDialog):
    """Login, full name, password twice and roles; ``values()`` once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New account"))
        self.fields = AccountFields(self)
        self.login, self.full_name = self.fields.login, self.fields.full_name
        self.password, self.again = self.fields.password, self.fields.again
        self.roles: dict[Role, QCheckBox] = {}
        role_box = QVBoxLayout()
        for role in (Role.OFFICER, Role.SUPERVISOR, Role.ADMIN):
            box = QCheckBox(role_name(role))
            box.setAccessibleName(role_name(role))
            self.roles[role] = box
            role_box.addWidget(box)
        self.error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Create"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        self.fields.add_rows(form)
        form.addRow(self.tr("Roles:"), role_box)
        form.addRow(self.error)
        form.addRow(buttons)
        self.setMinimumWidth(440)

    def values(self) -> tuple[str, str, str, frozenset[Role]]:
        roles = frozenset(r for r, box in self.roles.items() if box.isChecked())
        return (*self.fields.values(), roles)

    def _on_ok(self) -> None:
        problem = self.fields.problem(self.values()[3], self.tr("Enter the person's full name."))
        self.error.setText(problem)
        if not problem:
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
        self.error = error_label()
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
