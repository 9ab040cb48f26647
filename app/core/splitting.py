"""Assemble documents from a batch's pages in feed order: split at separator sheets, set blanks aside."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.core.models import PageFindings

SEPARATOR_TYPE_PREFIX = "SEP:"


@dataclass
class DocumentPlan:
    """One output document: the feed positions (0-based) of its pages and a type hint from a cover sheet."""

    page_positions: list[int] = field(default_factory=list)
    doc_type_hint: str | None = None


def doc_type_from_separator(payload: str | None) -> str | None:
    """A separator's QR may name the type of the document that follows: ``SEP:khai_sinh``; a batch
    reference may follow after ``|`` (``SEP:khai_sinh|lo-thang-3``)."""
    head = (payload or "").split("|", 1)[0]
    if head.upper().startswith(SEPARATOR_TYPE_PREFIX):
        hint = head[len(SEPARATOR_TYPE_PREFIX) :].strip().lower()
        return hint or None
    return None


def batch_from_separator(payload: str | None) -> str | None:
    """The batch reference a printed separator carries after ``|`` (None when it has none)."""
    if payload and "|" in payload:
        return payload.split("|", 1)[1].strip() or None
    return None


def assemble_documents(findings: Sequence[PageFindings | None]) -> list[DocumentPlan]:
    """Group content pages into documents.

    A separator closes the current document and starts a new one; blank pages and pages that could
    not be read (``None``) belong to no document but never end one (a blank back side sits inside a
    document). Documents keep feed order; a separator with no content after it yields nothing.
    """
    documents: list[DocumentPlan] = []
    current = DocumentPlan()
    for position, found in enumerate(findings):
        if found is None or found.is_blank:
            continue
        if found.is_separator:
            if current.page_positions:
                documents.append(current)
            current = DocumentPlan(doc_type_hint=doc_type_from_separator(found.separator_payload))
            continue
        current.page_positions.append(position)
    if current.page_positions:
        documents.append(current)
    return documents
