"""`sohoa agencies`: the shipped catalogue, matching as printed, and an administrator's imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main


def _run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_match_names_the_entry_and_todays_successor(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = _run(capsys, tmp_path, "agencies", "match", "ỦY BAN NHÂN DÂN XÃ CAM THƯỢNG")
    assert code == 0 and "h26.ba-vi.cam-thuong" in out and "Xã Quảng Oai" in out


def test_ambiguous_name_lists_candidates(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = _run(capsys, tmp_path, "agencies", "match", "UBND XÃ TÂN DÂN")
    assert code == 1 and "h26.soc-son.tan-dan" in out and "h26.phu-xuyen.tan-dan" in out
    code, out, _ = _run(
        capsys, tmp_path, "agencies", "match", "UBND XÃ TÂN DÂN", "--parent", "UBND HUYỆN SÓC SƠN"
    )
    assert code == 0 and "h26.soc-son.tan-dan" in out


def test_code_import_survives_and_bad_import_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    codes = tmp_path / "codes.csv"
    codes.write_text("key,code\nh26.gia-lam,000.18.00.H26\n", encoding="utf-8")
    code, out, _ = _run(capsys, tmp_path, "agencies", "import", str(codes))
    assert code == 0 and "1 cơ quan" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("key,name,level,parent\nh26.x,Xã X,xa,h26.khong-co\n", encoding="utf-8")
    code, _, err = _run(capsys, tmp_path, "agencies", "import", str(bad))
    assert code == 1 and "h26.khong-co" in err
    code, out, _ = _run(capsys, tmp_path, "agencies", "list", "gia lam")
    assert code == 0 and "000.18.00.H26\tHuyện Gia Lâm" in out
    assert "h26.x\t" not in out


def test_malformed_file_gets_a_vietnamese_message(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("key,name,level\nh26.y,Xã Y,commune\n", encoding="utf-8")
    code, _, err = _run(capsys, tmp_path, "agencies", "import", str(bad))
    assert code == 1 and "Dòng 2" in err
