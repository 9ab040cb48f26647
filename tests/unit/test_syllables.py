"""Vietnamese syllable validity: real words pass, OCR misreadings that cannot be Vietnamese do not."""

from __future__ import annotations

import unicodedata

import pytest

from app.core.agencies import load_catalogue
from app.core.syllables import all_valid, is_common_surname, is_syllable, syllable_status, tone_key

_REAL = (
    "Nguyễn Trần Lê Phạm Huỳnh Đặng Bùi Ngô Dương Trịnh Quách Nghiêm Giang Khuê Thủy Thuỷ Hòa Hoà "
    "Huệ Quốc Quyết Tuyết Nguyệt Khuya Yến yêu giếng gì gìn Hữu Hương Thuận Bích Đạt Ngọc Oanh "
    "khoắng huơ thuở quýt Huỳnh xuất chiếc người ương ấy CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
)
REAL = _REAL.split()


@pytest.mark.parametrize("word", REAL)
def test_real_syllables_are_valid(word: str) -> None:
    assert is_syllable(word)
    assert syllable_status(word) == "valid"


def test_every_place_name_in_the_agency_catalogue_is_valid() -> None:
    words = {w for a in load_catalogue().all() for w in a.name.replace("-", " ").split() if w.isalpha()}
    assert len(words) > 300
    assert [w for w in words if syllable_status(w) != "valid"] == []


@pytest.mark.parametrize(
    "word",
    [
        "CHÂẦU",  # two circumflexes on one nucleus (read for CHÂU)
        "thàp",  # a -p rime takes only sắc or nặng
        "Phúà",  # two tones
        "Nguyễng",  # no rime "uyêng"
        "OƯƠNG",  # no rime "oương"
        "ghà",  # gh- only before i, e, ê
        "kàm",  # k- only before i, e, ê, y
    ],
)
def test_impossible_readings_are_invalid(word: str) -> None:
    assert not is_syllable(word)
    assert syllable_status(unicodedata.normalize("NFC", word)) == "invalid"


@pytest.mark.parametrize("token", ["UBND", "HĐND", "QĐ", "2019", "92/QĐ-CT", "-", "TP.", "Email:"])
def test_abbreviations_numbers_and_symbols_are_not_judged(token: str) -> None:
    assert syllable_status(token) == "other"


def test_punctuation_around_a_word_is_ignored() -> None:
    assert syllable_status("Vực,") == "valid"
    assert syllable_status("(Ký,") == "valid"
    assert all_valid(["ỦY", "BAN", "NHÂN", "DÂN", "XÃ", "PHÚ", "CHÂU"])
    assert not all_valid(["XÃ", "PHỦ", "CHÂẦU"])


def test_tone_key_ignores_where_the_tone_mark_sits() -> None:
    assert tone_key("HOÀ") == tone_key("hòa") == ("hoa", "huyen")
    assert tone_key("THUỶ") == tone_key("Thủy")
    assert tone_key("Phú") != tone_key("PHỦ")


def test_common_surnames_in_any_case() -> None:
    assert is_common_surname("NGUYỄN") and is_common_surname("Bùi") and is_common_surname("lê")
    assert not is_common_surname("Mạnh") and not is_common_surname("Nguyên")
