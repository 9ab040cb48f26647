"""`make bench`: cleanup time per page on one core, and headless pipeline throughput without OCR."""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import cv2

from app.bootstrap import build_station
from app.core.pipeline import capture, process_batch
from app.core.ports import ScanSettings
from app.core.settings import Settings
from app.imaging.analyzer import analyze_decoded
from app.imaging.decode import decode_image


def per_page_times(data_root: Path) -> dict[str, list[float]]:
    cv2.setNumThreads(1)
    rows = [json.loads(x) for x in (data_root / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    times: dict[str, list[float]] = {
        "decode_ms": [],
        "cleanup_ms": [],
        "a4_300dpi_color_cleanup_ms": [],
        "a4_300dpi_color_decode_ms": [],
    }
    for row in rows:
        data = (data_root / row["file"]).read_bytes()
        t0 = time.perf_counter()
        decoded = decode_image(data)
        t1 = time.perf_counter()
        analyze_decoded(decoded, row["dpi"])
        t2 = time.perf_counter()
        times["decode_ms"].append((t1 - t0) * 1000)
        times["cleanup_ms"].append((t2 - t1) * 1000)
        if row["dpi"] == 300 and row["color_mode"] == "rgb" and row["paper_size_mm"] == [210, 297]:
            times["a4_300dpi_color_cleanup_ms"].append((t2 - t1) * 1000)
            times["a4_300dpi_color_decode_ms"].append((t1 - t0) * 1000)
    return times


def pipeline_rate(data_root: Path) -> tuple[int, float]:
    pages, elapsed = 0, 0.0
    for batch in sorted(p for p in data_root.glob("batch_*") if p.is_dir()):
        with tempfile.TemporaryDirectory() as tmp:
            station = build_station(Settings(data_dir=Path(tmp)))
            t0 = time.perf_counter()
            captured = capture(
                station.scanners["files"], str(batch), ScanSettings(), station.journal, batch_name=batch.name
            )
            with station.worker_pool() as pool:
                process_batch(station.journal, captured.batch.id, station.analyze, executor=pool)
            elapsed += time.perf_counter() - t0
            pages += len(captured.pages)
            station.close()
    return pages, elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, required=True)
    args = ap.parse_args()
    times = per_page_times(args.data)
    print("Cleanup per page, one core (decode excluded unless named):")
    for key, values in times.items():
        if values:
            print(
                f"  {key:28s} median {statistics.median(values):7.1f}  p95 "
                f"{sorted(values)[int(0.95 * (len(values) - 1))]:7.1f}  n={len(values)}"
            )
    pages, elapsed = pipeline_rate(args.data)
    print(
        f"Headless pipeline without OCR (journal + decode + cleanup, all cores): {pages} pages in "
        f"{elapsed:.1f} s = {pages / elapsed * 60:.0f} pages/minute"
    )


if __name__ == "__main__":
    main()
