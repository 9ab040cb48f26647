"""The fault-injecting proxy does what sync tests rely on: forwards intact, cuts, stalls, throttles, 503s."""

from __future__ import annotations

import contextlib
import http.client
import http.server
import os
import select
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from tests.sync.faultproxy import FaultProxy


class _EchoServer:
    """Echoes every byte back on each connection; counts what it received."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.address = self.sock.getsockname()
        self.received = 0
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._serve, daemon=True)
        self._accept.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                if not select.select([self.sock], [], [], 0.05)[0]:
                    continue
                conn, _ = self.sock.accept()
            except (OSError, ValueError):
                return
            thread = threading.Thread(target=self._echo, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _echo(self, conn: socket.socket) -> None:
        with conn:
            try:
                while data := conn.recv(65536):
                    self.received += len(data)
                    conn.sendall(data)
            except OSError:
                return

    def close(self) -> None:
        self._stop.set()
        self._accept.join(timeout=5)
        self.sock.close()
        self._accept.join(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)


class _Hello(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"hello"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def echo() -> Iterator[_EchoServer]:
    server = _EchoServer()
    yield server
    server.close()


@pytest.fixture
def http_server() -> Iterator[tuple[str, int]]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[0], server.server_address[1]
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def _round_trip(port: int, payload: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        got = bytearray()
        sender = threading.Thread(target=sock.sendall, args=(payload,))
        sender.start()
        while len(got) < len(payload):
            data = sock.recv(65536)
            if not data:
                break
            got += data
        sender.join()
    return bytes(got)


def test_proxy_forwards_bytes_intact_and_counts_them(echo: _EchoServer) -> None:
    payload = os.urandom(1_000_000)
    with FaultProxy(echo.address) as proxy:
        assert _round_trip(proxy.port, payload) == payload
        time.sleep(0.05)
        assert (proxy.bytes_up, proxy.bytes_down, proxy.connections) == (len(payload), len(payload), 1)


def test_cut_drops_the_connection_after_about_n_client_bytes(echo: _EchoServer) -> None:
    with FaultProxy(echo.address, seed=3) as proxy:
        proxy.cut_around(100_000)
        with socket.create_connection(("127.0.0.1", proxy.port), timeout=10) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 * 1024 * 1024)
            with pytest.raises(OSError):
                for _ in range(100):
                    sock.sendall(os.urandom(10_000))
                    time.sleep(0.001)
                sock.recv(1)  # a cut connection answers nothing more
                sock.recv(1)
        assert proxy.cuts == 1
        assert 50_000 <= proxy.bytes_up <= 150_000
        time.sleep(0.05)
        assert echo.received == proxy.bytes_up


def test_cut_budget_carries_across_connections(echo: _EchoServer) -> None:
    with FaultProxy(echo.address, seed=5) as proxy:
        proxy.cut_around(30_000)
        for _ in range(10):
            with contextlib.suppress(OSError):
                _round_trip(proxy.port, os.urandom(20_000))
        # 200 KB offered in 20 KB connections with a cut every ~30 KB: several connections cut.
        assert 3 <= proxy.cuts <= 13


def test_stall_holds_traffic_for_the_given_time(echo: _EchoServer) -> None:
    with FaultProxy(echo.address) as proxy:
        proxy.stall(0.6)
        started = time.monotonic()
        assert _round_trip(proxy.port, b"ping") == b"ping"
        assert time.monotonic() - started >= 0.55


def test_throttle_paces_both_directions(echo: _EchoServer) -> None:
    payload = os.urandom(100_000)
    with FaultProxy(echo.address) as proxy:
        proxy.throttle(200_000)  # 100 KB each way at 200 KB/s: about half a second
        started = time.monotonic()
        assert _round_trip(proxy.port, payload) == payload
        elapsed = time.monotonic() - started
    assert 0.4 <= elapsed <= 2.5


def _get(port: int) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", "/")
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def test_fail_fraction_answers_503_to_new_connections(http_server: tuple[str, int]) -> None:
    with FaultProxy(http_server, seed=11) as proxy:
        assert _get(proxy.port) == 200
        proxy.fail_fraction(1.0)
        assert _get(proxy.port) == 503
        proxy.fail_fraction(0.5)
        statuses = [_get(proxy.port) for _ in range(40)]
        assert 8 <= statuses.count(503) <= 32
        assert statuses.count(503) + statuses.count(200) == 40
        assert proxy.refused == 1 + statuses.count(503)
