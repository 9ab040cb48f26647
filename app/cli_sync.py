"""`sohoa sync`: send the outbox to the central repository headless (once, until done, or forever)."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from pathlib import Path

from app.core.cancel import CancelToken
from app.core.outbox import OutboxState
from app.core.retention import KEEP_FOREVER, MAX_RETENTION_DAYS, RetentionResult, check_retention_days
from app.store import open_store
from app.store.filestore import BlobStore
from app.store.outbox import SqliteOutbox
from app.sync.connectivity import Connectivity
from app.sync.runner import SyncRunner
from app.sync.transport import HttpTransport
from app.sync.window import SendWindow
from app.sync_service import apply_retention, blob_reader

log = logging.getLogger(__name__)

URL_ENV = "SOHOA_SYNC_URL"
TOKEN_ENV = "SOHOA_SYNC_TOKEN"  # noqa: S105 - the variable's name, not a secret
STATE_VI = {
    OutboxState.PENDING: "chờ gửi",
    OutboxState.UPLOADING: "đang gửi",
    OutboxState.UPLOADED: "đã gửi, chờ xác nhận",
    OutboxState.CONFIRMED: "kho đã xác nhận",
    OutboxState.FAILED: "lỗi tạm thời, sẽ gửi lại",
    OutboxState.REJECTED: "bị từ chối",
    OutboxState.AUTH_REQUIRED: "cần mã truy cập mới",
}
EXIT_PAUSED = 3


def _print_counts(outbox: SqliteOutbox) -> None:
    counts = outbox.counts()
    print(", ".join(f"{STATE_VI[state]}: {n}" for state, n in counts.items() if n) or "Hàng đợi trống.")


def cmd_sync(args: argparse.Namespace) -> int:
    """Settings come from the command line, else the environment, else the station's own settings."""
    store = open_store(args.data_dir)
    try:
        config = store.config.get()
        url = args.server or os.environ.get(URL_ENV, "") or config.central_url
        token = args.token or os.environ.get(TOKEN_ENV, "") or config.central_token
        args.window = args.window or config.send_window or None
        args.bandwidth = args.bandwidth or config.bandwidth_kbps or None
        if args.status:
            _print_counts(store.outbox)
            return 0
        if not url or not token:
            print(f"Thiếu địa chỉ kho dữ liệu hoặc mã truy cập ({URL_ENV}, {TOKEN_ENV}).", file=sys.stderr)
            return 2
        code = _run(args, store.outbox, store.blobs, url, token)
        _print_retention(apply_retention(store))
        return code
    finally:
        store.close()


def cmd_retention(args: argparse.Namespace) -> int:
    """Apply the retention period now (``--days`` overrides the settings; ``--dry-run`` only counts)."""
    store = open_store(args.data_dir)
    try:
        days = args.days if args.days is not None else store.config.get().retention_days
        if not check_retention_days(days):
            print(f"Số ngày giữ bản quét phải từ 0 đến {MAX_RETENTION_DAYS}.", file=sys.stderr)
            return 2
        if days == KEEP_FOREVER:
            print("Trạm đang giữ mọi bản quét (thời hạn giữ = 0). Quản trị viên đặt thời hạn trong Cài đặt.")
            return 0
        _print_retention(store.retention.run(days, dry_run=args.dry_run))
        return 0
    finally:
        store.close()


def _print_retention(result: RetentionResult) -> None:
    if not result.pages:
        return
    verb = "Sẽ xóa" if result.dry_run else "Đã xóa"
    size = f"{result.bytes_freed / 1_000_000:.1f} MB".replace(".", ",")
    print(
        f"{verb} bản quét của {result.documents} tài liệu ({result.pages} trang, {size}) "
        f"đã được kho trung tâm xác nhận quá {result.days} ngày."
    )


def _run(args: argparse.Namespace, outbox: SqliteOutbox, blobs: BlobStore, url: str, token: str) -> int:
    cancel = CancelToken()
    previous = signal.signal(signal.SIGTERM, lambda _s, _f: cancel.cancel())
    rate = args.bandwidth * 1000 if args.bandwidth else None
    try:
        with HttpTransport(url, token, rate_limit_bps=rate) as transport:
            runner = SyncRunner(outbox, transport, blob_reader(blobs), backoff_base=args.retry_base)
            if args.resume_auth:
                runner.resume_auth()
            if args.once:
                summary = runner.run_once(cancel)
                for result in summary.results:
                    print(f"{result.document_id}\t{STATE_VI[result.state]}")
            else:
                window = SendWindow.parse(args.window) if args.window else None
                link = Connectivity(transport.health, max_s=args.probe_max)
                runner.run_forever(cancel, link, window, until_done=args.until_done)
            _print_counts(outbox)
            return EXIT_PAUSED if runner.paused else 0
    finally:
        signal.signal(signal.SIGTERM, previous)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("sync", help="gửi hồ sơ đã duyệt lên kho dữ liệu trung tâm")
    p.add_argument("--server", default=None, help=f"địa chỉ kho dữ liệu (mặc định: ${URL_ENV})")
    p.add_argument("--token", default=None, help=f"mã truy cập của trạm (nên dùng ${TOKEN_ENV})")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="gửi một lượt những hồ sơ đến hạn rồi dừng")
    mode.add_argument("--until-done", action="store_true", help="gửi đến khi hàng đợi hết hồ sơ cần gửi")
    mode.add_argument("--status", action="store_true", help="chỉ in số hồ sơ theo trạng thái")
    p.add_argument("--window", default=None, help="khung giờ được gửi, ví dụ 18:00-07:00")
    p.add_argument("--bandwidth", type=float, default=None, help="giới hạn băng thông gửi (kbit/s)")
    p.add_argument("--resume-auth", action="store_true", help="gửi lại các hồ sơ đang chờ mã truy cập")
    p.add_argument("--retry-base", type=float, default=2.0, help=argparse.SUPPRESS)
    p.add_argument("--probe-max", type=float, default=60.0, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_sync)
    r = sub.add_parser("retention", help="xóa bản quét đã được kho trung tâm xác nhận quá thời hạn giữ")
    r.add_argument("--days", type=int, default=None, help="số ngày giữ (mặc định: theo Cài đặt của trạm)")
    r.add_argument("--dry-run", action="store_true", help="chỉ đếm, không xóa")
    r.set_defaults(func=cmd_retention)


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry (``python -m app.cli_sync``) until the lead wires ``register`` into app.cli."""
    parser = argparse.ArgumentParser(prog="sohoa")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
