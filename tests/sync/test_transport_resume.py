"""The HTTP transport against the real service: resume after a drop, cuts, 5xx, bandwidth cap, cancel."""

from __future__ import annotations

import os
import socket
import time
from urllib.parse import urlsplit

import pytest

from app.core.cancel import CancelToken
from app.core.errors import SyncTransient
from tests.sync.conftest import CentralServer, manifest, sha256, spec_for
from tests.sync.faultproxy import FaultProxy


def _partial_patch(server: CentralServer, url: str, data: bytes, sent: int) -> None:
    """Send a PATCH declaring all of ``data`` but only ``sent`` bytes of it, then drop the connection."""
    path = urlsplit(url).path
    head = (
        f"PATCH {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {server.token}\r\n"
        f"Tus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\n"
        f"Upload-Offset: 0\r\nContent-Length: {len(data)}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(head + data[:sent])
        time.sleep(0.2)  # let the server write what it got before the line drops


def _wait_offset(server: CentralServer, url: str, expected: int) -> int:
    client = server.transport()
    deadline = time.monotonic() + 5
    while (offset := client.upload_offset(url)) != expected and time.monotonic() < deadline:
        time.sleep(0.05)
    return offset


def test_bytes_sent_before_a_drop_are_kept_and_the_upload_resumes(
    central_server: CentralServer, signed_pdf: bytes
) -> None:
    client = central_server.transport(chunk_size=4096)
    spec = spec_for(signed_pdf, "resume")
    url = client.create_upload(spec)
    half = len(signed_pdf) // 2
    _partial_patch(central_server, url, signed_pdf, half)
    assert _wait_offset(central_server, url, half) == half
    seen: list[tuple[int, int]] = []
    done = client.send(
        url, lambda o, n: signed_pdf[o : o + n], spec, half, lambda d, t: seen.append((d, t)), CancelToken()
    )
    assert done == len(signed_pdf) and seen[-1] == (len(signed_pdf), len(signed_pdf))
    receipt = client.commit(manifest(signed_pdf, url, key="resume"))
    assert receipt.sha256 == sha256(signed_pdf)


def test_upload_through_a_cutting_proxy_arrives_intact(central_server: CentralServer) -> None:
    payload = os.urandom(600_000)
    with FaultProxy(("127.0.0.1", central_server.port), seed=5) as proxy:
        client = central_server.transport(chunk_size=64 * 1024)
        proxied = type(client)(proxy.url, central_server.token, timeout=5.0, chunk_size=64 * 1024)
        spec = spec_for(payload, "cut")
        url = proxied.create_upload(spec)
        proxy.cut_around(150_000)
        offset, attempts = 0, 0
        while offset < len(payload) and attempts < 40:
            attempts += 1
            try:
                offset = proxied.upload_offset(url)
                offset = proxied.send(
                    url, lambda o, n: payload[o : o + n], spec, offset, lambda *_: None, CancelToken()
                )
            except SyncTransient:
                continue
        proxied.close()
        assert offset == len(payload) and proxy.cuts >= 2
        assert proxy.bytes_up < 1.5 * len(payload)
    stored = central_server.upload_files()
    assert len(stored) == 1 and stored[0].read_bytes() == payload


def test_unavailable_service_is_transient_with_retry_after(central_server: CentralServer) -> None:
    with FaultProxy(("127.0.0.1", central_server.port)) as proxy:
        proxy.fail_fraction(1.0)
        client = central_server.transport()
        proxied = type(client)(proxy.url, central_server.token, timeout=5.0)
        with pytest.raises(SyncTransient) as failed:
            proxied.lookup("k")
        proxied.close()
    assert failed.value.retry_after == 0.0


def test_connection_refused_is_transient() -> None:
    from app.sync.transport import HttpTransport

    with HttpTransport("http://127.0.0.1:9", "t", timeout=1.0) as client, pytest.raises(SyncTransient):
        client.create_upload(spec_for(b"x", "k"))


def test_bandwidth_cap_holds_the_rate(central_server: CentralServer) -> None:
    payload = os.urandom(48 * 1024)
    client = central_server.transport(chunk_size=16 * 1024, rate_limit_bps=32 * 1024 * 8)  # 32 KiB/s
    spec = spec_for(payload, "slow")
    url = client.create_upload(spec)
    started = time.monotonic()
    assert client.send(url, lambda o, n: payload[o : o + n], spec, 0, lambda *_: None, CancelToken()) == len(
        payload
    )
    elapsed = time.monotonic() - started
    assert 1.3 < elapsed < 4.0


def test_cancel_stops_between_chunks_at_the_servers_offset(central_server: CentralServer) -> None:
    payload = os.urandom(200_000)
    client = central_server.transport(chunk_size=32 * 1024)
    spec = spec_for(payload, "stop")
    url = client.create_upload(spec)
    cancel = CancelToken()

    def progress(done: int, _total: int) -> None:
        if done >= 64 * 1024:
            cancel.cancel()

    stopped = client.send(url, lambda o, n: payload[o : o + n], spec, 0, progress, cancel)
    assert stopped == 64 * 1024 == client.upload_offset(url)
