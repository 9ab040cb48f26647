"""The commit manifest and its checks: uploads, document-type fields, and the PDF's signatures."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from app.central.errors import ApiError
from app.central.models import Upload
from app.central.tus_meta import check_filename
from app.core.doctypes import DocType
from app.core.errors import PdfError
from app.core.validators import validate_record
from app.pdf.verify import SignatureReport, verify_pdf

log = logging.getLogger(__name__)

_LATER_CHANGES_ALLOWED = {"none", "lta_updates", "form_filling"}


class FileRef(BaseModel):
    role: str = Field(max_length=40)
    upload: str = Field(max_length=64)
    filename: str = Field(max_length=200)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0)


class Manifest(BaseModel):
    """What the station commits (docs/sync-protocol.md, "Commit"); unknown keys are ignored."""

    idempotency_key: str = Field(min_length=1, max_length=100)
    station: str = Field(min_length=1, max_length=40)
    doc_type: str = Field(min_length=1, max_length=60)
    result_code: str = Field(min_length=1, max_length=100)
    fields: dict[str, str | None] = Field(default_factory=dict)
    issuer: dict[str, Any] = Field(default_factory=dict)
    scope_flags: list[str] = Field(default_factory=list)
    pages: int = Field(default=0, ge=0)
    files: list[FileRef] = Field(min_length=1)
    officer: str = ""
    supervisor: str | None = None
    signed_at: str | None = None
    approved_at: str | None = None

    @property
    def pdf(self) -> FileRef:
        return next(f for f in self.files if f.role == "pdf")


class ReceiptModel(BaseModel):
    server_id: str
    idempotency_key: str
    result_code: str
    sha256: str
    received_at: str
    station: str


def problem(field: str, message_vi: str) -> dict[str, str]:
    return {"field": field, "message_vi": message_vi}


def file_problems(session: Session, manifest: Manifest, station: str) -> list[dict[str, str]]:
    """Every referenced upload exists, is this station's, is complete and matches; one PDF."""
    problems: list[dict[str, str]] = []
    if sum(f.role == "pdf" for f in manifest.files) != 1:
        problems.append(problem("files", "Hồ sơ phải có đúng một tệp PDF (role 'pdf')."))
    for i, ref in enumerate(manifest.files):
        where = f"files[{i}]"
        try:
            check_filename(ref.filename)
        except ApiError:
            problems.append(
                problem(f"{where}.filename", "Tên tệp không hợp lệ (không được chứa thư mục hay '..').")
            )
        upload = session.get(Upload, ref.upload)
        if upload is None or upload.station_code != station:
            problems.append(problem(f"{where}.upload", "Không tìm thấy tệp đã gửi; trạm cần gửi lại tệp."))
        elif not upload.complete:
            problems.append(
                problem(f"{where}.upload", "Tệp chưa gửi xong; trạm cần gửi nốt rồi xác nhận lại.")
            )
        elif upload.sha256 != ref.sha256 or upload.length != ref.size:
            problems.append(problem(where, "Mã SHA-256 hoặc kích thước không khớp với tệp đã gửi."))
    return problems


def field_problems(doctypes: dict[str, DocType], manifest: Manifest) -> list[dict[str, str]]:
    """The same document-type schema and validators the station runs."""
    doctype = doctypes.get(manifest.doc_type)
    if doctype is None:
        return [problem("doc_type", f"Loại giấy tờ '{manifest.doc_type}' không có trong danh mục của kho.")]
    found = validate_record(doctype, manifest.fields, datetime.now(UTC).date())
    return [problem(f"fields.{key}", msg) for key, messages in found.items() for msg in messages]


def bad_signature(message_vi: str, detail: str) -> ApiError:
    return ApiError(422, "bad_signature", message_vi, f"Signature check failed: {detail}")


def check_signatures(data: bytes, trust_roots: list[bytes], manifest: Manifest) -> None:
    """Refuse (422 bad_signature) unless the PDF carries enough intact signatures and the last one
    covers the whole file; with trust roots configured every signer must chain to one of them."""
    try:
        reports = verify_pdf(data, trust_roots or None)
    except PdfError as exc:
        raise bad_signature(
            "Tệp PDF bị hỏng, không đọc được. Trạm cần tạo và ký lại tệp.", "unreadable"
        ) from exc
    needed = 2 if manifest.supervisor else 1
    if len(reports) < needed:
        what = "chữ ký của cán bộ và của lãnh đạo" if needed == 2 else "chữ ký số của cán bộ"
        raise bad_signature(
            f"Tệp PDF thiếu {what}. Ký số đầy đủ rồi gửi lại.", f"{len(reports)} signature(s)"
        )
    for index, report in enumerate(reports):
        last = index == len(reports) - 1
        if not _holds(report, last=last, need_trust=bool(trust_roots)):
            raise bad_signature(
                "Tệp PDF đã bị thay đổi sau khi ký hoặc chữ ký không hợp lệ. Không dùng tệp này; "
                "ký lại từ bản gốc rồi gửi lại.",
                f"signature {index + 1} fails",
            )


def _holds(report: SignatureReport, *, last: bool, need_trust: bool) -> bool:
    if not (report.intact and report.valid) or report.docmdp_ok is False:
        return False
    if need_trust and not report.trusted:
        return False
    if last:
        return report.covers_whole_document
    return report.modification_level in _LATER_CHANGES_ALLOWED
