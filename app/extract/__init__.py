"""Metadata extraction from OCR text and QR codes; arrives with the metadata issue."""

from __future__ import annotations

from app.core.batch_export import FIELD_KEYS
from app.extract.extractor import extract_document
from app.extract.model import DOC_TYPES, Extraction, FieldValue

__all__ = ["DOC_TYPES", "FIELD_KEYS", "Extraction", "FieldValue", "extract_document"]
