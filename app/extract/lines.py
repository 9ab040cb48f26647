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
        """Union of the boxes of ``value``'s words on one text row of line ``k``'s page.

        The row is the first one holding the value's first word; None without word boxes.
        """
        words = self.pages[self.lines[k].page].words
        tokens = fold(value).split()
        if not tokens:
            return None
        for anchor in (w for w in words if fold(w.text).strip(",.;:") == tokens[0]):
            mid = (anchor.box[1] + anchor.box[3]) / 2
            row = [
                w.box for w in words if w.box[1] <= mid <= w.box[3] and fold(w.text).strip(",.;:") in tokens
            ]
            return (
                min(b[0] for b in row),
                min(b[1] for b in row),
                max(b[2] for b in row),
                max(b[3] for b in row),
            )
        return None
