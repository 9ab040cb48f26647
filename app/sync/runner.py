"""SyncRunner: sends due outbox items one by one, writing each state before the request that follows.

One attempt: claim (uploading) -> look the key up if an earlier attempt may have committed ->
resume the upload (HEAD) or create one (URL persisted) -> send (offset persisted as it goes) ->
commit -> verify the receipt (uploaded) -> look it up again (confirmed). Each document ends the
attempt with a state of its own; nothing here deletes local data.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field

from app.core import outbox as ob
from app.core.cancel import CancelToken
from app.core.outbox import OutboxItem, OutboxRepository, OutboxState
from app.core.sync_port import RepositoryTransport
from app.sync.attempt import Attempt, AttemptContext, ItemResult, ReadBlob
from app.sync.bandwidth import RateLimiter
from app.sync.connectivity import Connectivity
from app.sync.window import SendWindow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncProgress:
    """Where a run stands: the current document's bytes held by the server, and the run overall."""

    document_id: int
    sent: int
    total: int
    documents_done: int
    documents_total: int
    bytes_done: int
    bytes_total: int


@dataclass
class RunSummary:
    results: list[ItemResult] = field(default_factory=list)
    paused: bool = False  # a 401 paused the queue
    bytes_read: int = 0  # bytes handed to the transport (retransmissions included)

    def count(self, state: OutboxState) -> int:
        return sum(1 for r in self.results if r.state is state)

    @property
    def transient_failures(self) -> int:
        return sum(1 for r in self.results if r.state is OutboxState.FAILED)


class _Tracked(Attempt):
    """An attempt that also tells the runner when the server refused the token."""

    def __init__(self, ctx: AttemptContext, item: OutboxItem, runner: SyncRunner) -> None:
        super().__init__(ctx, item)
        self._runner = runner

    def run(self, cancel: CancelToken) -> ItemResult:
        result = super().run(cancel)
        if self.paused:
            self._runner._run.paused = True
        return result


