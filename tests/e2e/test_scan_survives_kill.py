"""A scan killed with SIGKILL after N pages shows exactly those N pages when the station restarts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

SOHOA = Path(sys.executable).parent / "sohoa"


def test_kill_during_scan_keeps_exactly_the_delivered_pages(fresh_data_dir: Path) -> None:
    env = {**os.environ, "SOHOA_DATA_DIR": str(fresh_data_dir)}
    cmd = [str(SOHOA), "--profile", "demo", "scan", "--driver", "simulated"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    delivered = []
    for line in proc.stdout:
        if line.startswith("page "):
            delivered.append(line.split()[2])
        if len(delivered) == 3:
            proc.send_signal(signal.SIGKILL)  # the feeder paces pages 0.6 s apart: page 4 is not out yet
            break
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    listing = subprocess.run(
        [str(SOHOA), "--profile", "demo", "batches"], capture_output=True, text=True, env=env, timeout=60
    )
    assert listing.returncode == 0, listing.stderr
    rows = [r.split("\t") for r in listing.stdout.strip().splitlines()]
    assert len(rows) == 1
    assert rows[0][1] == "captured" and rows[0][2] == "3 trang"

    recovered = subprocess.run(
        [str(SOHOA), "--profile", "demo", "recover"], capture_output=True, text=True, env=env, timeout=120
    )
    assert recovered.returncode == 0, recovered.stderr
    assert "Kiểm tra CSDL: tốt" in recovered.stdout
    assert "đã xử lý 3 trang" in recovered.stdout
