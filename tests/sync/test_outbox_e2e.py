"""The real outbox, store, HTTP client and central service through the fault-injecting proxy.

Small versions of the issue's bar (tests/bench/sync_bench.py runs the full-size ones): documents
through a link cut every ~200 KB, 503s and stalls, and `sohoa sync` killed with SIGKILL mid-run.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.cancel import CancelToken
from app.core.outbox import OutboxState
from app.store import SqliteStore, open_store
from app.store.db import integrity_check, make_engine
from app.store.outbox import SqliteOutbox
from app.sync.connectivity import Connectivity
from app.sync.runner import SyncRunner
from app.sync.transport import HttpTransport
from tests.sync.conftest import CentralServer, Signers
from tests.sync.documents import LocalDoc, queue_documents
from tests.sync.faultproxy import FaultProxy

REPO = Path(__file__).resolve().parents[2]


class Station:
    def __init__(self, data_dir: Path) -> None:
        self.store: SqliteStore = open_store(data_dir)
        self.engine = make_engine(data_dir / "station.db")
        self.outbox = SqliteOutbox(self.engine)

    def read(self, sha: str, offset: int, n: int) -> bytes:
        with self.store.blobs.path(sha).open("rb") as fh:
            fh.seek(offset)
            return fh.read(n)

    def close(self) -> None:
        self.engine.dispose()
        self.store.close()


@pytest.fixture
def station(fresh_data_dir: Path) -> Iterator[Station]:
    handle = Station(fresh_data_dir)
    yield handle
    handle.close()


@pytest.fixture
def proxy(central_server: CentralServer) -> Iterator[FaultProxy]:
    with FaultProxy(("127.0.0.1", central_server.port), seed=7) as handle:
        yield handle


def _sync_until_done(station: Station, transport: HttpTransport, limit_s: float = 60) -> None:
    runner = SyncRunner(station.outbox, transport, station.read, rng=random.Random(1), backoff_base=0.05)
    cancel = CancelToken()
    watchdog = threading.Timer(limit_s, cancel.cancel)
    watchdog.start()
    try:
        runner.run_forever(cancel, Connectivity(transport.health, min_s=0.05, max_s=0.2), until_done=True)
    finally:
        watchdog.cancel()
    assert not cancel.cancelled, "sync did not finish in time"


def _assert_all_on_server_once(central_server: CentralServer, station: Station, docs: list[LocalDoc]) -> None:
    items = station.outbox.list()
    assert [i.state for i in items] == [OutboxState.CONFIRMED] * len(docs)
    assert central_server.document_count() == len(docs)
    stored = sorted(hashlib.sha256(p.read_bytes()).hexdigest() for p in central_server.stored_files())
    assert stored == sorted(d.sha256 for d in docs)
    assert len({i.receipt.server_id for i in items if i.receipt}) == len(docs)
    for doc in docs:  # nothing deleted locally
        assert station.store.blobs.path(doc.sha256).is_file()


def test_documents_survive_a_link_cut_every_200_kb(
    central_server: CentralServer, proxy: FaultProxy, station: Station, signers: Signers
) -> None:
    docs = queue_documents(station.store, station.outbox, signers.officer, 12, seed=1)
    payload = sum(d.size for d in docs)
    proxy.cut_around(int(os.environ.get("SOHOA_TEST_CUT", "200000")))
    transport = HttpTransport(proxy.url, central_server.token, timeout=10)
    try:
        _sync_until_done(station, transport)
    finally:
        transport.close()
    _assert_all_on_server_once(central_server, station, docs)
    ratio = proxy.bytes_up / payload
    print(f"\n{len(docs)} docs, {payload} B, {proxy.bytes_up} B sent, ratio {ratio:.3f}, cuts {proxy.cuts}")
    assert proxy.cuts >= 2
    assert ratio <= 1.15


def test_503s_and_stalls_only_delay_sending(
    central_server: CentralServer, proxy: FaultProxy, station: Station, signers: Signers
) -> None:
    docs = queue_documents(station.store, station.outbox, signers.officer, 5, seed=2)
    proxy.fail_fraction(0.5)  # applies to new connections: the cuts make the client open new ones
    proxy.cut_around(150_000)
    proxy.stall(0.5)
    transport = HttpTransport(proxy.url, central_server.token, timeout=10)
    try:
        _sync_until_done(station, transport)
    finally:
        transport.close()
    assert proxy.refused >= 1
    _assert_all_on_server_once(central_server, station, docs)


def test_a_256_kbit_link_delivers_everything(
    central_server: CentralServer, proxy: FaultProxy, station: Station, signers: Signers
) -> None:
    docs = queue_documents(station.store, station.outbox, signers.officer, 2, seed=4)
    proxy.throttle(256_000 / 8)  # bytes per second, both directions
    transport = HttpTransport(proxy.url, central_server.token, timeout=30)
    try:
        _sync_until_done(station, transport)
    finally:
        transport.close()
    _assert_all_on_server_once(central_server, station, docs)


def test_wrong_token_pauses_the_queue_with_nothing_stored(
    central_server: CentralServer, station: Station, signers: Signers
) -> None:
    queue_documents(station.store, station.outbox, signers.officer, 2, seed=3)
    transport = central_server.transport(token="sai-ma-truy-cap")
    runner = SyncRunner(station.outbox, transport, station.read, backoff_base=0.05)
    summary = runner.run_once(CancelToken())
    assert summary.paused
    states = [i.state for i in station.outbox.list()]  # two in flight at once: one or both were refused
    assert states[0] is OutboxState.AUTH_REQUIRED
    assert set(states) <= {OutboxState.AUTH_REQUIRED, OutboxState.PENDING}
    assert central_server.document_count() == 0


def _spawn_sync(data_dir: Path, url: str, token: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SOHOA_SYNC_TOKEN": token, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "app.cli_sync", "--data-dir", str(data_dir), "sync", "--until-done"]
    command += ["--server", url, "--retry-base", "0.05", "--probe-max", "0.5"]
    return subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def kill_sync_runs(data_dir: Path, proxy: FaultProxy, token: str, kills: int, rng: random.Random) -> None:
    """Start `sohoa sync`, wait until it sends, SIGKILL it at a random moment; ``kills`` times."""
    for _ in range(kills):
        before = proxy.bytes_up
        child = _spawn_sync(data_dir, proxy.url, token)
        deadline = time.monotonic() + 30
        while proxy.bytes_up == before and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.6))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)


def test_sync_killed_three_times_then_restarted_loses_and_duplicates_nothing(
    central_server: CentralServer, proxy: FaultProxy, fresh_data_dir: Path, signers: Signers
) -> None:
    station = Station(fresh_data_dir)
    docs = queue_documents(station.store, station.outbox, signers.officer, 10, seed=4)
    station.close()
    proxy.throttle(400_000)  # ~2 s of sending in all: room for kills mid-upload
    proxy.cut_around(200_000)
    kill_sync_runs(fresh_data_dir, proxy, central_server.token, 3, random.Random(5))
    proxy.throttle(None)
    final = _spawn_sync(fresh_data_dir, proxy.url, central_server.token)
    try:
        _out, err = final.communicate(timeout=90)
    finally:
        if final.poll() is None:  # never leave a syncing process behind a failed test
            final.kill()
            final.communicate()
    assert final.returncode == 0, err.decode()
    station = Station(fresh_data_dir)
    try:
        _assert_all_on_server_once(central_server, station, docs)
        assert integrity_check(station.engine) == ["ok"]
    finally:
        station.close()
