"""Records of a processed batch in the station's exchange format (pages.jsonl, documents.jsonl)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from app.core.models import Document
from app.core.outputs import Description
from app.core.pipeline import BatchResult, PageResult

FIELD_KEYS = (
    "so_ky_hieu",
    "quyen_so",
    "ngay_ban_hanh",
    "co_quan_ban_hanh",
    "nguoi_ky",
    "chu_the_ho_ten",
    "chu_the_so_dinh_danh",
    "chu_the_ngay_sinh",
    "valid_until",
    "trich_yeu",
)


def page_record(result: PageResult, document_index: int | None, text: str = "") -> dict[str, Any]:
    """One line of pages.jsonl; unreadable pages carry their error code and no findings."""
    f = result.findings
    record: dict[str, Any] = {
        "file": result.page.source_name,
        "skew_deg": round(f.skew_deg, 3) if f else 0.0,
        "orientation": f.orientation if f else 0,
        "page_quad": [[round(x, 1), round(y, 1)] for x, y in f.page_quad] if f and f.page_quad else None,
        "is_blank": f.is_blank if f else False,
        "is_separator": f.is_separator if f else False,
        "document": document_index,
        "text": unicodedata.normalize("NFC", text),
    }
    if f is not None:
        record["dpi"] = f.dpi
        record["is_color"] = f.is_color
        record["warnings"] = [str(w) for w in f.warnings]
    if result.error is not None:
        record["error"] = result.error.code
    return record


def document_record(
    document: Document, page_names: list[str], description: Description | None = None, pdf: str | None = None
) -> dict[str, Any]:
    """One line of documents.jsonl; fields not found (or not extracted) are null."""
    fields: dict[str, Any] = dict.fromkeys(FIELD_KEYS)
    if description is not None:
        fields.update({k: unicodedata.normalize("NFC", v) for k, v in description.fields.items() if v})
    return {
        "document": document.index,
        "pages": page_names,
        "doc_type": (description.doc_type if description else document.doc_type) or "unknown",
        "fields": fields,
        "pdf": pdf,
    }


def batch_records(
    result: BatchResult, descriptions: Mapping[int, Description] | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Both files' records for a processed batch, pages in feed order."""
    doc_of_page: dict[int, int] = {}
    for document in result.documents:
        for page_id in document.page_ids:
            doc_of_page[page_id] = document.index
    pages = [page_record(r, doc_of_page.get(r.page.id)) for r in result.pages]
    names = {r.page.id: r.page.source_name for r in result.pages}
    described = descriptions or {}
    documents = [
        document_record(d, [names[i] for i in d.page_ids], described.get(d.id)) for d in result.documents
    ]
    return pages, documents
