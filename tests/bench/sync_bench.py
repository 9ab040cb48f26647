"""Sync benchmark (issue 5's bar): `python -m tests.bench.sync_bench [--docs 100] [--kills 20]`.

Three runs against the real central service through the fault-injecting proxy, each printing its
numbers: (1) documents through a link cut every ~200 KB: all on the server once, SHA-256 equal,
bytes sent / payload; (2) `sohoa sync` killed with SIGKILL at random moments, then restarted;
(3) goodput on a link throttled to 1 Mbit/s.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import tempfile
import time
from pathlib import Path

from app.central.config import CentralConfig
from app.core.cancel import CancelToken
from app.core.outbox import OutboxState
from app.pdf.certs import issue_person_cert, make_test_ca, write_pkcs12
from app.pdf.sign_keys import SignerConfig
from app.store.db import integrity_check
from app.sync.connectivity import Connectivity
from app.sync.runner import SyncRunner
from app.sync.transport import HttpTransport
from tests.sync.conftest import CentralServer, start_central
from tests.sync.documents import LocalDoc, queue_documents
from tests.sync.faultproxy import FaultProxy
from tests.sync.test_outbox_e2e import Station, _spawn_sync, kill_sync_runs

LINK_BPS = 1_000_000


def _officer(folder: Path) -> SignerConfig:
    ca = make_test_ca()
    key, cert = issue_person_cert(ca, "Nguyễn Văn Đức", organization="UBND xã Đa Tốn")
    path = write_pkcs12(folder / "officer.p12", key, cert, [ca.cert], "mat-khau")
    return SignerConfig(pkcs12_path=path, pkcs12_passphrase="mat-khau")


def _check(central: CentralServer, station: Station, docs: list[LocalDoc]) -> str:
    states = [i.state for i in station.outbox.list()]
    confirmed = states.count(OutboxState.CONFIRMED)
    stored = sorted(hashlib.sha256(p.read_bytes()).hexdigest() for p in central.stored_files())
    same = stored == sorted(d.sha256 for d in docs)
    ok = confirmed == len(docs) and central.document_count() == len(docs) and same
    return (
        f"confirmed {confirmed}/{len(docs)}, on server {central.document_count()}, "
        f"SHA-256 all equal {same} -> {'PASS' if ok else 'FAIL'}"
    )


def _sync(station: Station, url: str, token: str, **transport_kw: object) -> float:
    started = time.monotonic()
    with HttpTransport(url, token, timeout=15, **transport_kw) as transport:  # type: ignore[arg-type]
        runner = SyncRunner(station.outbox, transport, station.read, backoff_base=0.2)
        link = Connectivity(transport.health, min_s=0.1, max_s=1)
        runner.run_forever(CancelToken(), link, until_done=True)
    return time.monotonic() - started


def bench_cuts(root: Path, officer: SignerConfig, count: int) -> None:
    with start_central(CentralConfig(data_dir=root / "central-cuts")) as central:
        station = Station(root / "station-cuts")
        docs = queue_documents(station.store, station.outbox, officer, count, seed=11)
        payload = sum(d.size for d in docs)
        with FaultProxy(("127.0.0.1", central.port), seed=1) as proxy:
            proxy.cut_around(200_000)
            elapsed = _sync(station, proxy.url, central.token)
            print(f"[cuts] {count} docs, payload {payload / 1e6:.2f} MB, cuts {proxy.cuts}, {elapsed:.1f} s")
            print(
                f"[cuts] bytes sent {proxy.bytes_up} = {proxy.bytes_up / payload:.3f} x payload (bar <= 1.15)"
            )
        print(f"[cuts] {_check(central, station, docs)}")
        station.close()


def bench_kills(root: Path, officer: SignerConfig, count: int, kills: int) -> None:
    data_dir = root / "station-kills"
    with start_central(CentralConfig(data_dir=root / "central-kills")) as central:
        station = Station(data_dir)
        docs = queue_documents(station.store, station.outbox, officer, count, seed=12)
        station.close()
        with FaultProxy(("127.0.0.1", central.port), seed=2) as proxy:
            proxy.throttle(1_000_000)  # slow enough that every kill lands mid-sync
            proxy.cut_around(200_000)
            started = time.monotonic()
            kill_sync_runs(data_dir, proxy, central.token, kills, random.Random(3))
            proxy.throttle(None)
            final = _spawn_sync(data_dir, proxy.url, central.token)
            final.communicate(timeout=600)
            print(
                f"[kill] {kills} x SIGKILL then restart, {time.monotonic() - started:.1f} s, "
                f"exit {final.returncode}"
            )
        station = Station(data_dir)
        print(f"[kill] {_check(central, station, docs)}; local database {integrity_check(station.engine)}")
        station.close()


def bench_goodput(root: Path, officer: SignerConfig, count: int) -> None:
    with start_central(CentralConfig(data_dir=root / "central-goodput")) as central:
        station = Station(root / "station-goodput")
        docs = queue_documents(station.store, station.outbox, officer, count, seed=13)
        payload = sum(d.size for d in docs)
        with FaultProxy(("127.0.0.1", central.port)) as proxy:
            proxy.throttle(LINK_BPS / 8)
            elapsed = _sync(station, proxy.url, central.token)
        goodput = payload * 8 / elapsed
        print(f"[1 Mbit/s] {count} docs {payload / 1e6:.2f} MB in {elapsed:.1f} s")
        print(
            f"[1 Mbit/s] goodput {goodput / 1e6:.3f} Mbit/s = {goodput / LINK_BPS:.1%} of the link "
            "(bar >= 90%)"
        )
        print(f"[1 Mbit/s] {_check(central, station, docs)}")
        station.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--goodput-docs", type=int, default=30)
    parser.add_argument("--only", choices=("cuts", "kills", "goodput"), default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sohoa-sync-bench-") as tmp:
        root = Path(tmp)
        officer = _officer(root)
        if args.only in (None, "cuts"):
            bench_cuts(root, officer, args.docs)
        if args.only in (None, "kills"):
            bench_kills(root, officer, args.docs, args.kills)
        if args.only in (None, "goodput"):
            bench_goodput(root, officer, args.goodput_docs)


if __name__ == "__main__":
    main()
