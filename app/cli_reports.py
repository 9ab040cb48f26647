"""`sohoa report` and `sohoa inventory`: progress reports (XLSX, PDF), records CSV, inventory sheet import."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from datetime import date
from pathlib import Path

from app.bootstrap import progress_report, resolve_data_dir
from app.core.accounts import User
from app.core.agencies import load_catalogue
from app.core.doctypes import load_doctypes
from app.core.errors import StationError
from app.core.progress import fill_successors
from app.core.settings import settings_from_env
from app.reports.common import ReportHeader
from app.reports.csv_export import records_csv
from app.reports.inventory_sheet import inventory_template, read_inventory
from app.reports.pdf_report import progress_pdf
from app.reports.xlsx_report import progress_xlsx
from app.store import SqliteStore, open_store
from app.store.report_rows import METADATA_COLUMNS

log = logging.getLogger(__name__)

PASSWORD_ENV = "SOHOA_PASSWORD"  # noqa: S105 - the variable's name, not a secret


def _data_dir(args: argparse.Namespace) -> Path:
    return resolve_data_dir(settings_from_env(getattr(args, "profile", None), args.data_dir))


def _login(store: SqliteStore, login: str) -> User:
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = getpass.getpass(f"Mật khẩu của {login}: ")
    return store.accounts.login(login, password)


def _type_labels() -> dict[str, str]:
    return {code: doc.label_vi for code, doc in load_doctypes().items()}


def _header(store: SqliteStore, data_dir: Path, today: date) -> ReportHeader:
    config = store.config.get()
    agency = load_catalogue(override_dir=data_dir).get(config.agency_key) if config.agency_key else None
    return ReportHeader(agency.name if agency else "Trạm số hóa", today, config.station_code)


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def cmd_report(args: argparse.Namespace) -> int:
    data_dir, today = _data_dir(args), date.today()
    with open_store(data_dir) as store:
        if args.kind == "csv":
            if not args.user:
                print("Xuất dữ liệu hồ sơ cần đăng nhập: thêm --user TÊN_ĐĂNG_NHẬP.", file=sys.stderr)
                return 2
            rows = store.inventory.metadata_rows(_login(store, args.user))
            _write(args.out, records_csv(rows, METADATA_COLUMNS))
            print(f"Đã xuất {len(rows)} hồ sơ: {args.out}")
            return 0
        report = progress_report(store, data_dir, args.year or today.year, today)
        header = _header(store, data_dir, today)
    render = progress_xlsx if args.kind == "xlsx" else progress_pdf
    _write(args.out, render(report, header))
    total = report.total
    print(f"Năm {report.year}: đã số hóa {total.digitised}/{total.inventory}, còn thiếu {total.shortfall}.")
    print(f"Đã lưu báo cáo: {args.out}")
    return 0


def cmd_inventory_template(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    with open_store(data_dir) as store:
        header = _header(store, data_dir, date.today())
    _write(args.out, inventory_template(_type_labels(), header.agency_name))
    print(f"Đã lưu tệp mẫu kiểm kê: {args.out}")
    return 0


def cmd_inventory_import(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    catalogue = load_catalogue(override_dir=data_dir)
    rows = read_inventory(args.file.read_bytes(), _type_labels(), {a.key for a in catalogue.all()})
    rows = fill_successors(rows, catalogue, date.today())
    with open_store(data_dir) as store:
        changed = store.inventory.save(_login(store, args.user), rows, source=args.file.name)
    print(f"Đã đọc {len(rows)} dòng; {changed} dòng mới hoặc thay đổi.")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    r = sub.add_parser("report", help="lập báo cáo tiến độ số hóa (xlsx, pdf) hoặc xuất dữ liệu hồ sơ (csv)")
    r.add_argument("kind", choices=("xlsx", "pdf", "csv"))
    r.add_argument("--out", type=Path, required=True, help="tệp kết quả")
    r.add_argument("--year", type=int, default=None, help="năm báo cáo (mặc định: năm nay)")
    r.add_argument(
        "--user", default=None, help=f"tên đăng nhập (bắt buộc với csv; mật khẩu: ${PASSWORD_ENV})"
    )
    r.set_defaults(func=cmd_report)
    inv = sub.add_parser("inventory", help="số liệu kiểm kê: tệp mẫu Excel và nhập tệp đã điền")
    inv_sub = inv.add_subparsers(dest="inventory_command", required=True)
    t = inv_sub.add_parser("template", help="lưu tệp mẫu kiểm kê (Excel)")
    t.add_argument("--out", type=Path, required=True)
    t.set_defaults(func=cmd_inventory_template)
    i = inv_sub.add_parser("import", help="nhập tệp kiểm kê đã điền (lãnh đạo)")
    i.add_argument("file", type=Path)
    i.add_argument(
        "--user", required=True, help=f"tên đăng nhập; mật khẩu hỏi khi chạy hoặc lấy từ ${PASSWORD_ENV}"
    )
    i.set_defaults(func=cmd_inventory_import)


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry (``python -m app.cli_reports``) until the lead wires ``register`` into app.cli."""
    parser = argparse.ArgumentParser(prog="sohoa")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--profile", choices=("demo", "station"), default=None)
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except StationError as exc:
        print(exc.user_message("vi"), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
