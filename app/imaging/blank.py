"""Blank-page detection: is there real ink on the page, or only paper, noise and show-through?

Ink is found as dark, thin marks relative to the local paper brightness (a morphological black-hat
divided by the local paper level), on a copy downscaled to about 100 dpi. Bleed-through from the
back is faint and blurred, so it never reaches the seed contrast; real ink, even faded, does. Specks,
punch holes near an edge, a margin band (scanner shadow, crop slop) and a lone page number are
ignored. A page with a short text, a signature or a seal has far more ink than that.
"""

from __future__ import annotations

import logging

import cv2
import numpy as np

from app.imaging.pyramid import to_gray

log = logging.getLogger(__name__)

WORK_DPI = 100.0
KERNEL_MM = 2.5  # marks thinner than this (text strokes, signatures, seal rings) are found
SEED_CONTRAST = 0.45  # a mark must reach this darkness relative to its paper somewhere...
GROW_CONTRAST = 0.30  # ...and is measured down to this one
MARGIN_FRACTION = 0.035  # of the shorter side, ignored on every edge
MIN_SPECK_MM2 = 0.3
BLANK_MAX_INK_MM2 = 12.0  # total ink below this: blank
LONE_MARK_MAX_MM = (22.0, 9.0)  # one small cluster (a page number) this size at most: blank
LONE_MARK_MAX_INK_MM2 = 40.0
EARLY_CONTENT_MM2 = 250.0  # more strong ink than two punch holes and any speckle: content


def downscale(gray: np.ndarray, dpi: int | float, target_dpi: float) -> tuple[np.ndarray, float]:
    """Area-downscale by the integer factor nearest ``dpi / target_dpi`` (OpenCV's fast path).

    Returns the image and its resulting dpi.
    """
    factor = max(1, round(float(dpi) / target_dpi)) if dpi else 1
    if factor == 1:
        return gray, float(dpi or target_dpi)
    height, width = gray.shape[0] // factor, gray.shape[1] // factor
    trimmed = gray[: height * factor, : width * factor]
    small = cv2.resize(trimmed, (width, height), interpolation=cv2.INTER_AREA)
    return small, float(dpi) / factor


_cache: list[tuple[np.ndarray, int, int, np.ndarray, float]] = []


def working_gray(page: np.ndarray, dpi: int) -> tuple[np.ndarray, float]:
    """The page in gray at about WORK_DPI, computed once for the last page seen.

    The classifiers of one page share it. The entry holds the page itself and a fingerprint of a
    sparse pixel sample, so a different page, or the same array changed in place, is recomputed.
    """
    fingerprint = hash(page[::37, ::41].tobytes())
    if _cache and _cache[0][0] is page and _cache[0][1] == dpi and _cache[0][2] == fingerprint:
        return _cache[0][3], _cache[0][4]
    small, work_dpi = downscale(to_gray(page), dpi, WORK_DPI)
    _cache[:] = [(page, dpi, fingerprint, small, work_dpi)]
    return small, work_dpi


def gray_levels(small: np.ndarray) -> tuple[float, float]:
    """(paper, black): the 90th and 0.5th percentiles of a sample of the page's pixels."""
    hist = cv2.calcHist([np.ascontiguousarray(small[::3, ::3])], [0], None, [256], [0, 256]).ravel()
    cumulative = np.cumsum(hist)
    paper = float(np.searchsorted(cumulative, 0.9 * cumulative[-1]))
    black = float(np.searchsorted(cumulative, 0.005 * cumulative[-1]))
    return paper, black


def paper_level(small: np.ndarray) -> float:
    """Brightness of the paper: the 90th percentile of a sample of pixels."""
    return gray_levels(small)[0]


def contrast_masks(small: np.ndarray, work_dpi: float) -> tuple[np.ndarray, np.ndarray]:
    """Pixels darker than their surrounding paper by GROW_CONTRAST and by SEED_CONTRAST.

    Contrast is relative to the span from the page's black point to the local paper (a
    morphological closing), so a washed-out or low-contrast scan keeps its text; the black point
    is never taken above half the paper level, so texture on a blank page is not magnified.
    Pixels whose surroundings are much darker than the paper (scanner background) are never ink.
    """
    size = max(3, round(KERNEL_MM / 25.4 * work_dpi) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (size, size))
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    paper, black = gray_levels(small)
    black = min(black, 0.5 * paper)
    blackhat = cv2.subtract(closed, small).astype(np.int32) * 100
    span = np.maximum(closed.astype(np.int32) - round(black), 1)
    on_paper = closed >= round(0.55 * paper)
    grow = (blackhat > span * round(100 * GROW_CONTRAST)) & on_paper
    seed = (blackhat > span * round(100 * SEED_CONTRAST)) & on_paper
    return grow, seed


