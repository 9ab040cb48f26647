"""Text helpers for extraction: diacritic folding, OCR digit repair, dates in digits and in words."""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata

log = logging.getLogger(__name__)

# Characters OCR commonly returns for digits; applied only inside number-shaped tokens.
_DIGIT_FIX = str.maketrans({"O": "0", "o": "0", "Q": "0", "D": "0", "l": "1", "I": "1", "i": "1"})
_DIGIT_FIX_MORE = str.maketrans({"|": "1", "S": "5", "s": "5", "B": "8", "b": "8", "q": "0", "d": "0"})
DIGIT = r"[0-9OoQDIli|]"
_FOLD_DIGIT = r"[0-9oqdil|]"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold_char(ch: str) -> str:
    """One character without diacritics, lower case; always exactly one character long."""
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


def fold(text: str) -> str:
    """Diacritics-free lower-case copy with the same length, so positions map back to ``text``."""
    return "".join(fold_char(c) for c in text)


def fix_digits(token: str) -> str:
    return token.translate(_DIGIT_FIX).translate(_DIGIT_FIX_MORE)


def make_date(day: int, month: int, year: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


_DATE_DIGITS = re.compile(
    rf"(?<![0-9])({DIGIT}{{1,2}})\s*[/.-]\s*({DIGIT}{{1,2}})\s*[/.-]\s*({DIGIT}{{4}})(?![0-9])"
)
_DATE_LONG = re.compile(
    rf"ngay\s*({_FOLD_DIGIT}{{1,2}})\s*,?\s*thang\s*({_FOLD_DIGIT}{{1,2}})\s*,?\s*nam\s*({_FOLD_DIGIT}{{4}})"
)


def _ymd(d: str, m: str, y: str) -> str | None:
    try:
        return make_date(int(fix_digits(d)), int(fix_digits(m)), int(fix_digits(y)))
    except ValueError:
        return None


def date_digits(text: str) -> tuple[str, int] | None:
    """First dd/mm/yyyy date in ``text`` as (ISO date, start offset)."""
    for m in _DATE_DIGITS.finditer(text):
        iso = _ymd(m.group(1), m.group(2), m.group(3))
        if iso:
            return iso, m.start()
    return None


def date_long(text: str) -> tuple[str, int] | None:
    """First "ngày d tháng m năm yyyy" date in ``text`` (any case, diacritics optional)."""
    for m in _DATE_LONG.finditer(fold(text)):
        iso = _ymd(m.group(1), m.group(2), m.group(3))
        if iso:
            return iso, m.start()
    return None


_UNITS = {
    "khong": 0, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5,
    "nham": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
}  # fmt: skip
_SKIP = {"mong", "linh", "le", "ngay", "thang"}


def words_to_int(words: str) -> int | None:
    """Vietnamese number words ("hai nghìn không trăm mười sáu") to an int; None if not a number."""
    total, cur, seen = 0, 0, False
    for tok in re.findall(r"[a-z]+", fold(words)):
        if tok in _SKIP:
            continue
        if tok in _UNITS:
            cur += _UNITS[tok]
        elif tok in ("muoi", "chuc"):
            cur = cur * 10 if cur else 10
        elif tok == "tram":
            total, cur = total + cur * 100, 0
        elif tok in ("nghin", "ngan"):
            total, cur = (total + cur) * 1000, 0
        else:
            return None
        seen = True
    return total + cur if seen else None


_DATE_WORDS = re.compile(r"ngay\s+([a-z ]+?)\s*,\s*thang\s+([a-z ]+?)\s*,\s*nam\s+([a-z ]+)")


def date_words(text: str) -> str | None:
    """A date written in words: "Ngày hai mươi, tháng mười, năm hai nghìn không trăm mười sáu"."""
    m = _DATE_WORDS.search(fold(text.replace("\n", " ")))
    if not m:
        return None
    parts = [words_to_int(g) for g in m.groups()]
    if any(p is None for p in parts):
        return None
    day, month, year = (int(p or 0) for p in parts)
    return make_date(day, month, year)


def _is_title(word: str) -> bool:
    return word.isalpha() and word[0].isupper() and (len(word) == 1 or word[1:].islower())


def title_runs(text: str, min_words: int = 2, max_words: int = 6) -> list[tuple[str, int]]:
    """Runs of capitalised words ("Nguyễn Văn An") in ``text`` with their start offsets."""
    runs: list[tuple[str, int]] = []
    cur: list[re.Match[str]] = []
    for m in [*re.finditer(r"\S+", text), None]:
        word = m.group(0).rstrip(",.;:)") if m else ""
        if m and _is_title(word) and len(word) > 1 and m.group(0) == word:
            cur.append(m)
            continue
        if m and _is_title(word) and len(word) > 1:
            cur.append(m)  # a name may end at a comma or full stop
        if min_words <= len(cur) <= max_words:
            runs.append((" ".join(x.group(0).rstrip(",.;:)") for x in cur), cur[0].start()))
        cur = []
    return runs


def upper_prefix(text: str) -> str:
    """The leading run of all-upper-case words ("NGUYỄN VĂN AN, sinh …" -> "NGUYỄN VĂN AN")."""
    words = []
    for w in text.split():
        core = w.rstrip(",.;:")
        if not (core.isalpha() and core.isupper()):
            break
        words.append(core)
        if core != w:
            break
    return " ".join(words)


def name_case(name: str) -> str:
    """Normal case for a Vietnamese personal name: "NGUYỄN VĂN AN" -> "Nguyễn Văn An"."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())
