"""A real TCP proxy on 127.0.0.1 with switchable faults, for sync tests and benchmarks.

Faults (all thread-safe, switchable while traffic flows):
- ``cut_around(n)``: cut the connection (RST) after a random number of client->server bytes drawn
  uniformly from 0.5n..1.5n, counted across connections (a link that drops every ~n bytes);
- ``stall(seconds)``: forward nothing in either direction for that long, starting now;
- ``throttle(bytes_per_s)``: pace both directions to that rate (each direction its own budget);
- ``fail_fraction(p)``: answer that fraction of new connections with ``HTTP 503`` after reading
  the request head, then close.
Counters: ``bytes_up`` (client->server, forwarded), ``bytes_down``, ``connections``, ``cuts``,
``refused``.
"""

from __future__ import annotations

import contextlib
import random
import select
import socket
import struct
import threading
import time
from types import TracebackType

CHUNK = 64 * 1024
PACED_CHUNK = 4 * 1024
RESPONSE_503 = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 0\r\n"
    b'Connection: close\r\nContent-Length: 25\r\n\r\n{"error": "unavailable"}\n'
)


class _Pacer:
    """Spaces out sends so a direction averages ``rate`` bytes/s (shared by every connection)."""

    def __init__(self) -> None:
        self.rate: float | None = None
        self._next = time.monotonic()
        self._lock = threading.Lock()

    def wait_for(self, n: int) -> float:
        with self._lock:
            if self.rate is None:
                return 0.0
            now = time.monotonic()
            start = max(self._next, now)
            self._next = start + n / self.rate
            return max(0.0, start - now)


