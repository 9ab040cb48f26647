"""The page strip shows each page as cleanup left it: upright, cropped to the paper, deskewed."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from app.imaging.analyzer import analyze_page, cleaned_thumbnail, thumbnail
from app.workers import cleaned_page_image

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "dev-scans"

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="dev scans not available")


def _gray(jpeg: bytes) -> np.ndarray:
    image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_GRAYSCALE)
    assert image is not None
    return image


def _likeness(small: np.ndarray, reference: np.ndarray) -> float:
    """Correlation of two pictures of a page brought to the same size."""
    reference = cv2.resize(reference, (small.shape[1], small.shape[0]), interpolation=cv2.INTER_AREA)
    a, b = small.astype(np.float64).ravel(), reference.astype(np.float64).ravel()
    return float(np.corrcoef(a, b)[0, 1])


@pytest.mark.parametrize("name", ["batch_02/0014.jpg", "batch_01/0009.jpg"])  # turned 90°, upside down
def test_thumbnail_of_an_analysed_page_matches_the_cleaned_page(name: str) -> None:
    data = (DATA / name).read_bytes()
    findings = analyze_page(data)
    assert findings.orientation != 0
    cleaned = _gray(cleaned_page_image(data, findings))  # what the preview and the PDF show
    small = _gray(cleaned_thumbnail(data, findings))
    raw = _gray(thumbnail(data))
    assert max(small.shape) <= 320
    assert (small.shape[0] > small.shape[1]) == (cleaned.shape[0] > cleaned.shape[1])
    assert abs(small.shape[1] / small.shape[0] - cleaned.shape[1] / cleaned.shape[0]) < 0.03
    assert _likeness(small, cleaned) > 0.85
    if (raw.shape[0] > raw.shape[1]) == (cleaned.shape[0] > cleaned.shape[1]):  # upside down: same shape
        assert _likeness(raw, cleaned) < _likeness(small, cleaned) - 0.2  # the raw scan is not upright
    else:  # turned 90°: the raw scan lies on its side
        assert (raw.shape[0] > raw.shape[1]) != (small.shape[0] > small.shape[1])


def test_thumbnail_of_a_page_not_analysed_yet_is_the_scan() -> None:
    data = (DATA / "batch_02/0014.jpg").read_bytes()
    assert cleaned_thumbnail(data, None) == thumbnail(data)
