"""The document as numbered lines across pages, with OCR-tolerant label search."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from app.core.ocr_types import Box, OcrPage
from app.extract.text import fold, nfc

log = logging.getLogger(__name__)

_WRAP_LINES = 4  # how many lines below its own a value may run on


@dataclass(frozen=True)
class Line:
    page: int
    index: int  # line number within its page
    text: str
    folded: str


@dataclass(frozen=True)
class Hit:
    """A label found on a line: the text after its colon and how well the label matched (0..1)."""

    line: int  # position in Doc.lines
    value: str
    score: float


class Doc:
    """All pages' lines in reading order; search helpers work on folded text."""

    def __init__(self, pages: Sequence[OcrPage]) -> None:
        self.pages = pages
        self.lines: list[Line] = []
        for p, page in enumerate(pages):
            for i, raw in enumerate(nfc(page.text).splitlines()):
                text = re.sub(r"\s+", " ", raw).strip()
                if text:
                    self.lines.append(Line(p, i, text, fold(text)))

    def find_line(self, pattern: str, start: int = 0, end: int | None = None) -> int | None:
        """Index of the first line whose folded text matches ``pattern`` (a regex)."""
        rx = re.compile(pattern)
        for k in range(start, len(self.lines) if end is None else min(end, len(self.lines))):
            if rx.search(self.lines[k].folded):
                return k
        return None

    def label(
        self, labels: Sequence[str], start: int = 0, end: int | None = None, cutoff: float = 85
    ) -> Hit | None:
        """First ``Label: value`` in lines [start, end) whose label fuzzily equals one of ``labels``.

        Labels are given folded ("ho va ten"); the words just before each colon on a line are
        compared, so a label may also sit in the middle of a line.
        """
        stop = len(self.lines) if end is None else min(end, len(self.lines))
        for k in range(start, stop):
            line = self.lines[k]
            for m in re.finditer(r"[:;]", line.folded):
                before = line.folded[: m.start()].split()
                for lab in labels:
                    n = len(lab.split())
                    if len(before) < n:
                        continue
                    score = fuzz.ratio(" ".join(before[-n:]), lab)
                    if score >= cutoff:
                        return Hit(k, line.text[m.end() :].strip(), score / 100)
        return None

    def box_of(self, k: int, value: str) -> Box | None:
        """Union of the boxes of the words that spell ``value`` around line ``k`` (None without boxes).

        The value's words are matched in order, starting on line ``k`` or up to two lines above it
        (a header value may begin there) and running on for a few lines (a long subject wraps); up
        to two unrelated words may sit between them. The best run wins.
        """
        line = self.lines[k]
        tokens = fold(value).split()
        lo, hi = line.index - 2, line.index + _WRAP_LINES
        near = [w for w in self.pages[line.page].words if lo <= w.line <= hi]
        near.sort(key=lambda w: (w.line, w.box[0]))
        folded = [fold(w.text).strip(",.;:()") for w in near]
        best: list[int] = []
        for first, word in enumerate(folded):
            if tokens and word == tokens[0]:
                run = _run(folded, first, tokens)
                if len(run) > len(best) or (len(run) == len(best) and near[first].line == line.index):
                    best = run
        if not best:
            return None
        boxes = [near[i].box for i in best]
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )


def _run(words: Sequence[str], first: int, tokens: Sequence[str], max_gap: int = 2) -> list[int]:
    """Indexes of ``words`` spelling ``tokens`` in order from ``first``, at most ``max_gap`` others apart."""
    matched, t, gap = [first], 1, 0
    for i in range(first + 1, len(words)):
        if t == len(tokens) or gap > max_gap:
            break
        if words[i] == tokens[t]:
            matched.append(i)
            t, gap = t + 1, 0
        else:
            gap += 1
    return matched
