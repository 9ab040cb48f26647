"""One attempt to deliver one outbox item: each state written before the request that follows.

claim (uploading) -> look the key up if an earlier attempt may have committed -> resume the upload
(HEAD) or create one (URL persisted) -> send (offset persisted as it goes) -> commit -> verify the
receipt (uploaded) -> look it up again (confirmed). Failures end in a state of their own.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass

from app.core import outbox as ob
from app.core.cancel import CancelToken
from app.core.errors import (
    ScanCancelled,
    StationError,
    StoreError,
    SyncAuthRequired,
    SyncError,
    SyncRejected,
    SyncTransient,
)
from app.core.outbox import OutboxItem, OutboxRepository, OutboxState
from app.core.sync_port import RepositoryTransport
from app.sync.bandwidth import RateLimiter, throttled

log = logging.getLogger(__name__)

ReadBlob = Callable[[str, int, int], bytes]  # (sha256, offset, n) -> bytes
PERSIST_EVERY = 4  # progress callbacks between two offset writes


@dataclass(frozen=True)
class ItemResult:
    document_id: int
    state: OutboxState
    error_code: str | None = None


class Superseded(Exception):
    """Another runner moved the item while this one worked on it: leave it alone."""


@dataclass
class AttemptContext:
    """What every attempt of a run shares: the ports, the clock, retry policy and the run's reporting."""

    outbox: OutboxRepository
    transport: RepositoryTransport
    read_blob: ReadBlob
    clock: ob.Clock
    rng: random.Random
    backoff: tuple[float, float]
    limiter: RateLimiter | None
    report: Callable[[int, int, int], None]  # (document id, bytes the server holds, total)
    count_read: Callable[[int], None]  # bytes handed to the transport


class Attempt:
    """Delivers one item; not shared between threads (each concurrent item has its own)."""

    def __init__(self, ctx: AttemptContext, item: OutboxItem) -> None:
        self.ctx = ctx
        self.current = item
        self.started_offset = item.offset
        self.paused = False  # the server refused the token: the run must stop

    def run(self, cancel: CancelToken) -> ItemResult:
        item = self.current
        try:
            self._attempt(item, cancel)
        except Superseded:
            return ItemResult(item.document_id, self.current.state, "superseded")
        except ScanCancelled:
            self._save(ob.interrupt(self.current, self.ctx.clock.now()))
        except SyncAuthRequired as exc:
            self._save(ob.require_auth(self.current, exc, self.ctx.clock.now()))
            self.paused = True
            log.warning("Central repository refused the token; the outbox is paused")
        except SyncRejected as exc:
            self._save(ob.reject(self.current, exc, self.ctx.clock.now()))
            log.warning("Document %s rejected by the repository (%s)", item.document_id, exc.code)
        except StoreError:
            raise  # the local database itself failed: no state can be written, stop the run
        except StationError as exc:
            self._retry_later(exc)
        cur = self.current
        return ItemResult(cur.document_id, cur.state, cur.last_error_code)

    def _retry_later(self, exc: StationError) -> None:
        retry_after = exc.retry_after if isinstance(exc, SyncTransient) else None
        base, cap = self.ctx.backoff
        # An attempt that moved the upload forward says the link works: restart the backoff.
        streak = 1 if self.current.offset > self.started_offset else self.current.attempts + 1
        delay = ob.backoff_delay(streak, self.ctx.rng, base, cap, retry_after)
        error = exc if isinstance(exc, SyncError) else SyncTransient(exc.code, message_vi=exc.message_vi)
        self._save(ob.schedule_retry(self.current, error, delay, self.ctx.clock.now()))
        log.info("Document %s: %s, retry in %.1f s", self.current.document_id, error.code, delay)

    def _save(self, item: OutboxItem) -> OutboxItem:
        if not self.ctx.outbox.save(item, self.current.state):
            raise Superseded()
        self.current = item
        return item

    # --- the steps of one attempt -----------------------------------------------------------------
    def _attempt(self, item: OutboxItem, cancel: CancelToken) -> None:
        if item.state is OutboxState.UPLOADED:
            self._confirm()
            return
        now = self.ctx.clock.now()
        cur = self._save(ob.start_upload(item, now))
        if cur.attempts > 0 or cur.upload_url is not None:
            # An earlier attempt may have committed before its answer was lost: ask before resending.
            earlier = self.ctx.transport.lookup(cur.idempotency_key)
            if earlier is not None:
                self._save(ob.record_receipt(cur, earlier, self.ctx.clock.now()))
                self._confirm()
                return
        self._resume_or_create()
        self._send(cancel)
        cancel.raise_if_cancelled()
        receipt = self.ctx.transport.commit(ob.commit_manifest(self.current))
        self._save(ob.record_receipt(self.current, receipt, self.ctx.clock.now()))
        self._confirm()

    def _resume_or_create(self) -> None:
        cur = self.current
        if cur.upload_url is not None:
            try:
                offset = self.ctx.transport.upload_offset(cur.upload_url)
            except SyncRejected:
                log.info("Document %s: the server dropped its upload; starting a new one", cur.document_id)
                cur = self._save(ob.record_upload_url(cur, None, self.ctx.clock.now()))
            else:
                if 0 <= offset <= cur.size:
                    if offset != cur.offset:
                        self._save(ob.record_offset(cur, offset, self.ctx.clock.now()))
                    return
                cur = self._save(ob.record_upload_url(cur, None, self.ctx.clock.now()))
        url = self.ctx.transport.create_upload(ob.upload_spec(cur))
        self._save(ob.record_upload_url(cur, url, self.ctx.clock.now()))

    def _send(self, cancel: CancelToken) -> None:
        cur = self.current
        if cur.offset >= cur.size or cur.upload_url is None:
            return
        sha = cur.sha256
        calls = 0

        def read(offset: int, n: int) -> bytes:
            data = self.ctx.read_blob(sha, offset, n)
            self.ctx.count_read(len(data))
            return data

        def progress(sent: int, total: int) -> None:
            nonlocal calls
            calls += 1
            if calls % PERSIST_EVERY == 0 and sent != self.current.offset:
                self._save(ob.record_offset(self.current, sent, self.ctx.clock.now()))
            self._report(sent, total)

        final = self.ctx.transport.send(
            cur.upload_url,
            throttled(read, self.ctx.limiter, cancel),
            ob.upload_spec(cur),
            cur.offset,
            progress,
            cancel,
        )
        cancel.raise_if_cancelled()
        self._save(ob.record_offset(self.current, final, self.ctx.clock.now()))
        if final < cur.size:
            raise SyncTransient(f"upload stopped at {final} of {cur.size} bytes")

    def _confirm(self) -> None:
        cur = self.current
        receipt = self.ctx.transport.lookup(cur.idempotency_key)
        if receipt is None:
            base, cap = self.ctx.backoff
            delay = ob.backoff_delay(cur.attempts + 1, self.ctx.rng, base, cap)
            self._save(ob.lost_on_server(cur, delay, self.ctx.clock.now()))
            log.warning("Document %s: the repository has no record of its receipt", cur.document_id)
            return
        self._save(ob.confirm(cur, receipt, self.ctx.clock.now()))
        self._report(cur.size, cur.size)

    def _report(self, sent: int, total: int) -> None:
        self.ctx.report(self.current.document_id, sent, total)
