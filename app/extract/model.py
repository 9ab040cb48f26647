"""Result types of metadata extraction: the document type and per-field values with provenance."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from app.core.batch_export import FIELD_KEYS  # the exchange format's keys, one list
from app.core.ocr_types import Box

log = logging.getLogger(__name__)

DOC_TYPES = (
    "khai_sinh",
    "ket_hon",
    "khai_tu",
    "xac_nhan_hon_nhan",
    "quyet_dinh",
    "ho_kinh_doanh",
    "unknown",
)


@dataclass(frozen=True)
class FieldValue:
    """One extracted value: text as it should be stored, how sure we are, and where it was read."""

    value: str
    confidence: float
    page: int = 0
    box: Box | None = None


@dataclass
class Extraction:
    """The document type and the fields the document actually prints (absent = not found)."""

    doc_type: str = "unknown"
    fields: dict[str, FieldValue] = field(default_factory=dict)

    def values(self) -> dict[str, str | None]:
        """All FORMAT.md keys with their value or None, as ``documents.jsonl`` wants them."""
        return {k: (self.fields[k].value if k in self.fields else None) for k in FIELD_KEYS}
