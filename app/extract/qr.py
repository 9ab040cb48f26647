"""Fields from QR codes on a document: the chip ID card format and labelled "key: value" payloads."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterable

from app.core.batch_export import FIELD_KEYS
from app.core.textnorm import collapse_spaces, fold, nfc
from app.extract.model import FieldValue

log = logging.getLogger(__name__)

QR_CONFIDENCE = 0.98  # a decoded QR is exact; only a wrong attribution can make it wrong
ATTACHED_ID_CONFIDENCE = 0.7  # an ID card QR may belong to another person on the paper

# Chip ID card (CCCD) QR: number|old CMND|full name|ddmmyyyy birth|sex|address|ddmmyyyy issue.
_CCCD = re.compile(r"^(\d{12})\|(\d{9})?\|([^|]+)\|(\d{8})\|([^|]*)\|([^|]*)\|(\d{8})(?:\|.*)?$")
_PAIR = re.compile(r"^\s*([^:=]{2,40}?)\s*[:=]\s*(.+?)\s*$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")

# Folded labels printed in labelled payloads -> FORMAT.md keys.
_LABELS = {
    "so": "so_ky_hieu",
    "so ky hieu": "so_ky_hieu",
    "so hieu": "so_ky_hieu",
    "quyen so": "quyen_so",
    "ngay": "ngay_ban_hanh",
    "ngay ban hanh": "ngay_ban_hanh",
    "ngay dang ky": "ngay_ban_hanh",
    "ngay cap": "ngay_ban_hanh",
    "co quan": "co_quan_ban_hanh",
    "co quan ban hanh": "co_quan_ban_hanh",
    "noi dang ky": "co_quan_ban_hanh",
    "nguoi ky": "nguoi_ky",
    "ho va ten": "chu_the_ho_ten",
    "ho ten": "chu_the_ho_ten",
    "so dinh danh": "chu_the_so_dinh_danh",
    "so dinh danh ca nhan": "chu_the_so_dinh_danh",
    "cccd": "chu_the_so_dinh_danh",
    "ngay sinh": "chu_the_ngay_sinh",
    "co gia tri den": "valid_until",
    "trich yeu": "trich_yeu",
}
_DATE_KEYS = frozenset({"ngay_ban_hanh", "chu_the_ngay_sinh", "valid_until"})


def qr_fields(payloads: Iterable[str], ocr_name: str | None = None) -> dict[str, FieldValue]:
    """The FORMAT.md fields the QR texts carry (empty when none is understood).

    An ID card's QR names a person who may not be the document's subject: it is used only when the
    OCR found no subject name or the same one.
    """
    found: dict[str, FieldValue] = {}
    for text in payloads:
        text = nfc(text).strip()
        card = _CCCD.match(text)
        if card is not None:
            found.update(_id_card(card, ocr_name))
            continue
        found.update(_labelled(text))
    return found


def _id_card(card: re.Match[str], ocr_name: str | None) -> dict[str, FieldValue]:
    name = collapse_spaces(card.group(3))
    if ocr_name and fold(ocr_name) != fold(name):
        return {}
    confidence = QR_CONFIDENCE if ocr_name else ATTACHED_ID_CONFIDENCE
    values = {
        "chu_the_so_dinh_danh": card.group(1),
        "chu_the_ho_ten": name,
        "chu_the_ngay_sinh": _iso(card.group(4)),
    }
    return {k: FieldValue(v, confidence) for k, v in values.items() if v}


def _labelled(text: str) -> dict[str, FieldValue]:
    pairs = _json_pairs(text) if text.startswith("{") else None
    if pairs is None:
        pairs = [(m[1], m[2]) for part in re.split(r"[\n;|]", text) if (m := _PAIR.match(part))]
    found: dict[str, FieldValue] = {}
    for label, raw in pairs:
        key = label if label in FIELD_KEYS else _LABELS.get(fold(label).strip(" ."))
        value = collapse_spaces(raw)
        if key in _DATE_KEYS:
            value = _iso(value) or ""
        if key and value:
            found[key] = FieldValue(value, QR_CONFIDENCE)
    return found


def _json_pairs(text: str) -> list[tuple[str, str]] | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    return [(str(k), str(v)) for k, v in data.items() if isinstance(v, str | int)]


def _iso(text: str) -> str | None:
    """ISO date of ``ddmmyyyy``, ``dd/mm/yyyy`` or ISO text; None when it is not a real date."""
    text = text.strip()
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:2]}/{text[2:4]}/{text[4:]}"
    m = _DMY.match(text)
    try:
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None
