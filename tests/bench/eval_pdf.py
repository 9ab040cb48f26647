"""PDF benchmark on the dev scans: size per page kind, PDF/A validation, seal colour, legibility, time.

Run: .venv/bin/python tests/bench/eval_pdf.py [--data ../shared/data/dev-scans] [--ocr-pages 6]
     [--compression auto|mrc|bitonal|jpeg] [--out DIR]

Each content page is cleaned as the pipeline does (gray page from ``analyze``; the colour page by
rectifying the decoded scan with the same findings), compressed by ``prepare_page`` and assembled
per document by ``assemble_pdfa``. The text layer comes from the ground truth lines (split into
words with proportional boxes) so that every page has one without running OCR; ``--ocr-pages``
pages are OCRed (Tesseract vie, psm 3) twice, on the cleaned scan and on the page rendered back from
the PDF at the same dpi, and both CERs are printed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

import cv2
import numpy as np
import pypdfium2 as pdfium
import pytesseract

from app.core.ocr_types import OcrWord
from app.imaging.analyzer import analyze
from app.imaging.decode import decode_image
from app.imaging.rectify import rectify, rotate_orientation
from app.pdf.compress import prepare_page
from app.pdf.pdfa import assemble_pdfa, validate_pdfa
from app.pdf.types import PdfMetadata, PreparedPage
from tests.devset import load_scorer

REPO = Path(__file__).resolve().parents[2]
SEAL_CHROMA = 60  # a pixel is seal-red when R exceeds both G and B by this much


def cleaned_pages(data: Path, record: dict[str, Any]) -> tuple[np.ndarray, np.ndarray, int]:
    """The cleaned gray page (what OCR reads) and the same page in the scan's colours."""
    blob = (data / record["file"]).read_bytes()
    result = analyze(blob)
    found = result.findings
    decoded = decode_image(blob).image
    quad = np.asarray(found.page_quad)
    colour = rotate_orientation(rectify(decoded, quad, found.skew_deg), found.orientation)
    return result.cleaned, colour, found.dpi


def truth_words(record: dict[str, Any], shape: tuple[int, ...]) -> list[OcrWord]:
    """Ground-truth lines split into words, each given a share of its line box by length."""
    words: list[OcrWord] = []
    height, width = shape[:2]
    for index, line in enumerate(record.get("lines", [])):
        x0, y0, x1, y1 = (int(v) for v in line["bbox"])
        tokens = line["text"].split()
        total = sum(len(t) + 1 for t in tokens) or 1
        cursor = float(x0)
        for token in tokens:
            span = (x1 - x0) * (len(token) + 1) / total
            box = (
                int(cursor),
                y0,
                min(width, int(cursor + span * len(token) / (len(token) + 1))),
                min(height, y1),
            )
            words.append(OcrWord(token, box, 100.0, index))
            cursor += span
    return words


def render(pdf_bytes: bytes, index: int, dpi: int) -> np.ndarray:
    """Page ``index`` rendered at ``dpi`` as BGR."""
    document = pdfium.PdfDocument(pdf_bytes)
    bitmap = document[index].render(scale=dpi / 72.0).to_numpy()
    return np.ascontiguousarray(bitmap[..., :3])


def red_mask(bgr: np.ndarray) -> np.ndarray:
    b, g, r = (bgr[..., i].astype(np.int16) for i in range(3))
    return (r - g > SEAL_CHROMA) & (r - b > SEAL_CHROMA)


def seal_keep(scan: np.ndarray, rendered: np.ndarray) -> tuple[float, float]:
    """Share of the scan's seal-red pixels still red in the PDF, and IoU of the two red masks."""
    h = min(scan.shape[0], rendered.shape[0])
    w = min(scan.shape[1], rendered.shape[1])
    before, after = red_mask(scan[:h, :w]), red_mask(rendered[:h, :w])
    if not before.any():
        return float("nan"), float("nan")
    kept = float((before & after).sum() / before.sum())
    return kept, float((before & after).sum() / (before | after).sum())


def ocr_text(gray: np.ndarray) -> str:
    return str(pytesseract.image_to_string(gray, lang="vie", config="--psm 3"))


