"""`sohoa agencies`: list, match and export the agency catalogue; import an administrator's CSV."""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
from pathlib import Path

from app.bootstrap import resolve_data_dir
from app.core.agencies import (
    OVERRIDE_NAME,
    Agency,
    check_references,
    load_catalogue,
    parse_catalogue,
    to_csv,
    with_codes,
)
from app.core.issuer import IssuerMatcher
from app.core.settings import settings_from_env
from app.core.textnorm import fold


def _data_dir(args: argparse.Namespace) -> Path:
    return resolve_data_dir(settings_from_env(args.profile, args.data_dir))


def cmd_list(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(override_dir=_data_dir(args))
    wanted = fold(args.query or "")
    for agency in sorted(catalogue.all(), key=lambda a: a.key):
        if wanted and wanted not in fold(agency.name) and wanted not in agency.key:
            continue
        until = f" (đến {agency.valid_to.isoformat()})" if agency.valid_to else ""
        print(f"{agency.key}\t{agency.code or '-'}\t{agency.name}{until}")
    return 0


def cmd_match(args: argparse.Namespace) -> int:
    """Show how a printed issuer is matched: the entry, and the successor holding its records today."""
    matcher = IssuerMatcher(load_catalogue(override_dir=_data_dir(args)))
    found = matcher.match(args.printed, parent_printed=args.parent or "", context=args.context or "")
    if found.agency is None:
        names = ", ".join(f"{a.name} ({a.key})" for a in found.candidates) or "không có"
        print(f"Không xác định được cơ quan. Ứng viên: {names}")
        return 1
    successor = found.successor.name if found.successor else "chưa xác định"
    print(f"{found.agency.name} ({found.agency.key}) -> đơn vị kế thừa hiện nay: {successor}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Merge a CSV into the station's catalogue: full rows, or just ``key,code`` agency identifiers."""
    data_dir = _data_dir(args)
    text = Path(args.file).read_text(encoding="utf-8-sig")
    current = load_catalogue(override_dir=data_dir)
    header = next(csv.reader(io.StringIO(text)), [])
    if set(header) == {"key", "code"}:
        codes = {row["key"].strip(): row["code"].strip() for row in csv.DictReader(io.StringIO(text))}
        imported = [a for a in with_codes(current, codes) if a.key in codes]
    else:
        imported = parse_catalogue(text)
    merged = current.merged(imported)
    problems = check_references(merged)
    if problems:
        print("Không nhập: " + "; ".join(problems[:5]), file=sys.stderr)
        return 1
    _write_override(data_dir, imported)
    print(f"Đã nhập {len(imported)} cơ quan; danh mục có {len(merged)} mục.")
    return 0


def _write_override(data_dir: Path, imported: list[Agency]) -> None:
    """The administrator's entries (earlier imports plus these) written atomically to the data folder."""
    override = data_dir / OVERRIDE_NAME
    earlier = parse_catalogue(override.read_text(encoding="utf-8")) if override.is_file() else []
    kept = {a.key: a for a in earlier}
    kept.update({a.key: a for a in imported})
    data_dir.mkdir(parents=True, exist_ok=True)
    tmp = override.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(to_csv(kept.values()))
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(override)


def cmd_export(args: argparse.Namespace) -> int:
    sys.stdout.write(to_csv(load_catalogue(override_dir=_data_dir(args)).all()))
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    a = sub.add_parser("agencies", help="danh mục cơ quan ban hành (xem, đối chiếu, nhập)")
    actions = a.add_subparsers(dest="agencies_command", required=True)
    ls = actions.add_parser("list", help="liệt kê (lọc theo tên, không dấu cũng được)")
    ls.add_argument("query", nargs="?", default="")
    ls.set_defaults(func=cmd_list)
    m = actions.add_parser("match", help="đối chiếu tên cơ quan như in trên giấy tờ")
    m.add_argument("printed")
    m.add_argument("--parent", default="", help="cơ quan chủ quản in phía trên")
    m.add_argument("--context", default="", help="văn bản khác của giấy tờ, ví dụ địa chỉ")
    m.set_defaults(func=cmd_match)
    i = actions.add_parser("import", help="nhập tệp CSV (đủ cột, hoặc chỉ key,code)")
    i.add_argument("file", type=Path)
    i.set_defaults(func=cmd_import)
    actions.add_parser("export", help="xuất toàn bộ danh mục ra CSV").set_defaults(func=cmd_export)
