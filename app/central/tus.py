"""The tus 1.0.0 upload endpoints (core, creation, termination, checksum) with durable appends."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

from fastapi import APIRouter, Depends, Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from app.central.auth import station_caller
from app.central.errors import ERROR_RESPONSES, ApiError, not_found
from app.central.models import Upload
from app.central.state import Central
from app.central.tus_meta import (
    TUS_VERSION,
    parse_checksum,
    parse_length,
    parse_metadata,
    parse_offset,
    too_large,
)

log = logging.getLogger(__name__)

PREFIX = "/api/v1/uploads"
_LOCK_WAIT_S = 10.0


def require_tus(request: Request) -> None:
    if request.headers.get("tus-resumable") != TUS_VERSION:
        raise ApiError(
            412,
            "tus_version",
            "Phần mềm trạm dùng giao thức gửi tệp không tương thích. Cập nhật phần mềm trạm.",
            "Tus-Resumable 1.0.0 required.",
            headers={"Tus-Version": TUS_VERSION},
        )


router = APIRouter(
    prefix=PREFIX, tags=["uploads"], responses=ERROR_RESPONSES, dependencies=[Depends(require_tus)]
)
options_router = APIRouter(prefix=PREFIX, tags=["uploads"])


def _central(request: Request) -> Central:
    central: Central = request.app.state.central
    return central


def _tus_headers(**extra: str) -> dict[str, str]:
    return {"Tus-Resumable": TUS_VERSION, **extra}


@options_router.options("/", status_code=204)
def tus_options(request: Request) -> Response:
    """What this tus server supports (no authentication needed)."""
    headers = _tus_headers(
        **{
            "Tus-Version": TUS_VERSION,
            "Tus-Extension": "creation,termination,checksum",
            "Tus-Max-Size": str(_central(request).config.max_upload_bytes),
            "Tus-Checksum-Algorithm": "sha256",
        }
    )
    return Response(status_code=204, headers=headers)


@router.post("/", status_code=201)
@router.post("", status_code=201, include_in_schema=False)
def create_upload(request: Request, station: str = Depends(station_caller)) -> Response:
    """Create an upload from ``Upload-Length`` and ``Upload-Metadata``; answers its ``Location``."""
    central = _central(request)
    length = parse_length(request.headers.get("upload-length"), central.config.max_upload_bytes)
    meta = parse_metadata(request.headers.get("upload-metadata"))
    central.expire_uploads()
    upload_id = uuid.uuid4().hex
    _part(central, upload_id).touch()
    with central.db.session() as session:
        session.add(
            Upload(
                id=upload_id,
                station_code=station,
                length=length,
                offset=0,
                sha256=meta.sha256,
                filename=meta.filename,
                filetype=meta.filetype,
                idempotency_key=meta.idempotency_key,
                complete=False,
                created_at=datetime.now(UTC),
            )
        )
    log.info("upload %s created (%d bytes) for %s", upload_id, length, station)
    return Response(status_code=201, headers=_tus_headers(Location=f"{PREFIX}/{upload_id}"))


@router.head("/{upload_id}")
async def upload_offset(upload_id: str, request: Request, station: str = Depends(station_caller)) -> Response:
    """How many bytes the server holds (a PATCH still writing is asked to stop first)."""
    central = _central(request)
    _owned(central, upload_id, station)
    slot = central.slot(upload_id)
    if await slot.acquire(_LOCK_WAIT_S):
        try:
            upload = _owned(central, upload_id, station)
        finally:
            slot.release()
    else:
        upload = _owned(central, upload_id, station)
    headers = _tus_headers(
        **{
            "Upload-Offset": str(upload.offset),
            "Upload-Length": str(upload.length),
            "Cache-Control": "no-store",
        }
    )
    return Response(status_code=200, headers=headers)


@router.delete("/{upload_id}", status_code=204)
async def terminate_upload(
    upload_id: str, request: Request, station: str = Depends(station_caller)
) -> Response:
    central = _central(request)
    _owned(central, upload_id, station)
    async with _locked(central, upload_id):
        _owned(central, upload_id, station)
        _discard(central, upload_id)
    central.forget_slot(upload_id)
    return Response(status_code=204, headers=_tus_headers())


@asynccontextmanager
async def _locked(central: Central, upload_id: str) -> AsyncIterator[None]:
    slot = central.slot(upload_id)
    if not await slot.acquire(_LOCK_WAIT_S):
        raise ApiError(
            423,
            "locked",
            "Tệp đang được ghi bởi một yêu cầu khác; trạm sẽ thử lại.",
            "Upload busy.",
            headers={"Retry-After": "1"},
        )
    try:
        yield
    finally:
        slot.release()


@router.patch("/{upload_id}", status_code=204)
async def append(upload_id: str, request: Request, station: str = Depends(station_caller)) -> Response:
    """Append the body at ``Upload-Offset``; what arrived is kept even if the connection drops."""
    central = _central(request)
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/offset+octet-stream":
        raise ApiError(
            415,
            "bad_content_type",
            "Đoạn tệp gửi sai định dạng.",
            "Content-Type must be offset+octet-stream.",
        )
    expected = parse_checksum(request.headers.get("upload-checksum"))
    _owned(central, upload_id, station)
    async with _locked(central, upload_id):
        upload = _owned(central, upload_id, station)
        start = parse_offset(request.headers.get("upload-offset"))
        if start != upload.offset:
            raise ApiError(
                409,
                "offset_mismatch",
                "Vị trí gửi tiếp không khớp với kho dữ liệu; trạm sẽ hỏi lại vị trí rồi gửi tiếp.",
                "Upload-Offset does not match.",
                headers=_tus_headers(**{"Upload-Offset": str(upload.offset)}),
            )
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and start + int(declared) > upload.length:
            raise _beyond_length(central)
        new_offset = await _receive(central, upload, request, expected)
        if new_offset == upload.length:
            await _finish(central, upload)
    return Response(status_code=204, headers=_tus_headers(**{"Upload-Offset": str(new_offset)}))


async def _receive(central: Central, upload: Upload, request: Request, expected: bytes | None) -> int:
    """Write the body after ``upload.offset``, fsync, record the new offset; returns it."""
    path = _part(central, upload.id)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    received, digest, dropped, overflow = 0, hashlib.sha256(), False, False
    try:
        os.ftruncate(fd, upload.offset)  # bytes past the recorded offset are leftovers of a crash
        os.lseek(fd, upload.offset, os.SEEK_SET)
        async for block in _body(central, upload.id, request):
            if block is None:
                dropped = True
                break
            if upload.offset + received + len(block) > upload.length:
                overflow = True
                break
            _write_all(fd, block)
            digest.update(block)
            received += len(block)
        refused = overflow or (not dropped and expected is not None and digest.digest() != expected)
        if refused:
            os.ftruncate(fd, upload.offset)
        await run_in_threadpool(os.fsync, fd)
    finally:
        os.close(fd)
    if overflow:
        raise _beyond_length(central)
    if refused:
        raise ApiError(
            460,
            "chunk_checksum_mismatch",
            "Đoạn tệp bị hỏng trên đường truyền; trạm sẽ gửi lại đoạn này.",
            "Chunk checksum mismatch; chunk discarded.",
        )
    new_offset = upload.offset + received
    _save_offset(central, upload.id, new_offset)
    if dropped:
        log.info("upload %s: connection dropped, kept %d bytes", upload.id, received)
    return new_offset


async def _body(central: Central, upload_id: str, request: Request) -> AsyncIterator[bytes | None]:
    """The body's blocks; ``None`` last when the client went away, went silent, or was preempted."""
    stream = request.stream().__aiter__()
    preempt = central.slot(upload_id).preempt
    idle = central.config.body_idle_timeout_s
    while True:
        read = asyncio.ensure_future(stream.__anext__())
        stop = asyncio.ensure_future(preempt.wait())
        done, _ = await asyncio.wait({read, stop}, timeout=idle, return_when=asyncio.FIRST_COMPLETED)
        stop.cancel()
        if read not in done:
            read.cancel()
            yield None
            return
        try:
            block = read.result()
        except StopAsyncIteration:
            return
        except ClientDisconnect:
            yield None
            return
        if block:
            yield block


