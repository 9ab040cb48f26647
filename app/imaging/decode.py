"""Safe decoding of scanned page files (JPEG, PNG, TIFF, PNM, image PDF) into OpenCV arrays.

The header is read first (Pillow opens lazily) so absurd sizes are refused before any pixel is
allocated; truncated JPEG and PNG files are refused instead of being decoded half grey.
"""

from __future__ import annotations

import io
import logging
import warnings
from dataclasses import dataclass

import cv2
import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageSequence

from app.core.errors import EmptyFile, ImageTooLarge, UnreadableImage

log = logging.getLogger(__name__)

# A3 (297 x 420 mm) at 600 dpi, the largest page the station accepts.
DEFAULT_MAX_PIXELS = 7016 * 9921
PDF_DEFAULT_DPI = 300
_MAX_PLAUSIBLE_MM = 600.0  # a header dpi implying a page longer than this is a bogus default

Image.MAX_IMAGE_PIXELS = None  # we enforce our own limit, before decoding


@dataclass(frozen=True)
class DecodedImage:
    """Pixels (H,W,3 BGR uint8 or H,W gray uint8), the resolution from the file, and colour-ness."""

    image: np.ndarray
    dpi: int | None
    is_color: bool


def decode_image(data: bytes, max_pixels: int = DEFAULT_MAX_PIXELS) -> DecodedImage:
    """Decode the first page of an image file; raise EmptyFile, UnreadableImage or ImageTooLarge."""
    if not data:
        raise EmptyFile("0 bytes")
    if data[:5] == b"%PDF-":
        return _pdf_pages(data, max_pixels, first_only=True)[0]
    pil = _open_header(data)
    _check_size(pil.size, max_pixels)
    _check_complete(data, pil.format)
    dpi = _header_dpi(pil)
    if pil.format == "TIFF":
        return _from_pil(pil, dpi)
    arr = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    if arr is None:
        return _from_pil(pil, dpi)
    return _finish(_normalise(arr), dpi)


def decode_pages(data: bytes, max_pixels: int = DEFAULT_MAX_PIXELS) -> list[DecodedImage]:
    """Decode every page of a multi-page TIFF or image PDF (other formats give one page)."""
    if not data:
        raise EmptyFile("0 bytes")
    if data[:5] == b"%PDF-":
        return _pdf_pages(data, max_pixels, first_only=False)
    pil = _open_header(data)
    if pil.format != "TIFF" or getattr(pil, "n_frames", 1) <= 1:
        return [decode_image(data, max_pixels)]
    pages = []
    for frame in ImageSequence.Iterator(pil):
        _check_size(frame.size, max_pixels)
        pages.append(_from_pil(frame, _header_dpi(frame)))
    return pages


def _open_header(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data))
    except (OSError, ValueError, SyntaxError) as exc:
        raise UnreadableImage("unrecognised image header") from exc


def _check_size(size: tuple[int, int], max_pixels: int) -> None:
    width, height = size
    if width <= 0 or height <= 0:
        raise UnreadableImage(f"invalid size {width}x{height}")
    if width * height > max_pixels:
        raise ImageTooLarge(f"{width}x{height} pixels")


def _check_complete(data: bytes, fmt: str | None) -> None:
    if fmt == "JPEG" and not _jpeg_has_eoi(data):
        raise UnreadableImage("truncated JPEG (no end-of-image marker)")
    if fmt == "PNG" and b"IEND" not in data[-64:]:
        raise UnreadableImage("truncated PNG (no IEND chunk)")


def _jpeg_has_eoi(data: bytes) -> bool:
    """Walk the header segments to the first scan, then look for EOI after it.

    Skipping segments by their lengths avoids being fooled by the EOI of an EXIF thumbnail; inside
    entropy-coded data a 0xFF byte is always stuffed, so the first FFD9 after the scan is the EOI.
    """
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return False
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        if marker == 0xDA:  # start of scan
            return data.find(b"\xff\xd9", pos + 2 + length) >= 0
        pos += 2 + length
    return False


def _header_dpi(pil: Image.Image) -> int | None:
    info = pil.info
    dpi_value: float | None = None
    if info.get("jfif_unit") in (1, 2) and "jfif_density" in info:
        density = float(info["jfif_density"][0])
        dpi_value = density if info["jfif_unit"] == 1 else density * 2.54
    elif "dpi" in info:
        dpi_value = float(info["dpi"][0])
    if not dpi_value or dpi_value < 1:
        return None
    longest_mm = max(pil.size) / dpi_value * 25.4
    if longest_mm > _MAX_PLAUSIBLE_MM:
        return None
    return round(dpi_value)


