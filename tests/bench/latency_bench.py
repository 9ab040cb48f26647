"""`make bench`: while OCR runs, the feeder never waits; delivery-to-thumbnail latency per page.

A simulated feeder delivers a batch (dev pages repeated) at a fixed pace (default 40 pages per
minute); cleanup + OCR + PDF page preparation run in the low-priority worker pool (cores - 1).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from app.core.cancel import CancelToken
from app.core.ports import ScanSettings
from app.core.session import ScanSession
from app.core.settings import Settings
from app.imaging.analyzer import thumbnail
from app.scanning.simulated import SimulatedFeeder
from app.store import open_store
from app.workers import analyze_read_prepare


def make_feed(root: Path, folder: Path, pages: int) -> None:
    rows = [json.loads(x) for x in (root / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    for i in range(pages):
        shutil.copy(root / rows[i % len(rows)]["file"], folder / f"{i + 1:04d}.jpg")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--ppm", type=float, default=40.0, help="feeder pace, pages per minute")
    args = ap.parse_args()
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed"
        feed.mkdir()
        make_feed(args.data, feed, args.pages)
        store = open_store(Path(tmp) / "store")
        feeder = SimulatedFeeder(feed, seconds_per_page=60.0 / args.ppm)
        from app.bootstrap import Station

        station = Station(settings=settings, data_dir=Path(tmp), store=store)
        with station.worker_pool() as pool:
            last_ready = [0.0]
            session = ScanSession(
                store,
                thumbnail,
                analyze_read_prepare,
                pool,
                on_ready=lambda _r: last_ready.__setitem__(0, time.perf_counter()),
            )
            t0 = time.perf_counter()
            result = session.scan(feeder, str(feed), ScanSettings(), "bench", CancelToken())
            total = time.perf_counter() - t0  # scan() returns once every page's work is journaled
            scanned = last_ready[0] - t0
        store.close()
    lat = sorted(r.latency_s * 1000 for r in result.ready)
    print(
        f"Scan session: {len(lat)} pages at {args.ppm:.0f} pages/min, OCR in {settings.worker_count()} "
        f"low-priority worker(s) on {os.cpu_count()} cores"
    )
    print(
        f"  delivery -> thumbnail ready: median {statistics.median(lat):.0f} ms, p95 "
        f"{lat[int(0.95 * (len(lat) - 1))]:.0f} ms, max {lat[-1]:.0f} ms (goal: every page < 300 ms)"
    )
    print(
        f"  feeder time {scanned:.1f} s for {len(lat)} pages (ideal {len(lat) * 60 / args.ppm:.1f} s); "
        f"OCR backlog cleared {total - scanned:.1f} s after the last page"
    )


if __name__ == "__main__":
    main()
