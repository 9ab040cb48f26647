"""Document type and FORMAT.md fields of one scanned document, from its pages' OCR text."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from collections.abc import Sequence

from rapidfuzz import fuzz

from app.core.ocr_types import OcrPage
from app.extract import header, subject
from app.extract.lines import Doc
from app.extract.model import Extraction, FieldValue
from app.extract.qr import qr_fields

log = logging.getLogger(__name__)

# Folded title phrases, most specific first: the title decides the kind of document.
_TITLES = (
    ("xac nhan tinh trang hon nhan", "xac_nhan_hon_nhan"),
    ("giay chung nhan dang ky ho kinh doanh", "ho_kinh_doanh"),
    ("giay chung nhan ket hon", "ket_hon"),
    ("trich luc khai tu", "khai_tu"),
    ("giay chung tu", "khai_tu"),
    ("giay khai sinh", "khai_sinh"),
    ("quyet dinh", "quyet_dinh"),
)


def classify(doc: Doc) -> tuple[str, float]:
    """The document type from the bold upper-case title lines of the first page."""
    best = ("unknown", 0.0)
    for line in doc.lines[:20]:
        if line.page != 0 or not _mostly_upper(line.text) or len(line.folded) < 6:
            continue
        for phrase, kind in _TITLES:
            score = fuzz.ratio(line.folded, phrase)
            if phrase in line.folded and len(line.folded) <= len(phrase) + 12:
                score = max(score, 95.0)
            if score > best[1] and score >= 80:
                best = (kind, score)
        if best[1] >= 95:
            break
    return best[0], best[1] / 100


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def six_months_after(iso: str) -> str:
    """Same day number six calendar months later, clamped to that month's last day."""
    d = dt.date.fromisoformat(iso)
    month0 = d.month - 1 + 6
    year, month = d.year + month0 // 12, month0 % 12 + 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day).isoformat()


def extract_document(pages: Sequence[OcrPage], qr_payloads: Sequence[str] = ()) -> Extraction:
    """Extract the type and fields a document prints; fields not found are left out.

    Values decoded from the document's QR codes are exact and win over what OCR read, keeping the
    OCR's page region when both agree on a field.
    """
    out = _from_text(pages)
    name = out.fields.get("chu_the_ho_ten")
    for key, value in qr_fields(qr_payloads, name.value if name else None).items():
        seen = out.fields.get(key)
        out.fields[key] = FieldValue(value.value, value.confidence, seen.page, seen.box) if seen else value
    return out


def _from_text(pages: Sequence[OcrPage]) -> Extraction:
    doc = Doc(pages)
    doc_type, type_conf = classify(doc)
    out = Extraction(doc_type=doc_type)
    if not doc.lines:
        return out
    base = _base_confidence(pages)

    def put(key: str, found: tuple[str, int] | None, conf: float = 0.9) -> None:
        if found is None or not found[0]:
            return
        value, k = found
        line = doc.lines[k]
        out.fields[key] = FieldValue(value, round(conf * base, 3), line.page, doc.box_of(k, value))

    put("so_ky_hieu", header.so_ky_hieu(doc, doc_type == "ho_kinh_doanh"))
    if doc_type in ("khai_sinh", "ket_hon", "khai_tu"):
        put("quyen_so", header.quyen_so(doc))
    put("ngay_ban_hanh", header.issue_date(doc, doc_type))
    put("co_quan_ban_hanh", header.agency(doc), 0.8)
    put("nguoi_ky", header.signer(doc), 0.8)
    start, end = subject.section(doc, doc_type)
    if doc_type != "unknown":
        put("chu_the_ho_ten", subject.subject_name(doc, doc_type, start, end), 0.8)
        put("chu_the_so_dinh_danh", subject.subject_id(doc, start, end))
        put("chu_the_ngay_sinh", subject.subject_birth(doc, doc_type, start, end))
    if doc_type == "quyet_dinh":
        put("trich_yeu", header.trich_yeu(doc), 0.8)
    issued = out.fields.get("ngay_ban_hanh")
    if doc_type == "xac_nhan_hon_nhan" and issued is not None:
        out.fields["valid_until"] = FieldValue(
            six_months_after(issued.value), issued.confidence, issued.page, issued.box
        )
    log.debug("extracted %s (type conf %.2f): %d fields", doc_type, type_conf, len(out.fields))
    return out


def _base_confidence(pages: Sequence[OcrPage]) -> float:
    """Scale confidences by the OCR's own word confidence when it is known."""
    confs = [p.mean_conf for p in pages if p.mean_conf >= 0]
    if not confs:
        return 1.0
    return max(0.3, min(1.0, sum(confs) / len(confs) / 90))
