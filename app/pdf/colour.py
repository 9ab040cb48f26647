"""Where colour carries content: saturated ink (red seals, blue signatures) split from black print.

Paper tone (cream, yellowed) is weakly saturated and light; black print under a seal is dark and
barely saturated; seal and signature ink is strongly saturated. Only the latter counts as colour.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np

from app.pdf.bitonal import shrink

Box = tuple[int, int, int, int]

log = logging.getLogger(__name__)

CHROMA_MIN = 60  # max - min channel, 0..255
SATURATION_MIN = 0.35  # chroma / brightest channel
CHROMA_EDGE_MIN = 24  # a print pixel next to coloured ink and at least this tinted is coloured too
EDGE_PX = 2
COLOUR_PAGE_MIN_MM2 = 20.0  # colour ink area that makes a page a colour page (a seal is ~ 500 mm2)
CHECK_LEVELS = 2
REGION_MARGIN_MM = 3.0
SAMPLE_PIXELS = 500_000  # enough pixels to estimate an ink's colour


@dataclass(frozen=True)
class InkGroup:
    """Pixels of one colour ink family and the colour to paint them in (RGB, 0..1)."""

    mask: np.ndarray
    fill_rgb: tuple[float, float, float]
    origin: tuple[int, int] | None = None  # page pixel of the mask's top-left corner; None = page


def chroma_of(image: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Chroma (max - min channel) and brightest channel of a BGR image, uint8."""
    blue, green, red = cv2.split(image)
    high = cv2.max(cv2.max(blue, green), red)
    return cv2.subtract(high, cv2.min(cv2.min(blue, green), red)), high


def colour_ink(image: np.ndarray) -> np.ndarray:
    """255 where a BGR page carries saturated ink, else 0."""
    chroma, high = chroma_of(image)
    strong = cv2.threshold(chroma, CHROMA_MIN - 1, 255, cv2.THRESH_BINARY)[1]
    saturated = cv2.compare(chroma, cv2.convertScaleAbs(high, alpha=SATURATION_MIN), cv2.CMP_GE)
    return cv2.bitwise_and(strong, saturated)


def colour_region(half: np.ndarray, dpi: int) -> Box | None:
    """Where a page's colour content lies (x0, y0, x1, y1 in page pixels), or None when there is
    too little of it to matter. ``half`` is the BGR page at half resolution (``shrink(page, 1)``)."""
    if half.ndim != 3:
        return None
    small = shrink(half, CHECK_LEVELS - 1)
    # the colour of a few anti-aliased edge pixels is not content: require solid patches
    found = cv2.morphologyEx(colour_ink(small), cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    px_per_mm = dpi / 25.4 / (1 << CHECK_LEVELS)
    if cv2.countNonZero(found) / (px_per_mm * px_per_mm) < COLOUR_PAGE_MIN_MM2:
        return None
    x, y, w, h = cv2.boundingRect(found)
    step = 1 << CHECK_LEVELS
    margin = round(REGION_MARGIN_MM * dpi / 25.4)
    height, width = half.shape[0] * 2, half.shape[1] * 2
    return (
        max(0, x * step - margin),
        max(0, y * step - margin),
        min(width, (x + w) * step + margin),
        min(height, (y + h) * step + margin),
    )


def split_inks(
    image: np.ndarray, ink: np.ndarray, region: Box, dpi: int
) -> tuple[np.ndarray, list[InkGroup]]:
    """The black-print part of ``ink`` and the saturated ink families (reddish, bluish) found
    inside ``region``; group masks are cropped to the region.

    Saturated pixels join a colour group even when light (a seal is lighter than the print's
    threshold); anything dark and unsaturated stays black print.
    """
    x0, y0, x1, y1 = region
    crop = image[y0:y1, x0:x1]
    crop_ink = ink[y0:y1, x0:x1]
    chroma, high = chroma_of(crop)
    strong = cv2.threshold(chroma, CHROMA_MIN - 1, 255, cv2.THRESH_BINARY)[1]
    coloured = cv2.bitwise_and(
        strong, cv2.compare(chroma, cv2.convertScaleAbs(high, alpha=SATURATION_MIN), cv2.CMP_GE)
    )
    # the anti-aliased rims of coloured strokes are less saturated but still tinted: they belong
    # to the stroke, whereas black print stays grey even where it touches a seal
    near = cv2.dilate(coloured, np.ones((2 * EDGE_PX + 1, 2 * EDGE_PX + 1), np.uint8))
    tinted = cv2.threshold(chroma, CHROMA_EDGE_MIN - 1, 255, cv2.THRESH_BINARY)[1]
    rims = cv2.bitwise_and(cv2.bitwise_and(near, tinted), crop_ink.view(np.uint8) * np.uint8(255))
    in_colour = cv2.bitwise_or(coloured, rims) > 0
    black = ink.copy()
    black[y0:y1, x0:x1] &= ~in_colour
    reddish = cv2.compare(crop[..., 2], crop[..., 0], cv2.CMP_GE) > 0
    groups: list[InkGroup] = []
    for member in (in_colour & reddish, in_colour & ~reddish):
        member = _solid(member)
        if cv2.countNonZero(member.view(np.uint8)) < mm2_px(1.0, dpi):
            continue
        # seal and signature inks keep their own (median) tone: a seal painted darker than it was
        # would read as print to OCR of the PDF's image, and hide the text beneath it
        groups.append(
            InkGroup(mask=member, fill_rgb=ink_colour(crop, member, darker_half=False), origin=(x0, y0))
        )
    return black, groups


def mm2_px(mm2: float, dpi: int) -> float:
    return mm2 * (dpi / 25.4) ** 2


def _solid(mask: np.ndarray) -> np.ndarray:
    """A colour mask with the lone coloured fringe pixels of black print (JPEG chroma) removed."""
    opened = cv2.morphologyEx(mask.view(np.uint8), cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    return opened > 0


def ink_colour(
    image: np.ndarray, mask: np.ndarray, *, darker_half: bool = True
) -> tuple[float, float, float]:
    """A representative RGB colour (0..1) of the pixels under ``mask``: by default the darker half's
    median, since print strokes are lighter at their anti-aliased edges."""
    step = max(1, int(np.sqrt(mask.size / SAMPLE_PIXELS)))
    pixels = image[::step, ::step][mask[::step, ::step]]
    if pixels.size == 0:
        return (0.0, 0.0, 0.0)
    if pixels.ndim == 1:
        level = float(np.median(pixels)) / 255.0
        return (level, level, level)
    if darker_half:
        brightness = pixels.astype(np.int32).sum(axis=1)
        pixels = pixels[brightness <= np.median(brightness)]
    b, g, r = (float(v) / 255.0 for v in np.median(pixels, axis=0))
    return (r, g, b)
