"""Real Tesseract on small rendered Vietnamese pages: words, NFC, header block order, leaders."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.core.ocr_types import OcrPage
from app.ocr.engine import recognize_page

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # has the Vietnamese glyphs
REGULAR = FONT_DIR / "DejaVuSerif.ttf"
BOLD = FONT_DIR / "DejaVuSerif-Bold.ttf"
DPI = 300

pytestmark = [
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed"),
    pytest.mark.skipif(not REGULAR.exists(), reason="DejaVu fonts not installed"),
]

Line = tuple[int, int, str, Path]  # x, y, text, font


def render(
    lines: list[Line], size: tuple[int, int] = (2480, 1000), dots: tuple[tuple[int, int, int], ...] = ()
) -> np.ndarray:
    """A gray page with the lines drawn at 13 pt, 300 dpi; ``dots`` are leaders (x0, x1, baseline)."""
    page = Image.new("L", size, 235)  # slightly yellowed paper
    draw = ImageDraw.Draw(page)
    for x, y, text, font in lines:
        draw.text((x, y), text, font=ImageFont.truetype(str(font), 46), fill=30)
    for x0, x1, base in dots:
        for x in range(x0, x1, 19):
            draw.ellipse((x, base - 6, x + 5, base - 1), fill=40)
    return np.asarray(page)


@pytest.fixture(scope="module")
def header_page() -> OcrPage:
    lines: list[Line] = [
        (200, 150, "ỦY BAN NHÂN DÂN", BOLD),
        (250, 220, "XÃ ĐA TỐN", BOLD),
        (330, 360, "Số: 125", REGULAR),
        (1250, 150, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", BOLD),
        (1420, 220, "Độc lập - Tự do - Hạnh phúc", BOLD),
        (200, 600, "Họ và tên: Nguyễn Thị Hường", REGULAR),
        (200, 680, "Nơi cư trú: Thôn Kim Quy, xã Đa Tốn, huyện Gia Lâm", REGULAR),
    ]
    return recognize_page(render(lines, dots=((900, 2200, 650),)), DPI)


def test_recognises_vietnamese_words_in_nfc(header_page: OcrPage) -> None:
    words = [w.strip(",.;:") for w in header_page.text.split()]
    for expected in ("Nguyễn", "Hường", "Tốn", "huyện", "Lâm", "CỘNG", "HÒA"):
        assert expected in words
    assert header_page.text == unicodedata.normalize("NFC", header_page.text)
    assert all(w.text == unicodedata.normalize("NFC", w.text) for w in header_page.words)


def test_header_left_block_is_read_before_the_right_block(header_page: OcrPage) -> None:
    lines = header_page.text.split("\n")
    assert lines[0] == "ỦY BAN NHÂN DÂN"
    order = [
        next(i for i, line in enumerate(lines) if key in line)
        for key in ("XÃ ĐA", "Số:", "CỘNG", "Độc lập", "Họ và")
    ]
    assert order == sorted(order), lines


def test_dotted_leader_is_not_read_as_text(header_page: OcrPage) -> None:
    name_line = next(line for line in header_page.text.split("\n") if line.startswith("Họ và tên"))
    assert name_line == "Họ và tên: Nguyễn Thị Hường"


def test_word_boxes_lie_on_the_drawn_words(header_page: OcrPage) -> None:
    word = next(w for w in header_page.words if w.text == "Hường")
    x0, y0, x1, y1 = word.box
    assert 200 < x0 < x1 < 1200 and 590 < y0 < y1 < 680
    assert 0 <= word.conf <= 100
    assert (header_page.width, header_page.height, header_page.dpi) == (2480, 1000, DPI)


def test_page_number_at_top_centre_is_the_first_line() -> None:
    lines: list[Line] = [
        (1225, 110, "2", REGULAR),
        (200, 300, "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", REGULAR),
        (200, 380, "Điều 3. Văn phòng Ủy ban nhân dân xã chịu trách nhiệm thi hành.", REGULAR),
    ]
    page = recognize_page(render(lines, size=(2480, 1600)), DPI)
    assert page.text.split("\n")[0] == "2"
    assert "hiệu lực" in page.text


def test_blank_page_gives_empty_text() -> None:
    page = recognize_page(np.full((800, 600), 240, np.uint8), DPI)
    assert page.text == ""
    assert page.words == ()


def test_colour_image_is_refused() -> None:
    with pytest.raises(ValueError):
        recognize_page(np.zeros((10, 10, 3), np.uint8), DPI)


DEV_SCANS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "dev-scans"
DEV_PAGE = "batch_01/0001.jpg"  # death certificate: dotted leaders, red seal, signature


@pytest.mark.skipif(not (DEV_SCANS / DEV_PAGE).exists(), reason="dev scans not available")
def test_dev_page_reads_its_printed_lines_in_order() -> None:
    import json

    from app.imaging.analyzer import analyze

    truth = next(
        json.loads(line)
        for line in (DEV_SCANS / "pages.jsonl").read_text(encoding="utf-8").splitlines()
        if json.loads(line)["file"] == DEV_PAGE
    )
    analysis = analyze((DEV_SCANS / DEV_PAGE).read_bytes())
    page = recognize_page(analysis.cleaned, analysis.findings.dpi)
    got = page.text.split("\n")
    expected = truth["text"].split("\n")
    assert got[:4] == expected[:4]  # the agency block (with Số, Quyển số) before the motto
    matched = sum(1 for line in expected if line in got)
    assert matched >= 0.85 * len(expected)
    assert ".." not in page.text


def test_tesseract_cli_fallback_reads_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ocr import backend

    monkeypatch.setattr(backend, "_api", False)  # as if tesserocr were not installed
    lines: list[Line] = [(200, 150, "Họ và tên: Nguyễn Thị Hường", REGULAR)]
    page = recognize_page(render(lines, size=(2480, 400)), DPI)
    assert page.engine == "tesseract-cli"
    assert page.text == "Họ và tên: Nguyễn Thị Hường"
