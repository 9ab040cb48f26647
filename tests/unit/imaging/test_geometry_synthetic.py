"""Synthetic scans for the page-geometry tests, and the tests of finding the paper on the glass."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import pytest

from app.imaging.paper import find_paper

BODY = [
    "Xet de nghi cua ong Nguyen Van Binh ve viec cap giay phep",
    "xay dung nha o rieng le tai thon Dong, xa Kim Son;",
    "Can cu Luat Xay dung ngay 18 thang 6 nam 2014 va cac quy dinh",
    "hien hanh; theo de nghi cua Truong phong Kinh te - Ha tang,",
    "Dieu 1. Cap giay phep xay dung cho ho gia dinh tai dia chi",
    "so 12, ngo 45, thon Dong; dien tich xay dung 85 m2, 3 tang;",
    "Dieu 2. Chu dau tu co trach nhiem thuc hien dung giay phep,",
    "quy hoach va cac quy dinh ve an toan, ve sinh moi truong.",
    "Dieu 3. Quyet dinh co hieu luc ke tu ngay ky; cac ong ba",
    "Chanh van phong, Truong phong va ho gia dinh chiu trach nhiem.",
]


@dataclass(frozen=True)
class Scan:
    """A synthetic scan and the truth about it."""

    image: np.ndarray
    quad: np.ndarray  # paper corners TL, TR, BR, BL as seen in the image
    skew: float


def text_page(width: int = 1240, height: int = 1754, *, lines: int = len(BODY)) -> np.ndarray:
    """A grey A4-like page at about 150 dpi: two header blocks, a title, body text and a seal."""
    page = np.full((height, width), 236, np.uint8)
    font, ink = cv2.FONT_HERSHEY_SIMPLEX, 30
    cv2.putText(page, "UY BAN NHAN DAN", (110, 150), font, 0.8, ink, 2, cv2.LINE_AA)
    cv2.putText(page, "XA KIM SON", (170, 185), font, 0.8, ink, 2, cv2.LINE_AA)
    cv2.putText(page, "Doc lap - Tu do - Hanh phuc", (680, 150), font, 0.8, ink, 2, cv2.LINE_AA)
    cv2.putText(page, "QUYET DINH", (470, 300), font, 1.3, ink, 3, cv2.LINE_AA)
    for k, text in enumerate(BODY[:lines]):
        cv2.putText(page, text, (110, 390 + 44 * k), font, 0.75, ink, 2, cv2.LINE_AA)
    if lines:
        cv2.circle(page, (900, 1250), 110, 90, 6)
        cv2.putText(page, "Nguyen Van An", (800, 1420), font, 0.8, ink, 2, cv2.LINE_AA)
    return page


def blank_page(width: int = 1240, height: int = 1754) -> np.ndarray:
    rng = np.random.default_rng(5)
    return np.clip(rng.normal(236, 2.0, (height, width)), 0, 255).astype(np.uint8)


def place(
    page: np.ndarray,
    skew: float = 0.0,
    *,
    background: int = 40,
    margin: int = 90,
    offset: tuple[int, int] = (0, 0),
    shadow: float = 0.0,
) -> Scan:
    """Lay ``page`` on a scanner glass of ``background`` tone, rotated ``skew`` degrees CCW.

    ``shadow`` darkens the glass next to the sheet by that share, fading over a few millimetres.
    """
    h, w = page.shape[:2]
    glass_h, glass_w = h + 2 * margin, w + 2 * margin
    canvas = np.full((glass_h, glass_w), background, np.uint8)
    x0, y0 = margin + offset[0], margin + offset[1]
    canvas[y0 : y0 + h, x0 : x0 + w] = page
    turn = cv2.getRotationMatrix2D((glass_w / 2.0, glass_h / 2.0), skew, 1.0)
    image = cv2.warpAffine(canvas, turn, (glass_w, glass_h), borderValue=background).astype(float)
    if shadow:
        sheet = np.zeros((glass_h, glass_w), np.uint8)
        sheet[y0 : y0 + h, x0 : x0 + w] = 1
        sheet = cv2.warpAffine(sheet, turn, (glass_w, glass_h), flags=cv2.INTER_NEAREST)
        distance = cv2.distanceTransform(1 - sheet, cv2.DIST_L2, 3)
        image = np.where(sheet > 0, image, image * (1 - shadow * np.exp(-distance / 25.0)))
    noise = np.random.default_rng(9).normal(0, 2.0, image.shape)
    image = np.clip(image + noise, 0, 255).astype(np.uint8)
    corners = np.array([[x0, y0], [x0 + w - 1, y0], [x0 + w - 1, y0 + h - 1], [x0, y0 + h - 1]], float)
    quad = (turn @ np.c_[corners, np.ones(4)].T).T
    return Scan(image, quad.astype(np.float32), skew)


def quad_iou(a: np.ndarray, b: np.ndarray, shape: tuple[int, ...]) -> float:
    """Intersection over union of two quads, by rasterising them."""
    masks = []
    for quad in (a, b):
        mask = np.zeros(shape[:2], np.uint8)
        cv2.fillConvexPoly(mask, np.round(quad).astype(np.int32), 1)
        masks.append(mask.astype(bool))
    return float((masks[0] & masks[1]).sum() / (masks[0] | masks[1]).sum())


@pytest.mark.parametrize(("skew", "background"), [(0.0, 40), (3.5, 40), (-4.0, 130), (1.2, 200)])
def test_paper_is_found_on_dark_grey_and_light_glass(skew: float, background: int) -> None:
    scan = place(text_page(), skew, background=background)
    found = find_paper(scan.image)
    assert found.shape == (4, 2) and found.dtype == np.float32
    assert quad_iou(found, scan.quad, scan.image.shape) > 0.985
    assert np.abs(found - scan.quad).max() < 6


@pytest.mark.parametrize("background", [235, 250])
def test_paper_on_a_white_lid_is_found_by_its_shadow(background: int) -> None:
    scan = place(text_page(), 1.5, background=background, shadow=0.3)
    assert quad_iou(find_paper(scan.image), scan.quad, scan.image.shape) > 0.985


def test_bars_and_rules_on_a_sheet_filling_the_scan_are_not_taken_for_edges() -> None:
    page = text_page()
    page[40:70, 300:900] = 20  # a thick bar near the top, like a separator's patch code
    page[600:630, 30:60] = 20  # a punch-hole-like blot near the left edge
    page[1000:1003, :] = 150  # a grey fold line across the whole sheet
    h, w = page.shape
    assert find_paper(page).tolist() == [[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]]


def test_corners_come_in_image_order_top_left_first() -> None:
    scan = place(text_page(), -3.0, background=60)
    tl, tr, br, bl = find_paper(scan.image)
    assert tl[0] < tr[0] and bl[0] < br[0]
    assert tl[1] < bl[1] and tr[1] < br[1]


def test_small_sheet_anywhere_on_the_glass_is_cropped_to_the_sheet() -> None:
    a5 = text_page(874, 1240, lines=5)
    scan = place(a5, 2.0, background=50, margin=400, offset=(-250, -300))
    assert quad_iou(find_paper(scan.image), scan.quad, scan.image.shape) > 0.98


def test_sheet_touching_two_borders_keeps_the_borders_as_edges() -> None:
    scan = place(text_page(), 0.0, background=40, margin=60, offset=(-60, -60))
    found = find_paper(scan.image)
    assert quad_iou(found, scan.quad, scan.image.shape) > 0.985
    assert found[0].tolist() == pytest.approx([0.0, 0.0], abs=1.0)


def test_paper_filling_the_scan_gives_the_whole_image() -> None:
    image = text_page()
    found = find_paper(image)
    h, w = image.shape
    assert found.tolist() == [[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]]


def test_colour_scan_is_handled_like_grey() -> None:
    scan = place(text_page(), 2.5, background=70)
    colour = cv2.cvtColor(scan.image, cv2.COLOR_GRAY2BGR)
    assert np.allclose(find_paper(colour), find_paper(scan.image), atol=0.01)
