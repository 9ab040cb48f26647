"""The inventory each station reports: still-valid paper results per agency, result type and year."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.central.models import Base

log = logging.getLogger(__name__)


class InventoryRow(Base):
    """One counted pile: ``count`` papers of ``doc_type`` issued in ``year`` by one agency.

    Registered on the service's ``Base``, so ``create_all`` makes the table once this module is
    imported (the city router imports it, and ``create_app`` imports the router).
    """

    __tablename__ = "inventory"
    __table_args__ = (
        UniqueConstraint(
            "station_code", "agency_key", "agency_printed", "doc_type", "year", name="uq_inventory_pile"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"), index=True)
    agency_printed: Mapped[str] = mapped_column(String(300))
    agency_key: Mapped[str] = mapped_column(String(120))
    doc_type: Mapped[str] = mapped_column(String(60))
    year: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer)
    reported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
