"""The frozen build's path logic: bundled Tesseract wins, roles dispatch, the scanner child starts frozen."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytesseract
import pytest

import app
from app import frozen
from app.core.cancel import CancelToken
from app.ocr import backend
from app.scanning import child

REPO = Path(app.__file__).resolve().parents[1]
BOOT = "import sys; from app.frozen import boot; sys.exit(boot())"


def _fake_bundle(root: Path) -> Path:
    launcher, tessdata = frozen.tesseract_paths(root)
    tessdata.mkdir(parents=True)
    (tessdata / "vie.traineddata").write_bytes(b"model")
    launcher.write_text("#!/bin/sh\nexit 0\n", encoding="ascii")
    return root


@pytest.fixture
def restored(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """configure() changes the environment and pytesseract: put both back after the test."""
    monkeypatch.setenv("PATH", os.environ.get("PATH", ""))
    monkeypatch.delenv("TESSDATA_PREFIX", raising=False)
    command = pytesseract.pytesseract.tesseract_cmd
    yield
    pytesseract.pytesseract.tesseract_cmd = command


def test_from_source_nothing_is_redirected(restored: None) -> None:
    assert frozen.bundle_dir() is None
    assert frozen.configure() == {}
    assert "TESSDATA_PREFIX" not in os.environ


def test_bundled_tesseract_and_models_come_first(tmp_path: Path, restored: None) -> None:
    bundle = _fake_bundle(tmp_path / "_internal")
    launcher, tessdata = frozen.tesseract_paths(bundle)
    frozen.configure(bundle)
    assert backend._tessdata_dir() == f"{tessdata}/"  # what tesserocr loads the vie model from
    assert pytesseract.pytesseract.tesseract_cmd == str(launcher)
    assert os.environ["PATH"].split(os.pathsep)[0] == str(launcher.parent)  # inherited by OCR workers


def test_windows_bundle_has_tesseract_exe(tmp_path: Path) -> None:
    launcher, tessdata = frozen.tesseract_paths(tmp_path, platform="win32")
    assert (launcher.name, tessdata.name) == ("tesseract.exe", "tessdata")
    assert launcher.parent == tessdata.parent == tmp_path / "tesseract"


def test_a_bundle_without_tesseract_changes_nothing(tmp_path: Path, restored: None) -> None:
    before = os.environ["PATH"]
    assert frozen.configure(tmp_path) == {}
    assert os.environ["PATH"] == before


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["/usr/bin/sohoa", "process", "in", "--out", "out"], "cli"),
        (["/opt/sohoa-station/sohoa", "--version"], "cli"),
        (["/opt/sohoa-station/sohoa-station"], "gui"),
        (["/opt/sohoa-station/sohoa-station", "--profile", "demo"], "gui"),
        (["/opt/sohoa-station/sohoa-station", "--cli", "batches"], "cli"),
        (["/opt/sohoa-station/sohoa-station", child.FROZEN_CHILD_FLAG, "5"], "child"),
        (["/opt/sohoa-station/sohoa-station", "--self-test", "gui"], "self-test"),
    ],
)
def test_role_from_how_the_program_was_started(argv: list[str], expected: str) -> None:
    assert frozen.role(argv) == expected


def test_child_command_frozen_and_from_source(monkeypatch: pytest.MonkeyPatch) -> None:
    assert child.child_command(7) == [sys.executable, "-m", "app.scanning.child", "7"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert child.child_command(7) == [sys.executable, child.FROZEN_CHILD_FLAG, "7"]


def count_job(n: int, should_cancel: Callable[[], bool]) -> Iterator[Any]:
    """A scanner-like job for the child process: yields n items and the child's process id."""
    for i in range(n):
        if should_cancel():
            return
        yield (i, os.getpid())


def test_scanner_child_runs_through_the_frozen_dispatch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The child started the frozen way (flag, no -m) goes through app.frozen.boot and streams back."""
    started: list[list[str]] = []

    def frozen_style(fd: int) -> list[str]:
        command = [sys.executable, "-c", BOOT, child.FROZEN_CHILD_FLAG, str(fd)]
        started.append(command)
        return command

    monkeypatch.setattr(child, "child_command", frozen_style)
    items = list(child.stream_from_child(count_job, (3,), CancelToken(), idle_timeout=60))
    assert [i for i, _ in items] == [0, 1, 2]
    assert {pid for _, pid in items} != {os.getpid()} and len(started) == 1


def test_cli_dispatch_runs_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        frozen.boot(["/usr/bin/sohoa", "--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == app.__version__


def test_spec_bundles_resources_where_the_code_looks_for_them() -> None:
    """Code finds resources at <folder holding app/>/resources; the spec must put them there."""
    from app.core.agencies import default_catalogue_path
    from app.core.doctypes import default_doctypes_dir
    from app.pdf import cover_sheets
    from app.reports import pdf_report
    from app.ui.app import I18N_DIR

    resources = REPO / "resources"
    assert default_doctypes_dir() == resources / "doctypes"
    assert default_catalogue_path() == resources / "agencies.csv"
    assert resources / "i18n" == I18N_DIR
    assert Path(pdf_report.FONT_PAIRS[0][0]).parent == resources / "fonts"
    assert Path(cover_sheets.FONT_FILES[0]).parent == resources / "fonts"
    spec = (REPO / "packaging" / "linux" / "sohoa.spec").read_text(encoding="utf-8")
    for destination in ("resources/doctypes", "resources/fonts", "resources/i18n", "app/store/migrations"):
        assert f'"{destination}"' in spec
