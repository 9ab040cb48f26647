"""Alembic environment: migrate the connection app.store.migrate hands over (or a URL for dev use)."""

from __future__ import annotations

import logging

from alembic import context
from sqlalchemy import create_engine

from app.store.orm import Base

log = logging.getLogger(__name__)

config = context.config
target_metadata = Base.metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copy-and-move
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    # Developer use (`alembic revision --autogenerate` with -x url=sqlite:///path).
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("pass -x url=sqlite:///path/to/station.db")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_online()
