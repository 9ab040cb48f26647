"""Fixtures for the GUI tests: a demo station (set up, fast feeder) and the Vietnamese translation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.bootstrap import Station, build_station
from app.core.settings import settings_from_env
from app.ui.app import install_translator


@pytest.fixture
def demo_station(fresh_data_dir: Path) -> Iterator[Station]:
    settings = replace(settings_from_env("demo", fresh_data_dir), demo_pace_seconds=0.0)
    station = build_station(settings)
    yield station
    station.close()


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    translator = install_translator(qapp, "vi")
    assert translator is not None, "the Vietnamese translation (.qm) must load"
    yield
    qapp.removeTranslator(translator)
