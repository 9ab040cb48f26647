"""SQLAlchemy ORM tables of the local store (batches, documents, pages) and their core dataclass twins."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.core.models import (
    Batch,
    BatchState,
    Document,
    DocumentState,
    Page,
    PageFindings,
    PageState,
    Point,
    QualityWarning,
)

log = logging.getLogger(__name__)

# Stable constraint names so Alembic migrations can refer to (and later alter) them.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class BatchRow(Base):
    __tablename__ = "batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(20), index=True)
    device: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime())
    updated_at: Mapped[datetime] = mapped_column(DateTime())
    created_by: Mapped[str | None] = mapped_column(String(32))  # login of who scanned it (None: unknown)


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("batch_id", "index"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id", ondelete="CASCADE"))
    index: Mapped[int] = mapped_column("index", Integer)
    state: Mapped[str] = mapped_column(String(20))
    doc_type: Mapped[str] = mapped_column(String(100))
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))  # the built PDF in the file store
    record: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # app.core.records.record_to_json
    result_code: Mapped[str | None] = mapped_column(String(120), unique=True)
    result_seq: Mapped[int | None] = mapped_column(Integer)
    review: Mapped[dict[str, Any] | None] = mapped_column(
        JSON
    )  # who described / submitted / reviewed, reason


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(32), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    roles: Mapped[list[str]] = mapped_column(JSON)
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean)
    signer: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # how this person signs (no secrets)
    created_at: Mapped[datetime] = mapped_column(DateTime())


class AuditRow(Base):
    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(50))
    target: Mapped[str] = mapped_column(String(100))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHeadRow(Base):
    """The last entry's number and hash, so that cutting entries off the end is detected too."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class StationConfigRow(Base):
    """The station's settings written by the setup wizard (app.core.station_config)."""

    __tablename__ = "station_config"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class CodeSequenceRow(Base):
    """The high-water mark of a sequence (like SQLite AUTOINCREMENT: never max(seq) + 1)."""

    __tablename__ = "code_sequences"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class ReleasedCodeRow(Base):
    """A result code whose document was deleted: its number stays used forever."""

    __tablename__ = "released_codes"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(120))
    released_at: Mapped[datetime] = mapped_column(DateTime())


class PageRow(Base):
    __tablename__ = "pages"
    __table_args__ = (
        UniqueConstraint("batch_id", "seq"),
        Index("ix_pages_sha256", "sha256"),
        Index("ix_pages_document_id", "document_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)  # blob length: a cheap check that needs no hashing
    source_name: Mapped[str] = mapped_column(String(300))
    media_type: Mapped[str] = mapped_column(String(100))
    dpi: Mapped[int | None] = mapped_column(Integer)
    side: Mapped[str] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(20))
    error_code: Mapped[str | None] = mapped_column(String(50))
    findings: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    ocr: Mapped[dict[str, Any] | None] = mapped_column(JSON, deferred=True)  # words are bulky: on demand
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime())
    position: Mapped[int | None] = mapped_column(Integer)  # order within its document (None: scan order)
    trashed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    scan_purged_at: Mapped[datetime | None] = mapped_column(DateTime())  # the retention period removed it


# A document's pages: in the officer's order where they set one, else in scan order.
PAGE_ORDER = (func.coalesce(PageRow.position, PageRow.seq), PageRow.seq)


# --- conversion between rows and the core dataclasses ---------------------------------------------
FINDINGS_VERSION = 1


def findings_to_json(findings: PageFindings) -> dict[str, Any]:
    """PageFindings as a JSON object (enums as their values, tuples as lists)."""
    quad = [list(point) for point in findings.page_quad] if findings.page_quad is not None else None
    return {
        "v": FINDINGS_VERSION,
        "width": findings.width,
        "height": findings.height,
        "dpi": findings.dpi,
        "skew_deg": findings.skew_deg,
        "orientation": findings.orientation,
        "page_quad": quad,
        "is_blank": findings.is_blank,
        "is_separator": findings.is_separator,
        "separator_payload": findings.separator_payload,
        "qr_payloads": list(findings.qr_payloads),
        "is_color": findings.is_color,
        "warnings": [str(w) for w in findings.warnings],
    }


def findings_from_json(data: dict[str, Any]) -> PageFindings:
    """The inverse of ``findings_to_json``; warnings this version does not know are dropped."""
    quad_raw = data.get("page_quad")
    quad: tuple[Point, Point, Point, Point] | None = None
    if quad_raw is not None:
        p0, p1, p2, p3 = ((float(x), float(y)) for x, y in quad_raw)
        quad = (p0, p1, p2, p3)
    warnings: list[QualityWarning] = []
    for value in data.get("warnings", []):
        try:
            warnings.append(QualityWarning(value))
        except ValueError:
            log.warning("Ignoring unknown quality warning %r in stored findings", value)
    return PageFindings(
        width=int(data["width"]),
        height=int(data["height"]),
        dpi=int(data["dpi"]),
        skew_deg=float(data.get("skew_deg", 0.0)),
        orientation=int(data.get("orientation", 0)),
        page_quad=quad,
        is_blank=bool(data.get("is_blank", False)),
        is_separator=bool(data.get("is_separator", False)),
        separator_payload=data.get("separator_payload"),
        qr_payloads=tuple(str(t) for t in data.get("qr_payloads", ())),
        is_color=bool(data.get("is_color", True)),
        warnings=tuple(warnings),
    )


def as_utc(value: datetime) -> datetime:
    """SQLite keeps naive datetimes; the store writes UTC, so reattach the zone on the way out."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def batch_from_row(row: BatchRow) -> Batch:
    return Batch(
        id=row.id,
        name=row.name,
        state=BatchState(row.state),
        created_at=as_utc(row.created_at),
        device=row.device,
    )


def page_from_row(row: PageRow) -> Page:
    return Page(
        id=row.id,
        batch_id=row.batch_id,
        seq=row.seq,
        sha256=row.sha256,
        source_name=row.source_name,
        state=PageState(row.state),
        dpi=row.dpi,
        side=row.side,
        findings=findings_from_json(row.findings) if row.findings is not None else None,
        error_code=row.error_code,
        document_id=row.document_id,
        created_at=as_utc(row.created_at),
        trashed=bool(row.trashed),
        scan_removed=row.scan_purged_at is not None,
    )


def document_from_row(row: DocumentRow, page_ids: list[int]) -> Document:
    return Document(
        id=row.id,
        batch_id=row.batch_id,
        index=row.index,
        page_ids=page_ids,
        state=DocumentState(row.state),
        doc_type=row.doc_type,
        pdf_sha256=row.pdf_sha256,
    )
