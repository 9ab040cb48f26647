"""The station's settings in the store: read by everyone, written by an administrator, audited."""

from __future__ import annotations

import logging
import threading
from dataclasses import fields

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.core.accounts import Action, PermissionDenied, User, require
from app.core.station_config import ConfigError, StationConfig, check_config
from app.store.audit import append_audit
from app.store.db import WriteSession, translated, writer
from app.store.orm import StationConfigRow, UserRow

log = logging.getLogger(__name__)


class SqliteConfig:
    def __init__(self, engine: Engine, lock: threading.Lock | None = None) -> None:
        self._engine = engine
        self._writer = writer(engine)
        self._lock = lock or threading.Lock()

    def get(self) -> StationConfig:
        with translated("reading the station settings"), Session(self._engine) as session:
            stored = {row.key: row.value for row in session.scalars(select(StationConfigRow))}
        known = {f.name for f in fields(StationConfig)}
        return StationConfig(**{k: v for k, v in stored.items() if k in known})

    def save(self, by: User | None, config: StationConfig, *, setup: bool = False) -> None:
        """Write the settings: an administrator, or the setup wizard while no account exists yet."""
        actor = "setup" if setup else require(by, Action.MANAGE_SETTINGS).login
        problems = check_config(config)
        if problems:
            raise ConfigError("; ".join(problems), message_vi=problems[0])
        with self._lock, translated("saving the station settings"), WriteSession(self._writer) as session:
            if setup and session.scalar(select(func.count()).select_from(UserRow)):
                raise PermissionDenied("setup after accounts exist", message_vi="Trạm đã được cài đặt.")
            for f in fields(StationConfig):
                session.merge(StationConfigRow(key=f.name, value=getattr(config, f.name)))
            append_audit(session, actor, "settings_saved", "station", config.public())
