"""The one bridge from core jobs to Qt: run callables on a thread pool, deliver results on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
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


Slot = Callable[[Any], None]


class Delivery(QObject):
    """Hands one task's signals to its slots while the owner lives.

    A child of the owner (the receiving widget): connections to this object's bound methods are cut
    by Qt when the owner is destroyed, and results queued for it are dropped with it. Slots given as
    ``functools.partial`` or lambdas capturing a widget would otherwise outlive the widget and run
    on a deleted C++ object ("Internal C++ object already deleted").
    """

    def __init__(self, owner: QObject, task: Task, slots: dict[str, Slot | None]) -> None:
        super().__init__(owner)
        self._owner = owner
        self._slots = slots
        signals = task.signals
        signals.finished.connect(self._on_finished)
        signals.failed.connect(self._on_failed)
        signals.progress.connect(self._on_progress)
        signals.item.connect(self._on_item)

    def _call(self, name: str, value: object) -> None:
        slot = self._slots.get(name)
        if slot is not None and shiboken6.isValid(self._owner):
            slot(value)

    def _on_progress(self, event: object) -> None:
        self._call("progress", event)

    def _on_item(self, item: object) -> None:
        self._call("item", item)

    def _on_finished(self, result: object) -> None:
        try:
            self._call("finished", result)
        finally:
            self._end()

    def _on_failed(self, error: object) -> None:
        try:
            self._call("failed", error)
        finally:
            self._end()

    def _end(self) -> None:
        self._slots = {}  # the task is over: let go of the slots' captured state
        if shiboken6.isValid(self):  # the slot may have deleted the owner (and so this) already
            self.deleteLater()


class TaskRunner:
    """Starts tasks on a shared pool and keeps them alive until they finish."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()
        self._running: set[Task] = set()

    def start(
        self,
        fn: Callable[..., Any],
        on_finished: Slot | None = None,
        on_failed: Slot | None = None,
        *,
        owner: QObject | None = None,
        on_progress: Slot | None = None,
        on_item: Slot | None = None,
    ) -> Task:
        """Run ``fn`` on the pool. It starts once control returns to the event loop, so that the
        caller can still connect the task's signals after this call without missing a quick result.

        With ``owner`` (the screen that shows the result) the ``on_*`` slots are called only while
        the owner lives: a result that arrives after logout or a screen rebuild is dropped quietly.
        Screens pass ``owner=self``; connect ``task.signals`` by hand only to the owner's bound methods.
        """
        task = Task(fn)
        task.setAutoDelete(False)
        self._running.add(task)
        slots = {"finished": on_finished, "failed": on_failed, "progress": on_progress, "item": on_item}
        if owner is not None:
            Delivery(owner, task, slots)
        else:
            for name, slot in slots.items():
                if slot is not None:
                    getattr(task.signals, name).connect(slot)
        task.signals.finished.connect(lambda _r: self._running.discard(task))
        task.signals.failed.connect(lambda _e: self._running.discard(task))
        QTimer.singleShot(0, lambda: self.pool.start(task))
        return task

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
