"""Every string the UI shows through tr() has a finished Vietnamese translation, compiled and current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "i18n" / "sohoa_vi.ts"
QM = REPO / "resources" / "i18n" / "sohoa_vi.qm"
BIN = Path(sys.executable).parent


def test_every_ui_string_is_translated_to_vietnamese(tmp_path: Path) -> None:
    scratch = tmp_path / "check.ts"
    shutil.copy(TS, scratch)
    sources = sorted(str(p) for p in (REPO / "app" / "ui").rglob("*.py"))
    subprocess.run([BIN / "pyside6-lupdate", *sources, "-ts", str(scratch)], check=True, capture_output=True)
    untranslated = [
        m.findtext("source")
        for m in ET.parse(scratch).iter("message")
        if m.find("translation") is not None
        and (m.find("translation").get("type") in ("unfinished",) or not m.findtext("translation"))
    ]
    assert untranslated == [], f"add Vietnamese for: {untranslated}"


def test_compiled_translation_matches_the_source(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    subprocess.run([BIN / "pyside6-lrelease", str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on resources/i18n/sohoa_vi.ts"
