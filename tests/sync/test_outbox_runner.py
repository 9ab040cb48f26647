"""SyncRunner against an in-test fake repository: states written first, resume, idempotency, pauses.

``FakeRepository`` below is a FAKE of the central service (documented as such): an in-memory tus
server with the protocol's semantics (offsets, commit idempotency by key, receipts) and switches
to make a given call fail. The real service and HTTP client are exercised in test_outbox_e2e.py.
"""

from __future__ import annotations

import hashlib
import itertools
import random
import threading
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.core.cancel import CancelToken
from app.core.errors import SyncAuthRequired, SyncRejected, SyncTransient
from app.core.outbox import OutboxState
from app.core.sync_port import ProgressFn, Receipt, UploadSpec
from app.store import open_store
from app.store.db import make_engine
from app.store.outbox import SqliteOutbox
from app.sync.connectivity import Connectivity
from app.sync.runner import SyncProgress, SyncRunner
from app.sync.window import SendWindow

S = OutboxState


class FakeClock:
    def __init__(self) -> None:
        self.t = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += timedelta(seconds=seconds)


class FakeRepository:
    """FAKE central repository implementing RepositoryTransport in memory (see module docstring)."""

    def __init__(self, outbox: SqliteOutbox, chunk: int = 1000) -> None:
        self.outbox = outbox
        self.chunk = chunk
        self.online = True
        self.uploads: dict[str, tuple[UploadSpec, bytearray]] = {}
        self.documents: dict[str, Receipt] = {}
        self.bytes_received = 0
        self.calls: list[str] = []
        self.fail: dict[str, Exception] = {}  # method -> error raised once, before the call acts
        self.lose_commit_answer = False  # commit happens, then the answer is lost
        self.cut_after: int | None = None  # send stops with SyncTransient after this many bytes
        self.bad_receipt_sha = False
        self.observed: list[tuple[str, S]] = []  # (call, state stored when it was made)
        self._ids = itertools.count(1)

    def _enter(self, name: str, key: str | None = None) -> None:
        self.calls.append(name)
        if key is not None:
            item = next(i for i in self.outbox.list() if i.idempotency_key == key)
            self.observed.append((name, item.state))
        if name in self.fail:
            raise self.fail.pop(name)

    def health(self) -> bool:
        return self.online

    def create_upload(self, spec: UploadSpec) -> str:
        self._enter("create", spec.idempotency_key)
        upload_id = f"u{next(self._ids)}"
        self.uploads[upload_id] = (spec, bytearray())
        return f"http://fake/api/v1/uploads/{upload_id}"

    def upload_offset(self, url: str) -> int:
        self._enter("head")
        upload = self.uploads.get(url.rsplit("/", 1)[-1])
        if upload is None:
            raise SyncRejected("upload gone")
        return len(upload[1])

    def send(
        self,
        url: str,
        read_chunk: Callable[[int, int], bytes],
        spec: UploadSpec,
        offset: int,
        progress: ProgressFn,
        cancel: CancelToken,
    ) -> int:
        self._enter("send", spec.idempotency_key)
        stored = self.outbox.list()
        assert any(i.upload_url == url for i in stored), "upload URL not persisted before sending"
        _, data = self.uploads[url.rsplit("/", 1)[-1]]
        assert offset == len(data)
        while offset < spec.size:
            chunk = read_chunk(offset, min(self.chunk, spec.size - offset))
            if self.cut_after is not None and self.bytes_received + len(chunk) > self.cut_after:
                keep = max(0, self.cut_after - self.bytes_received)
                data += chunk[:keep]
                self.bytes_received += keep
                self.cut_after = None
                raise SyncTransient("connection cut")
            data += chunk
            self.bytes_received += len(chunk)
            offset += len(chunk)
            progress(offset, spec.size)
        return offset

    def commit(self, manifest: Mapping[str, Any]) -> Receipt:
        key = str(manifest["idempotency_key"])
        self._enter("commit", key)
        pdf = manifest["files"][0]
        if key not in self.documents:
            spec, data = self.uploads.pop(pdf["upload"])
            assert hashlib.sha256(data).hexdigest() == pdf["sha256"] == spec.sha256
            sha = "00" * 32 if self.bad_receipt_sha else pdf["sha256"]
            self.documents[key] = Receipt(f"srv-{len(self.documents)}", key, "RC", sha, "t", "T1")
        if self.lose_commit_answer:
            self.lose_commit_answer = False
            raise SyncTransient("answer lost")
        return self.documents[key]

    def lookup(self, idempotency_key: str) -> Receipt | None:
        self._enter("lookup", idempotency_key)
        return self.documents.get(idempotency_key)


