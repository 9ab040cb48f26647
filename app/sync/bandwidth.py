"""Bandwidth cap for uploads: a pacing limiter wrapped around the chunk reader the transport calls."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from app.core.cancel import CancelToken

log = logging.getLogger(__name__)

ReadChunk = Callable[[int, int], bytes]


class RateLimiter:
    """Lets ``bytes_per_s`` through on average, with a burst of ``burst_s`` seconds' worth."""

    def __init__(
        self,
        bytes_per_s: float,
        burst_s: float = 0.25,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if bytes_per_s <= 0:
            raise ValueError("bytes_per_s must be positive")
        self.bytes_per_s = bytes_per_s
        self._burst_s = burst_s
        self._monotonic = monotonic
        self._next_free = monotonic()
        self._lock = threading.Lock()

    def delay_for(self, n: int) -> float:
        """Book ``n`` bytes; returns how long the caller must wait before sending them."""
        with self._lock:
            now = self._monotonic()
            start = max(self._next_free, now - self._burst_s)
            self._next_free = start + n / self.bytes_per_s
            return max(0.0, self._next_free - now - self._burst_s)

    def consume(self, n: int, cancel: CancelToken | None = None) -> None:
        """Wait (cancellably) until ``n`` more bytes fit under the cap."""
        delay = self.delay_for(n)
        if delay <= 0:
            return
        if cancel is not None:
            cancel.wait(delay)
        else:
            time.sleep(delay)


def throttled(read: ReadChunk, limiter: RateLimiter | None, cancel: CancelToken) -> ReadChunk:
    """``read`` that hands out bytes no faster than the limiter allows (``read`` itself when no cap)."""
    if limiter is None:
        return read
    cap = limiter

    def read_paced(offset: int, n: int) -> bytes:
        data = read(offset, n)
        cap.consume(len(data), cancel)
        return data

    return read_paced
