"""Second reading of doubtful lines: words dropped as unsure, read unsure, or not Vietnamese.

Names and agency lines suffer most from the page-wide pass: a seal or signature touching a name
leaves the first syllable unreadable (``Bùi Mạnh Thuận`` -> ``Mạnh Thuận``), a stacked diacritic
gets a low confidence and the word is dropped (``NGUYỄN NHẬT BẢO ĐẠT`` -> ``NHẬT BẢO ĐẠT``), or a
header line runs into the motto beside it and comes out as ``PHỦ CHÂẦU``. Each doubtful piece of a
line is cut out and read again, alone, three ways (as the page was read, enlarged, and from the
page before seal and signature removal keeping only ink as dark as print). Every word position
then takes the reading most of the readings agree on, never one that is no Vietnamese syllable;
a word the first pass dropped comes back only when two re-reads agree on a real syllable.
All pieces of a page are read in one Tesseract call per way (stacked, see ``rescue.read_pieces``).
"""

from __future__ import annotations

import logging
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from app.core.syllables import is_common_surname, syllable_status, word_core
from app.ocr.layout import group_rows
from app.ocr.preprocess import dark_print
from app.ocr.rescue import Box, read_pieces
from app.ocr.tsv import RawWord

log = logging.getLogger(__name__)

DOUBT_CONF = 80.0  # a word with letters read less sure than this makes its piece doubtful
SURE_CONF = 95.0  # a first-pass word this sure stays unless it is no syllable
NEW_CONF = 60.0  # a dropped or unseen word comes back only this sure on average,
NEW_VOTES = 2  # and read the same by this many re-reads
READ_CONF = 20.0  # re-read words below this are noise, not votes
MIN_HEIGHT_MM, MAX_HEIGHT_MM = 1.5, 7.0
GAP_MM = 6.0  # a gap this wide parts a row into separate pieces (two columns side by side)
PAD_LEFT = 0.8  # crop margins in line heights; more on the left, where a first syllable hides
PAD_LEFT_NAME = 3.0  # a name missing its surname: look this far left for it
PAD_X, PAD_Y = 0.3, 0.3
DARK_LEVEL = 80  # on the toned page print is near 0, seal ink well above this
ENLARGE = 1.25  # 1.5 read no better on the dev pages and cost more
MAX_PIECES = 24
SLOT_OVERLAP = 0.6  # a re-read word stands for a first-pass word covering this share of both
MM_PER_INCH = 25.4
OPENERS = "([“‘\"'"

Ocr = Callable[[np.ndarray, int], list[RawWord]]  # (image, dpi) -> words, one block of lines


@dataclass(frozen=True)
class Piece:
    """A doubtful run of words on one row: where to crop, and the first pass's words (indexes)."""

    box: Box
    words: tuple[int, ...]
    name_from: int | None = None  # where a personal name starts: its words all go to the vote


def reread_doubtful(
    image: np.ndarray, toned: np.ndarray, words: Sequence[RawWord], kept: Sequence[bool], dpi: int, ocr: Ocr
) -> list[RawWord]:
    """The kept words, with doubtful pieces of lines settled by re-reading them.

    ``words`` are all first-pass words, ``kept[i]`` whether word i survived the junk filters;
    ``image`` is the page Tesseract read, ``toned`` the same before seal/signature removal.
    """
    pieces = doubtful_pieces(image, toned, words, kept, dpi)
    if not pieces:
        return [w for w, k in zip(words, kept, strict=True) if k]
    boxes = [p.box for p in pieces]
    big = round(dpi * ENLARGE)
    reads = [
        read_pieces(image, boxes, dpi, lambda s: ocr(s, dpi), min_conf=READ_CONF),
        read_pieces(image, boxes, dpi, lambda s: ocr(s, big), scale=ENLARGE, min_conf=READ_CONF),
        read_pieces(dark_print(toned, DARK_LEVEL), boxes, dpi, lambda s: ocr(s, dpi), min_conf=READ_CONF),
    ]
    settled = {i for p in pieces for i in p.words}
    out = [w for i, (w, k) in enumerate(zip(words, kept, strict=True)) if k and i not in settled]
    for piece in pieces:
        inside = [[w for w in read if _centre_in(w, piece.box)] for read in reads]
        out.extend(settle(piece, words, kept, inside))
    log.debug("re-read %d doubtful pieces", len(pieces))
    return out


