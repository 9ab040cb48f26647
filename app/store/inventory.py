"""The inventory in the store: counts per agency, result type and year; each edit audited with it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.core.accounts import Action, User, require
from app.core.activity import ActivityFacts
from app.core.progress import DocumentFacts, InventoryRow
from app.store.activity_rows import activity_facts
from app.store.audit import append_audit
from app.store.db import WriteSession, translated, writer
from app.store.inventory_orm import InventoryTableRow, inventory_from_row
from app.store.orm import utc_now
from app.store.report_rows import metadata_rows, progress_facts

log = logging.getLogger(__name__)


class SqliteInventory:
    """Inventory counts (supervisors edit them) and the read models the reports need."""

    def __init__(self, engine: Engine, lock: threading.Lock | None = None) -> None:
        self._engine = engine
        self._writer = writer(engine)
        self._lock = lock or threading.Lock()

    def rows(self) -> list[InventoryRow]:
        query = select(InventoryTableRow).order_by(
            InventoryTableRow.agency_printed, InventoryTableRow.doc_type, InventoryTableRow.year
        )
        with translated("reading the inventory"), Session(self._engine) as session:
            return [inventory_from_row(row) for row in session.scalars(query)]

    def save(self, user: User | None, rows: Iterable[InventoryRow], source: str = "") -> int:
        """Insert or replace rows (by agency as printed, type and year); returns how many changed.

        All rows commit together with one audit entry each, or none do.
        """
        actor = require(user, Action.EDIT_INVENTORY)
        changed = 0
        with self._lock, translated("saving the inventory"), WriteSession(self._writer) as session:
            for row in rows:
                changed += _upsert(session, actor.login, row, source)
        log.info("inventory: %d row(s) changed", changed)
        return changed

    def remove(self, user: User | None, agency_printed: str, doc_type: str, year: int) -> bool:
        actor = require(user, Action.EDIT_INVENTORY)
        with self._lock, translated("editing the inventory"), WriteSession(self._writer) as session:
            row = _find(session, agency_printed, doc_type, year)
            if row is None:
                return False
            target = _target(row.doc_type, row.year)
            append_audit(session, actor.login, "inventory_removed", target, {"from": row.count})
            session.delete(row)
            return True

    def progress_facts(self) -> list[DocumentFacts]:
        return progress_facts(self._engine)

    def activity_facts(self, since: datetime | None = None) -> ActivityFacts:
        """Pages scanned, review steps (from ``since`` on) and the send queue, for the dashboard."""
        return activity_facts(self._engine, since)

    def metadata_rows(self, user: User | None) -> list[dict[str, str]]:
        """Every record's metadata (personal data): for account holders who may view records, audited."""
        actor = require(user, Action.VIEW_RECORDS)
        rows = metadata_rows(self._engine)
        with self._lock, translated("writing the audit log"), WriteSession(self._writer) as session:
            append_audit(session, actor.login, "records_exported", "records", {"rows": len(rows)})
        return rows


def _find(session: Session, agency_printed: str, doc_type: str, year: int) -> InventoryTableRow | None:
    return session.scalar(
        select(InventoryTableRow).where(
            InventoryTableRow.agency_printed == agency_printed,
            InventoryTableRow.doc_type == doc_type,
            InventoryTableRow.year == year,
        )
    )


def _target(doc_type: str, year: int) -> str:
    # The printed agency name stays out of the target (it may be long); the detail carries it.
    return f"inventory:{doc_type}:{year}"


def _upsert(session: Session, login: str, row: InventoryRow, source: str) -> int:
    found = _find(session, row.agency_printed, row.doc_type, row.year)
    before = None if found is None else (found.count, found.agency_key, found.successor_key)
    if before == (row.count, row.agency_key, row.successor_key):
        return 0
    if found is None:
        found = InventoryTableRow(agency_printed=row.agency_printed, doc_type=row.doc_type, year=row.year)
        session.add(found)
    found.count, found.agency_key, found.successor_key = row.count, row.agency_key, row.successor_key
    found.updated_by, found.updated_at = login, utc_now()
    detail = {"agency": row.agency_printed, "from": before[0] if before else None, "to": row.count}
    if source:
        detail["source"] = source
    append_audit(session, login, "inventory_set", _target(row.doc_type, row.year), detail)
    return 1
