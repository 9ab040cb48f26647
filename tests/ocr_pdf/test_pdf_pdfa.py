"""The assembled document: PDF/A-2b per pikepdf, true page size, searchable Vietnamese text, metadata."""

from __future__ import annotations

import io
import unicodedata
from datetime import UTC, datetime

import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pytest

from app.core.ocr_types import OcrWord
from app.pdf.compress import prepare_page
from app.pdf.pdfa import assemble_pdfa, validate_pdfa
from app.pdf.types import PdfMetadata, PreparedPage

WORDS = [
    OcrWord("ỦY", (100, 100, 160, 140), 95.0, 0),
    OcrWord("BAN", (175, 100, 260, 140), 95.0, 0),
    OcrWord("NHÂN", (275, 100, 380, 140), 95.0, 0),
    OcrWord("DÂN", (395, 100, 480, 140), 95.0, 0),
    OcrWord("Nguyễn", (100, 300, 260, 345), 90.0, 1),
    OcrWord("Thị", (275, 300, 340, 345), 90.0, 1),
    OcrWord("Hường", (355, 300, 480, 345), 90.0, 1),
]
META = PdfMetadata(
    title="GIẤY KHAI SINH",
    creator="UBND xã Chu Minh",
    identifier="dev-b01-d02",
    created=datetime(2024, 3, 5, 9, 30, tzinfo=UTC),
    fields={"doc_type": "khai_sinh", "so_ky_hieu": "236", "ngay_ban_hanh": "2016-05-02", "nguoi_ky": None},
)


def page(width: int = 600, height: int = 800, dpi: int = 200, words: list[OcrWord] = WORDS) -> PreparedPage:
    gray = np.full((height, width), 235, np.uint8)
    for word in words:
        x0, y0, x1, y1 = word.box
        gray[y0 + 5 : y1 - 5, x0:x1:6] = 30  # something ink-like where each word is
    return prepare_page(gray, dpi, words)


@pytest.fixture(scope="module")
def document() -> bytes:
    return assemble_pdfa([page(), page(850, 1100, 300, WORDS[:4])], META)


def test_document_passes_pikepdf_pdfa_2b(document: bytes) -> None:
    assert validate_pdfa(document) == []


def test_validator_rejects_a_document_that_lost_its_pdfa_metadata(document: bytes) -> None:
    with pikepdf.open(io.BytesIO(document)) as pdf:
        del pdf.Root.Metadata
        out = io.BytesIO()
        pdf.save(out)
    assert validate_pdfa(out.getvalue()) != []


def test_pages_have_their_true_physical_size(document: bytes) -> None:
    with pikepdf.open(io.BytesIO(document)) as pdf:
        assert len(pdf.pages) == 2
        sizes = [[float(v) for v in p.mediabox] for p in pdf.pages]
    assert sizes[0] == pytest.approx([0, 0, 600 / 200 * 72, 800 / 200 * 72])
    assert sizes[1] == pytest.approx([0, 0, 850 / 300 * 72, 1100 / 300 * 72])


def test_text_layer_gives_back_the_vietnamese_words_in_order(document: bytes) -> None:
    text = pdfium.PdfDocument(document)[0].get_textpage().get_text_range()
    assert text.split() == [w.text for w in WORDS]
    assert unicodedata.is_normalized("NFC", text)


def test_text_layer_is_invisible_and_aligned_with_the_words(document: bytes) -> None:
    pdf_page = pdfium.PdfDocument(document)[0]
    textpage = pdf_page.get_textpage()
    height_pt = 800 / 200 * 72
    first, last = WORDS[4], WORDS[6]
    start = textpage.get_text_range().index("Nguyễn")
    left, _, _, _ = textpage.get_charbox(start)
    end = start + len("Nguyễn Thị Hường") - 1
    _, bottom, right, _ = textpage.get_charbox(end)
    k = 72 / 200
    assert left == pytest.approx(first.box[0] * k, abs=2)
    assert right == pytest.approx(last.box[2] * k, abs=3)
    assert height_pt - bottom == pytest.approx(first.box[3] * k, abs=6)
    with pikepdf.open(io.BytesIO(document)) as pdf:
        content = pdf.pages[0].Contents.read_bytes()
    assert b"3 Tr" in content


def test_xmp_and_info_describe_the_document(document: bytes) -> None:
    with pikepdf.open(io.BytesIO(document)) as pdf:
        meta = pdf.open_metadata()
        assert meta["dc:title"] == "GIẤY KHAI SINH"
        assert meta["dc:identifier"] == "dev-b01-d02"
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert "sohoa:so_ky_hieu=236" in meta["dc:subject"]
        assert str(pdf.docinfo["/Title"]) == "GIẤY KHAI SINH"
        assert str(pdf.docinfo["/Sohoa.doc_type"]) == "khai_sinh"
        assert "/Sohoa.nguoi_ky" not in pdf.docinfo  # empty fields are left out
        intent = pdf.Root.OutputIntents[0]
        assert intent.S == pikepdf.Name.GTS_PDFA1
        assert b"RGB " in intent.DestOutputProfile.read_bytes()[:20]
        assert len(pdf.trailer.ID) == 2


def test_document_id_is_stable_for_the_same_document() -> None:
    first = assemble_pdfa([page()], META)
    second = assemble_pdfa([page()], META)
    with pikepdf.open(io.BytesIO(first)) as a, pikepdf.open(io.BytesIO(second)) as b:
        assert bytes(a.trailer.ID[0]) == bytes(b.trailer.ID[0])


def test_own_namespace_carries_the_fields_with_an_extension_schema() -> None:
    data = assemble_pdfa([page()], META, own_namespace=True)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
    assert 'xmlns:sohoa="https://sohoa.hanoi.vn/ns/1.0/"' in xmp
    assert "<sohoa:so_ky_hieu>236</sohoa:so_ky_hieu>" in xmp
    assert "<pdfaSchema:prefix>sohoa</pdfaSchema:prefix>" in xmp


def test_page_without_words_has_no_text_layer_but_is_still_pdfa() -> None:
    data = assemble_pdfa([page(words=[])], PdfMetadata(title="trống"))
    assert validate_pdfa(data) == []
    assert pdfium.PdfDocument(data)[0].get_textpage().get_text_range() == ""
