"""The `sohoa` command line: process a folder headless, scan, list devices, recover, start the GUI."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from app import __version__
from app.bootstrap import Station, build_station
from app.cli_agencies import add_commands as add_agency_commands
from app.cli_central import add_commands as add_central_commands
from app.cli_reports import register as add_report_commands
from app.cli_sign import add_commands as add_sign_commands
from app.cli_sync import register as add_sync_commands
from app.cli_usb import add_commands as add_usb_commands
from app.core.batch_export import batch_records
from app.core.errors import StationError
from app.core.models import BatchState
from app.core.outputs import Description
from app.core.pipeline import BatchResult, capture, process_batch
from app.core.ports import ColorMode, PaperSource, ScanSettings
from app.core.settings import settings_from_env
from app.processing import scan_and_process

log = logging.getLogger(__name__)


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(path)


def _station(args: argparse.Namespace, data_dir: Path | None = None) -> Station:
    return build_station(settings_from_env(args.profile, data_dir or args.data_dir))


def cmd_process(args: argparse.Namespace) -> int:
    """Import a folder of page images as one batch, clean every page, split documents, write results."""
    src: Path = args.input_dir
    if not src.is_dir():
        print(f"Không tìm thấy thư mục ảnh: {src}", file=sys.stderr)
        return 2
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sohoa-") as tmp:
        station = _station(args, args.data_dir or Path(tmp))
        try:
            result, described = _process_with(station, src, args.workers, not args.no_ocr)
            _write_outputs(station, result, described, out)
        finally:
            station.close()
    failed = [p for p in result.pages if p.error is not None]
    for bad in failed:
        msg = bad.error.user_message("vi") if bad.error else ""
        print(f"{bad.page.source_name}: {msg}", file=sys.stderr)
    print(f"{len(result.pages)} trang, {len(result.documents)} tài liệu, {len(failed)} trang lỗi -> {out}")
    return 0


def _process_with(
    station: Station, src: Path, workers: int, ocr: bool
) -> tuple[BatchResult, dict[int, Description]]:
    return scan_and_process(station, "files", str(src), src.name, workers, ocr=ocr)


def _write_outputs(
    station: Station, result: BatchResult, described: dict[int, Description], out: Path
) -> None:
    pages, documents = batch_records(result, described)
    texts = {r.page.source_name: r.ocr.text for r in result.pages if r.ocr is not None}
    for record in pages:
        record["text"] = texts.get(record["file"], "")
    pdf_dir = out / "pdf"
    for record, document in zip(documents, result.documents, strict=True):
        if document.pdf_sha256:
            pdf_dir.mkdir(exist_ok=True)
            target = pdf_dir / f"{document.index:03d}.pdf"
            target.write_bytes(station.journal.read_blob(document.pdf_sha256))
            record["pdf"] = target.relative_to(out).as_posix()
    _write_jsonl(out / "pages.jsonl", pages)
    _write_jsonl(out / "documents.jsonl", documents)


def cmd_scan(args: argparse.Namespace) -> int:
    """Scan from a device into a new batch; print one line per page as soon as it is journaled."""
    station = _station(args)
    try:
        scanner = station.scanners.get(args.driver)
        if scanner is None:
            print(f"Không có trình điều khiển máy quét '{args.driver}' trên máy này.", file=sys.stderr)
            return 2
        device = args.device or next((d.id for d in scanner.list_devices()), None)
        if device is None:
            print("Không tìm thấy máy quét nào. Kiểm tra cáp và trình điều khiển.", file=sys.stderr)
            return 2
        settings = ScanSettings(
            source=PaperSource(args.source),
            duplex=args.duplex,
            dpi=args.dpi,
            color_mode=ColorMode(args.mode),
            max_pages=args.max_pages,
        )

        def report(page: Any, _scanned: Any, _delivered_at: float) -> None:
            print(f"page {page.seq} {page.sha256}", flush=True)

        result = capture(scanner, device, settings, station.journal, batch_name=args.batch, on_page=report)
        print(f"batch {result.batch.id}: {len(result.pages)} trang", flush=True)
        if result.error is not None:
            print(result.error.user_message("vi"), file=sys.stderr)
            return 3
        return 0
    finally:
        station.close()


def cmd_recover(args: argparse.Namespace) -> int:
    """Report what start-up recovery found, then finish cleanup of every batch left half-processed."""
    station = _station(args)
    try:
        # Opening the store already recovered; a deep check re-hashes every stored file as well.
        report = station.store.recover(deep=True) if args.deep else station.store.last_recovery
        print(
            f"Kiểm tra CSDL: {'tốt' if report.integrity_ok else 'LỖI: ' + '; '.join(report.integrity)}\n"
            f"Lô quét bị gián đoạn (đã giữ các trang): {len(report.interrupted_batches)}\n"
            f"Trang mất tệp: {len(report.missing_pages)}; trang hỏng: {len(report.corrupt_pages)}\n"
            f"Tệp tạm đã dọn: {report.temp_files_removed}"
        )
        pending = [b for b in station.journal.list_batches() if b.state == BatchState.CAPTURED]
        for batch in pending:
            result = process_batch(station.journal, batch.id, station.analyze)
            print(f"Lô {batch.id}: đã xử lý {len(result.pages)} trang, {len(result.documents)} tài liệu")
        return 0 if report.integrity_ok else 1
    finally:
        station.close()


def cmd_devices(args: argparse.Namespace) -> int:
    station = _station(args)
    try:
        for name, scanner in station.scanners.items():
            try:
                devices = scanner.list_devices()
            except StationError as exc:
                print(f"[{name}] {exc.user_message('vi')}")
                continue
            for dev in devices:
                print(f"[{name}] {dev.id}\t{dev.name}")
        return 0
    finally:
        station.close()


def cmd_batches(args: argparse.Namespace) -> int:
    station = _station(args)
    try:
        for batch in station.journal.list_batches():
            pages = station.journal.list_pages(batch.id)
            print(f"{batch.id}\t{batch.state}\t{len(pages)} trang\t{batch.name}")
        return 0
    finally:
        station.close()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sohoa", description="Trạm Số hóa — số hóa kết quả TTHC")
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument("--profile", choices=("demo", "station"), default=None)
    parser.add_argument("--data-dir", type=Path, default=None, help="thư mục dữ liệu của trạm")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("process", help="xử lý một thư mục ảnh trang (không cần giao diện)")
    p.add_argument("input_dir", type=Path)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--workers", type=int, default=0, help="số tiến trình xử lý (0 = mọi nhân CPU)")
    p.add_argument("--no-ocr", action="store_true", help="chỉ làm sạch trang: không nhận dạng chữ, không PDF")
    p.set_defaults(func=cmd_process)

    s = sub.add_parser("scan", help="quét vào một lô mới")
    s.add_argument("--driver", default="sane")
    s.add_argument("--device", default=None, help="mặc định: thiết bị đầu tiên của trình điều khiển")
    s.add_argument("--batch", default="Lô quét")
    s.add_argument("--source", choices=[x.value for x in PaperSource], default="feeder")
    s.add_argument("--mode", choices=[x.value for x in ColorMode], default="color")
    s.add_argument("--dpi", type=int, default=300)
    s.add_argument("--duplex", action="store_true")
    s.add_argument("--max-pages", type=int, default=None)
    s.set_defaults(func=cmd_scan)

    sub.add_parser("devices", help="liệt kê máy quét").set_defaults(func=cmd_devices)
    sub.add_parser("batches", help="liệt kê các lô").set_defaults(func=cmd_batches)
    add_sign_commands(sub)
    add_central_commands(sub)
    add_agency_commands(sub)
    add_sync_commands(sub)
    add_report_commands(sub)
    add_usb_commands(sub)
    r = sub.add_parser("recover", help="kiểm tra dữ liệu và xử lý tiếp các lô dở dang")
    r.add_argument("--deep", action="store_true", help="kiểm tra mã băm của mọi tệp")
    r.set_defaults(func=cmd_recover)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING)
    if args.command == "process" and args.workers == 0:
        args.workers = os.cpu_count() or 1  # headless: nobody is waiting on a UI, use every core
    try:
        return int(args.func(args))
    except StationError as exc:
        print(exc.user_message("vi"), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu; các trang đã quét được giữ nguyên.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
