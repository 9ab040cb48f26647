"""Skew estimation, paper rectification and orientation undo on synthetic scans."""

from __future__ import annotations

import numpy as np
import pytest

from app.imaging.deskew import estimate_skew, quad_angle, text_skew
from app.imaging.paper import find_paper
from app.imaging.rectify import rectify, rotate_orientation
from tests.unit.imaging.test_geometry_synthetic import blank_page, place, text_page


@pytest.mark.parametrize("skew", [-4.6, -0.7, 0.0, 0.3, 2.5])
def test_skew_of_a_text_page_is_found_to_a_tenth_of_a_degree(skew: float) -> None:
    scan = place(text_page(), skew, background=50)
    assert estimate_skew(scan.image, find_paper(scan.image)) == pytest.approx(skew, abs=0.1)


def test_skew_without_paper_edges_comes_from_the_text_lines() -> None:
    scan = place(text_page(), 1.8, background=236, margin=0)  # paper fills the scan: no edges
    assert estimate_skew(scan.image) == pytest.approx(1.8, abs=0.1)


def test_skew_of_a_page_lying_sideways_is_the_small_angle() -> None:
    sideways = np.ascontiguousarray(np.rot90(text_page(), -1))
    scan = place(sideways, -2.2, background=40)
    found = text_skew(scan.image, find_paper(scan.image))
    assert found is not None and found.vertical
    assert estimate_skew(scan.image, find_paper(scan.image)) == pytest.approx(-2.2, abs=0.1)


def test_blank_page_takes_the_angle_of_its_paper_edges() -> None:
    scan = place(blank_page(), 3.1, background=40)
    assert text_skew(scan.image, scan.quad) is None
    assert estimate_skew(scan.image, find_paper(scan.image)) == pytest.approx(3.1, abs=0.1)


def test_blank_page_filling_the_scan_has_no_skew() -> None:
    assert estimate_skew(blank_page()) == 0.0


def test_quad_angle_ignores_edges_lying_on_the_image_border() -> None:
    # Left and top edges are the image border (sheet cut off there); right/bottom turned 2 deg CCW.
    t = np.tan(np.radians(2.0))
    br = [1000 + 1400 * t, 1400]
    quad = np.array([[0, 0], [1000, 0], br, [0, 1400 + br[0] * t]], np.float32)
    assert quad_angle(quad, 1001, 1500) == pytest.approx(2.0, abs=0.05)


def test_rectified_page_is_the_sheet_upright_and_straight() -> None:
    page = text_page()
    scan = place(page, -3.3, background=40)
    quad = find_paper(scan.image)
    flat = rectify(scan.image, quad, estimate_skew(scan.image, quad))
    assert abs(flat.shape[0] - page.shape[0]) <= 4 and abs(flat.shape[1] - page.shape[1]) <= 4
    assert (flat[:20] > 200).mean() > 0.97  # no background left along the top
    straight = text_skew(flat)
    assert straight is not None and abs(straight.angle) < 0.1


def test_rectify_removes_skew_the_paper_edges_do_not_show() -> None:
    scan = place(text_page(), 2.0, background=236, margin=0)
    h, w = scan.image.shape
    whole = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    flat = rectify(scan.image, whole, 2.0)
    straight = text_skew(flat)
    assert straight is not None and abs(straight.angle) < 0.1


@pytest.mark.parametrize("orientation", [0, 90, 180, 270])
def test_rotate_orientation_undoes_a_clockwise_turn(orientation: int) -> None:
    page = text_page(300, 400, lines=3)
    turned = np.rot90(page, -orientation // 90)  # clockwise by ``orientation``
    assert np.array_equal(rotate_orientation(turned, orientation), page)


def test_rotate_orientation_rejects_odd_angles() -> None:
    with pytest.raises(ValueError, match="orientation"):
        rotate_orientation(text_page(300, 400, lines=1), 45)