class FaultProxy:
    def __init__(self, upstream: tuple[str, int], *, seed: int = 0) -> None:
        self.upstream = upstream
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._threads_lock = threading.Lock()
        self._socks: set[socket.socket] = set()
        self._draining: set[socket.socket] = set()
        self._cut_n: int | None = None
        self._budget: int | None = None
        self._stall_until = 0.0
        self._fail_p = 0.0
        self._pacers = {"up": _Pacer(), "down": _Pacer()}
        self.bytes_up = 0
        self.bytes_down = 0
        self.connections = 0
        self.cuts = 0
        self.refused = 0

    # --- control ---------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cut_around(self, n: int | None) -> None:
        with self._lock:
            self._cut_n = n
            self._budget = self._draw_budget()

    def stall(self, seconds: float) -> None:
        with self._lock:
            self._stall_until = time.monotonic() + seconds

    def throttle(self, bytes_per_s: float | None) -> None:
        for pacer in self._pacers.values():
            pacer.rate = bytes_per_s

    def fail_fraction(self, p: float) -> None:
        with self._lock:
            self._fail_p = p

    def clear(self) -> None:
        self.cut_around(None)
        self.throttle(None)
        self.fail_fraction(0.0)
        with self._lock:
            self._stall_until = 0.0

    def reset_counters(self) -> None:
        with self._lock:
            self.bytes_up = self.bytes_down = self.connections = self.cuts = self.refused = 0

    # --- life cycle --------------------------------------------------------------------------------
    def start(self) -> FaultProxy:
        self._spawn(self._accept_loop)
        return self

    def stop(self) -> None:
        self._stop.set()
        self._listener.close()
        with self._lock:
            socks = list(self._socks)
            draining = list(self._draining)
        for sock in socks:
            _close(sock, reset=True)
        for sock in draining:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes the drainer's recv
        with self._threads_lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(timeout=5)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # --- internals ---------------------------------------------------------------------------------
    def _spawn(self, target: object, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True, name="faultproxy")  # type: ignore[arg-type]
        with self._threads_lock:
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(thread)
        thread.start()

    def _draw_budget(self) -> int | None:
        if self._cut_n is None:
            return None
        return max(1, round(self._rng.uniform(0.5, 1.5) * self._cut_n))

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([self._listener], [], [], 0.1)
                if not ready:
                    continue
                client, _ = self._listener.accept()
            except (OSError, ValueError):
                return
            with self._lock:
                self.connections += 1
                refuse = self._fail_p > 0 and self._rng.random() < self._fail_p
            if refuse:
                self._spawn(self._answer_503, client)
            else:
                self._spawn(self._connect, client)

    def _answer_503(self, client: socket.socket) -> None:
        with self._lock:  # counted before answering: a test reads it as soon as the 503 arrives
            self.refused += 1
        with client:
            client.settimeout(5)
            head = b""
            try:
                while b"\r\n\r\n" not in head and len(head) < 65536:
                    data = client.recv(4096)
                    if not data:
                        break
                    head += data
                client.sendall(RESPONSE_503)
            except OSError:
                pass

    def _connect(self, client: socket.socket) -> None:
        try:
            server = socket.create_connection(self.upstream, timeout=5)
        except OSError:
            _close(client, reset=True)
            return
        server.settimeout(None)
        with self._lock:
            self._socks.update((client, server))
        self._spawn(self._pump, client, server, "up")
        self._pump(server, client, "down")
        with self._lock:  # the server finished its answer and closed: close politely
            done = client in self._socks
            self._socks.discard(client)
            self._socks.discard(server)
        if done:
            _close(client, reset=False)
            _close(server, reset=False)

    def _pump(self, src: socket.socket, dst: socket.socket, direction: str) -> None:
        pacer = self._pacers[direction]
        client, server = (src, dst) if direction == "up" else (dst, src)
        try:
            while not self._stop.is_set():
                data = src.recv(PACED_CHUNK if pacer.rate else CHUNK)
                if not data:
                    dst.shutdown(socket.SHUT_WR)
                    return
                self._hold_while_stalled()
                time.sleep(pacer.wait_for(len(data)))
                if not self._forward(dst, data, direction):
                    self._cut(client, server)
                    return
        except OSError:
            self._cut(client, server)

    def _forward(self, dst: socket.socket, data: bytes, direction: str) -> bool:
        """Send ``data`` (or the part the cut budget allows); False when the link must be cut now."""
        with self._lock:
            allowed = len(data)
            if direction == "up" and self._budget is not None:
                allowed = min(allowed, self._budget)
                self._budget -= allowed
        if allowed:
            dst.sendall(data[:allowed])
        with self._lock:
            if direction == "up":
                self.bytes_up += allowed
            else:
                self.bytes_down += allowed
            if direction == "up" and self._budget is not None and self._budget <= 0:
                self.cuts += 1
                self._budget = self._draw_budget()
                return False
        return True

    def _hold_while_stalled(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                left = self._stall_until - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(left, 0.05))

    def _cut(self, client: socket.socket, server: socket.socket) -> None:
        """Drop the link: the client gets a reset; the server gets the bytes that already reached it,
        then end-of-stream, as a server behind a really broken link would (a reset would make its
        kernel discard data it had already acknowledged, which no real link does)."""
        with self._lock:
            if server not in self._socks:
                return  # already cut or closed
            self._socks.discard(client)
            self._socks.discard(server)
        _close(client, reset=True)
        try:
            server.shutdown(socket.SHUT_WR)
        except OSError:
            _close(server, reset=False)
            return
        with self._lock:
            self._draining.add(server)
        self._spawn(self._drain_and_close, server)

    def _drain_and_close(self, sock: socket.socket) -> None:
        """Read (and drop) what the server still says until it closes, so closing sends no reset."""
        try:
            sock.settimeout(5)
            while not self._stop.is_set() and sock.recv(65536):
                pass
        except OSError:
            pass
        with self._lock:
            self._draining.discard(sock)
        _close(sock, reset=False)


def _close(sock: socket.socket, *, reset: bool) -> None:
    try:
        if reset:
            # Linger 0: close with RST, like a dropped link rather than a polite FIN.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
    except OSError:
        pass
