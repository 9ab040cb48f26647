"""Crash test: a scanning process is killed (SIGKILL) at random moments; no acknowledged page is lost."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.models import BatchState
from app.store import open_store

KILLER = Path(__file__).with_name("killer.py")
REPO = Path(__file__).resolve().parents[2]
WATCHDOG_S = 60.0

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs POSIX fork and SIGKILL")


@pytest.fixture(scope="module")
def scanner_server() -> Iterator[subprocess.Popen[str]]:
    """killer.py in serve mode: one interpreter start-up, one forked scanner per crash."""
    server = subprocess.Popen(
        [sys.executable, str(KILLER), "--serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    yield server
    assert server.stdin is not None
    server.stdin.close()
    server.wait(timeout=30)


def _describe(pid: int) -> str:
    """Where a stuck scanner is waiting (Linux /proc), for the failure message."""
    parts = []
    for name in ("wchan", "stack"):
        try:
            parts.append(Path(f"/proc/{pid}/{name}").read_text()[:800])
        except OSError as exc:
            parts.append(f"{name}: {exc}")
    return " | ".join(parts)


def _scan_and_kill(
    server: subprocess.Popen[str], data_dir: Path, seed: int
) -> tuple[int, list[tuple[int, str]]]:
    """Kill a scanner right after a random number of acknowledgements; return its batch and acks."""
    assert server.stdin is not None and server.stdout is not None
    rng = random.Random(seed)
    wanted = rng.randint(3, 15)
    server.stdin.write(f"{data_dir} {seed}\n")
    server.stdin.flush()
    lines = [server.stdout.readline()]
    pid = int(lines[0].split()[1])
    stuck: list[str] = []
    # A scanner that stops answering is a failure, not a hang: describe it, then kill it.
    watchdog = threading.Timer(
        WATCHDOG_S, lambda: (stuck.append(_describe(pid)), os.kill(pid, signal.SIGKILL))
    )
    watchdog.start()
    try:
        while sum(line.startswith("stored") for line in lines) < wanted:
            line = server.stdout.readline()
            if not line or line.startswith("reaped"):
                pytest.fail(f"scanner ended before being killed: {lines[-3:]} {stuck}")
            lines.append(line)
    finally:
        watchdog.cancel()
    time.sleep(rng.uniform(0, 0.030))  # let the kill land anywhere inside the next write
    os.kill(pid, signal.SIGKILL)
    while not (line := server.stdout.readline()).startswith("reaped"):
        assert line, "scanner server died"
        lines.append(line)
    batch_id = int(lines[1].split()[1])
    acked = [(int(w[1]), w[2]) for w in (line.split() for line in lines) if w[0] == "stored"]
    return batch_id, acked


@pytest.mark.timeout(120)
@pytest.mark.parametrize("seed", range(10))
def test_killed_scan_keeps_every_acknowledged_page(
    scanner_server: subprocess.Popen[str], tmp_path: Path, seed: int
) -> None:
    data_dir = tmp_path / "data"
    batch_id, acked = _scan_and_kill(scanner_server, data_dir, seed)

    with open_store(data_dir) as store:
        report = store.last_recovery
        pages = store.list_pages(batch_id)
        blobs = [store.read_page(p) for p in pages]  # raises IntegrityError if a file is damaged
        batch = store.get_batch(batch_id)

    assert report.integrity == ("ok",)
    assert report.interrupted_batches == (batch_id,)
    assert batch.state is BatchState.CAPTURED
    assert [(p.seq, p.sha256) for p in pages[: len(acked)]] == acked
    assert len(acked) <= len(pages) <= len(acked) + 1
    assert [p.seq for p in pages] == list(range(1, len(pages) + 1))
    assert len(blobs) == len(pages) and report.missing_pages == () and report.corrupt_pages == ()
    assert list((data_dir / "tmp").iterdir()) == []
    with sqlite3.connect(data_dir / "station.db") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
