"""The one bridge from core jobs to Qt: run callables on a thread pool, deliver results on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from app.core.cancel import CancelToken, ProgressEvent
from app.core.errors import StationError

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    """Signals a background task emits; Qt queues them onto the receiver's (GUI) thread."""

    progress = Signal(object)  # ProgressEvent
    item = Signal(object)  # an intermediate result (a page just scanned ...)
    finished = Signal(object)
    failed = Signal(object)  # StationError (or a wrapped unexpected error)


class Task(QRunnable):
    """A core job ``fn(progress=..., cancel=..., emit=...)`` run off the GUI thread."""

    def __init__(self, fn: Callable[..., Any]) -> None:
        super().__init__()
        self.fn = fn
        self.cancel = CancelToken()
        self.signals = TaskSignals()

    def run(self) -> None:
        try:
            result = self.fn(progress=self._progress, cancel=self.cancel, emit=self.signals.item.emit)
        except StationError as exc:
            self.signals.failed.emit(exc)
        except Exception as exc:
            log.exception("background task failed")
            self.signals.failed.emit(StationError(type(exc).__name__))
        else:
            self.signals.finished.emit(result)

    def _progress(self, event: ProgressEvent) -> None:
        self.signals.progress.emit(event)


class TaskRunner:
    """Starts tasks on a shared pool and keeps them alive until they finish."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()
        self._running: set[Task] = set()

    def start(
        self,
        fn: Callable[..., Any],
        on_finished: Callable[[Any], None] | None = None,
        on_failed: Callable[[Any], None] | None = None,
    ) -> Task:
        """Run ``fn`` on the pool. It starts once control returns to the event loop, so that the
        caller can still connect the task's signals after this call without missing a quick result."""
        task = Task(fn)
        task.setAutoDelete(False)
        self._running.add(task)
        if on_finished is not None:
            task.signals.finished.connect(on_finished)
        if on_failed is not None:
            task.signals.failed.connect(on_failed)
        task.signals.finished.connect(lambda _r: self._running.discard(task))
        task.signals.failed.connect(lambda _e: self._running.discard(task))
        QTimer.singleShot(0, lambda: self.pool.start(task))
        return task

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
