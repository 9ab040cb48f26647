"""The scan job the scan screen runs on the task runner: capture with live page work, assemble, then OCR."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, cast

from app.bootstrap import Station
from app.core.accounts import User
from app.core.cancel import CancelToken
from app.core.models import Batch
from app.core.outputs import recognize_pages
from app.core.pipeline import BatchResult, assemble
from app.core.ports import CaptureJournal, DeviceInfo, ScanSettings
from app.core.session import ScanSession

log = logging.getLogger(__name__)


def scan_job(
    station: Station, device: DeviceInfo, settings: ScanSettings, user: User | None = None
) -> Callable[..., BatchResult]:
    """A runner job that emits ("ready", PageReady), ("done", PageResult), a scanner StationError, and
    ("assembled", BatchResult) once the documents exist; OCR runs last and reports progress. The new
    batch is marked as scanned by ``user`` (the dashboard's pages per officer)."""
    scanner = station.scanners[device.driver]
    journal = cast(CaptureJournal, ScannedBy(station, user.login)) if user is not None else station.journal

    def job(progress: Any, cancel: CancelToken, emit: Any) -> BatchResult:
        with station.worker_pool() as pool:
            session = ScanSession(
                journal,
                station.thumbnail,
                station.analyze,
                pool,
                on_ready=lambda ready: emit(("ready", ready)),
                on_done=lambda done: emit(("done", done)),
            )
            scanned = session.scan(scanner, device.id, settings, device.name, cancel)
            if scanned.error is not None:
                emit(scanned.error)
            pages = station.journal.list_pages(scanned.batch.id)
            result = assemble(station.journal, scanned.batch.id, [scanned.results[p.id] for p in pages])
            emit(("assembled", result))
            # OCR last, in the low-priority pool: the pages are already on screen and labelled
            recognize_pages(
                station.journal, scanned.batch.id, station.read_text, executor=pool, progress=progress
            )
        station.describe_batch(result)  # records pre-filled for the describe screen, one PDF each
        return result

    return job


class ScannedBy:
    """The store as the scan session's journal, with new batches marked as scanned by one officer."""

    def __init__(self, station: Station, login: str) -> None:
        self._station, self._login = station, login

    def create_batch(self, name: str, device: str = "") -> Batch:
        return self._station.store.create_batch(name, device, created_by=self._login)

    def __getattr__(self, name: str) -> Any:  # every other journal method: the store's own
        return getattr(self._station.journal, name)
