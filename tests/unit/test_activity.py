"""Station activity (pages, rejections, backlog per day; work per officer) against hand-computed figures."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from app.core.activity import (
    APPROVE,
    REJECT,
    SUBMIT,
    ActivityFacts,
    PageScan,
    QueueEntry,
    ReviewStep,
    active_hours,
    compute_activity,
)

VN = timezone(timedelta(hours=7))
START, END = date(2026, 3, 2), date(2026, 3, 4)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A time on ``day`` March 2026, station time (UTC+7)."""
    return datetime(2026, 3, day, hour, minute, tzinfo=VN)


# lan: four pages and a rescan on 2 March, then submits document 1; hung: one page early on 3 March
# local time, which is still 2 March in UTC.
PAGES = [
    PageScan(at(2, 8, 0), 1, "lan", "khai_sinh"),
    PageScan(at(2, 8, 5), 1, "lan", "khai_sinh"),
    PageScan(at(2, 8, 20), 1, "lan", "ket_hon"),  # exactly 15 min after the previous: same spell
    PageScan(at(2, 9, 0), 1, "lan", "khai_sinh"),  # 40 min gap: a new spell
    PageScan(at(2, 9, 10), 1, "lan", "khai_sinh", rescan=True),
    PageScan(datetime(2026, 3, 2, 23, 30, tzinfo=UTC), 2, "hung", "khai_sinh"),  # 3 March, 06:30 local
]
STEPS = [
    ReviewStep(at(1, 10), REJECT, 9, "boss", "lan", "khai_sinh"),  # before the period
    ReviewStep(at(2, 9, 20), SUBMIT, 1, "lan", "lan", "khai_sinh"),
    ReviewStep(at(3, 14), REJECT, 1, "boss", "lan", "khai_sinh"),
    ReviewStep(at(4, 9), APPROVE, 1, "boss", "lan", "khai_sinh"),
    ReviewStep(at(4, 9, 5), APPROVE, 2, "boss", "lan", "ket_hon"),
    ReviewStep(at(4, 16), REJECT, 3, "boss", "hung", "khai_sinh"),
]
QUEUE = [
    QueueEntry(2, at(1, 11), at(3, 12), "lan", "ket_hon"),  # sent on 3 March
    QueueEntry(4, at(2, 15), None, "lan", "khai_sinh"),  # still waiting
    QueueEntry(1, at(4, 10), None, "lan", "khai_sinh"),
]
FACTS = ActivityFacts(pages=PAGES, steps=STEPS, queue=QUEUE)


def _series(report, name: str) -> list[int]:
    return [getattr(day, name) for day in report.days]


def test_spells_join_events_up_to_fifteen_minutes_apart() -> None:
    t0 = at(2, 8)
    assert active_hours([]) == 0.0
    assert active_hours([t0]) == pytest.approx(1 / 60)  # a lone event counts one minute
    assert active_hours([t0, t0]) == pytest.approx(1 / 60)
    assert active_hours([t0, t0 + timedelta(minutes=15)]) == pytest.approx(0.25)
    split = [t0, t0 + timedelta(minutes=15, seconds=1)]
    assert active_hours(split) == pytest.approx(2 / 60)  # two lone spells
    unsorted = [t0 + timedelta(minutes=25), t0, t0 + timedelta(minutes=10)]
    assert active_hours(unsorted) == pytest.approx(25 / 60)  # one spell 08:00–08:25
    gap = [t0, t0 + timedelta(minutes=10), t0 + timedelta(minutes=30)]
    assert active_hours(gap) == pytest.approx(11 / 60)  # 08:00–08:10, then 08:30 alone


def test_daily_series_count_pages_rejections_and_backlog_in_station_time() -> None:
    report = compute_activity(FACTS, start=START, end=END, tz=VN)
    assert [d.day for d in report.days] == [date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)]
    assert _series(report, "pages") == [4, 1, 0]  # the rescan is not a new page
    assert _series(report, "rejections") == [0, 1, 1]  # the 1 March rejection is outside the period
    assert _series(report, "backlog") == [2, 1, 2]
    assert (report.total_pages, report.total_rejections, report.backlog_now) == (5, 2, 2)
    assert report.doc_types == ["ket_hon", "khai_sinh"]
    assert report.officer_logins == ["hung", "lan"]


def test_days_follow_the_time_zone_given() -> None:
    report = compute_activity(FACTS, start=START, end=END, tz=UTC)
    assert _series(report, "pages") == [5, 0, 0]  # hung's page is 2 March in UTC


def test_officer_lines_give_hours_pace_rescans_and_rejection_rate() -> None:
    lines = {o.officer: o for o in compute_activity(FACTS, start=START, end=END, tz=VN).officers}
    assert list(lines) == ["hung", "lan"]
    lan, hung = lines["lan"], lines["hung"]
    # lan's spells: 08:00–08:20 (20 min) and 09:00–09:20 (page, rescan, submit: 20 min) = 40 min
    assert lan.hours == pytest.approx(40 / 60, abs=1e-4)
    assert lan.pages_per_hour == pytest.approx(6.0, abs=1e-3)
    assert (lan.pages, lan.rescans, lan.submitted) == (4, 1, 1)
    assert (lan.approved, lan.returned) == (2, 1)
    assert lan.rejection_rate == pytest.approx(1 / 3)
    assert hung.hours == pytest.approx(1 / 60, abs=1e-4)
    assert hung.pages_per_hour == pytest.approx(60.0, abs=0.5)
    assert (hung.pages, hung.approved, hung.returned, hung.rejection_rate) == (1, 0, 1, 1.0)


def test_result_type_filter_keeps_only_that_type() -> None:
    report = compute_activity(FACTS, start=START, end=END, doc_type="ket_hon", tz=VN)
    assert _series(report, "pages") == [1, 0, 0]
    assert _series(report, "rejections") == [0, 0, 0]
    assert _series(report, "backlog") == [1, 0, 0]
    assert [o.officer for o in report.officers] == ["lan"]
    lan = report.officers[0]
    assert (lan.pages, lan.hours, lan.submitted, lan.approved, lan.rejection_rate) == (
        1,
        pytest.approx(1 / 60, abs=1e-4),
        0,
        1,
        0.0,
    )
    assert report.doc_types == ["ket_hon", "khai_sinh"]  # the filter's choices stay complete


def test_officer_filter_keeps_only_their_work() -> None:
    report = compute_activity(FACTS, start=START, end=END, officer="hung", tz=VN)
    assert _series(report, "pages") == [0, 1, 0]
    assert _series(report, "rejections") == [0, 0, 1]
    assert _series(report, "backlog") == [0, 0, 0]
    assert [o.officer for o in report.officers] == ["hung"]


def test_officer_without_decisions_has_no_rate_and_empty_period_is_zero() -> None:
    report = compute_activity(FACTS, start=date(2026, 2, 1), end=date(2026, 2, 2), tz=VN)
    assert _series(report, "pages") == [0, 0]
    assert report.officers == []
    only_pages = compute_activity(ActivityFacts(pages=PAGES[:1]), start=START, end=START, tz=VN)
    assert only_pages.officers[0].rejection_rate is None


def test_period_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError):
        compute_activity(FACTS, start=END, end=START)
