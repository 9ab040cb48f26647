"""Blank, separator, colour and quality checks against the dev scans' ground truth (skipped if absent)."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from app.imaging.blank import is_blank
from app.imaging.color import is_color_page
from app.imaging.decode import decode_image
from app.imaging.quality import quality_warnings
from app.imaging.separator import detect_separator

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "dev-scans"
pytestmark = pytest.mark.skipif(not (DEV / "pages.jsonl").exists(), reason="dev scans not present")


def records() -> list[dict]:
    if not (DEV / "pages.jsonl").exists():
        return []
    return [json.loads(line) for line in (DEV / "pages.jsonl").read_text(encoding="utf-8").splitlines()]


def crop_to_quad(image: np.ndarray, quad: list[list[float]]) -> np.ndarray:
    """The sheet warped upright onto a rectangle, as the ground-truth quad gives it."""
    src = np.array(quad, np.float32)
    width = round(float(np.linalg.norm(src[1] - src[0])))
    height = round(float(np.linalg.norm(src[3] - src[0])))
    dst = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    return cv2.warpPerspective(image, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE)


@pytest.mark.parametrize("record", records(), ids=lambda r: r["file"])
def test_dev_page_is_classified_like_ground_truth(record: dict) -> None:
    decoded = decode_image((DEV / record["file"]).read_bytes())
    assert decoded.dpi == record["dpi"]
    page = crop_to_quad(decoded.image, record["page_quad"])
    for view in (decoded.image, page):
        assert is_blank(view, record["dpi"]) == record["is_blank"]
        assert (detect_separator(view, record["dpi"]) is not None) == record["is_separator"]
    if decoded.is_color:
        assert is_color_page(page) == record["has_seal"]
    warnings = quality_warnings(page, decoded.dpi, record["page_quad"], decoded.image.shape)
    assert warnings == ()
