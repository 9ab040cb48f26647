"""Printed separator and cover sheets are found again by the pipeline's separator detector."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium

from app.core.splitting import batch_from_separator, doc_type_from_separator
from app.imaging.separator import detect_separator
from app.pdf.cover_sheets import write_sheets


def _pages(path: Path, dpi: int) -> list[np.ndarray]:
    pdf = pdfium.PdfDocument(path.read_bytes())
    return [
        np.asarray(pdf[i].render(scale=dpi / 72).to_pil().convert("RGB"))[:, :, ::-1].copy()
        for i in range(len(pdf))
    ]


def test_cover_sheet_pdf_is_detected_with_its_type(tmp_path: Path) -> None:
    path = write_sheets(tmp_path / "bia.pdf", "Lô 27/11", "khai_sinh", "Giấy khai sinh", 2)
    pages = _pages(path, 200)
    assert len(pages) == 2
    payloads = [detect_separator(page, 200) for page in pages]
    assert payloads == ["SEP:khai_sinh|lo-27/11", "SEP:khai_sinh|lo-27/11"]
    assert doc_type_from_separator(payloads[0]) == "khai_sinh"
    assert batch_from_separator(payloads[0]) == "lo-27/11"


def test_plain_separator_pdf_is_detected(tmp_path: Path) -> None:
    path = write_sheets(tmp_path / "tach.pdf", "Lô 27/11", None, "", 1)
    (page,) = _pages(path, 150)
    assert page.shape[0] > page.shape[1]  # A4 portrait
    assert detect_separator(page, 150) == "SEP|lo-27/11"
    assert doc_type_from_separator("SEP|lo-27/11") is None
