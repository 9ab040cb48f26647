"""Separator sheets: SEP QR codes and Kodak PATCH T bars, in any orientation, at 200 and 300 dpi."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from app.imaging.separator import PATCH_T, detect_codes, detect_separator


def blank_sheet(dpi: int) -> np.ndarray:
    mm = dpi / 25.4
    return np.full((round(297 * mm), round(210 * mm)), 238, np.uint8)


def draw_patch_t(page: np.ndarray, dpi: int, top_mm: float) -> None:
    """Bars narrow, wide, narrow, wide (2.03 / 5.08 mm) with 2 mm gaps, 70 mm long, centred."""
    mm = dpi / 25.4
    x0, x1 = round((105 - 35) * mm), round((105 + 35) * mm)
    y = top_mm
    for thickness in (2.03, 5.08, 2.03, 5.08):
        page[round(y * mm) : round((y + thickness) * mm), x0:x1] = 20
        y += thickness + 2.0


def draw_qr(page: np.ndarray, dpi: int, text: str, centre_mm: tuple[float, float], size_mm: float) -> None:
    mm = dpi / 25.4
    code = cv2.QRCodeEncoder.create().encode(text)
    side = round(size_mm * mm)
    code = cv2.resize(code, (side, side), interpolation=cv2.INTER_NEAREST)
    x, y = round(centre_mm[0] * mm - side / 2), round(centre_mm[1] * mm - side / 2)
    page[y : y + side, x : x + side] = np.where(code > 127, 238, 20)


def separator(dpi: int, qr_text: str | None) -> np.ndarray:
    page = blank_sheet(dpi)
    draw_patch_t(page, dpi, 15)
    draw_patch_t(page, dpi, 260)
    cv2.putText(page, "TO PHAN TACH", (round(page.shape[1] * 0.25), page.shape[0] // 5), 0, 3.0, 20, 8)
    if qr_text is not None:
        draw_qr(page, dpi, qr_text, (105, 140), 80)
    return page


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("turns", [0, 1, 2, 3])
def test_patch_t_sheet_without_qr_in_every_orientation(dpi: int, turns: int) -> None:
    page = np.ascontiguousarray(np.rot90(separator(dpi, None), turns))
    assert detect_separator(page, dpi) == PATCH_T


@pytest.mark.parametrize("turns", [0, 1, 2])
def test_qr_payload_wins_over_patch_bars(turns: int) -> None:
    page = np.ascontiguousarray(np.rot90(separator(300, "SEP"), turns))
    assert detect_separator(page, 300) == "SEP"


def test_typed_cover_sheet_qr_without_bars_returns_its_payload() -> None:
    page = blank_sheet(300)
    draw_qr(page, 300, "SEP:khai_sinh", (105, 120), 50)
    assert detect_separator(page, 300) == "SEP:khai_sinh"


def test_skewed_separator_on_a_dark_scanner_bed() -> None:
    sheet = separator(200, None)
    bed = np.full((sheet.shape[0] + 200, sheet.shape[1] + 200), 45, np.uint8)
    bed[100:-100, 100:-100] = sheet
    matrix = cv2.getRotationMatrix2D((bed.shape[1] / 2, bed.shape[0] / 2), 3.5, 1.0)
    rotated = cv2.warpAffine(bed, matrix, (bed.shape[1], bed.shape[0]), borderValue=45)
    assert detect_separator(rotated, 200) == PATCH_T


def test_document_qr_code_does_not_make_a_separator() -> None:
    page = blank_sheet(300)
    for i in range(12):
        cv2.putText(page, "GIAY CHUNG NHAN DANG KY HO KINH DOANH", (250, 600 + 120 * i), 0, 2.0, 20, 4)
    draw_qr(page, 300, "https://dangkykinhdoanh.gov.vn/01H8012345", (170, 40), 30)
    assert detect_separator(page, 300) is None
    assert detect_codes(page, 300) == (None, ("https://dangkykinhdoanh.gov.vn/01H8012345",))


def test_ordinary_text_page_with_thick_rules_is_not_a_separator() -> None:
    page = blank_sheet(300)
    for i in range(4):  # equal-width thick rules do not alternate narrow/wide
        page[400 + i * 70 : 430 + i * 70, 600:1800] = 20
    for i in range(20):
        cv2.putText(page, "Dieu 2. Quyet dinh nay co hieu luc", (300, 900 + 110 * i), 0, 2.0, 20, 5)
    assert detect_separator(page, 300) is None
