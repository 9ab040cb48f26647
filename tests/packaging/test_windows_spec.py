"""The Windows PyInstaller spec picks the right files: run here with PyInstaller's build steps recorded."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "packaging" / "windows" / "sohoa-win.spec"

hooks = pytest.importorskip("PyInstaller.utils.hooks")


class Step:
    """Stands in for Analysis / PYZ / EXE / COLLECT: keeps what the spec passed."""

    made: ClassVar[list[Step]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.scripts, self.binaries, self.datas, self.pure = (
            [],
            kwargs.get("binaries", []),
            kwargs.get("datas", []),
            [],
        )
        Step.made.append(self)


def tesseract_for_windows(root: Path, langs: tuple[str, ...] = ("vie", "osd", "eng")) -> Path:
    (root / "tessdata" / "configs").mkdir(parents=True)
    (root / "tessdata" / "configs" / "tsv").write_text("tessedit_create_tsv 1\n")
    for name in ("tesseract.exe", "libtesseract-5.dll", "libleptonica-6.dll"):
        (root / name).write_bytes(b"MZ")
    for lang in langs:
        (root / "tessdata" / f"{lang}.traineddata").write_bytes(b"model")
    return root


def run_spec(monkeypatch: pytest.MonkeyPatch, tesseract: Path) -> dict[str, Any]:
    monkeypatch.setenv("SOHOA_TESSERACT_DIR", str(tesseract))
    monkeypatch.setattr(hooks, "collect_data_files", lambda *_a, **_k: [])
    monkeypatch.setattr(hooks, "collect_submodules", lambda *_a, **_k: ["app.cli"])
    Step.made = []
    names: dict[str, Any] = {"SPECPATH": str(SPEC.parent), "Analysis": Step, "PYZ": Step, "EXE": Step}
    names["COLLECT"] = Step
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), names)
    return names


def test_spec_bundles_tesseract_models_and_two_executables(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    names = run_spec(monkeypatch, tesseract_for_windows(tmp_path / "Tesseract-OCR"))
    analysis, gui, cli, collect = names["a"], names["gui_exe"], names["cli_exe"], names["coll"]
    binaries = {(Path(src).name, dest) for src, dest in analysis.kwargs["binaries"]}
    assert binaries == {
        ("tesseract.exe", "tesseract"),
        ("libtesseract-5.dll", "tesseract"),
        ("libleptonica-6.dll", "tesseract"),
    }
    datas = {(Path(src).name, dest) for src, dest in analysis.kwargs["datas"]}
    for lang in ("vie", "osd", "eng"):
        assert (f"{lang}.traineddata", "tesseract/tessdata") in datas
    assert ("configs", "tesseract/tessdata/configs") in datas
    assert ("sohoa_vi.qm", "resources/i18n") in datas and ("doctypes", "resources/doctypes") in datas
    assert (gui.kwargs["name"], gui.kwargs["console"]) == ("TramSoHoa", False)
    assert (cli.kwargs["name"], cli.kwargs["console"]) == ("sohoa", True)
    assert gui.kwargs["name"].lower() != cli.kwargs["name"].lower()  # NTFS ignores case
    assert collect.kwargs["name"] == "TramSoHoa" and collect.args[:2] == (gui, cli)
    assert Path(analysis.args[0][0]).is_file()  # the entry script exists


def test_spec_refuses_a_tesseract_without_the_vietnamese_model(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with pytest.raises(SystemExit, match=r"vie\.traineddata missing"):
        run_spec(monkeypatch, tesseract_for_windows(tmp_path / "Tesseract-OCR", langs=("eng",)))
    with pytest.raises(SystemExit, match=r"tesseract\.exe not found"):
        run_spec(monkeypatch, tmp_path / "nowhere")
