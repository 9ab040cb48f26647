"""The commit manifest of an approved document (docs/sync-protocol.md), built from its record."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from app.core.records import DocumentRecord

log = logging.getLogger(__name__)


def build_manifest(
    record: DocumentRecord,
    *,
    station: str,
    pages: int,
    review: Mapping[str, Any],
) -> dict[str, Any]:
    """What the central repository needs besides the file: type, code, fields, issuer, who and when.

    The outbox adds the idempotency key and the uploaded file.
    """
    issuer = record.issuer
    return {
        "station": station,
        "doc_type": record.doc_type,
        "result_code": record.result_code,
        "fields": dict(record.fields),
        "issuer": {
            "printed": issuer.printed if issuer else "",
            "agency_key": issuer.agency_key if issuer else "",
            "successor_key": issuer.successor_key if issuer else "",
        },
        "scope_flags": [f.reason.value for f in record.scope_flags],
        "pages": pages,
        "files": [],
        "officer": str(review.get("described_by", "")),
        "supervisor": str(review.get("reviewed_by", "")),
        "signed_at": str(review.get("submitted_at", "")),
        "approved_at": str(review.get("reviewed_at", "")),
    }
