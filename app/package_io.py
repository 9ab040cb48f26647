"""USB packages on the station: export the unsent outbox as a signed package; check and relay one.

Export leaves the outbox alone (the documents stay queued: if the link returns they go normally and
the repository answers the same receipt). The file is written to a temp name, fsynced, read back
and checked, and only then renamed, so a USB stick never holds a half package under the real name.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from app.approval import signer_config
from app.core.accounts import User
from app.core.cancel import CancelToken
from app.core.errors import PdfError, SyncTransient
from app.core.outbox import OutboxItem, OutboxState
from app.core.package import (
    MEDIA_TYPE,
    PackageEntry,
    PackageError,
    PackageHeader,
    PackageReader,
    PackageSignatureInvalid,
    make_entry,
    package_name,
    write_package,
)
from app.core.sync_port import UploadSpec
from app.pdf.package_sign import sign_detached, verify_detached
from app.pdf.verify import TrustRoot
from app.store import SqliteStore
from app.sync.transport import HttpTransport

log = logging.getLogger(__name__)

EXPORT_STATES = (OutboxState.PENDING, OutboxState.FAILED, OutboxState.UPLOADING, OutboxState.AUTH_REQUIRED)
_SEND_ATTEMPTS = 5


class PackageWriteError(PackageError):
    code = "package_write"
    message_vi = "Không ghi được gói hồ sơ vào USB. Kiểm tra USB (cắm chắc, không khóa ghi) rồi xuất lại."


class UsbFull(PackageWriteError):
    code = "usb_full"
    message_vi = (
        "USB không đủ chỗ trống để ghi gói hồ sơ. Xóa bớt tệp hoặc dùng USB khác rồi xuất lại; "
        "không có tệp dở dang nào được để lại."
    )


class UsbFileTooBig(PackageWriteError):
    code = "usb_file_too_big"
    message_vi = (
        "USB không nhận tệp lớn như vậy (USB định dạng FAT32 chỉ nhận tệp dưới 4 GB). Dùng USB định dạng "
        "exFAT/NTFS rồi xuất lại; không có tệp dở dang nào được để lại."
    )


@dataclass(frozen=True)
class ExportResult:
    path: Path
    documents: int
    size: int
    sha256: str


@dataclass(frozen=True)
class VerifiedPackage:
    path: Path
    header: PackageHeader
    sha256: str
    size: int
    signer_name: str | None
    trusted: bool


def export_package(
    store: SqliteStore, user: User, folder: Path, secret: str | None = None, now: datetime | None = None
) -> ExportResult:
    """Write every document still waiting to be sent to ``folder`` as one signed package."""
    items = store.outbox.list(EXPORT_STATES)
    if not items:
        raise PackageError(
            "nothing to export", message_vi="Không có hồ sơ nào đang chờ gửi, không cần xuất gói."
        )
    stations = {str(item.manifest.get("station", "")) for item in items}
    if len(stations) != 1 or "" in stations:
        raise PackageError(
            "mixed stations", message_vi="Hồ sơ chờ gửi thuộc nhiều mã trạm. Báo quản trị viên."
        )
    station = stations.pop()
    when = now or datetime.now(UTC)
    header = PackageHeader(
        station=station,
        created_at=when.isoformat(timespec="seconds"),
        exported_by=user.login,
        entries=tuple(_entry(i, item) for i, item in enumerate(items, start=1)),
    )
    header_bytes = header.to_bytes()
    signature = sign_detached(header_bytes, signer_config(store, user, secret))
    target = folder / package_name(station, when.astimezone())
    result = _write_atomically(
        target, header_bytes, signature, lambda e: store.blobs.path(e.sha256).open("rb")
    )
    store.audit.record(
        user.login, "usb_export", f"package:{target.name}", {"documents": len(items), "sha256": result.sha256}
    )
    log.info("exported %d document(s) to a USB package", len(items))
    return result


def _entry(index: int, item: OutboxItem) -> PackageEntry:
    manifest = dict(item.manifest)
    manifest["idempotency_key"] = item.idempotency_key
    return make_entry(index, manifest, item.sha256, item.size, item.filename)


def _write_atomically(
    target: Path, header: bytes, signature: bytes, open_pdf: Callable[[PackageEntry], IO[bytes]]
) -> ExportResult:
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        with tmp.open("wb") as fh:
            write_package(fh, header, signature, open_pdf)
            fh.flush()
            os.fsync(fh.fileno())
            _drop_cache(fh.fileno())
        verified = _read_back(tmp)
        tmp.replace(target)
        _fsync_dir(target.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise UsbFull(f"{type(exc).__name__}: no space") from exc
        if exc.errno == errno.EFBIG:
            raise UsbFileTooBig(f"{type(exc).__name__}: file too large") from exc
        raise PackageWriteError(f"{type(exc).__name__}: {exc.strerror}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return ExportResult(target, len(verified.header.entries), verified.size, verified.sha256)


def _read_back(tmp: Path) -> VerifiedPackage:
    """Read the written file back from the stick and check it like an importer would."""
    try:
        return verify_package(tmp)
    except PackageError as exc:
        raise PackageWriteError(
            f"read-back failed: {exc.code}",
            message_vi="Gói vừa ghi ra USB đọc lại không khớp (USB có thể bị lỗi). "
            "Dùng USB khác rồi xuất lại.",
        ) from exc


def _drop_cache(fd: int) -> None:
    """Ask the kernel to forget the written pages so the read-back really reads the device."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        with contextlib.suppress(OSError):
            advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # some USB file systems (FAT on Windows) cannot open folders
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def verify_package(path: Path, trust_roots: Sequence[TrustRoot] | None = None) -> VerifiedPackage:
    """Check the signature of ``package.json`` and every PDF's size and SHA-256; PackageError if not."""
    try:
        with path.open("rb") as fh, PackageReader(fh) as reader:
            try:
                report = verify_detached(reader.header_bytes, reader.signature, trust_roots)
            except PdfError as exc:
                raise PackageSignatureInvalid("unreadable signature") from exc
            if not (report.intact and report.valid) or (trust_roots and not report.trusted):
                raise PackageSignatureInvalid("signature does not hold")
            reader.check_all()
            header = reader.header
    except FileNotFoundError as exc:
        raise PackageError("no such file", message_vi=f"Không tìm thấy tệp gói hồ sơ: {path.name}") from exc
    return VerifiedPackage(
        path, header, _sha256_file(path), path.stat().st_size, report.signer_name, report.trusted
    )


