"""Scan quality checks for the officer: too dark, too light, low contrast, blurred, low dpi, cut off.

Levels come from the page at about 100 dpi: the paper is the 90th percentile, the ink the 10th
percentile of the pixels the blank detector sees as ink. Blur is the width of text edges
(intensity step over steepest slope), measured at full resolution in a few tiles where the ink is
densest, less the width a perfectly sharp edge shows on the pixel grid, in mm, so that it means
the same at 200 and 300 dpi. Contrast checks are skipped on blank pages (no ink to judge).

An unknown dpi is estimated from the paper quad (or the page) as if the sheet were A4; LOW_DPI is
reported when that estimate is under 200 dpi, so an A5 sheet of unknown dpi may be flagged.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import cv2
import numpy as np

from app.core.models import QualityWarning
from app.imaging.blank import contrast_masks, is_blank, paper_level, working_gray

log = logging.getLogger(__name__)

MIN_DPI = 200
A4_LONG_MM = 297.0
DARK_PAPER_MAX = 140  # paper darker than this: too dark
LIGHT_INK_MIN = 150  # darkest ink lighter than this on bright paper: washed out
LOW_CONTRAST_MAX = 90  # paper minus ink below this: low contrast
BLUR_EDGE_MM = 0.26  # text edges wider than this (beyond the pixel grid's own): blurred
SHARP_EDGE_PX = 2.0
CUT_OFF_MM = 0.5  # a paper corner this close to (or beyond) the scan's edge: cut off
TILE_MM = 20.0
TILES = 6

Quad = Sequence[Sequence[float]]


def quality_warnings(
    page: np.ndarray,
    dpi: int | None,
    quad: Quad | None,
    image_shape: tuple[int, ...],
    *,
    blank: bool | None = None,
) -> tuple[QualityWarning, ...]:
    """Warnings for a page; ``quad`` (TL,TR,BR,BL) lies in the scan of shape ``image_shape``.

    ``blank`` may be passed when already known; otherwise it is computed.
    """
    effective_dpi = dpi or estimate_dpi(quad, page.shape)
    warnings: list[QualityWarning] = []
    if effective_dpi < MIN_DPI:
        warnings.append(QualityWarning.LOW_DPI)
    if quad is not None and is_cut_off(quad, image_shape, effective_dpi):
        warnings.append(QualityWarning.CUT_OFF)
    small, work_dpi = working_gray(page, effective_dpi)
    paper = paper_level(small)
    if paper < DARK_PAPER_MAX:
        warnings.append(QualityWarning.TOO_DARK)
    if blank is None:
        blank = is_blank(page, effective_dpi)
    if blank:
        return tuple(warnings)
    ink = _ink_level(small, work_dpi)
    if paper >= DARK_PAPER_MAX and ink > LIGHT_INK_MIN:
        warnings.append(QualityWarning.TOO_LIGHT)
    elif paper >= DARK_PAPER_MAX and paper - ink < LOW_CONTRAST_MAX:
        warnings.append(QualityWarning.LOW_CONTRAST)
    if edge_width_mm(page, effective_dpi, small, work_dpi) > BLUR_EDGE_MM:
        warnings.append(QualityWarning.BLURRED)
    return tuple(warnings)


def estimate_dpi(quad: Quad | None, page_shape: tuple[int, ...]) -> int:
    """Resolution implied by the paper's long side (or the page's) being A4's 297 mm."""
    if quad is not None:
        pts = np.asarray(quad, dtype=np.float64)
        sides = [float(np.linalg.norm(pts[i] - pts[(i + 1) % 4])) for i in range(4)]
        long_px = max(sides[0] + sides[2], sides[1] + sides[3]) / 2.0
    else:
        long_px = float(max(page_shape[:2]))
    return max(1, round(long_px / A4_LONG_MM * 25.4))


def is_cut_off(quad: Quad, image_shape: tuple[int, ...], dpi: float) -> bool:
    """True when a corner of the paper lies on, near or beyond an edge of the scan."""
    height, width = image_shape[:2]
    limit = max(2.0, CUT_OFF_MM / 25.4 * dpi)
    return any(min(x, y, width - 1 - x, height - 1 - y) < limit for x, y in quad)


def _ink_level(small: np.ndarray, work_dpi: float) -> float:
    """The 10th percentile of the pixels found as ink: how dark the darkest text is."""
    _, seed = contrast_masks(small, work_dpi)
    ink = small[seed]
    if ink.size == 0:
        return 0.0
    return float(np.percentile(ink, 10))


def edge_width_mm(page: np.ndarray, dpi: float, small: np.ndarray, work_dpi: float) -> float:
    """Median width of the strongest text edges in the inkiest tiles, in mm (0.0 if none)."""
    widths = [_tile_edge_width_px(tile) for tile in _inky_tiles(page, dpi, small, work_dpi)]
    found = [w for w in widths if w > 0]
    if not found:
        return 0.0
    width_px = float(np.median(found))
    # A perfectly sharp step still measures about SHARP_EDGE_PX; remove it in quadrature.
    return float(np.sqrt(max(0.0, width_px**2 - SHARP_EDGE_PX**2))) / dpi * 25.4


def _inky_tiles(page: np.ndarray, dpi: float, small: np.ndarray, work_dpi: float) -> list[np.ndarray]:
    """Full-resolution gray tiles centred on the darkest-on-average cells of the small copy."""
    cell = max(4, round(TILE_MM / 25.4 * work_dpi))
    rows, cols = small.shape[0] // cell, small.shape[1] // cell
    if rows < 3 or cols < 3:
        return []
    cells = small[: rows * cell, : cols * cell].reshape(rows, cell, cols, cell).mean(axis=(1, 3))
    cells[0, :] = cells[-1, :] = 255.0  # edges may hold scanner background
    cells[:, 0] = cells[:, -1] = 255.0
    order = np.argsort(cells, axis=None)[:TILES]
    scale = dpi / work_dpi
    tiles = []
    for index in order:
        r, c = divmod(int(index), cols)
        y0, x0 = round(r * cell * scale), round(c * cell * scale)
        size = round(cell * scale)
        tile = page[y0 : y0 + size, x0 : x0 + size]
        tiles.append(cv2.cvtColor(tile, cv2.COLOR_BGR2GRAY) if tile.ndim == 3 else tile)
    return tiles


def _tile_edge_width_px(tile: np.ndarray) -> float:
    """Step height over steepest slope at the tile's strongest edges (px); 0.0 if too flat."""
    gray = tile.astype(np.float32)
    gx = cv2.Sobel(gray, cv2.CV_32F, 1, 0, ksize=3, scale=0.125)
    gy = cv2.Sobel(gray, cv2.CV_32F, 0, 1, ksize=3, scale=0.125)
    slope = cv2.magnitude(gx, gy)
    kernel = np.ones((9, 9), np.uint8)
    step = cv2.dilate(tile, kernel).astype(np.float32) - cv2.erode(tile, kernel).astype(np.float32)
    strong = (step > 60) & (slope >= np.percentile(slope, 97))
    if np.count_nonzero(strong) < 20:
        return 0.0
    return float(np.median(step[strong] / np.maximum(slope[strong], 1e-3)))
