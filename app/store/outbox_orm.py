"""SQLAlchemy table of the outbox (one row per queued document) and its conversion to OutboxItem."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.outbox import OutboxItem, OutboxState
from app.core.sync_port import Receipt
from app.store.orm import Base, as_utc

log = logging.getLogger(__name__)


class OutboxRow(Base):
    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("document_id"),
        UniqueConstraint("idempotency_key"),
        Index("ix_outbox_state_next_retry_at", "state", "next_retry_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(Integer)
    idempotency_key: Mapped[str] = mapped_column(String(36))
    state: Mapped[str] = mapped_column(String(20))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(300))
    manifest: Mapped[dict[str, Any]] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(Integer)
    next_retry_at: Mapped[datetime | None] = mapped_column(DateTime())
    last_error_code: Mapped[str | None] = mapped_column(String(60))
    last_error_vi: Mapped[str | None] = mapped_column(Text)
    upload_url: Mapped[str | None] = mapped_column(String(500))
    upload_offset: Mapped[int] = mapped_column(Integer)  # "offset" is an SQL keyword
    receipt: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime())
    updated_at: Mapped[datetime] = mapped_column(DateTime())


def naive_utc(value: datetime | None) -> datetime | None:
    """SQLite stores naive datetimes; the store keeps UTC in them."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def item_from_row(row: OutboxRow) -> OutboxItem:
    return OutboxItem(
        document_id=row.document_id,
        idempotency_key=row.idempotency_key,
        state=OutboxState(row.state),
        sha256=row.sha256,
        size=row.size,
        filename=row.filename,
        manifest=dict(row.manifest),
        attempts=row.attempts,
        next_retry_at=as_utc(row.next_retry_at) if row.next_retry_at is not None else None,
        last_error_code=row.last_error_code,
        last_error_vi=row.last_error_vi,
        upload_url=row.upload_url,
        offset=row.upload_offset,
        receipt=Receipt.from_json(row.receipt) if row.receipt is not None else None,
        updated_at=as_utc(row.updated_at),
    )


def write_item(row: OutboxRow, item: OutboxItem, now: datetime) -> None:
    """Copy every mutable field of ``item`` onto ``row`` (key and document never change)."""
    row.state = item.state.value
    row.sha256 = item.sha256
    row.size = item.size
    row.filename = item.filename
    row.manifest = dict(item.manifest)
    row.attempts = item.attempts
    row.next_retry_at = naive_utc(item.next_retry_at)
    row.last_error_code = item.last_error_code
    row.last_error_vi = item.last_error_vi
    row.upload_url = item.upload_url
    row.upload_offset = item.offset
    row.receipt = item.receipt.to_json() if item.receipt is not None else None
    row.updated_at = now
