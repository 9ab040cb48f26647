"""Fixtures for driver tests against real libraries: a private SANE configuration per test."""

from __future__ import annotations

import glob
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.scanning.sane_config import make_private_config
from app.scanning.sane_driver import SaneScanner, sane_available


def _sane_test_backend_installed() -> bool:
    return bool(glob.glob("/usr/lib/*/sane/libsane-test.so*") or glob.glob("/usr/lib/sane/libsane-test.so*"))


@pytest.fixture
def sane_config_dir(tmp_path: Path) -> Path:
    """A SANE_CONFIG_DIR loading only the virtual `test` and `pnm` backends."""
    if not sane_available() or not _sane_test_backend_installed():
        pytest.skip("python-sane or the SANE test backend is not installed")
    return make_private_config(tmp_path / "sane.d", ("test", "pnm"))


@pytest.fixture
def make_sane(sane_config_dir: Path) -> Callable[..., SaneScanner]:
    """Build a SaneScanner on the private config; keyword args are extra SANE options."""

    def build(**options: Any) -> SaneScanner:
        extra = {name.replace("_", "-"): value for name, value in options.items()}
        return SaneScanner(config_dir=sane_config_dir, extra_options=extra)

    return build
