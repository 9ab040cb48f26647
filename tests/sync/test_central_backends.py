"""The service on PostgreSQL (a real server started for the test) and on an S3-compatible store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import boto3
import httpx
import pytest

from app.central.config import CentralConfig, S3Config
from tests.sync.conftest import manifest, sha256, start_central, upload_bytes
from tests.sync.pg import postgres_server


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


def test_round_trip_and_idempotency_on_postgresql(
    tmp_path: Path, postgres_url: str, signed_pdf: bytes
) -> None:
    with start_central(CentralConfig(data_dir=tmp_path / "c", database_url=postgres_url)) as server:
        assert server.central.db.engine.dialect.name == "postgresql"
        client = server.transport()
        body = manifest(signed_pdf, upload_bytes(client, signed_pdf, "pg-1"), key="pg-1")
        first = client.commit(body)
        assert client.commit(body) == first
        assert client.lookup("pg-1") == first
        assert server.document_count() == 1
        reply = httpx.get(
            f"{server.base_url}/api/v1/documents",
            params={"q": "hang"},
            headers={"Authorization": f"Bearer {server.token}"},
        )
        assert [item["server_id"] for item in reply.json()["items"]] == [first.server_id]


@pytest.fixture
def s3_endpoint(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


def test_files_go_to_the_s3_bucket_and_come_back(tmp_path: Path, s3_endpoint: str, signed_pdf: bytes) -> None:
    s3 = S3Config(bucket="kho-so-hoa", endpoint_url=s3_endpoint, access_key="testing", secret_key="testing")
    with start_central(CentralConfig(data_dir=tmp_path / "c", s3=s3)) as server:
        client = server.transport()
        receipt = client.commit(manifest(signed_pdf, upload_bytes(client, signed_pdf, "s3"), key="s3"))
        assert server.stored_files() == []  # nothing in the local folder: the bucket holds it
        bucket = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
        key = f"documents/T1/{sha256(signed_pdf)}.pdf"
        assert bucket.get_object(Bucket="kho-so-hoa", Key=key)["Body"].read() == signed_pdf
        got = httpx.get(
            f"{server.base_url}/api/v1/documents/{receipt.server_id}/file",
            headers={"Authorization": f"Bearer {server.token}"},
        )
        assert got.content == signed_pdf
