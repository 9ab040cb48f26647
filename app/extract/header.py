"""Fields from the Decree 30 layout: number, book, agency, issue date, signer, summary."""

from __future__ import annotations

import logging
import re

from app.extract.agency_names import snap_agency
from app.extract.lines import Doc
from app.extract.text import DIGIT, date_digits, date_long, fix_digits, title_runs

log = logging.getLogger(__name__)

_MOTTO = r"cong hoa|chu nghia|doc lap|hanh phuc"
_AGENCY_START = r"^(uy ban|ubnd|phong|so |cuc |chi cuc|van phong|ban |truong|tram|hoi dong)"
_ROLE = r"^(tm\.|kt\.|q\.|tl\.|tuq\.|nguoi ky)|(^|\s)(chu tich|truong phong)$"


def so_ky_hieu(doc: Doc, hkd: bool) -> tuple[str, int] | None:
    """The number after ``Số:`` in the header (or the household-business code)."""
    for k, line in enumerate(doc.lines[:25]):
        m = re.match(r"^(so|ma so ho kinh doanh)\s*[:;.]\s*(\S+)", line.folded)
        if not m:
            continue
        raw = line.text[m.start(2) : m.end(2)].rstrip(".,;")
        if hkd and re.fullmatch(rf"{DIGIT}{{2}}[A-Z]{DIGIT}{{7}}", raw):
            return fix_digits(raw[:2]) + raw[2] + fix_digits(raw[3:]), k
        num, sep, sym = raw.partition("/")
        if not re.fullmatch(rf"{DIGIT}+", num):
            continue
        sym = re.sub(r"[ĐÐ]+", "Đ", sym.replace("0Đ", "QĐ"))
        return fix_digits(num) + sep + sym, k
    return None


def quyen_so(doc: Doc) -> tuple[str, int] | None:
    hit = doc.label(["quyen so"], 0, 25)
    if hit is None:
        return None
    m = re.match(rf"({DIGIT}+(?:\s*/\s*{DIGIT}{{4}})?)", hit.value)
    return (fix_digits(m.group(1).replace(" ", "")), hit.line) if m else None


def agency(doc: Doc) -> tuple[str, int] | None:
    """Lowest-level issuing agency from the header's left block (lines before the motto/number)."""
    units: list[list[str]] = []
    first = 0
    for k, line in enumerate(doc.lines[:12]):
        if re.match(r"^(so|quyen so)\s*[:;.]", line.folded):
            break
        motto = re.search(_MOTTO, line.folded)
        text = line.text[: motto.start()].strip() if motto else line.text
        if text and text == text.upper() and re.search(r"[A-ZĐ]", text):
            if re.match(_AGENCY_START, line.folded) or not units:
                units.append([text])
                first = k
            else:
                units[-1].append(text)
        if motto:
            break
    if not units:
        return None
    return snap_agency(" ".join(units[-1])), first


def issue_date(doc: Doc, doc_type: str) -> tuple[str, int] | None:
    """Date of the place-date line; for household businesses the latest registration date."""
    if doc_type == "ho_kinh_doanh":
        found = []
        for k, line in enumerate(doc.lines):
            if re.match(r"^dang ky (lan dau|thay doi)", line.folded):
                d = date_long(line.text) or date_digits(line.text)
                if d:
                    found.append((d[0], k))
        if found:
            return max(found)
    for k, line in enumerate(doc.lines):
        if re.match(r"^[\w .'-]{2,40},\s*ngay\b", line.folded):
            d = date_long(line.text)
            if d and not re.match(r"^(can cu|xet|theo)", line.folded):
                return d[0], k
    hit = doc.label(["ngay, thang, nam dang ky", "ngay dang ky"])
    if hit:
        d = date_digits(hit.value) or date_long(hit.value)
        if d:
            return d[0], hit.line
    return None


def signer(doc: Doc) -> tuple[str, int] | None:
    """The signer's name: first name-shaped line after the last signature role line."""
    roles = [k for k, ln in enumerate(doc.lines) if re.search(_ROLE, ln.folded)]
    for start in reversed(roles):
        for k in range(start + 1, min(start + 8, len(doc.lines))):
            text = doc.lines[k].text
            runs = title_runs(text)
            if runs and runs[0][0] == text:
                return text, k
    return None


def trich_yeu(doc: Doc) -> tuple[str, int] | None:
    """The ``Về việc …`` subject line under a decision's title, wrapped lines joined."""
    start = doc.find_line(r"^ve viec", 0, 30)
    if start is None:
        return None
    parts = [doc.lines[start].text]
    for line in doc.lines[start + 1 : start + 5]:
        if line.text == line.text.upper() or re.match(r"^(can cu|xet|theo)", line.folded):
            break
        parts.append(line.text)
    return " ".join(parts), start
