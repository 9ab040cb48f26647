"""One contract for every Scanner driver: simulated feeder, file import, SANE (`test` backend), TWAIN fake."""

from __future__ import annotations

import glob
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from app.core.cancel import CancelToken
from app.core.ports import Capabilities, DeviceInfo, PaperSource, ScannedPage, Scanner, ScanSettings
from app.scanning.files import FileImportScanner
from app.scanning.sane_config import make_private_config
from app.scanning.sane_driver import SaneScanner, sane_available
from app.scanning.simulated import SimulatedFeeder
from app.scanning.twain_driver import TwainScanner
from app.scanning.twain_fake import FakeDevice, fake_twain_module

SHEETS = 4


@dataclass
class Rig:
    scanner: Scanner
    device_id: str
    sheets: int | None  # pages a full feeder scan delivers


def _page_images() -> list[Image.Image]:
    return [Image.new("L", (60, 80), 40 * n) for n in range(SHEETS)]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for n, image in enumerate(_page_images(), start=1):
        image.save(folder / f"page {n}.png", dpi=(150, 150))
    return folder


def _simulated(tmp_path: Path) -> Rig:
    folder = _folder(tmp_path)
    return Rig(SimulatedFeeder(folder), str(folder), SHEETS)


def _files(tmp_path: Path) -> Rig:
    folder = _folder(tmp_path)
    return Rig(FileImportScanner([folder]), str(folder), SHEETS)


def _twain(_tmp_path: Path) -> Rig:
    device = FakeDevice(sheets=[i.convert("RGB") for i in _page_images()])
    return Rig(TwainScanner(fake_twain_module(device)), device.name, SHEETS)


def _sane(tmp_path: Path) -> Rig:
    if not sane_available() or not glob.glob("/usr/lib/*/sane/libsane-test.so*"):
        pytest.skip("python-sane or the SANE test backend is not installed")
    config = make_private_config(tmp_path / "sane.d", ("test",))
    small = {"br-x": 30.0, "br-y": 40.0}
    return Rig(SaneScanner(config_dir=config, extra_options=small), "test:0", 10)


RIGS: dict[str, Callable[[Path], Rig]] = {
    "simulated": _simulated,
    "files": _files,
    "twain-fake": _twain,
    "sane-test": _sane,
}


@pytest.fixture(params=list(RIGS))
def rig(request: pytest.FixtureRequest, tmp_path: Path) -> Rig:
    return RIGS[request.param](tmp_path)


def _decodes(page: ScannedPage) -> None:
    image = Image.open(io.BytesIO(page.data))
    image.load()
    assert Image.MIME[image.format] == page.media_type or page.media_type == "image/x-portable-anymap"
    assert page.source_name


def test_driver_implements_the_port(rig: Rig):
    assert isinstance(rig.scanner, Scanner)
    assert rig.scanner.driver in ("sane", "twain", "files", "simulated")


def test_devices_listed_carry_the_driver_name(rig: Rig):
    devices = rig.scanner.list_devices()
    assert all(isinstance(d, DeviceInfo) and d.driver == rig.scanner.driver for d in devices)
    assert rig.device_id in {d.id for d in devices}


def test_capabilities_offer_a_feeder_and_a_colour_mode(rig: Rig):
    caps = rig.scanner.capabilities(rig.device_id)
    assert isinstance(caps, Capabilities)
    assert PaperSource.FEEDER in caps.sources and caps.color_modes


def test_a_feeder_scan_delivers_every_sheet_as_a_decodable_image(rig: Rig):
    pages = list(rig.scanner.scan(rig.device_id, ScanSettings(dpi=150), CancelToken()))
    assert len(pages) == rig.sheets
    for page in pages:
        _decodes(page)


def test_max_pages_limits_the_stream(rig: Rig):
    pages = list(rig.scanner.scan(rig.device_id, ScanSettings(dpi=150, max_pages=2), CancelToken()))
    assert len(pages) == 2


def test_a_cancelled_token_yields_nothing(rig: Rig):
    cancel = CancelToken()
    cancel.cancel()
    assert list(rig.scanner.scan(rig.device_id, ScanSettings(dpi=150), cancel)) == []


def test_cancel_after_the_first_page_keeps_it_and_stops(rig: Rig):
    cancel = CancelToken()
    received = []
    for page in rig.scanner.scan(rig.device_id, ScanSettings(dpi=150), cancel):
        received.append(page)
        cancel.cancel()
    assert len(received) == 1


def test_a_stream_dropped_early_leaves_the_device_ready_for_the_next_scan(rig: Rig):
    stream = rig.scanner.scan(rig.device_id, ScanSettings(dpi=150), CancelToken())
    next(stream)
    stream.close()
    again = list(rig.scanner.scan(rig.device_id, ScanSettings(dpi=150, max_pages=1), CancelToken()))
    assert len(again) == 1
