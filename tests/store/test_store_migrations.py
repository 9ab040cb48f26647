"""Schema management: migrations run on open, match the ORM, refuse newer schemas, ship as package data."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import setuptools
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.core.models import BatchState
from app.core.ports import ScannedPage
from app.store import NewerSchemaError, open_store
from app.store.db import make_engine
from app.store.migrate import alembic_config, head_revisions
from app.store.orm import Base
from app.store.search import is_search_table

REPO = Path(__file__).resolve().parents[2]
INITIAL_REVISION = "0001"


def _outside_search(name: str | None, type_: str, parent_names: object) -> bool:
    return not is_search_table(name, type_)


def _sqlite(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(sql).fetchall()
    conn.close()
    return rows


def test_fresh_store_is_at_head_and_matches_the_orm(data_dir: Path) -> None:
    open_store(data_dir).close()
    db = data_dir / "station.db"
    assert {row[0] for row in _sqlite(db, "SELECT version_num FROM alembic_version")} == head_revisions()
    engine = make_engine(db)
    with engine.connect() as conn:
        # The search tables (FTS5) live outside the ORM on purpose; see app.store.search.
        context = MigrationContext.configure(conn, opts={"include_name": _outside_search})
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def test_connections_use_wal_full_sync_and_foreign_keys(data_dir: Path) -> None:
    with open_store(data_dir) as store, store._engine.connect() as conn:
        pragmas = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert pragmas == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 10_000}


def test_existing_data_is_kept_when_reopened(data_dir: Path, make_page: Callable[..., ScannedPage]) -> None:
    with open_store(data_dir) as store:
        batch = store.create_batch("Lô 1")
        page = store.add_page(batch.id, make_page(1))
    with open_store(data_dir) as store:
        assert store.list_pages(batch.id) == [page]


def test_database_from_a_newer_version_is_refused_untouched(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        store.create_batch("Lô 1")
    db = data_dir / "station.db"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    conn.close()
    with pytest.raises(NewerSchemaError) as caught:
        open_store(data_dir)
    assert "Cập nhật" in caught.value.user_message("vi")
    assert _sqlite(db, "SELECT name FROM batches") == [("Lô 1",)]
    assert _sqlite(db, "SELECT version_num FROM alembic_version") == [("ffff_future",)]


def test_migrations_ship_inside_the_package() -> None:
    packages = setuptools.find_packages(where=str(REPO), include=["app*"])
    assert {"app.store", "app.store.migrations", "app.store.migrations.versions"} <= set(packages)
    migrations = REPO / "app" / "store" / "migrations"
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()


def test_database_at_the_initial_revision_is_upgraded_and_keeps_rows(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    db = data_dir / "station.db"
    engine = make_engine(db)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), INITIAL_REVISION)
    engine.dispose()
    with sqlite3.connect(db) as conn:
        conn.execute(
            "INSERT INTO batches (id, name, state, device, created_at, updated_at) "
            "VALUES (7, 'Lô cũ', 'captured', '', '2024-05-01 08:00:00', '2024-05-01 08:00:00')"
        )
    conn.close()
    with open_store(data_dir) as store:
        batch = store.get_batch(7)
    assert (batch.name, batch.state) == ("Lô cũ", BatchState.CAPTURED)
    assert {row[0] for row in _sqlite(db, "SELECT version_num FROM alembic_version")} == head_revisions()
