"""The optional send window: the hours (local time) during which the outbox may use the link."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SendWindow:
    """Open from ``start`` to ``end`` each day; ``end`` before ``start`` spans midnight (18:00–07:00)."""

    start: time
    end: time
    tz: tzinfo | None = None  # None: the machine's local zone

    @classmethod
    def parse(cls, text: str) -> SendWindow:
        """``"18:00-07:00"`` -> SendWindow(18:00, 07:00)."""
        first, _, second = text.replace("–", "-").partition("-")
        try:
            return cls(time.fromisoformat(first.strip()), time.fromisoformat(second.strip()))
        except ValueError as exc:
            raise ValueError(f"send window must look like 18:00-07:00, got {text!r}") from exc

    def _local(self, now: datetime) -> datetime:
        return now.astimezone(self.tz) if self.tz is not None else now.astimezone()

    def is_open(self, now: datetime) -> bool:
        t = self._local(now).time()
        if self.start == self.end:
            return True
        if self.start < self.end:
            return self.start <= t < self.end
        return t >= self.start or t < self.end

    def seconds_until_open(self, now: datetime) -> float:
        """0 when open, else the wait until the next ``start``."""
        if self.is_open(now):
            return 0.0
        local = self._local(now)
        opening = local.replace(
            hour=self.start.hour, minute=self.start.minute, second=self.start.second, microsecond=0
        )
        if opening <= local:
            opening += timedelta(days=1)
        return (opening - local).total_seconds()
