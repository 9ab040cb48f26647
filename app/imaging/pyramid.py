"""Cheap grey conversion and power-of-two downscaling shared by the page-geometry functions."""

from __future__ import annotations

import logging

import cv2
import numpy as np

log = logging.getLogger(__name__)


def to_gray(image: np.ndarray) -> np.ndarray:
    """The image as one 8-bit grey channel (BGR, BGRA or already grey input)."""
    if image.ndim == 2:
        gray = image
    elif image.shape[2] == 1:
        gray = image[:, :, 0]
    elif image.shape[2] == 4:
        gray = cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    else:
        gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    if gray.dtype != np.uint8:
        lo, hi = float(gray.min()), float(gray.max())
        gray = ((gray.astype(np.float64) - lo) * (255.0 / max(hi - lo, 1e-9))).astype(np.uint8)
    return gray


def halve(gray: np.ndarray) -> np.ndarray:
    """Half-size image by 2x2 averaging (OpenCV's fast path needs even sizes, so drop an odd edge)."""
    h, w = gray.shape[:2]
    even = gray[: h - h % 2, : w - w % 2]
    return cv2.resize(even, (even.shape[1] // 2, even.shape[0] // 2), interpolation=cv2.INTER_AREA)


def reduce_to(gray: np.ndarray, max_side: int) -> tuple[np.ndarray, int]:
    """Halve until the longer side is at most ``max_side`` * 1.4; return the image and the factor.

    Only factors of two are used because they are several times faster than arbitrary resizes.
    """
    factor = 1
    out = gray
    while max(out.shape[:2]) > max_side * 1.4 and min(out.shape[:2]) >= 64:
        out = halve(out)
        factor *= 2
    return out, factor


def to_full(points: np.ndarray, factor: int) -> np.ndarray:
    """Map pixel-centre coordinates of a reduced image back to the original image."""
    return (points + 0.5) * factor - 0.5


def to_small(points: np.ndarray, factor: int) -> np.ndarray:
    """Map pixel-centre coordinates of the original image into a reduced image."""
    return (points + 0.5) / factor - 0.5


def image_rect(width: int, height: int) -> np.ndarray:
    """The corners of a ``width`` x ``height`` image as a float32 quad (TL, TR, BR, BL)."""
    return np.array(
        [[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]],
        dtype=np.float32,
    )


def order_corners(points: np.ndarray) -> np.ndarray:
    """Order four points as they appear in the image: top-left, top-right, bottom-right, bottom-left."""
    pts = np.asarray(points, dtype=np.float64).reshape(4, 2)
    centre = pts.mean(axis=0)
    angles = np.arctan2(pts[:, 1] - centre[1], pts[:, 0] - centre[0])
    ring = pts[np.argsort(angles)]  # clockwise on screen, starting near the left
    start = int(np.argmin(ring.sum(axis=1)))
    return np.roll(ring, -start, axis=0).astype(np.float32)
