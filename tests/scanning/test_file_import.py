"""File import: verbatim images in name order, TIFF split, PDF render, bad files never stop the batch."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw

from app.core.cancel import CancelToken
from app.core.ports import ScanSettings
from app.scanning.files import FileImportScanner


def _scan(target: Path, **settings) -> list:
    return list(FileImportScanner().scan(str(target), ScanSettings(**settings), CancelToken()))


def _page(text_y: int, size=(200, 280)) -> Image.Image:
    image = Image.new("L", size, 255)
    ImageDraw.Draw(image).rectangle((20, text_y, 180, text_y + 10), fill=0)
    return image


def test_images_come_verbatim_in_natural_file_name_order(tmp_path: Path):
    _page(10).save(tmp_path / "scan 10.png", dpi=(200, 200))
    _page(20).save(tmp_path / "scan 2.jpg", dpi=(300, 300))
    _page(30).save(tmp_path / "Scan 1.pgm")
    (tmp_path / "notes.txt").write_text("not a page")

    pages = _scan(tmp_path)

    assert [p.source_name for p in pages] == ["Scan 1.pgm", "scan 2.jpg", "scan 10.png"]
    assert [p.media_type for p in pages] == ["image/x-portable-anymap", "image/jpeg", "image/png"]
    assert pages[1].data == (tmp_path / "scan 2.jpg").read_bytes()
    assert [p.dpi for p in pages] == [None, 300, 200]


def test_multi_page_tiff_is_split_into_lossless_pages_keeping_dpi(tmp_path: Path):
    frames = [_page(10), _page(100), _page(200)]
    frames[0].save(tmp_path / "ho_so.tif", save_all=True, append_images=frames[1:], dpi=(300, 300))

    pages = _scan(tmp_path)

    assert [p.source_name for p in pages] == ["ho_so.tif p.1", "ho_so.tif p.2", "ho_so.tif p.3"]
    for page, frame in zip(pages, frames, strict=True):
        decoded = Image.open(io.BytesIO(page.data))
        assert page.media_type == "image/png" and page.dpi == 300
        assert decoded.tobytes() == frame.tobytes()  # lossless


def test_single_page_tiff_is_delivered_verbatim(tmp_path: Path):
    _page(50).save(tmp_path / "one.tiff", dpi=(200, 200))

    pages = _scan(tmp_path / "one.tiff")

    assert len(pages) == 1 and pages[0].media_type == "image/tiff" and pages[0].dpi == 200
    assert pages[0].data == (tmp_path / "one.tiff").read_bytes()


def test_image_pdf_is_rendered_page_by_page_at_its_scan_resolution(tmp_path: Path):
    a4_150 = [_page(100, size=(1240, 1754)).convert("RGB"), _page(900, size=(1240, 1754)).convert("RGB")]
    a4_150[0].save(tmp_path / "scan.pdf", save_all=True, append_images=a4_150[1:], resolution=150.0)

    pages = _scan(tmp_path)

    assert len(pages) == 2
    for page, original in zip(pages, a4_150, strict=True):
        rendered = Image.open(io.BytesIO(page.data)).convert("L")
        assert page.dpi == 150
        assert abs(rendered.width - 1240) <= 2 and abs(rendered.height - 1754) <= 2
        # the black bar is where the original has it
        bar_row = 105 if original is a4_150[0] else 905
        assert rendered.getpixel((100, bar_row)) < 60 and rendered.getpixel((600, 50)) > 200


def test_corrupt_and_empty_files_do_not_stop_the_batch(tmp_path: Path):
    _page(10).save(tmp_path / "a.png")
    (tmp_path / "b.jpg").write_bytes(b"\xff\xd8\xff\xe0 truncated")
    (tmp_path / "c.png").write_bytes(b"")
    (tmp_path / "d.tif").write_bytes(b"II*\x00 broken tiff")
    (tmp_path / "e.pdf").write_bytes(b"%PDF-1.4 not really")
    _page(20).save(tmp_path / "f.png")

    pages = _scan(tmp_path)

    assert [p.source_name for p in pages] == ["a.png", "b.jpg", "c.png", "d.tif", "e.pdf", "f.png"]
    assert pages[1].data == (tmp_path / "b.jpg").read_bytes() and "error" not in pages[1].meta
    assert pages[2].data == b""
    assert pages[3].meta["error"] == "unreadable_image" and pages[3].media_type == "image/tiff"
    assert pages[4].meta["error"] == "unreadable_image" and pages[4].media_type == "application/pdf"
    assert pages[4].data == (tmp_path / "e.pdf").read_bytes()


def test_max_pages_and_cancel_stop_the_import(tmp_path: Path):
    for n in range(5):
        _page(10 * n).save(tmp_path / f"p{n}.png")
    cancel = CancelToken()

    assert len(_scan(tmp_path, max_pages=2)) == 2
    taken = []
    for page in FileImportScanner().scan(str(tmp_path), ScanSettings(), cancel):
        taken.append(page)
        cancel.cancel()
    assert len(taken) == 1
