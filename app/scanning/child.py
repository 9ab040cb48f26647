"""Run a page-producing driver job in a child process and stream its results back.

Why: native scanner libraries crash (a segfault in a backend takes the whole process with it), hang
in USB calls and keep global state (libsane reads its configuration once per process). In a child
process a crash becomes a ``DeviceError`` for the batch, pages already delivered stay delivered,
and every scan starts from a fresh library state.

Protocol over a duplex pipe. Child -> parent: ("item", obj) | ("error", class name, detail) |
("end",). Parent -> child: ("cancel",). The child job is a generator ``job(*args, should_cancel)``;
``should_cancel()`` reads pending cancel messages without blocking, so the job can also stop in the
middle of a page where its library allows it.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

from app.core import errors
from app.core.cancel import CancelToken
from app.core.errors import DeviceError, ScanCancelled, StationError

log = logging.getLogger(__name__)

Job = Callable[..., Iterator[Any]]

POLL_SECONDS = 0.05
JOIN_SECONDS = 5.0


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
    except Exception as exc:  # noqa: BLE001 - every failure must reach the parent as a DeviceError
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


def stream_from_child(job: Job, args: tuple[Any, ...], cancel: CancelToken) -> Iterator[Any]:
    """Yield what ``job(*args, should_cancel)`` yields in a spawned child process.

    Stops quietly as soon as ``cancel`` is set (the child is told to cancel and given a few
    seconds to stop, then terminated); re-raises
    the child's ``StationError``; a child that dies without a word raises ``DeviceError``.
    """
    context = multiprocessing.get_context("spawn")  # never fork: the GUI process has threads
    parent_conn, child_conn = context.Pipe(duplex=True)
    process = context.Process(target=_child_main, args=(child_conn, job, args), daemon=True)
    process.start()
    child_conn.close()
    try:
        while not cancel.cancelled:
            if not parent_conn.poll(POLL_SECONDS):
                if not process.is_alive() and not parent_conn.poll():
                    raise _died(process.exitcode)
                continue
            try:
                message = parent_conn.recv()
            except EOFError:
                process.join(JOIN_SECONDS)
                raise _died(process.exitcode) from None
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
        _stop(process, parent_conn)


def call_in_child(job: Job, args: tuple[Any, ...]) -> Any:
    """Run a job that yields exactly one result in a child process and return that result."""
    results = list(stream_from_child(job, args, CancelToken()))
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


def _stop(process: Any, conn: Connection) -> None:
    """Ask a still-running child to cancel, then make sure it is gone."""
    if process.is_alive():
        _send_cancel(conn)
        deadline = time.monotonic() + JOIN_SECONDS
        while process.is_alive() and time.monotonic() < deadline:
            try:
                if conn.poll(POLL_SECONDS):
                    conn.recv()  # drain: a child blocked sending a page could never see the cancel
            except (EOFError, OSError):
                process.join(POLL_SECONDS)
    if process.is_alive():
        log.warning("scanner driver process did not stop; terminating it")
        process.terminate()
        process.join(JOIN_SECONDS)
    conn.close()
