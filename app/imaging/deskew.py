"""Skew of the page content: text-line projection profiles, with the paper edges as fallback.

Angles are in degrees, positive = content rotated counter-clockwise as seen in the image (OpenCV
``getRotationMatrix2D`` convention). Text lines may run horizontally or vertically (a page scanned
turned by 90 degrees): both are searched, and the angle is the same small rotation either way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np

from app.imaging.pyramid import reduce_to, to_gray, to_small

log = logging.getLogger(__name__)

WORK_SIDE = 1000  # longer side of the working image (about 75-100 dpi for an A4 glass)
MAX_SKEW = 10.0
COARSE_STEP = 0.4
FINE_HALF_RANGE = 0.6
FINE_STEP = 0.05
COARSE_POINTS = 8_000
FINE_POINTS = 40_000
CROOKED_DEG = 1.0  # text this far from the paper edges (and clearly seen) wins: content printed askew
STRONG_RATIO = 1.6
MIN_INK_POINTS = 400
MIN_PEAK_RATIO = 1.25  # best profile energy over the median one: below this no text lines were seen
BORDER_TOL = 1.5  # px: a quad edge lying on the image border is not a paper edge


@dataclass(frozen=True)
class TextSkew:
    """Skew from text lines: angle, whether lines run vertically, and how sharp the peak was."""

    angle: float
    vertical: bool
    peak_ratio: float


def estimate_skew(image: np.ndarray, quad: np.ndarray | None = None) -> float:
    """Skew in degrees (CCW positive) of the content.

    The paper edges are the most precise evidence; text lines decide when no paper edge shows, and
    when they clearly disagree with the edges (content printed or copied askew on the sheet).
    """
    gray = to_gray(image)
    text = text_skew(gray, quad)
    edge = None if quad is None else quad_angle(quad, gray.shape[1], gray.shape[0])
    return combine_skew(edge, text)


def combine_skew(edge: float | None, text: TextSkew | None) -> float:
    """Choose between the paper-edge angle and the text-line angle."""
    if edge is None:
        return text.angle if text is not None else 0.0
    if text is None or text.peak_ratio < STRONG_RATIO or abs(text.angle - edge) < CROOKED_DEG:
        return edge
    log.debug("text lines at %.2f deg disagree with paper edges at %.2f deg", text.angle, edge)
    return text.angle


def quad_angle(quad: np.ndarray, width: int, height: int) -> float | None:
    """Mean rotation of the quad's edges that are real paper edges (not the image border)."""
    q = np.asarray(quad, dtype=np.float64).reshape(4, 2)
    angles = []
    for k in range(4):
        a, b = q[k], q[(k + 1) % 4]
        if _on_border(a, b, width, height):
            continue
        dx, dy = b - a
        if k % 2 == 0:  # top (TL->TR) or bottom (BR->BL)
            ang = -np.degrees(np.arctan2(dy, dx)) if k == 0 else -np.degrees(np.arctan2(-dy, -dx))
        else:  # right (TR->BR) or left (BL->TL)
            ang = np.degrees(np.arctan2(dx, dy)) if k == 1 else np.degrees(np.arctan2(-dx, -dy))
        angles.append(ang)
    if not angles:
        return None
    return float(np.mean(angles))


def _on_border(a: np.ndarray, b: np.ndarray, width: int, height: int) -> bool:
    for axis, limit in ((0, 0.0), (0, width - 1.0), (1, 0.0), (1, height - 1.0)):
        if abs(a[axis] - limit) < BORDER_TOL and abs(b[axis] - limit) < BORDER_TOL:
            return True
    return False


