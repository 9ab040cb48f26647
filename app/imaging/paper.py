"""Find the sheet of paper on the scanner glass: its four corners in image pixel coordinates.

Each image side is searched on its own: along scan lines running inwards, the first step from a
darker background up to the brighter paper is an edge candidate; a robust line through the candidates
is the paper's edge on that side. A side with no such line (the sheet touches or crosses the border,
or paper fills the scan) falls back to the image border. Corners are the intersections of the lines.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np

from app.imaging.pyramid import image_rect, order_corners, reduce_to, to_full, to_gray

log = logging.getLogger(__name__)

WORK_SIDE = 1000  # longer side of the working image (about 75-100 dpi for an A4 glass)
STEP_MIN = 10.0  # grey-level rise over 2 px that can be a paper edge
CONTRAST_MIN = 10.0  # paper must be this much brighter than everything outside the edge
MAX_TILT = 0.27  # |slope| of an edge line, about 15 degrees
INLIER_PX = 1.5
MIN_SUPPORT = 0.3  # share of scan lines that must agree on an edge
ROW_STEP = 3  # scan every third line
SHADOW_CONTRAST = 12.0  # a shadow band this much darker than the paper just inside
SHADOW_DARKEST = 80.0  # darker than this is ink (text, bars), not a shadow
MIN_SHADOW_RUN = 0.35  # an edge seen only as a shadow must run unbroken over this share of lines
BAND_PX = 4  # glass seen outside an edge: at least this wide (about 1.3 mm here)
SEARCH_SHARE = 0.5  # how far into the image (share of its width) an edge is looked for


@dataclass(frozen=True)
class EdgeLine:
    """A paper edge in a canonical 'left side' view: x = slope * y + offset."""

    slope: float
    offset: float
    support: float


def find_paper(image: np.ndarray) -> np.ndarray:
    """The sheet's corners (TL, TR, BR, BL as seen in the image), float32 (4, 2), input pixels."""
    gray = to_gray(image)
    height, width = gray.shape[:2]
    small, factor = reduce_to(gray, WORK_SIDE)
    small = cv2.GaussianBlur(small, (3, 3), 0).astype(np.float32)
    lines = {side: _side_line(small, side) for side in ("left", "right", "top", "bottom")}
    sh, sw = small.shape
    if all(line is None for line in lines.values()):
        log.debug("no paper edge found: the sheet fills the scan")
        return image_rect(width, height)
    corners = _corners(lines, sw, sh)
    corners = to_full(corners, factor)
    corners[:, 0] = np.clip(corners[:, 0], 0, width - 1)
    corners[:, 1] = np.clip(corners[:, 1], 0, height - 1)
    return order_corners(corners)


def _view(small: np.ndarray, side: str) -> np.ndarray:
    """The image turned so that ``side`` becomes the left side (scan lines run along rows)."""
    if side == "left":
        return small
    if side == "right":
        return small[:, ::-1]
    if side == "top":
        return small.T
    return small[::-1, :].T


def _side_line(small: np.ndarray, side: str) -> EdgeLine | None:
    """The paper edge on one side: against a darker glass, else along a shadow on a light one."""
    view = _view(small, side)
    rows = view.shape[0]
    ys, xs = _edge_candidates(view)
    line = _robust_line(ys, xs, rows) if len(ys) >= MIN_SUPPORT * rows / ROW_STEP else None
    if line is not None:
        return line
    ys, xs = _shadow_candidates(view)
    if len(ys) < MIN_SHADOW_RUN * rows / ROW_STEP:
        return None
    line = _robust_line(ys, xs, rows)
    if line is None or _longest_run(ys, xs, line) < MIN_SHADOW_RUN * rows:
        return None
    return line


