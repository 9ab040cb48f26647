"""What every screen is given: the station's services, the task runner and the logged-in user."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from app.bootstrap import Station
from app.core.accounts import Action, User
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class SessionSignals(QObject):
    user_changed = Signal(object)  # User | None
    data_changed = Signal(str)  # what changed: "batches", "documents", "outbox", "audit", "settings"


@dataclass
class UiSession:
    """Shared by the screens. Screens never touch the database on the GUI thread: they call store
    methods through ``runner.start`` and update themselves from the results."""

    station: Station
    runner: TaskRunner
    user: User | None = None
    signals: SessionSignals = field(default_factory=SessionSignals)
    # The signing key's passphrase or token PIN once typed (app.ui.signing_secret): memory only,
    # kept out of repr, forgotten whenever the user changes (logout included).
    signing_secret: str | None = field(default=None, repr=False)

    def can(self, action: Action) -> bool:
        return self.user is not None and self.user.can(action)

    def set_user(self, user: User | None) -> None:
        self.signing_secret = None
        self.user = user
        self.signals.user_changed.emit(user)

    def changed(self, what: str) -> None:
        self.signals.data_changed.emit(what)
