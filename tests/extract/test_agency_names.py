"""A misread place name in the agency header is spelled as the shipped catalogue spells it."""

from __future__ import annotations

from app.core.ocr_types import OcrPage
from app.extract import extract_document
from app.extract.agency_names import snap_agency


def test_marks_misread_on_a_known_commune_take_the_catalogue_spelling() -> None:
    assert snap_agency("ỦY BAN NHÂN DÂN XÃ ĐÀ TỒN") == "ỦY BAN NHÂN DÂN XÃ ĐA TỐN"
    assert snap_agency("UBND XA VAN NOI") == "UBND XA VÂN NỘI"
    assert snap_agency("UBND XÃ ĐA TÔN") == "UBND XÃ ĐA TỐN"


def test_an_impossible_syllable_one_letter_off_is_snapped() -> None:
    assert snap_agency("UBND XÃ ĐA TỐỐN") == "UBND XÃ ĐA TỐN"


def test_correct_readings_and_tone_placement_stay_as_printed() -> None:
    assert snap_agency("UBND HUYỆN ỨNG HÒA") == "UBND HUYỆN ỨNG HÒA"
    assert snap_agency("UBND HUYỆN ỨNG HOÀ") == "UBND HUYỆN ỨNG HOÀ"  # the catalogue writes Hòa
    assert snap_agency("ỦY BAN NHÂN DÂN XÃ ĐA TỐN") == "ỦY BAN NHÂN DÂN XÃ ĐA TỐN"


def test_unknown_names_departments_and_valid_near_misses_are_left_alone() -> None:
    assert snap_agency("UBND XÃ HOA SEN") == "UBND XÃ HOA SEN"
    assert snap_agency("PHÒNG TÀI CHÍNH - KẾ HOẠCH") == "PHÒNG TÀI CHÍNH - KẾ HOẠCH"
    assert snap_agency("UBND XÃ ĐA TẦN") == "UBND XÃ ĐA TẦN"  # real syllables, other letters


def test_the_extracted_issuer_uses_the_catalogue_spelling() -> None:
    text = "ỦY BAN NHÂN DÂN\nXÃ VẪN NỘI\nSố: 12\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nGIẤY KHAI SINH"
    page = OcrPage(text=text, width=1000, height=1400, dpi=200)
    assert extract_document([page]).values()["co_quan_ban_hanh"] == "ỦY BAN NHÂN DÂN XÃ VÂN NỘI"
