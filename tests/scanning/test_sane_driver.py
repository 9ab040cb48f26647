"""The SANE driver against real libsane: the `test` backend (feeder, faults) and `pnm` (an A4 file)."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw

from app.core.cancel import CancelToken
from app.core.errors import (
    CoverOpen,
    DeviceBusy,
    DeviceError,
    DeviceOffline,
    DeviceUnsupported,
    FeederEmpty,
    PaperJam,
)
from app.core.ports import ColorMode, PaperSource, ScanSettings

FEEDER_GRAY_75 = ScanSettings(source=PaperSource.FEEDER, dpi=75, color_mode=ColorMode.GRAY)


def _decode(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_feeder_scan_delivers_every_sheet_of_the_test_backend_at_requested_dpi_and_mode(make_sane):
    scanner = make_sane(test_picture="Grid")

    pages = list(scanner.scan("test:0", FEEDER_GRAY_75, CancelToken()))

    assert len(pages) == 10  # the test backend's feeder holds 10 sheets
    for number, page in enumerate(pages, start=1):
        image = _decode(page.data)
        assert page.media_type == "image/png" and image.format == "PNG"
        assert image.mode == "L"
        assert page.dpi == 75 and round(image.info["dpi"][0]) == 75
        assert image.size == (236, 295)  # the backend's default 80 x 100 mm area at 75 dpi
        assert page.source_name == f"test:0 p.{number}"


def test_colour_scan_honours_resolution_and_max_pages(make_sane):
    scanner = make_sane(test_picture="Color pattern", **SMALL_AREA_KW)
    settings = ScanSettings(source=PaperSource.FEEDER, dpi=100, color_mode=ColorMode.COLOR, max_pages=2)

    pages = list(scanner.scan("test:0", settings, CancelToken()))

    assert len(pages) == 2
    image = _decode(pages[0].data)
    assert image.mode == "RGB" and round(image.info["dpi"][0]) == 100
    assert abs(image.width - 157) <= 1 and abs(image.height - 197) <= 1  # 40 x 50 mm at 100 dpi
    assert len(set(image.getchannel("R").tobytes())) > 1  # a colour pattern, not a flat frame


SMALL_AREA_KW = {"tl_x": 0.0, "tl_y": 0.0, "br_x": 40.0, "br_y": 50.0}


def _a4_page_at_75_dpi() -> Image.Image:
    page = Image.new("RGB", (620, 877), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((60, 80, 560, 140), fill=(20, 20, 20))  # a title bar
    draw.rectangle((60, 700, 200, 800), fill=(200, 0, 0))  # a red stamp, bottom left
    for y in range(200, 650, 30):
        draw.line((60, y, 560, y), fill=(90, 90, 90), width=3)  # text lines
    return page


def test_a4_page_through_the_pnm_backend_comes_out_as_one_identical_page(make_sane, tmp_path: Path):
    original = _a4_page_at_75_dpi()
    original.save(tmp_path / "a4.ppm")
    scanner = make_sane(filename=str(tmp_path / "a4.ppm"))
    settings = ScanSettings(source=PaperSource.FLATBED, dpi=75, color_mode=ColorMode.COLOR)

    pages = list(scanner.scan("pnm:0", settings, CancelToken()))

    assert len(pages) == 1
    scanned = _decode(pages[0].data)
    assert scanned.size == (620, 877) and pages[0].dpi == 75
    assert ImageChops.difference(scanned.convert("RGB"), original).getbbox() is None


def test_paper_jam_surfaces_as_paper_jam_with_vietnamese_advice(make_sane):
    scanner = make_sane(read_return_value="SANE_STATUS_JAMMED", **SMALL_AREA_KW)

    with pytest.raises(PaperJam) as caught:
        list(scanner.scan("test:0", FEEDER_GRAY_75, CancelToken()))

    message = caught.value.user_message("vi")
    assert "Kẹt giấy" in message and "Các trang đã quét được giữ nguyên" in message


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("SANE_STATUS_DEVICE_BUSY", DeviceBusy),
        ("SANE_STATUS_COVER_OPEN", CoverOpen),
        ("SANE_STATUS_IO_ERROR", DeviceOffline),
        ("SANE_STATUS_NO_DOCS", FeederEmpty),
        ("SANE_STATUS_INVAL", DeviceUnsupported),
    ],
)
def test_sane_failures_become_station_device_errors(make_sane, status, expected):
    scanner = make_sane(read_return_value=status, **SMALL_AREA_KW)

    with pytest.raises(expected):
        list(scanner.scan("test:0", FEEDER_GRAY_75, CancelToken()))


def test_cancel_between_pages_stops_the_feeder_and_keeps_delivered_pages(make_sane):
    scanner = make_sane(**SMALL_AREA_KW)
    cancel = CancelToken()
    received = []

    for page in scanner.scan("test:0", FEEDER_GRAY_75, cancel):
        received.append(page)
        if len(received) == 3:
            cancel.cancel()

    assert [p.source_name for p in received] == ["test:0 p.1", "test:0 p.2", "test:0 p.3"]


def test_cancel_during_a_slow_page_stops_the_scan_long_before_the_page_ends(make_sane):
    # 200 x 200 mm at 300 dpi with a 200 ms pause per buffer: about 18 s per page if not cancelled.
    scanner = make_sane(
        br_x=200.0,
        br_y=200.0,
        read_limit=True,
        read_limit_size=64,
        read_delay=True,
        read_delay_duration=200000,
    )
    cancel = CancelToken()
    timer = threading.Timer(0.5, cancel.cancel)
    started = time.monotonic()
    timer.start()
    try:
        pages = list(scanner.scan("test:0", ScanSettings(dpi=300, color_mode=ColorMode.GRAY), cancel))
    finally:
        timer.cancel()

    assert pages == []
    assert time.monotonic() - started < 9.0


def test_a_scanner_that_is_not_there_is_reported_offline(make_sane):
    with pytest.raises(DeviceOffline):
        list(make_sane().scan("test:7", FEEDER_GRAY_75, CancelToken()))


def test_feeder_requested_on_a_device_without_feeder_is_unsupported(make_sane, tmp_path: Path):
    Image.new("L", (50, 50), 255).save(tmp_path / "p.pgm")
    scanner = make_sane(filename=str(tmp_path / "p.pgm"))

    with pytest.raises(DeviceUnsupported):
        list(scanner.scan("pnm:0", FEEDER_GRAY_75, CancelToken()))


def test_capabilities_of_the_test_backend(make_sane):
    caps = make_sane().capabilities("test:0")

    assert set(caps.sources) == {PaperSource.FLATBED, PaperSource.FEEDER}
    assert {75, 150, 300, 600} <= set(caps.resolutions)
    assert set(caps.color_modes) == {ColorMode.COLOR, ColorMode.GRAY}
    assert caps.duplex is False  # the test backend has no duplex source


def test_devices_list_only_the_backends_of_the_private_config(make_sane):
    ids = {d.id for d in make_sane().list_devices()}

    assert {"test:0", "pnm:0"} <= ids
    assert all(i.split(":")[0] in ("test", "pnm") for i in ids)


def test_every_device_error_keeps_a_vietnamese_message(make_sane):
    scanner = make_sane(read_return_value="SANE_STATUS_COVER_OPEN", **SMALL_AREA_KW)
    with pytest.raises(DeviceError) as caught:
        list(scanner.scan("test:0", FEEDER_GRAY_75, CancelToken()))
    assert "Nắp máy quét đang mở" in caught.value.user_message("vi")
