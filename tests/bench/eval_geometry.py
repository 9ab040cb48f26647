"""Page-geometry benchmark: crop IoU, skew error, orientation accuracy and time on the dev scans.

Run: .venv/bin/python tests/bench/eval_geometry.py [--data ../shared/data/dev-scans] [--augment N]

Besides the pages as scanned, every content page is also turned upright, rotated by 0/90/180/270
degrees, given a random skew and put back on a scanner background (``--augment`` rounds of that), to
check orientation and skew on layouts the dev set only shows upright.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from app.imaging.deskew import estimate_skew
from app.imaging.orientation import detect_orientation_scored
from app.imaging.paper import find_paper
from app.imaging.pyramid import halve, to_gray
from app.imaging.rectify import rectify, rotate_orientation
from tests.devset import load_scorer

REPO = Path(__file__).resolve().parents[2]


def geometry(image: np.ndarray) -> tuple[np.ndarray, float, int, float, float]:
    """Quad, skew, orientation, confidence and milliseconds, as the cleanup stage would run them."""
    start = time.perf_counter()
    quad = find_paper(image)
    skew = estimate_skew(image, quad)
    small = halve(to_gray(image))
    flat = rectify(small, (quad + 0.5) / 2 - 0.5, skew)
    orientation, conf = detect_orientation_scored(flat)
    return quad, skew, orientation, conf, (time.perf_counter() - start) * 1000


def augment(upright: np.ndarray, turns: int, skew: float, rng: np.random.Generator) -> np.ndarray:
    """The upright page turned ``turns`` quarter turns clockwise, skewed and laid on a background."""
    page = np.rot90(upright, -turns)
    h, w = page.shape
    pad = int(max(h, w) * rng.uniform(0.04, 0.12))
    bg = int(rng.choice([30, 60, 120, 160]))
    canvas = np.full((h + 2 * pad, w + 2 * pad), bg, np.uint8)
    canvas[pad : pad + h, pad : pad + w] = page
    turn = cv2.getRotationMatrix2D(((w + 2 * pad) / 2, (h + 2 * pad) / 2), skew, 1.0)
    out = cv2.warpAffine(canvas, turn, canvas.shape[::-1], borderValue=bg)
    noise = rng.normal(0, 3, out.shape)
    scan: np.ndarray = np.clip(out + noise, 0, 255).astype(np.uint8)
    return scan


def run(data: Path, rounds: int, dump: Path | None = None) -> dict[str, Any]:
    score = load_scorer(data)
    records = [json.loads(line) for line in (data / "pages.jsonl").read_text().splitlines() if line]
    ious, skew_err, orient_ok, times = [], [], [], []
    aug_ok, aug_skew_err, failures = [], [], []
    rng = np.random.default_rng(7)
    for rec in records:
        image = cv2.imread(str(data / rec["file"]), cv2.IMREAD_UNCHANGED)
        if image is None:
            raise FileNotFoundError(data / rec["file"])
        quad, skew, orientation, _conf, ms = geometry(image)
        times.append(ms)
        ious.append(score.quad_iou(quad.tolist(), rec["page_quad"]))
        if rec["is_blank"] or rec["is_separator"]:
            continue
        skew_err.append(score.angle_error(skew, rec["skew_deg"]))
        orient_ok.append(orientation == rec["orientation"])
        if orientation != rec["orientation"]:
            failures.append(f"{rec['file']}: orientation {orientation} != {rec['orientation']}")
        upright = rotate_orientation(rectify(to_gray(image), quad, skew), rec["orientation"])
        for _ in range(rounds):
            for turns in range(4):
                true_skew = float(rng.uniform(-5, 5))
                scan = augment(upright, turns, true_skew, rng)
                _q, s, o, _c, _ms = geometry(scan)
                aug_ok.append(o == turns * 90)
                aug_skew_err.append(score.angle_error(s, true_skew))
                if o != turns * 90:
                    failures.append(
                        f"{rec['file']} augmented {turns * 90} skew {true_skew:.2f}: got {o}, skew {s:.2f}"
                    )
                    if dump:
                        cv2.imwrite(str(dump / f"{rec['file'].replace('/', '_')}_{turns}.png"), scan)
    return {
        "pages": len(records),
        "crop_iou_mean": statistics.fmean(ious),
        "crop_iou_min": min(ious),
        "skew_err_median_deg": statistics.median(skew_err),
        "skew_err_p95_deg": float(np.quantile(skew_err, 0.95)),
        "orientation_accuracy": statistics.fmean(orient_ok),
        "augmented_cases": len(aug_ok),
        "augmented_orientation_accuracy": statistics.fmean(aug_ok) if aug_ok else None,
        "augmented_skew_err_median_deg": statistics.median(aug_skew_err) if aug_skew_err else None,
        "augmented_skew_err_p95_deg": float(np.quantile(aug_skew_err, 0.95)) if aug_skew_err else None,
        "ms_per_page_median": statistics.median(times),
        "failures": failures,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "dev-scans")
    parser.add_argument("--augment", type=int, default=1, help="augmentation rounds per content page")
    parser.add_argument("--dump", type=Path, default=None, help="folder for failing augmented scans")
    args = parser.parse_args()
    cv2.setNumThreads(1)
    result = run(args.data, args.augment, args.dump)
    for key, value in result.items():
        if key != "failures":
            print(f"{key:36s} {value:.4f}" if isinstance(value, float) else f"{key:36s} {value}")
    for line in result["failures"]:
        print("FAIL", line)


if __name__ == "__main__":
    main()
