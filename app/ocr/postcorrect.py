"""Vietnamese post-correction of whole lines the administrative forms always print the same way.

Decree 30/2020 and the civil-status forms fix a few lines word for word (the national motto, the
signature block's role lines, the recipients' heading, signature captions). Tesseract's fast
``vie`` model sometimes drops their diacritics (``UY BAN NHAN DAN``) or picks up a speck from a
seal (``.PHÓ CHỦ TỊCH``). A recognised line whose letters, without accents and punctuation, match
one of these lines almost exactly is replaced by it. Free text (names, places, numbers) is never
touched: a rule only fires on a complete fixed line.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Sequence

from rapidfuzz.fuzz import ratio

log = logging.getLogger(__name__)

MIN_RATIO = 90.0
MIN_KEY_CHARS = 6  # shorter lines are too ambiguous to correct without accents

FIXED_LINES = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "ỦY BAN NHÂN DÂN",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "TRƯỞNG PHÒNG",
    "KT. TRƯỞNG PHÒNG",
    "PHÓ TRƯỞNG PHÒNG",
    "NGƯỜI KÝ GIẤY KHAI SINH",
    "Nơi nhận:",
    "- Như Điều 3;",
    "- Lưu: VT.",
    "(Ký, ghi rõ họ tên)",
    "(Ký, ghi rõ họ, chữ đệm, tên)",
    "(Ký, ghi rõ họ, tên, chức vụ và đóng dấu)",
    "(Bản chính)",
)


def _key(text: str) -> str:
    """Letters and digits only, accents dropped (đ counts as d); case kept: ``Chủ tịch`` in a
    sentence is not the ``CHỦ TỊCH`` role line."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in plain if c.isalnum() and not unicodedata.combining(c))


_BY_KEY = {_key(line): line for line in FIXED_LINES}


def fixed_line(text: str) -> str | None:
    """The fixed form line ``text`` was meant to be, if it is (almost) exactly one."""
    key = _key(text)
    if text in FIXED_LINES or len(key) < MIN_KEY_CHARS:
        return None if text not in FIXED_LINES else text
    if key in _BY_KEY:
        return _BY_KEY[key]
    best = max(_BY_KEY, key=lambda k: ratio(key, k))
    return _BY_KEY[best] if ratio(key, best) >= MIN_RATIO else None


def correct_words(words: Sequence[str]) -> list[str]:
    """The words of one line, replaced by a fixed line's words when the line is one of them."""
    fixed = fixed_line(" ".join(words))
    if fixed is None:
        return list(words)
    parts = fixed.split()
    return parts if len(parts) == len(words) else list(words)
