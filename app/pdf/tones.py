"""Gray seals on bitonal pages: keep a seal's lighter tone apart from the black print over it.

A gray-scanned seal (or a faint signature) binarised to black would cover the text it overlaps and
read as print. Large marks whose ink is mid-gray are painted in their own gray through a second
mask; print strokes crossing them, much darker than the seal, stay in the black mask.
"""

from __future__ import annotations

import cv2
import numpy as np

from app.pdf.colour import InkGroup

MARK_MIN_HEIGHT_MM = 6.5  # taller than any letter with stacked diacritics
MARK_MAX_SIZE_MM = 70.0  # a seal or a signature; table rules and frames span more
MID_TONE_MIN = 80  # median gray of a mark's ink above this: seal ink, not print
PRINT_SPLIT = 0.6  # inside a mark, pixels darker than this share of its median level are print


def split_gray_marks(gray: np.ndarray, ink: np.ndarray, dpi: int) -> tuple[np.ndarray, InkGroup | None]:
    """The print part of ``ink`` and, when the page has mid-gray marks, their group in gray."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink.view(np.uint8), connectivity=8)
    tall = MARK_MIN_HEIGHT_MM * dpi / 25.4
    largest = MARK_MAX_SIZE_MM * dpi / 25.4
    marks = np.zeros_like(ink)
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if h < tall or max(w, h) > largest:
            continue
        box = (slice(y, y + h), slice(x, x + w))
        own = labels[box] == i
        level = float(np.median(gray[box][own]))
        if level <= MID_TONE_MIN:
            continue
        marks[box] |= own & (gray[box] >= level * PRINT_SPLIT)
    if not marks.any():
        return ink, None
    tone = float(np.median(gray[marks])) / 255.0
    return ink & ~marks, InkGroup(mask=marks, fill_rgb=(tone, tone, tone))
