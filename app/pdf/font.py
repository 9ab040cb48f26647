"""A glyphless TrueType font built in code, for the invisible OCR text layer.

Every character of the text layer is drawn with one empty glyph of half an em's advance; the text
is never painted (render mode 3), and what copy/search returns comes from the ToUnicode map. PDF/A
requires the font program to be embedded, and this one is a few hundred bytes.
"""

from __future__ import annotations

import functools
import io
import logging

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

log = logging.getLogger(__name__)

FONT_NAME = "SohoaGlyphless"
UNITS_PER_EM = 1000
ADVANCE = 500  # every glyph is half an em wide; the text layer scales words to their boxes
ASCENT = 800
DESCENT = -200
GLYPH_ID = 1  # the empty glyph all characters map to (0 is .notdef, which PDF/A forbids drawing)


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
