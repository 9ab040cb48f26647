"""Run a page-producing driver job in a child process and stream its results back.

Why: native scanner libraries crash (a segfault in a backend takes the whole process with it), hang
in USB calls and keep global state (libsane reads its configuration once per process). In a child
process a crash becomes a ``DeviceError`` for the batch, pages already delivered stay delivered,
and every scan starts from a fresh library state.

The child is ``python -m app.scanning.child FD`` (not multiprocessing's spawn, which re-imports the
caller's ``__main__``: the whole GUI, or any script without a main guard) talking over a socket
pair with multiprocessing's pickling ``Connection``; in a frozen build it is the station's own
executable with ``--sohoa-scanner-child FD`` (``app.frozen``). POSIX only, like SANE; TWAIN runs
in-process.

Protocol: the parent first sends (job, args). Child -> parent: ("item", obj) | ("error", class name, detail) |
("end",). Parent -> child: ("cancel",). The child job is a generator ``job(*args, should_cancel)``;
``should_cancel()`` reads pending cancel messages without blocking, so the job can also stop in the
middle of a page where its library allows it.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

from app.core import errors
from app.core.cancel import CancelToken
from app.core.errors import DeviceError, DeviceOffline, ScanCancelled, StationError

log = logging.getLogger(__name__)

Job = Callable[..., Iterator[Any]]

POLL_SECONDS = 0.05
JOIN_SECONDS = 5.0
# A page may take long (lamp warm-up, 600 dpi colour), but minutes of silence mean a hung driver.
IDLE_TIMEOUT = 180.0
FROZEN_CHILD_FLAG = "--sohoa-scanner-child"  # a frozen build has no `-m`: app.frozen dispatches on this


class _CancelInbox:
    """The child's view of the parent's cancel requests."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._cancelled = False

    def __call__(self) -> bool:
        try:
            while not self._cancelled and self._conn.poll():
                if self._conn.recv()[0] == "cancel":
                    self._cancelled = True
        except (EOFError, OSError):
            self._cancelled = True  # parent gone: nobody will take the pages
        return self._cancelled


def _child_main(conn: Connection, job: Job, args: tuple[Any, ...]) -> None:
    should_cancel = _CancelInbox(conn)
    try:
        for item in job(*args, should_cancel):
            if not _post(conn, ("item", item)):
                return
        _post(conn, ("end",))
    except StationError as exc:
        _post(conn, ("error", type(exc).__name__, exc.detail))
    except Exception as exc:
        log.exception("scanner job failed in the child process")
        _post(conn, ("error", "DeviceError", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def _post(conn: Connection, message: tuple[Any, ...]) -> bool:
    """Send to the parent; False once the parent has stopped listening."""
    try:
        conn.send(message)
    except OSError:
        return False
    return True


def _error_from(name: str, detail: str) -> StationError:
    error_class = getattr(errors, name, DeviceError)
    if not (isinstance(error_class, type) and issubclass(error_class, StationError)):
        error_class = DeviceError
    return error_class(detail)


def _start_child() -> tuple[subprocess.Popen[bytes], Connection]:
    parent_sock, child_sock = socket.socketpair()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    command = child_command(child_sock.fileno())
    with child_sock:
        process = subprocess.Popen(
            command, pass_fds=(child_sock.fileno(),), env=env, stdin=subprocess.DEVNULL
        )
    return process, Connection(parent_sock.detach())


def child_command(fd: int) -> list[str]:
    """How to start the child: this interpreter with ``-m``, or the frozen executable with its flag."""
    if getattr(sys, "frozen", False):
        return [sys.executable, FROZEN_CHILD_FLAG, str(fd)]
    return [sys.executable, "-m", "app.scanning.child", str(fd)]


def stream_from_child(
    job: Job, args: tuple[Any, ...], cancel: CancelToken, *, idle_timeout: float = IDLE_TIMEOUT
) -> Iterator[Any]:
    """Yield what ``job(*args, should_cancel)`` yields, run in a child process.

    Stops quietly as soon as ``cancel`` is set (the child is told to cancel and given a few
    seconds to stop, then terminated); re-raises the child's ``StationError``; a child that dies
    without a word raises ``DeviceError``; one silent for ``idle_timeout`` seconds (a hung USB
    call, a backend dead-lock) raises ``DeviceOffline`` and is terminated.
    """
    process, conn = _start_child()
    try:
        conn.send((job, args))
        last_heard = time.monotonic()
        while not cancel.cancelled:
            if not conn.poll(POLL_SECONDS):
                if process.poll() is not None and not conn.poll():
                    raise _died(process.returncode)
                if time.monotonic() - last_heard > idle_timeout:
                    log.error("scanner driver process silent for %.0f s; stopping it", idle_timeout)
                    raise DeviceOffline(f"no answer from the scanner for {idle_timeout:.0f} s")
                continue
            last_heard = time.monotonic()
            try:
                message = conn.recv()
            except EOFError:
                raise _died(_wait(process)) from None
            if message[0] == "end":
                return
            if message[0] == "error":
                error = _error_from(message[1], message[2])
                if cancel.cancelled and isinstance(error, ScanCancelled):
                    return
                raise error
            if not cancel.cancelled:
                yield message[1]
    finally:
        _stop(process, conn)


def call_in_child(job: Job, args: tuple[Any, ...], *, idle_timeout: float = IDLE_TIMEOUT) -> Any:
    """Run a job that yields exactly one result in a child process and return that result."""
    results = list(stream_from_child(job, args, CancelToken(), idle_timeout=idle_timeout))
    if len(results) != 1:
        raise DeviceError(f"driver process returned {len(results)} results instead of one")
    return results[0]


def _send_cancel(conn: Connection) -> None:
    try:
        conn.send(("cancel",))
    except OSError:
        log.debug("child already gone when cancel was sent")


def _died(exitcode: int | None) -> DeviceError:
    log.error("scanner driver process stopped unexpectedly (exit code %s)", exitcode)
    return DeviceError(f"scanner driver process stopped unexpectedly (exit code {exitcode})")


def _wait(process: subprocess.Popen[bytes]) -> int | None:
    try:
        return process.wait(JOIN_SECONDS)
    except subprocess.TimeoutExpired:
        return None


def _stop(process: subprocess.Popen[bytes], conn: Connection) -> None:
    """Ask a still-running child to cancel, then make sure it is gone."""
    if process.poll() is None:
        _send_cancel(conn)
        deadline = time.monotonic() + JOIN_SECONDS
        while process.poll() is None and time.monotonic() < deadline:
            try:
                if conn.poll(POLL_SECONDS):
                    conn.recv()  # drain: a child blocked sending a page could never see the cancel
            except (EOFError, OSError):
                _wait_briefly(process)
    if process.poll() is None:
        log.warning("scanner driver process did not stop; terminating it")
        process.terminate()
        _wait(process)
    conn.close()


def _wait_briefly(process: subprocess.Popen[bytes]) -> None:
    try:
        process.wait(POLL_SECONDS)
    except subprocess.TimeoutExpired:
        return


def run_child(fd: int) -> None:
    """The child's side: take the job from the socket ``fd`` and stream its results back."""
    conn = Connection(fd)
    job, args = conn.recv()
    _child_main(conn, job, args)


if __name__ == "__main__":
    run_child(int(sys.argv[1]))