def _from_pil(pil: Image.Image, dpi: int | None) -> DecodedImage:
    try:
        pil.load()
        if pil.mode in ("1", "P", "PA", "LA", "CMYK", "YCbCr", "LAB", "HSV"):
            pil = pil.convert("RGBA" if "A" in pil.mode or "transparency" in pil.info else "RGB")
        arr = np.asarray(pil)
    except (OSError, ValueError, SyntaxError) as exc:
        raise UnreadableImage("corrupt image data") from exc
    if arr.ndim == 3:
        arr = cv2.cvtColor(arr, cv2.COLOR_RGBA2BGRA if arr.shape[2] == 4 else cv2.COLOR_RGB2BGR)
    return _finish(_normalise(arr), dpi)


def _normalise(arr: np.ndarray) -> np.ndarray:
    """Bring any depth/channel layout to uint8 gray or BGR; alpha is composited on white paper."""
    if arr.dtype == np.bool_:
        arr = arr.astype(np.uint8) * 255
    elif arr.dtype == np.uint16:
        arr = (arr >> 8).astype(np.uint8)
    elif arr.dtype != np.uint8:
        flt = arr.astype(np.float32)
        low, high = float(flt.min()), float(flt.max())
        arr = ((flt - low) * (255.0 / max(high - low, 1e-6))).astype(np.uint8)
    if arr.ndim == 3 and arr.shape[2] == 1:
        arr = arr[:, :, 0]
    if arr.ndim == 3 and arr.shape[2] == 4:
        alpha = arr[:, :, 3:4].astype(np.float32) / 255.0
        arr = (arr[:, :, :3] * alpha + 255.0 * (1.0 - alpha)).astype(np.uint8)
    if arr.ndim == 3 and arr.shape[2] == 2:  # gray + alpha
        alpha = arr[:, :, 1].astype(np.float32) / 255.0
        arr = (arr[:, :, 0] * alpha + 255.0 * (1.0 - alpha)).astype(np.uint8)
    return np.ascontiguousarray(arr)


def _finish(arr: np.ndarray, dpi: int | None) -> DecodedImage:
    is_color = arr.ndim == 3 and not _channels_equal(arr)
    if arr.ndim == 3 and not is_color:
        arr = np.ascontiguousarray(arr[:, :, 0])
    return DecodedImage(image=arr, dpi=dpi, is_color=is_color)


def _channels_equal(bgr: np.ndarray) -> bool:
    """True for a colour file whose three channels carry the same gray (checked on a sample grid)."""
    sample = bgr[::7, ::7].astype(np.int16)
    return bool(
        np.abs(sample[:, :, 0] - sample[:, :, 1]).max() <= 2
        and np.abs(sample[:, :, 1] - sample[:, :, 2]).max() <= 2
    )


def _pdf_pages(data: bytes, max_pixels: int, *, first_only: bool) -> list[DecodedImage]:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UnreadableImage("corrupt PDF") from exc
    try:
        if len(pdf) == 0:
            raise UnreadableImage("PDF without pages")
        count = 1 if first_only else len(pdf)
        return [_render_pdf_page(pdf[i], max_pixels) for i in range(count)]
    finally:
        pdf.close()


def _render_pdf_page(page: pdfium.PdfPage, max_pixels: int) -> DecodedImage:
    width_pt, height_pt = page.get_size()
    dpi = _embedded_image_dpi(page) or PDF_DEFAULT_DPI
    scale = dpi / 72.0
    _check_size((round(width_pt * scale), round(height_pt * scale)), max_pixels)
    try:
        bitmap = page.render(scale=scale)
        arr = bitmap.to_numpy()
    except pdfium.PdfiumError as exc:
        raise UnreadableImage("PDF page could not be rendered") from exc
    if arr.ndim == 3:
        arr = arr[:, :, :3]
        if bitmap.mode.startswith("RGB"):
            arr = arr[:, :, ::-1]
    return _finish(_normalise(np.ascontiguousarray(arr)), dpi)


def _embedded_image_dpi(page: pdfium.PdfPage) -> int | None:
    """Resolution of the largest image drawn on the page (its pixels per inch of placement)."""
    best: tuple[float, int] | None = None
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = obj.get_bounds()
        width_px, _ = obj.get_px_size()
        width_in = (right - left) / 72.0
        if width_in <= 0 or width_px <= 0:
            continue
        area = (right - left) * (top - bottom)
        if best is None or area > best[0]:
            best = (area, round(width_px / width_in))
    if best is None:
        return None
    return max(72, min(best[1], 600))
