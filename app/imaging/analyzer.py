"""Page cleanup in one call: decode, find the paper, deskew, classify, orient, check quality.

``analyze`` is what the pipeline runs for every scanned page (in worker processes); it returns the
findings (in the input image's coordinates) and the cleaned gray page: cropped to the paper,
deskewed and upright (what OCR reads; the colour rendering for the PDF is made from the findings).
Blank pages and separators are found on the rectified sheet before orientation, which they do not
need.
"""

from __future__ import annotations

import logging
from dataclasses import replace

import cv2
import numpy as np

from app.core.models import PageFindings, Point
from app.core.ports import PageAnalysis
from app.imaging.blank import is_blank
from app.imaging.color import is_color_page
from app.imaging.decode import DecodedImage, decode_image
from app.imaging.deskew import estimate_skew
from app.imaging.orientation import detect_orientation
from app.imaging.paper import find_paper
from app.imaging.pyramid import to_gray
from app.imaging.quality import quality_warnings
from app.imaging.rectify import rectify, rotate_orientation
from app.imaging.separator import detect_codes

log = logging.getLogger(__name__)

DEFAULT_DPI = 300  # a file without a resolution tag is assumed to be a 300 dpi scan
THUMBNAIL_SIDE = 320
Quad = tuple[Point, Point, Point, Point]
COLOUR_CHECK_FACTOR = 4  # two halvings


def init_worker() -> None:
    """Per worker process: one OpenCV thread (the pool itself provides the parallelism)."""
    cv2.setNumThreads(1)


def analyze(data: bytes, dpi_hint: int | None = None) -> PageAnalysis:
    """Clean one page; ``dpi_hint`` (what the scanner was set to) wins over the file's header."""
    return analyze_decoded(decode_image(data), dpi_hint)


def analyze_decoded(decoded: DecodedImage, dpi_hint: int | None = None) -> PageAnalysis:
    """The cleanup proper, on pixels already decoded."""
    image = decoded.image
    dpi = dpi_hint or decoded.dpi or DEFAULT_DPI
    gray = to_gray(image)
    quad = find_paper(gray)
    skew = estimate_skew(gray, quad)
    sheet = rectify(gray, quad, skew)
    separator, qr_texts = detect_codes(sheet, dpi)
    blank = separator is None and is_blank(sheet, dpi)
    orientation = 0 if (blank or separator is not None) else detect_orientation(sheet)
    upright = rotate_orientation(sheet, orientation)
    corners = tuple((float(x), float(y)) for x, y in np.asarray(quad, dtype=np.float64))
    findings = PageFindings(
        width=image.shape[1],
        height=image.shape[0],
        dpi=dpi,
        skew_deg=float(skew),
        orientation=int(orientation),
        page_quad=corners,  # type: ignore[arg-type]
        is_blank=blank,
        is_separator=separator is not None,
        separator_payload=separator,
        qr_payloads=qr_texts if separator is None else (),
        is_color=decoded.is_color and _colour_matters(image, quad, skew),
        warnings=quality_warnings(upright, dpi, corners, image.shape, blank=blank),
    )
    return PageAnalysis(findings=findings, cleaned=upright)


def _colour_matters(image: np.ndarray, quad: np.ndarray, skew: float) -> bool:
    """Colour check on a small copy of the sheet: a seal or coloured form shows at any size."""
    if image.ndim != 3:
        return False
    small = cv2.resize(
        image, None, fx=1 / COLOUR_CHECK_FACTOR, fy=1 / COLOUR_CHECK_FACTOR, interpolation=cv2.INTER_AREA
    )
    return is_color_page(rectify(small, np.asarray(quad) / COLOUR_CHECK_FACTOR, skew))


def clean_image(image: np.ndarray, findings: PageFindings) -> np.ndarray:
    """The page as cleanup sees it, in the image's own colours: cropped, deskewed and upright."""
    quad = np.asarray(findings.page_quad, dtype=np.float32) if findings.page_quad else None
    sheet = image if quad is None else rectify(image, quad, findings.skew_deg)
    return rotate_orientation(sheet, findings.orientation)


def thumbnail(data: bytes, max_side: int = THUMBNAIL_SIDE) -> bytes:
    """A small JPEG of the scan for the page strip, decoded at reduced size (fast, no cleanup)."""
    return _small_jpeg(_reduced(data), max_side)


def cleaned_thumbnail(data: bytes, findings: PageFindings | None, max_side: int = THUMBNAIL_SIDE) -> bytes:
    """The page strip's picture of the page as cleanup left it (cropped, deskewed, upright), made
    from a reduced decode so that it stays fast; the scan as is when it has not been analysed."""
    small = _reduced(data)
    if findings is not None and findings.width > 0 and findings.height > 0:
        fx, fy = small.shape[1] / findings.width, small.shape[0] / findings.height
        corners = _scaled(findings.page_quad, fx, fy)
        scaled = replace(findings, width=small.shape[1], height=small.shape[0], page_quad=corners)
        small = clean_image(small, scaled)
    return _small_jpeg(small, max_side)


def _scaled(quad: Quad | None, fx: float, fy: float) -> Quad | None:
    if quad is None:
        return None
    a, b, c, d = ((x * fx, y * fy) for x, y in quad)
    return (a, b, c, d)


def _reduced(data: bytes) -> np.ndarray:
    small = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_REDUCED_COLOR_4)
    return small if small is not None else decode_image(data).image  # TIFF/PDF and friends: full decode


def _small_jpeg(image: np.ndarray, max_side: int) -> bytes:
    scale = max_side / max(image.shape[:2])
    if scale < 1:
        image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 80])
    return encoded.tobytes() if ok else b""


def analyze_page(data: bytes, dpi_hint: int | None = None) -> PageFindings:
    """The findings only (what crosses the process boundary when analysis runs in a worker pool)."""
    return analyze(data, dpi_hint).findings
