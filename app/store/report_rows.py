"""Read models for reports: each document's progress facts and every record's metadata (no images)."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.core.models import DocumentState
from app.core.progress import DocumentFacts
from app.core.records import record_from_json
from app.core.validators import parse_iso
from app.store.db import translated
from app.store.orm import DocumentRow
from app.store.outbox_orm import OutboxRow

log = logging.getLogger(__name__)

METADATA_COLUMNS = (
    "document_id",
    "batch_id",
    "state",
    "doc_type",
    "result_code",
    "co_quan_in_tren_giay",
    "agency_key",
    "successor_key",
    "out_of_scope",
    "outbox_state",
    "described_by",
    "reviewed_by",
    "reviewed_at",
)


def _rows(engine: Engine) -> list[tuple[DocumentRow, str | None]]:
    query = (
        select(DocumentRow, OutboxRow.state)
        .outerjoin(OutboxRow, OutboxRow.document_id == DocumentRow.id)
        .order_by(DocumentRow.id)
    )
    with translated("reading documents for a report"), Session(engine) as session:
        return [(row, state) for row, state in session.execute(query)]


def progress_facts(engine: Engine) -> list[DocumentFacts]:
    """One ``DocumentFacts`` per document in the store."""
    return [_facts(row, outbox_state) for row, outbox_state in _rows(engine)]


def _facts(row: DocumentRow, outbox_state: str | None) -> DocumentFacts:
    record = record_from_json(row.id, row.record or {"doc_type": row.doc_type})
    review: dict[str, Any] = dict(row.review or {})
    issued = parse_iso(record.fields.get("ngay_ban_hanh", ""))
    approved_at = None
    if row.state == DocumentState.APPROVED.value and review.get("reviewed_at"):
        approved_at = datetime.fromisoformat(str(review["reviewed_at"]))
    return DocumentFacts(
        document_id=row.id,
        state=row.state,
        doc_type=row.doc_type,
        issued_year=issued.year if issued else None,
        agency_key=record.issuer.agency_key if record.issuer else "",
        officer=str(review.get("described_by", "")),
        approved_at=approved_at,
        out_of_scope=not record.countable,
        outbox_state=outbox_state,
    )


def metadata_rows(engine: Engine) -> list[dict[str, str]]:
    """Every document's record as flat text: fixed columns first, then each field by its key."""
    return [_metadata(row, outbox_state) for row, outbox_state in _rows(engine)]


def _metadata(row: DocumentRow, outbox_state: str | None) -> dict[str, str]:
    record = record_from_json(row.id, row.record or {"doc_type": row.doc_type}, row.result_code or "")
    review: dict[str, Any] = dict(row.review or {})
    issuer = record.issuer
    flat = {
        "document_id": str(row.id),
        "batch_id": str(row.batch_id),
        "state": row.state,
        "doc_type": row.doc_type,
        "result_code": record.result_code,
        "co_quan_in_tren_giay": issuer.printed if issuer else "",
        "agency_key": issuer.agency_key if issuer else "",
        "successor_key": issuer.successor_key if issuer else "",
        "out_of_scope": "; ".join(f.reason.value for f in record.scope_flags),
        "outbox_state": outbox_state or "",
        "described_by": str(review.get("described_by", "")),
        "reviewed_by": str(review.get("reviewed_by", "")),
        "reviewed_at": str(review.get("reviewed_at", "")),
    }
    for key, value in record.fields.items():
        flat.setdefault(key, value)
    return flat
