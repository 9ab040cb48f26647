"""Suite-wide fixtures: a fresh app-data folder per test, offscreen Qt, and no leaked threads."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.devset import DEV_SCANS

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@pytest.fixture(autouse=True)
def fresh_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own station data folder; nothing touches the user's real one."""
    folder = tmp_path / "station-data"
    monkeypatch.setenv("SOHOA_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    """Fail a test that leaves a non-daemon thread running behind it."""
    before = set(threading.enumerate())
    yield
    leaked = [
        t
        for t in threading.enumerate()
        if t not in before and t.is_alive() and not t.daemon and not t.name.startswith("QThreadPool")
    ]
    for t in leaked:
        t.join(timeout=5)
    still = [t.name for t in leaked if t.is_alive()]
    assert not still, f"test left threads running: {still}"


@pytest.fixture
def dev_scans() -> Path:
    if not (DEV_SCANS / "pages.jsonl").exists():
        pytest.skip("dev-scans dataset not available")
    return DEV_SCANS
