"""Split container files into pages: multi-page TIFF (PIL) and image PDFs (pypdfium2).

Each page is re-encoded losslessly as PNG, keeping its resolution. A file that cannot be split
raises ``UnsplittableFile``; ``app.scanning.files`` turns that into one error page so the rest of
the batch goes on.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from PIL import Image, ImageSequence

from app.scanning.encode import encode_png

log = logging.getLogger(__name__)

DEFAULT_PDF_DPI = 300
_MIN_DPI, _MAX_DPI = 72, 1200
_COVERAGE = 0.5  # an image covering at least half the page sets the page's scan resolution


class UnsplittableFile(Exception):
    """A TIFF or PDF whose pages cannot be read."""


def tiff_page_count(data: bytes) -> int:
    """Number of pages in a TIFF; raises UnsplittableFile when its header cannot be read."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            return int(getattr(image, "n_frames", 1))
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise UnsplittableFile(f"TIFF: {exc}") from exc


def split_tiff(data: bytes) -> Iterator[tuple[bytes, int | None]]:
    """(PNG bytes, dpi) for each page of a multi-page TIFF."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            for frame in ImageSequence.Iterator(image):
                dpi = _dpi_of(frame.info.get("dpi"))
                frame.load()
                page = frame.copy()
                if page.mode not in ("1", "L", "RGB", "RGBA", "I;16"):
                    page = page.convert("RGB")
                yield encode_png(page, dpi), dpi
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise UnsplittableFile(f"TIFF: {exc}") from exc


def _dpi_of(value: object) -> int | None:
    if isinstance(value, tuple) and value and float(value[0]) > 0:
        return round(float(value[0]))
    return None


def split_pdf(data: bytes, default_dpi: int = DEFAULT_PDF_DPI) -> Iterator[tuple[bytes, int]]:
    """(PNG bytes, dpi) for each page of a PDF, rendered at the page's embedded scan resolution."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UnsplittableFile(f"PDF: {exc}") from exc
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                dpi = embedded_dpi(page) or default_dpi
                bitmap = page.render(scale=dpi / 72)
                image = bitmap.to_pil()
                yield encode_png(image, dpi), dpi
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise UnsplittableFile(f"PDF: {exc}") from exc
    finally:
        document.close()


def embedded_dpi(page: pdfium.PdfPage) -> int | None:
    """Resolution of the largest image on the page when it covers most of the page, else None."""
    page_w, page_h = page.get_size()
    best: tuple[float, int] | None = None
    for obj in page.get_objects(filter=(pdfium_raw.FPDF_PAGEOBJ_IMAGE,)):
        left, bottom, right, top = obj.get_bounds()
        width_pt, height_pt = right - left, top - bottom
        if width_pt <= 0 or height_pt <= 0:
            continue
        px_w, _px_h = obj.get_px_size()
        area = width_pt * height_pt
        if best is None or area > best[0]:
            best = (area, round(px_w / (width_pt / 72)))
    if best is None or best[0] < _COVERAGE * page_w * page_h:
        return None
    return min(max(best[1], _MIN_DPI), _MAX_DPI)
