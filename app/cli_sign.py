"""`sohoa sign` and `sohoa verify`: sign a document PDF as officer or supervisor, check its signatures."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from app.pdf.sign_keys import SignerConfig
from app.pdf.signing import sign_pdf
from app.pdf.verify import verify_pdf

PASSPHRASE_ENV = "SOHOA_P12_PASSPHRASE"  # noqa: S105 - the variable's name, not a secret


def cmd_sign(args: argparse.Namespace) -> int:
    """Append a PAdES signature (incremental update: earlier signatures stay valid)."""
    if args.pkcs11_module:
        config = SignerConfig(
            kind="pkcs11",
            pkcs11_module=args.pkcs11_module,
            token_label=args.token,
            key_label=args.key_label,
            display_name=args.name,
            timestamp_url=args.tsa,
        )
    else:
        secret = os.environ.get(PASSPHRASE_ENV)
        if secret is None and sys.stdin.isatty():
            secret = getpass.getpass("Mật khẩu tệp khóa (.p12): ")
        config = SignerConfig(
            pkcs12_path=args.p12, pkcs12_passphrase=secret, display_name=args.name, timestamp_url=args.tsa
        )
    signed = sign_pdf(args.input.read_bytes(), config, role=args.role)
    tmp = args.output.with_suffix(".tmp")
    tmp.write_bytes(signed)
    tmp.replace(args.output)
    print(f"Đã ký ({'lãnh đạo' if args.role == 'supervisor' else 'cán bộ'}): {args.output}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    """Print each signature's signer, time and integrity; exit 1 unless every one is fine."""
    roots = [p.read_bytes() for p in args.trust]
    reports = verify_pdf(args.input.read_bytes(), roots or None)
    if not reports:
        print("Tệp không có chữ ký số.")
        return 1
    for r in reports:
        when = r.signing_time.isoformat(timespec="seconds") if r.signing_time else "?"
        state = "nguyên vẹn" if r.intact and r.valid else "KHÔNG nguyên vẹn"
        trust = "tin cậy" if r.trusted else "chưa xác minh được nguồn cấp"
        print(f"{r.field_name}: {r.signer_name or '?'} — {when} — {state}, {trust}")
    return 0 if all(r.intact and r.valid and (r.trusted or not roots) for r in reports) else 1


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    s = sub.add_parser("sign", help="ký số một tệp PDF (cán bộ hoặc lãnh đạo)")
    s.add_argument("input", type=Path)
    s.add_argument("output", type=Path)
    s.add_argument("--role", choices=("officer", "supervisor"), default="officer")
    s.add_argument("--p12", type=Path, help=f"tệp khóa PKCS#12; mật khẩu lấy từ {PASSPHRASE_ENV}")
    s.add_argument("--pkcs11-module", type=Path, help="thư viện PKCS#11 của USB token")
    s.add_argument("--token", help="nhãn token")
    s.add_argument("--key-label", help="nhãn khóa trên token")
    s.add_argument("--name", help="tên hiển thị trong ô chữ ký")
    s.add_argument("--tsa", help="địa chỉ máy chủ cấp dấu thời gian")
    s.set_defaults(func=cmd_sign)
    v = sub.add_parser("verify", help="kiểm tra chữ ký số của một tệp PDF")
    v.add_argument("input", type=Path)
    v.add_argument("--trust", type=Path, action="append", default=[], help="chứng thư gốc tin cậy (PEM/DER)")
    v.set_defaults(func=cmd_verify)
