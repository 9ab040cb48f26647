"""Page compression as the officer sees its result: G4 pages render back exactly, seals stay red."""

from __future__ import annotations

import io
import pickle

import cv2
import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pytest

from app.core.errors import PdfError
from app.pdf.bitonal import ink_map
from app.pdf.compress import prepare_page
from app.pdf.pdfa import assemble_pdfa
from app.pdf.types import PdfMetadata

DPI = 200
CREAM = (205, 232, 245)  # BGR of yellowed paper
SEAL_RED = (60, 60, 215)
SEAL_CENTRE = (500, 620)


def text_page(colour: bool, *, seal: bool = False) -> np.ndarray:
    """An A6-ish page at 200 dpi: lines of print, a thin rule, and optionally a red seal."""
    page = np.full((1160, 820, 3), CREAM, np.uint8)
    for row in range(8):
        y = 120 + row * 60
        cv2.putText(
            page,
            f"Dong {row}: so 0{row}/2024",
            (60, y),
            cv2.FONT_HERSHEY_SIMPLEX,
            1.0,
            (40, 40, 40),
            2,
            cv2.LINE_AA,
        )
    cv2.line(page, (60, 640), (760, 640), (60, 60, 60), 1, cv2.LINE_AA)
    if seal:
        cv2.circle(page, SEAL_CENTRE, 130, SEAL_RED, 9, cv2.LINE_AA)
        cv2.circle(page, SEAL_CENTRE, 95, SEAL_RED, 4, cv2.LINE_AA)
        cv2.putText(page, "UBND", (420, 635), cv2.FONT_HERSHEY_SIMPLEX, 1.2, SEAL_RED, 3, cv2.LINE_AA)
    noise = np.random.default_rng(1).normal(0, 3, page.shape)
    page = np.clip(page + noise, 0, 255).astype(np.uint8)
    return page if colour else cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)


def render(pdf: bytes, shape: tuple[int, ...], dpi: int = DPI) -> np.ndarray:
    """Page 1 rendered back as BGR at the scan's size (the renderer may add a partial pixel)."""
    bitmap = pdfium.PdfDocument(pdf)[0].render(scale=dpi / 72.0).to_numpy()
    assert abs(bitmap.shape[0] - shape[0]) <= 1 and abs(bitmap.shape[1] - shape[1]) <= 1
    return np.ascontiguousarray(bitmap[: shape[0], : shape[1], :3])


def red(bgr: np.ndarray) -> np.ndarray:
    b, g, r = (bgr[..., i].astype(np.int16) for i in range(3))
    return (r - g > 80) & (r - b > 80)


def test_bitonal_page_decodes_to_exactly_the_ink_it_was_given() -> None:
    gray = text_page(colour=False)
    page = prepare_page(gray, DPI, [])
    assert page.kind == "bitonal"
    pdf = assemble_pdfa([page], PdfMetadata(title="G4"))
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        image = doc.pages[0].Resources.XObject["/Im0"]
        assert image.Filter == pikepdf.Name.CCITTFaxDecode
        decoded = np.array(pikepdf.PdfImage(image).as_pil_image().convert("L")) < 128
        width_pt = float(doc.pages[0].MediaBox[2])
    # a 200 dpi scan's mask is binarised from a 2x enlargement (thin accents survive) ...
    fine = cv2.resize(gray, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    assert np.array_equal(decoded, ink_map(fine, 2 * DPI))
    # ... and the page keeps its physical size
    assert abs(width_pt - gray.shape[1] / DPI * 72) < 0.01


def test_bitonal_page_renders_back_like_the_scan() -> None:
    gray = text_page(colour=False)
    pdf = assemble_pdfa([prepare_page(gray, DPI, [])], PdfMetadata())
    back = cv2.cvtColor(render(pdf, gray.shape), cv2.COLOR_BGR2GRAY) < 128
    ink = ink_map(gray, DPI)
    # the renderer may place a resampled row or column one pixel off: compare within one pixel
    grown = cv2.dilate(ink.view(np.uint8), np.ones((3, 3), np.uint8)) > 0
    assert (back & ~grown).sum() == 0
    assert (back & ink).sum() > 0.9 * ink.sum()


def test_colour_page_keeps_the_seal_red_and_the_print_dark() -> None:
    scan = text_page(colour=True, seal=True)
    page = prepare_page(scan, DPI, [])
    assert page.kind == "mrc"
    back = render(assemble_pdfa([page], PdfMetadata()), scan.shape)
    before, after = red(scan), red(back)
    assert before.sum() > 2000
    assert (before & after).sum() > 0.8 * before.sum()
    print_area = cv2.cvtColor(scan[100:200, 60:600], cv2.COLOR_BGR2GRAY) < 100
    rendered = cv2.cvtColor(back[100:200, 60:600], cv2.COLOR_BGR2GRAY) < 100
    assert (print_area & rendered).sum() > 0.8 * print_area.sum()


def test_page_without_colour_content_becomes_bitonal_even_from_a_colour_scan() -> None:
    page = prepare_page(text_page(colour=True), DPI, [])
    assert page.kind == "bitonal"
    assert page.layers[0].filter == "CCITTFaxDecode"


def test_deployment_can_force_full_colour_or_bitonal() -> None:
    scan = text_page(colour=True, seal=True)
    full = prepare_page(scan, DPI, [], compression="jpeg")
    assert full.kind == "jpeg"
    assert (full.layers[0].width, full.layers[0].height) == (scan.shape[1], scan.shape[0])
    forced = prepare_page(scan, DPI, [], color=False)
    assert forced.kind == "bitonal"
    assert not red(render(assemble_pdfa([forced], PdfMetadata()), scan.shape)).any()


def test_mrc_is_far_smaller_than_a_full_colour_jpeg() -> None:
    scan = text_page(colour=True, seal=True)
    mrc = prepare_page(scan, DPI, [], compression="mrc")
    full = prepare_page(scan, DPI, [], compression="jpeg")
    assert mrc.image_bytes < 0.5 * full.image_bytes


def test_faint_thin_strokes_and_dots_survive_binarisation() -> None:
    gradient = np.linspace(170, 245, 600, dtype=np.float32)[None, :].repeat(400, axis=0)
    gray = gradient.astype(np.uint8)
    cv2.line(gray, (50, 100), (550, 100), 120, 1)  # a hairline, fainter than print
    cv2.circle(gray, (300, 250), 3, 60, -1)  # a diacritic dot
    ink = ink_map(gray, 300)
    assert ink[100, 60:540].mean() > 0.9
    assert ink[247:254, 297:304].sum() >= 20
    ink[95:106, :] = False
    ink[240:260, 290:310] = False
    assert ink.sum() == 0  # shading and paper grain are not ink


def test_prepared_page_crosses_a_process_boundary() -> None:
    page = prepare_page(text_page(colour=True, seal=True), DPI, [])
    assert pickle.loads(pickle.dumps(page)) == page


@pytest.mark.parametrize("image", [np.zeros((0, 0), np.uint8), np.zeros((10, 10), np.float32)])
def test_unusable_images_raise_a_pdf_error(image: np.ndarray) -> None:
    with pytest.raises(PdfError):
        prepare_page(image, DPI, [])
