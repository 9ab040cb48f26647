"""Fixtures for the local-store tests: a fresh data folder and an open store per test."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.core.ports import ScannedPage
from app.store import SqliteStore, open_store

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _make_page(n: int, size: int = 2048) -> ScannedPage:
    """A distinct page payload (PNG signature + pseudo-random body) named like a feeder page."""
    body = os.urandom(size)
    return ScannedPage(
        data=PNG_SIGNATURE + body, media_type="image/png", dpi=300, source_name=f"test:0 p.{n}"
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "station-data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[SqliteStore]:
    opened = open_store(data_dir)
    yield opened
    opened.close()


MakePage = Callable[..., ScannedPage]


@pytest.fixture
def make_page() -> MakePage:
    """make_page(n, size=2048): a distinct ScannedPage numbered n."""
    return _make_page
