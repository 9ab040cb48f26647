"""Doubtful lines read again: dropped, unsure or impossible words settled by what the re-reads agree on."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.ocr.engine import RESCUE_PSM, recognize_page
from app.ocr.preprocess import prepare_layers
from app.ocr.reread import Piece, doubtful_pieces, reread_doubtful, settle
from app.ocr.tsv import RawWord, parse_tsv

BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")
DPI = 300


def word(text: str, x0: int, conf: float, width: int = 80) -> RawWord:
    return RawWord(text, x0, 100, x0 + width, 140, conf, (1, 1, 1))


def texts(words: list[RawWord]) -> list[str]:
    return [w.text for w in sorted(words, key=lambda w: w.x0)]


LINE = [word("Lê", 0, 96), word("Hữu", 100, 19), word("Trung", 200, 96)]
PIECE = Piece((0, 90, 300, 150), (0, 1, 2))
KEPT = [True, False, True]


def test_a_dropped_word_comes_back_when_two_rereads_agree() -> None:
    reads = [[*LINE[:1], word("Hữu", 102, 71), *LINE[2:]], [word("Hữu", 98, 88)], []]
    assert texts(settle(PIECE, LINE, KEPT, reads)) == ["Lê", "Hữu", "Trung"]


def test_a_dropped_word_seen_by_one_reread_stays_out() -> None:
    reads = [[word("Hữu", 102, 91)], [word("Hừu", 100, 40)], []]
    assert texts(settle(PIECE, LINE, KEPT, reads)) == ["Lê", "Trung"]


def test_an_impossible_reading_gives_way_to_the_agreed_spelling() -> None:
    line = [word("XÃ", 0, 96), word("PHỦ", 100, 73), word("CHÂẦU", 200, 54)]
    reads = [[word("PHÚ", 100, 90), word("CHÂU", 200, 92)], [word("PHÚ", 100, 85), word("CHÂU", 200, 90)], []]
    out = settle(Piece((0, 90, 300, 150), (0, 1, 2)), line, [True] * 3, reads)
    assert texts(out) == ["XÃ", "PHÚ", "CHÂU"]


def test_a_sure_word_is_not_outvoted_and_merged_readings_are_ignored() -> None:
    line = [word("Kim", 0, 96), word("Hương", 100, 97)]
    reads = [[word("Kím", 0, 80)], [word("Kím-Hương", 0, 70, width=180)], [word("Kím", 0, 85)]]
    out = settle(Piece((0, 90, 200, 150), (0, 1)), line, [True, True], reads)
    assert texts(out) == ["Kim", "Hương"]


def test_a_word_only_the_rereads_saw_needs_two_of_them() -> None:
    line = [word("Mạnh", 100, 95), word("Thuận", 200, 96)]
    piece = Piece((0, 90, 300, 150), (0, 1))
    twice = [[word("Bùi", 0, 88)], [word("Bùi", 4, 91)], [word("_", 0, 40)]]
    once = [[word("Bùi", 0, 88)], [word("Bài", 4, 61)], []]
    assert texts(settle(piece, line, [True, True], twice)) == ["Bùi", "Mạnh", "Thuận"]
    assert texts(settle(piece, line, [True, True], once)) == ["Mạnh", "Thuận"]


needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None or not BOLD.exists(), reason="tesseract or DejaVu fonts not installed"
)


def _name_line(text: str) -> np.ndarray:
    page = Image.new("L", (1200, 260), 235)
    ImageDraw.Draw(page).text((200, 100), text, font=ImageFont.truetype(str(BOLD), 46), fill=30)
    return np.asarray(page)


def _ocr(image: np.ndarray, dpi: int) -> list[RawWord]:
    from app.ocr.backend import run_tsv

    return parse_tsv(run_tsv(image, RESCUE_PSM, dpi))


@needs_tesseract
def test_real_reread_restores_a_surname_the_page_pass_dropped() -> None:
    image, toned = prepare_layers(_name_line("Nguyễn Nhật Bảo Đạt"), DPI)
    first = _ocr(image, DPI)
    assert texts(first) == ["Nguyễn", "Nhật", "Bảo", "Đạt"]
    unsure = [replace(first[0], conf=12.0), *first[1:]]  # what a seal over the surname leaves
    out = reread_doubtful(image, toned, unsure, [False, True, True, True], DPI, _ocr)
    assert texts(out) == ["Nguyễn", "Nhật", "Bảo", "Đạt"]


@needs_tesseract
def test_real_reread_replaces_an_impossible_syllable() -> None:
    image, toned = prepare_layers(_name_line("XÃ VÂN NỘI"), DPI)
    first = _ocr(image, DPI)
    misread = [*first[:2], replace(first[2], text="NỘẬI", conf=55.0)]
    out = reread_doubtful(image, toned, misread, [True, True, True], DPI, _ocr)
    assert texts(out) == ["XÃ", "VÂN", "NỘI"]


@needs_tesseract
def test_a_clean_page_reads_the_same_with_the_second_look() -> None:
    page = recognize_page(_name_line("Họ và tên: Trần Thị Bích Ngọc"), DPI)
    assert page.text == "Họ và tên: Trần Thị Bích Ngọc"


def test_votes_count_letters_and_the_first_readings_punctuation_stays() -> None:
    line = [word("CẦU", 0, 74), word("GIẤY", 100, 92), word("CHÂẦU,", 200, 50)]
    reads = [
        [word("CẦU", 0, 91), word("GIẤY.", 100, 51), word("CHÂU", 200, 80)],
        [word("CÂU", 0, 64), word("GIẤY.", 100, 49), word("CHÂU", 200, 85)],
        [word("CẤU", 0, 65), word("GIẦY.", 100, 60), word("CHÂU.", 200, 70)],
    ]
    out = settle(Piece((0, 90, 300, 150), (0, 1, 2)), line, [True] * 3, reads)
    assert texts(out) == ["CẦU", "GIẤY", "CHÂU,"]


def test_specks_read_in_front_of_a_dropped_word_are_trimmed() -> None:
    line = [word(".,PHÓ", 0, 70), word("CHỦ", 100, 97), word("TỊCH", 200, 97)]
    reads = [[word("„PHÓ", 0, 74)], [word("„PHÓ", 0, 60)], [word("PHÓ", 0, 92)]]
    out = settle(Piece((0, 90, 300, 150), (0, 1, 2)), line, [False, True, True], reads)
    assert texts(out) == ["PHÓ", "CHỦ", "TỊCH"]


def _toned_with_ink(x0: int, x1: int) -> np.ndarray:
    toned = np.full((300, 800), 255, np.uint8)
    toned[100:140, x0:x1] = 0
    return toned


def test_a_name_without_a_common_surname_and_ink_on_its_left_is_reread_wider() -> None:
    name = [word("Mạnh", 400, 95), word("Thuận", 500, 96)]
    inked = doubtful_pieces(_toned_with_ink(300, 380), _toned_with_ink(300, 380), name, [True, True], DPI)
    assert len(inked) == 1 and inked[0].box[0] < 400 - 2 * 40  # the crop reaches the hidden surname
    blank = np.full((300, 800), 255, np.uint8)
    assert doubtful_pieces(blank, blank, name, [True, True], DPI) == []


def test_lines_that_read_well_are_not_reread_but_names_always_are() -> None:
    blank = np.full((300, 800), 255, np.uint8)
    sure = [word("Nơi", 0, 96), word("sinh:", 100, 97), word("Hà", 200, 96), word("Nội", 300, 97)]
    assert doubtful_pieces(blank, blank, sure, [True] * 4, DPI) == []
    named = [word("tên:", 0, 96), word("TRỊNH", 100, 92), word("THỦ", 200, 86), word("LINH", 300, 95)]
    pieces = doubtful_pieces(blank, blank, named, [True] * 4, DPI)
    assert [p.name_from for p in pieces] == [1]
