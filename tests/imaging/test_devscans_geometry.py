"""Page geometry on a handful of the shared dev scans (skipped when the data set is not there)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest

from app.imaging.deskew import estimate_skew
from app.imaging.orientation import detect_orientation
from app.imaging.paper import find_paper
from app.imaging.pyramid import halve, to_gray
from app.imaging.rectify import rectify
from tests.unit.imaging.test_geometry_synthetic import quad_iou

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "dev-scans"
PAGES = [
    "batch_01/0009.jpg",  # upside down, grey glass
    "batch_02/0014.jpg",  # turned 90 degrees, colour
    "batch_01/0004.jpg",  # A5 sheet on an A4 glass
    "batch_03/0001.jpg",  # 200 dpi
    "batch_01/0015.jpg",  # last page: only the signature block
    "batch_01/0010.jpg",  # separator sheet
    "batch_01/0005.jpg",  # blank back page
]

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="dev scans not available")


def _truth() -> dict[str, dict[str, Any]]:
    records = (json.loads(line) for line in (DATA / "pages.jsonl").read_text().splitlines() if line)
    return {rec["file"]: rec for rec in records}


@pytest.fixture(scope="module")
def truth() -> dict[str, dict[str, Any]]:
    return _truth()


@pytest.mark.parametrize("name", PAGES)
def test_dev_scan_geometry_matches_the_ground_truth(name: str, truth: dict[str, dict[str, Any]]) -> None:
    rec = truth[name]
    image = cv2.imread(str(DATA / name), cv2.IMREAD_UNCHANGED)
    assert image is not None
    quad = find_paper(image)
    assert quad_iou(quad, np.array(rec["page_quad"]), image.shape) > 0.98
    skew = estimate_skew(image, quad)
    if rec["is_blank"] or rec["is_separator"]:
        return
    assert abs(skew - rec["skew_deg"]) < 0.5
    flat = rectify(halve(to_gray(image)), (quad + 0.5) / 2 - 0.5, skew)
    assert detect_orientation(flat) == rec["orientation"]