class Env:
    def __init__(self, data_dir: Path) -> None:
        open_store(data_dir).close()
        self.engine = make_engine(data_dir / "station.db")
        self.outbox = SqliteOutbox(self.engine)
        self.blobs: dict[str, bytes] = {}
        self.clock = FakeClock()
        self.server = FakeRepository(self.outbox)
        self.events: list[SyncProgress] = []

    def add(self, document_id: int, size: int = 5000) -> str:
        data = random.Random(document_id).randbytes(size)
        sha = hashlib.sha256(data).hexdigest()
        self.blobs[sha] = data
        return self.outbox.enqueue(
            document_id, {"doc_type": "generic"}, sha, size, f"{document_id}.pdf"
        ).idempotency_key

    def runner(self, concurrency: int = 1) -> SyncRunner:
        """One item at a time, so these state-machine tests see a fixed order (e2e tests use 2)."""

        def read(sha: str, offset: int, n: int) -> bytes:
            return self.blobs[sha][offset : offset + n]

        return SyncRunner(
            self.outbox,
            self.server,
            read,
            self.clock,
            random.Random(0),
            on_progress=self.events.append,
            concurrency=concurrency,
        )

    def states(self) -> list[S]:
        return [i.state for i in self.outbox.list()]


@pytest.fixture
def env(fresh_data_dir: Path) -> Iterator[Env]:
    handle = Env(fresh_data_dir)
    yield handle
    handle.engine.dispose()


def test_documents_reach_confirmed_with_verified_receipts(env: Env) -> None:
    for n in (1, 2, 3):
        env.add(n)
    summary = env.runner().run_once(CancelToken())
    assert env.states() == [S.CONFIRMED] * 3
    assert summary.count(S.CONFIRMED) == 3 and len(env.server.documents) == 3
    assert all(i.receipt is not None and i.receipt.sha256 == i.sha256 for i in env.outbox.list())
    assert env.server.bytes_received == 15_000


def test_outbox_marks_uploading_before_each_request(env: Env) -> None:
    env.add(1)
    env.runner().run_once(CancelToken())
    assert [(call, state) for call, state in env.server.observed if call != "lookup"] == [
        ("create", S.UPLOADING),
        ("send", S.UPLOADING),
        ("commit", S.UPLOADING),
    ]
    assert env.server.observed[-1] == ("lookup", S.UPLOADED)  # confirmation only after the receipt


def test_cut_upload_resumes_from_the_servers_offset(env: Env) -> None:
    env.add(1, size=10_000)
    env.server.cut_after = 4_500
    runner = env.runner()
    runner.run_once(CancelToken())
    item = env.outbox.get(1)
    assert (item.state, item.attempts, item.last_error_code) == (S.FAILED, 1, "sync_transient")
    env.clock.advance(3)
    runner.run_once(CancelToken())
    assert env.outbox.get(1).state is S.CONFIRMED
    assert env.server.bytes_received == 10_000  # nothing sent twice
    assert env.server.calls.count("create") == 1 and "head" in env.server.calls


def test_lost_commit_answer_is_found_by_lookup_not_committed_twice(env: Env) -> None:
    env.add(1)
    env.server.lose_commit_answer = True
    runner = env.runner()
    runner.run_once(CancelToken())
    assert env.outbox.get(1).state is S.FAILED
    env.clock.advance(3)
    runner.run_once(CancelToken())
    assert env.outbox.get(1).state is S.CONFIRMED
    assert env.server.calls.count("commit") == 1 and env.server.calls.count("create") == 1
    assert env.server.bytes_received == 5000


def test_receipt_with_another_sha256_never_marks_uploaded(env: Env) -> None:
    env.add(1)
    env.server.bad_receipt_sha = True
    env.runner().run_once(CancelToken())
    item = env.outbox.get(1)
    assert (item.state, item.receipt, item.last_error_code) == (S.FAILED, None, "sync_receipt_mismatch")


def test_rejected_document_keeps_the_reason_and_the_rest_go_on(env: Env) -> None:
    env.add(1)
    env.add(2)
    reason = "Tệp PDF chưa có chữ ký số của cán bộ."
    env.server.fail["commit"] = SyncRejected("bad_signature", message_vi=reason)
    summary = env.runner().run_once(CancelToken())
    assert env.states() == [S.REJECTED, S.CONFIRMED]
    assert env.outbox.get(1).last_error_vi == reason
    assert summary.count(S.REJECTED) == 1


def test_auth_required_pauses_the_queue_until_resumed(env: Env) -> None:
    env.add(1)
    env.add(2)
    env.server.fail["create"] = SyncAuthRequired()
    runner = env.runner()
    summary = runner.run_once(CancelToken())
    assert summary.paused and runner.paused
    assert env.states() == [S.AUTH_REQUIRED, S.PENDING]
    assert runner.run_once(CancelToken()).results == []  # paused: nothing is tried
    assert runner.resume_auth() == 1
    runner.run_once(CancelToken())
    assert env.states() == [S.CONFIRMED, S.CONFIRMED]


