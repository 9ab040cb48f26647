"""Bitonal pages: the ink map (background-normalised page, Sauvola-like threshold, speck removal)
and its CCITT Group 4 encoding (Pillow's libtiff) as a bare PDF image stream.

The paper's tone, stains and shading are divided out first (a background estimate made on a small
copy: a grey-level closing that removes strokes, then a blur), so the threshold sees dark ink on an
even white. Sauvola's rule then adapts to local contrast, which keeps faint thin strokes and the
Vietnamese diacritics; a global cap keeps light bleed-through and paper grain out.
"""

from __future__ import annotations

import io
import logging

import cv2
import numpy as np
from PIL import Image, TiffImagePlugin

from app.core.errors import PdfError
from app.pdf.types import ImageStream

log = logging.getLogger(__name__)

BACKGROUND_LEVELS = 3  # the background estimate is made at 1/8 of the page's resolution
STROKE_MAX_MM = 2.5  # strokes thinner than this are removed by the closing (bold headings are ~1 mm)
SAUVOLA_WINDOW_MM = 2.5
SAUVOLA_K = 0.25
SAUVOLA_R = 128.0
INK_CAP = 185  # on the normalised page (paper = 255): lighter than this is never ink
INK_SURE = 110  # darker than this is always ink
_STRIP_OFFSETS = 273
_STRIP_BYTE_COUNTS = 279
_SINGLE_STRIP = 1 << 30  # bytes per strip: far more than any page, so libtiff writes one strip


def mm_to_px(mm: float, dpi: int) -> float:
    return mm * dpi / 25.4


def shrink(image: np.ndarray, levels: int) -> np.ndarray:
    """The image halved ``levels`` times with Gaussian smoothing (much faster than INTER_AREA)."""
    for _ in range(levels):
        if min(image.shape[:2]) < 2:
            break
        image = cv2.pyrDown(image)
    return image


def background(gray: np.ndarray, dpi: int) -> np.ndarray:
    """The page without its ink, at full size: paper tone, shading and stains."""
    height, width = gray.shape
    small = shrink(gray, BACKGROUND_LEVELS)
    size = max(3, int(mm_to_px(STROKE_MAX_MM, dpi) / (1 << BACKGROUND_LEVELS)) * 2 + 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    paper = cv2.GaussianBlur(paper, (0, 0), size / 2.0)
    return cv2.resize(paper, (width, height), interpolation=cv2.INTER_LINEAR)


def normalise(gray: np.ndarray, dpi: int) -> np.ndarray:
    """Gray page divided by its background: paper becomes 255, ink keeps its contrast."""
    paper = background(gray, dpi)
    return cv2.divide(gray, np.maximum(paper, 1), scale=255.0)


def sauvola_threshold(norm: np.ndarray, dpi: int) -> np.ndarray:
    """Per-pixel Sauvola threshold (uint8, within the sure/cap bounds), computed at half
    resolution (it varies slowly) and enlarged."""
    height, width = norm.shape
    values = shrink(norm, 1).astype(np.float32)
    window = max(3, int(mm_to_px(SAUVOLA_WINDOW_MM, dpi) / 2) | 1)
    mean = cv2.boxFilter(values, -1, (window, window), borderType=cv2.BORDER_REFLECT)
    mean_sq = cv2.boxFilter(values * values, -1, (window, window), borderType=cv2.BORDER_REFLECT)
    std = np.sqrt(np.maximum(mean_sq - mean * mean, 0.0))
    threshold = mean * (1.0 + SAUVOLA_K * (std / SAUVOLA_R - 1.0))
    threshold = np.clip(threshold + 0.5, INK_SURE, INK_CAP).astype(np.uint8)
    return cv2.resize(threshold, (width, height), interpolation=cv2.INTER_LINEAR)


def ink_map(gray: np.ndarray, dpi: int) -> np.ndarray:
    """Boolean ink map of a gray page (True = ink), as legible as the page itself."""
    norm = normalise(gray, dpi)
    ink = cv2.compare(norm, sauvola_threshold(norm, dpi), cv2.CMP_LT) > 0
    return remove_specks(ink)


def remove_specks(ink: np.ndarray) -> np.ndarray:
    """Drop isolated specks that fit in 2x2 pixels: scanner noise, never a diacritic or a stop.

    A 2x2 window whose 4x4 surround holds no other ink is a speck; box sums find them all at
    once, far faster than labelling components on a full page.
    """
    ones = ink.view(np.uint8)
    if not ones.any():
        return ink
    sum4 = cv2.boxFilter(
        ones, cv2.CV_8U, (4, 4), anchor=(0, 0), normalize=False, borderType=cv2.BORDER_CONSTANT
    )
    sum2 = cv2.boxFilter(
        ones, cv2.CV_8U, (2, 2), anchor=(0, 0), normalize=False, borderType=cv2.BORDER_CONSTANT
    )
    flags = np.zeros_like(ones)
    inner = sum2[1:, 1:]
    flags[1:, 1:] = (sum4[:-1, :-1] == inner) & (inner > 0)
    spread = cv2.dilate(
        flags, np.ones((2, 2), np.uint8), anchor=(1, 1), borderType=cv2.BORDER_CONSTANT, borderValue=0
    )
    kept: np.ndarray = ink & (spread == 0)
    return kept


def encode_g4(ink: np.ndarray, *, is_mask: bool = False) -> ImageStream:
    """Encode a boolean ink map (True = black / paint) as one G4 strip.

    The strip decodes under ``/CCITTFaxDecode`` with ``/K -1`` and the default ``/BlackIs1 false``
    to 0 bits where there is ink: black for an image, the painted area for an ``/ImageMask``.
    """
    if ink.ndim != 2 or ink.size == 0:
        raise PdfError(f"G4 input must be a non-empty 2-D ink map, not {ink.shape}")
    height, width = ink.shape
    # libtiff codes the raw bits with 0 as a "white" run whatever Pillow's mode "1" means by them,
    # so ink goes in as 1 bits; the round trip is checked by rendering back in the tests.
    packed = np.packbits(ink.astype(bool), axis=1)
    image = Image.frombytes("1", (width, height), packed.tobytes())
    buffer = io.BytesIO()
    image.save(buffer, format="TIFF", compression="group4", strip_size=_SINGLE_STRIP)
    data = _single_strip(buffer.getvalue())
    return ImageStream(data=data, width=width, height=height, filter="CCITTFaxDecode", is_mask=is_mask)


def _single_strip(tiff: bytes) -> bytes:
    """The compressed bytes of a one-strip TIFF."""
    with Image.open(io.BytesIO(tiff)) as parsed:
        if not isinstance(parsed, TiffImagePlugin.TiffImageFile):
            raise PdfError("libtiff did not write a TIFF")
        offsets = parsed.tag_v2.get(_STRIP_OFFSETS)
        counts = parsed.tag_v2.get(_STRIP_BYTE_COUNTS)
    if not offsets or not counts or len(offsets) != 1:
        raise PdfError(f"libtiff did not write a single G4 strip ({offsets!r})")
    start = int(offsets[0])
    return tiff[start : start + int(counts[0])]


def decode_parms(stream: ImageStream) -> dict[str, object]:
    """The /DecodeParms of a G4 stream from ``encode_g4``."""
    return {"/K": -1, "/Columns": stream.width, "/Rows": stream.height, "/BlackIs1": False}
