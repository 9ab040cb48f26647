"""The outbox state machine: one item per approved document, pure transitions and retry backoff.

States (DESIGN.md "Sync"): pending -> uploading -> uploaded (verified receipt) -> confirmed; failed
(attempts, next_retry_at), rejected (permanent, with the server's reason), auth_required (pauses the
queue). Every function here returns a new item or raises; the store persists what it returns.
"""

from __future__ import annotations

import dataclasses
import enum
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from app.core.errors import SyncError, SyncReceiptMismatch
from app.core.sync_port import Receipt, UploadSpec

BACKOFF_BASE_S = 2.0
BACKOFF_CAP_S = 900.0
RETRY_AFTER_MAX_S = 24 * 3600.0  # a server asking for more than a day is treated as asking for a day


class OutboxState(enum.StrEnum):
    PENDING = "pending"
    UPLOADING = "uploading"
    UPLOADED = "uploaded"
    CONFIRMED = "confirmed"
    FAILED = "failed"
    REJECTED = "rejected"
    AUTH_REQUIRED = "auth_required"


S = OutboxState
# States the runner picks up when their next_retry_at has come.
DUE_STATES = (S.PENDING, S.FAILED, S.UPLOADED)
ALLOWED: Mapping[OutboxState, frozenset[OutboxState]] = {
    S.PENDING: frozenset({S.UPLOADING, S.REJECTED}),
    S.FAILED: frozenset({S.UPLOADING, S.REJECTED}),
    S.UPLOADING: frozenset({S.UPLOADING, S.UPLOADED, S.FAILED, S.REJECTED, S.AUTH_REQUIRED}),
    S.UPLOADED: frozenset({S.UPLOADED, S.CONFIRMED, S.FAILED, S.REJECTED, S.AUTH_REQUIRED}),
    S.AUTH_REQUIRED: frozenset({S.PENDING, S.UPLOADED}),
    S.REJECTED: frozenset({S.PENDING}),
    S.CONFIRMED: frozenset(),
}


class OutboxTransitionError(SyncError):
    """A programming error: the outbox was asked for a move its state machine forbids."""

    code = "outbox_transition"
    message_vi = "Hàng đợi gửi gặp trạng thái không hợp lệ. Báo quản trị viên; hồ sơ không bị mất."
    message_en = "The outbox was asked for an invalid state change. No document was lost."


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass(frozen=True)
class OutboxItem:
    """One document waiting for (or done with) its trip to the central repository."""

    document_id: int
    idempotency_key: str  # uuid4 given at enqueue; never changes, whatever happens to the document
    state: OutboxState
    sha256: str  # of the PDF that is sent
    size: int
    filename: str
    manifest: dict[str, Any] = field(default_factory=dict)
    attempts: int = 0
    next_retry_at: datetime | None = None
    last_error_code: str | None = None
    last_error_vi: str | None = None
    upload_url: str | None = None
    offset: int = 0
    receipt: Receipt | None = None
    updated_at: datetime | None = None


def _move(item: OutboxItem, to: OutboxState, now: datetime, **changes: Any) -> OutboxItem:
    if to not in ALLOWED[item.state]:
        raise OutboxTransitionError(f"{item.state.value} -> {to.value}")
    return dataclasses.replace(item, state=to, updated_at=now, **changes)


def start_upload(item: OutboxItem, now: datetime) -> OutboxItem:
    """Claim a due item: written before the first request of an attempt."""
    if item.state not in (S.PENDING, S.FAILED):
        raise OutboxTransitionError(f"cannot start an upload from {item.state.value}")
    return _move(item, S.UPLOADING, now, next_retry_at=None)


def record_upload_url(item: OutboxItem, url: str | None, now: datetime) -> OutboxItem:
    """A new upload was created (or the old one is gone: ``None``); the offset starts again at 0."""
    return _move(_require(item, S.UPLOADING), S.UPLOADING, now, upload_url=url, offset=0)


