"""Separator sheets: a QR code whose text starts with ``SEP``, or Kodak PATCH T bars.

Both are found on a copy at about 100 dpi. Solid marks thicker than text strokes are kept by a
morphological opening; PATCH T is four parallel bars of equal length, narrow (2.03 mm) and wide
(5.08 mm) alternating, in any orientation. A QR decoder runs only where QR finder patterns (three
nested squares) are seen, first on the small copy, then at full resolution.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np

from app.imaging.blank import paper_level, working_gray

log = logging.getLogger(__name__)

PATCH_T = "PATCH_T"
SEP_PREFIX = "SEP"
NARROW_MM = (1.3, 3.2)  # nominal 2.03 mm
WIDE_MM = (3.8, 6.8)  # nominal 5.08 mm
MIN_BAR_LENGTH_MM = 15.0
MAX_BAR_PITCH_MM = 11.0  # centre-to-centre distance of neighbouring bars in a pattern
FINDER_MIN_MM = 3.0  # finder pattern side: 7 modules; smaller QR codes are not separator codes


@dataclass(frozen=True)
class Bar:
    """A solid bar in working pixels: centre, unit direction along its length, sizes in mm."""

    centre: tuple[float, float]
    direction: tuple[float, float]
    thickness_mm: float
    length_mm: float
    px_per_mm: float

    @property
    def wide(self) -> bool:
        return self.thickness_mm >= WIDE_MM[0]


def detect_separator(page: np.ndarray, dpi: int) -> str | None:
    """The separator payload: the ``SEP…`` QR text, else ``"PATCH_T"`` for patch bars, else None."""
    return detect_codes(page, dpi)[0]


def detect_codes(page: np.ndarray, dpi: int) -> tuple[str | None, tuple[str, ...]]:
    """``(separator payload or None, other QR texts on the page)``: one pass for both.

    Other QR texts (e.g. the QR printed on newer civil-status extracts or a copied ID card) feed
    metadata extraction.
    """
    small, work_dpi = working_gray(page, dpi)
    dark = (small < 0.5 * paper_level(small)).astype(np.uint8)
    texts = _qr_texts(page, dark, work_dpi / float(dpi), work_dpi)
    separator = next((t for t in texts if t.startswith(SEP_PREFIX)), None)
    others = tuple(t for t in texts if not t.startswith(SEP_PREFIX))
    if separator is None and has_patch_t(find_bars(dark, work_dpi)):
        separator = PATCH_T
    return separator, others


def find_bars(dark: np.ndarray, work_dpi: float) -> list[Bar]:
    """Solid, straight, long marks of bar thickness in a binary (1 = dark) image."""
    px_per_mm = work_dpi / 25.4
    size = max(3, round(1.2 * px_per_mm) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (size, size))
    solid = cv2.morphologyEx(dark, cv2.MORPH_OPEN, kernel)
    contours, _ = cv2.findContours(solid, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    bars = []
    for contour in contours:
        (cx, cy), (w, h), angle = cv2.minAreaRect(contour)
        thick, length = min(w, h) / px_per_mm, max(w, h) / px_per_mm
        if length < MIN_BAR_LENGTH_MM or not _bar_thickness(thick):
            continue
        if cv2.contourArea(contour) < 0.85 * w * h:
            continue
        theta = np.deg2rad(angle if w >= h else angle + 90.0)
        direction = (float(np.cos(theta)), float(np.sin(theta)))
        bars.append(Bar((cx, cy), direction, thick, length, px_per_mm))
    return bars


def _bar_thickness(thick_mm: float) -> bool:
    return NARROW_MM[0] <= thick_mm <= NARROW_MM[1] or WIDE_MM[0] <= thick_mm <= WIDE_MM[1]


def has_patch_t(bars: list[Bar]) -> bool:
    """True when four neighbouring parallel bars alternate narrow, wide, narrow, wide."""
    for anchor in bars:
        group = [b for b in bars if _same_stack(anchor, b)]
        if len(group) < 4:
            continue
        normal = (-anchor.direction[1], anchor.direction[0])
        group.sort(key=lambda b: b.centre[0] * normal[0] + b.centre[1] * normal[1])
        kinds = "".join("W" if b.wide else "N" for b in group)
        if "NWNW" in kinds or "WNWN" in kinds:
            return True
    return False


def _same_stack(a: Bar, b: Bar) -> bool:
    """Parallel, of similar length, side by side (not end to end) and close to each other."""
    cos = abs(a.direction[0] * b.direction[0] + a.direction[1] * b.direction[1])
    if cos < 0.995 or not (0.8 <= a.length_mm / b.length_mm <= 1.25):
        return False
    dx, dy = b.centre[0] - a.centre[0], b.centre[1] - a.centre[1]
    along = abs(dx * a.direction[0] + dy * a.direction[1]) / a.px_per_mm
    across = abs(-dx * a.direction[1] + dy * a.direction[0]) / a.px_per_mm
    return along < 0.2 * a.length_mm and across < 3.5 * MAX_BAR_PITCH_MM


def _qr_texts(page: np.ndarray, dark: np.ndarray, scale: float, work_dpi: float) -> list[str]:
    """Decode the QR code where finder patterns are seen; its text (empty when none or unreadable).

    ``scale`` is working pixels per page pixel. The small copy is tried first, then the page.
    """
    boxes = _finder_boxes(dark, work_dpi)
    if len(boxes) < 3:
        return []
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes)
    pad = max(x1 - x0, y1 - y0) // 5 + 4
    region = (max(0, x0 - pad), max(0, y0 - pad), x1 + pad, y1 + pad)
    small = working_gray(page, round(work_dpi / scale))[0]
    full = region_of(page, tuple(round(v / scale) for v in region))
    for crop in (small[region[1] : region[3], region[0] : region[2]], full):
        text = _decode(crop)
        if text:
            return [text]
    return []


def region_of(page: np.ndarray, box: tuple[int, ...]) -> np.ndarray:
    """Gray crop of the page for box (x0, y0, x1, y1), clipped to the page."""
    x0, y0, x1, y1 = box
    crop = page[max(0, y0) : y1, max(0, x0) : x1]
    return cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY) if crop.ndim == 3 else crop


def _decode(gray: np.ndarray) -> str | None:
    if gray.size == 0:
        return None
    for detector in (cv2.QRCodeDetector(), cv2.QRCodeDetectorAruco()):
        try:
            text = detector.detectAndDecode(gray)[0]
        except cv2.error:
            log.debug("QR decoder failed on a candidate region")
            continue
        if text:
            return str(text)
    return None


def _finder_boxes(dark: np.ndarray, work_dpi: float) -> list[tuple[int, int, int, int]]:
    """Bounding boxes of QR finder patterns: a square ring around a square core, about 7:3."""
    contours, hierarchy = cv2.findContours(dark, cv2.RETR_TREE, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return []
    links = hierarchy[0]
    min_px = FINDER_MIN_MM * work_dpi / 25.4
    boxes = []
    for i, (_, _, child, _) in enumerate(links):
        if child < 0 or links[child][2] < 0:
            continue
        x, y, w, h = cv2.boundingRect(contours[i])
        if min(w, h) < min_px or not 0.7 <= w / h <= 1.43:
            continue
        core = cv2.contourArea(contours[links[child][2]])
        if core > 0 and 3.0 <= cv2.contourArea(contours[i]) / core <= 12.0:
            boxes.append((x, y, w, h))
    return boxes
