"""The USB package format: approved documents of a station without a link, in one signed ZIP file.

A package ``<station>-<YYYYMMDD-HHMMSS>.sohoa-pkg`` is a ZIP (members stored, PDFs are already
compressed) holding ``package.json`` (who, when, and one entry per document: its full commit
manifest and its PDF's SHA-256, size and member name), the PDFs under ``pdf/``, and
``package.json.p7s``, a detached CMS signature of ``package.json`` by the exporting officer. The
signature covers the header and the header covers every PDF by SHA-256. This module only knows
the format; it works on streams it is given and never opens a file itself (docs/sync-protocol.md).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Any

from app.core.errors import StationError

log = logging.getLogger(__name__)

FORMAT = "sohoa-package"
VERSION = 1
SUFFIX = ".sohoa-pkg"
HEADER = "package.json"
SIGNATURE = "package.json.p7s"
MEDIA_TYPE = "application/vnd.sohoa.package+zip"
MAX_HEADER_BYTES = 64 * 1024 * 1024
MAX_SIGNATURE_BYTES = 1024 * 1024
_BLOCK = 1024 * 1024
_PATH = re.compile(r"^pdf/[A-Za-z0-9_-]{1,80}\.pdf$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_STATION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


class PackageError(StationError):
    code = "package"
    message_vi = "Không đọc được gói hồ sơ. Kiểm tra USB rồi xuất lại gói từ trạm gốc."
    message_en = "The package cannot be read."


class PackageUnreadable(PackageError):
    code = "package_unreadable"


class PackageTampered(PackageError):
    code = "package_tampered"
    message_vi = (
        "Gói hồ sơ đã bị thay đổi hoặc hỏng sau khi xuất (tệp không khớp mã SHA-256). Không dùng gói "
        "này; xuất lại gói từ trạm gốc."
    )
    message_en = "The package was altered or damaged after export."


class PackageSignatureInvalid(PackageError):
    code = "package_signature"
    message_vi = (
        "Chữ ký số của gói hồ sơ không hợp lệ (gói đã bị sửa hoặc không do cán bộ của trạm ký). "
        "Không dùng gói này; xuất lại gói từ trạm gốc."
    )
    message_en = "The package signature is not valid."


@dataclass(frozen=True)
class PackageEntry:
    """One document: its commit manifest (key, station, fields...; no upload id) and its PDF."""

    idempotency_key: str
    result_code: str
    path: str
    sha256: str
    size: int
    manifest: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "idempotency_key": self.idempotency_key,
            "result_code": self.result_code,
            "path": self.path,
            "sha256": self.sha256,
            "size": self.size,
            "manifest": dict(self.manifest),
        }


@dataclass(frozen=True)
class PackageHeader:
    """``package.json``: the origin station, when and by whom it was exported, and the documents."""

    station: str
    created_at: str
    exported_by: str
    entries: tuple[PackageEntry, ...]
    version: int = VERSION

    def to_bytes(self) -> bytes:
        """The exact bytes that are signed (sorted keys, UTF-8, NFC text as the store keeps it)."""
        body = {
            "format": FORMAT,
            "version": self.version,
            "station": self.station,
            "created_at": self.created_at,
            "exported_by": self.exported_by,
            "entries": [entry.to_json() for entry in self.entries],
        }
        return json.dumps(body, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def package_name(station: str, when: datetime) -> str:
    """``T1-20260105-101500.sohoa-pkg`` (the station's local time of export)."""
    return f"{station}-{when:%Y%m%d-%H%M%S}{SUFFIX}"


def make_entry(
    index: int, manifest: Mapping[str, Any], sha256: str, size: int, filename: str
) -> PackageEntry:
    """An entry for a queued document; ``manifest`` must already carry its idempotency key."""
    full = dict(manifest)
    full["files"] = [{"role": "pdf", "filename": filename, "sha256": sha256, "size": size}]
    return PackageEntry(
        idempotency_key=str(full["idempotency_key"]),
        result_code=str(full.get("result_code", "")),
        path=f"pdf/{index:04d}-{sha256[:16]}.pdf",
        sha256=sha256,
        size=size,
        manifest=full,
    )


def parse_header(data: bytes) -> PackageHeader:
    """Read and check ``package.json``; PackageUnreadable (or PackageTampered) when anything is off."""
    try:
        body = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackageTampered("package.json is not JSON") from exc
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise PackageUnreadable("not a package", message_vi="Tệp này không phải gói hồ sơ của Trạm Số hóa.")
    if body.get("version") != VERSION:
        raise PackageUnreadable(
            f"version {body.get('version')!r}",
            message_vi="Gói hồ sơ được tạo bởi phiên bản phần mềm khác. Cập nhật phần mềm rồi nhập lại.",
        )
    station = body.get("station")
    raw_entries = body.get("entries")
    if not isinstance(station, str) or not _STATION.match(station) or not isinstance(raw_entries, list):
        raise PackageTampered("bad station or entries")
    entries = tuple(_entry(item, station) for item in raw_entries)
    _check_unique(entries)
    return PackageHeader(
        station=station,
        created_at=str(body.get("created_at", "")),
        exported_by=str(body.get("exported_by", "")),
        entries=entries,
    )


def _entry(item: Any, station: str) -> PackageEntry:
    if not isinstance(item, dict) or not isinstance(item.get("manifest"), dict):
        raise PackageTampered("entry without manifest")
    key, path, sha, size = item.get("idempotency_key"), item.get("path"), item.get("sha256"), item.get("size")
    manifest: dict[str, Any] = item["manifest"]
    ok = (
        isinstance(key, str)
        and 0 < len(key) <= 100
        and isinstance(path, str)
        and _PATH.match(path) is not None
        and isinstance(sha, str)
        and _SHA256.match(sha) is not None
        and isinstance(size, int)
        and size >= 0
        and manifest.get("idempotency_key") == key
        and manifest.get("station") == station
        and _pdf_of(manifest) == (sha, size)
    )
    if not ok:
        raise PackageTampered("inconsistent entry")
    return PackageEntry(
        str(key), str(item.get("result_code", "")), str(path), str(sha), int(size or 0), manifest
    )


def _pdf_of(manifest: Mapping[str, Any]) -> tuple[Any, Any] | None:
    files = manifest.get("files")
    if not isinstance(files, list):
        return None
    pdfs = [f for f in files if isinstance(f, dict) and f.get("role") == "pdf"]
    return (pdfs[0].get("sha256"), pdfs[0].get("size")) if len(pdfs) == 1 else None


def _check_unique(entries: tuple[PackageEntry, ...]) -> None:
    if not entries:
        raise PackageUnreadable("empty", message_vi="Gói hồ sơ không có hồ sơ nào.")
    if len({e.idempotency_key for e in entries}) != len(entries) or len({e.path for e in entries}) != len(
        entries
    ):
        raise PackageTampered("duplicate entries")


def write_package(
    out: IO[bytes], header: bytes, signature: bytes, open_pdf: Callable[[PackageEntry], IO[bytes]]
) -> None:
    """Write the ZIP to ``out``: header, signature, then every PDF (stored, streamed)."""
    entries = parse_header(header).entries
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
        zf.writestr(HEADER, header)
        zf.writestr(SIGNATURE, signature)
        for entry in entries:
            with open_pdf(entry) as src, zf.open(entry.path, "w", force_zip64=entry.size > 2**31) as dst:
                while block := src.read(_BLOCK):
                    dst.write(block)


class PackageReader:
    """An opened package: its header bytes, signature and checked PDFs (the stream stays the caller's)."""

    def __init__(self, stream: IO[bytes]) -> None:
        try:
            self._zip = zipfile.ZipFile(stream, "r")
            self.header_bytes = self._member(HEADER, MAX_HEADER_BYTES)
            self.signature = self._member(SIGNATURE, MAX_SIGNATURE_BYTES)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
            raise _unreadable_or_tampered(exc) from exc
        self.header = parse_header(self.header_bytes)
        expected = {HEADER, SIGNATURE, *(e.path for e in self.header.entries)}
        if set(self._zip.namelist()) != expected or len(self._zip.namelist()) != len(expected):
            raise PackageTampered("members differ from package.json")

    def _member(self, name: str, limit: int) -> bytes:
        try:
            info = self._zip.getinfo(name)
        except KeyError as exc:
            raise PackageUnreadable(
                f"{name} missing",
                message_vi="Tệp này không phải gói hồ sơ của Trạm Số hóa (thiếu phần mô tả).",
            ) from exc
        if info.file_size > limit:
            raise PackageTampered(f"{name} too large")
        return self._zip.read(info)

    def iter_pdf(self, entry: PackageEntry) -> Iterator[bytes]:
        """The PDF's blocks; PackageTampered at the end unless size and SHA-256 match the entry."""
        digest, size = hashlib.sha256(), 0
        try:
            if self._zip.getinfo(entry.path).file_size != entry.size:
                raise PackageTampered(f"{entry.path}: size differs")
            with self._zip.open(entry.path) as src:
                while block := src.read(_BLOCK):
                    digest.update(block)
                    size += len(block)
                    yield block
        except (zipfile.BadZipFile, EOFError, KeyError, ValueError) as exc:
            raise PackageTampered(f"{entry.path}: {type(exc).__name__}") from exc
        if size != entry.size or digest.hexdigest() != entry.sha256:
            raise PackageTampered(f"{entry.path}: SHA-256 differs")

    def read_pdf(self, entry: PackageEntry) -> bytes:
        return b"".join(self.iter_pdf(entry))

    def check_all(self) -> None:
        """Hash every PDF (PackageTampered on the first mismatch)."""
        for entry in self.header.entries:
            for _block in self.iter_pdf(entry):
                pass

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> PackageReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _unreadable_or_tampered(exc: Exception) -> PackageError:
    # zipfile reports a CRC mismatch of a member as BadZipFile: bytes changed after export.
    if "CRC" in str(exc):
        return PackageTampered(f"{type(exc).__name__}: {exc}")
    return PackageUnreadable(
        type(exc).__name__,
        message_vi="Tệp gói hồ sơ bị hỏng hoặc chưa chép xong. Chép lại từ USB hoặc xuất lại gói.",
    )
