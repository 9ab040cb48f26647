"""Reading order on synthetic word boxes: blocks side by side, form rows, page numbers."""

from __future__ import annotations

from app.ocr.layout import reading_order
from app.ocr.tsv import RawWord, parse_tsv

DPI = 300
WIDTH = 2480


def word(text: str, x: int, y: int, h: int = 50) -> RawWord:
    return RawWord(text, x, y, x + 30 * len(text), y + h, 95.0, (1, 1, 1))


def sentence(text: str, x: int, y: int) -> list[RawWord]:
    """Words of one printed line, one space (20 px) apart."""
    words = []
    for part in text.split():
        words.append(word(part, x, y))
        x = words[-1].x1 + 20
    return words


def texts(lines: list[list[RawWord]]) -> list[str]:
    return [" ".join(w.text for w in line) for line in lines]


def test_two_header_blocks_read_left_block_first_then_right_then_body() -> None:
    words = [
        word("CỘNG", 1250, 150), word("HÒA", 1420, 150),
        word("ỦY", 200, 152), word("BAN", 300, 152),
        word("Độc", 1420, 220), word("lập", 1560, 220),
        word("XÃ", 250, 222), word("ĐA", 340, 222),
        word("Số:", 330, 360), word("12", 440, 360),
    ]  # fmt: skip
    words += sentence("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", 200, 600)
    assert texts(reading_order(words, WIDTH, DPI)) == [
        "ỦY BAN",
        "XÃ ĐA",
        "Số: 12",
        "CỘNG HÒA",
        "Độc lập",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
    ]


def test_label_value_segments_on_one_row_stay_one_line() -> None:
    words = [
        word("Ngày", 200, 500), word("sinh:", 350, 500), word("1952", 520, 500),
        word("Giới", 200, 580), word("tính:", 340, 580), word("Nữ", 500, 580),
        word("Dân", 1300, 580), word("tộc:", 1420, 580), word("Kinh", 1560, 580),
    ]  # fmt: skip
    assert texts(reading_order(words, WIDTH, DPI)) == ["Ngày sinh: 1952", "Giới tính: Nữ Dân tộc: Kinh"]


def test_two_columns_read_left_column_fully_first() -> None:
    words = [word(f"L{i}", 200, 800 + 70 * i) for i in range(4)]
    words += [word(f"R{i}", 1400, 800 + 70 * i) for i in range(4)]
    words += sentence("Nơi đăng ký: Ủy ban nhân dân xã Kim Sơn, huyện Gia Lâm, thành phố Hà Nội", 200, 1200)
    assert texts(reading_order(words, WIDTH, DPI)) == [
        "L0",
        "L1",
        "L2",
        "L3",
        "R0",
        "R1",
        "R2",
        "R3",
        "Nơi đăng ký: Ủy ban nhân dân xã Kim Sơn, huyện Gia Lâm, thành phố Hà Nội",
    ]


def test_page_number_at_top_centre_comes_first() -> None:
    words = [word("2", 1230, 110), word("Nơi", 200, 250), word("nhận:", 300, 250)]
    words += [word("TM.", 1500, 240), word("ỦY", 1620, 240), word("KT.", 1500, 310), word("-", 200, 320)]
    assert texts(reading_order(words, WIDTH, DPI))[0] == "2"


def test_tsv_rows_become_nfc_words_scaled_to_the_page() -> None:
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    decomposed = "Nguye\u0302\u0303n"
    tsv = "\n".join(
        [
            header,
            f"5\t1\t1\t1\t1\t1\t10\t20\t30\t40\t91.5\t{decomposed}",
            "4\t1\t1\t1\t1\t0\t0\t0\t9\t9\t-1\t",
        ]
    )
    (only,) = parse_tsv(tsv, scale=2.0)
    assert only.text == "Nguyễn"
    assert (only.x0, only.y0, only.x1, only.y1, only.conf) == (20, 40, 80, 120, 91.5)
