"""Text helpers of extraction: folding, OCR digit repair, dates in digits and words, names."""

from __future__ import annotations

import pytest

from app.extract.extractor import six_months_after
from app.extract.text import date_digits, date_long, date_words, fold, name_case, words_to_int


def test_fold_keeps_length_and_drops_diacritics() -> None:
    text = "Đặng Thị Hường"
    assert fold(text) == "dang thi huong"
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("hai nghìn không trăm mười sáu", 2016),
        ("một nghìn chín trăm năm mươi hai", 1952),
        ("hai mươi mốt", 21),
        ("mồng năm", 5),
        ("mười", 10),
    ],
)
def test_number_words(words: str, number: int) -> None:
    assert words_to_int(words) == number


def test_number_words_rejects_other_text() -> None:
    assert words_to_int("Bệnh viện") is None


def test_date_in_words() -> None:
    text = "Ngày mười hai, tháng tư, năm hai nghìn không trăm hai mươi ba"
    assert date_words(text) == "2023-04-12"


def test_date_digits_repairs_ocr_letters() -> None:
    found = date_digits("sinh ngày: O7/l2/2OO1")
    assert found is not None and found[0] == "2001-12-07"


def test_impossible_date_is_not_returned() -> None:
    assert date_digits("31/02/2020") is None


def test_place_date_line_without_diacritics() -> None:
    found = date_long("Dong Anh, ngay 3 thang 1O nam 2019")
    assert found is not None and found[0] == "2019-10-03"


def test_name_case() -> None:
    assert name_case("NGUYỄN VĂN AN") == "Nguyễn Văn An"


@pytest.mark.parametrize(
    ("issued", "until"),
    [("2023-08-31", "2024-02-29"), ("2013-09-14", "2014-03-14"), ("2022-12-31", "2023-06-30")],
)
def test_six_months_clamps_to_month_end(issued: str, until: str) -> None:
    assert six_months_after(issued) == until
