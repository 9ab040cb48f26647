"""USB packages on the central side: verify a package, then commit each document as its origin station.

``POST /api/v1/packages`` takes a package uploaded through tus by any station (the relay);
``sohoa central import-package`` does the same from the shell (no relay). Each document gets the
checks of ``POST /documents`` and the same idempotency: a key already stored answers its receipt.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.central.auth import station_caller
from app.central.documents import _check_result_code, _store, stored_receipt
from app.central.errors import ERROR_RESPONSES, ApiError, not_found
from app.central.manifest import Manifest, check_signatures, field_problems, problem
from app.central.models import Base, Station, Upload
from app.central.state import Central
from app.central.tus_meta import check_filename
from app.core.errors import PdfError
from app.core.package import PackageEntry, PackageError, PackageReader, PackageSignatureInvalid
from app.pdf.package_sign import verify_detached

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api/v1/packages", tags=["packages"], responses=ERROR_RESPONSES)
DIRECT = "(nhập trực tiếp)"  # the relay recorded for a package imported on the central itself


class PackageDocument(Base):
    """One document of one imported package: who exported it, who relayed it, what came of it."""

    __tablename__ = "package_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_sha256: Mapped[str] = mapped_column(String(64), index=True)
    origin_station: Mapped[str] = mapped_column(String(40))
    relay: Mapped[str] = mapped_column(String(40))
    idempotency_key: Mapped[str] = mapped_column(String(100))
    outcome: Mapped[str] = mapped_column(String(20))  # stored | already | rejected
    server_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class PackageCommit(BaseModel):
    upload: str = Field(min_length=1, max_length=64)


class DocumentOutcome(BaseModel):
    idempotency_key: str
    result_code: str
    status: str  # stored | already | rejected
    receipt: dict[str, str] | None = None
    error: str | None = None
    message_vi: str | None = None
    problems: list[dict[str, str]] | None = None


class PackageResult(BaseModel):
    package_sha256: str
    origin: str
    relay: str
    exported_by: str
    created_at: str
    signer_trusted: bool
    documents: list[DocumentOutcome]


def bad_package(exc: PackageError) -> ApiError:
    return ApiError(422, "bad_package", exc.message_vi, f"Package refused: {exc.code}")


def import_package(central: Central, path: Path, relay: str = DIRECT) -> PackageResult:
    """Check the whole package (signature, every SHA-256, origin) before storing anything, then
    commit each document under the origin station; one outcome per document."""
    package_sha = _sha256_file(path)
    with path.open("rb") as fh:
        try:
            with PackageReader(fh) as reader:
                trusted = _check_signature(central, reader)
                reader.check_all()
                _check_origin(central, reader.header.station)
                outcomes = [_import_entry(central, reader, entry) for entry in reader.header.entries]
        except PackageError as exc:
            log.warning("package %s refused: %s", package_sha[:12], exc.code)
            raise bad_package(exc) from exc
    header = reader.header
    _record(central, package_sha, header.station, relay, outcomes)
    log.info(
        "package %s from %s via %s: %d document(s)", package_sha[:12], header.station, relay, len(outcomes)
    )
    return PackageResult(
        package_sha256=package_sha,
        origin=header.station,
        relay=relay,
        exported_by=header.exported_by,
        created_at=header.created_at,
        signer_trusted=trusted,
        documents=outcomes,
    )


def _check_signature(central: Central, reader: PackageReader) -> bool:
    try:
        report = verify_detached(reader.header_bytes, reader.signature, central.trust_roots or None)
    except PdfError as exc:
        raise PackageSignatureInvalid("unreadable signature") from exc
    if not (report.intact and report.valid):
        raise PackageSignatureInvalid("signature does not match package.json")
    if central.trust_roots and not report.trusted:
        raise PackageSignatureInvalid(
            "untrusted signer",
            message_vi="Chữ ký của gói hồ sơ không thuộc chứng thư số được kho tin cậy. Báo quản trị viên.",
        )
    return report.trusted


def _check_origin(central: Central, station: str) -> None:
    with central.db.session() as session:
        if session.get(Station, station) is None:
            raise PackageError(
                f"unknown station {station}",
                message_vi=f"Trạm {station} (trạm xuất gói) chưa được đăng ký với kho. Báo quản trị viên.",
            )


def _import_entry(central: Central, reader: PackageReader, entry: PackageEntry) -> DocumentOutcome:
    outcome = DocumentOutcome(idempotency_key=entry.idempotency_key, result_code=entry.result_code, status="")
    part_id = uuid.uuid4().hex
    try:
        manifest = _manifest(entry, part_id)
        receipt = stored_receipt(central, manifest.station, manifest)
        if receipt is not None:
            return outcome.model_copy(update={"status": "already", "receipt": receipt})
        _validate(central, manifest)
        data = reader.read_pdf(entry)
        check_signatures(data, central.trust_roots, manifest)
        _write_part(central.config.uploads_dir / f"{part_id}.part", data)
        response = _store(central, manifest.station, manifest)
    except ApiError as exc:
        (central.config.uploads_dir / f"{part_id}.part").unlink(missing_ok=True)
        return outcome.model_copy(
            update={
                "status": "rejected",
                "error": exc.code,
                "message_vi": exc.message_vi,
                "problems": exc.problems,
            }
        )
    status = "stored" if response.status_code == 201 else "already"
    return outcome.model_copy(update={"status": status, "receipt": json.loads(bytes(response.body))})


def _manifest(entry: PackageEntry, part_id: str) -> Manifest:
    data = dict(entry.manifest)
    data["files"] = [
        {
            "role": "pdf",
            "upload": part_id,
            "filename": f["filename"],
            "sha256": entry.sha256,
            "size": entry.size,
        }
        for f in data.get("files", [])
        if isinstance(f, dict) and f.get("role") == "pdf"
    ]
    try:
        return Manifest.model_validate(data)
    except ValidationError as exc:
        problems = [
            problem(
                ".".join(str(p) for p in e.get("loc", ())), f"Giá trị không hợp lệ ({e.get('type', '')})."
            )
            for e in exc.errors()
        ]
        raise _invalid(problems) from exc


def _invalid(problems: list[dict[str, str]]) -> ApiError:
    return ApiError(
        422,
        "invalid_manifest",
        "Hồ sơ trong gói chưa hợp lệ. Xem từng mục cần sửa, sửa ở trạm gốc rồi gửi lại.",
        "The manifest is invalid.",
        problems=problems,
    )


def _validate(central: Central, manifest: Manifest) -> None:
    problems = field_problems(central.doctypes, manifest)
    try:
        check_filename(manifest.pdf.filename)
    except ApiError:
        problems.append(
            problem("files[0].filename", "Tên tệp không hợp lệ (không được chứa thư mục hay '..').")
        )
    if problems:
        raise _invalid(problems)
    with central.db.session() as session:
        _check_result_code(session, manifest)


def _write_part(path: Path, data: bytes) -> None:
    with path.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _record(
    central: Central, package_sha: str, origin: str, relay: str, outcomes: list[DocumentOutcome]
) -> None:
    now = datetime.now(UTC)
    with central.db.session() as session:
        for outcome in outcomes:
            session.add(
                PackageDocument(
                    package_sha256=package_sha,
                    origin_station=origin,
                    relay=relay,
                    idempotency_key=outcome.idempotency_key,
                    outcome=outcome.status,
                    server_id=(outcome.receipt or {}).get("server_id"),
                    imported_at=now,
                )
            )


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


@router.post("", response_model=PackageResult)
def commit_package(
    body: PackageCommit, request: Request, station: str = Depends(station_caller)
) -> PackageResult:
    """Import a package this station uploaded (tus); the upload is used up whatever the outcome."""
    central: Central = request.app.state.central
    with central.db.session() as session:
        upload = session.get(Upload, body.upload)
        if upload is None or upload.station_code != station:
            raise not_found("Không tìm thấy tệp gói đã gửi; trạm cần gửi lại gói.")
        complete = upload.complete
    if not complete:
        raise ApiError(
            409, "upload_incomplete", "Tệp gói chưa gửi xong; trạm sẽ gửi nốt.", "Upload incomplete."
        )
    part = central.config.uploads_dir / f"{body.upload}.part"
    try:
        return import_package(central, part, relay=station)
    finally:
        _discard_upload(central, body.upload)


def _discard_upload(central: Central, upload_id: str) -> None:
    with central.db.session() as session:
        row = session.get(Upload, upload_id)
        if row is not None:
            session.delete(row)
    (central.config.uploads_dir / f"{upload_id}.part").unlink(missing_ok=True)
    central.forget_slot(upload_id)
