"""Safe decoding: formats, dpi from headers, truncation and decompression bombs refused early."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from app.core.errors import EmptyFile, ImageTooLarge, UnreadableImage
from app.imaging.decode import decode_image, decode_pages


def page_rgb(width: int = 320, height: int = 240) -> Image.Image:
    arr = np.full((height, width, 3), 235, np.uint8)
    arr[50:100, 40:200] = (200, 30, 30)  # a red block (RGB)
    return Image.fromarray(arr)


def encode(img: Image.Image, fmt: str, **kwargs: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kwargs)
    return buf.getvalue()


def test_jpeg_gives_bgr_pixels_and_jfif_dpi() -> None:
    decoded = decode_image(encode(page_rgb(), "JPEG", dpi=(300, 300), quality=95))
    assert decoded.image.shape == (240, 320, 3)
    assert decoded.dpi == 300
    assert decoded.is_color
    blue, green, red = decoded.image[75, 100]
    assert red > 150 and blue < 80 and green < 80


def test_gray_png_with_phys_dpi_and_16_bit_depth() -> None:
    arr = np.full((100, 120), 40000, np.uint16)
    decoded = decode_image(encode(Image.fromarray(arr), "PNG", dpi=(200, 200)))
    assert decoded.image.dtype == np.uint8 and decoded.image.ndim == 2
    assert decoded.dpi == 200
    assert not decoded.is_color
    assert abs(int(decoded.image[0, 0]) - 40000 // 256) <= 1


def test_alpha_is_composited_on_white() -> None:
    rgba = np.zeros((50, 60, 4), np.uint8)  # fully transparent black
    decoded = decode_image(encode(Image.fromarray(rgba), "PNG"))
    assert decoded.image.min() == 255
    assert decoded.dpi is None


def test_multi_page_tiff_gives_every_page_with_its_dpi() -> None:
    first, second = page_rgb(), Image.fromarray(np.full((90, 70), 128, np.uint8))
    buf = io.BytesIO()
    first.save(buf, "TIFF", save_all=True, append_images=[second], dpi=(300, 300))
    pages = decode_pages(buf.getvalue())
    assert [p.image.shape[:2] for p in pages] == [(240, 320), (90, 70)]
    assert pages[0].dpi == 300
    assert decode_image(buf.getvalue()).image.shape == (240, 320, 3)


def test_image_pdf_is_rendered_at_its_embedded_image_resolution() -> None:
    pdf_bytes = encode(page_rgb(600, 800), "PDF", resolution=200.0)
    pages = decode_pages(pdf_bytes)
    assert len(pages) == 1
    assert pages[0].dpi == 200
    assert abs(pages[0].image.shape[0] - 800) <= 2


def test_pnm_is_supported() -> None:
    decoded = decode_image(encode(Image.fromarray(np.full((30, 40), 90, np.uint8)), "PPM"))
    assert decoded.image.shape == (30, 40)


def test_empty_file() -> None:
    with pytest.raises(EmptyFile):
        decode_image(b"")


def test_garbage_is_unreadable() -> None:
    with pytest.raises(UnreadableImage):
        decode_image(b"this is not an image at all" * 10)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_truncated_file_is_refused_not_decoded_half_grey(fmt: str) -> None:
    data = encode(page_rgb(640, 480), fmt)
    with pytest.raises(UnreadableImage):
        decode_image(data[: len(data) * 2 // 3])


def test_huge_png_header_is_refused_before_decoding() -> None:
    header = struct.pack(">IIBBBBB", 60000, 60000, 8, 0, 0, 0, 0)
    ihdr = struct.pack(">I", 13) + b"IHDR" + header + struct.pack(">I", zlib.crc32(b"IHDR" + header))
    idat_payload = zlib.compress(b"\x00" * 1000)
    idat = struct.pack(">I", len(idat_payload)) + b"IDAT" + idat_payload
    idat += struct.pack(">I", zlib.crc32(b"IDAT" + idat_payload))
    iend = struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND"))
    with pytest.raises(ImageTooLarge):
        decode_image(b"\x89PNG\r\n\x1a\n" + ihdr + idat + iend)


def test_pdf_with_absurd_page_size_is_refused() -> None:
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(14400, 14400)  # 200 x 200 inches
    buf = io.BytesIO()
    pdf.save(buf)
    with pytest.raises(ImageTooLarge):
        decode_pages(buf.getvalue())
