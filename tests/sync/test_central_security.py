"""Refusals: tokens, other stations' data, names, sizes, signatures and fields — nothing stored."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives import serialization

from app.central.config import CentralConfig
from app.core.cancel import CancelToken
from app.core.errors import SyncAuthRequired, SyncRejected
from app.pdf.certs import make_test_ca
from tests.sync.conftest import (
    CentralServer,
    Signers,
    manifest,
    sha256,
    spec_for,
    start_central,
    upload_bytes,
)

TUS = {"Tus-Resumable": "1.0.0"}


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **TUS}


def _meta(filename: str, digest: str = "0" * 64) -> str:
    enc = base64.b64encode
    return f"filename {enc(filename.encode()).decode()},sha256 {enc(digest.encode()).decode()}"


@pytest.fixture
def http(central_server: CentralServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=central_server.base_url, timeout=10) as client:
        yield client


def _nothing_stored(server: CentralServer) -> None:
    assert server.document_count() == 0
    assert server.stored_files() == []


@pytest.mark.parametrize("headers", [TUS, {"Authorization": "Bearer not-a-token", **TUS}])
def test_missing_or_wrong_token_is_401(
    central_server: CentralServer, http: httpx.Client, headers: dict[str, str]
) -> None:
    reply = http.post(
        "/api/v1/uploads/", headers={**headers, "Upload-Length": "10", "Upload-Metadata": _meta("a.pdf")}
    )
    assert reply.status_code == 401 and reply.json()["error"] == "auth_required"
    assert reply.json()["message_vi"]
    assert http.get("/api/v1/documents", headers=headers).status_code == 401
    assert central_server.upload_files() == []


def test_wrong_token_raises_auth_required_in_the_client(
    central_server: CentralServer, signed_pdf: bytes
) -> None:
    with pytest.raises(SyncAuthRequired):
        central_server.transport(token="sai").create_upload(spec_for(signed_pdf, "k"))


def test_tokens_stay_in_their_role(central_server: CentralServer, http: httpx.Client) -> None:
    listed = http.get("/api/v1/admin/stations", headers=_auth(central_server.token))
    assert listed.status_code == 403 and listed.json()["error"] == "forbidden"
    as_admin = http.get("/api/v1/documents", headers=_auth(central_server.admin_token))
    assert as_admin.status_code == 403
    made = http.post(
        "/api/v1/admin/stations",
        json={"code": "T3", "name": "Trạm 3"},
        headers=_auth(central_server.admin_token),
    )
    assert made.status_code == 201
    assert http.get("/api/v1/documents", headers=_auth(made.json()["token"])).status_code == 200


def test_another_stations_upload_and_document_are_invisible(
    central_server: CentralServer, http: httpx.Client, signed_pdf: bytes
) -> None:
    mine = central_server.transport()
    url = mine.create_upload(spec_for(signed_pdf, "k"))
    theirs = _auth(central_server.other_token)
    assert http.head(url, headers=theirs).status_code == 404
    patch = {**theirs, "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"}
    assert http.patch(url, headers=patch, content=signed_pdf[:100]).status_code == 404
    assert http.delete(url, headers=theirs).status_code == 404
    assert mine.upload_offset(url) == 0  # untouched
    mine.send(
        url, lambda o, n: signed_pdf[o : o + n], spec_for(signed_pdf, "k"), 0, lambda *_: None, CancelToken()
    )
    body = manifest(signed_pdf, url, key="k")
    stolen = http.post("/api/v1/documents", json={**body, "station": "T2"}, headers=theirs)
    assert stolen.status_code == 422 and stolen.json()["problems"][0]["field"] == "files[0].upload"
    posing = http.post("/api/v1/documents", json=body, headers=theirs)
    assert posing.status_code == 403
    receipt = mine.commit(body)
    for path in (
        f"/api/v1/documents/{receipt.server_id}",
        f"/api/v1/documents/{receipt.server_id}/file",
        "/api/v1/documents/by-key/k",
    ):
        assert http.get(path, headers=theirs).status_code == 404


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "a/b.pdf", "..\\x.pdf", "x\x00.pdf", "", "a" * 201 + ".pdf"]
)
def test_path_traversal_and_bad_names_are_refused(
    central_server: CentralServer, http: httpx.Client, name: str
) -> None:
    headers = {**_auth(central_server.token), "Upload-Length": "10", "Upload-Metadata": _meta(name)}
    reply = http.post("/api/v1/uploads/", headers=headers)
    assert reply.status_code == 400 and reply.json()["error"] == "bad_metadata"
    assert central_server.upload_files() == []


def test_oversize_is_refused_when_declared_and_when_streamed(tmp_path: Path) -> None:
    config = CentralConfig(data_dir=tmp_path / "c", max_upload_bytes=1000)
    with start_central(config) as server, httpx.Client(base_url=server.base_url) as http:
        auth = _auth(server.token)
        declared = http.post(
            "/api/v1/uploads/", headers={**auth, "Upload-Length": "1001", "Upload-Metadata": _meta("a.pdf")}
        )
        assert declared.status_code == 413 and declared.json()["error"] == "too_large"
        made = http.post(
            "/api/v1/uploads/", headers={**auth, "Upload-Length": "100", "Upload-Metadata": _meta("a.pdf")}
        )
        url = made.headers["location"]
        patch = {**auth, "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"}
        assert http.patch(url, headers=patch, content=b"x" * 200).status_code == 413
        streamed = http.patch(url, headers=patch, content=iter([b"x" * 60, b"x" * 60]))  # chunked: no length
        assert streamed.status_code == 413
        assert http.head(url, headers=auth).headers["upload-offset"] == "0"
        assert [p.stat().st_size for p in server.upload_files()] == [0]


def _commit_raw(server: CentralServer, data: bytes, **kwargs: object) -> httpx.Response:
    url = upload_bytes(server.transport(), data, "k")
    body = manifest(data, url, key="k", **kwargs)  # type: ignore[arg-type]
    return httpx.post(f"{server.base_url}/api/v1/documents", json=body, headers=_auth(server.token))


def test_pdf_changed_after_signing_is_refused_and_nothing_stored(
    central_server: CentralServer, signed_pdf: bytes
) -> None:
    tampered = bytearray(signed_pdf)
    at = tampered.find(b"50 700 200 20")
    tampered[at : at + 2] = b"60"
    reply = _commit_raw(central_server, bytes(tampered))
    assert reply.status_code == 422 and reply.json()["error"] == "bad_signature"
    _nothing_stored(central_server)
    appended = _commit_raw(central_server, signed_pdf + b"\n% them dong\n")
    assert appended.status_code == 422 and appended.json()["error"] == "bad_signature"
    _nothing_stored(central_server)


def test_unsigned_pdf_and_missing_supervisor_signature_are_refused(
    central_server: CentralServer, unsigned_pdf: bytes, signed_pdf: bytes
) -> None:
    reply = _commit_raw(central_server, unsigned_pdf)
    assert reply.status_code == 422 and reply.json()["error"] == "bad_signature"
    assert "ký số" in reply.json()["message_vi"]
    reply = _commit_raw(central_server, signed_pdf, supervisor="lanhdao1")
    assert reply.status_code == 422 and reply.json()["error"] == "bad_signature"
    _nothing_stored(central_server)


def test_invalid_fields_are_refused_with_problems(central_server: CentralServer, signed_pdf: bytes) -> None:
    reply = _commit_raw(central_server, signed_pdf, fields={"ngay_ban_hanh": "2099-01-01"})
    assert reply.status_code == 422 and reply.json()["error"] == "invalid_manifest"
    assert [p["field"] for p in reply.json()["problems"]] == ["fields.ngay_ban_hanh"]
    with pytest.raises(SyncRejected) as refused:
        central_server.transport().commit({"station": "T1"})
    assert "hợp lệ" in refused.value.message_vi
    _nothing_stored(central_server)


def test_whole_file_checksum_mismatch_discards_the_upload(
    central_server: CentralServer, signed_pdf: bytes
) -> None:
    client = central_server.transport()
    spec = spec_for(signed_pdf, "k")
    wrong = type(spec)(spec.filename, sha256(b"other"), spec.size, "k")
    url = client.create_upload(wrong)
    with pytest.raises(SyncRejected):
        client.send(url, lambda o, n: signed_pdf[o : o + n], wrong, 0, lambda *_: None, CancelToken())
    assert central_server.upload_files() == []
    with pytest.raises(SyncRejected):
        client.upload_offset(url)


def test_bad_chunk_checksum_and_wrong_offset_keep_the_offset(
    central_server: CentralServer, http: httpx.Client
) -> None:
    auth = _auth(central_server.token)
    url = http.post(
        "/api/v1/uploads/", headers={**auth, "Upload-Length": "10", "Upload-Metadata": _meta("a.pdf")}
    ).headers["location"]
    patch = {**auth, "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"}
    bad = base64.b64encode(bytes(32)).decode()
    reply = http.patch(url, headers={**patch, "Upload-Checksum": f"sha256 {bad}"}, content=b"12345")
    assert reply.status_code == 460
    assert http.patch(url, headers={**patch, "Upload-Offset": "3"}, content=b"12345").status_code == 409
    assert http.head(url, headers=auth).headers["upload-offset"] == "0"
    assert http.patch(url, headers=patch, content=b"12345").headers["upload-offset"] == "5"


def test_trust_roots_accept_the_right_ca_only(tmp_path: Path, signed_pdf: bytes, signers: Signers) -> None:
    stranger = tmp_path / "other-ca.pem"
    stranger.write_bytes(make_test_ca().cert.public_bytes(serialization.Encoding.PEM))
    with start_central(CentralConfig(data_dir=tmp_path / "bad", trust_roots=(stranger,))) as server:
        reply = _commit_raw(server, signed_pdf)
        assert reply.status_code == 422 and reply.json()["error"] == "bad_signature"
        _nothing_stored(server)
    with start_central(CentralConfig(data_dir=tmp_path / "good", trust_roots=(signers.ca_pem,))) as server:
        client = server.transport()
        receipt = client.commit(manifest(signed_pdf, upload_bytes(client, signed_pdf, "k"), key="k"))
        assert receipt.sha256 == sha256(signed_pdf)
