"""Demo profile only: a few weeks of scanning history for the screenshots' dashboard.

Each working day of the last four weeks gets a batch captured from the demo feeder by the demo
officer (one to three passes of the feeder, six sheets each), moved to 08:00 station time of that
day. Nothing here runs for a real station.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta, timezone

from app.core.accounts import User
from app.core.cancel import CancelToken
from app.core.pipeline import capture
from app.core.ports import Scanner, ScanSettings
from app.store import SqliteStore
from app.store.demo_history import move_batch

log = logging.getLogger(__name__)

STATION_TIME = timezone(timedelta(hours=7))  # the demo station is in Vietnam
HISTORY_DAYS = 28


def morning(day: date, hour: int = 8) -> datetime:
    return datetime.combine(day, time(hour), STATION_TIME)


def add_scanning_history(
    store: SqliteStore, scanner: Scanner, device: str, officer: User, today: date
) -> list[int]:
    """One batch per working day before ``today`` (weekends left empty); returns the batch ids."""
    made = []
    for back in range(HISTORY_DAYS, 0, -1):
        day = today - timedelta(days=back)
        if day.weekday() >= 5:
            continue
        batch = store.create_batch(f"Lô lưu trữ {day:%d/%m}", device, created_by=officer.login)
        for _ in range(1 + (back * 7) % 3):
            capture(scanner, device, ScanSettings(), store, batch_name=batch.name, batch_id=batch.id)
        move_batch(store, batch.id, morning(day), seconds_per_page=40.0 + (back % 4) * 10.0)
        made.append(batch.id)
    log.info("demo history: %d batches", len(made))
    return made


def age_demo_batches(
    store: SqliteStore, officer: User, today: date, *, approved: int, submitted: int, fresh: int
) -> None:
    """The screenshots' demo batches on earlier days: the approved one scanned nine days ago, queued
    the next day and confirmed two days ago; the submitted one five days ago; the fresh one today."""
    login = officer.login
    move_batch(
        store,
        approved,
        morning(today - timedelta(days=9), 9),
        scanned_by=login,
        queued_at=morning(today - timedelta(days=8), 15),
        sent_at=morning(today - timedelta(days=2), 10),
    )
    move_batch(store, submitted, morning(today - timedelta(days=5), 9), scanned_by=login)
    move_batch(store, fresh, morning(today, 8), scanned_by=login)


def rescan_one_page(store: SqliteStore, scanner: Scanner, device: str, officer: User, batch_id: int) -> None:
    """The officer rescans the second page of a draft batch (the dashboard's rescans column)."""
    page = store.list_pages(batch_id)[1]
    fresh = next(scanner.scan(device, ScanSettings(max_pages=1), CancelToken()))
    store.editing.replace_page(officer, page.id, fresh)
