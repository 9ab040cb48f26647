"""Lossless page encoding and cheap header sniffing shared by every driver."""

from __future__ import annotations

import io
import logging

from PIL import Image

log = logging.getLogger(__name__)

# zlib level 1: a 300 dpi A4 colour page encodes several times faster than at the default level 6,
# for files only ~10-20 % larger; the journal keeps them verbatim, the PDF stage recompresses anyway.
PNG_COMPRESS_LEVEL = 1

_MEDIA_BY_FORMAT = {
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "TIFF": "image/tiff",
    "PPM": "image/x-portable-anymap",
    "BMP": "image/bmp",
}


def encode_png(image: Image.Image, dpi: int | None) -> bytes:
    """Encode ``image`` as PNG (fast zlib level), recording ``dpi`` in the pHYs chunk when known."""
    if image.mode not in ("1", "L", "LA", "RGB", "RGBA", "I", "I;16", "P"):
        image = image.convert("RGB")
    buf = io.BytesIO()
    options: dict[str, object] = {"compress_level": PNG_COMPRESS_LEVEL}
    if dpi:
        options["dpi"] = (dpi, dpi)
    image.save(buf, "PNG", **options)
    return buf.getvalue()


def media_type_of(data: bytes) -> str | None:
    """The media type of encoded image bytes judged by their magic number, or None when unknown."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if len(data) >= 2 and data[0:1] == b"P" and data[1:2] in b"123456":
        return "image/x-portable-anymap"
    if data.startswith(b"%PDF"):
        return "application/pdf"
    return None


def read_dpi(data: bytes) -> int | None:
    """The horizontal resolution stored in an image header, or None (no header, unreadable, no dpi)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            dpi = image.info.get("dpi")
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    if not dpi:
        return None
    value = round(float(dpi[0]))
    return value if value > 0 else None
