"""The outbox state machine: allowed moves, verified receipts only, backoff with full jitter."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core import outbox as ob
from app.core.errors import SyncReceiptMismatch, SyncRejected, SyncTransient
from app.core.outbox import OutboxItem, OutboxState, OutboxTransitionError
from app.core.sync_port import Receipt

NOW = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
SHA = "ab" * 32
KEY = "6f1c0f3e-3d5b-4d7e-9a51-2f0d9c1b7a10"


def _item(state: OutboxState = OutboxState.PENDING, **changes: object) -> OutboxItem:
    item = OutboxItem(
        document_id=1, idempotency_key=KEY, state=state, sha256=SHA, size=1000, filename="a.pdf"
    )
    return ob.dataclasses.replace(item, **changes)  # type: ignore[arg-type]


def _receipt(**changes: str) -> Receipt:
    fields = {
        "server_id": "s1",
        "idempotency_key": KEY,
        "result_code": "001.KS.T1.2026.000001",
        "sha256": SHA,
        "received_at": "2026-11-29T08:00:00Z",
        "station": "T1",
    }
    fields.update(changes)
    return Receipt(**fields)


def test_happy_path_reaches_confirmed_with_the_receipt_kept() -> None:
    item = ob.start_upload(_item(), NOW)
    item = ob.record_upload_url(item, "/api/v1/uploads/u1", NOW)
    item = ob.record_offset(item, 1000, NOW)
    item = ob.record_receipt(item, _receipt(), NOW)
    assert item.state is OutboxState.UPLOADED
    item = ob.confirm(item, _receipt(), NOW)
    assert (item.state, item.receipt, item.idempotency_key) == (OutboxState.CONFIRMED, _receipt(), KEY)


@pytest.mark.parametrize(
    "receipt", [_receipt(sha256="cd" * 32), _receipt(idempotency_key="another-key")], ids=["sha", "key"]
)
def test_a_receipt_that_does_not_match_never_moves_the_document_forward(receipt: Receipt) -> None:
    item = ob.start_upload(_item(), NOW)
    with pytest.raises(SyncReceiptMismatch):
        ob.record_receipt(item, receipt, NOW)


def test_confirmation_must_repeat_the_stored_receipt() -> None:
    uploaded = ob.record_receipt(ob.start_upload(_item(), NOW), _receipt(), NOW)
    with pytest.raises(SyncReceiptMismatch):
        ob.confirm(uploaded, _receipt(server_id="other"), NOW)


@pytest.mark.parametrize(
    ("state", "move"),
    [
        (OutboxState.CONFIRMED, lambda i: ob.start_upload(i, NOW)),
        (OutboxState.PENDING, lambda i: ob.record_receipt(i, _receipt(), NOW)),
        (OutboxState.PENDING, lambda i: ob.confirm(i, _receipt(), NOW)),
        (OutboxState.REJECTED, lambda i: ob.start_upload(i, NOW)),
        (OutboxState.AUTH_REQUIRED, lambda i: ob.start_upload(i, NOW)),
        (OutboxState.FAILED, lambda i: ob.record_offset(i, 10, NOW)),
        (OutboxState.UPLOADING, lambda i: ob.start_upload(i, NOW)),
    ],
)
def test_illegal_moves_raise(state: OutboxState, move: object) -> None:
    with pytest.raises(OutboxTransitionError):
        move(_item(state))  # type: ignore[operator]


def test_transient_failure_counts_the_attempt_and_schedules_the_retry() -> None:
    item = ob.start_upload(_item(upload_url="/u/1", offset=300), NOW)
    failed = ob.schedule_retry(item, SyncTransient("cut"), 8.0, NOW)
    assert failed.state is OutboxState.FAILED
    assert (failed.attempts, failed.next_retry_at) == (1, NOW + timedelta(seconds=8))
    assert (failed.upload_url, failed.offset, failed.idempotency_key) == ("/u/1", 300, KEY)
    assert failed.last_error_code == "sync_transient" and failed.last_error_vi


def test_failure_while_confirming_keeps_the_receipt() -> None:
    uploaded = ob.record_receipt(ob.start_upload(_item(), NOW), _receipt(), NOW)
    later = ob.schedule_retry(uploaded, SyncTransient(), 3.0, NOW)
    assert (later.state, later.receipt) == (OutboxState.UPLOADED, _receipt())


def test_rejection_keeps_the_servers_reason_and_can_be_requeued() -> None:
    reason = "Thiếu chữ ký của lãnh đạo"
    rejected = ob.reject(ob.start_upload(_item(), NOW), SyncRejected("422", message_vi=reason), NOW)
    assert (rejected.state, rejected.last_error_vi, rejected.next_retry_at) == (
        OutboxState.REJECTED,
        reason,
        None,
    )
    again = ob.requeue(rejected, NOW, sha256="ef" * 32, size=2000)
    assert (again.state, again.idempotency_key, again.sha256, again.size) == (
        OutboxState.PENDING,
        KEY,
        "ef" * 32,
        2000,
    )


def test_interrupted_upload_is_due_at_once_and_keeps_its_url() -> None:
    item = ob.interrupt(ob.start_upload(_item(upload_url="/u/9", offset=512), NOW), NOW)
    assert (item.state, item.next_retry_at, item.upload_url, item.offset) == (
        OutboxState.FAILED,
        NOW,
        "/u/9",
        512,
    )
    assert item.attempts == 0  # a crash is not the link's fault: backoff does not grow


def test_auth_pause_resumes_to_pending_or_to_confirming() -> None:
    paused = ob.require_auth(ob.start_upload(_item(), NOW), ob.SyncError(), NOW)
    assert ob.resume_after_auth(paused, NOW).state is OutboxState.PENDING
    uploaded = ob.record_receipt(ob.start_upload(_item(), NOW), _receipt(), NOW)
    paused = ob.require_auth(uploaded, ob.SyncError(), NOW)
    assert ob.resume_after_auth(paused, NOW).state is OutboxState.UPLOADED


def test_commit_manifest_names_the_upload_and_the_pdf() -> None:
    item = _item(upload_url="http://h/api/v1/uploads/abc123", manifest={"doc_type": "khai_sinh", "files": []})
    manifest = ob.commit_manifest(item)
    assert manifest["idempotency_key"] == KEY
    assert manifest["files"] == [
        {"role": "pdf", "upload": "abc123", "filename": "a.pdf", "sha256": SHA, "size": 1000}
    ]
    assert item.manifest == {"doc_type": "khai_sinh", "files": []}


@given(attempts=st.integers(min_value=1, max_value=200), seed=st.integers(min_value=0, max_value=2**32))
def test_backoff_stays_within_full_jitter_bounds(attempts: int, seed: int) -> None:
    delay = ob.backoff_delay(attempts, random.Random(seed))
    assert 0.0 <= delay <= min(900.0, 2.0 * 2 ** (attempts - 1))


@given(
    attempts=st.integers(min_value=1, max_value=50),
    retry_after=st.floats(min_value=0.1, max_value=10_000),
    seed=st.integers(min_value=0, max_value=1000),
)
def test_backoff_never_retries_before_retry_after(attempts: int, retry_after: float, seed: int) -> None:
    assert ob.backoff_delay(attempts, random.Random(seed), retry_after=retry_after) >= retry_after


def test_backoff_spreads_retries_and_grows_to_the_cap() -> None:
    rng = random.Random(1)
    early = [ob.backoff_delay(1, rng) for _ in range(200)]
    late = [ob.backoff_delay(30, rng) for _ in range(200)]
    assert max(early) <= 2.0 and len({round(d, 3) for d in early}) > 150
    assert 300 < sum(late) / len(late) < 600 and max(late) <= 900
