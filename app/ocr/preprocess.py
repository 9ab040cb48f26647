"""Page clean-up before OCR: flatten the background, fade seals and strokes, erase dotted leaders."""

from __future__ import annotations

import logging

import cv2
import numpy as np

log = logging.getLogger(__name__)

BACKGROUND_KERNEL_MM = 1.6  # wider than any stroke, narrower than stains and folds
MM_PER_INCH = 25.4


def _mm(dpi: int, mm: float) -> int:
    return max(1, round(dpi * mm / MM_PER_INCH))


def flatten_background(gray: np.ndarray, dpi: int) -> np.ndarray:
    """Divide by the paper's own brightness (a closing removes the ink) so stains and folds go white."""
    k = _mm(dpi, BACKGROUND_KERNEL_MM) | 1
    small = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k // 2 | 1, k // 2 | 1))
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    paper = cv2.GaussianBlur(paper, (0, 0), k / 4)
    paper = cv2.resize(paper, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    flat = cv2.divide(gray, np.maximum(paper, 1), scale=255)
    return flat


def ink_mask(flat: np.ndarray, level: int = 160) -> np.ndarray:
    """Dark ink on the flattened page (255 = ink)."""
    return (flat < level).astype(np.uint8) * 255


def erase_leaders(flat: np.ndarray, dpi: int) -> np.ndarray:
    """Whiten dotted leader lines: rows of ≥ 4 small, evenly spaced, same-height blobs."""
    mask = ink_mask(flat)
    n, _, stats, cents = cv2.connectedComponentsWithStats(mask, connectivity=8)
    max_dot = _mm(dpi, 0.9)
    max_gap = _mm(dpi, 3.0)
    sel = [
        i
        for i in range(1, n)
        if stats[i, 2] <= max_dot and stats[i, 3] <= max_dot and stats[i, 4] >= 2
        and max(stats[i, 2], stats[i, 3]) <= 2.5 * min(stats[i, 2], stats[i, 3])
    ]
    if not sel:
        return flat
    out = flat.copy()
    tol = max(2.0, dpi / 150)
    order = sorted(sel, key=lambda i: (cents[i, 1], cents[i, 0]))
    rows: list[list[int]] = []
    for i in order:
        if rows and abs(cents[rows[-1][-1], 1] - cents[i, 1]) <= tol:
            rows[-1].append(i)
        else:
            rows.append([i])
    erased = 0
    for row in rows:
        row.sort(key=lambda i: cents[i, 0])
        chain = [row[0]]
        for i in row[1:]:
            if cents[i, 0] - cents[chain[-1], 0] <= max_gap:
                chain.append(i)
            else:
                erased += _erase_chain(out, stats, chain)
                chain = [i]
        erased += _erase_chain(out, stats, chain)
    log.debug("erased %d leader dots", erased)
    return out


def _erase_chain(out: np.ndarray, stats: np.ndarray, chain: list[int]) -> int:
    if len(chain) < 4:
        return 0
    for i in chain:
        x, y, w, h = stats[i, :4]
        out[max(0, y - 1) : y + h + 1, max(0, x - 1) : x + w + 1] = 255
    return len(chain)


def prepare(gray: np.ndarray, dpi: int) -> np.ndarray:
    """The page Tesseract reads: flat white paper, no leaders."""
    flat = flatten_background(gray, dpi)
    return erase_leaders(flat, dpi)
