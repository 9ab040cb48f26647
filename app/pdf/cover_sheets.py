"""Printable separator and cover sheets: one A4 page each, a large ``SEP`` / ``SEP:<type>`` QR code.

The pipeline (``app.imaging.separator`` + ``app.core.splitting``) ends a document at such a sheet and
applies the type named after ``SEP:`` to the document that follows. The batch name and the type are
printed as text for the person feeding the paper; the QR carries ``SEP`` or ``SEP:<type>`` and,
after ``|``, the batch it was printed for (app.core.splitting reads both parts).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
from PIL import Image, ImageDraw, ImageFont

from app.core.errors import PdfError
from app.core.textnorm import fold

log = logging.getLogger(__name__)

DPI = 300
A4_MM = (210.0, 297.0)
QR_MM = 95.0  # printed QR side: big enough for any feeder scan at 150 dpi and up
SEP_PAYLOAD = "SEP"
_BUNDLED = str(Path(__file__).resolve().parents[2] / "resources" / "fonts")  # installed builds ship fonts
FONT_FILES = (
    _BUNDLED + "/NotoSans-{style}.ttf",
    _BUNDLED + "/DejaVuSans{dstyle}.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-{style}.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans{dstyle}.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-{style}.ttf",
    "C:/Windows/Fonts/arial{wstyle}.ttf",
)

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@dataclass(frozen=True)
class CoverSheet:
    """One sheet: ``doc_type`` None for a plain separator; ``type_label`` is the printed type name."""

    doc_type: str | None = None
    type_label: str = ""
    batch_ref: str = ""  # the batch the sheet was printed for, carried in the QR after "|"

    @property
    def payload(self) -> str:
        return separator_payload(self.doc_type, self.batch_ref)


def separator_payload(doc_type: str | None, batch_ref: str = "") -> str:
    """The QR text: ``SEP`` for a plain separator, ``SEP:<type>`` for a cover sheet, then
    ``|<batch>`` when the batch is known (ASCII, at most 40 characters)."""
    head = SEP_PAYLOAD if not doc_type else f"{SEP_PAYLOAD}:{doc_type}"
    ref = "-".join(fold(batch_ref).split())[:40]
    return f"{head}|{ref}" if ref else head


def sheets_pdf(batch_name: str, sheets: Sequence[CoverSheet], dpi: int = DPI) -> bytes:
    """A PDF with one A4 page per sheet (bitonal images at ``dpi``)."""
    if not sheets:
        raise PdfError("no sheets to print")
    pages = [_render(batch_name, sheet, dpi) for sheet in sheets]
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=float(dpi))
    return out.getvalue()


def write_sheets(path: Path, batch_name: str, doc_type: str | None, type_label: str, count: int) -> Path:
    """Write ``count`` identical sheets to ``path`` (the file the user chose); returns the path."""
    sheet = CoverSheet(doc_type, type_label, batch_name)
    path.write_bytes(sheets_pdf(batch_name, [sheet] * max(1, count)))
    log.info("wrote %d separator sheet(s) to a PDF", max(1, count))
    return path


def _render(batch_name: str, sheet: CoverSheet, dpi: int) -> Image.Image:
    px = dpi / 25.4
    size = (round(A4_MM[0] * px), round(A4_MM[1] * px))
    page = Image.new("L", size, 255)
    draw = ImageDraw.Draw(page)
    centre = size[0] // 2
    title = "TỜ BÌA TÀI LIỆU" if sheet.doc_type else "TỜ PHÂN TÁCH"
    draw.text((centre, round(28 * px)), title, font=_font(round(9 * px), "Bold"), fill=0, anchor="ma")
    qr = _qr_image(sheet.payload, round(QR_MM * px))
    top = round(55 * px)
    page.paste(qr, ((size[0] - qr.width) // 2, top))
    y = top + qr.height + round(12 * px)
    lines = [("Lô: " + batch_name, 6)]
    if sheet.doc_type:
        lines.append(("Loại giấy tờ: " + (sheet.type_label or sheet.doc_type), 6))
    lines.append(("Mã: " + sheet.payload, 4))
    for text, size_mm in lines:
        draw.text((centre, y), text, font=_font(round(size_mm * px)), fill=0, anchor="ma")
        y += round((size_mm + 5) * px)
    hint = "Đặt tờ này ngay trước tài liệu; trạm sẽ tự tách tài liệu tại đây."
    draw.text((centre, round(270 * px)), hint, font=_font(round(3.6 * px)), fill=0, anchor="ma")
    return page.convert("1", dither=Image.Dither.NONE)


def _qr_image(payload: str, side_px: int) -> Image.Image:
    code = cv2.QRCodeEncoder.create().encode(payload)
    if code is None or code.size == 0:
        raise PdfError("could not encode the separator QR code")
    factor = max(1, side_px // code.shape[0])
    big = cv2.resize(code, None, fx=factor, fy=factor, interpolation=cv2.INTER_NEAREST)
    return Image.fromarray(big).convert("L")


def _font(size: int, style: str = "Regular") -> Font:
    dstyle = "-Bold" if style == "Bold" else ""
    wstyle = "bd" if style == "Bold" else ""
    for pattern in FONT_FILES:
        path = Path(pattern.format(style=style, dstyle=dstyle, wstyle=wstyle))
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)
