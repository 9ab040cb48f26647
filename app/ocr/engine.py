"""Vietnamese OCR of one cleaned page: prepare the image, one Tesseract pass, reading order, NFC.

Engine choice: pytesseract (the ``tesseract`` CLI) rather than tesserocr. The CLI costs about
0.2 s per call to start and load the ``vie`` model, a small share of the 1.5–3 s a page takes;
tesserocr's wheel bundles its own Tesseract build, which would make the model files and version
differ from the system's (the one OCRmyPDF and our packaging use).
"""

from __future__ import annotations

import logging
import os

import numpy as np
import pytesseract

from app.core.errors import OcrError
from app.core.ocr_types import OcrPage, OcrWord
from app.ocr.layout import reading_order
from app.ocr.preprocess import prepare
from app.ocr.rescue import read_pieces, uncovered_pieces
from app.ocr.tsv import RawWord, parse_tsv

log = logging.getLogger(__name__)

LANG = "vie"  # alone: vie+eng dropped diacritics from whole lines
PSM = 4  # one column of variable-size text; our own layout step orders the blocks
TESSERACT_CONFIG = f"--oem 1 --psm {PSM} -c preserve_interword_spaces=0"
RESCUE_CONFIG = "--oem 1 --psm 6"  # the strip of left-out pieces: one block, one piece a line
MIN_WORD_CONF = 30.0  # below this almost every "word" is a seal or signature remnant
MIN_SYMBOL_CONF = 90.0  # a word without letters or digits must be very sure to count


def recognize_page(gray: np.ndarray, dpi: int, color: np.ndarray | None = None) -> OcrPage:
    """Recognise a cleaned, upright gray page; boxes are in ``gray``'s pixels."""
    if gray.ndim != 2:
        raise ValueError("recognize_page expects a single-channel (gray) page")
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    height, width = gray.shape
    image = prepare(gray, dpi)
    found = _run_tesseract(image, TESSERACT_CONFIG)
    pieces = uncovered_pieces(image, found, dpi)
    found += read_pieces(image, pieces, dpi, lambda strip: _run_tesseract(strip, RESCUE_CONFIG))
    words = [w for w in found if _plausible(w)]
    lines = reading_order(words, width, dpi)
    out_words: list[OcrWord] = []
    texts: list[str] = []
    for index, line in enumerate(lines):
        texts.append(" ".join(w.text for w in line))
        out_words.extend(_to_word(w, index) for w in line)
    return OcrPage(text="\n".join(texts), width=width, height=height, dpi=dpi, words=tuple(out_words))


def _run_tesseract(image: np.ndarray, config: str) -> list[RawWord]:
    try:
        tsv = pytesseract.image_to_data(image, lang=LANG, config=config)
    except (pytesseract.TesseractError, pytesseract.TesseractNotFoundError, OSError) as exc:
        raise OcrError(f"Tesseract failed: {exc}") from exc
    return parse_tsv(tsv)


def _plausible(word: RawWord) -> bool:
    """Reject marks Tesseract read as text: unsure words and unsure lone symbols."""
    if word.conf < MIN_WORD_CONF:
        return False
    return word.conf >= MIN_SYMBOL_CONF or any(c.isalnum() for c in word.text)


def _to_word(word: RawWord, line: int) -> OcrWord:
    return OcrWord(text=word.text, box=(word.x0, word.y0, word.x1, word.y1), conf=word.conf, line=line)