def _write_all(fd: int, block: bytes) -> None:
    view = memoryview(block)
    while view:
        view = view[os.write(fd, view) :]


async def _finish(central: Central, upload: Upload) -> None:
    """Check the whole file against the declared SHA-256; discard the upload when it differs."""
    actual = await run_in_threadpool(_sha256_file, _part(central, upload.id))
    if actual != upload.sha256:
        _discard(central, upload.id)
        raise ApiError(
            460,
            "checksum_mismatch",
            "Tệp nhận được không khớp mã SHA-256 đã khai báo; kho đã bỏ tệp này, trạm sẽ gửi lại từ đầu.",
            "Whole-file checksum mismatch; upload discarded.",
        )
    with central.db.session() as session:
        row = session.get(Upload, upload.id)
        if row is not None:
            row.complete = True


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def _save_offset(central: Central, upload_id: str, offset: int) -> None:
    with central.db.session() as session:
        row = session.get(Upload, upload_id)
        if row is not None:
            row.offset = offset


def _owned(central: Central, upload_id: str, station: str) -> Upload:
    """The upload when it belongs to ``station``; 404 otherwise (other stations' uploads stay hidden)."""
    with central.db.session() as session:
        upload = session.get(Upload, upload_id)
        if upload is None or upload.station_code != station:
            raise not_found(
                "Không tìm thấy phiên gửi tệp này (đã hết hạn hoặc đã xóa); trạm sẽ gửi lại từ đầu."
            )
        session.expunge(upload)
    return upload


def _discard(central: Central, upload_id: str) -> None:
    with central.db.session() as session:
        row = session.get(Upload, upload_id)
        if row is not None:
            session.delete(row)
    _part(central, upload_id).unlink(missing_ok=True)


def _part(central: Central, upload_id: str) -> Path:
    return central.config.uploads_dir / f"{upload_id}.part"


def _beyond_length(central: Central) -> ApiError:
    err = too_large(central.config.max_upload_bytes)
    err.message_vi = "Dữ liệu gửi vượt quá kích thước tệp đã khai báo; phần thừa bị bỏ."
    return err