def record_offset(item: OutboxItem, offset: int, now: datetime) -> OutboxItem:
    if not 0 <= offset <= item.size:
        raise OutboxTransitionError(f"offset {offset} outside 0..{item.size}")
    return _move(_require(item, S.UPLOADING), S.UPLOADING, now, offset=offset)


def verify_receipt(item: OutboxItem, receipt: Receipt) -> None:
    """Raise SyncReceiptMismatch unless the receipt is for this key and this exact PDF."""
    if receipt.idempotency_key != item.idempotency_key:
        raise SyncReceiptMismatch("receipt for another idempotency key")
    if receipt.sha256.lower() != item.sha256.lower():
        raise SyncReceiptMismatch("receipt SHA-256 differs from the local PDF")


def record_receipt(item: OutboxItem, receipt: Receipt, now: datetime) -> OutboxItem:
    """Only a verified receipt moves a document to ``uploaded``."""
    verify_receipt(item, receipt)
    return _move(
        item, S.UPLOADED, now, receipt=receipt, offset=item.size, last_error_code=None, last_error_vi=None
    )


def confirm(item: OutboxItem, receipt: Receipt, now: datetime) -> OutboxItem:
    """A later look-up returned the same receipt: the document is safely in the repository."""
    _require(item, S.UPLOADED)
    if item.receipt is None or receipt != item.receipt:
        raise SyncReceiptMismatch("confirmation differs from the stored receipt")
    return _move(item, S.CONFIRMED, now, next_retry_at=None)


def schedule_retry(item: OutboxItem, error: SyncError | None, delay_s: float, now: datetime) -> OutboxItem:
    """A transient failure: count the attempt and retry after ``delay_s``; a receipt is kept."""
    target = S.UPLOADED if item.state is S.UPLOADED else S.FAILED
    return _move(
        item,
        target,
        now,
        attempts=item.attempts + 1,
        next_retry_at=now + timedelta(seconds=delay_s),
        last_error_code=error.code if error else "interrupted",
        last_error_vi=error.message_vi if error else None,
    )


def interrupt(item: OutboxItem, now: datetime) -> OutboxItem:
    """An attempt stopped half-way (crash, cancel): failed, due at once, resumes from the server's offset.

    Not counted as an attempt: the station stopped, not the link, so backoff must not grow."""
    return dataclasses.replace(
        schedule_retry(item, None, 0.0, now), attempts=item.attempts, last_error_code="interrupted"
    )


def reject(item: OutboxItem, error: SyncError, now: datetime) -> OutboxItem:
    """The repository refused the document for good; the reason is shown to the officer."""
    return _move(
        item,
        S.REJECTED,
        now,
        attempts=item.attempts + 1,
        next_retry_at=None,
        last_error_code=error.code,
        last_error_vi=error.message_vi,
    )


def require_auth(item: OutboxItem, error: SyncError, now: datetime) -> OutboxItem:
    return _move(
        item,
        S.AUTH_REQUIRED,
        now,
        next_retry_at=None,
        last_error_code=error.code,
        last_error_vi=error.message_vi,
    )


def resume_after_auth(item: OutboxItem, now: datetime) -> OutboxItem:
    """The token was fixed: back to the queue, due now (a kept receipt goes straight to confirming)."""
    target = S.UPLOADED if item.receipt is not None else S.PENDING
    return _move(item, target, now, next_retry_at=now)


def lost_on_server(item: OutboxItem, delay_s: float, now: datetime) -> OutboxItem:
    """The repository does not know an uploaded document: send it again (same key) after ``delay_s``."""
    return _move(
        _require(item, S.UPLOADED),
        S.FAILED,
        now,
        attempts=item.attempts + 1,
        receipt=None,
        upload_url=None,
        offset=0,
        next_retry_at=now + timedelta(seconds=delay_s),
        last_error_code="lost_on_server",
        last_error_vi="Kho dữ liệu chưa ghi nhận hồ sơ. Hệ thống sẽ tự gửi lại.",
    )


