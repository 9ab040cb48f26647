"""Blank-page detection on synthetic pages: texture, show-through, holes and page numbers vs content."""

from __future__ import annotations

import cv2
import numpy as np

from app.imaging.blank import is_blank

DPI = 200
MM = DPI / 25.4


def paper(seed: int = 0, tone: int = 236, noise: float = 4.0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    height, width = round(297 * MM), round(210 * MM)
    texture = cv2.GaussianBlur(rng.normal(0, 6, (height // 8, width // 8)).astype(np.float32), (0, 0), 2)
    page = tone + cv2.resize(texture, (width, height)) + rng.normal(0, noise, (height, width))
    return np.clip(page, 0, 255).astype(np.uint8)


def text_page(lines: int, seed: int = 1, top_mm: float = 40.0) -> np.ndarray:
    page = paper(seed)
    for i in range(lines):
        y = round((top_mm + i * 8) * MM)
        cv2.putText(page, "Dieu 1. Cong nhan ong Nguyen Van A", (round(30 * MM), y), 0, 1.2, 30, 2)
    return page


def test_plain_paper_with_noise_is_blank() -> None:
    assert is_blank(paper(noise=8.0), DPI)


def test_yellowed_colour_paper_with_stain_is_blank() -> None:
    gray = paper(3, tone=215)
    cv2.circle(gray, (600, 900), 180, 200, -1)
    bgr = cv2.merge([(gray * 0.85).astype(np.uint8), (gray * 0.95).astype(np.uint8), gray])
    assert is_blank(cv2.GaussianBlur(bgr, (0, 0), 8), DPI)


def test_faint_mirrored_show_through_is_blank() -> None:
    front = text_page(25)
    show = cv2.GaussianBlur(cv2.flip(front, 1), (0, 0), 2.0).astype(np.float32)
    back = paper(4).astype(np.float32) * (1 - 0.25 * (1 - show / 236.0))
    assert is_blank(np.clip(back, 0, 255).astype(np.uint8), DPI)


def test_punch_holes_fold_and_lone_page_number_are_blank() -> None:
    page = paper(5)
    for y_mm in (120, 200):
        cv2.circle(page, (round(12 * MM), round(y_mm * MM)), round(3 * MM), 40, -1)
    cv2.line(page, (0, page.shape[0] // 2), (page.shape[1], page.shape[0] // 2), 215, 3)
    cv2.putText(page, "2", (page.shape[1] // 2, round(15 * MM)), 0, 1.0, 30, 2)
    assert is_blank(page, DPI)


def test_scanner_shadow_in_the_margin_is_blank() -> None:
    page = paper(6)
    page[:, :25] = 40
    page[-20:, :] = 60
    assert is_blank(page, DPI)


def test_short_continuation_page_is_not_blank() -> None:
    page = text_page(3, top_mm=30)
    cv2.putText(page, "Nguyen Van B", (round(120 * MM), round(90 * MM)), 0, 1.2, 30, 2)
    assert not is_blank(page, DPI)


def test_seal_and_signature_alone_are_not_blank() -> None:
    page = paper(7)
    centre = (round(120 * MM), round(150 * MM))
    cv2.circle(page, centre, round(18 * MM), 90, 6)
    cv2.circle(page, centre, round(13 * MM), 90, 3)
    pts = np.array([[900, 1200], [960, 1150], [1010, 1230], [1080, 1160], [1150, 1210]], np.int32)
    cv2.polylines(page, [pts], False, 20, 3)
    assert not is_blank(page, DPI)


def test_low_contrast_washed_out_text_page_is_not_blank() -> None:
    washed = (text_page(20).astype(np.float32) * 0.35 + 165).astype(np.uint8)
    assert not is_blank(washed, DPI)


def test_whole_scan_with_dark_background_is_judged_by_the_sheet() -> None:
    bed = np.full((round(320 * MM), round(230 * MM)), 50, np.uint8)
    sheet = paper(8)
    bed[40 : 40 + sheet.shape[0], 60 : 60 + sheet.shape[1]] = sheet
    assert is_blank(bed, DPI)
    content = text_page(10)
    bed[40 : 40 + sheet.shape[0], 60 : 60 + sheet.shape[1]] = content
    assert not is_blank(bed, DPI)
