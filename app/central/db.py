"""Engine and sessions for the service's database (SQLite file by default, PostgreSQL by URL)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from app.central.models import Base

log = logging.getLogger(__name__)


def make_engine(url: str) -> Engine:
    """An engine with the tables created; SQLite gets WAL, a busy timeout and cross-thread use."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    Base.metadata.create_all(engine)
    _add_new_columns(engine)
    log.info("central database ready (%s)", engine.dialect.name)
    return engine


# Columns added after a table was first released: create_all does not add them to an existing table.
NEW_COLUMNS = (("station_releases", "notes_en", "TEXT NOT NULL DEFAULT ''"),)


def _add_new_columns(engine: Engine) -> None:
    tables = inspect(engine)
    for table, column, definition in NEW_COLUMNS:
        if column not in {c["name"] for c in tables.get_columns(table)}:
            with engine.begin() as connection:
                connection.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {definition}"))
            log.info("central database: column %s.%s added", table, column)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Database:
    """Short sessions, one per request: ``with db.session() as s: ...`` commits on success."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._factory() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
