"""Field regions from real Tesseract words: the box the form will outline holds the value's words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.ocr_types import Box, OcrPage
from app.core.textnorm import fold
from app.workers import analyze_only, describe, read_text


def _inside(word: Box, box: Box) -> bool:
    cx, cy = (word[0] + word[2]) / 2, (word[1] + word[3]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _words_in(page: OcrPage, box: Box) -> str:
    return fold(" ".join(w.text for w in page.words if _inside(w.box, box)))


@pytest.mark.parametrize("doc_type", ["ket_hon", "quyet_dinh"])
def test_boxes_surround_the_values_read(dev_scans: Path, doc_type: str) -> None:
    truth = next(
        d
        for d in map(json.loads, (dev_scans / "documents.jsonl").read_text(encoding="utf-8").splitlines())
        if d["doc_type"] == doc_type and d["batch"] == "batch_02"
    )
    data = (dev_scans / truth["pages"][0]).read_bytes()
    findings = analyze_only(data, None).findings
    page = read_text(data, findings)
    described = describe([page])
    assert described.doc_type == doc_type
    checked = 0
    for key, region in described.regions.items():
        value = fold(described.fields[key])
        if key in ("ngay_ban_hanh", "chu_the_ngay_sinh", "valid_until") or region.page != 0:
            continue  # dates are normalised to ISO: their printed words differ from the value
        inside = _words_in(page, region.box)
        assert value.split()[0] in inside and value.split()[-1] in inside, (key, value, inside)
        checked += 1
    assert checked >= 3
