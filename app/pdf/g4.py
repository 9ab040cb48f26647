"""CCITT Group 4 encoding of bitonal images (via Pillow's libtiff) as a bare PDF image stream."""

from __future__ import annotations

import io
import logging

import numpy as np
from PIL import Image

from app.core.errors import PdfError
from app.pdf.types import ImageStream

log = logging.getLogger(__name__)

_STRIP_OFFSETS = 273
_STRIP_BYTE_COUNTS = 279
_SINGLE_STRIP = 1 << 30  # bytes per strip: far more than any page, so libtiff writes one strip


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
        offsets = parsed.tag_v2.get(_STRIP_OFFSETS)
        counts = parsed.tag_v2.get(_STRIP_BYTE_COUNTS)
    if not offsets or not counts or len(offsets) != 1:
        raise PdfError(f"libtiff did not write a single G4 strip ({offsets!r})")
    start = int(offsets[0])
    return tiff[start : start + int(counts[0])]


def decode_parms(stream: ImageStream) -> dict[str, object]:
    """The /DecodeParms of a G4 stream from ``encode_g4``."""
    return {"/K": -1, "/Columns": stream.width, "/Rows": stream.height, "/BlackIs1": False}
