"""NFC and diacritics-insensitive folding: examples and hypothesis properties."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from app.core.textnorm import collapse_spaces, fold, nfc, strip_marks

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
vietnamese_text = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " \t\n", max_size=40)


def test_fold_matches_the_search_example() -> None:
    assert fold("Nguyễn Văn A") == "nguyen van a"
    assert fold("  ỦY BAN NHÂN DÂN   XÃ ĐA TỐN ") == "uy ban nhan dan xa da ton"


def test_fold_maps_d_with_stroke_to_d() -> None:
    assert fold("Đặng Đình Đức") == "dang dinh duc"
    assert strip_marks("Đà Nẵng") == "Da Nang"


def test_nfc_composes_decomposed_input() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn")
    assert decomposed != "Nguyễn"
    assert nfc(decomposed) == "Nguyễn"


def test_collapse_spaces() -> None:
    assert collapse_spaces(" a \t b\n\nc ") == "a b c"


@given(st.text(max_size=60))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text(max_size=60))
def test_fold_ignores_normalisation_form(text: str) -> None:
    assert fold(nfc(text)) == fold(text)
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)


@given(vietnamese_text)
def test_folded_vietnamese_is_plain_lowercase_ascii(text: str) -> None:
    folded = fold(text)
    assert folded.isascii()
    assert folded == folded.lower()
    assert "  " not in folded
    assert folded == folded.strip()


@given(vietnamese_text)
def test_fold_is_case_and_mark_insensitive(text: str) -> None:
    assert fold(text.upper()) == fold(text.lower()) == fold(strip_marks(text))


@given(st.text(max_size=60))
def test_nfc_is_idempotent_and_preserves_canonical_equivalence(text: str) -> None:
    once = nfc(text)
    assert nfc(once) == once
    assert unicodedata.normalize("NFD", once) == unicodedata.normalize("NFD", text)
