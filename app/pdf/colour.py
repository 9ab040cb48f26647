"""Where colour carries content: saturated ink (red seals, blue signatures) split from black print.

Paper tone (cream, yellowed) is weakly saturated and light; black print under a seal is dark and
barely saturated; seal and signature ink is strongly saturated. Only the latter counts as colour.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np

log = logging.getLogger(__name__)

CHROMA_MIN = 60  # max - min channel, 0..255
SATURATION_MIN = 0.35  # chroma / brightest channel
COLOUR_PAGE_MIN_MM2 = 20.0  # colour ink area that makes a page a colour page (a seal is ~ 500 mm2)
CHECK_STEP = 4


@dataclass(frozen=True)
class InkGroup:
    """Pixels of one colour ink family and the colour to paint them in (RGB, 0..1)."""

    mask: np.ndarray
    fill_rgb: tuple[float, float, float]


def colour_ink(image: np.ndarray) -> np.ndarray:
    """True where a BGR page carries saturated ink."""
    high = np.max(image, axis=2)
    low = np.min(image, axis=2)
    chroma = cv2.subtract(high, low)
    return (chroma >= CHROMA_MIN) & (chroma.astype(np.float32) >= SATURATION_MIN * high)


def colour_matters(image: np.ndarray, dpi: int) -> bool:
    """Whether a page shows enough saturated ink (a seal, coloured form marks) to keep colour."""
    if image.ndim != 3:
        return False
    height, width = image.shape[:2]
    small = cv2.resize(
        image,
        (max(1, width // CHECK_STEP), max(1, height // CHECK_STEP)),
        interpolation=cv2.INTER_AREA,
    )
    found = colour_ink(small)
    # the colour of a few anti-aliased edge pixels is not content: require solid patches
    found = cv2.morphologyEx(found.view(np.uint8), cv2.MORPH_OPEN, np.ones((2, 2), np.uint8)) > 0
    px_per_mm = dpi / 25.4 / CHECK_STEP
    area_mm2 = float(found.sum()) / (px_per_mm * px_per_mm)
    return area_mm2 >= COLOUR_PAGE_MIN_MM2


def split_inks(image: np.ndarray, ink: np.ndarray, dpi: int) -> tuple[np.ndarray, list[InkGroup]]:
    """The black-print part of ``ink`` and the saturated ink families (reddish, bluish).

    Saturated pixels join a colour group even when light (a seal is lighter than the print's
    threshold); anything dark and unsaturated stays black print.
    """
    coloured = colour_ink(image)
    black = ink & ~coloured
    reddish = image[..., 2].astype(np.int16) >= image[..., 0]
    groups: list[InkGroup] = []
    for member in (coloured & reddish, coloured & ~reddish):
        member = _solid(member, dpi)
        if member.sum() < mm2_px(1.0, dpi):
            continue
        groups.append(InkGroup(mask=member, fill_rgb=ink_colour(image, member)))
    return black, groups


def mm2_px(mm2: float, dpi: int) -> float:
    return mm2 * (dpi / 25.4) ** 2


def _solid(mask: np.ndarray, dpi: int) -> np.ndarray:
    """A colour mask with the lone coloured fringe pixels of black print (JPEG chroma) removed."""
    opened = cv2.morphologyEx(mask.view(np.uint8), cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    return opened > 0


def ink_colour(image: np.ndarray, mask: np.ndarray) -> tuple[float, float, float]:
    """A representative RGB colour (0..1) of the pixels under ``mask``: the darker half's median,
    since strokes are lighter at their anti-aliased edges."""
    pixels = image[mask]
    if pixels.size == 0:
        return (0.0, 0.0, 0.0)
    if pixels.ndim == 1:
        level = float(np.median(pixels)) / 255.0
        return (level, level, level)
    brightness = pixels.astype(np.int32).sum(axis=1)
    darker = pixels[brightness <= np.median(brightness)]
    b, g, r = (float(v) / 255.0 for v in np.median(darker, axis=0))
    return (r, g, b)
