"""Schema versioning: run the packaged Alembic migrations up to head when the store opens."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from app.core.errors import StoreError
from app.store.db import translated, writer

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class NewerSchemaError(StoreError):
    code = "schema_too_new"
    message_vi = (
        "Dữ liệu trên máy được tạo bởi phiên bản Trạm Số hóa mới hơn. Cập nhật phần mềm rồi mở lại; "
        "dữ liệu không bị thay đổi."
    )
    message_en = "The local data was written by a newer version of the station. Update the software."


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic configured in code (no alembic.ini at run time), optionally bound to a connection."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def head_revisions() -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(conn: Connection) -> set[str]:
    return set(MigrationContext.configure(conn).get_current_heads())


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database to the newest schema in one transaction; refuse a schema from the future."""
    script = ScriptDirectory.from_config(alembic_config())
    heads = set(script.get_heads())
    known = {rev.revision for rev in script.walk_revisions()}
    with translated("upgrading the database schema"), writer(engine).begin() as conn:
        current = current_revisions(conn)
        if current - known:
            raise NewerSchemaError(f"unknown schema revision {sorted(current - known)}")
        if current == heads:
            return
        log.info("Upgrading the store schema from %s to %s", sorted(current) or "empty", sorted(heads))
        command.upgrade(alembic_config(conn), "heads")
        after = current_revisions(conn)
    if after != heads:
        raise StoreError(f"schema upgrade stopped at {sorted(after)}")
