"""Simulated feeder: folder order, duplex, injected faults keep earlier pages, cancel-aware pacing."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from app.core.cancel import CancelToken
from app.core.errors import FeederEmpty, PaperJam
from app.core.ports import PaperSource, ScanSettings
from app.scanning.simulated import SimulatedFeeder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for n in (1, 2, 3, 10):
        Image.new("L", (100, 140), 255 - n).save(tmp_path / f"trang {n}.png", dpi=(200, 200))
    return tmp_path


def test_delivers_the_folder_in_natural_order(folder: Path):
    pages = list(SimulatedFeeder().scan(str(folder), ScanSettings(), CancelToken()))

    assert [p.source_name for p in pages] == ["trang 1.png", "trang 2.png", "trang 3.png", "trang 10.png"]
    assert all(p.dpi == 200 and p.side == "front" for p in pages)


def test_duplex_adds_blank_backs_or_pairs_files(folder: Path):
    settings = ScanSettings(duplex=True)

    blank = list(SimulatedFeeder().scan(str(folder), settings, CancelToken()))
    pairs = list(SimulatedFeeder(duplex_backs="pairs").scan(str(folder), settings, CancelToken()))

    assert [p.side for p in blank] == ["front", "back"] * 4
    back = Image.open(io.BytesIO(blank[1].data))
    assert back.size == (100, 140) and back.getextrema() == (255, 255)
    assert [p.side for p in pairs] == ["front", "back", "front", "back"]


def test_injected_jam_keeps_the_pages_before_it(folder: Path):
    feeder = SimulatedFeeder(fault=PaperJam, fault_after=2)
    received = []

    with pytest.raises(PaperJam):
        for page in feeder.scan(str(folder), ScanSettings(), CancelToken()):
            received.append(page)

    assert len(received) == 2


def test_empty_folder_is_an_empty_feeder(tmp_path: Path):
    with pytest.raises(FeederEmpty):
        list(SimulatedFeeder().scan(str(tmp_path), ScanSettings(), CancelToken()))


def test_flatbed_gives_one_page(folder: Path):
    pages = list(SimulatedFeeder().scan(str(folder), ScanSettings(source=PaperSource.FLATBED), CancelToken()))
    assert len(pages) == 1


def test_cancel_interrupts_a_slow_feeder_without_waiting_out_the_pace(folder: Path):
    feeder = SimulatedFeeder(seconds_per_page=30.0)
    cancel = CancelToken()
    timer = threading.Timer(0.2, cancel.cancel)
    timer.start()
    started = time.monotonic()

    pages = list(feeder.scan(str(folder), ScanSettings(), cancel))
    timer.join()

    assert pages == [] and time.monotonic() - started < 10
