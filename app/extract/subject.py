"""Fields about the person a result is about: name, personal number, date of birth."""

from __future__ import annotations

import logging
import re

from app.extract.lines import Doc
from app.extract.text import (
    DIGIT,
    date_digits,
    date_words,
    fix_digits,
    fold,
    name_case,
    title_runs,
    upper_prefix,
)

log = logging.getLogger(__name__)

_NAME_LABELS = ["ho va ten", "ho, chu dem, ten", "ho ten"]
_ID_LABELS = r"(dinh danh ca nhan|can cuoc cong dan|cccd|chung minh nhan dan|cmnd[^:]*)\s*(so)?\s*:?\s*"


def section(doc: Doc, doc_type: str) -> tuple[int, int]:
    """Line range [start, end) holding the subject's data for this kind of document."""
    n = len(doc.lines)
    if doc_type == "quyet_dinh":
        start = doc.find_line(r"^dieu 1\b") or 0
        return start, doc.find_line(r"^dieu 2\b", start + 1) or n
    if doc_type == "ket_hon":
        start = doc.find_line(r"^chong$") or 0
        return start, doc.find_line(r"^vo$", start + 1) or n
    if doc_type == "khai_sinh":
        return 0, doc.find_line(r"nguoi me|nguoi cha|nguoi di khai") or n
    if doc_type == "khai_tu":
        return 0, doc.find_line(r"nguoi di khai|noi dang ky") or n
    if doc_type == "xac_nhan_hon_nhan":
        return doc.find_line(r"^xac nhan\s*:") or 0, n
    if doc_type == "ho_kinh_doanh":
        return doc.find_line(r"chu ho kinh doanh") or 0, n
    return 0, n


def _better_spelling(doc: Doc, name: str) -> str:
    """A fuller or better-spelled copy of ``name`` printed elsewhere in normal case, if any."""
    folded = fold(name)
    for line in doc.lines:
        for cand, _ in title_runs(line.text):
            fc = fold(cand)
            if cand != name_case(name) and (fc == folded or fc.endswith(" " + folded)):
                return cand
    return name_case(name)


def subject_name(doc: Doc, doc_type: str, start: int, end: int) -> tuple[str, int] | None:
    if doc_type == "quyet_dinh":
        for k in range(start, min(end, start + 2)):
            text = doc.lines[k].text + " " + (doc.lines[k + 1].text if k + 1 < end else "")
            m = re.search(r"\b(?:ông|bà|Ông|Bà)\s+", text)
            runs = title_runs(text[m.end() :]) if m else []
            if runs and runs[0][1] == 0:
                return runs[0][0], k
        return None
    labels = _NAME_LABELS
    if doc_type == "ho_kinh_doanh":
        labels = ["ho va ten chu ho kinh doanh", "ho, chu dem, ten chu ho kinh doanh"]
    hit = doc.label(labels, start, end)
    if hit is None:
        return None
    upper = upper_prefix(hit.value)
    if len(upper.split()) >= 2:
        return _better_spelling(doc, upper), hit.line
    runs = title_runs(hit.value)
    return (runs[0][0], hit.line) if runs and runs[0][1] == 0 else None


def subject_id(doc: Doc, start: int, end: int) -> tuple[str, int] | None:
    """The subject's 12-digit personal number, if printed in their section."""
    for k in range(start, end):
        text = doc.lines[k].text + " " + (doc.lines[k + 1].text if k + 1 < end else "")
        folded = fold(text)
        for m in re.finditer(_ID_LABELS, folded):
            tail = text[m.end() :]
            num = re.match(rf"\s*({DIGIT}{{9,12}})(?![0-9])", tail)
            if num:
                digits = fix_digits(num.group(1))
                if len(digits) == 12 and digits.isdigit():
                    return digits, k
                break
    return None


def subject_birth(doc: Doc, doc_type: str, start: int, end: int) -> tuple[str, int] | None:
    labels = ["ngay, thang, nam sinh", "sinh ngay", "ngay sinh"]
    hit = doc.label(labels, start, end)
    if hit is not None:
        d = date_digits(hit.value[:14])
        if d:
            return d[0], hit.line
        nxt = doc.lines[hit.line + 1].text if hit.line + 1 < len(doc.lines) else ""
        w = date_words(hit.value + " " + nxt)
        if w:
            return w, hit.line
    if doc_type == "quyet_dinh":
        for k in range(start, min(end, start + 3)):
            m = re.search(r"sinh ngay\s*", doc.lines[k].folded)
            if m:
                d = date_digits(doc.lines[k].text[m.end() : m.end() + 12])
                if d:
                    return d[0], k
    return None
