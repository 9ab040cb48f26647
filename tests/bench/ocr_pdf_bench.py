"""`make bench`, OCR/PDF part: our pipeline against OCRmyPDF on the same dev pages, in one run.

Prints pages per minute, bytes per page and CER of each, and the ratios (goals: ours >= 2x their
speed, <= 0.25x their bytes). Both use every core: ours a process pool, theirs ``-j <cores>``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import img2pdf
import numpy as np
import pypdfium2 as pdfium
from rapidfuzz.distance import Levenshtein

from app.ocr.engine import recognize_page
from app.workers import analyze_read_prepare, assemble_document, init_low_priority_worker


def norm(text: str) -> str:
    return " ".join(text.split())


def cer(pred: str, truth: str) -> float:
    truth, pred = norm(truth), norm(pred)
    return Levenshtein.distance(pred, truth) / max(len(truth), 1)


def content_pages(root: Path, limit: int) -> list[dict]:
    rows = [json.loads(x) for x in (root / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    content = [r for r in rows if not r["is_blank"] and not r["is_separator"]]
    step = max(1, len(content) // limit)
    return content[::step][:limit]


def run_ours(root: Path, rows: list[dict], cores: int) -> tuple[float, int, list[str], bytes, list[int]]:
    t0 = time.perf_counter()
    with ProcessPoolExecutor(cores, initializer=init_low_priority_worker) as pool:
        datas = [(root / r["file"]).read_bytes() for r in rows]
        products = list(pool.map(analyze_read_prepare, datas, [r["dpi"] for r in rows]))
    pdf = assemble_document([p.pdf_part for p in products], {"title": "bench"})
    elapsed = time.perf_counter() - t0
    texts = [p.ocr.text if p.ocr else "" for p in products]
    return elapsed, len(pdf), texts, pdf, [p.findings.dpi for p in products]


def _read_rendered(args: tuple[bytes, int, int]) -> str:
    pdf, index, dpi = args
    bitmap = pdfium.PdfDocument(pdf)[index].render(scale=dpi / 72, grayscale=True)
    gray = np.asarray(bitmap.to_pil().convert("L"))
    return recognize_page(gray, dpi).text


def legibility(pdf: bytes, dpis: list[int], cores: int) -> list[str]:
    """Our OCR of each page image as the PDF carries it, rendered back at the scan's resolution."""
    with ProcessPoolExecutor(cores, initializer=init_low_priority_worker) as pool:
        return list(pool.map(_read_rendered, [(pdf, i, dpi) for i, dpi in enumerate(dpis)]))


def run_ocrmypdf(root: Path, rows: list[dict], cores: int, work: Path) -> tuple[float, int, list[str]]:
    src, out, sidecar = work / "in.pdf", work / "out.pdf", work / "out.txt"
    src.write_bytes(img2pdf.convert([str(root / r["file"]) for r in rows]))
    exe = shutil.which("ocrmypdf") or str(Path(sys.executable).parent / "ocrmypdf")
    cmd = [
        exe,
        "-l",
        "vie",
        "--deskew",
        "--rotate-pages",
        "--output-type",
        "pdfa",
        "-j",
        str(cores),
        "--sidecar",
        str(sidecar),
        str(src),
        str(out),
    ]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    elapsed = time.perf_counter() - t0
    texts = sidecar.read_text(encoding="utf-8").split("\f")
    return elapsed, out.stat().st_size, texts[: len(rows)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--pages", type=int, default=12)
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    rows = content_pages(args.data, args.pages)
    truths = [r["text"] for r in rows]
    elapsed, size, our_texts, pdf, dpis = run_ours(args.data, rows, cores)
    ours = (elapsed, size, our_texts)
    with tempfile.TemporaryDirectory() as tmp:
        theirs = run_ocrmypdf(args.data, rows, cores, Path(tmp))
    print(f"OCR + PDF/A on {len(rows)} dev content pages, {cores} cores:")
    stats = {}
    for name, (elapsed, size, texts) in (("ours", ours), ("ocrmypdf", theirs)):
        cers = [cer(p, t) for p, t in zip(texts, truths, strict=True)]
        stats[name] = (len(rows) / elapsed * 60, size / len(rows), statistics.median(cers))
        print(
            f"  {name:9s} {stats[name][0]:6.1f} pages/min  {stats[name][1] / 1024:7.1f} KB/page  "
            f"CER median {stats[name][2] * 100:5.1f}%  mean {statistics.fmean(cers) * 100:5.1f}%"
        )
    inside = legibility(pdf, dpis, cores)
    scan_cer = statistics.fmean(cer(p, t) for p, t in zip(our_texts, truths, strict=True))
    pdf_cer = statistics.fmean(cer(p, t) for p, t in zip(inside, truths, strict=True))
    worst = max(cer(a, t) - cer(b, t) for a, b, t in zip(inside, our_texts, truths, strict=True))
    print(
        f"  legibility: our OCR of the cleaned scan CER {scan_cer * 100:.2f}%, of the image inside the "
        f"PDF {pdf_cer * 100:.2f}% ({(pdf_cer - scan_cer) * 100:+.2f} points, worst page "
        f"{worst * 100:+.2f}; goal <= +0.5)"
    )
    print(
        f"  ratios: speed ours/theirs {stats['ours'][0] / stats['ocrmypdf'][0]:.2f}x (goal >= 2), "
        f"bytes ours/theirs {stats['ours'][1] / stats['ocrmypdf'][1]:.2f}x (goal <= 0.25)"
    )


if __name__ == "__main__":
    main()
