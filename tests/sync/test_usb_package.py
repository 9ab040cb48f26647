"""USB packages end to end: a station's store exports signed packages; the real central service (CLI
or HTTP through a relaying station) imports them once; a later normal sync gets the same receipts."""

from __future__ import annotations

import json
import random
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from app.cli import main as sohoa
from app.core.accounts import Role
from app.core.cancel import CancelToken
from app.core.outbox import OutboxState
from app.store import SqliteStore, open_store
from app.sync.runner import SyncRunner
from tests.sync.conftest import CentralServer, Signers, sha256, upload_bytes
from tests.sync.documents import LocalDoc, queue_documents

PASSWORD = "mat-khau-dai-du"


@dataclass
class UsbStation:
    store: SqliteStore
    data_dir: Path
    docs: list[LocalDoc]
    usb: Path


@pytest.fixture
def station(
    fresh_data_dir: Path, signers: Signers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[UsbStation]:
    """Station T1 with three approved documents queued, no link, and an officer with a key file."""
    store = open_store(fresh_data_dir)
    admin = store.accounts.create(None, "quantri", "Quản Trị", PASSWORD, frozenset({Role.ADMIN}))
    officer = store.accounts.create(admin, "canbo1", "Nguyễn Văn Đức", PASSWORD, frozenset({Role.OFFICER}))
    store.accounts.set_signer(
        admin, officer.id, {"kind": "pkcs12", "pkcs12_path": str(signers.officer.pkcs12_path)}
    )
    monkeypatch.setenv("SOHOA_P12_PASSPHRASE", "mat-khau")
    docs = queue_documents(store, store.outbox, signers.officer, 3, seed=5, sizes=(4_000, 9_000))
    usb = tmp_path / "usb"
    usb.mkdir()
    yield UsbStation(store, fresh_data_dir, docs, usb)
    store.close()


def _export(station: UsbStation, capsys: pytest.CaptureFixture[str]) -> Path:
    station.store.close()  # the CLI opens the store itself, as on a real station
    assert (
        sohoa(
            ["--data-dir", str(station.data_dir), "usb-export", "--to", str(station.usb), "--user", "canbo1"]
        )
        == 0
    )
    station.store = open_store(station.data_dir)
    assert "Đã xuất 3 hồ sơ" in capsys.readouterr().out
    [package] = list(station.usb.iterdir())
    return package


def _central_import(central: CentralServer, package: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    code = sohoa(
        ["central", "import-package", str(package), "--data", str(central.config.data_dir), "--json"]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    return json.loads(out[: out.rindex("}") + 1])


def _receipts(result: dict) -> dict[str, dict]:
    return {d["idempotency_key"]: d["receipt"] for d in result["documents"]}


def test_export_writes_a_signed_package_and_leaves_the_outbox_queued(
    station: UsbStation, capsys: pytest.CaptureFixture[str]
) -> None:
    package = _export(station, capsys)
    assert re.fullmatch(r"T1-\d{8}-\d{6}\.sohoa-pkg", package.name)
    with zipfile.ZipFile(package) as zf:
        names = zf.namelist()
        assert all(info.compress_type == zipfile.ZIP_STORED for info in zf.infolist())
        header = json.loads(zf.read("package.json"))
    assert names[:2] == ["package.json", "package.json.p7s"] and len(names) == 5
    assert header["station"] == "T1" and header["exported_by"] == "canbo1"
    assert sorted(e["sha256"] for e in header["entries"]) == sorted(d.sha256 for d in station.docs)
    assert [i.state for i in station.store.outbox.list()] == [OutboxState.PENDING] * 3
    assert [e.action for e in station.store.audit.entries()][-1] == "usb_export"


def test_direct_then_relayed_then_repeated_import_stores_each_document_once(
    station: UsbStation, central_server: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    package = _export(station, capsys)
    first = _central_import(central_server, package, capsys)
    assert [d["status"] for d in first["documents"]] == ["stored"] * 3
    assert central_server.document_count() == 3 and len(central_server.stored_files()) == 3
    again = _central_import(central_server, package, capsys)
    assert [d["status"] for d in again["documents"]] == ["already"] * 3
    assert _receipts(again) == _receipts(first)

    relay = [
        "usb-import",
        str(package),
        "--server",
        central_server.base_url,
        f"--token={central_server.other_token}",
    ]
    assert sohoa([*relay, "--json"]) == 0
    out = capsys.readouterr().out
    relayed = json.loads(out[: out.rindex("}") + 1])
    assert (relayed["origin"], relayed["relay"]) == ("T1", "T2")
    assert _receipts(relayed) == _receipts(first)
    assert central_server.document_count() == 3 and central_server.upload_files() == []


def test_relayed_package_is_stored_under_its_origin_and_a_later_sync_gets_the_same_receipts(
    station: UsbStation, central_server: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    package = _export(station, capsys)
    relay = [
        "usb-import",
        str(package),
        "--server",
        central_server.base_url,
        f"--token={central_server.other_token}",
    ]
    assert sohoa(relay) == 0
    printed = capsys.readouterr().out
    assert printed.count("đã lưu vào kho") == 3
    origin = central_server.transport()  # T1's own token: the documents are T1's
    by_key = {i.idempotency_key: origin.lookup(i.idempotency_key) for i in station.store.outbox.list()}
    assert all(r is not None and r.station == "T1" for r in by_key.values())
    assert central_server.transport(central_server.other_token).lookup(next(iter(by_key))) is None

    runner = SyncRunner(
        station.store.outbox, origin, _reader(station), rng=random.Random(1), backoff_base=0.01
    )
    runner.run_once(CancelToken())
    runner.run_once(CancelToken())
    items = station.store.outbox.list()
    assert [i.state for i in items] == [OutboxState.CONFIRMED] * 3
    assert {i.idempotency_key: i.receipt for i in items} == by_key
    assert central_server.document_count() == 3


def _reader(station: UsbStation):
    def read(sha: str, offset: int, n: int) -> bytes:
        return station.store.read_blob(sha)[offset : offset + n]

    return read


def _flip_byte_in_pdf(package: Path) -> Path:
    with zipfile.ZipFile(package) as zf:
        info = zf.getinfo(next(n for n in zf.namelist() if n.startswith("pdf/")))
    data = bytearray(package.read_bytes())
    where = info.header_offset + 30 + len(info.filename) + 200
    data[where] ^= 0x01
    tampered = package.with_name("tampered.sohoa-pkg")
    tampered.write_bytes(bytes(data))
    return tampered


def _rezip(package: Path, change: Callable[[str, bytes], bytes]) -> Path:
    """Rebuild the ZIP with one member changed (valid CRCs: only the signature or hashes can tell)."""
    out = package.with_name("rebuilt.sohoa-pkg")
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, change(name, src.read(name)))
    return out


def test_flipped_byte_in_a_pdf_is_refused_at_the_relay_and_at_the_central(
    station: UsbStation, central_server: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    tampered = _flip_byte_in_pdf(_export(station, capsys))
    relay = [
        "usb-import",
        str(tampered),
        "--server",
        central_server.base_url,
        f"--token={central_server.token}",
    ]
    assert sohoa(relay) == 1
    assert "bị thay đổi hoặc hỏng" in capsys.readouterr().err
    code = sohoa(["central", "import-package", str(tampered), "--data", str(central_server.config.data_dir)])
    assert code == 2 and "bị thay đổi hoặc hỏng" in capsys.readouterr().err
    assert central_server.document_count() == 0 and central_server.stored_files() == []
    assert central_server.upload_files() == []  # the relay refused before sending anything


def test_edited_package_json_or_swapped_pdf_is_refused_by_the_central_service(
    station: UsbStation, central_server: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    package = _export(station, capsys)

    def recode(name: str, data: bytes) -> bytes:
        return (
            data.replace(b"001.KQ.T1.2026.000001", b"001.KQ.T1.2026.000009")
            if name == "package.json"
            else data
        )

    def pad_pdf(name: str, data: bytes) -> bytes:
        return data + b"\n% appended\n" if name.startswith("pdf/0002") else data

    for change, message in ((recode, "Chữ ký số của gói"), (pad_pdf, "bị thay đổi hoặc hỏng")):
        forged = _rezip(package, change)
        client = central_server.transport(central_server.other_token)
        url = upload_bytes(client, forged.read_bytes(), "package")
        reply = httpx.post(
            f"{central_server.base_url}/api/v1/packages",
            json={"upload": url.rsplit("/", 1)[-1]},
            headers={"Authorization": f"Bearer {central_server.other_token}"},
        )
        assert reply.status_code == 422 and reply.json()["error"] == "bad_package"
        assert message in reply.json()["message_vi"]
        assert central_server.document_count() == 0 and central_server.upload_files() == []


def test_central_with_trust_roots_refuses_a_package_signed_outside_them(
    station: UsbStation, central_server: CentralServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from app.pdf.certs import cert_pem, make_test_ca

    other_root = tmp_path / "other-ca.pem"
    other_root.write_bytes(cert_pem(make_test_ca("CA khác").cert))
    package = _export(station, capsys)
    args = ["central", "import-package", str(package), "--data", str(central_server.config.data_dir)]
    assert sohoa([*args, "--trust", str(other_root)]) == 2
    assert "không thuộc chứng thư số được kho tin cậy" in capsys.readouterr().err
    assert central_server.document_count() == 0
    assert sha256(package.read_bytes())  # the package itself is untouched and can be imported elsewhere


_EXPORT_WITH_FILE_LIMIT = """
import resource, signal, sys
from pathlib import Path
from app.core.errors import StationError
from app.package_io import export_package
from app.store import open_store

with open_store(Path(sys.argv[1])) as store:
    user = next(u for u in store.accounts.list() if u.login == "canbo1")
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing us
    resource.setrlimit(resource.RLIMIT_FSIZE, (12_000, resource.RLIM_INFINITY))
    try:
        export_package(store, user, Path(sys.argv[2]), "mat-khau")
    except StationError as exc:
        print(exc.message_vi)
        sys.exit(7)
"""


def test_a_usb_that_cannot_take_the_file_gives_a_vietnamese_error_and_no_half_file(
    station: UsbStation,
) -> None:
    import subprocess
    import sys

    station.store.close()
    run = subprocess.run(
        [sys.executable, "-c", _EXPORT_WITH_FILE_LIMIT, str(station.data_dir), str(station.usb)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    station.store = open_store(station.data_dir)
    assert run.returncode == 7, run.stderr
    assert "USB không nhận tệp lớn như vậy" in run.stdout
    assert list(station.usb.iterdir()) == []
    assert [i.state for i in station.store.outbox.list()] == [OutboxState.PENDING] * 3
