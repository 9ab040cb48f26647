"""Page compression for the PDF: bitonal G4, mixed raster content (MRC) or plain JPEG, per page.

``prepare_page`` runs in a worker process for each cleaned page and returns only bytes and numbers.
- bitonal: one full-resolution G4 image (pages whose colour carries nothing);
- mrc: a smoothed, downsampled JPEG background (paper tone, seal halo) under full-resolution G4
  masks, one painted in the print's colour and one per saturated ink family (red seal, blue
  signature), so text and seal keep the scan's resolution at a fraction of a JPEG's size;
- jpeg: the whole page as one full-resolution JPEG, for deployments that want continuous tone.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

import cv2
import numpy as np

from app.core.errors import PdfError
from app.core.ocr_types import OcrWord
from app.pdf.bitonal import encode_g4, ink_map, shrink
from app.pdf.colour import Box, InkGroup, colour_region, ink_colour, split_inks
from app.pdf.tones import split_gray_marks
from app.pdf.types import Compression, ImageStream, PageKind, PreparedPage, TextWord

log = logging.getLogger(__name__)

BACKGROUND_DPI = 100  # paper tone and seal halo need little resolution; text is in the masks
BACKGROUND_QUALITY = 45
FULL_JPEG_QUALITY = 60
FINE_MASK_DPI = 300  # scans below this get their masks binarised at twice the resolution
FILL_WINDOW = 15  # pixels at half the background's resolution: about 8 mm at 100 dpi
INK_HALO_MM = 0.4  # background pixels this close to print are refilled with paper tone


def prepare_page(
    image: np.ndarray,
    dpi: int,
    words: Sequence[OcrWord],
    *,
    color: bool | None = None,
    compression: Compression | str = "auto",
) -> PreparedPage:
    """Compress one cleaned, upright page (BGR or gray uint8 at ``dpi``) and keep its words.

    ``color`` None detects whether colour carries content; ``compression`` "auto" makes colour pages
    MRC and the others bitonal; "mrc", "bitonal" or "jpeg" force one treatment for every page.
    """
    if image.dtype != np.uint8 or image.ndim not in (2, 3) or image.size == 0:
        raise PdfError(f"page image must be uint8 gray or BGR, not {image.dtype} {image.shape}")
    if dpi <= 0:
        raise PdfError(f"page resolution must be positive, not {dpi}")
    if dpi < FINE_MASK_DPI and compression != "jpeg":
        # below 300 dpi a bitonal mask at scan resolution loses thin accents (ấ reads as â):
        # binarise a 2x enlargement instead; the page keeps its physical size
        image = cv2.resize(image, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
        dpi *= 2
        words = [replace(w, box=(2 * w.box[0], 2 * w.box[1], 2 * w.box[2], 2 * w.box[3])) for w in words]
    half = shrink(image, 1) if image.ndim == 3 else None
    region = colour_region(half, dpi) if half is not None and color is not False else None
    kind = _choose_kind(region is not None, color, compression)
    height, width = image.shape[:2]
    if kind == "jpeg":
        layers: tuple[ImageStream, ...] = (encode_jpeg(image, FULL_JPEG_QUALITY),)
    else:
        gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        ink = ink_map(gray, dpi)
        layers = (
            _bitonal_layers(gray, ink, dpi)
            if kind == "bitonal"
            else _mrc_layers(image, half, ink, region, dpi)
        )
    return PreparedPage(
        width=width, height=height, dpi=dpi, kind=kind, layers=layers, words=text_words(words)
    )


def _choose_kind(has_colour: bool, color: bool | None, compression: Compression | str) -> PageKind:
    if compression in ("mrc", "bitonal", "jpeg"):
        return compression
    if compression != "auto":
        raise PdfError(f"unknown compression {compression!r}")
    return "mrc" if (has_colour if color is None else color) else "bitonal"


def _mrc_layers(
    image: np.ndarray, half: np.ndarray | None, ink: np.ndarray, region: Box | None, dpi: int
) -> tuple[ImageStream, ...]:
    black, groups = (ink, []) if region is None else split_inks(image, ink, region, dpi)
    layers = [background_layer(image, black, dpi, half=half)]
    if black.any():
        layers.append(_mask_layer(InkGroup(mask=black, fill_rgb=ink_colour(image, black))))
    layers.extend(_mask_layer(group) for group in groups)
    return tuple(layers)


def _bitonal_layers(gray: np.ndarray, ink: np.ndarray, dpi: int) -> tuple[ImageStream, ...]:
    """One G4 image, or two G4 masks (print in black, a gray seal in its tone) on white paper."""
    print_ink, seal = split_gray_marks(gray, ink, dpi)
    if seal is None:
        return (encode_g4(ink),)
    black = InkGroup(mask=print_ink, fill_rgb=ink_colour(gray, print_ink))
    return (_mask_layer(black), _mask_layer(seal))


def _mask_layer(group: InkGroup) -> ImageStream:
    stream = encode_g4(group.mask, is_mask=True)
    return ImageStream(
        data=stream.data,
        width=stream.width,
        height=stream.height,
        filter=stream.filter,
        is_mask=True,
        fill_rgb=group.fill_rgb,
        origin=group.origin,
    )


def background_layer(
    image: np.ndarray, print_ink: np.ndarray, dpi: int, *, half: np.ndarray | None = None
) -> ImageStream:
    """The page at ``BACKGROUND_DPI`` with the print replaced by the paper around it, as JPEG.

    ``half`` is the page already halved by ``shrink`` (saves repeating that step)."""
    height, width = image.shape[:2]
    scale = min(1.0, BACKGROUND_DPI / dpi)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    levels = max(0, int(np.log2(1.0 / scale)))
    start = half if half is not None and levels >= 1 else image
    reduced = shrink(start, levels - 1) if start is half else shrink(image, levels)
    small = cv2.resize(reduced, size, interpolation=cv2.INTER_LINEAR).astype(np.float32)
    coverage = shrink(print_ink.view(np.uint8) * np.uint8(255), levels)
    covered = cv2.threshold(
        cv2.resize(coverage, size, interpolation=cv2.INTER_LINEAR), 8, 255, cv2.THRESH_BINARY
    )[1]
    halo = max(1, round(INK_HALO_MM * dpi * scale / 25.4))
    grown = cv2.dilate(covered, np.ones((2 * halo + 1, 2 * halo + 1), np.uint8))
    valid = (grown == 0).astype(np.float32)
    filled = _fill_holes(small, valid)
    smooth = cv2.GaussianBlur(filled, (0, 0), 0.8)
    return encode_jpeg(np.clip(smooth + 0.5, 0, 255).astype(np.uint8), BACKGROUND_QUALITY)


def _fill_holes(image: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Replace invalid pixels by the average of the valid ones within a few millimetres (worked
    out at half the layer's resolution), or by the page's paper tone where there are none."""
    channels = 1 if image.ndim == 2 else image.shape[2]
    small = cv2.pyrDown(image)
    weights = cv2.pyrDown(valid)
    if channels > 1:
        weights = cv2.merge([weights] * channels)
    total = cv2.blur(cv2.multiply(small, weights), (FILL_WINDOW, FILL_WINDOW))
    norm = cv2.blur(weights, (FILL_WINDOW, FILL_WINDOW))
    sample = valid[::4, ::4] > 0
    paper = np.median(image[::4, ::4][sample], axis=0) if sample.any() else np.full(channels, 255.0)
    estimate = np.where(norm > 0.02, total / np.maximum(norm, 0.02), np.asarray(paper, np.float32))
    size = (image.shape[1], image.shape[0])
    estimate = cv2.resize(estimate.astype(np.float32), size, interpolation=cv2.INTER_LINEAR)
    keep = valid > 0 if channels == 1 else (valid > 0)[..., None]
    return np.where(keep, image, estimate)


def encode_jpeg(image: np.ndarray, quality: int) -> ImageStream:
    """Baseline JPEG of a gray or BGR image (stored as RGB by the JPEG's own colour transform)."""
    ok, buffer = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    if not ok:
        raise PdfError("JPEG encoding failed")
    components = 1 if image.ndim == 2 else 3
    height, width = image.shape[:2]
    return ImageStream(
        data=buffer.tobytes(), width=width, height=height, filter="DCTDecode", components=components
    )


def text_words(words: Sequence[OcrWord]) -> tuple[TextWord, ...]:
    """The OCR words as the text layer keeps them: NFC, non-empty, with a real box."""
    kept = []
    for word in words:
        text = unicodedata.normalize("NFC", word.text).strip()
        x0, y0, x1, y1 = word.box
        if text and x1 > x0 and y1 > y0:
            kept.append(TextWord(text=text, box=(x0, y0, x1, y1), line=word.line))
    return tuple(kept)