def requeue(
    item: OutboxItem,
    now: datetime,
    *,
    manifest: dict[str, Any] | None = None,
    sha256: str = "",
    size: int = 0,
) -> OutboxItem:
    """Send a rejected document again after the officer fixed it (optionally a new PDF/manifest)."""
    changes: dict[str, Any] = {"attempts": 0, "upload_url": None, "offset": 0, "next_retry_at": now}
    if manifest is not None:
        changes["manifest"] = manifest
    if sha256:
        changes.update(sha256=sha256, size=size)
    return _move(item, S.PENDING, now, **changes)


def _require(item: OutboxItem, state: OutboxState) -> OutboxItem:
    if item.state is not state:
        raise OutboxTransitionError(f"expected {state.value}, found {item.state.value}")
    return item


def backoff_delay(
    attempts: int,
    rng: random.Random,
    base: float = BACKOFF_BASE_S,
    cap: float = BACKOFF_CAP_S,
    retry_after: float | None = None,
) -> float:
    """Full jitter: uniform in [0, min(cap, base * 2**(attempts-1))], never shorter than Retry-After."""
    ceiling = min(cap, base * 2.0 ** min(max(attempts - 1, 0), 40))
    delay = rng.uniform(0.0, ceiling)
    if retry_after is not None and retry_after > 0:
        delay = max(delay, min(retry_after, RETRY_AFTER_MAX_S))
    return delay


def upload_id(url: str) -> str:
    """The tus upload's id: the last segment of its URL."""
    return url.rstrip("/").rsplit("/", 1)[-1]


def upload_spec(item: OutboxItem) -> UploadSpec:
    return UploadSpec(
        filename=item.filename, sha256=item.sha256, size=item.size, idempotency_key=item.idempotency_key
    )


def commit_manifest(item: OutboxItem) -> dict[str, Any]:
    """The stored manifest with this item's key and its one PDF upload filled in."""
    if item.upload_url is None:
        raise OutboxTransitionError("commit without an upload")
    manifest = dict(item.manifest)
    manifest["idempotency_key"] = item.idempotency_key
    pdf = {
        "role": "pdf",
        "upload": upload_id(item.upload_url),
        "filename": item.filename,
        "sha256": item.sha256,
        "size": item.size,
    }
    others = [f for f in manifest.get("files", []) if isinstance(f, dict) and f.get("role") != "pdf"]
    manifest["files"] = [pdf, *others]
    return manifest


class OutboxRepository(Protocol):
    """The store side of the outbox. Every write is committed before the call returns."""

    def enqueue(
        self, document_id: int, manifest: Mapping[str, Any], sha256: str, size: int, filename: str
    ) -> OutboxItem:
        """Add a document (new uuid4 key, pending, due now); an already queued document is returned as is."""
        ...

    def get(self, document_id: int) -> OutboxItem:
        """The item (NotFound when the document was never queued)."""
        ...

    def due(self, now: datetime, limit: int = 100) -> list[OutboxItem]:
        """Pending, failed and uploaded items whose next_retry_at has come, oldest first."""
        ...

    def next_due_at(self) -> datetime | None:
        """When the earliest waiting item becomes due (None: nothing to do)."""
        ...

    def save(self, item: OutboxItem, expected: OutboxState) -> bool:
        """Write ``item`` if the stored state is still ``expected`` (False: someone else moved it)."""
        ...

    def list(self, states: Sequence[OutboxState] | None = None) -> list[OutboxItem]: ...

    def counts(self) -> dict[OutboxState, int]:
        """How many items are in each state (every state present, zero included)."""
        ...

    def reset_interrupted_on_start(self, now: datetime) -> int:
        """Turn every ``uploading`` item into ``failed`` due now; returns how many."""
        ...

    def resume_auth(self, now: datetime) -> int:
        """Put every ``auth_required`` item back in the queue; returns how many."""
        ...
