"""`sohoa central ...`: initialise, register stations, publish station releases, run the service."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.central.config import CentralConfig

log = logging.getLogger(__name__)


# The service's modules (FastAPI, SQLAlchemy) load only when a `central` command runs.


def _config(args: argparse.Namespace) -> CentralConfig:
    from app.central.config import CentralConfig, S3Config

    s3 = None
    if getattr(args, "s3_bucket", None):
        s3 = S3Config(
            bucket=args.s3_bucket,
            endpoint_url=args.s3_endpoint,
            access_key=args.s3_access_key,
            secret_key=args.s3_secret_key,
            region=args.s3_region,
        )
    kwargs: dict[str, object] = {}
    if getattr(args, "max_upload_mb", None):
        kwargs["max_upload_bytes"] = int(args.max_upload_mb * 1024 * 1024)
    return CentralConfig(
        data_dir=args.data,
        database_url=args.db,
        s3=s3,
        trust_roots=tuple(getattr(args, "trust", []) or ()),
        **kwargs,  # type: ignore[arg-type]
    )


def cmd_init(args: argparse.Namespace) -> int:
    from app.central.manage import AlreadyInitialised, init_service

    try:
        token = init_service(_config(args), rotate=args.rotate)
    except AlreadyInitialised:
        print(
            "Kho dữ liệu đã được khởi tạo. Dùng --rotate để cấp mã quản trị mới (mã cũ mất hiệu lực).",
            file=sys.stderr,
        )
        return 2
    print("Mã quản trị (chỉ hiện một lần, hãy cất giữ an toàn):")
    print(token)
    return 0


def cmd_add_station(args: argparse.Namespace) -> int:
    from app.central.errors import ApiError
    from app.central.manage import add_station

    try:
        token = add_station(_config(args), args.code, args.name)
    except ApiError as exc:
        print(exc.message_vi, file=sys.stderr)
        return 2
    print(f"Mã truy cập của trạm {args.code} (chỉ hiện một lần; nhập vào phần Cài đặt của trạm):")
    print(token)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from app.central.manage import serve

    for root in args.trust:
        if not root.is_file():
            print(f"Không tìm thấy tệp chứng thư gốc: {root}", file=sys.stderr)
            return 2
    print(f"Kho dữ liệu chạy tại http://{args.host}:{args.port}/api/v1 (Ctrl+C để dừng)", flush=True)
    serve(_config(args), args.host, args.port)
    return 0


def cmd_publish_release(args: argparse.Namespace) -> int:
    from app.central.errors import ApiError
    from app.central.releases import NewRelease, publish_release

    if args.db is None and not (args.data / "central.db").is_file():
        print(f"Chưa có kho dữ liệu tại {args.data}. Chạy trước: sohoa central init", file=sys.stderr)
        return 2
    try:
        notes = args.notes_file.read_text(encoding="utf-8") if args.notes_file else (args.notes or "")
    except (OSError, UnicodeDecodeError):
        print(f"Không đọc được tệp ghi chú (cần tệp văn bản UTF-8): {args.notes_file}", file=sys.stderr)
        return 2
    release = NewRelease(
        version=args.version, url=args.url, sha256=args.sha256, notes_vi=notes, notes_en=args.notes_en or ""
    )
    try:
        info = publish_release(_config(args).db_url, release, replace=args.replace)
    except ApiError as exc:
        print(exc.message_vi, file=sys.stderr)
        return 2
    print(f"Đã công bố phiên bản trạm {info.version} ({info.published_at}); tải về: {info.url}")
    return 0


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", type=Path, required=True, help="thư mục dữ liệu của kho")
    p.add_argument("--db", default=None, help="địa chỉ CSDL (mặc định: SQLite trong thư mục dữ liệu)")


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    central = sub.add_parser("central", help="kho dữ liệu trung tâm (dịch vụ nhận hồ sơ)")
    csub = central.add_subparsers(dest="central_command", required=True)

    s = csub.add_parser("serve", help="chạy dịch vụ kho dữ liệu")
    _common(s)
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8765)
    s.add_argument("--s3-bucket", default=None, help="lưu tệp vào kho S3 (bucket)")
    s.add_argument("--s3-endpoint", default=None, help="địa chỉ dịch vụ S3 (MinIO, ...)")
    s.add_argument("--s3-access-key", default=None)
    s.add_argument("--s3-secret-key", default=None, help="hoặc biến môi trường AWS_SECRET_ACCESS_KEY")
    s.add_argument("--s3-region", default=None)
    s.add_argument("--max-upload-mb", type=float, default=None, help="kích thước tệp tối đa (MB)")
    s.add_argument("--trust", type=Path, action="append", default=[], help="chứng thư gốc tin cậy (PEM)")
    s.set_defaults(func=cmd_serve)

    i = csub.add_parser("init", help="khởi tạo kho và in mã quản trị")
    _common(i)
    i.add_argument("--rotate", action="store_true", help="cấp mã quản trị mới")
    i.set_defaults(func=cmd_init)

    a = csub.add_parser("add-station", help="đăng ký một trạm và in mã truy cập của trạm")
    a.add_argument("code")
    a.add_argument("--name", required=True)
    _common(a)
    a.set_defaults(func=cmd_add_station)

    r = csub.add_parser("publish-release", help="công bố phiên bản mới của phần mềm trạm")
    _common(r)
    r.add_argument("--version", required=True, help="số phiên bản, ví dụ 1.2.0")
    r.add_argument("--url", required=True, help="địa chỉ tải bộ cài (https://... hoặc \\\\máy-chủ\\thư-mục)")
    r.add_argument("--sha256", default=None, help="mã SHA-256 của bộ cài")
    r.add_argument("--notes", default=None, help="ghi chú phát hành (tiếng Việt)")
    r.add_argument("--notes-file", type=Path, default=None, help="ghi chú phát hành đọc từ tệp UTF-8")
    r.add_argument("--notes-en", default=None, help="ghi chú phát hành bằng tiếng Anh (không bắt buộc)")
    r.add_argument("--replace", action="store_true", help="thay thông tin của phiên bản đã công bố")
    r.set_defaults(func=cmd_publish_release)

    from app.cli_usb import add_central_command

    add_central_command(csub)
