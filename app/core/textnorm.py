"""Vietnamese text normalisation: NFC for storage and diacritics-insensitive folding for search."""

from __future__ import annotations

import logging
import re
import unicodedata

log = logging.getLogger(__name__)

_SPACES = re.compile(r"\s+")
# Đ/đ are base letters, not d + combining mark, so NFD does not split them: map them explicitly.
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(s: str) -> str:
    """The text in Unicode NFC (TCVN 6909:2001): precomposed Vietnamese letters."""
    return unicodedata.normalize("NFC", s)


def strip_marks(s: str) -> str:
    """The text without diacritics (tones and vowel marks) and with Đ/đ as D/d; case is kept."""
    decomposed = unicodedata.normalize("NFD", s)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare.translate(_D_MAP))


def collapse_spaces(s: str) -> str:
    """Runs of whitespace as one space, without leading or trailing whitespace."""
    return _SPACES.sub(" ", s).strip()


def fold(s: str) -> str:
    """A search key: no diacritics, đ as d, case-folded, whitespace collapsed.

    ``fold("Nguyễn  Văn A") == "nguyen van a"``; folding twice changes nothing.
    """
    folded = strip_marks(s).casefold()
    # casefold can produce new combining marks (e.g. "İ" -> "i̇"): strip again until stable.
    folded = strip_marks(folded)
    return collapse_spaces(folded)