def _clear_margin(mask: np.ndarray) -> None:
    height, width = mask.shape
    margin = round(MARGIN_FRACTION * min(height, width))
    mask[:margin] = False
    mask[height - margin :] = False
    mask[:, :margin] = False
    mask[:, width - margin :] = False


def ink_mask(grow: np.ndarray, seed: np.ndarray) -> np.ndarray:
    """Hysteresis: the marks of ``grow`` that contain a pixel of ``seed``."""
    count, labels = cv2.connectedComponents(grow.astype(np.uint8), connectivity=8)
    seeded = np.bincount(labels[seed], minlength=count) > 0
    seeded[0] = False
    mask: np.ndarray = seeded[labels]
    return mask


def ink_area_mm2(page: np.ndarray, dpi: int) -> float:
    """Ink on the page in mm² after ignoring margins, specks, punch holes and a lone page number.

    A page number alone is reported as 0.0; the result is compared with BLANK_MAX_INK_MM2. Pages
    with plenty of strong ink return early (an underestimate, far above the blank limit).
    """
    small, work_dpi = working_gray(page, dpi)
    mm2_per_px = (25.4 / work_dpi) ** 2
    grow, seed = contrast_masks(small, work_dpi)
    _clear_margin(seed)
    strong = float(np.count_nonzero(seed)) * mm2_per_px
    if strong > EARLY_CONTENT_MM2:
        return strong
    mask = ink_mask(grow, seed)
    _clear_margin(mask)
    boxes = _kept_components(mask.astype(np.uint8), 25.4 / work_dpi)
    if not boxes:
        return 0.0
    total = sum(area for _, area in boxes) * mm2_per_px
    if total <= LONE_MARK_MAX_INK_MM2 and _is_lone_mark([b for b, _ in boxes], 25.4 / work_dpi):
        return 0.0
    return total


def is_blank(page: np.ndarray, dpi: int) -> bool:
    """True when the page (a cropped, deskewed page or a whole scan) carries no real content."""
    area = ink_area_mm2(page, dpi)
    log.debug("ink area %.1f mm2", area)
    return area < BLANK_MAX_INK_MM2


def _kept_components(mask: np.ndarray, mm_per_px: float) -> list[tuple[tuple[int, int, int, int], int]]:
    """Marks grouped with their neighbours within about 2 mm (a hole's rim breaks into pieces),
    as (bounding box, ink pixels), without specks and punch holes."""
    size = max(3, round(2.0 / mm_per_px) | 1)
    grouped = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (size, size)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(grouped, connectivity=8)
    ink = np.bincount(labels[mask > 0], minlength=count)
    height, width = mask.shape
    pad = size // 2
    kept = []
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i][:4])
        x, y, w, h = x + pad, y + pad, max(1, w - 2 * pad), max(1, h - 2 * pad)
        area = int(ink[i])
        if area * mm_per_px**2 < MIN_SPECK_MM2:
            continue
        if _is_punch_hole(x, y, w, h, (height, width), mm_per_px):
            continue
        kept.append(((x, y, w, h), area))
    return kept


def _is_punch_hole(x: int, y: int, w: int, h: int, shape: tuple[int, int], mm_per_px: float) -> bool:
    """A round mark 4–9 mm across within 25 mm of an edge (filing holes, ISO 838).

    Only the rim of a hole shows as ink (the closing keeps a hole wider than its kernel), so the
    fill is not required; the size, the square outline and the place are.
    """
    w_mm, h_mm = w * mm_per_px, h * mm_per_px
    if not (4.0 <= w_mm <= 9.0 and 4.0 <= h_mm <= 9.0 and 0.75 < w_mm / h_mm < 1.33):
        return False
    height, width = shape
    edge_px = min(x, y, width - (x + w), height - (y + h))
    return edge_px * mm_per_px <= 25.0


def _is_lone_mark(boxes: list[tuple[int, int, int, int]], mm_per_px: float) -> bool:
    """All ink lies in one small box, as a printed page number does."""
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[0] + b[2] for b in boxes)
    y1 = max(b[1] + b[3] for b in boxes)
    long_mm = max(x1 - x0, y1 - y0) * mm_per_px
    short_mm = min(x1 - x0, y1 - y0) * mm_per_px
    return long_mm <= LONE_MARK_MAX_MM[0] and short_mm <= LONE_MARK_MAX_MM[1]
