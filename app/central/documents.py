"""Commit, status, search and download of documents; every route sees only the caller's station."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.central.auth import station_caller
from app.central.errors import ERROR_RESPONSES, ApiError, forbidden, invalid_manifest, not_found
from app.central.manifest import (
    Manifest,
    ReceiptModel,
    check_signatures,
    field_problems,
    file_problems,
)
from app.central.models import Document, Upload
from app.central.state import Central
from app.core.textnorm import fold

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api/v1/documents", tags=["documents"], responses=ERROR_RESPONSES)


def _central(request: Request) -> Central:
    central: Central = request.app.state.central
    return central


@router.post("", status_code=201, responses={200: {"model": ReceiptModel}, 201: {"model": ReceiptModel}})
def commit(manifest: Manifest, request: Request, station: str = Depends(station_caller)) -> JSONResponse:
    """Validate and store one document; the same key again answers 200 with the same receipt."""
    central = _central(request)
    if manifest.station != station:
        raise forbidden()
    if sum(f.role == "pdf" for f in manifest.files) != 1:
        raise invalid_manifest(
            [{"field": "files", "message_vi": "Hồ sơ phải có đúng một tệp PDF (role 'pdf')."}]
        )
    replay = _replay(central, station, manifest)
    if replay is not None:
        return replay
    with central.db.session() as session:
        problems = file_problems(session, manifest, station) + field_problems(central.doctypes, manifest)
        if problems:
            raise invalid_manifest(problems)
        _check_result_code(session, manifest)
    pdf_path = central.config.uploads_dir / f"{manifest.pdf.upload}.part"
    check_signatures(pdf_path.read_bytes(), central.trust_roots, manifest)
    return _store(central, station, manifest)


def _replay(central: Central, station: str, manifest: Manifest) -> JSONResponse | None:
    receipt = stored_receipt(central, station, manifest)
    return None if receipt is None else JSONResponse(receipt, status_code=200)


def stored_receipt(central: Central, station: str, manifest: Manifest) -> dict[str, str] | None:
    """The receipt when ``station`` already committed this key with this PDF; 409 with another PDF."""
    with central.db.session() as session:
        doc = _by_key(session, station, manifest.idempotency_key)
        if doc is None:
            return None
        if doc.sha256 != manifest.pdf.sha256:
            raise ApiError(
                409,
                "idempotency_conflict",
                "Hồ sơ này đã được nhận với một tệp PDF khác. Báo quản trị viên kiểm tra.",
                "Idempotency key already used with another PDF.",
            )
        return dict(doc.receipt())


def _by_key(session: Any, station: str, key: str) -> Document | None:
    query = select(Document).where(Document.station_code == station, Document.idempotency_key == key)
    doc: Document | None = session.scalar(query)
    return doc


def _check_result_code(session: Any, manifest: Manifest) -> None:
    if session.scalar(select(Document.server_id).where(Document.result_code == manifest.result_code)):
        raise ApiError(
            409,
            "duplicate_result_code",
            f"Mã kết quả {manifest.result_code} đã có trong kho cho một hồ sơ khác. Kiểm tra lại mã.",
            "Result code already used by another document.",
        )


def _store(central: Central, station: str, manifest: Manifest) -> JSONResponse:
    """Put the files in storage, then record the document and drop the uploads in one transaction."""
    pdf = manifest.pdf
    key = f"{station}/{pdf.sha256}.pdf"
    central.storage.put(key, central.config.uploads_dir / f"{pdf.upload}.part")
    doc = Document(
        server_id=str(uuid.uuid4()),
        station_code=station,
        idempotency_key=manifest.idempotency_key,
        result_code=manifest.result_code,
        doc_type=manifest.doc_type,
        sha256=pdf.sha256,
        size=pdf.size,
        storage_key=key,
        filename=pdf.filename,
        fields=dict(manifest.fields),
        issuer=dict(manifest.issuer),
        manifest=manifest.model_dump(),
        search_text=_search_text(manifest),
        received_at=datetime.now(UTC).replace(microsecond=0),
    )
    try:
        with central.db.session() as session:
            session.add(doc)
            for ref in manifest.files:
                upload = session.get(Upload, ref.upload)
                if upload is not None:
                    session.delete(upload)
    except IntegrityError:
        # A concurrent commit of the same key or result code won the race: answer as for a replay.
        replay = _replay(central, station, manifest)
        if replay is not None:
            return replay
        with central.db.session() as session:
            _check_result_code(session, manifest)
        raise
    for ref in manifest.files:
        (central.config.uploads_dir / f"{ref.upload}.part").unlink(missing_ok=True)
    log.info("document %s committed by %s", doc.server_id, station)
    return JSONResponse(doc.receipt(), status_code=201)


def _search_text(manifest: Manifest) -> str:
    parts = [manifest.result_code, manifest.doc_type, *(v for v in manifest.fields.values() if v)]
    parts.extend(str(v) for v in manifest.issuer.values() if isinstance(v, str))
    return fold(" ".join(parts))


@router.get("/by-key/{idempotency_key}", response_model=ReceiptModel)
def by_key(idempotency_key: str, request: Request, station: str = Depends(station_caller)) -> dict[str, str]:
    """The receipt for this key, asked after any interrupted commit."""
    with _central(request).db.session() as session:
        doc = _by_key(session, station, idempotency_key)
        if doc is None:
            raise not_found("Kho dữ liệu chưa nhận hồ sơ này.")
        return doc.receipt()


def _own(central: Central, server_id: str, station: str) -> Document:
    with central.db.session() as session:
        doc = session.get(Document, server_id)
        if doc is None or doc.station_code != station:
            raise not_found("Không tìm thấy hồ sơ này trong kho của trạm.")
        session.expunge(doc)
    return doc


def _detail(doc: Document) -> dict[str, Any]:
    return {**doc.receipt(), "doc_type": doc.doc_type, "fields": doc.fields, "issuer": doc.issuer}


@router.get("/{server_id}")
def document(server_id: str, request: Request, station: str = Depends(station_caller)) -> dict[str, Any]:
    return _detail(_own(_central(request), server_id, station))


@router.get("")
def search(
    request: Request,
    q: str = "",
    limit: int = Query(50, ge=1, le=500),
    station: str = Depends(station_caller),
) -> dict[str, list[dict[str, Any]]]:
    """The station's documents whose text holds every word of ``q`` (accents and case ignored)."""
    query = select(Document).where(Document.station_code == station)
    for word in fold(q).split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(Document.search_text.like(f"%{escaped}%", escape="\\"))
    query = query.order_by(Document.received_at.desc()).limit(limit)
    with _central(request).db.session() as session:
        return {"items": [_detail(doc) for doc in session.scalars(query)]}


@router.get("/{server_id}/file", response_class=StreamingResponse)
def download(server_id: str, request: Request, station: str = Depends(station_caller)) -> StreamingResponse:
    central = _central(request)
    doc = _own(central, server_id, station)
    disposition = f"attachment; filename*=UTF-8''{quote(doc.filename)}"
    return StreamingResponse(
        central.storage.iter_bytes(doc.storage_key),
        media_type="application/pdf",
        headers={"Content-Disposition": disposition, "Content-Length": str(doc.size)},
    )
