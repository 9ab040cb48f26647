"""Station activity over a period: pages and rejections per day, the send backlog, work per officer.

Pure figures from plain facts the store's read model gathers (``ActivityFacts``). Days are counted in
the station's time zone (``tz``); the store keeps UTC. Rules, so every figure can be checked by hand:

- *Pages* are newly scanned pages; a rescan replaces a page in place and is counted as a rescan only.
- *Active time* of an officer: their event times (pages scanned, rescans, documents submitted) sorted;
  events at most ``SPELL_GAP`` (15 min) apart belong to one working spell; hours are the sum of the
  spells' lengths, and a spell of one event (or of events at the same instant) counts ``LONE_EVENT``
  (1 min), so a single page never reads as zero time or infinite pace.
- *Rejection rate* of an officer: documents they described that a supervisor returned, over every
  approve or return decision on their documents in the period (None when there was no decision).
- *Backlog* at the end of a day: documents queued for the central repository by then that had not
  left the queue yet (confirmed, or refused for good, which the send screen shows to a person).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

log = logging.getLogger(__name__)

SPELL_GAP = timedelta(minutes=15)
LONE_EVENT = timedelta(minutes=1)
SUBMIT, APPROVE, REJECT = "submit", "approve", "reject"


@dataclass(frozen=True)
class PageScan:
    """A page scanned (or rescanned) at the station; ``officer`` is a login, "" when unknown."""

    at: datetime
    batch_id: int
    officer: str
    doc_type: str  # the type of the document the page belongs to, "" when in none yet
    rescan: bool = False


@dataclass(frozen=True)
class ReviewStep:
    """One review step from the audit log: ``actor`` did it; ``officer`` described the document."""

    at: datetime
    action: str  # SUBMIT, APPROVE or REJECT
    document_id: int
    actor: str
    officer: str
    doc_type: str


@dataclass(frozen=True)
class QueueEntry:
    """A document in the send queue: when it was queued and when it left it (None: still waiting)."""

    document_id: int
    enqueued_at: datetime
    left_at: datetime | None
    officer: str
    doc_type: str


@dataclass(frozen=True)
class ActivityFacts:
    pages: Sequence[PageScan] = ()
    steps: Sequence[ReviewStep] = ()
    queue: Sequence[QueueEntry] = ()


@dataclass(frozen=True)
class DayFigures:
    day: date
    pages: int
    rejections: int
    backlog: int  # waiting to be sent at the end of the day


@dataclass(frozen=True)
class OfficerActivity:
    officer: str  # login ("" when unknown)
    pages: int = 0
    rescans: int = 0
    hours: float = 0.0
    submitted: int = 0
    approved: int = 0  # approve decisions on documents they described
    returned: int = 0  # reject decisions on documents they described

    @property
    def pages_per_hour(self) -> float | None:
        return self.pages / self.hours if self.hours > 0 else None

    @property
    def rejection_rate(self) -> float | None:
        """Share (0–1) of decisions on their documents that sent the document back."""
        decided = self.approved + self.returned
        return self.returned / decided if decided else None


@dataclass(frozen=True)
class ActivityReport:
    start: date
    end: date
    days: list[DayFigures]
    officers: list[OfficerActivity]
    doc_types: list[str] = field(default_factory=list)  # every type seen (for the filter's choices)
    officer_logins: list[str] = field(default_factory=list)  # every officer seen (same)

    @property
    def total_pages(self) -> int:
        return sum(d.pages for d in self.days)

    @property
    def total_rejections(self) -> int:
        return sum(d.rejections for d in self.days)

    @property
    def backlog_now(self) -> int:
        return self.days[-1].backlog if self.days else 0


def active_hours(times: Iterable[datetime]) -> float:
    """Hours in working spells (see the module docstring): events ≤ SPELL_GAP apart join one spell."""
    ordered = sorted(times)
    if not ordered:
        return 0.0
    total = timedelta()
    spell_start = previous = ordered[0]
    for at in ordered[1:]:
        if at - previous > SPELL_GAP:
            total += _spell(spell_start, previous)
            spell_start = at
        previous = at
    total += _spell(spell_start, previous)
    return total.total_seconds() / 3600.0


def _spell(first: datetime, last: datetime) -> timedelta:
    return max(last - first, LONE_EVENT)


def compute_activity(
    facts: ActivityFacts,
    *,
    start: date,
    end: date,
    doc_type: str | None = None,
    officer: str | None = None,
    tz: tzinfo = UTC,
) -> ActivityReport:
    """Daily series over ``[start, end]`` and one line per officer, optionally for one type / officer."""
    if end < start:
        raise ValueError("the period ends before it starts")
    kept = _Filter(start, end, doc_type, officer, tz)
    pages = [p for p in facts.pages if kept.match(p.at, p.doc_type, p.officer)]
    steps = [s for s in facts.steps if kept.match(s.at, s.doc_type, s.officer)]
    queue = [q for q in facts.queue if kept.match(None, q.doc_type, q.officer)]
    days = [_day(day, pages, steps, queue, tz) for day in _dates(start, end)]
    return ActivityReport(
        start=start,
        end=end,
        days=days,
        officers=_officers(pages, steps, officer),
        doc_types=sorted(({p.doc_type for p in facts.pages} | {s.doc_type for s in facts.steps}) - {""}),
        officer_logins=sorted(({p.officer for p in facts.pages} | {s.officer for s in facts.steps}) - {""}),
    )


@dataclass(frozen=True)
class _Filter:
    start: date
    end: date
    doc_type: str | None
    officer: str | None
    tz: tzinfo

    def match(self, at: datetime | None, doc_type: str, officer: str) -> bool:
        if self.doc_type is not None and doc_type != self.doc_type:
            return False
        if self.officer is not None and officer != self.officer:
            return False
        return at is None or self.start <= _local_day(at, self.tz) <= self.end


def _local_day(at: datetime, tz: tzinfo) -> date:
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return aware.astimezone(tz).date()


def _dates(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def _day(
    day: date, pages: list[PageScan], steps: list[ReviewStep], queue: list[QueueEntry], tz: tzinfo
) -> DayFigures:
    def waiting(entry: QueueEntry) -> bool:
        queued = _local_day(entry.enqueued_at, tz) <= day
        return queued and (entry.left_at is None or _local_day(entry.left_at, tz) > day)

    return DayFigures(
        day=day,
        pages=sum(1 for p in pages if not p.rescan and _local_day(p.at, tz) == day),
        rejections=sum(1 for s in steps if s.action == REJECT and _local_day(s.at, tz) == day),
        backlog=sum(1 for q in queue if waiting(q)),
    )


def _officers(pages: list[PageScan], steps: list[ReviewStep], only: str | None) -> list[OfficerActivity]:
    logins = {p.officer for p in pages} | {s.actor for s in steps if s.action == SUBMIT}
    logins |= {s.officer for s in steps if s.action in (APPROVE, REJECT)}
    if only is not None:
        logins &= {only}
    return [_officer(login, pages, steps) for login in sorted(logins, key=lambda k: (k == "", k))]


def _officer(login: str, pages: list[PageScan], steps: list[ReviewStep]) -> OfficerActivity:
    scans = [p for p in pages if p.officer == login]
    submits = [s for s in steps if s.action == SUBMIT and s.actor == login]
    decisions = [s for s in steps if s.officer == login and s.action in (APPROVE, REJECT)]
    return OfficerActivity(
        officer=login,
        pages=sum(1 for p in scans if not p.rescan),
        rescans=sum(1 for p in scans if p.rescan),
        hours=round(active_hours([p.at for p in scans] + [s.at for s in submits]), 4),
        submitted=len(submits),
        approved=sum(1 for s in decisions if s.action == APPROVE),
        returned=sum(1 for s in decisions if s.action == REJECT),
    )