def line_cer(gray: np.ndarray, record: dict[str, Any], score: ModuleType) -> float:
    """CER over the ground-truth lines, each cropped (with a margin) and read alone (psm 7):
    legibility without Tesseract's page layout analysis and reading order in the way."""
    errors = chars = 0
    height, width = gray.shape
    for line in record.get("lines", []):
        x0, y0, x1, y1 = (int(v) for v in line["bbox"])
        crop = gray[max(0, y0 - 8) : min(height, y1 + 8), max(0, x0 - 8) : min(width, x1 + 8)]
        if crop.size == 0:
            continue
        text = str(pytesseract.image_to_string(crop, lang="vie", config="--psm 7"))
        truth = score.norm_text(line["text"])
        errors += round(score.cer(text, truth) * len(truth))
        chars += len(truth)
    return errors / max(chars, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "dev-scans")
    parser.add_argument("--ocr-pages", type=int, default=6)
    parser.add_argument("--compression", default="auto")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    cv2.setNumThreads(1)  # as in a pool worker
    score = load_scorer(args.data)
    out = args.out or Path(tempfile.mkdtemp(prefix="eval_pdf_"))
    out.mkdir(parents=True, exist_ok=True)
    records = [json.loads(x) for x in (args.data / "pages.jsonl").read_text("utf-8").splitlines() if x]
    by_file = {r["file"]: r for r in records}
    documents = [json.loads(x) for x in (args.data / "documents.jsonl").read_text("utf-8").splitlines() if x]
    sizes: dict[str, list[float]] = defaultdict(list)
    times: dict[str, list[float]] = defaultdict(list)
    seal_rows: list[tuple[str, float, float]] = []
    ocr_rows: list[tuple[str, str, float, float, float, float, float, float]] = []
    checks: list[dict[str, Any]] = []
    failures: list[str] = []
    ocr_budget = {"mrc": (args.ocr_pages + 1) // 2, "bitonal": args.ocr_pages // 2, "jpeg": args.ocr_pages}
    for doc in documents:
        prepared: list[PreparedPage] = []
        scans: list[tuple[dict[str, Any], np.ndarray, np.ndarray, int]] = []
        for name in doc["pages"]:
            record = by_file[name]
            gray, colour, dpi = cleaned_pages(args.data, record)
            start = time.perf_counter()
            page = prepare_page(colour, dpi, truth_words(record, colour.shape), compression=args.compression)
            times[page.kind].append((time.perf_counter() - start) * 1000)
            sizes[page.kind].append(page.image_bytes / 1024)
            prepared.append(page)
            scans.append((record, gray, colour, dpi))
        meta = PdfMetadata(
            title=str(doc.get("tieu_de") or ""),
            creator=str(doc.get("co_quan_ban_hanh") or ""),
            identifier=doc["doc_id"],
            fields={k: doc.get(k) for k in ("doc_type", "so_ky_hieu", "ngay_ban_hanh", "nguoi_ky")},
        )
        start = time.perf_counter()
        pdf = assemble_pdfa(prepared, meta)
        times["assemble"].append((time.perf_counter() - start) * 1000)
        path = out / f"{doc['doc_id']}.pdf"
        path.write_bytes(pdf)
        problems = validate_pdfa(pdf)
        if problems:
            failures.append(f"{doc['doc_id']}: {problems[:3]}")
        check = score.pdf_check(path, len(doc["pages"]))
        check["validator"] = not problems
        checks.append(check)
        for index, ((record, gray, colour, dpi), page) in enumerate(zip(scans, prepared, strict=True)):
            back = render(pdf, index, dpi)
            if record.get("has_seal") and colour.ndim == 3:
                seal_rows.append((record["file"], *seal_keep(colour, back)))
            if ocr_budget.get(page.kind, 0) > 0:
                ocr_budget[page.kind] -= 1
                truth = record["text"]
                back_gray = cv2.cvtColor(back, cv2.COLOR_BGR2GRAY)
                text_before, text_after = ocr_text(gray), ocr_text(back_gray)
                ocr_rows.append(
                    (
                        record["file"],
                        page.kind,
                        score.cer(text_before, truth),
                        score.cer(text_after, truth),
                        score.bag_error(text_before, truth),
                        score.bag_error(text_after, truth),
                        line_cer(gray, record, score),
                        line_cer(back_gray, record, score),
                    )
                )
    report(sizes, times, checks, failures, seal_rows, ocr_rows, out)


def report(
    sizes: dict[str, list[float]],
    times: dict[str, list[float]],
    checks: list[dict[str, Any]],
    failures: list[str],
    seal_rows: list[tuple[str, float, float]],
    ocr_rows: list[tuple[str, str, float, float, float, float, float, float]],
    out: Path,
) -> None:
    print(f"PDFs in {out}")
    for kind, values in sorted(sizes.items()):
        ms = times[kind]
        print(
            f"{kind:8s} pages={len(values):3d}  KB/page median={statistics.median(values):6.1f} "
            f"max={max(values):6.1f}   prepare ms median={statistics.median(ms):5.0f} max={max(ms):5.0f}"
        )
    print(f"assemble ms per document: median {statistics.median(times['assemble']):.0f}")
    for key in ("opens", "pages_ok", "pdfa", "text", "validator"):
        print(f"{key:10s} {sum(bool(c.get(key)) for c in checks)}/{len(checks)}")
    print("file KB/page median:", round(statistics.median(c["kb_per_page"] or 0 for c in checks), 1))
    for line in failures:
        print("  FAIL", line)
    if seal_rows:
        kept = [r[1] for r in seal_rows]
        iou = [r[2] for r in seal_rows]
        print(f"seal red kept: median {statistics.median(kept):.3f} min {min(kept):.3f}")
        print(f"seal red IoU (scan vs pdf): median {statistics.median(iou):.3f}")
    print("legibility, scan -> pdf (%): page CER psm 3 | word-bag error psm 3 | line CER psm 7")
    for name, kind, *values in ocr_rows:
        pairs = " | ".join(f"{values[i] * 100:5.2f} -> {values[i + 1] * 100:5.2f}" for i in (0, 2, 4))
        print(f"  {name:20s} {kind:7s} {pairs}")
    for label, i in (("page CER", 2), ("word-bag", 4), ("line CER", 6)):
        if ocr_rows:
            before = statistics.mean(r[i] for r in ocr_rows) * 100
            after = statistics.mean(r[i + 1] for r in ocr_rows) * 100
            print(
                f"{label:9s} mean scan {before:5.2f}%  pdf {after:5.2f}%  diff {after - before:+.2f} points"
            )


if __name__ == "__main__":
    main()
