"""Shared fixtures for the sync tests: a running central service and signed PDFs to send it.

Fixture API (reuse freely from any test under tests/sync):

- ``central_server`` -> ``CentralServer``: a fresh service (SQLite + folder storage in a temp
  dir) served by uvicorn on ``127.0.0.1:<free port>`` in a daemon thread, with two registered
  stations. Attributes: ``base_url`` ("http://127.0.0.1:PORT", pass it to ``HttpTransport``),
  ``port``, ``station`` ("T1") and ``token`` (its bearer token), ``other_station`` ("T2") and
  ``other_token``, ``admin_token``, ``config`` (``CentralConfig``). Helpers:
  ``transport(token=None, **kw)`` -> ``HttpTransport`` (closed at teardown),
  ``document_count()``, ``stored_files()`` (committed files on disk), ``upload_files()``.
- ``start_central(config, tmp_path)``: context manager yielding a ``CentralServer`` for a custom
  ``CentralConfig`` (PostgreSQL URL, S3, small ``max_upload_bytes`` ...).
- ``signers`` (session) -> ``Signers`` with ``officer`` and ``supervisor`` ``SignerConfig``s and
  ``ca_pem`` (the test CA, usable as a trust root).
- ``unsigned_pdf`` (session): a one-page PDF; ``signed_pdf`` (session): it signed by the officer;
  ``both_signed_pdf`` (session): then by the supervisor.
- ``manifest(...)``: a valid commit manifest (doc type ``generic``) for one uploaded PDF.
- ``upload_bytes(transport, data, key)``: create + send a whole file, returns the upload URL.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from sqlalchemy import func, select

from app.central.config import CentralConfig
from app.central.manage import add_station, init_service, serve_in_thread
from app.central.models import Document
from app.central.state import Central
from app.core.cancel import CancelToken
from app.core.sync_port import UploadSpec
from app.pdf.certs import issue_person_cert, make_test_ca, write_pkcs12
from app.pdf.sign_keys import SignerConfig
from app.pdf.signing import sign_pdf
from app.sync.transport import HttpTransport


@dataclass
class CentralServer:
    base_url: str
    port: int
    config: CentralConfig
    central: Central
    admin_token: str
    token: str
    other_token: str
    station: str = "T1"
    other_station: str = "T2"
    _transports: list[HttpTransport] = field(default_factory=list)

    def transport(self, token: str | None = None, **kwargs: Any) -> HttpTransport:
        kwargs.setdefault("timeout", 10.0)
        client = HttpTransport(self.base_url, self.token if token is None else token, **kwargs)
        self._transports.append(client)
        return client

    def document_count(self) -> int:
        with self.central.db.session() as session:
            return int(session.scalar(select(func.count()).select_from(Document)) or 0)

    def stored_files(self) -> list[Path]:
        root = self.config.files_dir
        return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []

    def upload_files(self) -> list[Path]:
        return sorted(self.config.uploads_dir.glob("*.part"))


@contextmanager
def start_central(config: CentralConfig) -> Iterator[CentralServer]:
    """Initialise ``config``'s store with stations T1 and T2 and serve it until the block ends."""
    admin = init_service(config, rotate=True)
    t1 = add_station(config, "T1", "Trạm xã Đa Tốn")
    t2 = add_station(config, "T2", "Trạm xã Bát Tràng")
    running = serve_in_thread(config)
    app = running.server.config.app
    handle = CentralServer(running.url, running.port, config, app.state.central, admin, t1, t2)
    try:
        yield handle
    finally:
        for client in handle._transports:
            client.close()
        running.stop()


@pytest.fixture
def central_server(tmp_path: Path) -> Iterator[CentralServer]:
    with start_central(CentralConfig(data_dir=tmp_path / "central")) as handle:
        yield handle


@dataclass(frozen=True)
class Signers:
    officer: SignerConfig
    supervisor: SignerConfig
    ca_pem: Path


@pytest.fixture(scope="session")
def signers(tmp_path_factory: pytest.TempPathFactory) -> Signers:
    from cryptography.hazmat.primitives import serialization

    ca = make_test_ca()
    folder = tmp_path_factory.mktemp("sync-keys")
    people = []
    for name, file in (("Nguyễn Văn Đức", "officer.p12"), ("Trần Thị Bích Ngọc", "supervisor.p12")):
        key, cert = issue_person_cert(ca, name, organization="UBND xã Đa Tốn")
        path = write_pkcs12(folder / file, key, cert, [ca.cert], "mat-khau")
        people.append(SignerConfig(pkcs12_path=path, pkcs12_passphrase="mat-khau"))
    ca_pem = folder / "ca.pem"
    ca_pem.write_bytes(ca.cert.public_bytes(serialization.Encoding.PEM))
    return Signers(people[0], people[1], ca_pem)


@pytest.fixture(scope="session")
def unsigned_pdf() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    pdf.pages[0].Contents = pikepdf.Stream(pdf, b"q 0 0 0 rg 50 700 200 20 re f Q")
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@pytest.fixture(scope="session")
def signed_pdf(unsigned_pdf: bytes, signers: Signers) -> bytes:
    return sign_pdf(unsigned_pdf, signers.officer)


@pytest.fixture(scope="session")
def both_signed_pdf(signed_pdf: bytes, signers: Signers) -> bytes:
    return sign_pdf(signed_pdf, signers.supervisor, role="supervisor")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def spec_for(data: bytes, key: str, filename: str = "ho-so.pdf") -> UploadSpec:
    return UploadSpec(filename=filename, sha256=sha256(data), size=len(data), idempotency_key=key)


def upload_bytes(transport: HttpTransport, data: bytes, key: str) -> str:
    """Create an upload for ``data`` and send all of it; returns the upload URL."""
    spec = spec_for(data, key)
    url = transport.create_upload(spec)
    done = transport.send(url, lambda o, n: data[o : o + n], spec, 0, lambda _d, _t: None, CancelToken())
    assert done == len(data)
    return url


def manifest(
    data: bytes,
    upload_url: str,
    *,
    key: str | None = None,
    station: str = "T1",
    result_code: str | None = None,
    fields: dict[str, str] | None = None,
    supervisor: str | None = None,
) -> dict[str, Any]:
    """A commit manifest for one uploaded PDF; every argument has a valid default."""
    return {
        "idempotency_key": key or str(uuid.uuid4()),
        "station": station,
        "doc_type": "generic",
        "result_code": result_code or f"001.KQ.{station}.2026.{uuid.uuid4().int % 10**6:06d}",
        "fields": fields
        or {
            "so_ky_hieu": "12/QĐ-UBND",
            "ngay_ban_hanh": "2025-03-01",
            "trich_yeu": "Về việc cấp giấy phép xây dựng",
            "chu_the_ho_ten": "Nguyễn Thị Hằng",
        },
        "issuer": {"printed": "UBND XÃ ĐA TỐN", "agency_key": "h26.gia-lam.da-ton"},
        "scope_flags": [],
        "pages": 1,
        "files": [
            {
                "role": "pdf",
                "upload": upload_url.rstrip("/").rsplit("/", 1)[-1],
                "filename": "ho-so.pdf",
                "sha256": sha256(data),
                "size": len(data),
            }
        ],
        "officer": "canbo1",
        "supervisor": supervisor,
        "signed_at": "2026-01-05T09:00:00+07:00",
        "approved_at": "2026-01-05T10:00:00+07:00",
    }
