"""Render invented sample pages (documents, a separator, a blank back) for the demo's simulated feeder.

Everything here is made up: names and numbers are fictitious. Pages are rendered at 200 dpi on a grey
scanner bed with a small skew, like a real feeder scan, and written as JPEG with their dpi.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

log = logging.getLogger(__name__)

DPI = 200
A4_PX = (round(210 / 25.4 * DPI), round(297 / 25.4 * DPI))
VERSION = "3"
_BUNDLED = str(Path(__file__).resolve().parents[2] / "resources" / "fonts")  # installed builds ship fonts
_FONT_CANDIDATES = (
    _BUNDLED + "/NotoSerif-{style}.ttf",
    _BUNDLED + "/DejaVuSerif{dstyle}.ttf",
    "/usr/share/fonts/truetype/noto/NotoSerif-{style}.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif{dstyle}.ttf",
    "C:/Windows/Fonts/times{wstyle}.ttf",
)
_STYLES = {"Regular": ("", ""), "Bold": ("-Bold", "bd"), "Italic": ("-Italic", "i")}

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def _font(size: int, style: str = "Regular") -> Font:
    dstyle, wstyle = _STYLES[style]
    for pattern in _FONT_CANDIDATES:
        path = Path(pattern.format(style=style, dstyle=dstyle, wstyle=wstyle))
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def _pt(points: float) -> int:
    return round(points / 72 * DPI)


class _Sheet:
    """A blank A4 sheet with a writing cursor; positions in millimetres from the top-left corner."""

    def __init__(self) -> None:
        self.image = Image.new("RGB", A4_PX, (246, 244, 236))
        self.draw = ImageDraw.Draw(self.image)

    def text(
        self,
        x_mm: float,
        y_mm: float,
        s: str,
        size: float = 13,
        style: str = "Regular",
        anchor: str = "la",
        fill: tuple[int, int, int] = (30, 30, 35),
    ) -> None:
        xy = (x_mm / 25.4 * DPI, y_mm / 25.4 * DPI)
        self.draw.text(xy, s, font=_font(_pt(size), style), fill=fill, anchor=anchor)

    def header(self, agency_top: str, agency: str, number: str, date_line: str) -> None:
        self.text(52, 18, agency_top, 12, anchor="ma")
        self.text(52, 24, agency, 12, "Bold", anchor="ma")
        self.text(52, 33, number, 12, anchor="ma")
        self.text(145, 18, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, "Bold", anchor="ma")
        self.text(145, 24, "Độc lập - Tự do - Hạnh phúc", 13, "Bold", anchor="ma")
        self.text(145, 34, date_line, 13, "Italic", anchor="ma")

    def seal(self, x_mm: float, y_mm: float) -> None:
        cx, cy, r = x_mm / 25.4 * DPI, y_mm / 25.4 * DPI, 17 / 25.4 * DPI
        red = (200, 40, 45)
        self.draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=6)
        self.draw.ellipse((cx - r * 0.62, cy - r * 0.62, cx + r * 0.62, cy + r * 0.62), outline=red, width=4)
        self.draw.regular_polygon((cx, cy, r * 0.4), 5, fill=red)


def _birth_certificate() -> Image.Image:
    s = _Sheet()
    s.header("UBND HUYỆN GIA LÂM", "UBND XÃ ĐA TỐN", "Số: 118", "Đa Tốn, ngày 14 tháng 03 năm 2019")
    s.text(18, 40, "Quyển số: 01/2019", 12)
    s.text(105, 52, "GIẤY KHAI SINH", 18, "Bold", anchor="ma")
    rows = [
        "Họ, chữ đệm, tên: NGUYỄN MINH KHÔI",
        "Ngày, tháng, năm sinh: 02/03/2019",
        "Ghi bằng chữ: Ngày hai, tháng ba, năm hai nghìn mười chín",
        "Giới tính: Nam   Dân tộc: Kinh   Quốc tịch: Việt Nam",
        "Nơi sinh: Bệnh viện Đa khoa Gia Lâm, thành phố Hà Nội",
        "Quê quán: xã Đa Tốn, huyện Gia Lâm, thành phố Hà Nội",
        "Số định danh cá nhân: 001219012345",
        "Họ, chữ đệm, tên người mẹ: TRẦN THỊ HẠNH   Năm sinh: 1992",
        "Nơi cư trú: thôn Ngọc Động, xã Đa Tốn, huyện Gia Lâm, thành phố Hà Nội",
        "Họ, chữ đệm, tên người cha: NGUYỄN VĂN TÙNG   Năm sinh: 1990",
        "Nơi cư trú: thôn Ngọc Động, xã Đa Tốn, huyện Gia Lâm, thành phố Hà Nội",
    ]
    for i, row in enumerate(rows):
        s.text(22, 66 + i * 10, row, 12.5)
    s.text(150, 190, "TM. ỦY BAN NHÂN DÂN", 12, "Bold", anchor="ma")
    s.text(150, 196, "CHỦ TỊCH", 12, "Bold", anchor="ma")
    s.seal(138, 216)
    s.text(150, 240, "Lê Văn Thành", 13, "Bold", anchor="ma")
    return s.image


def _decision(page: int) -> Image.Image:
    s = _Sheet()
    if page == 1:
        s.header(
            "UBND HUYỆN GIA LÂM",
            "ỦY BAN NHÂN DÂN XÃ ĐA TỐN",
            "Số: 25/QĐ-UBND",
            "Đa Tốn, ngày 05 tháng 06 năm 2021",
        )
        s.text(105, 50, "QUYẾT ĐỊNH", 15, "Bold", anchor="ma")
        s.text(
            105, 57, "Về việc công nhận Trưởng thôn Ngọc Động nhiệm kỳ 2021 - 2023", 13, "Bold", anchor="ma"
        )
        s.text(105, 68, "ỦY BAN NHÂN DÂN XÃ ĐA TỐN", 13, "Bold", anchor="ma")
        body = [
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            "Căn cứ kết quả bầu cử Trưởng thôn ngày 28 tháng 5 năm 2021;",
            "Xét đề nghị của công chức Văn phòng - Thống kê xã,",
        ]
        for i, line in enumerate(body):
            s.text(25, 80 + i * 8, line, 13, "Italic")
        s.text(105, 110, "QUYẾT ĐỊNH:", 13, "Bold", anchor="ma")
        s.text(25, 122, "Điều 1. Công nhận ông Phạm Quốc Bảo, sinh năm 1975, là Trưởng thôn", 13)
        s.text(25, 130, "Ngọc Động nhiệm kỳ 2021 - 2023.", 13)
        s.text(25, 142, "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", 13)
    else:
        s.text(105, 12, "2", 12, anchor="ma")
        s.text(25, 30, "Điều 3. Văn phòng UBND xã, thôn Ngọc Động và ông Phạm Quốc Bảo", 13)
        s.text(25, 38, "chịu trách nhiệm thi hành Quyết định này./.", 13)
        s.text(25, 60, "Nơi nhận:", 11, "Bold")
        s.text(25, 66, "- Như Điều 3;", 10)
        s.text(25, 71, "- Lưu: VT.", 10)
        s.text(150, 60, "TM. ỦY BAN NHÂN DÂN", 12, "Bold", anchor="ma")
        s.text(150, 66, "CHỦ TỊCH", 12, "Bold", anchor="ma")
        s.seal(138, 86)
        s.text(150, 110, "Lê Văn Thành", 13, "Bold", anchor="ma")
    return s.image


def _separator() -> Image.Image:
    s = _Sheet()
    s.text(105, 120, "TỜ PHÂN TÁCH", 28, "Bold", anchor="ma")
    qr = cv2.QRCodeEncoder.create().encode("SEP")
    qr_img = Image.fromarray(
        cv2.resize(qr, (qr.shape[1] * 12, qr.shape[0] * 12), interpolation=cv2.INTER_NEAREST)
    ).convert("RGB")
    s.image.paste(qr_img, ((A4_PX[0] - qr_img.width) // 2, round(150 / 25.4 * DPI)))
    narrow, wide = 2.03 / 25.4 * DPI, 5.08 / 25.4 * DPI
    for top in (8.0, 297 - 8.0 - 25):
        x = 30 / 25.4 * DPI
        for width in (narrow, wide, narrow, wide):
            y0 = top / 25.4 * DPI
            s.draw.rectangle((x, y0, x + width, y0 + 25 / 25.4 * DPI), fill=(15, 15, 15))
            x += width + wide
    return s.image


def _blank() -> Image.Image:
    return _Sheet().image


def _on_scanner_bed(page: Image.Image, rng: random.Random) -> np.ndarray:
    """Place the sheet on a grey bed with a small skew and scanner noise, as a feeder scan looks."""
    sheet = np.asarray(page)[:, :, ::-1]
    h, w = sheet.shape[:2]
    bed = np.full((h + 160, w + 140, 3), 95, np.uint8)
    angle = rng.uniform(-1.5, 1.5)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    m[:, 2] += (70, 80)
    out = cv2.warpAffine(sheet, m, (bed.shape[1], bed.shape[0]), dst=bed, borderMode=cv2.BORDER_TRANSPARENT)
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 3, out.shape)
    noisy: np.ndarray = np.clip(out.astype(np.float32) + noise, 0, 255).astype(np.uint8)
    return noisy


_PAGES: tuple[Callable[[], Image.Image], ...] = (
    _separator,
    _birth_certificate,
    _blank,
    _separator,
    lambda: _decision(1),
    lambda: _decision(2),
)


def ensure_demo_pages(folder: Path) -> Path:
    """Create the demo feeder's pages in ``folder`` once; return the folder."""
    stamp = folder / f".demo-v{VERSION}"
    if stamp.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261127)  # noqa: S311 - reproducible demo pages, not security
    for i, render in enumerate(_PAGES, start=1):
        scan = _on_scanner_bed(render(), rng)
        rgb = Image.fromarray(scan[:, :, ::-1])
        rgb.save(folder / f"{i:04d}.jpg", quality=88, dpi=(DPI, DPI))
    stamp.write_text("demo pages\n", encoding="utf-8")
    log.info("demo pages written")
    return folder
