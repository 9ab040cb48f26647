"""Crop the paper out of a scan, flatten it to an upright rectangle, and undo the page orientation."""

from __future__ import annotations

import logging

import cv2
import numpy as np

from app.imaging.deskew import quad_angle
from app.imaging.pyramid import order_corners

log = logging.getLogger(__name__)

MIN_RESIDUAL_DEG = 0.02  # smaller leftover rotations are not worth a resampling blur
INSET_PX = 1.5  # the outermost pixels along a found edge are part background: crop them away


def rectify(
    image: np.ndarray,
    quad: np.ndarray,
    skew_deg: float | None = None,
    *,
    inset: float = INSET_PX,
    interpolation: int = cv2.INTER_LINEAR,
) -> np.ndarray:
    """The paper inside ``quad`` warped to a rectangle with the content's skew removed.

    The perspective warp of the quad already straightens the sheet; ``skew_deg`` (the content's skew
    in the input image, as from ``estimate_skew``) adds a further rotation only for the part that the
    paper edges do not explain, e.g. when no paper edge was found or the print is askew on the sheet.
    Orientation (90/180/270) is not applied here: see ``rotate_orientation``. ``inset`` pixels are
    cropped along every edge so that no sliver of scanner background is left.
    """
    height, width = image.shape[:2]
    src = order_corners(np.asarray(quad, dtype=np.float32))
    full_w, full_h = _target_size(src)
    out_w, out_h = max(1, round(full_w - 2 * inset)), max(1, round(full_h - 2 * inset))
    lo_x, lo_y = -inset, -inset
    hi_x, hi_y = out_w - 1 + inset, out_h - 1 + inset
    dst = np.array([[lo_x, lo_y], [hi_x, lo_y], [hi_x, hi_y], [lo_x, hi_y]], dtype=np.float32)
    warp = cv2.getPerspectiveTransform(src, dst).astype(np.float64)
    edge = quad_angle(src, width, height)
    residual = 0.0 if skew_deg is None else skew_deg - (edge if edge is not None else 0.0)
    if abs(residual) >= MIN_RESIDUAL_DEG:
        centre = ((out_w - 1) / 2.0, (out_h - 1) / 2.0)
        turn = np.vstack([cv2.getRotationMatrix2D(centre, -residual, 1.0), [0.0, 0.0, 1.0]])
        warp = turn @ warp
    return cv2.warpPerspective(
        image, warp, (out_w, out_h), flags=interpolation, borderMode=cv2.BORDER_REPLICATE
    )


def _target_size(quad: np.ndarray) -> tuple[float, float]:
    """Width and height of the flattened sheet: the mean lengths of opposite quad edges, plus one
    because the corners are pixel centres."""
    tl, tr, br, bl = quad.astype(np.float64)
    width = (np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / 2.0
    height = (np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)) / 2.0
    return float(width) + 1.0, float(height) + 1.0


def rotate_orientation(image: np.ndarray, orientation: int) -> np.ndarray:
    """Turn the page upright: undo a clockwise content rotation of ``orientation`` degrees."""
    turn = int(orientation) % 360
    if turn == 0:
        return image
    if turn == 90:
        return cv2.rotate(image, cv2.ROTATE_90_COUNTERCLOCKWISE)
    if turn == 180:
        return cv2.rotate(image, cv2.ROTATE_180)
    if turn == 270:
        return cv2.rotate(image, cv2.ROTATE_90_CLOCKWISE)
    raise ValueError(f"orientation must be 0, 90, 180 or 270, not {orientation}")
