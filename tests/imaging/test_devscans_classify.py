"""Blank, separator, colour and quality checks against the dev scans' ground truth (skipped if absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.imaging.blank import is_blank
from app.imaging.color import is_color_page
from app.imaging.decode import decode_image
from app.imaging.quality import quality_warnings
from app.imaging.separator import detect_separator
from tests.devset import crop_to_quad

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "dev-scans"
pytestmark = pytest.mark.skipif(not (DEV / "pages.jsonl").exists(), reason="dev scans not present")


def records() -> list[dict]:
    if not (DEV / "pages.jsonl").exists():
        return []
    return [json.loads(line) for line in (DEV / "pages.jsonl").read_text(encoding="utf-8").splitlines()]


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
