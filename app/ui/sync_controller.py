"""Runs the outbox in the background for the whole session and tells the screens how it goes."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from app.core.cancel import CancelToken
from app.core.errors import StationError
from app.sync_service import SyncHandle, build_sync, run_sync_forever
from app.ui.app import current_language
from app.ui.session import UiSession
from app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)


class SyncController(QObject):
    """Starts sending when the station has a repository configured; pause, resume, send now."""

    progress = Signal(object)  # app.sync.runner.SyncProgress
    link_changed = Signal(object)  # True online, False offline, None unknown / not configured
    running_changed = Signal(bool)
    problem = Signal(str)  # Vietnamese text of the last error that stopped sending

    def __init__(self, session: UiSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        pool = QThreadPool(self)  # its own thread: the loop runs for hours, screens need the shared pool
        pool.setMaxThreadCount(1)
        self._runner = TaskRunner(pool)
        self._task: Task | None = None
        self._handle: SyncHandle | None = None
        self.online: bool | None = None

    @property
    def running(self) -> bool:
        return self._task is not None

    def start(self) -> None:
        """Begin sending (no-op when running); a station without a repository says so once."""
        if self._task is not None:
            return
        store = self.session.station.store
        try:
            # Signals may be emitted from the sync thread: Qt queues them to the screens' thread.
            handle = build_sync(store, on_progress=self.progress.emit, on_link=self._on_link)
        except StationError as exc:
            self.link_changed.emit(None)
            self.problem.emit(exc.user_message(current_language()))
            return
        self._handle = handle

        def job(progress: Any, cancel: CancelToken, emit: Any) -> None:
            run_sync_forever(handle, cancel)

        self._task = self._runner.start(job, on_finished=self._on_stopped, on_failed=self._on_failed)
        self.running_changed.emit(True)

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel.cancel()

    def wait(self, msecs: int = 10000) -> bool:
        self.stop()
        return self._runner.wait(msecs)

    def send_now(self) -> None:
        """Failed documents become due now and the loop wakes up (starting it if paused)."""
        store = self.session.station.store
        store.outbox.retry_now(datetime.now(UTC))
        if self._handle is not None and self._task is not None:
            if self._handle.runner.paused:
                self._handle.runner.resume_auth()
            self._handle.runner.nudge()
        else:
            self.start()

    def _on_link(self, online: bool) -> None:  # called on the sync thread
        self.online = online
        self.link_changed.emit(online)

    def _on_stopped(self, _result: object) -> None:
        self._task, self._handle = None, None
        self.running_changed.emit(False)

    def _on_failed(self, error: object) -> None:
        self._on_stopped(None)
        message = error.user_message(current_language()) if isinstance(error, StationError) else str(error)
        self.problem.emit(message)
