"""The TWAIN driver against the documented pytwain fake (TWAIN itself exists only on Windows)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from app.core.cancel import CancelToken
from app.core.errors import CoverOpen, DeviceBusy, DeviceOffline, DriverUnavailable, FeederEmpty, PaperJam
from app.core.ports import ColorMode, PaperSource, ScanSettings
from app.scanning import twain_fake
from app.scanning.twain_driver import TwainScanner, translate_twain_error
from app.scanning.twain_fake import FakeDevice, fake_twain_module


def _sheets(n: int) -> list[Image.Image]:
    return [Image.new("RGB", (80, 110), (40 * i % 255, 90, 160)) for i in range(n)]


def _scanner(device: FakeDevice) -> TwainScanner:
    return TwainScanner(fake_twain_module(device))


def test_feeder_scan_delivers_each_sheet_as_png_at_the_requested_settings():
    device = FakeDevice(sheets=_sheets(3))
    settings = ScanSettings(source=PaperSource.FEEDER, dpi=150, color_mode=ColorMode.GRAY)

    pages = list(_scanner(device).scan(device.name, settings, CancelToken()))

    assert len(pages) == 3
    image = Image.open(io.BytesIO(pages[0].data))
    assert image.format == "PNG" and image.mode == "L" and round(image.info["dpi"][0]) == 150
    assert device.caps[twain_fake.CAP_FEEDERENABLED][1] is True
    assert device.caps[twain_fake.ICAP_PIXELTYPE][1] == 1  # TWPT_GRAY


def test_duplex_marks_back_sides():
    device = FakeDevice(sheets=_sheets(4))
    pages = list(_scanner(device).scan(device.name, ScanSettings(duplex=True), CancelToken()))
    assert [p.side for p in pages] == ["front", "back", "front", "back"]


def test_jam_after_two_pages_keeps_them_and_raises_paper_jam():
    device = FakeDevice(sheets=_sheets(5), fault=twain_fake.exceptions.PaperJam(), fault_after=2)
    received = []

    with pytest.raises(PaperJam):
        for page in _scanner(device).scan(device.name, ScanSettings(), CancelToken()):
            received.append(page)

    assert len(received) == 2


def test_empty_feeder_before_any_page_is_feeder_empty():
    device = FakeDevice(sheets=[])
    with pytest.raises(FeederEmpty):
        list(_scanner(device).scan(device.name, ScanSettings(), CancelToken()))


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (twain_fake.exceptions.UnknownError("ConditionCode = 24"), CoverOpen),
        (twain_fake.exceptions.UnknownError("ConditionCode = 29"), FeederEmpty),
        (twain_fake.exceptions.SequenceError(), DeviceBusy),
        (twain_fake.exceptions.CheckDeviceOnlineError(), DeviceOffline),
    ],
)
def test_twain_condition_codes_map_to_station_errors(exc, expected):
    assert isinstance(translate_twain_error(exc), expected)


def test_unknown_source_is_offline_and_max_pages_is_honoured():
    device = FakeDevice(sheets=_sheets(6))
    scanner = _scanner(device)

    with pytest.raises(DeviceOffline):
        list(scanner.scan("No such scanner", ScanSettings(), CancelToken()))
    assert len(list(scanner.scan(device.name, ScanSettings(max_pages=2), CancelToken()))) == 2


def test_cancel_stops_between_pages_and_closes_the_source():
    device = FakeDevice(sheets=_sheets(6))
    cancel = CancelToken()
    received = []
    for page in _scanner(device).scan(device.name, ScanSettings(), cancel):
        received.append(page)
        cancel.cancel()
    assert len(received) == 1


def test_capabilities_come_from_the_source():
    device = FakeDevice(sheets=_sheets(1))
    caps = _scanner(device).capabilities(device.name)
    assert set(caps.sources) == {PaperSource.FLATBED, PaperSource.FEEDER}
    assert caps.duplex and 300 in caps.resolutions
    assert set(caps.color_modes) == {ColorMode.COLOR, ColorMode.GRAY}


def test_without_pytwain_the_driver_is_unavailable():
    pytest.importorskip("sys")
    try:
        import twain  # noqa: F401
    except ImportError:
        with pytest.raises(DriverUnavailable):
            TwainScanner()
    else:
        pytest.skip("pytwain is installed here")
