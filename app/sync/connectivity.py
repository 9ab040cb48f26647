"""Connectivity detection: poll the repository's health check and notice when the link comes back."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from app.core.cancel import CancelToken

log = logging.getLogger(__name__)


class Connectivity:
    """Online/offline as seen by ``health()``; probes back off from ``min_s`` to ``max_s`` while down."""

    def __init__(
        self,
        health: Callable[[], bool],
        *,
        min_s: float = 2.0,
        max_s: float = 60.0,
        on_change: Callable[[bool], None] | None = None,
    ) -> None:
        self._health = health
        self._min_s = min_s
        self._max_s = max_s
        self._on_change = on_change
        self.online: bool | None = None  # None until the first probe
        self.last_probe_at: float | None = None

    def check(self) -> bool:
        """Probe now; logs (and reports) every change of state."""
        up = bool(self._health())
        self.last_probe_at = time.monotonic()
        self._set(up)
        return up

    def mark_offline(self) -> None:
        """A request just failed on the network: treat the link as down until a probe says otherwise."""
        self._set(False)

    def wait_online(self, cancel: CancelToken) -> bool:
        """Block until a probe succeeds (True) or ``cancel`` fires (False)."""
        interval = self._min_s
        while not cancel.cancelled:
            if self.check():
                return True
            if cancel.wait(interval):
                break
            interval = min(self._max_s, interval * 2)
        return False

    def _set(self, up: bool) -> None:
        if up == self.online:
            return
        self.online = up
        log.info("Central repository %s", "reachable" if up else "unreachable")
        if self._on_change is not None:
            self._on_change(up)
