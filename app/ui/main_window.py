"""The station's main window: navigation by role, the screens, the logged-in user; kept small on purpose."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Station
from app.core.accounts import User
from app.core.agencies import load_catalogue
from app.ui import app as qt_app
from app.ui.accounts_view import AccountsView
from app.ui.audit_view import AuditView
from app.ui.batches_view import BatchesView
from app.ui.capture_view import CaptureView
from app.ui.dashboard_view import DashboardView
from app.ui.describe_view import DescribeView
from app.ui.inventory_view import InventoryView
from app.ui.login_dialog import LoginDialog
from app.ui.nav import role_names, screen_title, visible_screens
from app.ui.review_view import ReviewView
from app.ui.session import UiSession
from app.ui.settings_view import SettingsView
from app.ui.sync_controller import SyncController
from app.ui.sync_view import SyncView
from app.ui.tasks import TaskRunner
from app.ui.update_notice import UpdateNotice

log = logging.getLogger(__name__)

_SESSION_SCREENS: dict[str, Callable[..., QWidget]] = {
    "describe": DescribeView,
    "batches": BatchesView,
    "review": ReviewView,
    "audit": AuditView,
    "dashboard": DashboardView,
    "inventory": InventoryView,
}
_SESSION_SCREENS["accounts"] = AccountsView
_SESSION_SCREENS["settings"] = SettingsView

NAV_STYLE = """
QListWidget#nav { background: #f1f4f8; border: none; font-size: 11pt; outline: 0; }
QListWidget#nav::item { padding: 10px 14px; border-left: 4px solid transparent; color: #1f2933; }
QListWidget#nav::item:selected { background: #dce8f8; border-left: 4px solid #1d5fa8; color: #0b3d75; }
"""


class MainWindow(QMainWindow):
    """Navigation on the left, the current screen on the right; the screens depend on who logged in.

    On a language switch the window retranslates its own texts and rebuilds the screens (so screens
    need not handle LanguageChange themselves); the scan screen is kept while a scan runs.
    """

    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.runner = TaskRunner()
        self.session = UiSession(station, self.runner)
        self.sync = SyncController(self.session, self)  # sends in the background, whoever is logged in
        self._capture_view: CaptureView | None = None  # built on first use: it probes the scanners
        self.screens: dict[str, QWidget] = {}
        self._switch_actions: list[QAction] = []
        self.login_dialog: LoginDialog | None = None
        self._rebuild_pending = False
        self._closed = False
        self._retired: list[QWidget] = []
        self._reaper = QTimer(self)
        self._reaper.setInterval(300)
        self._reaper.timeout.connect(self._reap)
        self._build()
        self._retranslate()
        self.session.signals.data_changed.connect(self._on_data_changed)
        self.resize(1280, 800)
        self.sync.start()

    # --- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setStyleSheet(NAV_STYLE)
        self.nav.currentRowChanged.connect(self._on_nav_row)
        self.brand = QLabel()
        self.brand.setStyleSheet(
            "font-size: 13pt; font-weight: 700; color: #0b3d75; padding: 14px 16px 2px 16px;"
        )
        self.station_label = QLabel()
        self.station_label.setWordWrap(True)
        self.station_label.setStyleSheet("color: #52606d; padding: 0 16px 12px 16px;")
        side = QWidget()
        side.setObjectName("side")
        side.setFixedWidth(220)
        side.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        side.setStyleSheet("QWidget#side { background: #f1f4f8; border-right: 1px solid #d5dbe3; }")
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(0, 0, 1, 0)  # keep the border line visible beside the list
        side_column.setSpacing(0)
        side_column.addWidget(self.brand)
        side_column.addWidget(self.station_label)
        side_column.addWidget(self.nav, 1)
        self.stack = QStackedWidget()
        self.signed_out = QLabel()
        self.signed_out.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.signed_out.setStyleSheet("font-size: 14pt; color: #52606d;")
        self.stack.addWidget(self.signed_out)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(side)
        column = QVBoxLayout()
        column.setContentsMargins(12, 8, 12, 4)
        column.addWidget(self.stack)
        row.addLayout(column, 1)
        self.setCentralWidget(body)
        self._build_menus()
        self._build_user_area()

    def _build_menus(self) -> None:
        self.station_menu = self.menuBar().addMenu("")
        self.logout_action = QAction(self)
        self.logout_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.logout_action.triggered.connect(self.logout)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.station_menu.addAction(self.logout_action)
        self.station_menu.addSeparator()
        self.station_menu.addAction(self.quit_action)
        self.language_menu = self.menuBar().addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("vi", "Tiếng Việt"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(code == qt_app.current_language())
            action.triggered.connect(lambda _c=False, lang=code: self.set_language(lang))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.updates = UpdateNotice(self, self.station, self.runner)  # the Help menu, update notice

    def _build_user_area(self) -> None:
        self.user_label = QLabel()
        self.user_label.setStyleSheet("padding: 0 8px;")
        self.logout_button = QToolButton()
        self.logout_button.setDefaultAction(self.logout_action)
        self.logout_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.logout_button)

    def _retranslate(self) -> None:
        title = self.tr("Digitisation Station")
        if self.station.settings.profile == "demo":
            title += " — " + self.tr("demo")
        self.setWindowTitle(title)
        self.brand.setText(self.tr("Digitisation Station"))
        self.signed_out.setText(self.tr("Log in to start work."))
        self.nav.setAccessibleName(self.tr("Screens"))
        self.station_menu.setTitle(self.tr("&Station"))
        self.logout_action.setText(self.tr("&Log out"))
        self.logout_action.setToolTip(self.tr("Log out (Ctrl+Shift+L)"))
        self.logout_button.setAccessibleName(self.tr("Log out"))
        self.quit_action.setText(self.tr("&Quit"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.updates.retranslate()
        self._show_user()

    def _show_user(self) -> None:
        user = self.session.user
        self.logout_action.setEnabled(user is not None)
        if user is None:
            self.user_label.setText(self.tr("Not logged in"))
            return
        text = self.tr("%1 — %2").replace("%1", user.full_name).replace("%2", role_names(user.roles))
        self.user_label.setText(text)
        self.user_label.setAccessibleName(self.tr("Logged-in user: %1").replace("%1", text))

    @property
    def capture_view(self) -> CaptureView:
        """The scan screen; it stays across logins so that a running scan is never lost."""
        if self._capture_view is None:
            self._capture_view = CaptureView(self.station, self.runner, self, self.session)
            self.stack.addWidget(self._capture_view)
        return self._capture_view

    # --- screens ----------------------------------------------------------------------------
    def add_screen(self, key: str, widget: QWidget, title: str, shortcut: str) -> None:
        """Put a screen in the stack with a navigation entry and a shortcut that opens it."""
        self.screens[key] = widget
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setToolTip(f"{title} ({shortcut})")
        self.nav.addItem(item)
        action = QAction(self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _c=False, k=key: self.show_screen(k))
        self.addAction(action)
        self._switch_actions.append(action)

    def show_screen(self, key: str) -> None:
        keys = self.screen_keys()
        if key in keys:
            self.nav.setCurrentRow(keys.index(key))

    def screen_keys(self) -> list[str]:
        """The keys of the navigation entries, in order."""
        return [self.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.nav.count())]

    def nav_titles(self) -> list[str]:
        return [self.nav.item(i).text() for i in range(self.nav.count())]

    def current_screen(self) -> str | None:
        item = self.nav.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _on_nav_row(self, row: int) -> None:
        keys = self.screen_keys()
        if not 0 <= row < len(keys):
            return
        current = self.stack.currentWidget()
        if self.screens[keys[row]] is not current and not self._may_leave():
            back = next((i for i, k in enumerate(keys) if self.screens[k] is current), -1)
            self.nav.blockSignals(True)  # the screen keeps unsaved work: its entry stays selected
            self.nav.setCurrentRow(back)
            self.nav.blockSignals(False)
            return
        self.stack.setCurrentWidget(self.screens[keys[row]])

    def _may_leave(self) -> bool:
        """Ask the current screen (``can_leave()``, e.g. unsaved edits) whether it may go; screens
        without that method always may."""
        can_leave = getattr(self.stack.currentWidget(), "can_leave", None)
        return not callable(can_leave) or bool(can_leave())

    def _build_screens(self) -> None:
        keys = [
            k for k in visible_screens(self.session.user) if k in ("capture", "sync") or k in _SESSION_SCREENS
        ]
        for number, key in enumerate(keys, start=1):
            if key == "capture":
                widget: QWidget = self.capture_view
            elif key == "sync":
                widget = SyncView(self.session, self.sync, self)
            else:
                widget = _SESSION_SCREENS[key](self.session, self)
            self.add_screen(key, widget, screen_title(key), f"Ctrl+{number}" if number <= 9 else "")
        if keys:
            self.nav.setCurrentRow(0)

    def _clear_screens(self) -> None:
        self.nav.clear()
        for action in self._switch_actions:
            self.removeAction(action)
            action.deleteLater()
        self._switch_actions.clear()
        for key, widget in self.screens.items():
            if key != "capture":
                self._retire(widget)
        self.screens.clear()
        self.stack.setCurrentWidget(self.signed_out)

    def _retire(self, widget: QWidget) -> None:
        """Take a screen out now, delete it once no background task runs: a result arriving for a
        deleted screen would touch dead widgets."""
        self.stack.removeWidget(widget)
        widget.hide()
        self._retired.append(widget)
        self._reaper.start()

    def _reap(self) -> None:
        if QThreadPool.globalInstance().activeThreadCount() > 0:
            return
        QCoreApplication.processEvents()  # deliver results still queued for the retired screens
        for widget in self._retired:
            widget.deleteLater()
        self._retired.clear()
        self._reaper.stop()

    # --- who is logged in -------------------------------------------------------------------
    def ask_login(self) -> LoginDialog:
        """Show the login dialog (window-modal, not blocking); a rejected dialog closes the station."""
        dialog = LoginDialog(self.station, self.runner, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.logged_in.connect(self.login_as)
        dialog.rejected.connect(self.close)
        self.login_dialog = dialog
        dialog.open()
        return dialog

    def login_as(self, user: User) -> None:
        self._clear_screens()
        self.session.set_user(user)
        self._build_screens()
        self._show_user()
        self._load_station_label()
        self.login_dialog = None
        self.updates.check_once()

    def _load_station_label(self) -> None:
        station = self.station

        def job(**_: Any) -> str:
            config = station.store.config.get()
            agency = load_catalogue(override_dir=station.data_dir).get(config.agency_key)
            return " · ".join(p for p in (config.station_code, agency.name if agency else "") if p)

        self.runner.start(job).signals.finished.connect(self.station_label.setText)

    def _on_data_changed(self, what: str) -> None:
        if what == "settings":
            self._load_station_label()

    def logout(self) -> None:
        if self.session.user is None or not self._may_leave():
            return
        self._clear_screens()
        self.session.set_user(None)
        self._show_user()
        self.ask_login()

    # --- language ---------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        if language != qt_app.current_language():
            if not self._may_leave():  # the screens are rebuilt in the new language
                self.language_actions[qt_app.current_language()].setChecked(True)
                return
            qt_app.switch_language(language)
            data_dir = self.station.data_dir
            self.runner.start(lambda **_: qt_app.remember_language(data_dir, language))
        self.language_actions[language].setChecked(True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and not (self._rebuild_pending or self._closed):
            # Qt may send several LanguageChange events for one switch: rebuild once, afterwards.
            self._rebuild_pending = True
            QTimer.singleShot(0, self, self._on_language_changed)
        super().changeEvent(event)

    def _on_language_changed(self) -> None:
        self._rebuild_pending = False
        if self._closed:
            return
        self._retranslate()
        self._rebuild_screens()

    def _rebuild_screens(self) -> None:
        """Rebuild the screens in the new language, on the same screen as before."""
        current = self.current_screen()
        self._clear_screens()
        if self._capture_view is not None and not self._capture_view.stop_button.isEnabled():
            self._retire(self._capture_view)  # rebuilt in the new language unless a scan runs
            self._capture_view = None
        self._build_screens()
        if current:
            self.show_screen(current)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self._closed and not self._may_leave():
            event.ignore()
            return
        self._closed = True
        self.sync.wait()
        self.runner.cancel_all()
        for _round in range(20):  # results may start follow-up tasks: settle before the screens go
            self.runner.wait()
            QCoreApplication.processEvents()
            if QThreadPool.globalInstance().activeThreadCount() == 0:
                break
        self._reap()
        super().closeEvent(event)
