"""SQLAlchemy table of the inventory: still-valid paper results counted per agency, result type and year."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.progress import InventoryRow
from app.store.orm import Base

log = logging.getLogger(__name__)


class InventoryTableRow(Base):
    __tablename__ = "inventory"
    __table_args__ = (UniqueConstraint("agency_printed", "doc_type", "year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_printed: Mapped[str] = mapped_column(String(300))  # exactly as printed, never rewritten
    agency_key: Mapped[str] = mapped_column(String(100), default="")
    successor_key: Mapped[str] = mapped_column(String(100), default="")
    doc_type: Mapped[str] = mapped_column(String(100))
    year: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer)
    updated_by: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[datetime] = mapped_column(DateTime())


def inventory_from_row(row: InventoryTableRow) -> InventoryRow:
    return InventoryRow(
        agency_printed=row.agency_printed,
        doc_type=row.doc_type,
        year=row.year,
        count=row.count,
        agency_key=row.agency_key,
        successor_key=row.successor_key,
    )
