"""Page-classification benchmark: blank, separator, colour and quality on the dev scans, plus augmentations.

Run: .venv/bin/python tests/bench/eval_classify.py [--data ../shared/data/dev-scans]

Each page is judged three ways: the whole scan, a crop from the ground-truth quad, and (when the
geometry modules are present) the page found and rectified by find_paper/rectify. Augmented cases
made from dev pages: show-through of a mirrored, faded, blurred content page onto blank pages at
increasing strength, extra noise, a lone page number, punch holes, separators turned 90/180/270,
separators at 200 dpi, separators with the QR painted out (PATCH T only). Times are on one core.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from app.imaging.blank import is_blank
from app.imaging.color import is_color_page
from app.imaging.decode import decode_image
from app.imaging.quality import quality_warnings
from app.imaging.separator import PATCH_T, detect_separator
from tests.devset import crop_to_quad

REPO = Path(__file__).resolve().parents[2]
Record = dict[str, Any]


def rectified(image: np.ndarray) -> np.ndarray | None:
    try:
        from app.imaging.paper import find_paper
        from app.imaging.rectify import rectify
    except ImportError:
        return None
    return rectify(image, find_paper(image))


def prf(pairs: list[tuple[bool, bool]]) -> str:
    tp = sum(1 for p, t in pairs if p and t)
    fp = sum(1 for p, t in pairs if p and not t)
    fn = sum(1 for p, t in pairs if t and not p)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return f"P={precision:.3f} R={recall:.3f} (tp={tp} fp={fp} fn={fn})"


def evaluate_dev(data: Path, records: list[Record]) -> dict[str, np.ndarray]:
    views: dict[str, dict[str, list[tuple[bool, bool]]]] = {}
    colour: list[tuple[bool, bool]] = []
    warned = 0
    pages: dict[str, np.ndarray] = {}
    for rec in records:
        decoded = decode_image((data / rec["file"]).read_bytes())
        crop = crop_to_quad(decoded.image, rec["page_quad"])
        pages[rec["file"]] = crop
        candidates = {"scan": decoded.image, "gt-crop": crop, "rectified": rectified(decoded.image)}
        for name, view in candidates.items():
            if view is None:
                continue
            slot = views.setdefault(name, {"blank": [], "sep": []})
            slot["blank"].append((is_blank(view, rec["dpi"]), rec["is_blank"]))
            sep = detect_separator(view, rec["dpi"])
            slot["sep"].append((sep is not None, rec["is_separator"]))
        if decoded.is_color:
            colour.append((is_color_page(crop), rec["has_seal"]))
        warned += bool(quality_warnings(crop, decoded.dpi, rec["page_quad"], decoded.image.shape))
    for name, slot in views.items():
        print(f"[{name:9}] blank {prf(slot['blank'])}   separator {prf(slot['sep'])}")
    print(f"colour (RGB pages, seal = colour): {prf(colour)}")
    print(f"quality: {warned}/{len(records)} dev pages with any warning (false-warning rate)")
    return pages


def time_classification(records: list[Record], pages: dict[str, np.ndarray]) -> None:
    cv2.setNumThreads(1)
    times = []
    for rec in records:
        page = pages[rec["file"]].copy()
        start = time.perf_counter()
        is_blank(page, rec["dpi"])
        detect_separator(page, rec["dpi"])
        if page.ndim == 3:
            is_color_page(page)
        times.append(time.perf_counter() - start)
    ms = np.array(times) * 1000
    print(f"blank+separator+colour per page, 1 thread: mean {ms.mean():.1f} ms, max {ms.max():.1f} ms")


def show_through(blank: np.ndarray, front: np.ndarray, strength: float, blur: float) -> np.ndarray:
    front = cv2.resize(to_gray(front), (blank.shape[1], blank.shape[0]))
    ghost = cv2.GaussianBlur(cv2.flip(front, 1), (0, 0), blur).astype(np.float32) / 255.0
    out = to_gray(blank).astype(np.float32) * (1.0 - strength * (1.0 - ghost))
    return np.clip(out, 0, 255).astype(np.uint8)


def to_gray(img: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(img, cv2.COLOR_BGR2GRAY) if img.ndim == 3 else img


def augmented(records: list[Record], pages: dict[str, np.ndarray]) -> None:
    rng = np.random.default_rng(7)
    blanks = [r for r in records if r["is_blank"]]
    contents = [r for r in records if not r["is_blank"] and not r["is_separator"]]
    seps = [r for r in records if r["is_separator"]]
    for strength in (0.15, 0.25, 0.35, 0.45):
        for blur in (1.0, 2.5):
            hits = sum(
                is_blank(
                    show_through(
                        pages[b["file"]], pages[contents[i % len(contents)]["file"]], strength, blur
                    ),
                    b["dpi"],
                )
                for i, b in enumerate(blanks)
            )
            print(f"show-through strength {strength:.2f} blur {blur}: {hits}/{len(blanks)} still blank")
    noisy = [
        np.clip(
            to_gray(pages[b["file"]]) + rng.normal(0, 12, to_gray(pages[b["file"]]).shape), 0, 255
        ).astype(np.uint8)
        for b in blanks
    ]
    still = sum(is_blank(n, b["dpi"]) for n, b in zip(noisy, blanks, strict=True))
    print(f"noise sigma 12: {still}/{len(blanks)} blank")
    numbered = 0
    holed = 0
    for b in blanks:
        page = to_gray(pages[b["file"]]).copy()
        mm = b["dpi"] / 25.4
        cv2.putText(
            page,
            "- 12 -",
            (page.shape[1] // 2 - round(8 * mm), round(14 * mm)),
            cv2.FONT_HERSHEY_SIMPLEX,
            b["dpi"] / 200,
            30,
            max(2, b["dpi"] // 100),
        )
        numbered += is_blank(page, b["dpi"])
        for y in (0.35, 0.65):
            cv2.circle(page, (round(12 * mm), round(y * page.shape[0])), round(3 * mm), 45, -1)
        holed += is_blank(page, b["dpi"])
    print(f"lone page number: {numbered}/{len(blanks)} blank; + punch holes: {holed}/{len(blanks)} blank")
    sparse = 0
    kept = [c for c in contents if any(line["bbox"][1] > 0.62 * c["paper_size_px"][1] for line in c["lines"])]
    for c in kept:
        page = to_gray(pages[c["file"]]).copy()
        h = page.shape[0]
        page[: int(h * 0.62)] = np.median(page)  # keep only the lower part: signature, seal, names
        sparse += not is_blank(page, c["dpi"])
    print(f"content kept only in the bottom 38 % (pages with text there): {sparse}/{len(kept)} not blank")
    for turns in (1, 2, 3):
        ok = sum(
            detect_separator(np.ascontiguousarray(np.rot90(pages[s["file"]], turns)), s["dpi"]) is not None
            for s in seps
        )
        print(f"separators turned {90 * turns}: {ok}/{len(seps)} found")
    three = [s for s in seps if s["dpi"] == 300]
    ok = sum(
        detect_separator(
            cv2.resize(pages[s["file"]], None, fx=2 / 3, fy=2 / 3, interpolation=cv2.INTER_AREA), 200
        )
        is not None
        for s in three
    )
    print(f"300-dpi separators resampled to 200 dpi: {ok}/{len(three)} found")
    patch_only = 0
    for turns in (0, 1, 2, 3):
        for s in seps:
            page = to_gray(pages[s["file"]]).copy()
            h, w = page.shape
            page[int(0.28 * h) : int(0.62 * h), int(0.25 * w) : int(0.75 * w)] = 240  # paint the QR out
            patch_only += detect_separator(np.ascontiguousarray(np.rot90(page, turns)), s["dpi"]) == PATCH_T
    print(f"separators with the QR painted out, 4 orientations: {patch_only}/{4 * len(seps)} PATCH_T")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "dev-scans")
    args = parser.parse_args()
    records = [
        json.loads(line) for line in (args.data / "pages.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    pages = evaluate_dev(args.data, records)
    time_classification(records, pages)
    augmented(records, pages)


if __name__ == "__main__":
    main()
