"""Orientation detection on synthetic pages: which way up the content lies."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from app.imaging.deskew import estimate_skew
from app.imaging.orientation import detect_orientation, detect_orientation_scored, measure_orientation
from app.imaging.paper import find_paper
from app.imaging.rectify import rectify, rotate_orientation
from tests.unit.imaging.test_geometry_synthetic import BODY, blank_page, place, text_page

TURNS = [0, 90, 180, 270]


def turned(page: np.ndarray, orientation: int) -> np.ndarray:
    """``page`` with its content turned clockwise by ``orientation`` degrees."""
    return np.ascontiguousarray(np.rot90(page, -orientation // 90))


def full_text_page() -> np.ndarray:
    """Body text from top to bottom, so the page layout says nothing about which side is up."""
    page = np.full((1754, 1240), 236, np.uint8)
    for k in range(34):
        text = BODY[k % len(BODY)]
        cv2.putText(page, text, (110, 130 + 45 * k), cv2.FONT_HERSHEY_SIMPLEX, 0.75, 30, 2, cv2.LINE_AA)
    return page


@pytest.mark.parametrize("orientation", TURNS)
def test_each_quarter_turn_of_a_document_is_recognised(orientation: int) -> None:
    found, confidence = detect_orientation_scored(turned(text_page(), orientation))
    assert found == orientation
    assert confidence > 0.5


@pytest.mark.parametrize("orientation", TURNS)
def test_letter_shapes_decide_when_text_fills_the_page(orientation: int) -> None:
    page = turned(full_text_page(), orientation)
    evidence = measure_orientation(page)
    assert evidence is not None and abs(evidence.centroid - 0.5) < 0.05  # layout is no help here
    assert detect_orientation(page) == orientation


@pytest.mark.parametrize("orientation", [90, 180])
def test_sparse_last_page_is_recognised_from_its_layout(orientation: int) -> None:
    assert detect_orientation(turned(text_page(lines=2), orientation)) == orientation


@pytest.mark.parametrize(("orientation", "skew"), [(0, -2.5), (90, 1.5), (180, 3.8), (270, -0.6)])
def test_skewed_turned_scan_comes_out_upright(orientation: int, skew: float) -> None:
    page = text_page()
    scan = place(turned(page, orientation), skew, background=45)
    quad = find_paper(scan.image)
    flat = rectify(scan.image, quad, estimate_skew(scan.image, quad))
    found = detect_orientation(flat)
    assert found == orientation
    upright = rotate_orientation(flat, found)
    assert abs(upright.shape[0] - page.shape[0]) <= 6 and abs(upright.shape[1] - page.shape[1]) <= 6
    title = upright[260:320, 440:800]  # where text_page prints its title
    assert (title < 128).mean() > 0.1


def test_blank_page_has_no_orientation_and_no_confidence() -> None:
    assert detect_orientation_scored(blank_page()) == (0, 0.0)


def test_colour_page_is_accepted() -> None:
    colour = cv2.cvtColor(turned(text_page(), 270), cv2.COLOR_GRAY2BGR)
    assert detect_orientation(colour) == 270