def test_restart_after_a_crash_mid_upload_resumes_the_same_upload(env: Env) -> None:
    env.add(1, size=8000)
    env.server.cut_after = 3000
    env.server.fail["head"] = SyncTransient("never reached")  # first run must not ask HEAD
    env.runner().run_once(CancelToken())
    # Simulate a crash right after the claim: the row says uploading, the process is gone.
    item = env.outbox.get(1)
    from app.core import outbox as ob

    env.outbox.save(ob.start_upload(item, env.clock.now()), S.FAILED)
    env.server.fail.clear()
    fresh = env.runner()  # a new process: recovers on its first run
    env.clock.advance(0)
    fresh.run_once(CancelToken())
    assert env.outbox.get(1).state is S.CONFIRMED
    assert env.server.bytes_received == 8000 and env.server.calls.count("create") == 1


def test_upload_gone_on_the_server_starts_a_new_one(env: Env) -> None:
    env.add(1)
    env.server.cut_after = 100
    runner = env.runner()
    runner.run_once(CancelToken())
    env.server.uploads.clear()  # expired on the server
    env.clock.advance(3)
    runner.run_once(CancelToken())
    assert env.outbox.get(1).state is S.CONFIRMED
    assert env.server.calls.count("create") == 2


def test_failed_item_waits_for_its_backoff_and_honours_retry_after(env: Env) -> None:
    env.add(1)
    env.server.fail["create"] = SyncTransient("busy", retry_after=120)
    runner = env.runner()
    runner.run_once(CancelToken())
    item = env.outbox.get(1)
    assert item.next_retry_at is not None and item.next_retry_at - env.clock.now() >= timedelta(seconds=120)
    env.clock.advance(60)
    assert runner.run_once(CancelToken()).results == []
    env.clock.advance(61)
    runner.run_once(CancelToken())
    assert env.outbox.get(1).state is S.CONFIRMED


def test_progress_reports_document_and_overall_bytes(env: Env) -> None:
    env.add(1, size=3000)
    env.add(2, size=2000)
    env.runner().run_once(CancelToken())
    last = env.events[-1]
    assert (last.document_id, last.sent, last.total) == (2, 2000, 2000)
    assert (last.bytes_done, last.bytes_total, last.documents_total) == (5000, 5000, 2)
    sent_doc1 = [e.sent for e in env.events if e.document_id == 1]
    assert sent_doc1 == sorted(sent_doc1) and sent_doc1[-1] == 3000


def test_offset_is_persisted_while_sending(env: Env) -> None:
    env.add(1, size=20_000)
    env.server.cut_after = 9_500
    env.runner().run_once(CancelToken())
    assert 4_000 <= env.outbox.get(1).offset <= 9_500


def test_sending_starts_by_itself_when_the_link_returns(env: Env) -> None:
    env.add(1)
    env.server.online = False
    runner = env.runner()
    timer = threading.Timer(0.3, lambda: setattr(env.server, "online", True))
    timer.start()
    cancel = CancelToken()
    watchdog = threading.Timer(10, cancel.cancel)
    watchdog.start()
    runner.run_forever(cancel, Connectivity(env.server.health, min_s=0.05, max_s=0.1), until_done=True)
    watchdog.cancel()
    timer.join()
    assert not cancel.cancelled, "run_forever did not finish by itself"
    assert env.outbox.get(1).state is S.CONFIRMED
    assert env.server.calls.count("create") == 1


def test_nothing_is_sent_outside_the_send_window(env: Env) -> None:
    env.add(1)
    now = env.clock.now().astimezone()
    closed = SendWindow((now + timedelta(hours=2)).time(), (now + timedelta(hours=3)).time())
    cancel = CancelToken()
    stopper = threading.Timer(0.3, cancel.cancel)
    stopper.start()
    env.runner().run_forever(cancel, Connectivity(env.server.health), window=closed, idle_s=0.05)
    stopper.join()
    assert env.server.calls == [] and env.states() == [S.PENDING]


def test_send_window_spanning_midnight() -> None:
    window = SendWindow.parse("18:00-07:00")
    tz = datetime.now().astimezone().tzinfo
    at = lambda h, m=0: datetime(2026, 11, 29, h, m, tzinfo=tz)  # noqa: E731
    assert window.is_open(at(18)) and window.is_open(at(23, 59)) and window.is_open(at(6, 59))
    assert not window.is_open(at(7)) and not window.is_open(at(12))
    assert window.seconds_until_open(at(17, 30)) == 1800
