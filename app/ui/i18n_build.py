"""Rebuild the Vietnamese translation: lupdate over app/ui, fill from resources/i18n/vi/*.json, lrelease.

Each screen keeps its translations in ``resources/i18n/vi/<screen>.json`` as
``{"ContextClass": {"English source": "Bản dịch tiếng Việt"}}`` so that several people can add
screens without editing one XML file. Run ``python -m app.ui.i18n_build``; it prints what is still
untranslated and exits 1 when anything is.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[2]
I18N = REPO / "resources" / "i18n"
TS = I18N / "sohoa_vi.ts"
QM = I18N / "sohoa_vi.qm"
PARTS = I18N / "vi"


def load_parts(folder: Path = PARTS) -> dict[tuple[str, str], str]:
    """(context, source) -> translation from every JSON part file."""
    table: dict[tuple[str, str], str] = {}
    for path in sorted(folder.glob("*.json")):
        for context, messages in json.loads(path.read_text(encoding="utf-8")).items():
            for source, translation in messages.items():
                table[(context, source)] = translation
    return table


def fill(ts_path: Path, parts: dict[tuple[str, str], str]) -> list[str]:
    """Put part translations into unfinished messages of the .ts; returns what is still missing."""
    tree = ET.parse(ts_path)  # noqa: S314 - our own translation file, not untrusted input
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            if node is None:
                node = ET.SubElement(message, "translation")
            done = node.text and node.get("type") not in ("unfinished", "vanished", "obsolete")
            if (name, source) in parts:
                node.text, done = parts[(name, source)], True
                node.attrib.pop("type", None)
            if node.get("type") in ("vanished", "obsolete"):
                continue
            if not done:
                missing.append(f"{name}: {source}")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    bin_dir = Path(sys.executable).parent
    sources = sorted(str(p) for p in (REPO / "app" / "ui").rglob("*.py"))
    subprocess.run([bin_dir / "pyside6-lupdate", *sources, "-no-obsolete", "-ts", str(TS)], check=True)
    missing = fill(TS, load_parts())
    subprocess.run([bin_dir / "pyside6-lrelease", str(TS), "-qm", str(QM)], check=True)
    for line in missing:
        print(f"chưa dịch: {line}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
