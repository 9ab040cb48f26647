"""A document's described record: type, field values with confidence and page region, issuer, code, scope."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from app.core.issuer import IssuerMatch, IssuerMatcher
from app.core.ocr_types import Box
from app.core.result_codes import CodeTemplate
from app.core.scope import ScopeFlag, ScopeReason
from app.core.textnorm import collapse_spaces, nfc
from app.core.validators import parse_iso

if TYPE_CHECKING:
    from app.core.outputs import Description

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FieldRegion:
    """Where a value was read: page index within the document and box in the cleaned page's pixels."""

    page: int
    box: Box


@dataclass(frozen=True)
class IssuerRef:
    """The issuer exactly as printed, the matched catalogue key and the successor unit's key today."""

    printed: str
    agency_key: str = ""
    successor_key: str = ""

    @classmethod
    def from_match(cls, match: IssuerMatch) -> IssuerRef:
        return cls(
            match.printed,
            match.agency.key if match.agency else "",
            match.successor.key if match.successor else "",
        )


@dataclass
class DocumentRecord:
    """Everything the station knows of one document besides its pages and PDF."""

    document_id: int
    doc_type: str = "unknown"
    fields: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    regions: dict[str, FieldRegion] = field(default_factory=dict)
    issuer: IssuerRef | None = None
    result_code: str = ""
    scope_flags: list[ScopeFlag] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Typed input and OCR output alike are stored NFC with whitespace collapsed.
        self.fields = {k: collapse_spaces(nfc(v)) for k, v in self.fields.items() if v is not None}

    @property
    def countable(self) -> bool:
        """Counts towards digitisation totals: not marked out of scope."""
        return not self.scope_flags

    def search_texts(self) -> list[str]:
        """The record's own words for the local search index (values, issuer, code)."""
        texts = [self.doc_type, self.result_code, *self.fields.values()]
        if self.issuer is not None:
            texts.append(self.issuer.printed)
        return [t for t in texts if t]


def record_to_json(record: DocumentRecord) -> dict[str, Any]:
    """The record as JSON-ready data (what the store keeps in its ``record`` column)."""
    return {
        "doc_type": record.doc_type,
        "fields": dict(record.fields),
        "confidence": dict(record.confidence),
        "regions": {k: [r.page, *r.box] for k, r in record.regions.items()},
        "issuer": None if record.issuer is None else vars(record.issuer).copy(),
        "scope_flags": [
            {"reason": f.reason.value, "note": f.note, "who": f.who, "when": f.when.isoformat()}
            for f in record.scope_flags
        ],
    }


def record_from_json(document_id: int, data: Mapping[str, Any], result_code: str = "") -> DocumentRecord:
    """The record back from ``record_to_json`` data."""
    issuer = data.get("issuer")
    return DocumentRecord(
        document_id=document_id,
        doc_type=str(data.get("doc_type", "unknown")),
        fields={str(k): str(v) for k, v in dict(data.get("fields", {})).items()},
        confidence={str(k): float(v) for k, v in dict(data.get("confidence", {})).items()},
        regions={
            str(k): FieldRegion(int(v[0]), (int(v[1]), int(v[2]), int(v[3]), int(v[4])))
            for k, v in dict(data.get("regions", {})).items()
        },
        issuer=IssuerRef(**issuer) if issuer else None,
        result_code=result_code,
        scope_flags=[
            ScopeFlag(ScopeReason(f["reason"]), f["note"], f["who"], datetime.fromisoformat(f["when"]))
            for f in data.get("scope_flags", [])
        ],
    )


def record_from_description(
    document_id: int,
    description: Description,
    matcher: IssuerMatcher | None = None,
    *,
    context: str = "",
    today: date | None = None,
) -> DocumentRecord:
    """A first record from extraction: values, confidences, regions and the matched issuer.

    ``context`` is the document's text (its header names the superior body, addresses name the
    district), which settles communes of the same name in different districts.
    """
    fields = {k: v for k, v in description.fields.items() if v}
    printed = fields.get("co_quan_ban_hanh", "")
    issuer = None
    if printed:
        issuer = IssuerRef(printed)
        if matcher is not None:
            issued = parse_iso(fields.get("ngay_ban_hanh", ""))
            issuer = IssuerRef.from_match(matcher.match(printed, context=context, issued=issued, today=today))
    return DocumentRecord(
        document_id,
        doc_type=description.doc_type,
        fields=fields,
        confidence=dict(description.confidence),
        regions=dict(description.regions),
        issuer=issuer,
    )


class RecordStore(Protocol):
    """Where described records live (the local store implements it)."""

    def save_record(self, record: DocumentRecord, text: str = "") -> None:
        """Write the record (not its result code) and index it, with ``text`` (OCR) for search."""
        ...

    def get_record(self, document_id: int) -> DocumentRecord:
        """The document's record; an empty one when it was never described."""
        ...

    def assign_result_code(
        self,
        document_id: int,
        template: CodeTemplate,
        *,
        owner_id: str | None,
        result_type: str,
        station: str,
        year: int,
    ) -> str:
        """The document's result code, allocating a never-reused sequence number the first time."""
        ...

    def delete_document(self, document_id: int) -> None:
        """Remove a document (its pages stay in the batch); its result code's number is never reused."""
        ...