def doubtful_pieces(
    image: np.ndarray, toned: np.ndarray, words: Sequence[RawWord], kept: Sequence[bool], dpi: int
) -> list[Piece]:
    """Runs of text-sized words on a row holding a sure word and a dropped, unsure or impossible one."""
    lo, hi = dpi * MIN_HEIGHT_MM / MM_PER_INCH, dpi * MAX_HEIGHT_MM / MM_PER_INCH
    index = {id(w): i for i, w in enumerate(words)}
    text = [w for w in words if lo <= w.height <= hi and any(c.isalnum() for c in w.text)]
    pieces = []
    for row in group_rows(text):
        for run in _runs(row, dpi * GAP_MM / MM_PER_INCH):
            ids = tuple(index[id(w)] for w in run)
            left = _pad_left(run, [kept[i] for i in ids], toned)
            if left is not None:
                pieces.append(Piece(_crop_box(run, left, image.shape), ids, _name_start(run)))
    return pieces[:MAX_PIECES]


def _runs(row: list[RawWord], gap: float) -> list[list[RawWord]]:
    runs: list[list[RawWord]] = [[row[0]]]
    for w in row[1:]:
        if w.x0 - runs[-1][-1].x1 > gap:
            runs.append([w])
        else:
            runs[-1].append(w)
    return runs


def _pad_left(run: list[RawWord], kept: list[bool], toned: np.ndarray) -> float | None:
    """How far left to crop (in line heights) when the run is doubtful; None when it reads fine."""
    sure = [w for w, k in zip(run, kept, strict=True) if k and w.conf >= DOUBT_CONF]
    if not any(any(c.isalpha() for c in w.text) for w in sure):
        return None
    if any(_doubtful(w, k) for w, k in zip(run, kept, strict=True)):
        return PAD_LEFT
    if _name_without_surname(run) and _ink_left_of(run, toned):
        return PAD_LEFT_NAME
    if _name_start(run) is not None:
        return PAD_LEFT  # one misread mark changes a name: names always get the second look
    return None


def _name_start(run: list[RawWord]) -> int | None:
    """Where a personal name ending the run starts: two to five capitalised syllables from a common
    surname on, first on the run or right after a label (``Họ và tên: TRỊNH THU LINH``)."""
    texts = [w.text for w in run]
    for i, t in enumerate(texts):
        if is_common_surname(t) and (i == 0 or texts[i - 1].endswith(":")):
            tail = [x.rstrip(",.;") for x in texts[i:]]
            named = all(x[:1].isupper() and x.isalpha() and syllable_status(x) == "valid" for x in tail)
            return i if named and 2 <= len(tail) <= 5 else None
    return None


def _doubtful(word: RawWord, kept: bool) -> bool:
    if not any(c.isalpha() for c in word.text):
        return False
    return not kept or word.conf < DOUBT_CONF or syllable_status(word.text) == "invalid"


def _name_without_surname(run: list[RawWord]) -> bool:
    """Two to four syllables in name case (``Mạnh Thuận``) alone on their run, the first no common
    surname: a signer's name whose surname a seal or signature hid."""
    texts = [w.text for w in run]
    if not 2 <= len(texts) <= 4 or is_common_surname(texts[0]):
        return False
    return all(t.istitle() and t.isalpha() and syllable_status(t) == "valid" for t in texts)


def _ink_left_of(run: list[RawWord], toned: np.ndarray) -> bool:
    """Print-dark ink in the band left of the run, where a lost surname would stand."""
    height = statistics.median(w.height for w in run)
    x1, y0, y1 = run[0].x0 - round(height * 0.3), run[0].y0, run[0].y1
    x0 = max(0, x1 - round(height * PAD_LEFT_NAME))
    band = toned[y0:y1, x0 : max(x0, x1)]
    return bool((band < DARK_LEVEL).sum() > height * 2)


def _crop_box(run: list[RawWord], left: float, shape: tuple[int, ...]) -> Box:
    height = statistics.median(w.height for w in run)
    x0 = max(0, round(min(w.x0 for w in run) - left * height))
    x1 = min(shape[1], round(max(w.x1 for w in run) + PAD_X * height))
    y0 = max(0, round(min(w.y0 for w in run) - PAD_Y * height))
    y1 = min(shape[0], round(max(w.y1 for w in run) + PAD_Y * height))
    return x0, y0, x1, y1


def _centre_in(word: RawWord, box: Box) -> bool:
    x0, y0, x1, y1 = box
    return x0 <= (word.x0 + word.x1) / 2 <= x1 and y0 <= word.cy <= y1


