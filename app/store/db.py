"""SQLite engine for the store: durable pragmas on every connection, real transactions, error mapping.

Durability choice: WAL with ``synchronous=FULL``. In WAL mode NORMAL survives a killed process but can
lose the last commits on power loss; the station acknowledges a page only after its commit, and a
power cut must not lose an acknowledged page, so every commit syncs the WAL (a few ms per page).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from app.core.errors import DiskFull, StoreError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
# Execution option: start the transaction with BEGIN IMMEDIATE (take the write lock up front, so a
# writer waits for another process's writer through busy_timeout instead of failing mid-transaction).
IMMEDIATE = "sohoa_begin_immediate"

_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA foreign_keys=ON",
)


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    # pysqlite's own implicit transactions skip DDL and start lazily; turn them off and let the
    # "begin" hook below emit BEGIN, so migrations and writes are atomic.
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    try:
        for pragma in _PRAGMAS:
            cursor.execute(pragma)
        mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("SQLite refused WAL mode (journal_mode=%s); durability still holds", mode)
    finally:
        cursor.close()


def _on_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get(IMMEDIATE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(db_path: Path) -> Engine:
    """An engine on ``db_path`` whose every pooled connection carries the station's pragmas."""
    engine = create_engine(
        f"sqlite+pysqlite:///{db_path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, but transactions take SQLite's write lock when they begin."""
    return engine.execution_options(**{IMMEDIATE: True})


def _sqlite_code(exc: DBAPIError) -> int | None:
    orig = exc.orig
    code = getattr(orig, "sqlite_errorcode", None)
    return code if isinstance(code, int) else None


def store_error_from_db(exc: SQLAlchemyError, action: str) -> StoreError:
    """Map a database failure: a full disk (SQLITE_FULL) is DiskFull, anything else StoreError."""
    if isinstance(exc, DBAPIError):
        code = _sqlite_code(exc)
        if code is not None and code & 0xFF == sqlite3.SQLITE_FULL:
            return DiskFull(action)
        if code is None and "disk is full" in str(exc.orig):
            return DiskFull(action)
    return StoreError(f"{action}: {exc.__class__.__name__}")


@contextlib.contextmanager
def translated(action: str) -> Iterator[None]:
    """Run a block, turning SQLAlchemy failures into the station's store errors."""
    try:
        yield
    except SQLAlchemyError as exc:
        log.error("Store failure while %s: %s", action, exc.__class__.__name__)
        raise store_error_from_db(exc, action) from exc


def integrity_check(engine: Engine) -> list[str]:
    """SQLite's own structural check: ["ok"] when the database file is sound."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
    return [str(row[0]) for row in rows]


class WriteSession:
    """A session in one BEGIN IMMEDIATE transaction: commit on success, roll back on error."""

    def __init__(self, engine: Engine) -> None:
        self._session = Session(engine, expire_on_commit=False)

    def __enter__(self) -> Session:
        self._session.begin()
        return self._session

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if exc_type is None:
                self._session.commit()
            else:
                self._session.rollback()
        finally:
            self._session.close()
