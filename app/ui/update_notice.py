"""Tells the user when the central repository offers a newer station: a notice and a Help menu check."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.bootstrap import Station
from app.core.errors import StationError
from app.sync_service import UpdateInfo, station_update
from app.ui import app as qt_app
from app.ui.sync_texts import when_text
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

BANNER_STYLE = "QWidget#updateBanner { background: #fff4ce; border: 1px solid #e3c15c; border-radius: 3px; }"


class UpdateNotice(QObject):
    """Owns the Help menu's "check for updates" and the status-bar notice of a newer version.

    ``check_once`` (called after login) asks the repository once per window, a few seconds later and
    on the task runner, quietly: no repository or no link shows nothing. The menu action asks now and
    always answers: newer (notice + details), up to date, or why it could not check.
    """

    START_DELAY_MS = 4000  # let the screens load first; tests set 0

    def __init__(self, window: QMainWindow, station: Station, runner: TaskRunner) -> None:
        super().__init__(window)
        self.window, self.station, self.runner = window, station, runner
        self.current = __version__
        self.info: UpdateInfo | None = None
        self.report: QMessageBox | None = None  # the last on-demand answer (kept for tests)
        self.dialog: ReleaseDialog | None = None
        self._started = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check_quietly)
        self.help_menu = window.menuBar().addMenu("")
        self.check_action = QAction(window)
        self.check_action.triggered.connect(self.check_now)
        self.help_menu.addAction(self.check_action)
        self._build_banner()
        window.installEventFilter(self)

    def _build_banner(self) -> None:
        self.banner = QWidget()
        self.banner.setObjectName("updateBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.notice_label = QLabel()
        self.details_button = QPushButton()
        self.details_button.clicked.connect(self.show_details)
        self.dismiss_button = QToolButton()
        self.dismiss_button.setText("×")
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.clicked.connect(self.banner.hide)
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(8, 1, 2, 1)
        row.addWidget(self.notice_label)
        row.addWidget(self.details_button)
        row.addWidget(self.dismiss_button)
        self.window.statusBar().addWidget(self.banner)
        self.banner.hide()

    def retranslate(self) -> None:
        self.help_menu.setTitle(self.tr("&Help"))
        self.check_action.setText(self.tr("Check for &updates"))
        self.details_button.setText(self.tr("Details…"))
        self.dismiss_button.setToolTip(self.tr("Hide this notice"))
        self.dismiss_button.setAccessibleName(self.tr("Hide this notice"))
        if self.info is not None:
            self.notice_label.setText(self.notice_text(self.info))

    def notice_text(self, info: UpdateInfo) -> str:
        text = self.tr("New version %1 available (running %2). Ask the administrator to install the update.")
        return text.replace("%1", info.version).replace("%2", info.current_version)

    # --- checking -----------------------------------------------------------------------------
    def check_once(self) -> None:
        """The quiet check at start; later calls (another login) do nothing."""
        if not self._started:
            self._started = True
            self._timer.start(self.START_DELAY_MS)

    def _check_quietly(self) -> None:
        store, current = self.station.store, self.current

        def job(**_: Any) -> UpdateInfo | None:
            return station_update(store, quiet=True, current=current)

        self.runner.start(job, on_finished=self._on_quiet_result)

    def _on_quiet_result(self, info: UpdateInfo | None) -> None:
        if info is not None:
            self.show_notice(info)

    def check_now(self) -> None:
        """The menu action: ask the repository now and report the answer, whatever it is."""
        store, current = self.station.store, self.current
        self.check_action.setEnabled(False)
        self.window.statusBar().showMessage(self.tr("Checking for updates…"), 5000)

        def job(**_: Any) -> UpdateInfo | None:
            return station_update(store, quiet=False, current=current)

        self.runner.start(job, on_finished=self._on_checked, on_failed=self._on_check_failed)

    def _on_checked(self, info: UpdateInfo | None) -> None:
        self.check_action.setEnabled(True)
        self.window.statusBar().clearMessage()
        if info is not None:
            self.show_notice(info)
            self.show_details()
            return
        self._report(QMessageBox.Icon.Information, self.tr("You are running the latest version (%1)."))

    def _on_check_failed(self, error: object) -> None:
        self.check_action.setEnabled(True)
        self.window.statusBar().clearMessage()
        lang = qt_app.current_language()
        text = error.user_message(lang) if isinstance(error, StationError) else str(error)
        self._report(QMessageBox.Icon.Warning, text)

    def _report(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(icon, self.tr("Update check"), text.replace("%1", self.current), parent=self.window)
        box.open()
        self.report = box

    # --- showing ------------------------------------------------------------------------------
    def show_notice(self, info: UpdateInfo) -> None:
        self.info = info
        self.notice_label.setText(self.notice_text(info))
        self.banner.show()

    def show_details(self) -> None:
        if self.info is None:
            return
        self.dialog = ReleaseDialog(self.info, self.window)
        self.dialog.open()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Close:
            self._timer.stop()  # no check may start once the window is going away
        return False


class ReleaseDialog(QDialog):
    """The release's notes, date and download address (selectable and copyable)."""

    def __init__(self, info: UpdateInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Station update %1").replace("%1", info.version))
        self.resize(680, 400)
        form = QFormLayout()
        form.addRow(self.tr("New version:"), QLabel(info.version))
        form.addRow(self.tr("Version in use:"), QLabel(info.current_version))
        form.addRow(self.tr("Published:"), QLabel(when_text(info.published_at)))
        self.url_edit = _read_only(info.url)
        copy = QPushButton(self.tr("&Copy"))
        copy.clicked.connect(self._copy_url)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url_edit, 1)
        url_row.addWidget(copy)
        form.addRow(self.tr("Download address:"), url_row)
        if info.sha256:
            form.addRow(self.tr("Installer SHA-256:"), _read_only(info.sha256))
        self.notes = QPlainTextEdit(info.notes(qt_app.current_language()) or self.tr("(no release notes)"))
        self.notes.setReadOnly(True)
        self.hint = QLabel(self.tr("The station's data are kept when the update is installed."))
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(QLabel(self.tr("Release notes:")))
        column.addWidget(self.notes, 1)
        column.addWidget(self.hint)
        column.addWidget(buttons)

    def _copy_url(self) -> None:
        QGuiApplication.clipboard().setText(self.url_edit.text())
        self.url_edit.selectAll()


def _read_only(text: str) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setReadOnly(True)
    edit.setCursorPosition(0)
    return edit
