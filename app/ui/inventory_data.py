"""Jobs behind the inventory screen (run on the task runner): load the table, save, import, template."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from app.bootstrap import Station
from app.core.accounts import User
from app.core.agencies import AgencyCatalogue, load_catalogue
from app.core.audit import AuditEntry
from app.core.doctypes import load_doctypes
from app.core.progress import InventoryRow, fill_successors
from app.core.textnorm import fold
from app.reports.inventory_sheet import inventory_template, read_inventory
from app.ui.app import current_language

log = logging.getLogger(__name__)

GENERIC_TYPE = "generic"
RowKey = tuple[str, str, int]  # agency as printed, result type, year: what the store keys rows by


def row_key(row: InventoryRow) -> RowKey:
    return (row.agency_printed, row.doc_type, row.year)


@dataclass(frozen=True)
class InventoryLine:
    """One table row: the stored counts and the names a person reads."""

    row: InventoryRow
    agency_name: str  # the matched catalogue unit, "" when not matched
    successor_name: str  # today's unit holding the records, "" when unknown
    type_label: str
    changed_by: str  # full name (the login when unknown), "" when the log has no entry
    changed_login: str
    changed_at: datetime | None  # local time


@dataclass(frozen=True)
class InventoryData:
    lines: list[InventoryLine]
    type_labels: dict[str, str]  # code -> label in the UI language, in the doctypes' order
    names: dict[str, str] = field(default_factory=dict)  # catalogue key -> name
    today_units: dict[str, str] = field(default_factory=dict)  # catalogue key -> key of today's unit

    def taken(self) -> set[RowKey]:
        return {row_key(line.row) for line in self.lines}


@dataclass(frozen=True)
class ImportResult:
    read: int
    changed: int
    file_name: str


def type_labels(lang: str = "vi") -> dict[str, str]:
    """Result types in the schemas' order, "other papers" last (it is the rarest in an inventory).

    Vietnamese unless ``lang == "en"``: the Excel template and its import always use Vietnamese."""
    labels = {code: doc.label(lang) for code, doc in load_doctypes().items()}
    return dict(sorted(labels.items(), key=lambda kv: kv[0] == GENERIC_TYPE))


def load_inventory(station: Station, today: date) -> InventoryData:
    store = station.store
    catalogue = load_catalogue(override_dir=station.data_dir)
    labels = type_labels(current_language())
    names = {user.login: user.full_name for user in store.accounts.list()}
    changes = last_changes(store.audit.entries())
    lines = []
    for row in store.inventory.rows():
        actor, when = changes.get(row_key(row), ("", None))
        full = names.get(actor)
        lines.append(
            InventoryLine(
                row=row,
                agency_name=_name(catalogue, row.agency_key),
                successor_name=_successor_name(catalogue, row, today),
                type_label=labels.get(row.doc_type, row.doc_type),
                changed_by=full or actor,
                changed_login=actor,
                changed_at=when,
            )
        )
    lines.sort(key=lambda line: (fold(line.row.agency_printed), fold(line.type_label), line.row.year))
    agencies = catalogue.all()
    today_units = {a.key: unit.key for a in agencies if (unit := catalogue.successor_of(a.key, today))}
    return InventoryData(lines, labels, {a.key: a.name for a in agencies}, today_units)


def last_changes(entries: Iterable[AuditEntry]) -> dict[RowKey, tuple[str, datetime]]:
    """Who set each row last and when, from the audit log (the store keeps no history of its own)."""
    found: dict[RowKey, tuple[str, datetime]] = {}
    for entry in entries:
        if entry.action != "inventory_set" or not entry.target.startswith("inventory:"):
            continue
        _prefix, doc_type, year = entry.target.rsplit(":", 2)
        agency = str(entry.detail.get("agency", ""))
        if year.isdigit() and agency:
            found[(agency, doc_type, int(year))] = (
                entry.actor,
                datetime.fromisoformat(entry.at).astimezone(),
            )
    return found


def _name(catalogue: AgencyCatalogue, key: str) -> str:
    agency = catalogue.get(key) if key else None
    return agency.name if agency else ""


def _successor_name(catalogue: AgencyCatalogue, row: InventoryRow, today: date) -> str:
    if row.successor_key:
        return _name(catalogue, row.successor_key) or row.successor_key
    successor = catalogue.successor_of(row.agency_key, today) if row.agency_key else None
    return successor.name if successor else ""


def save_row(station: Station, user: User | None, row: InventoryRow, replaces: RowKey | None) -> int:
    """Save one row (successor filled from the catalogue); an edit that changed agency, type or year
    removes the row it replaces. Returns how many rows changed."""
    catalogue = load_catalogue(override_dir=station.data_dir)
    filled = fill_successors([row], catalogue, date.today())
    changed = station.store.inventory.save(user, filled, source="station")
    if replaces is not None and replaces != row_key(row):
        changed += int(station.store.inventory.remove(user, *replaces))
    return changed


def remove_row(station: Station, user: User | None, key: RowKey) -> bool:
    return station.store.inventory.remove(user, *key)


def import_sheet(station: Station, user: User | None, path: Path) -> ImportResult:
    """Read a filled template and save its rows; InventoryImportError lists every bad row."""
    catalogue = load_catalogue(override_dir=station.data_dir)
    rows = read_inventory(path.read_bytes(), type_labels(), {a.key for a in catalogue.all()})
    rows = fill_successors(rows, catalogue, date.today())
    changed = station.store.inventory.save(user, rows, source=path.name)
    log.info("inventory sheet imported: %d row(s), %d changed", len(rows), changed)
    return ImportResult(len(rows), changed, path.name)


def write_template(station: Station, path: Path) -> Path:
    """The empty template, headed with the station's commune; written whole or not at all."""
    config = station.store.config.get()
    agency_name = _name(load_catalogue(override_dir=station.data_dir), config.agency_key)
    data = inventory_template(type_labels(), agency_name)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    tmp.replace(path)
    return path