def _overlap(a: RawWord, b: RawWord) -> float:
    """Horizontal overlap as a share of the wider word: a merged or split reading scores low."""
    inter = min(a.x1, b.x1) - max(a.x0, b.x0)
    return max(0, inter) / max(1, a.x1 - a.x0, b.x1 - b.x0)


def settle(
    piece: Piece, words: Sequence[RawWord], kept: Sequence[bool], reads: Sequence[Sequence[RawWord]]
) -> list[RawWord]:
    """The piece's words after the vote: first-pass positions, then words only the re-reads saw."""
    own = [words[i] if kept[i] else _trimmed(words[i]) for i in piece.words]
    slots: list[list[RawWord]] = [[] for _ in own]
    unseen: list[tuple[int, RawWord]] = []
    for r, read in enumerate(reads):
        best: dict[int, RawWord] = {}  # one reading per position and re-read: the best overlapping
        for w in map(_trimmed, read):
            k = max(range(len(own)), key=lambda j: _overlap(w, own[j]))
            if _overlap(w, own[k]) >= SLOT_OVERLAP:
                if k not in best or _overlap(w, own[k]) > _overlap(best[k], own[k]):
                    best[k] = w
            elif not any(_overlap(w, o) > 0 for o in own):
                unseen.append((r, w))
        for k, w in best.items():
            slots[k].append(w)
    out = []
    for k, i in enumerate(piece.words):
        vote_all = piece.name_from is not None and k >= piece.name_from
        chosen = _choose(own[k], kept[i], slots[k], vote_all)
        if chosen is not None:
            out.append(chosen)
    return out + _new_words(unseen)


def _trimmed(word: RawWord) -> RawWord:
    """The word without specks read in front of it (``.,PHÓ``, ``„PHÓ``); an opening bracket
    or quote stays."""
    start = next((i for i, c in enumerate(word.text) if c.isalnum() or c in OPENERS), len(word.text))
    return replace(word, text=word.text[start:]) if 0 < start < len(word.text) else word


def _tally(readings: Sequence[RawWord]) -> dict[str, list[RawWord]]:
    """Readings by their letters (``GIẤY.`` votes for ``GIẤY``), impossible syllables left out."""
    votes: dict[str, list[RawWord]] = {}
    for r in readings:
        if syllable_status(r.text) != "invalid":
            votes.setdefault(word_core(r.text), []).append(r)
    return votes


def _choose(word: RawWord, kept: bool, others: list[RawWord], vote_all: bool = False) -> RawWord | None:
    """One position: the sure first reading (unless ``vote_all``), else the spelling most readings
    agree on, in the first reading's punctuation."""
    valid_first = syllable_status(word.text) != "invalid"
    if kept and word.conf >= SURE_CONF and valid_first and not vote_all:
        return word
    votes = _tally([word, *others])
    if not votes:
        return word if kept else None
    core = max(votes, key=lambda c: (len(votes[c]), sum(r.conf for r in votes[c])))
    conf = round(statistics.mean(r.conf for r in votes[core]), 1)
    if not kept:
        again = [o for o in others if word_core(o.text) == core]
        if len(again) < NEW_VOTES or statistics.mean(o.conf for o in again) < NEW_CONF:
            return None
        text = Counter(o.text for o in again).most_common(1)[0][0]
        return replace(word, text=text, conf=conf) if syllable_status(core) == "valid" else None
    first = word_core(word.text)
    if core == first or (len(votes[core]) < NEW_VOTES and valid_first):
        return word  # the first reading stands: confirmed, or nothing else agreed on
    return replace(word, text=word.text.replace(first, core, 1), conf=conf)


def _new_words(unseen: list[tuple[int, RawWord]]) -> list[RawWord]:
    """Words no first-pass word stood for, kept when two re-reads agree on a sure real syllable."""
    out: list[RawWord] = []
    for r, w in unseen:
        if syllable_status(w.text) != "valid" or any(_overlap(w, o) >= SLOT_OVERLAP for o in out):
            continue
        same = [w2 for r2, w2 in unseen if r2 != r and w2.text == w.text and _overlap(w, w2) >= SLOT_OVERLAP]
        confs = [w.conf] + [w2.conf for w2 in same]
        if len(confs) >= NEW_VOTES and statistics.mean(confs) >= NEW_CONF:
            out.append(replace(w, conf=round(statistics.mean(confs), 1)))
    return out
