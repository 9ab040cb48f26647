"""Second look at print Tesseract's layout analysis left out (page numbers, list numbering).

Tesseract's column finder drops narrow isolated columns: the page number alone at the top, the
``37.`` numbers left of a list. Text-sized ink not covered by any recognised word is cut out,
stacked into one strip and read in a single extra pass; the words are mapped back to the page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace

import cv2
import numpy as np

from app.ocr.tsv import RawWord

log = logging.getLogger(__name__)

Box = tuple[int, int, int, int]

MIN_HEIGHT_MM = 1.2
MAX_HEIGHT_MM = 6.5
JOIN_MM = 2.0  # ink closer than this belongs to the same piece (one number, one word)
PAD_MM = 1.5
MAX_PIECES = 80
INK_LEVEL = 160
MIN_CONF = 70.0


def uncovered_pieces(page: np.ndarray, words: Sequence[RawWord], dpi: int) -> list[Box]:
    """Boxes (x0, y0, x1, y1) of text-sized ink that no recognised word covers."""
    mask = (page < INK_LEVEL).astype(np.uint8)
    for word in words:
        mask[max(0, word.y0 - 2) : word.y1 + 2, max(0, word.x0 - 2) : word.x1 + 2] = 0
    join = max(1, round(dpi * JOIN_MM / 25.4))
    grown = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (join, max(1, join // 3))))
    n, _, stats, _ = cv2.connectedComponentsWithStats(grown, connectivity=8)
    lo, hi = dpi * MIN_HEIGHT_MM / 25.4, dpi * MAX_HEIGHT_MM / 25.4
    boxes = []
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if lo <= h - join // 3 <= hi and w - join < 6 * h:
            box = _where_print_hides((x, y, x + w, y + h), words, page, dpi)
            if box is not None:
                boxes.append(box)
    return boxes[:MAX_PIECES]


def _where_print_hides(box: Box, words: Sequence[RawWord], page: np.ndarray, dpi: int) -> Box | None:
    """The piece to re-read, only where left-out print is expected: the page number's place, or
    right before the first word of a row (then with that word, so ``37`` and ``.`` are read together)."""
    x0, y0, x1, y1 = box
    height, width = page.shape
    first_word_top = min((w.y0 for w in words), default=height)
    if y1 <= first_word_top and y1 < height * 0.12 and abs((x0 + x1) / 2 - width / 2) < width * 0.1:
        return box
    reach = dpi * JOIN_MM / 25.4 * 1.5
    cy = (y0 + y1) / 2
    beside = [w for w in words if w.y0 <= cy <= w.y1 and 0 <= w.x0 - x1 <= reach]
    if len(beside) != 1 or any(w.y0 <= cy <= w.y1 and w.x1 <= x0 for w in words):
        return None  # only at the start of a row, where list numbers stand
    w = beside[0]
    return (x0, min(y0, w.y0), w.x1, max(y1, w.y1))


def _padded(piece: np.ndarray, pad: int) -> np.ndarray:
    """The piece alone on white: no neighbouring print leaks into the re-read."""
    out = np.full((piece.shape[0] + 2 * pad, piece.shape[1] + 2 * pad), 255, np.uint8)
    out[pad : pad + piece.shape[0], pad : pad + piece.shape[1]] = piece
    return out


def drop_reread(words: Sequence[RawWord], reread: Sequence[RawWord]) -> list[RawWord]:
    """The first pass's words minus those a re-read word now covers."""
    return [
        w
        for w in words
        if not any(r.x0 <= (w.x0 + w.x1) / 2 <= r.x1 and r.y0 <= w.cy <= r.y1 for r in reread)
    ]


def read_pieces(
    page: np.ndarray,
    boxes: Sequence[Box],
    dpi: int,
    ocr: Callable[[np.ndarray], list[RawWord]],
    scale: float = 1.0,
    min_conf: float = MIN_CONF,
) -> list[RawWord]:
    """OCR all pieces in one pass: a white strip with the pieces stacked, words mapped back.

    ``scale`` enlarges (or shrinks) the strip before it is read; ``ocr`` is told nothing of it.
    """
    if not boxes:
        return []
    strip, origins = _stack(page, boxes, max(2, round(dpi * PAD_MM / 25.4)))
    if scale != 1.0:
        strip = cv2.resize(strip, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    found = []
    for word in (_unscaled(w, scale) for w in ocr(strip) if w.conf >= min_conf):
        for top, bottom, dx, dy in origins:
            if top <= (word.y0 + word.y1) / 2 < bottom:
                found.append(
                    replace(word, x0=word.x0 + dx, x1=word.x1 + dx, y0=word.y0 + dy, y1=word.y1 + dy)
                )
                break
    return found


def _stack(page: np.ndarray, boxes: Sequence[Box], pad: int) -> tuple[np.ndarray, list[Box]]:
    """The pieces one under the other on white, and per piece (top, bottom, dx, dy) back to the page."""
    crops = [_padded(page[y0:y1, x0:x1], pad) for x0, y0, x1, y1 in boxes]
    width = max(c.shape[1] for c in crops) + 2 * pad
    strip = np.full((sum(c.shape[0] + pad for c in crops) + pad, width), 255, np.uint8)
    origins = []
    y = pad
    for crop, (x0, y0, _, _) in zip(crops, boxes, strict=True):
        strip[y : y + crop.shape[0], pad : pad + crop.shape[1]] = crop
        origins.append((y, y + crop.shape[0], x0 - 2 * pad, y0 - pad - y))
        y += crop.shape[0] + pad
    return strip, origins


def _unscaled(word: RawWord, scale: float) -> RawWord:
    if scale == 1.0:
        return word
    x0, y0, x1, y1 = (round(v / scale) for v in (word.x0, word.y0, word.x1, word.y1))
    return replace(word, x0=x0, y0=y0, x1=x1, y1=y1)