def _edge_candidates(view: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per scan line, the sub-pixel x of the first dark-to-bright step whose outside is all darker.

    "All darker" is checked twice: on average from the border, and over the few pixels just outside,
    so that neither a thin text stroke nor a shadowed stretch of light glass passes for the glass.
    """
    n = int(view.shape[1] * SEARCH_SHARE) - 10
    lines = np.ascontiguousarray(view[::ROW_STEP, : n + 9])
    csum = np.cumsum(lines, axis=1, dtype=np.float32)
    k = np.arange(BAND_PX, n)  # candidate x = k + 1
    rise = lines[:, k + 1] - lines[:, k - 1]
    inside_mean = (csum[:, k + 7] - csum[:, k + 1]) / 6.0  # mean of lines[:, x+2 : x+8]
    outside_mean = csum[:, k] / (k + 1).astype(np.float32)  # mean of lines[:, :x]
    brightest_out = np.maximum.accumulate(lines, axis=1)[:, k]  # max of lines[:, :x]
    ok = rise > STEP_MIN
    ok &= inside_mean - outside_mean > CONTRAST_MIN
    ok &= inside_mean - _band_max(lines, k) > CONTRAST_MIN
    ok &= inside_mean - brightest_out > CONTRAST_MIN / 2  # no paper out there: bars, blots
    return _first_hits(view, ok, k)


def _band_max(lines: np.ndarray, k: np.ndarray) -> np.ndarray:
    """Brightest of the BAND_PX pixels just outside each candidate: glass or shadow is dark all
    through, a text stroke or rule (at most a couple of pixels here) is not."""
    out = lines[:, k]
    for d in range(1, BAND_PX):
        out = np.maximum(out, lines[:, k - d])
    return out


def _first_hits(view: np.ndarray, ok: np.ndarray, k: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows (in view coordinates) and refined x of the first accepted candidate on each scan line."""
    hit = ok.any(axis=1)
    first = np.argmax(ok, axis=1)
    rows_hit = np.nonzero(hit)[0]
    xs = k[first[rows_hit]].astype(np.float64) + 1.0
    ys = rows_hit * ROW_STEP
    return ys.astype(np.float64), _refine(view, ys, xs)


def _shadow_candidates(view: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per scan line, the first rise from a grey shadow band onto the paper, with only lid outside.

    On a light lid the sheet is no brighter than the glass around it; what shows its edge is the
    shadow the sheet casts. A band of a few pixels, grey rather than ink-black, with nothing darker
    further out; text strokes are thinner or blacker, and runs of them are not long straight lines.
    """
    n = int(view.shape[1] * SEARCH_SHARE) - 10
    lines = np.ascontiguousarray(view[::ROW_STEP, : n + 9])
    csum = np.cumsum(lines, axis=1, dtype=np.float32)
    k = np.arange(BAND_PX, n)  # candidate x = k + 1; shadow band = lines[:, k-3 : k+1]
    rise = lines[:, k + 1] - lines[:, k - 1]
    inside_mean = (csum[:, k + 7] - csum[:, k + 1]) / 6.0
    band_mean = (csum[:, k] - csum[:, k - BAND_PX]) / float(BAND_PX)
    darkest_out = np.minimum.accumulate(lines, axis=1)[:, k]
    ok = rise > STEP_MIN
    ok &= inside_mean - _band_max(lines, k) > SHADOW_CONTRAST
    ok &= band_mean > SHADOW_DARKEST
    ok &= darkest_out > band_mean - 15.0
    return _first_hits(view, ok, k)


def _longest_run(ys: np.ndarray, xs: np.ndarray, line: EdgeLine) -> float:
    """Length (in rows) of the longest unbroken stretch of candidates lying on ``line``."""
    on = np.sort(ys[np.abs(xs - (line.slope * ys + line.offset)) < INLIER_PX])
    if len(on) == 0:
        return 0.0
    breaks = np.nonzero(np.diff(on) > ROW_STEP * 6)[0]
    starts = np.concatenate([[0], breaks + 1])
    ends = np.concatenate([breaks, [len(on) - 1]])
    return float((on[ends] - on[starts]).max())


def _refine(view: np.ndarray, ys: np.ndarray, xs: np.ndarray) -> np.ndarray:
    """Move each candidate to the strongest rise nearby, with parabolic sub-pixel interpolation."""
    cols = view.shape[1]
    offsets = np.arange(-1, 4)
    pos = np.clip(xs[:, None].astype(int) + offsets[None, :], 1, cols - 2)
    yy = ys.astype(int)[:, None]
    grad = view[yy, pos + 1] - view[yy, pos - 1]
    best = np.clip(np.argmax(grad, axis=1), 1, len(offsets) - 2)
    idx = np.arange(len(ys))
    g0, g1, g2 = grad[idx, best - 1], grad[idx, best], grad[idx, best + 1]
    denom = g0 - 2 * g1 + g2
    shift = np.where(np.abs(denom) > 1e-6, 0.5 * (g0 - g2) / np.where(denom == 0, 1, denom), 0.0)
    refined: np.ndarray = pos[idx, best] + np.clip(shift, -0.5, 0.5)
    return refined


def _robust_line(ys: np.ndarray, xs: np.ndarray, rows: int) -> EdgeLine | None:
    """RANSAC over candidate pairs, then least squares on the inliers; None without enough support."""
    rng = np.random.default_rng(12345)
    n = len(ys)
    i, j = rng.integers(0, n, 300), rng.integers(0, n, 300)
    keep = np.abs(ys[i] - ys[j]) > rows * 0.1
    i, j = i[keep], j[keep]
    if len(i) == 0:
        return None
    slopes = (xs[j] - xs[i]) / (ys[j] - ys[i])
    offsets = xs[i] - slopes * ys[i]
    plausible = np.abs(slopes) < MAX_TILT
    if not plausible.any():
        return None
    slopes, offsets = slopes[plausible], offsets[plausible]
    resid = np.abs(xs[None, :] - (slopes[:, None] * ys[None, :] + offsets[:, None]))
    best = int(np.argmax((resid < INLIER_PX * 2).sum(axis=1)))
    inliers = resid[best] < INLIER_PX * 2
    for _ in range(2):
        slope, offset = np.polyfit(ys[inliers], xs[inliers], 1)
        inliers = np.abs(xs - (slope * ys + offset)) < INLIER_PX
        if inliers.sum() < 2:
            return None
    support = float(inliers.sum()) * ROW_STEP / rows
    if support < MIN_SUPPORT or abs(slope) > MAX_TILT:
        return None
    return EdgeLine(float(slope), float(offset), support)


def _corners(lines: dict[str, EdgeLine | None], width: int, height: int) -> np.ndarray:
    """Intersect the four edges (in small-image coordinates); missing edges are the image border."""
    homog = {side: _to_image_line(lines[side], side, width, height) for side in lines}
    pairs = [("top", "left"), ("top", "right"), ("bottom", "right"), ("bottom", "left")]
    pts = []
    for a, b in pairs:
        p = np.cross(homog[a], homog[b])
        pts.append(p[:2] / p[2])
    return np.array(pts, dtype=np.float64)


def _to_image_line(line: EdgeLine | None, side: str, width: int, height: int) -> np.ndarray:
    """Homogeneous line (a, b, c) with a*x + b*y + c = 0 in small-image coordinates."""
    slope, offset = (line.slope, line.offset) if line is not None else (0.0, 0.0)
    if side == "left":  # x = s*y + o
        return np.array([1.0, -slope, -offset])
    if side == "right":  # (w-1-x) = s*y + o
        return np.array([-1.0, -slope, width - 1 - offset])
    if side == "top":  # y = s*x + o
        return np.array([-slope, 1.0, -offset])
    # bottom: view = small[::-1].T, so view row = x, view col = h-1-y: h-1-y = s*x + o
    return np.array([-slope, -1.0, height - 1 - offset])