class SyncRunner:
    def __init__(
        self,
        outbox: OutboxRepository,
        transport: RepositoryTransport,
        read_blob: ReadBlob,
        clock: ob.Clock | None = None,
        rng: random.Random | None = None,
        *,
        on_progress: Callable[[SyncProgress], None] | None = None,
        limiter: RateLimiter | None = None,
        backoff_base: float = ob.BACKOFF_BASE_S,
        backoff_cap: float = ob.BACKOFF_CAP_S,
        concurrency: int = 2,
    ) -> None:
        self._outbox = outbox
        self._transport = transport
        self._read_blob = read_blob
        self._clock = clock or ob.SystemClock()
        self._rng = rng or random.Random()  # noqa: S311 - retry jitter, not a secret
        self._on_progress = on_progress
        self._limiter = limiter
        self._backoff = (backoff_base, backoff_cap)
        self._wake = threading.Event()
        self._recovered = False
        self._run = RunSummary()
        self._overall = (0, 0, 0)  # documents done, documents total, bytes total
        self._done_bytes = 0
        self._in_flight: dict[int, int] = {}
        self._lock = threading.Lock()
        self._concurrency = max(1, concurrency)

    # --- control ---------------------------------------------------------------------------------
    def recover(self) -> int:
        """Once per process: an ``uploading`` item was interrupted; it becomes failed, due now."""
        self._recovered = True
        return self._outbox.reset_interrupted_on_start(self._clock.now())

    @property
    def paused(self) -> bool:
        return self._outbox.counts()[OutboxState.AUTH_REQUIRED] > 0

    def resume_auth(self) -> int:
        """The token was fixed: put paused items back in the queue and wake ``run_forever``."""
        count = self._outbox.resume_auth(self._clock.now())
        self.nudge()
        return count

    def nudge(self) -> None:
        """Wake ``run_forever`` (a document was queued, settings changed)."""
        self._wake.set()

    # --- one pass ----------------------------------------------------------------------------------
    def run_once(self, cancel: CancelToken) -> RunSummary:
        """Process every item due now (and those that fall due meanwhile); stop on 401 or cancel.

        ``concurrency`` items are in flight at once, so the link carries one document's bytes while
        the server checks and records another's (a link otherwise idles during each commit).
        """
        if not self._recovered:
            self.recover()
        self._run = RunSummary()
        if self.paused:
            self._run.paused = True
            return self._run
        while not cancel.cancelled and not self._run.paused:
            due = self._outbox.due(self._clock.now())
            if not due:
                break
            self._start_pass(due)
            if self._concurrency <= 1:
                for item in due:
                    if cancel.cancelled or self._run.paused:
                        break
                    self._finish(item, self._attempt(item).run(cancel))
                continue
            with ThreadPoolExecutor(self._concurrency, thread_name_prefix="sync") as pool:
                jobs = {pool.submit(self._guarded, item, cancel): item for item in due}
                for job in as_completed(jobs):
                    result = job.result()
                    if result is not None:
                        self._finish(jobs[job], result)
        return self._run

    def _guarded(self, item: OutboxItem, cancel: CancelToken) -> ItemResult | None:
        if cancel.cancelled or self._run.paused:
            return None
        return self._attempt(item).run(cancel)

    def _attempt(self, item: OutboxItem) -> Attempt:
        ctx = AttemptContext(
            self._outbox,
            self._transport,
            self._read_blob,
            self._clock,
            self._rng,
            self._backoff,
            self._limiter,
            self._report,
            self._count_read,
        )
        return _Tracked(ctx, item, self)

    def _start_pass(self, due: list[OutboxItem]) -> None:
        with self._lock:
            self._overall = (0, len(due), sum(i.size for i in due))
            self._done_bytes = 0
            self._in_flight = {}

    def _finish(self, item: OutboxItem, result: ItemResult) -> None:
        with self._lock:
            self._run.results.append(result)
            done, total, size = self._overall
            self._overall = (done + 1, total, size)
            self._done_bytes += item.size
            self._in_flight.pop(item.document_id, None)

    def _count_read(self, n: int) -> None:
        with self._lock:
            self._run.bytes_read += n

    def _report(self, document_id: int, sent: int, total: int) -> None:
        if self._on_progress is None:
            return
        with self._lock:
            self._in_flight[document_id] = sent
            done, count, size = self._overall
            moving = self._done_bytes + sum(self._in_flight.values())
        self._on_progress(SyncProgress(document_id, sent, total, done, count, moving, size))

    # --- forever ---------------------------------------------------------------------------------
    def run_forever(
        self,
        cancel: CancelToken,
        connectivity: Connectivity | None = None,
        window: SendWindow | None = None,
        idle_s: float = 60.0,
        until_done: bool = False,
    ) -> None:
        """Send whenever the link is up (and the window open) until cancelled (or, with ``until_done``,
        until no item is left to send or the queue is paused)."""
        link = connectivity or Connectivity(self._transport.health)
        if not self._recovered:
            self.recover()
        while not cancel.cancelled:
            if until_done and (self.paused or not self._outstanding()):
                return
            wait = self._blocked_for(window, idle_s)
            if wait > 0:
                self._sleep(cancel, wait)
                continue
            if not link.wait_online(cancel):
                return
            summary = self.run_once(cancel)
            if summary.transient_failures:
                link.mark_offline()
            if until_done and not self._outstanding():
                return
            self._sleep(cancel, self._until_next_due(idle_s))

    def _outstanding(self) -> bool:
        counts = self._outbox.counts()
        return any(counts[s] for s in (*ob.DUE_STATES, OutboxState.UPLOADING))

    def _blocked_for(self, window: SendWindow | None, idle_s: float) -> float:
        if self.paused:
            return idle_s
        if window is not None:
            return min(idle_s, window.seconds_until_open(self._clock.now()))
        return 0.0

    def _until_next_due(self, idle_s: float) -> float:
        nxt = self._outbox.next_due_at()
        if nxt is None:
            return idle_s
        return max(0.0, min(idle_s, (nxt - self._clock.now()).total_seconds()))

    def _sleep(self, cancel: CancelToken, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not cancel.cancelled and not self._wake.is_set():
            left = deadline - time.monotonic()
            if left <= 0 or cancel.wait(min(left, 0.2)):
                break
        self._wake.clear()
