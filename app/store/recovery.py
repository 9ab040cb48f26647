"""Start-up recovery: finish or flag whatever a crash or power cut left half-done in the store."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from app.core.models import BatchState, PageState
from app.store.db import integrity_check, translated, writer
from app.store.filestore import BlobStore
from app.store.orm import BatchRow, PageRow, utc_now

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecoveryReport:
    """What recovery found and did; ``ran`` is False when another process had the store open."""

    ran: bool = True
    integrity: tuple[str, ...] = ("ok",)
    temp_files_removed: int = 0
    interrupted_batches: tuple[int, ...] = ()  # were "scanning", now "captured"
    missing_pages: tuple[int, ...] = ()  # marked failed, error_code "missing_file"
    corrupt_pages: tuple[int, ...] = ()  # marked failed, error_code "integrity"
    orphan_blobs: int = 0  # files no page row points at (kept)
    pages_checked: int = 0
    pages_hashed: int = 0

    @property
    def integrity_ok(self) -> bool:
        return self.integrity == ("ok",)

    @property
    def clean(self) -> bool:
        """Nothing needed attention (orphan blobs are harmless and do not count)."""
        return (
            self.integrity_ok
            and not self.interrupted_batches
            and not self.missing_pages
            and not self.corrupt_pages
        )


def recover(engine: Engine, blobs: BlobStore, *, deep: bool = False) -> RecoveryReport:
    """Run every recovery step. Page files of interrupted batches are hashed, others only checked for
    presence and size (a start-up must stay fast with thousands of pages); ``deep`` hashes them all.

    The caller must hold the store's write lock and be the only process with the store open.
    """
    integrity = tuple(integrity_check(engine))
    if integrity != ("ok",):
        log.error("SQLite integrity check failed (%d problems)", len(integrity))
    removed = blobs.remove_temp_files()
    # Verify and flag first, close the scan last: a crash during recovery repeats the whole of it.
    interrupted = _scanning_batches(engine)
    checked, hashed, problems = _check_page_blobs(engine, blobs, None if deep else set(interrupted))
    _mark_failed(engine, problems)
    _close_batches(engine, interrupted)
    orphans = _count_orphans(engine, blobs)
    report = RecoveryReport(
        integrity=integrity,
        temp_files_removed=removed,
        interrupted_batches=interrupted,
        missing_pages=tuple(pid for pid, code in problems.items() if code == "missing_file"),
        corrupt_pages=tuple(pid for pid, code in problems.items() if code == "integrity"),
        orphan_blobs=orphans,
        pages_checked=checked,
        pages_hashed=hashed,
    )
    _log_report(report)
    return report


def _scanning_batches(engine: Engine) -> tuple[int, ...]:
    """Batches still "scanning" at start-up: their scan was interrupted."""
    query = select(BatchRow.id).where(BatchRow.state == BatchState.SCANNING.value).order_by(BatchRow.id)
    with translated("listing interrupted scans"), Session(engine) as session:
        return tuple(session.scalars(query).all())


def _close_batches(engine: Engine, batch_ids: tuple[int, ...]) -> None:
    """An interrupted scan becomes "captured": every page it delivered is journaled."""
    if not batch_ids:
        return
    with translated("closing interrupted scans"), Session(writer(engine)) as session, session.begin():
        session.execute(
            update(BatchRow)
            .where(BatchRow.id.in_(batch_ids), BatchRow.state == BatchState.SCANNING.value)
            .values(state=BatchState.CAPTURED.value, updated_at=utc_now())
        )


def _check_page_blobs(
    engine: Engine, blobs: BlobStore, hash_batches: set[int] | None
) -> tuple[int, int, dict[int, str]]:
    """Verify live pages' files outside any transaction (``hash_batches`` None: hash every file).

    Returns (pages checked, files hashed, {page id: error code}).
    """
    query = (
        select(PageRow.id, PageRow.sha256, PageRow.size, PageRow.batch_id)
        .where(PageRow.state != PageState.FAILED.value, PageRow.scan_purged_at.is_(None))
        .order_by(PageRow.id)
    )
    with translated("checking page files"), Session(engine) as session:
        rows = session.execute(query).all()
    verdicts: dict[tuple[str, bool], str | None] = {}
    problems: dict[int, str] = {}
    hashed = 0
    for page_id, sha, size, batch_id in rows:
        hash_it = hash_batches is None or batch_id in hash_batches
        key = (sha, hash_it)
        if key not in verdicts:
            verdicts[key] = blobs.verify(sha, size, deep=hash_it)
            hashed += int(hash_it)
        if verdicts[key] is not None:
            problems[page_id] = str(verdicts[key])
    return len(rows), hashed, problems


def _mark_failed(engine: Engine, problems: dict[int, str]) -> None:
    if not problems:
        return
    with translated("flagging damaged pages"), Session(writer(engine)) as session, session.begin():
        for page_id, code in problems.items():
            session.execute(
                update(PageRow)
                .where(PageRow.id == page_id)
                .values(state=PageState.FAILED.value, error_code=code)
            )


def _count_orphans(engine: Engine, blobs: BlobStore) -> int:
    """Blobs no row points at (e.g. written just before a crash); kept, only counted."""
    with translated("listing page files"), Session(engine) as session:
        referenced = set(session.scalars(select(PageRow.sha256).distinct()).all())
    return sum(1 for sha in blobs.iter_shas() if sha not in referenced)


def _log_report(report: RecoveryReport) -> None:
    if report.clean and not report.temp_files_removed:
        log.info("Store recovery: nothing to do (%d pages checked)", report.pages_checked)
        return
    log.warning(
        "Store recovery: %d interrupted batches closed, %d temp files removed, %d pages missing, "
        "%d pages damaged, %d orphan files kept, integrity %s",
        len(report.interrupted_batches),
        report.temp_files_removed,
        len(report.missing_pages),
        len(report.corrupt_pages),
        report.orphan_blobs,
        "ok" if report.integrity_ok else "FAILED",
    )
