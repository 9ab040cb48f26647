"""`sohoa usb-export`, `sohoa usb-import` and `sohoa central import-package`: documents over a USB stick."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

PASSPHRASE_ENV = "SOHOA_P12_PASSPHRASE"  # noqa: S105 - the variable's name, not a secret
URL_ENV = "SOHOA_SYNC_URL"
TOKEN_ENV = "SOHOA_SYNC_TOKEN"  # noqa: S105
STATUS_VI = {"stored": "đã lưu vào kho", "already": "kho đã có (cùng biên nhận)", "rejected": "bị từ chối"}
EXIT_REJECTED = 1
EXIT_REFUSED = 2


def _passphrase(kind: str) -> str | None:
    if kind != "pkcs12":
        return None  # a token takes its PIN from SOHOA_TOKEN_PIN or asks for it itself
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if sys.stdin.isatty():
        return getpass.getpass("Mật khẩu tệp khóa ký số (.p12): ")
    return None


def _exporting_user(store: Any, login: str | None) -> Any:
    """The account whose key signs: ``--user``, or the only account that has a signing key."""
    users = [u for u in store.accounts.list() if u.active]
    if login:
        found = [u for u in users if u.login == login.strip().lower()]
        if not found:
            raise SystemExit(_fail(f"Không tìm thấy tài khoản đang hoạt động “{login}”."))
        return found[0]
    signing = [u for u in users if store.accounts.signer_of(u.id)]
    if len(signing) != 1:
        raise SystemExit(_fail("Chọn tài khoản ký gói bằng --user TÊN_ĐĂNG_NHẬP."))
    return signing[0]


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_REFUSED


def cmd_usb_export(args: argparse.Namespace) -> int:
    from app.package_io import export_package
    from app.store import open_store

    if not args.to.is_dir():
        return _fail(f"Không tìm thấy thư mục USB: {args.to}")
    with open_store(args.data_dir) as store:
        user = _exporting_user(store, args.user)
        kind = (store.accounts.signer_of(user.id) or {}).get("kind", "pkcs12")
        result = export_package(store, user, args.to, _passphrase(kind))
    print(
        f"Đã xuất {result.documents} hồ sơ vào {result.path} ({result.size / 1e6:.1f} MB), đã kiểm tra lại."
    )
    print("Các hồ sơ vẫn nằm trong hàng đợi gửi; khi có mạng trạm sẽ tự gửi và kho trả cùng biên nhận.")
    return 0


def _print_result(result: dict[str, Any], as_json: bool) -> int:
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    documents = result.get("documents", [])
    if not as_json:
        print(
            f"Gói của trạm {result.get('origin')}, người xuất {result.get('exported_by')}: "
            f"{len(documents)} hồ sơ"
        )
        for doc in documents:
            receipt = doc.get("receipt") or {}
            note = receipt.get("server_id") or doc.get("message_vi") or ""
            print(
                f"{doc.get('result_code')}\t{STATUS_VI.get(doc.get('status', ''), doc.get('status'))}\t{note}"
            )
    return EXIT_REJECTED if any(d.get("status") == "rejected" for d in documents) else 0


def cmd_usb_import(args: argparse.Namespace) -> int:
    from app.package_io import record_import, relay_package
    from app.sync.transport import HttpTransport

    url = args.server or os.environ.get(URL_ENV, "")
    token = args.token or os.environ.get(TOKEN_ENV, "")
    if not url or not token:
        return _fail(f"Thiếu địa chỉ kho dữ liệu hoặc mã truy cập ({URL_ENV}, {TOKEN_ENV}).")
    roots = [path.read_bytes() for path in args.trust]
    with HttpTransport(url, token) as transport:
        result = relay_package(args.file, transport, trust_roots=roots or None)
    if args.data_dir is not None or os.environ.get("SOHOA_DATA_DIR"):
        from app.store import open_store

        with open_store(args.data_dir) as store:
            record_import(store, args.user or "system", result, args.file.name)
    return _print_result(result, args.json)


def cmd_central_import(args: argparse.Namespace) -> int:
    from app.central.errors import ApiError
    from app.central.packages import import_package
    from app.central.state import Central
    from app.cli_central import _config as central_config

    if not args.file.is_file():
        return _fail(f"Không tìm thấy tệp gói hồ sơ: {args.file}")
    central = Central.build(central_config(args))
    try:
        result = import_package(central, args.file)
    except ApiError as exc:
        return _fail(exc.message_vi)
    finally:
        central.db.close()
    return _print_result(result.model_dump(), args.json)


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    e = sub.add_parser("usb-export", help="xuất hồ sơ chờ gửi ra USB thành gói có chữ ký số")
    e.add_argument("--to", type=Path, required=True, help="thư mục trên USB")
    e.add_argument("--user", default=None, help="tài khoản ký gói (mặc định: tài khoản duy nhất có khóa ký)")
    e.set_defaults(func=cmd_usb_export)

    i = sub.add_parser("usb-import", help="kiểm tra một gói hồ sơ từ USB và chuyển lên kho dữ liệu")
    i.add_argument("file", type=Path)
    i.add_argument("--server", default=None, help=f"địa chỉ kho dữ liệu (mặc định: ${URL_ENV})")
    i.add_argument("--token", default=None, help=f"mã truy cập của trạm này (nên dùng ${TOKEN_ENV})")
    i.add_argument("--trust", type=Path, action="append", default=[], help="chứng thư gốc tin cậy (PEM)")
    i.add_argument("--user", default=None, help="người nhập (ghi vào nhật ký)")
    i.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    i.set_defaults(func=cmd_usb_import)


def add_central_command(csub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``sohoa central import-package FILE --data DIR``: import a package straight into the store."""
    p = csub.add_parser("import-package", help="nhập gói hồ sơ từ USB thẳng vào kho")
    p.add_argument("file", type=Path)
    p.add_argument("--data", type=Path, required=True, help="thư mục dữ liệu của kho")
    p.add_argument("--db", default=None, help="địa chỉ CSDL (mặc định: SQLite trong thư mục dữ liệu)")
    p.add_argument("--trust", type=Path, action="append", default=[], help="chứng thư gốc tin cậy (PEM)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=cmd_central_import)
