"""Tesseract's TSV output (``image_to_data``) turned into word records in the page's pixels."""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass

log = logging.getLogger(__name__)

WORD_LEVEL = 5
COLUMNS = (
    "level", "page_num", "block_num", "par_num", "line_num", "word_num",
    "left", "top", "width", "height", "conf", "text",
)  # fmt: skip


@dataclass(frozen=True)
class RawWord:
    """One recognised word as Tesseract reported it, box scaled to the caller's image."""

    text: str
    x0: int
    y0: int
    x1: int
    y1: int
    conf: float
    line_key: tuple[int, int, int]  # (block, paragraph, line) in Tesseract's own segmentation

    @property
    def height(self) -> int:
        return self.y1 - self.y0

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


def parse_tsv(tsv: str, scale: float = 1.0, offset: tuple[int, int] = (0, 0)) -> list[RawWord]:
    """Words of a TSV dump; ``scale`` maps the OCR'd image's pixels back to the caller's."""
    rows = tsv.splitlines()
    if rows and rows[0].startswith("level"):
        rows = rows[1:]  # the CLI writes a header line, tesserocr does not
    col = {name: i for i, name in enumerate(COLUMNS)}
    words: list[RawWord] = []
    for row in rows:
        cells = row.split("\t")
        if len(cells) < len(COLUMNS) or int(cells[col["level"]]) != WORD_LEVEL:
            continue
        text = unicodedata.normalize("NFC", cells[col["text"]]).strip()
        if not text:
            continue
        words.append(_word(cells, col, text, scale, offset))
    return words


def _word(cells: list[str], col: dict[str, int], text: str, scale: float, offset: tuple[int, int]) -> RawWord:
    left, top = int(cells[col["left"]]), int(cells[col["top"]])
    width, height = int(cells[col["width"]]), int(cells[col["height"]])
    ox, oy = offset
    return RawWord(
        text=text,
        x0=ox + round(left * scale),
        y0=oy + round(top * scale),
        x1=ox + round((left + width) * scale),
        y1=oy + round((top + height) * scale),
        conf=float(cells[col["conf"]]),
        line_key=(int(cells[col["block_num"]]), int(cells[col["par_num"]]), int(cells[col["line_num"]])),
    )
