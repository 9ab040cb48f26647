"""Which way up the page lies: 0/90/180/270 degrees of clockwise content rotation.

Two questions are answered in turn on a deskewed page. Do text lines run across or down the image
(projection profiles of the letter-sized ink)? And, with the lines turned horizontal, which side is
up: in Latin script, and much more so in Vietnamese with its tone marks and circumflexes, far more ink
rises above the x-height band (ascenders, capitals, diacritics) than hangs below the baseline.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np

from app.imaging.deskew import ink_level
from app.imaging.pyramid import reduce_to, to_gray

log = logging.getLogger(__name__)

WORK_SIDE = 1700  # longer side of the working image (about 100-150 dpi for A4)
MARGIN = 0.03  # share of each side ignored: paper edges, shadows, punch holes
MIN_LINES = 3
LAYOUT_WEIGHT = 0.5


@dataclass(frozen=True)
class OrientationEvidence:
    """Measurements behind an orientation decision (for logs, tests and tuning)."""

    axis_ratio: float  # > 1: text lines run horizontally in the input
    asymmetry: float  # > 0: upright once lines are horizontal; in [-1, 1]
    lines: int
    centroid: float  # height of the letter ink's centre once lines are horizontal: 0 top, 1 bottom

    @property
    def upright_score(self) -> float:
        """> 0: the lines-horizontal view is upright. Letter shapes, plus a layout prior that
        matters on sparse pages: documents start at the top and leave their blank space below."""
        shapes = self.asymmetry * min(1.0, self.lines / 8.0)
        layout = LAYOUT_WEIGHT * (1.0 - 2.0 * self.centroid)
        return shapes + layout


def detect_orientation(rectified_gray: np.ndarray) -> int:
    """Clockwise rotation (0, 90, 180 or 270) of the content on a deskewed page."""
    return detect_orientation_scored(rectified_gray)[0]


def detect_orientation_scored(rectified_gray: np.ndarray) -> tuple[int, float]:
    """Orientation and a confidence in [0, 1] (0 when there is no text to go by)."""
    evidence = measure_orientation(rectified_gray)
    if evidence is None:
        return 0, 0.0
    return decide(evidence)


def decide(evidence: OrientationEvidence) -> tuple[int, float]:
    """Orientation and confidence from the measured evidence."""
    horizontal = evidence.axis_ratio >= 1.0
    upright = evidence.upright_score >= 0
    # Lines running down the image were measured after np.rot90 (a counter-clockwise quarter turn).
    orientation = (0 if upright else 180) if horizontal else (90 if upright else 270)
    axis_conf = min(1.0, abs(np.log(max(evidence.axis_ratio, 1e-6))) / np.log(1.5))
    flip_conf = min(1.0, abs(evidence.upright_score) / 0.3)
    return orientation, float(axis_conf * flip_conf)


def measure_orientation(rectified_gray: np.ndarray) -> OrientationEvidence | None:
    """Axis ratio and up/down asymmetry of the text on a deskewed page, or None without text."""
    gray, _ = reduce_to(to_gray(rectified_gray), WORK_SIDE)
    found = _letter_ink(gray)
    if found is None:
        return None
    ink, letter = found
    rows = ink.sum(axis=1, dtype=np.float64)
    cols = ink.sum(axis=0, dtype=np.float64)
    window = int(4 * letter) | 1
    axis_ratio = _line_structure(rows, window) / max(_line_structure(cols, window), 1e-9)
    if axis_ratio < 1.0:
        ink = np.rot90(ink)  # lines now horizontal, content turned back by 90 deg
        rows = cols[::-1]
    asymmetry, lines = _asymmetry(ink, rows)
    if lines < MIN_LINES:
        asymmetry, lines = 0.0, 0  # too few lines to read letter shapes: layout alone decides
    centroid = float(np.dot(rows, np.arange(len(rows))) / max(rows.sum(), 1.0) / len(rows))
    return OrientationEvidence(axis_ratio, asymmetry, lines, centroid)


def _letter_ink(gray: np.ndarray) -> tuple[np.ndarray, float] | None:
    """Binary ink (uint8 0/1) of letter-sized components, and the typical letter size in pixels.

    Rules, seals, signatures, QR codes and specks are dropped.
    """
    h, w = gray.shape
    my, mx = int(h * MARGIN), int(w * MARGIN)
    inner = gray[my : h - my, mx : w - mx]
    level = ink_level(inner)
    ink = (inner < level).astype(np.uint8)
    n, labels, stats = _components(ink)
    if n < 30:
        return None
    sizes = np.maximum(stats[1:, 2], stats[1:, 3])
    thin = np.minimum(stats[1:, 2], stats[1:, 3])
    areas = stats[1:, 4]
    small = (sizes < 0.04 * min(h, w)) & (areas >= 4)  # seals and signatures must not set the scale
    typical = _weighted_median(sizes[small], areas[small])
    if typical < 3:
        return None
    # Orientation-neutral: the same components survive whichever way the page is turned.
    drop = np.nonzero((sizes > typical * 4.0) | (thin > typical * 2.0) | (areas < 2))[0] + 1
    if len(drop) > n // 4:
        lut = np.ones(n, np.uint8)
        lut[0] = 0
        lut[drop] = 0
        return lut[labels], typical
    for label in drop:  # few: erase each inside its own bounding box, cheaper than a full lookup
        x, y, bw, bh = stats[label, :4]
        box = ink[y : y + bh, x : x + bw]
        box[labels[y : y + bh, x : x + bw] == label] = 0
    return ink, typical


def _components(ink: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """Connected components; 16-bit labels are several times faster and almost always enough."""
    try:
        n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8, ltype=cv2.CV_16U)
    except cv2.error:  # more than 65535 components (noise): fall back to 32-bit labels
        n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return int(n), labels, stats


def _weighted_median(values: np.ndarray, weights: np.ndarray) -> float:
    """Median of ``values`` counting each one ``weights`` times (ink-weighted: specks hardly count)."""
    if len(values) == 0:
        return 0.0
    order = np.argsort(values)
    cum = np.cumsum(weights[order].astype(np.float64))
    return float(values[order][np.searchsorted(cum, cum[-1] / 2.0)])


def _line_structure(profile: np.ndarray, window: int) -> float:
    """How strongly a projection profile alternates at text-line scale: energy of its high-pass part.

    Text lines give the profile across them deep regular gaps; along the lines, word gaps fall at
    random places and average out, and what is left (margins, indents) is slow and filtered away.
    """
    nz = np.nonzero(profile)[0]
    if len(nz) == 0:
        return 0.0
    p = profile[nz[0] : nz[-1] + 1]
    smooth = cv2.blur(p.reshape(1, -1), (window, 1), borderType=cv2.BORDER_REFLECT).ravel()
    return float(np.mean((p - smooth) ** 2) / max(np.mean(p) ** 2, 1e-9))


def _asymmetry(ink: np.ndarray, rows: np.ndarray) -> tuple[float, int]:
    """(ink above x-height - ink below baseline) / their sum, over all well-formed text lines."""
    bands = _bands(rows)
    if not bands:
        return 0.0, 0
    heights = np.array([b - a for a, b in bands])
    typical = _weighted_median(heights, np.array([rows[a:b].sum() for a, b in bands]))
    above = below = 0.0
    used = 0
    for a, b in bands:
        if not (typical * 0.5 <= b - a <= typical * 1.8) or b - a < 5:
            continue
        profile = rows[a:b]
        core = np.nonzero(profile >= 0.5 * profile.max())[0]
        top, bottom = core[0], core[-1]
        above += float(profile[:top].sum())
        below += float(profile[bottom + 1 :].sum())
        used += 1
    total = above + below
    return (above - below) / total if total > 0 else 0.0, used


def _bands(rows: np.ndarray) -> list[tuple[int, int]]:
    """Runs of rows that carry ink: candidate text lines, as (first, last + 1)."""
    on = rows > max(1.0, 0.02 * float(rows.max()))
    edges = np.diff(np.concatenate([[0], on.astype(np.int8), [0]]))
    starts = np.nonzero(edges == 1)[0]
    ends = np.nonzero(edges == -1)[0]
    return list(zip(starts.tolist(), ends.tolist(), strict=True))
