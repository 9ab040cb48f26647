"""A printed agency's place name spelled as the agency catalogue spells it, when OCR only missed marks.

The catalogue knows every real commune, ward and district. When the name read in a header
(``XÃ PHỦ CHÂU``) has exactly the letters of one catalogue name of the same kind of unit
(``Xã Phú Châu``) and only the marks differ, the catalogue's marks are the right ones — the way an
officer reads a smudged header. A name that cannot be Vietnamese as read (``PHỦ CHÂẦU``) may also
be one letter off. A name that already has the catalogue's letters, tones and vowel marks is left
exactly as printed (old and new tone placement, ``HOÀ``/``HÒA``, both stay), and so is any name
that matches no entry or several differently spelled ones. Only the shipped catalogue is used
(the extractor does not know the station's data folder and its imported additions).
"""

from __future__ import annotations

import functools
import logging

from rapidfuzz.distance import Levenshtein

from app.core.agencies import CatalogueError, load_catalogue
from app.core.issuer import UNIT_WORDS, parse_unit
from app.core.syllables import all_valid, tone_key
from app.core.textnorm import fold

log = logging.getLogger(__name__)

MAX_LETTERS_OFF = 1  # only for names that cannot be right as read


@functools.cache
def _spellings() -> dict[tuple[str, str], frozenset[str]]:
    """(folded unit word, folded name) -> the catalogue's spellings of that name."""
    try:
        agencies = load_catalogue().all()
    except CatalogueError:
        log.warning("agency catalogue unreadable: printed agency names are kept as read")
        return {}
    table: dict[tuple[str, str], set[str]] = {}
    for agency in agencies:
        unit = parse_unit(agency.name)
        if unit is None:
            continue
        words = agency.name.split()[len(unit.unit.split()) :]
        table.setdefault((unit.unit, unit.name), set()).add(" ".join(words))
    return {key: frozenset(names) for key, names in table.items()}


def snap_agency(printed: str) -> str:
    """``printed`` with its place name's marks taken from the catalogue where only marks differ."""
    words = printed.split()
    found = _unit_at(words)
    if found is None:
        return printed
    start, unit = found
    name = words[start:]
    right = _catalogue_spelling(unit, name)
    if right is None or len(right) != len(name):
        return printed
    fixed = [_as_cased(r, w) if tone_key(r) != tone_key(w) else w for r, w in zip(right, name, strict=True)]
    return " ".join(words[:start] + fixed)


def _unit_at(words: list[str]) -> tuple[int, str] | None:
    """(index of the place name's first word, folded unit word) for the first unit word printed."""
    folded = [fold(w) for w in words]
    for start in range(len(words)):
        for unit in UNIT_WORDS:
            size = len(unit.split())
            if " ".join(folded[start : start + size]) == unit and start + size < len(words):
                return start + size, unit
    return None


def _catalogue_spelling(unit: str, name: list[str]) -> list[str] | None:
    """The one catalogue spelling of ``name`` (same letters; or one letter off when the printed
    name cannot be Vietnamese as read, like ``CHÂẦU``), None when there is none or several."""
    key = fold(" ".join(name))
    table = _spellings()
    known = table.get((unit, key), frozenset())
    if not known and not all_valid(name):
        near = [k for u, k in table if u == unit and Levenshtein.distance(k, key) <= MAX_LETTERS_OFF]
        known = frozenset(n for k in near for n in table[(unit, k)])
    spelled = {n.upper() for n in known}
    return next(iter(spelled)).split() if len(spelled) == 1 else None


def _as_cased(right: str, printed: str) -> str:
    """The catalogue's word in the printed word's case (headers are upper case, addresses not)."""
    if printed.isupper():
        return right.upper()
    return right[:1].upper() + right[1:].lower()
