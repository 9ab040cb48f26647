"""Does colour matter on this page (a red seal, a coloured form), or can it be stored as gray?

Works on a point-sampled copy (about 800 px on the long side) in YCrCb. Chroma is measured
relative to the paper's own tint, so yellowed paper is not "colour"; a median filter and a minimum
coloured area keep JPEG chroma noise around black text from counting.
"""

from __future__ import annotations

import logging

import cv2
import numpy as np

log = logging.getLogger(__name__)

SAMPLE_LONG_SIDE = 800
CHROMA_MIN = 18.0  # YCrCb (8-bit) chroma distance from the paper tint that counts as coloured
MIN_COLOURED_FRACTION = 0.0015  # of the sampled page: about 90 mm² of an A4 sheet
MIN_BLOB_FRACTION = 0.0004  # the largest coloured blob: a few mm across on A4


def coloured_fraction(image_bgr: np.ndarray) -> tuple[float, float]:
    """(fraction of the page that is coloured, fraction covered by its largest coloured blob)."""
    if image_bgr.ndim != 3:
        return 0.0, 0.0
    step = max(1, max(image_bgr.shape[:2]) // SAMPLE_LONG_SIDE)
    size = (image_bgr.shape[1] // step, image_bgr.shape[0] // step)
    sample = cv2.resize(image_bgr, size, interpolation=cv2.INTER_NEAREST)
    ycc = cv2.cvtColor(sample, cv2.COLOR_BGR2YCrCb)
    chroma_r = cv2.medianBlur(ycc[:, :, 1], 3)
    chroma_b = cv2.medianBlur(ycc[:, :, 2], 3)
    paper = (ycc[:, :, 0] >= _percentile(ycc[:, :, 0], 0.75)).astype(np.uint8)
    ref_r = _percentile(chroma_r, 0.5, paper)
    ref_b = _percentile(chroma_b, 0.5, paper)
    distance = cv2.magnitude(chroma_r.astype(np.float32) - ref_r, chroma_b.astype(np.float32) - ref_b)
    coloured = (distance > CHROMA_MIN).astype(np.uint8)
    total = float(np.count_nonzero(coloured)) / coloured.size
    if total == 0.0:
        return 0.0, 0.0
    count, _, stats, _ = cv2.connectedComponentsWithStats(coloured, connectivity=8)
    largest = float(stats[1:, cv2.CC_STAT_AREA].max()) / coloured.size if count > 1 else 0.0
    return total, largest


def _percentile(channel: np.ndarray, fraction: float, mask: np.ndarray | None = None) -> int:
    hist = cv2.calcHist([channel], [0], mask, [256], [0, 256]).ravel()
    cumulative = np.cumsum(hist)
    return int(np.searchsorted(cumulative, fraction * cumulative[-1]))


def is_color_page(image_bgr: np.ndarray) -> bool:
    """True when the page carries colour worth keeping (seal, coloured print or form)."""
    total, largest = coloured_fraction(image_bgr)
    log.debug("coloured fraction %.4f, largest blob %.4f", total, largest)
    return total >= MIN_COLOURED_FRACTION and largest >= MIN_BLOB_FRACTION
