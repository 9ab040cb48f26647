"""Post-correction restores fixed form lines and leaves free text alone."""

from __future__ import annotations

from app.ocr.postcorrect import correct_words


def fix(line: str) -> str:
    return " ".join(correct_words(line.split()))


def test_role_line_gets_its_diacritics_back() -> None:
    assert fix("TM. UY BAN NHAN DAN") == "TM. ỦY BAN NHÂN DÂN"
    assert fix("KT. CHU TỊCH") == "KT. CHỦ TỊCH"


def test_speck_before_a_role_line_is_dropped() -> None:
    assert fix(".PHÓ CHỦ TỊCH") == "PHÓ CHỦ TỊCH"


def test_sentence_case_and_free_text_are_left_alone() -> None:
    assert fix("Chủ tịch") == "Chủ tịch"
    assert fix("Nguyen Van Nam") == "Nguyen Van Nam"
    assert fix("QUYẾT ĐỊNH:") == "QUYẾT ĐỊNH:"
    assert fix("Vự") == "Vự"