def relay_package(
    path: Path,
    transport: HttpTransport,
    progress: Callable[[int, int], None] = lambda _d, _t: None,
    trust_roots: Sequence[TrustRoot] | None = None,
) -> dict[str, Any]:
    """Check the package here, upload it (tus, resumable) and have the repository import it."""
    package = verify_package(path, trust_roots)
    spec = UploadSpec(
        filename=path.name,
        sha256=package.sha256,
        size=package.size,
        idempotency_key=f"package:{package.sha256}",
        filetype=MEDIA_TYPE,
    )
    url = transport.create_upload(spec)
    _send_all(transport, url, path, spec, progress)
    return transport.commit_package(url)


def _send_all(
    transport: HttpTransport, url: str, path: Path, spec: UploadSpec, progress: Callable[[int, int], None]
) -> None:
    def read(offset: int, n: int) -> bytes:
        with path.open("rb") as fh:
            fh.seek(offset)
            return fh.read(n)

    offset = 0
    for attempt in range(1, _SEND_ATTEMPTS + 1):
        try:
            offset = transport.send(url, read, spec, offset, progress, CancelToken())
            return
        except SyncTransient:
            if attempt == _SEND_ATTEMPTS:
                raise
            log.info("package upload interrupted (attempt %d), resuming", attempt)
            offset = transport.upload_offset(url)


def record_import(store: SqliteStore, actor: str, result: dict[str, Any], name: str) -> None:
    """Audit a relayed package on this station (origin and counts, no personal data)."""
    documents = result.get("documents", [])
    counts: dict[str, int] = {}
    for doc in documents:
        counts[str(doc.get("status"))] = counts.get(str(doc.get("status")), 0) + 1
    store.audit.record(
        actor, "usb_import", f"package:{name}", {"origin": result.get("origin"), "outcomes": counts}
    )


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in _blocks(fh):
            digest.update(block)
    return digest.hexdigest()


def _blocks(fh: IO[bytes]) -> Iterator[bytes]:
    while block := fh.read(1024 * 1024):
        yield block
