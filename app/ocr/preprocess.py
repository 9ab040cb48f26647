"""Page clean-up before OCR: flatten the background, fade seals and strokes, erase dotted leaders."""

from __future__ import annotations

import logging

import cv2
import numpy as np

log = logging.getLogger(__name__)

BACKGROUND_KERNEL_MM = 1.6  # wider than any stroke, narrower than stains and folds
MM_PER_INCH = 25.4
MARK_INK_LEVEL = 200
MARK_MIN_HEIGHT_MM = 6.5  # taller than a capital with stacked diacritics in a 16 pt title
SEAL_MIN_LEVEL = 80  # median gray of a mark above this: a seal (red or gray ink), not print
SEAL_SPLIT = 0.6
MARK_MAX_SIZE_MM = 70.0  # a seal or a signature; table rules span more

Box = tuple[int, int, int, int]


def _mm(dpi: int, mm: float) -> int:
    return max(1, round(dpi * mm / MM_PER_INCH))


def flatten_background(gray: np.ndarray, dpi: int) -> np.ndarray:
    """Divide by the paper's own brightness (a closing removes the ink) so stains and folds go white."""
    k = _mm(dpi, BACKGROUND_KERNEL_MM) | 1
    small = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k // 2 | 1, k // 2 | 1))
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    paper = cv2.GaussianBlur(paper, (0, 0), k / 4)
    paper = cv2.resize(paper, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    flat = cv2.divide(gray, np.maximum(paper, 1), scale=255)
    return flat


def ink_mask(flat: np.ndarray, level: int = 160) -> np.ndarray:
    """Dark ink on the flattened page (255 = ink)."""
    return (flat < level).astype(np.uint8) * 255


def erase_leaders(flat: np.ndarray, dpi: int) -> np.ndarray:
    """Whiten dotted leader lines: rows of ≥ 4 small, evenly spaced, same-height blobs."""
    mask = ink_mask(flat)
    n, _, stats, cents = cv2.connectedComponentsWithStats(mask, connectivity=8)
    max_dot = _mm(dpi, 0.9)
    max_gap = _mm(dpi, 3.0)
    short_pitch = _mm(dpi, 1.9)
    sel = [
        i
        for i in range(1, n)
        if stats[i, 2] <= max_dot
        and stats[i, 3] <= max_dot
        and stats[i, 4] >= 2
        and max(stats[i, 2], stats[i, 3]) <= 2.5 * min(stats[i, 2], stats[i, 3])
        and _isolated(mask, stats[i], _mm(dpi, 1.5))
    ]
    if not sel:
        return flat
    out = flat.copy()
    tol = max(2.0, dpi / 150)
    order = sorted(sel, key=lambda i: (cents[i, 1], cents[i, 0]))
    rows: list[list[int]] = []
    for i in order:
        if rows and abs(cents[rows[-1][-1], 1] - cents[i, 1]) <= tol:
            rows[-1].append(i)
        else:
            rows.append([i])
    erased = 0
    for row in rows:
        row.sort(key=lambda i: cents[i, 0])
        chain = [row[0]]
        for i in row[1:]:
            if cents[i, 0] - cents[chain[-1], 0] <= max_gap:
                chain.append(i)
            else:
                erased += _erase_chain(out, stats, cents, chain, short_pitch)
                chain = [i]
        erased += _erase_chain(out, stats, cents, chain, short_pitch)
    log.debug("erased %d leader dots", erased)
    return out


def _isolated(mask: np.ndarray, stat: np.ndarray, reach: int) -> bool:
    """No ink straight above or below: a leader dot, not an i's dot, an accent or a dot-below."""
    x, y, w, h = (int(v) for v in stat[:4])
    above = mask[max(0, y - reach) : y, x : x + w]
    below = mask[y + h : y + h + reach, x : x + w]
    return not above.any() and not below.any()


def _erase_chain(
    out: np.ndarray, stats: np.ndarray, cents: np.ndarray, chain: list[int], short_pitch: int
) -> int:
    """Erase a long chain; a short one (a leader's tail) only at the tight pitch leaders use."""
    if len(chain) < 2:
        return 0
    if len(chain) < 4 and float(np.max(np.diff(cents[chain, 0]))) > short_pitch:
        return 0
    for i in chain:
        x, y, w, h = stats[i, :4]
        out[max(0, y - 1) : y + h + 1, max(0, x - 1) : x + w + 1] = 255
    return len(chain)


def stretch_tones(flat: np.ndarray, white_cut: float) -> np.ndarray:
    """Map the ink core to black and everything lighter than ``white_cut`` to paper white."""
    ink = flat[flat < 200]
    core = float(np.percentile(ink, 10)) if ink.size > 100 else 0.0
    hi = max(core + 40.0, core + white_cut * (255.0 - core))
    lut = np.clip((np.arange(256, dtype=np.float32) - core) * 255.0 / (hi - core), 0, 255)
    return cv2.LUT(flat, lut.astype(np.uint8))


def suppress_marks(page: np.ndarray, dpi: int, boxes: list[Box] | None = None) -> np.ndarray:
    """Fade seals (mid-gray ink) and drop signatures: connected marks taller than any letter.

    The boxes of seal- and signature-sized marks are appended to ``boxes`` (a table's rules are
    larger and not reported): what Tesseract reads inside them deserves suspicion.
    """
    mask = ink_mask(page, MARK_INK_LEVEL)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    tall, largest = _mm(dpi, MARK_MIN_HEIGHT_MM), _mm(dpi, MARK_MAX_SIZE_MM)
    out = page.copy()
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if h < tall:
            continue
        if boxes is not None and max(w, h) <= largest:
            boxes.append((x, y, x + w, y + h))
        box = (slice(y, y + h), slice(x, x + w))
        own = labels[box] == i
        level = float(np.median(page[box][own]))
        if level > SEAL_MIN_LEVEL:
            # seal ink is lighter than print: keep only the dark strokes drawn over it
            out[box][own & (page[box] > level * SEAL_SPLIT)] = 255
        _drop_tall_strokes(out, box, own, tall)
    return out


def _drop_tall_strokes(out: np.ndarray, box: tuple[slice, slice], own: np.ndarray, tall: int) -> None:
    region = out[box]
    dark = ((region < MARK_INK_LEVEL) & own).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    for j in range(1, n):
        if stats[j, 3] >= tall:
            region[labels == j] = 255


def prepare(gray: np.ndarray, dpi: int, white_cut: float = 0.9, marks: list[Box] | None = None) -> np.ndarray:
    """The page Tesseract reads: flat white paper, no bleed-through, seals, signatures, leaders.

    Boxes of the seals and signatures found are appended to ``marks`` when given.
    """
    return prepare_layers(gray, dpi, white_cut, marks)[0]


def prepare_layers(
    gray: np.ndarray, dpi: int, white_cut: float = 0.9, marks: list[Box] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """``prepare``'s page, and the toned page before seals and signatures were taken out.

    Where a seal or a signature touches a name, taking the mark out also takes bits of the
    letters; the toned page still has them (the re-read of doubtful lines uses it).
    """
    toned = stretch_tones(flatten_background(gray, dpi), white_cut)
    return erase_leaders(suppress_marks(toned, dpi, marks), dpi), toned


def dark_print(toned: np.ndarray, level: int) -> np.ndarray:
    """Only ink darker than ``level`` (print) kept, black on white: seal ink is lighter than print."""
    return np.where(toned < level, 0, 255).astype(np.uint8)
