"""Vietnamese OCR of one cleaned page: prepare the image, one Tesseract pass, reading order, NFC.

The page is read at 250 dpi at most (300 dpi scans are reduced: faster, and as accurate on the dev
set), on gray (not binarised) after background flattening, seal and signature suppression and
leader erasure; Tesseract's page segmentation is psm 4 and the block order is ours (layout.py).
Lines with dropped, unsure or impossible words, and personal names, get a second look (reread.py);
``SOHOA_OCR_REREAD=0`` turns it off for comparisons.
"""

from __future__ import annotations

import logging
import os

import cv2
import numpy as np

from app.core.ocr_types import OcrPage, OcrWord
from app.ocr.backend import engine_name, run_tsv
from app.ocr.layout import reading_order
from app.ocr.postcorrect import correct_words
from app.ocr.preprocess import Box, prepare_layers
from app.ocr.reread import reread_doubtful
from app.ocr.rescue import drop_reread, read_pieces, uncovered_pieces
from app.ocr.tsv import RawWord, parse_tsv

log = logging.getLogger(__name__)

PSM = 4  # one column of variable-size text; our own layout step orders the blocks
RESCUE_PSM = 6  # the strip of left-out pieces: one block, one piece a line
# Finer scans are read at this resolution: faster, and as accurate on the dev set.
OCR_MAX_DPI = int(os.environ.get("SOHOA_OCR_DPI", "250"))
MIN_WORD_CONF = 30.0  # below this almost every "word" is a seal or signature remnant
MIN_SYMBOL_CONF = 90.0  # a word without letters or digits must be very sure to count
MARK_WORD_CONF = 80.0  # inside a seal or signature a word needs this much confidence,
MARK_SHORT_WORD_CONF = 93.0  # and this much if it is as short as a stray seal letter
MARK_WORD_CHARS = 2


def recognize_page(gray: np.ndarray, dpi: int, color: np.ndarray | None = None) -> OcrPage:
    """Recognise a cleaned, upright gray page; boxes are in ``gray``'s pixels.

    ``color`` is accepted for callers that have the colour rendering; the gray page is enough
    (seal ink is told apart by its lighter tone), so it is not used yet.
    """
    if gray.ndim != 2:
        raise ValueError("recognize_page expects a single-channel (gray) page")
    height, width = gray.shape
    scale = min(1.0, OCR_MAX_DPI / dpi) if dpi > 0 else 1.0
    small = gray if scale == 1.0 else cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ocr_dpi = round(dpi * scale)
    marks: list[Box] = []
    image, toned = prepare_layers(small, ocr_dpi, marks=marks)
    words = _recognise_words(image, toned, ocr_dpi, marks)
    lines = reading_order(words, small.shape[1], ocr_dpi)
    out_words: list[OcrWord] = []
    texts: list[str] = []
    for index, line in enumerate(lines):
        corrected = correct_words([w.text for w in line])
        texts.append(" ".join(corrected))
        out_words.extend(_to_word(w, index, text, scale) for w, text in zip(line, corrected, strict=True))
    return OcrPage(
        text="\n".join(texts),
        width=width,
        height=height,
        dpi=dpi,
        words=tuple(out_words),
        engine=engine_name(),
    )


def _recognise_words(image: np.ndarray, toned: np.ndarray, dpi: int, marks: list[Box]) -> list[RawWord]:
    """One pass over the page, one more over print the first pass left out, junk removed, and a
    second look at lines with dropped, unsure or impossible words (reread.py)."""
    found = _run_tesseract(image, PSM, dpi)
    pieces = uncovered_pieces(image, found, dpi)
    reread = read_pieces(image, pieces, dpi, lambda strip: _run_tesseract(strip, RESCUE_PSM, dpi))
    words = drop_reread(found, reread) + reread
    kept = [_plausible(w) and not _mark_remnant(w, marks) for w in words]
    if os.environ.get("SOHOA_OCR_REREAD") == "0":  # for comparisons
        return [w for w, k in zip(words, kept, strict=True) if k]
    return reread_doubtful(
        image, toned, words, kept, dpi, lambda strip, d: _run_tesseract(strip, RESCUE_PSM, d)
    )


def _run_tesseract(image: np.ndarray, psm: int, dpi: int) -> list[RawWord]:
    return parse_tsv(run_tsv(image, psm, dpi))


def _plausible(word: RawWord) -> bool:
    """Reject marks Tesseract read as text: unsure words and unsure lone symbols."""
    if word.conf < MIN_WORD_CONF:
        return False
    return word.conf >= MIN_SYMBOL_CONF or any(c.isalnum() for c in word.text)


def _mark_remnant(word: RawWord, marks: list[Box]) -> bool:
    """A short or unsure "word" lying inside a seal or signature is what is left of the mark."""
    short = sum(c.isalnum() for c in word.text) <= MARK_WORD_CHARS
    if word.conf >= (MARK_SHORT_WORD_CONF if short else MARK_WORD_CONF):
        return False
    return any(
        x0 <= word.x0 and word.x1 <= x1 and y0 <= word.y0 and word.y1 <= y1 for x0, y0, x1, y1 in marks
    )


def _to_word(word: RawWord, line: int, text: str, scale: float) -> OcrWord:
    box = (round(word.x0 / scale), round(word.y0 / scale), round(word.x1 / scale), round(word.y1 / scale))
    return OcrWord(text=text, box=box, conf=word.conf, line=line)
