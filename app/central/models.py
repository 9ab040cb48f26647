"""The service's own tables: stations and the admin credential, uploads in progress, documents."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

log = logging.getLogger(__name__)


class Base(DeclarativeBase):
    pass


class Credential(Base):
    """A bearer token's SHA-256: a station's (``station_code`` set) or the administrator's."""

    __tablename__ = "credentials"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    station_code: Mapped[str | None] = mapped_column(ForeignKey("stations.code"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Station(Base):
    __tablename__ = "stations"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Upload(Base):
    """A tus upload: its bytes are in ``uploads/<id>.part`` up to ``offset`` (fsynced)."""

    __tablename__ = "uploads"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"), index=True)
    length: Mapped[int] = mapped_column(BigInteger)
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(200))
    filetype: Mapped[str] = mapped_column(String(100), default="")
    idempotency_key: Mapped[str] = mapped_column(String(100), default="")
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class Document(Base):
    """A committed document; its receipt fields never change once written."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("station_code", "idempotency_key", name="uq_documents_station_key"),)

    server_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"), index=True)
    idempotency_key: Mapped[str] = mapped_column(String(100))
    result_code: Mapped[str] = mapped_column(String(100), unique=True)
    doc_type: Mapped[str] = mapped_column(String(60))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    storage_key: Mapped[str] = mapped_column(String(300))
    filename: Mapped[str] = mapped_column(String(200))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    issuer: Mapped[dict[str, Any]] = mapped_column(JSON)
    manifest: Mapped[dict[str, Any]] = mapped_column(JSON)
    search_text: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    def receipt(self) -> dict[str, str]:
        return {
            "server_id": self.server_id,
            "idempotency_key": self.idempotency_key,
            "result_code": self.result_code,
            "sha256": self.sha256,
            "received_at": _iso(self.received_at),
            "station": self.station_code,
        }


class StationRelease(Base):
    """A station version the administrator published (``sohoa central publish-release``)."""

    __tablename__ = "station_releases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(40), unique=True)
    url: Mapped[str] = mapped_column(String(1000))
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    notes_vi: Mapped[str] = mapped_column(Text, default="")
    notes_en: Mapped[str] = mapped_column(Text, default="", server_default="")  # added later: see db.py
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def _iso(when: datetime) -> str:
    # SQLite hands back naive datetimes: every stored time is UTC.
    return when.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
