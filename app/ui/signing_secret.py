"""Before signing: open the user's key with the passphrase or PIN typed this session, ask if it is locked.

The secret lives only in ``UiSession.signing_secret`` (memory; cleared when the user changes or logs
out); it is never written to disk, logged or shown. Keys without a passphrase (the demo keys) open
straight away, so nobody is asked anything.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QWidget

from app import approval
from app.core.accounts import User
from app.core.errors import SignerLocked
from app.ui.nav import error_text
from app.ui.session import UiSession

log = logging.getLogger(__name__)

AskSecret = Callable[[str], str | None]  # the error to show ("" the first time) -> secret, None = Cancel
Proceed = Callable[[str | None], None]  # gets the secret that opened the key


class SigningSecretGate(QObject):
    """Checks the key on the task runner, asks on ``SignerLocked`` until it opens or the user cancels.

    ``ask`` is the dialog; tests replace it with a callable returning the text to "type" (or None).
    One check at a time: the screens disable their sign buttons while it runs.
    """

    def __init__(self, session: UiSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.window = parent
        self.ask: AskSecret = self._ask_dialog
        self._tried: str | None = None
        self._user: User | None = None
        self._proceed: Proceed | None = None
        self._failed: Callable[[object], None] | None = None
        self._cancelled: Callable[[], None] | None = None

    def run(self, proceed: Proceed, failed: Callable[[object], None], cancelled: Callable[[], None]) -> None:
        """Call ``proceed(secret)`` once the key opens; ``failed(error)`` for other key problems;
        ``cancelled()`` when the user closes the dialog (nothing was signed or changed)."""
        self._proceed, self._failed, self._cancelled = proceed, failed, cancelled
        self._check(self.session.signing_secret)

    def _check(self, secret: str | None) -> None:
        user, store = self.session.user, self.session.station.store
        if user is None:
            self._finish_cancelled()
            return
        self._tried, self._user = secret, user
        task = self.session.runner.start(lambda **_kw: approval.check_signer(store, user, secret))
        task.signals.finished.connect(self._on_opened)
        task.signals.failed.connect(self._on_refused)

    def _on_opened(self, _result: object) -> None:
        secret, proceed, user = self._tried, self._proceed, self._user
        self._clear()
        if user is not self.session.user:  # logged out meanwhile: keep nothing, sign nothing
            return
        self.session.signing_secret = secret
        if proceed is not None:
            proceed(secret)

    def _on_refused(self, error: object) -> None:
        if not isinstance(error, SignerLocked):
            failed = self._failed
            self._clear()
            if failed is not None:
                failed(error)
            return
        log.info("signing key is locked: asking for its passphrase or PIN")
        typed = self.ask(error_text(error) if self._tried is not None else "")
        if typed is None:
            self._finish_cancelled()
        else:
            self._check(typed)

    def _finish_cancelled(self) -> None:
        cancelled = self._cancelled
        self._clear()
        if cancelled is not None:
            cancelled()

    def _clear(self) -> None:
        self._tried, self._user = None, None
        self._proceed = self._failed = self._cancelled = None

    def _ask_dialog(self, error: str) -> str | None:
        """The password dialog (modal); the error of the last try is shown above the field."""
        dialog = self.make_dialog(error)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        typed = dialog.textValue()
        dialog.setTextValue("")
        dialog.deleteLater()
        return typed if accepted else None

    def make_dialog(self, error: str) -> QInputDialog:
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(self.tr("Signing key"))
        label = self.tr("Signing key passphrase (or USB token PIN)")
        shown = f'<p style="color: #c5221f;">{html.escape(error)}</p>' if error else ""
        dialog.setLabelText(f"{shown}<p>{html.escape(label)}</p>")
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setOkButtonText(self.tr("Sign"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.setAccessibleName(label)
        dialog.resize(480, dialog.sizeHint().height())
        return dialog
