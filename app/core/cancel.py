"""Cancel tokens and progress callbacks shared by every long-running job (no Qt, no threads)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from app.core.errors import ScanCancelled


class CancelToken:
    """A thread-safe flag a job polls between units of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise ScanCancelled()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; return True (early) when cancelled."""
        return self._event.wait(seconds)


@dataclass(frozen=True)
class ProgressEvent:
    """One step of a job: ``done`` of ``total`` units (total 0 when unknown) and a short label."""

    done: int
    total: int
    label: str = ""


ProgressFn = Callable[[ProgressEvent], None]


def no_progress(_event: ProgressEvent) -> None:
    """A progress callback that ignores every event."""