def text_skew(gray: np.ndarray, quad: np.ndarray | None = None) -> TextSkew | None:
    """Angle that makes the ink projection profile sharpest, or None when no text lines show."""
    small, factor = reduce_to(gray, WORK_SIDE)
    mask = _paper_mask(small.shape, None if quad is None else to_small(np.asarray(quad), factor))
    ys, xs = _ink_points(small, mask)
    if len(ys) < MIN_INK_POINTS:
        return None
    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 1e-6, COARSE_STEP)
    sub = _subsample(len(ys), COARSE_POINTS)
    h_scores = _scores(ys[sub], xs[sub], coarse, vertical=False)
    v_scores = _scores(ys[sub], xs[sub], coarse, vertical=True)
    h_ratio, v_ratio = _peak_ratio(h_scores), _peak_ratio(v_scores)
    vertical = v_ratio > h_ratio
    scores, ratio = (v_scores, v_ratio) if vertical else (h_scores, h_ratio)
    if ratio < MIN_PEAK_RATIO:
        return None
    start = coarse[int(np.argmax(scores))]
    fine = np.arange(start - FINE_HALF_RANGE, start + FINE_HALF_RANGE + 1e-6, FINE_STEP)
    sub = _subsample(len(ys), FINE_POINTS)
    fine_scores = _scores(ys[sub], xs[sub], fine, vertical=vertical)
    return TextSkew(_parabolic_peak(fine, fine_scores), vertical, ratio)


def _peak_ratio(scores: np.ndarray) -> float:
    return float(scores.max() / max(float(np.median(scores)), 1e-9))


def _paper_mask(shape: tuple[int, ...], quad: np.ndarray | None) -> np.ndarray:
    """Inner part of the paper (or of the image), away from edges, shadows and punch holes."""
    h, w = shape[:2]
    if quad is None:
        quad = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], dtype=np.float64)
    q = np.asarray(quad, dtype=np.float64).reshape(4, 2)
    centre = q.mean(axis=0)
    inner = centre + (q - centre) * 0.93
    mask = np.zeros((h, w), np.uint8)
    cv2.fillConvexPoly(mask, np.round(inner).astype(np.int32), 1)
    return mask.astype(bool)


def _ink_points(small: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    level = ink_level(small, mask)
    ink = ((small < level) & mask).astype(np.uint8)
    pts = cv2.findNonZero(ink)
    if pts is None:
        return np.empty(0, np.float32), np.empty(0, np.float32)
    pts = pts.reshape(-1, 2).astype(np.float32)
    return pts[:, 1].copy(), pts[:, 0].copy()


def ink_level(gray: np.ndarray, mask: np.ndarray | None = None) -> float:
    """Grey level below which a pixel is ink: Otsu's split, but never near the paper's own tone."""
    hist = cv2.calcHist([gray], [0], None if mask is None else mask.astype(np.uint8), [256], [0, 256])
    hist = hist.ravel().astype(np.float64)
    total = hist.sum()
    if total == 0:
        return 0.0
    cdf = np.cumsum(hist) / total
    paper = float(np.searchsorted(cdf, 0.9))
    levels = np.arange(256, dtype=np.float64)
    w0 = np.cumsum(hist)
    m0 = np.cumsum(hist * levels)
    w1 = total - w0
    between = (m0[-1] * w0 / total - m0) ** 2 / np.maximum(w0 * w1, 1e-9)
    otsu = float(np.argmax(between))
    return min(otsu, paper - 50.0)


def _subsample(n: int, limit: int) -> slice:
    return slice(None, None, max(1, n // limit))


def _scores(ys: np.ndarray, xs: np.ndarray, angles: np.ndarray, *, vertical: bool) -> np.ndarray:
    """Energy (sum of squares) of the projection profile across lines at each candidate angle."""
    out = np.empty(len(angles))
    for k, ang in enumerate(np.radians(angles)):
        c, s = np.float32(np.cos(ang)), np.float32(np.sin(ang))
        r = xs * c - ys * s if vertical else ys * c + xs * s
        bins = (r - r.min()).astype(np.int32)
        counts = np.bincount(bins).astype(np.float64)
        out[k] = float(np.dot(counts, counts))
    return out


def _parabolic_peak(angles: np.ndarray, scores: np.ndarray) -> float:
    k = int(np.argmax(scores))
    if 0 < k < len(scores) - 1:
        s0, s1, s2 = scores[k - 1], scores[k], scores[k + 1]
        denom = s0 - 2 * s1 + s2
        if denom < 0:
            return float(angles[k] + 0.5 * (s0 - s2) / denom * (angles[1] - angles[0]))
    return float(angles[k])
