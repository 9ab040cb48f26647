"""Upload + commit through the real service and client: receipts, idempotency, status, search, file."""

from __future__ import annotations

import httpx

from app.core.sync_port import Receipt
from tests.sync.conftest import CentralServer, manifest, sha256, upload_bytes


def test_signed_pdf_round_trip_gives_a_receipt_and_the_same_bytes_back(
    central_server: CentralServer, both_signed_pdf: bytes
) -> None:
    client = central_server.transport()
    url = upload_bytes(client, both_signed_pdf, "key-1")
    body = manifest(both_signed_pdf, url, key="key-1", supervisor="lanhdao1")
    receipt = client.commit(body)
    assert receipt.sha256 == sha256(both_signed_pdf)
    assert (receipt.idempotency_key, receipt.station) == ("key-1", "T1")
    assert client.lookup("key-1") == receipt
    assert central_server.upload_files() == []  # the upload was consumed
    with httpx.Client(base_url=central_server.base_url) as http:
        auth = {"Authorization": f"Bearer {central_server.token}"}
        got = http.get(f"/api/v1/documents/{receipt.server_id}/file", headers=auth)
        assert got.status_code == 200 and got.content == both_signed_pdf
        detail = http.get(f"/api/v1/documents/{receipt.server_id}", headers=auth).json()
        assert detail["fields"]["chu_the_ho_ten"] == "Nguyễn Thị Hằng"


def test_recommit_returns_the_same_receipt_and_no_second_record(
    central_server: CentralServer, signed_pdf: bytes
) -> None:
    client = central_server.transport()
    url = upload_bytes(client, signed_pdf, "key-2")
    body = manifest(signed_pdf, url, key="key-2")
    first = client.commit(body)
    again = client.commit(body)  # the upload is gone by now: the receipt still comes back
    assert again == first
    assert central_server.document_count() == 1
    assert len(central_server.stored_files()) == 1


def test_same_key_with_another_pdf_is_a_conflict(
    central_server: CentralServer, signed_pdf: bytes, both_signed_pdf: bytes
) -> None:
    client = central_server.transport()
    client.commit(manifest(signed_pdf, upload_bytes(client, signed_pdf, "k"), key="k"))
    other = manifest(both_signed_pdf, upload_bytes(client, both_signed_pdf, "k"), key="k")
    response = httpx.post(
        f"{central_server.base_url}/api/v1/documents",
        json=other,
        headers={"Authorization": f"Bearer {central_server.token}"},
    )
    assert response.status_code == 409 and response.json()["error"] == "idempotency_conflict"
    assert central_server.document_count() == 1


def test_lookup_of_an_unknown_key_is_none(central_server: CentralServer) -> None:
    assert central_server.transport().lookup("never-sent") is None


def test_search_ignores_diacritics_and_sees_only_own_station(
    central_server: CentralServer, signed_pdf: bytes
) -> None:
    client = central_server.transport()
    receipt: Receipt = client.commit(manifest(signed_pdf, upload_bytes(client, signed_pdf, "s1"), key="s1"))
    with httpx.Client(base_url=central_server.base_url) as http:

        def search(q: str, token: str) -> list[str]:
            reply = http.get(
                "/api/v1/documents", params={"q": q}, headers={"Authorization": f"Bearer {token}"}
            )
            assert reply.status_code == 200
            return [item["server_id"] for item in reply.json()["items"]]

        assert search("nguyen thi hang", central_server.token) == [receipt.server_id]
        assert search("HẰNG  giấy phép", central_server.token) == [receipt.server_id]
        assert search("khong co", central_server.token) == []
        assert search("hang", central_server.other_token) == []


def test_health_and_openapi_describe_the_service(central_server: CentralServer) -> None:
    assert central_server.transport().health()
    spec = httpx.get(f"{central_server.base_url}/openapi.json").json()
    assert "ErrorBody" in spec["components"]["schemas"]
    assert "/api/v1/uploads/{upload_id}" in spec["paths"]
    refused = spec["paths"]["/api/v1/documents"]["post"]["responses"]["422"]
    assert refused["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")


def test_health_is_false_when_nothing_listens() -> None:
    from app.sync.transport import HttpTransport

    with HttpTransport("http://127.0.0.1:9", "x", timeout=1.0) as client:
        assert client.health() is False
