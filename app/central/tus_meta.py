"""Parsing and checking the tus request headers: Upload-Metadata, Upload-Length, Upload-Checksum."""

from __future__ import annotations

import base64
import binascii
import logging
import re
from dataclasses import dataclass

from app.central.errors import ApiError
from app.core.textnorm import nfc

log = logging.getLogger(__name__)

TUS_VERSION = "1.0.0"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DIGITS = re.compile(r"^[0-9]{1,18}$")


@dataclass(frozen=True)
class UploadMeta:
    filename: str
    sha256: str
    filetype: str
    idempotency_key: str


def bad_metadata(detail_vi: str) -> ApiError:
    return ApiError(400, "bad_metadata", f"Thông tin tệp gửi lên không hợp lệ: {detail_vi}", "Bad metadata.")


def parse_metadata(header: str | None) -> UploadMeta:
    """``key base64,key base64`` → checked values; 400 ``bad_metadata`` on anything odd."""
    values: dict[str, str] = {}
    for item in (header or "").split(","):
        if not item.strip():
            continue
        key, _, encoded = item.strip().partition(" ")
        try:
            values[key] = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
            raise bad_metadata(f"giá trị của '{key[:40]}' không giải mã được") from exc
    filename = check_filename(values.get("filename", ""))
    sha256 = values.get("sha256", "")
    if not _SHA256.match(sha256):
        raise bad_metadata("thiếu hoặc sai mã SHA-256 của tệp (64 ký tự hex thường)")
    filetype = values.get("filetype", "")
    key = values.get("idempotency_key", "")
    if len(filetype) > 100 or len(key) > 100 or _CONTROL.search(filetype + key):
        raise bad_metadata("loại tệp hoặc khóa chống trùng quá dài hoặc có ký tự điều khiển")
    return UploadMeta(filename=filename, sha256=sha256, filetype=filetype, idempotency_key=key)


def check_filename(name: str) -> str:
    """A bare file name: no folders, no '..', no control characters, at most 200 characters."""
    name = nfc(name)
    if not name or name in {".", ".."}:
        raise bad_metadata("thiếu tên tệp")
    if "/" in name or "\\" in name or ".." in name or _CONTROL.search(name):
        raise bad_metadata("tên tệp không được chứa thư mục, '..' hay ký tự điều khiển")
    if len(name) > 200:
        raise bad_metadata("tên tệp dài quá 200 ký tự")
    return name


def parse_length(header: str | None, max_size: int) -> int:
    if header is None or not _DIGITS.match(header.strip()):
        raise ApiError(
            400, "bad_length", "Thiếu hoặc sai kích thước tệp (Upload-Length).", "Bad Upload-Length."
        )
    length = int(header.strip())
    if length > max_size:
        raise too_large(max_size)
    return length


def too_large(max_size: int) -> ApiError:
    mib = max_size / (1024 * 1024)
    return ApiError(
        413,
        "too_large",
        f"Tệp quá lớn: kho dữ liệu chỉ nhận tệp tới {mib:.0f} MB. Chia nhỏ hồ sơ hoặc nén lại rồi gửi.",
        "Upload too large.",
    )


def parse_offset(header: str | None) -> int:
    if header is None or not _DIGITS.match(header.strip()):
        raise ApiError(
            400, "bad_offset", "Thiếu hoặc sai vị trí gửi tiếp (Upload-Offset).", "Bad Upload-Offset."
        )
    return int(header.strip())


def parse_checksum(header: str | None) -> bytes | None:
    """The chunk's expected SHA-256 digest from ``sha256 <base64>``; None when the header is absent."""
    if header is None:
        return None
    algorithm, _, encoded = header.strip().partition(" ")
    if algorithm.lower() != "sha256":
        raise ApiError(
            400,
            "bad_checksum_algorithm",
            "Kho dữ liệu chỉ nhận mã kiểm tra SHA-256.",
            "Unsupported algorithm.",
        )
    try:
        digest = base64.b64decode(encoded.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ApiError(
            400, "bad_checksum", "Mã kiểm tra của đoạn tệp bị sai định dạng.", "Bad checksum."
        ) from exc
    if len(digest) != 32:
        raise ApiError(400, "bad_checksum", "Mã kiểm tra của đoạn tệp bị sai định dạng.", "Bad checksum.")
    return digest
