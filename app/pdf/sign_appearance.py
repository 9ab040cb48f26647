"""The visible signature box: where it goes on page 1, its Vietnamese text and an embedded font for it.

Circular 01/2023/TT-VPCP puts the digitising officer's signature at the top-left of the first page,
showing the signer's name and the signing time. pyHanko's default stamp font (Courier, not embedded)
has no Vietnamese glyphs and is not allowed in PDF/A, so the text is set in a TrueType font found at
run time and embedded as a subset through pyHanko's OpenType support.
"""

from __future__ import annotations

import functools
import logging
import os
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from fontTools.ttLib import TTFont, TTLibError
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.layout import AxisAlignment, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.stamp import TextStampStyle

log = logging.getLogger(__name__)

MM = 72.0 / 25.4
VIETNAM_TZ = timezone(timedelta(hours=7), "ICT")  # no daylight saving in Viet Nam
FONT_ENV = "SOHOA_SIGNATURE_FONT"
FONT_SIZE = 9
BOX_WIDTH_MM = 70.0
BOX_HEIGHT_MM = 20.0
EDGE_MM = 8.0  # from the left / right paper edge
TOP_MM = 4.0  # from the top edge: the box stays inside the 20-25 mm top margin (Decree 30/2020)
_PROBE = "ĐđĂăÂâÊêÔôƠơƯưẠạẾếỜờỮữỸỹ"

_REPO_FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
_CANDIDATES = (
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf",
    "/Library/Fonts/Arial.ttf",
    "/System/Library/Fonts/Supplemental/Arial.ttf",
)
_WINDOWS_FONTS = ("arial.ttf", "tahoma.ttf", "segoeui.ttf", "times.ttf")

_LABELS = {
    "officer": "Ký bởi",
    "supervisor": "Phê duyệt bởi",
}


@dataclass(frozen=True)
class BoxPlacement:
    """A signature box on page 1 in PDF user space: (x0, y0, x1, y1), points, origin bottom-left."""

    rect: tuple[int, int, int, int]


def signature_box(role: str, page_box: tuple[float, float, float, float]) -> BoxPlacement:
    """The officer's box at the top-left of the page; the supervisor's at the top-right.

    Both sit in the top margin, side by side, so neither covers the other nor the document header
    below the margin. On narrow paper the boxes shrink so they never overlap.
    """
    x0, _y0, x1, y1 = page_box
    edge = EDGE_MM * MM
    width = min(BOX_WIDTH_MM * MM, (x1 - x0 - 3 * edge) / 2)
    top = y1 - TOP_MM * MM
    bottom = top - BOX_HEIGHT_MM * MM
    left = x0 + edge if role == "officer" else x1 - edge - width
    return BoxPlacement((round(left), round(bottom), round(left + width), round(top)))


def appearance_text(role: str, name: str, when: datetime) -> str:
    """The two lines shown in the box, e.g. "Ký bởi: Nguyễn Văn A" / "Thời gian ký: 27/11/2026 10:15"."""
    label = _LABELS.get(role, _LABELS["officer"])
    shown = when_in_vietnam(when).strftime("%d/%m/%Y %H:%M")
    return unicodedata.normalize("NFC", f"{label}: {name}\nThời gian ký: {shown}")


def when_in_vietnam(when: datetime) -> datetime:
    aware = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
    return aware.astimezone(VIETNAM_TZ)


def stamp_style(font_path: Path | None) -> TextStampStyle:
    """A stamp whose whole text is the ``%(text)s`` parameter, set in ``font_path`` when given."""
    layout = SimpleBoxLayoutRule(
        x_align=AxisAlignment.ALIGN_MIN, y_align=AxisAlignment.ALIGN_MID, margins=Margins(4, 4, 2, 2)
    )
    if font_path is None:
        box_style = TextBoxStyle(font_size=FONT_SIZE)
    else:
        # The accumulator and the text box each carry a font size; they must agree or lines drift.
        factory = GlyphAccumulatorFactory(str(font_path), font_size=FONT_SIZE)
        box_style = TextBoxStyle(font=factory, font_size=FONT_SIZE, leading=FONT_SIZE + 3)
    return TextStampStyle(
        stamp_text="%(text)s",
        text_box_style=box_style,
        inner_content_layout=layout,
        border_width=1,
        border_color=(0.1, 0.2, 0.6),
        background=None,
    )


def ascii_fallback(text: str) -> str:
    """Text without diacritics for the last-resort built-in font ("Nguyễn" -> "Nguyen", "Đ" -> "D")."""
    folded = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", folded)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def find_vietnamese_font() -> Path | None:
    """A TrueType font covering Vietnamese: $SOHOA_SIGNATURE_FONT, resources/fonts, then system fonts."""
    return _find_font(os.environ.get(FONT_ENV, ""))


@functools.lru_cache(maxsize=4)
def _find_font(override: str) -> Path | None:
    for path in _font_candidates(override):
        if path.is_file() and _covers_vietnamese(path):
            log.debug("signature font: %s", path.name)
            return path
    log.warning("no font with Vietnamese glyphs found; the signature box falls back to plain ASCII")
    return None


def _font_candidates(override: str) -> list[Path]:
    found = [Path(override)] if override else []
    if _REPO_FONTS.is_dir():
        found.extend(sorted(_REPO_FONTS.glob("*-Regular.ttf")) + sorted(_REPO_FONTS.glob("*.ttf")))
    found.extend(Path(p) for p in _CANDIDATES)
    windir = os.environ.get("WINDIR")
    if windir:
        found.extend(Path(windir) / "Fonts" / name for name in _WINDOWS_FONTS)
    return found


def _covers_vietnamese(path: Path) -> bool:
    try:
        with TTFont(str(path), lazy=True, fontNumber=0) as font:
            cmap = font.getBestCmap() or {}
            is_truetype = "glyf" in font
    except (OSError, TTLibError) as exc:
        log.debug("font %s unreadable: %s", path.name, exc)
        return False
    return is_truetype and all(ord(ch) in cmap for ch in _PROBE)
