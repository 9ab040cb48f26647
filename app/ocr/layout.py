"""Reading order of recognised words: page number first, then a recursive XY cut into blocks.

Administrative pages (Decree 30/2020) put two blocks side by side in the header (agency left,
national motto right), in the signature area (recipients left, signer right) and, on the marriage
certificate, in the body (husband left, wife right). A column split is accepted only where at least
two rows have words on both sides of a clear vertical gutter, so a single form row with label/value
gaps (``Giới tính: Nam   Dân tộc: Kinh``) stays one line.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from app.ocr.tsv import RawWord

log = logging.getLogger(__name__)

GUTTER_MM = 6.0  # narrowest vertical gap between two blocks side by side
MIN_TWO_SIDED_ROWS = 2
PAGE_NUMBER_MAX_CHARS = 3
NEIGHBOUR_ROWS = 3  # rows either side of a gap that show whether blocks continue across it


def group_rows(words: Sequence[RawWord]) -> list[list[RawWord]]:
    """Words grouped into visual rows (vertical overlap with the row's core), top to bottom."""
    rows: list[list[RawWord]] = []
    spans: list[tuple[float, float]] = []
    for w in sorted(words, key=lambda w: w.cy):
        for i, (top, bottom) in enumerate(spans):
            if top <= w.cy <= bottom:
                rows[i].append(w)
                break
        else:
            rows.append([w])
            half = max(w.height, 1) * 0.35
            spans.append((w.cy - half, w.cy + half))
    for row in rows:
        row.sort(key=lambda w: w.x0)
    rows.sort(key=lambda r: min(w.y0 for w in r))
    return rows


def reading_order(words: Sequence[RawWord], width: int, dpi: int) -> list[list[RawWord]]:
    """Lines of words in the dataset's reading order."""
    if not words:
        return []
    rows = group_rows(words)
    first: list[list[RawWord]] = []
    if _is_page_number(rows, width):
        first, rows = rows[:1], rows[1:]
    gutter = max(4, round(dpi * GUTTER_MM / 25.4))
    rest = [w for row in rows for w in row]
    return first + _xy_cut(rest, gutter)


def _is_page_number(rows: list[list[RawWord]], width: int) -> bool:
    """A short number alone at the top centre of the page (page 2 onwards)."""
    top = rows[0]
    text = "".join(w.text for w in top)
    if len(rows) < 2 or len(text) > PAGE_NUMBER_MAX_CHARS or not text.isdigit():
        return False
    centre = (min(w.x0 for w in top) + max(w.x1 for w in top)) / 2
    return abs(centre - width / 2) < width * 0.15


def _xy_cut(words: list[RawWord], gutter: int) -> list[list[RawWord]]:
    rows = group_rows(words)
    if len(rows) <= 1:
        return rows
    split = _column_split(words, rows, gutter)
    if split is not None:
        left = [w for w in words if w.x1 <= split]
        right = [w for w in words if w.x1 > split]
        return _xy_cut(left, gutter) + _xy_cut(right, gutter)
    cut = _widest_row_gap(rows, gutter)
    top = [w for row in rows[:cut] for w in row]
    bottom = [w for row in rows[cut:] for w in row]
    return _xy_cut(top, gutter) + _xy_cut(bottom, gutter)


def _column_split(words: list[RawWord], rows: list[list[RawWord]], gutter: int) -> int | None:
    """x of the leftmost gutter crossing every word of the block, if two rows straddle it."""
    spans = sorted((w.x0, w.x1) for w in words)
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= gutter:
            mid = (reach + x0) // 2
            if _two_sided_rows(rows, mid) >= MIN_TWO_SIDED_ROWS:
                return mid
        reach = max(reach, x1)
    return None


def _two_sided_rows(rows: list[list[RawWord]], x: int) -> int:
    return sum(1 for row in rows if row[0].x1 <= x < row[-1].x0)


def _widest_row_gap(rows: list[list[RawWord]], gutter: int) -> int:
    """Index of the first row below the widest gap that does not cut through side-by-side blocks.

    The space left for a signature is often the widest gap on a page; cutting there would part
    the names from the columns above them (husband | wife on the marriage certificate).
    """
    gaps = []
    bottom = max(w.y1 for w in rows[0])
    for i in range(1, len(rows)):
        gaps.append((min(w.y0 for w in rows[i]) - bottom, i))
        bottom = max(bottom, max(w.y1 for w in rows[i]))
    gaps.sort(reverse=True)
    for _, i in gaps:
        around = rows[max(0, i - NEIGHBOUR_ROWS) : i + NEIGHBOUR_ROWS]
        if _column_split([w for row in around for w in row], around, gutter) is None:
            return i
    return gaps[0][1]
