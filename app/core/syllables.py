"""Vietnamese syllable validity from the orthography: onset + (medial) rime + one tone, or not.

Written from the spelling rules of Quốc ngữ: a syllable is an optional onset consonant cluster, a
rime (optional medial o/u, a nucleus vowel or diphthong, an optional coda) and at most one tone
mark. Rimes closed by -p, -t, -c, -ch take only sắc or nặng; k/gh/ngh stand only before i, e, ê, y
(c/g/ng never do); a vowel letter carries at most one vowel mark. OCR readings such as ``CHÂẦU``
(two vowel marks on one nucleus) or ``thàp`` (grave on a -p rime) are impossible and rejected.
Abbreviations (``UBND``), numbers and foreign words are not syllables: ``syllable_status`` tells
them apart from misreadings so callers only distrust words that look Vietnamese but cannot be.
"""

from __future__ import annotations

import logging
import re
import unicodedata

log = logging.getLogger(__name__)

# Combining marks: the five tones and the three vowel modifiers (circumflex, breve, horn).
_TONES = {"\u0300": "huyen", "\u0301": "sac", "\u0303": "nga", "\u0309": "hoi", "\u0323": "nang"}
_VOWEL_MARKS = {"\u0302", "\u0306", "\u031b"}
_VOWELS = set("aăâeêioôơuưy")
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")

ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)  # fmt: skip

_PLAIN_RIMES = """
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot ooc oong
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
y ych ynh yt yp yu ya yêc yêm yên yêng yêp yêt yêu
"""
# Rimes with the medial o/u in front (hoa, khoăn, huân, thuế, tuyết, huơ).
_MEDIAL_RIMES = """
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăp oăt oe oen oeo oet
uâc uân uâng uât uây uê uêch uên uênh uêt uơ uy uych uyn uynh uyp uyt uya uyu uyêt uyên
"""
RIMES = frozenset((_PLAIN_RIMES + _MEDIAL_RIMES).split())
_CHECKED_CODAS = ("p", "t", "c", "ch")  # "stop" endings: only sắc or nặng
_FRONT = ("i", "e", "ê", "y")
_FRONT_ONLY = {"k": "c", "gh": "g", "ngh": "ng"}  # onset before front vowels -> its other spelling


def _split_marks(word: str) -> tuple[str, str | None, bool] | None:
    """(toneless lower-case letters with vowel marks, tone name, ok) or None when not letters.

    ``ok`` is False for two tone marks, or a vowel mark doubled / on a consonant.
    """
    letters: list[str] = []
    tone: str | None = None
    ok = True
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in _TONES:
            ok = ok and tone is None
            tone = _TONES[ch]
        elif ch in _VOWEL_MARKS:
            ok = ok and bool(letters) and letters[-1] in "aeouAEOU"
            if letters:
                letters[-1] = unicodedata.normalize("NFC", letters[-1] + ch)
        elif unicodedata.combining(ch):
            ok = False
        elif ch.isalpha():
            letters.append(ch)
        else:
            return None
    return "".join(letters), tone, ok


def _rime_ok(onset: str, rime: str, tone: str | None) -> bool:
    if rime not in RIMES:
        return False
    if onset == "qu" and rime[0] in "uo":
        return False  # "quu", "quo" do not occur: qu already holds the medial
    if onset in _FRONT_ONLY and not rime.startswith(_FRONT):
        return False
    if onset in _FRONT_ONLY.values() and rime.startswith(_FRONT) and onset != "g":
        return False  # "ci", "nge": written k-, ngh-
    if onset == "g" and rime.startswith(("e", "ê")):
        return False  # "ge": written gh-; "gi" is the onset gi-
    if rime.endswith(_CHECKED_CODAS) and tone not in ("sac", "nang"):
        return False
    return not (rime[0] == "y" and len(rime) > 2 and rime[1] == "ê" and onset not in ("", "qu"))


def is_syllable(word: str) -> bool:
    """True when ``word`` (letters only, any case) is a well-formed Vietnamese syllable."""
    split = _split_marks(word)
    if split is None or not split[0]:
        return False
    plain, tone, ok = split
    if not ok:
        return False
    # "gi" may share its i with the rime: gì, gìn, giếng are read as g + in, g + iêng
    return any(plain.startswith(o) and _rime_ok(o, plain[len(o) :], tone) for o in ONSETS)


def tone_key(word: str) -> tuple[str, str | None]:
    """The word's letters with vowel marks (lower case) and its tone, wherever the tone mark sits:
    ``tone_key("HOÀ") == tone_key("hòa")``; a token that is not letters gives its own lower case."""
    split = _split_marks(word)
    return (word.lower(), None) if split is None else (split[0], split[1])


def word_core(token: str) -> str:
    """The token without punctuation at either end: ``"Vực,"`` -> ``"Vực"``, ``"„PHÓ"`` -> ``"PHÓ"``."""
    return _EDGE_PUNCTUATION.sub("", token)


def syllable_status(token: str) -> str:
    """``"valid"``, ``"invalid"`` (looks Vietnamese but cannot be one) or ``"other"``.

    Surrounding punctuation is ignored. Tokens with digits or symbols inside, and letter runs
    without a vowel (``UBND``, ``TP``) or without any Vietnamese mark that also fail the check
    (foreign words, abbreviations such as ``QĐ``) are ``"other"``.
    """
    core = word_core(token)
    if not core or not all(c.isalpha() for c in core):
        return "other"
    if is_syllable(core):
        return "valid"
    split = _split_marks(core)
    if split is None:
        return "other"
    plain, tone, ok = split
    if not any(c in _VOWELS for c in plain):
        return "other"
    marked = tone is not None or not ok or any(c in "ăâêôơưđ" for c in plain)
    return "invalid" if marked else "other"


# The most common family names, as printed (public knowledge: most Vietnamese carry one of these).
# Hà is left out on purpose: it starts too many place names (Hà Nội, Hà Tây, Hà Đông).
_SURNAMES = """
nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đào trịnh
mai trương lương lưu cao tạ chu thái quách tô la lâm vương đoàn hứa kiều khổng mạc
"""
COMMON_SURNAMES = frozenset(_SURNAMES.split())


def is_common_surname(word: str) -> bool:
    """True for a common Vietnamese family name in any case (``NGUYỄN``, ``Lê``)."""
    return unicodedata.normalize("NFC", word).lower() in COMMON_SURNAMES


def all_valid(words: list[str]) -> bool:
    """Every word of a name or agency line is a syllable (abbreviations such as UBND allowed)."""
    return all(syllable_status(w) != "invalid" for w in words)
