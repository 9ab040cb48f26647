"""OCR accuracy and cost on the dev scans: plain Tesseract on the raw scan vs ours on the cleaned page.

Run: .venv/bin/python -m tests.bench.eval_ocr [--data ../shared/data/dev-scans] [--jobs 2] [--limit N]
     [--no-baseline] [--show-worst 3]

Over content pages (not blank, not separator), with the official metrics (``cer`` in the dataset's
reading order, ``bag_error`` order-free) from shared/eval/score.py: median and mean of each, and CPU
seconds per page (the worker's own time plus Tesseract's, one core). The baseline is
``tesseract -l vie`` with default settings on the decoded scan; ours is ``analyze`` (crop, deskew,
orientation) then ``recognize_page``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import statistics
from multiprocessing import Pool
from pathlib import Path
from types import ModuleType
from typing import Any

import cv2
import numpy as np
import pytesseract

from app.imaging.analyzer import analyze
from app.ocr.backend import LANG, engine_name
from app.ocr.engine import recognize_page

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "dev-scans"


def load_scorer(data: Path) -> ModuleType:
    """The official scorer, from shared/eval beside the data."""
    spec = importlib.util.spec_from_file_location("score", data.parent.parent / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the tesseract runs)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def init_worker() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    cv2.setNumThreads(1)


def run_page(job: tuple[Path, bool]) -> dict[str, Any]:
    """Baseline and ours on one scan file."""
    path, baseline = job
    data = path.read_bytes()
    result: dict[str, Any] = {}
    if baseline:
        raw = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
        start = cpu_seconds()
        result["baseline"] = pytesseract.image_to_string(raw, lang=LANG)
        result["baseline_s"] = cpu_seconds() - start
    start = cpu_seconds()
    analysis = analyze(data)
    cleaned_s = cpu_seconds() - start
    page = recognize_page(analysis.cleaned, analysis.findings.dpi)
    result.update(ours=page.text, ocr_s=cpu_seconds() - start - cleaned_s, clean_s=cleaned_s)
    return result


def summary(name: str, values: list[float]) -> str:
    return f"{name}: median {statistics.median(values):.2%}  mean {statistics.fmean(values):.2%}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--jobs", type=int, default=max(1, (os.cpu_count() or 2)))
    ap.add_argument("--limit", type=int, default=0, help="only the first N content pages")
    ap.add_argument("--no-baseline", action="store_true", help="skip plain Tesseract on the raw scans")
    ap.add_argument("--show-worst", type=int, default=0, help="print the N worst pages (by CER)")
    args = ap.parse_args()
    if not (args.data / "pages.jsonl").exists():
        print(f"no dev set at {args.data}: nothing to measure")
        return 0
    scorer = load_scorer(args.data)
    pages = [
        p for p in scorer.read_jsonl(args.data / "pages.jsonl") if not (p["is_blank"] or p["is_separator"])
    ]
    pages = pages[: args.limit] if args.limit else pages
    jobs = [(args.data / p["file"], not args.no_baseline) for p in pages]
    with Pool(args.jobs, initializer=init_worker) as pool:
        results = pool.map(run_page, jobs, chunksize=1)
    report(scorer, pages, results, args.show_worst)
    return 0


def report(
    scorer: ModuleType, pages: list[dict[str, Any]], results: list[dict[str, Any]], worst: int
) -> None:
    print(f"{len(pages)} content pages; our engine: {engine_name()}")
    for key in ("baseline", "ours"):
        if key not in results[0]:
            continue
        cers = [scorer.cer(r[key], p["text"]) for p, r in zip(pages, results, strict=True)]
        bags = [scorer.bag_error(r[key], p["text"]) for p, r in zip(pages, results, strict=True)]
        label = "plain tesseract, raw scan" if key == "baseline" else "ours, cleaned page    "
        print(f"{label}  {summary('CER', cers)}   {summary('word-bag', bags)}")
        if key == "ours" and worst:
            ranked = sorted(zip(cers, bags, pages, strict=True), key=lambda t: -t[0])[:worst]
            for (
                c,
                b,
                p,
            ) in ranked:
                print(f"   {p['file']}: CER {c:.2%} bag {b:.2%} ({p['doc_type']}, {p['dpi']} dpi)")
    seconds = {k: [r[k] for r in results if k in r] for k in ("baseline_s", "clean_s", "ocr_s")}
    print(
        "CPU seconds per page (one core): "
        + ", ".join(f"{k[:-2]} {statistics.fmean(v):.2f}" for k, v in seconds.items() if v)
        + f"; ocr max {max(seconds['ocr_s']):.2f}"
    )
    print(json.dumps({k: round(statistics.fmean(v), 3) for k, v in seconds.items() if v}))


if __name__ == "__main__":
    raise SystemExit(main())
