"""Composition of a whole batch's processing: capture from a scanner, cleanup + OCR + PDF parts in
the worker pool, descriptions and records, then one PDF/A per document. Used by `sohoa process`, the
demo screenshots and the tests; the GUI runs the same steps piecemeal."""

from __future__ import annotations

import logging

from app.bootstrap import Station
from app.core.accounts import User
from app.core.outputs import Description
from app.core.pipeline import BatchResult, capture, process_batch
from app.core.ports import ScanSettings

log = logging.getLogger(__name__)


def scan_and_process(
    station: Station,
    scanner_key: str,
    device: str,
    name: str,
    workers: int = 2,
    *,
    ocr: bool = True,
    by: User | None = None,
) -> tuple[BatchResult, dict[int, Description]]:
    """Capture everything the device delivers into a new batch named ``name`` (scanned ``by`` the
    logged-in officer, when there is one), then process it."""
    scanner = station.scanners[scanner_key]
    batch = station.store.create_batch(name, device, created_by=by.login if by else None)
    captured = capture(scanner, device, ScanSettings(), station.journal, batch_name=name, batch_id=batch.id)
    if captured.error is not None:
        raise captured.error
    work = station.analyze_read_prepare if ocr else station.analyze
    with station.worker_pool(workers) as pool:
        result = process_batch(station.journal, captured.batch.id, work, executor=pool)
    if not ocr:
        return result, {}
    described = station.describe_batch(result)
    return result, described


def process_demo_batch(station: Station, name: str, workers: int = 2, by: User | None = None) -> BatchResult:
    """The demo feeder's sample pages as a processed batch (two documents, draft, with records)."""
    device = station.scanners["simulated"].list_devices()[0].id
    return scan_and_process(station, "simulated", device, name, workers, by=by)[0]
