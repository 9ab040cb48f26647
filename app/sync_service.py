"""Composition of sync for a front end: the outbox runner built from the station's settings, run in
the background, with progress, link state, retry-now and pause."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from app import __version__
from app.core.cancel import CancelToken
from app.core.errors import StationError, SyncError
from app.core.outbox import OutboxState
from app.core.retention import RetentionResult
from app.store import SqliteStore
from app.store.filestore import BlobStore
from app.sync.connectivity import Connectivity
from app.sync.runner import SyncProgress, SyncRunner
from app.sync.transport import HttpTransport
from app.sync.updates import UpdateInfo as UpdateInfo  # re-exported for the UI
from app.sync.updates import check_for_update, fetch_update
from app.sync.window import SendWindow

log = logging.getLogger(__name__)


class SyncNotConfigured(SyncError):
    code = "sync_not_configured"
    message_vi = "Chưa cài địa chỉ kho dữ liệu hoặc mã truy cập. Quản trị viên nhập trong phần Cài đặt."
    message_en = "The central repository address or token is not set."


def blob_reader(blobs: BlobStore) -> Callable[[str, int, int], bytes]:
    """(sha256, offset, n) -> bytes straight from the content-addressed file (no whole-file read)."""

    def read(sha256: str, offset: int, n: int) -> bytes:
        with blobs.path(sha256).open("rb") as fh:
            fh.seek(offset)
            return fh.read(n)

    return read


@dataclass
class SyncHandle:
    runner: SyncRunner
    link: Connectivity
    window: SendWindow | None
    transport: HttpTransport
    retention: Callable[[], object] | None = None  # applied once each time sending starts

    def close(self) -> None:
        self.transport.close()


def build_sync(
    store: SqliteStore,
    on_progress: Callable[[SyncProgress], None] | None = None,
    on_link: Callable[[bool], None] | None = None,
) -> SyncHandle:
    """The runner for the station's configured repository (SyncNotConfigured when none is set)."""
    config = store.config.get()
    if not config.central_url or not config.central_token:
        raise SyncNotConfigured()
    rate = config.bandwidth_kbps * 1000 if config.bandwidth_kbps else None
    transport = HttpTransport(config.central_url, config.central_token, rate_limit_bps=rate)
    runner = SyncRunner(store.outbox, transport, blob_reader(store.blobs), on_progress=on_progress)
    window = SendWindow.parse(config.send_window) if config.send_window else None
    link = Connectivity(transport.health, on_change=on_link)
    return SyncHandle(runner, link, window, transport, lambda: apply_retention(store))


def apply_retention(store: SqliteStore, *, dry_run: bool = False) -> RetentionResult:
    """Remove the scans the station's retention period lets go (confirmed by the central repository
    long enough ago); nothing when the period is 0 (keep for ever)."""
    return store.retention.run(store.config.get().retention_days, dry_run=dry_run)


def run_sync_forever(handle: SyncHandle, cancel: CancelToken) -> None:
    """Send whenever the link is up until ``cancel``; the GUI runs this on a background task."""
    try:
        if handle.retention is not None:
            try:
                handle.retention()
            except StationError as exc:  # a scan that cannot go now goes next time; sending goes on
                log.warning("retention period not applied: %s", exc.code)
        handle.runner.run_forever(cancel, handle.link, handle.window, idle_s=30.0)
    finally:
        handle.close()


def outstanding(store: SqliteStore) -> int:
    counts = store.outbox.counts()
    return sum(counts[s] for s in OutboxState if s not in (OutboxState.CONFIRMED, OutboxState.REJECTED))


def station_update(
    store: SqliteStore, *, quiet: bool = True, current: str = __version__, timeout: float = 10.0
) -> UpdateInfo | None:
    """A newer station release published on the configured repository, or None.

    ``quiet`` (the check at start): no repository set or any failure reads as None. Otherwise
    (the menu's on-demand check) SyncNotConfigured or UpdateCheckFailed tell the user why.
    """
    config = store.config.get()
    if not config.central_url or not config.central_token:
        if quiet:
            return None
        raise SyncNotConfigured()
    check = check_for_update if quiet else fetch_update
    return check(config.central_url, config.central_token, current, timeout)
