"""The invisible OCR text layer: content-stream operators over the page image, and its ToUnicode map.

Each word is placed at its box with the glyphless font (render mode 3: never painted), its font
size the height of its line and its horizontal scaling chosen so the word spans its box exactly;
selection and search highlight the printed word. Character codes are the Unicode code points
(two bytes, Identity-H), so the ToUnicode map is the identity on the characters used.

The font is built in code: a TrueType program with .notdef and one empty glyph of half an em's
advance that every character maps to (PDF/A requires the program to be embedded; it is 600 bytes).
"""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Iterable, Sequence
from itertools import groupby

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

from app.pdf.types import TextWord

log = logging.getLogger(__name__)

FONT_NAME = "SohoaGlyphless"
UNITS_PER_EM = 1000
ADVANCE = 500  # every glyph is half an em wide; the text layer scales words to their boxes
ASCENT = 800
DESCENT = -200
GLYPH_ID = 1  # the empty glyph all characters map to (0 is .notdef, which PDF/A forbids drawing)
FONT_RESOURCE = "/F1"
REPLACEMENT = 0xFFFD  # characters outside the two-byte range (none in Vietnamese) become this
_CMAP_CHUNK = 100  # the CMap syntax allows at most 100 entries per bfchar block


def codes(text: str) -> list[int]:
    return [ord(ch) if ord(ch) <= 0xFFFF and not 0xD800 <= ord(ch) <= 0xDFFF else REPLACEMENT for ch in text]


def text_operators(words: Sequence[TextWord], page_height_px: int, dpi: int) -> bytes:
    """``BT … ET`` operators placing every word; empty when there are no words."""
    if not words:
        return b""
    k = 72.0 / dpi
    out = ["BT", "3 Tr"]
    for _, group in groupby(words, key=lambda word: word.line):
        line = list(group)
        top = min(word.box[1] for word in line)
        bottom = max(word.box[3] for word in line)
        size = max(1.0, (bottom - top) * k)
        baseline = (page_height_px - bottom) * k + size * (-DESCENT / UNITS_PER_EM)
        out.append(f"{FONT_RESOURCE} {size:.2f} Tf")
        for index, word in enumerate(line):
            out.extend(_word_operators(word, size, baseline, k, last=index == len(line) - 1))
    out.append("ET")
    return ("\n".join(out) + "\n").encode("ascii")


def _word_operators(word: TextWord, size: float, baseline: float, k: float, *, last: bool) -> list[str]:
    chars = codes(word.text)
    natural = len(chars) * size * ADVANCE / UNITS_PER_EM
    width = (word.box[2] - word.box[0]) * k
    scaling = 100.0 * width / natural if natural > 0 else 100.0
    if not last:
        chars.append(0x20)  # so that extraction separates the words of a line
    hex_codes = "".join(f"{code:04X}" for code in chars)
    return [
        f"{scaling:.2f} Tz",
        f"1 0 0 1 {word.box[0] * k:.2f} {baseline:.2f} Tm",
        f"<{hex_codes}> Tj",
    ]


def used_codes(pages_words: Iterable[Sequence[TextWord]]) -> set[int]:
    used = {0x20}
    for words in pages_words:
        for word in words:
            used.update(codes(word.text))
    return used


def to_unicode_cmap(used: Iterable[int]) -> bytes:
    """A ToUnicode CMap mapping each used two-byte code to the same Unicode code point."""
    entries = sorted(set(used))
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    for start in range(0, len(entries), _CMAP_CHUNK):
        chunk = entries[start : start + _CMAP_CHUNK]
        lines.append(f"{len(chunk)} beginbfchar")
        lines.extend(f"<{code:04X}> <{code:04X}>" for code in chunk)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return ("\n".join(lines) + "\n").encode("ascii")


@functools.cache
def glyphless_font() -> bytes:
    """The TrueType program: .notdef and one empty glyph, both ``ADVANCE`` wide."""
    builder = FontBuilder(UNITS_PER_EM, isTTF=True)
    order = [".notdef", "blank"]
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({0x20: "blank"})
    empty = TTGlyphPen(None).glyph()
    builder.setupGlyf({name: empty for name in order})
    builder.setupHorizontalMetrics({name: (ADVANCE, 0) for name in order})
    builder.setupHorizontalHeader(ascent=ASCENT, descent=DESCENT)
    builder.setupNameTable({"familyName": FONT_NAME, "styleName": "Regular"})
    builder.setupOS2(
        sTypoAscender=ASCENT,
        sTypoDescender=DESCENT,
        usWinAscent=ASCENT,
        usWinDescent=-DESCENT,
    )
    builder.setupPost()
    buffer = io.BytesIO()
    builder.save(buffer)
    return buffer.getvalue()
