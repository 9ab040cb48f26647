"""Ink maps for G4: background-normalised page, Sauvola-like local threshold, speck removal.

The paper's tone, stains and shading are divided out first (a background estimate made on a small
copy: a grey-level closing that removes strokes, then a blur), so the threshold sees dark ink on an
even white. Sauvola's rule then adapts to local contrast, which keeps faint thin strokes and the
Vietnamese diacritics; a global cap keeps light bleed-through and paper grain out.
"""

from __future__ import annotations

import logging

import cv2
import numpy as np

log = logging.getLogger(__name__)

BACKGROUND_STEP = 8  # the background estimate is made at 1/8 of the page's resolution
STROKE_MAX_MM = 2.5  # strokes thinner than this are removed by the closing (bold headings are ~1 mm)
SAUVOLA_WINDOW_MM = 2.5
SAUVOLA_K = 0.25
SAUVOLA_R = 128.0
INK_CAP = 185  # on the normalised page (paper = 255): lighter than this is never ink
INK_SURE = 110  # darker than this is always ink
SPECK_MAX_MM2 = 0.02  # isolated dots smaller than this (about 2x2 px at 300 dpi) are scanner noise


def mm_to_px(mm: float, dpi: int) -> float:
    return mm * dpi / 25.4


def background(gray: np.ndarray, dpi: int) -> np.ndarray:
    """The page without its ink, at full size: paper tone, shading and stains."""
    height, width = gray.shape
    small = cv2.resize(
        gray,
        (max(1, width // BACKGROUND_STEP), max(1, height // BACKGROUND_STEP)),
        interpolation=cv2.INTER_AREA,
    )
    size = max(3, int(mm_to_px(STROKE_MAX_MM, dpi) / BACKGROUND_STEP) * 2 + 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    paper = cv2.GaussianBlur(paper, (0, 0), size / 2.0)
    return cv2.resize(paper, (width, height), interpolation=cv2.INTER_LINEAR)


def normalise(gray: np.ndarray, dpi: int) -> np.ndarray:
    """Gray page divided by its background: paper becomes 255, ink keeps its contrast."""
    paper = background(gray, dpi)
    return cv2.divide(gray, np.maximum(paper, 1), scale=255.0)


def sauvola_threshold(norm: np.ndarray, dpi: int) -> np.ndarray:
    """Per-pixel Sauvola threshold, computed at half resolution (it varies slowly) and enlarged."""
    height, width = norm.shape
    half = cv2.resize(norm, (max(1, width // 2), max(1, height // 2)), interpolation=cv2.INTER_AREA)
    values = half.astype(np.float32)
    window = max(3, int(mm_to_px(SAUVOLA_WINDOW_MM, dpi) / 2) | 1)
    mean = cv2.boxFilter(values, -1, (window, window), borderType=cv2.BORDER_REFLECT)
    mean_sq = cv2.boxFilter(values * values, -1, (window, window), borderType=cv2.BORDER_REFLECT)
    std = np.sqrt(np.maximum(mean_sq - mean * mean, 0.0))
    threshold = mean * (1.0 + SAUVOLA_K * (std / SAUVOLA_R - 1.0))
    return cv2.resize(threshold, (width, height), interpolation=cv2.INTER_LINEAR)


def ink_map(gray: np.ndarray, dpi: int) -> np.ndarray:
    """Boolean ink map of a gray page (True = ink), as legible as the page itself."""
    norm = normalise(gray, dpi)
    threshold = np.clip(sauvola_threshold(norm, dpi), INK_SURE, INK_CAP)
    ink = norm.astype(np.float32) < threshold
    return remove_specks(ink, dpi)


def remove_specks(ink: np.ndarray, dpi: int) -> np.ndarray:
    """Drop isolated dots too small to be a diacritic or a full stop."""
    limit = max(1, int(SPECK_MAX_MM2 * mm_to_px(1.0, dpi) ** 2))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink.view(np.uint8), connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] <= limit
    small[0] = False
    if count <= 1 or not small.any():
        return ink
    return ink & ~small[labels]
