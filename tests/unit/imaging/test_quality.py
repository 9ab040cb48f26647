"""Quality warnings on a synthetic 300 dpi text page: clean, dark, washed out, blurred, 150 dpi, cut off."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from app.core.models import QualityWarning as W
from app.imaging.quality import quality_warnings

DPI = 300
MM = DPI / 25.4


@pytest.fixture(scope="module")
def page() -> np.ndarray:
    rng = np.random.default_rng(2)
    height, width = round(297 * MM), round(210 * MM)
    img = np.full((height, width), 238, np.uint8)
    for i in range(30):
        y = round((35 + i * 8) * MM)
        cv2.putText(
            img, "Dieu 1. Cong nhan ho gia dinh van hoa", (round(30 * MM), y), 0, 1.6, 25, 3, cv2.LINE_AA
        )
    noisy = img.astype(np.float32) + rng.normal(0, 3, img.shape)
    return np.clip(noisy, 0, 255).astype(np.uint8)


def inside_quad(shape: tuple[int, ...], inset: int = 60) -> list[tuple[float, float]]:
    h, w = shape[:2]
    return [(inset, inset), (w - inset, inset), (w - inset, h - inset), (inset, h - inset)]


def warnings_for(
    img: np.ndarray, dpi: int | None = DPI, quad: list[tuple[float, float]] | None = None
) -> set[W]:
    scan_shape = (img.shape[0] + 120, img.shape[1] + 120)
    return set(quality_warnings(img, dpi, quad or inside_quad(scan_shape), scan_shape))


def test_clean_page_has_no_warning(page: np.ndarray) -> None:
    assert warnings_for(page) == set()


def test_darkened_scan_is_too_dark(page: np.ndarray) -> None:
    assert W.TOO_DARK in warnings_for((page * 0.45).astype(np.uint8))


def test_washed_out_scan_is_too_light(page: np.ndarray) -> None:
    assert W.TOO_LIGHT in warnings_for((page * 0.35 + 165).astype(np.uint8))


def test_flat_grey_scan_is_low_contrast(page: np.ndarray) -> None:
    assert W.LOW_CONTRAST in warnings_for((page * 0.3 + 110).astype(np.uint8))


def test_out_of_focus_scan_is_blurred(page: np.ndarray) -> None:
    blurred = cv2.GaussianBlur(page, (0, 0), 2.0)
    found = warnings_for(blurred)
    assert W.BLURRED in found
    assert W.TOO_LIGHT not in found


def test_150_dpi_scan_is_low_dpi(page: np.ndarray) -> None:
    small = cv2.resize(page, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    assert W.LOW_DPI in warnings_for(small, dpi=150)


def test_unknown_dpi_is_estimated_from_the_paper_size(page: np.ndarray) -> None:
    assert W.LOW_DPI not in warnings_for(page, dpi=None)
    small = cv2.resize(page, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    assert W.LOW_DPI in warnings_for(small, dpi=None)


def test_paper_running_off_the_scan_is_cut_off(page: np.ndarray) -> None:
    shape = (page.shape[0] + 120, page.shape[1] + 120)
    quad = [
        (-40.0, 60.0),
        (shape[1] - 60.0, 60.0),
        (shape[1] - 60.0, shape[0] - 60.0),
        (0.0, shape[0] - 60.0),
    ]
    assert W.CUT_OFF in set(quality_warnings(page, DPI, quad, shape))


def test_blank_page_gets_no_contrast_warning() -> None:
    blank = np.full((round(297 * MM), round(210 * MM)), 236, np.uint8)
    assert warnings_for(blank) == set()
