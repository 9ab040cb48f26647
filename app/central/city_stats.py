"""The city's progress figures: documents received against each station's inventory and the roadmap.

Rules (the same for the JSON and the page):

- A document counts when the repository holds it and it carries no out-of-scope flag; its year is
  the year of ``fields.ngay_ban_hanh`` (None when the date is missing or not ISO).
- A cell is (station, result type, year). ``counted`` = min(received, inventory): documents beyond
  the inventoried count do not push a pile past 100%, and cells without an inventory count nowhere
  in the percentages (they still show in ``received``).
- Target for a year = the roadmap's end-of-year share; shortfall = ceil(target × inventory) −
  counted, never negative, per station; the city's shortfall is the sum of the stations' (one
  station ahead does not make up for another one behind).
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.central.city_models import InventoryRow
from app.central.models import Document, Station

log = logging.getLogger(__name__)

Key = tuple[str, int | None]  # (doc_type, year)


@dataclass(frozen=True)
class Roadmap:
    """End-of-year targets: ``first_percent`` in ``first_year``, then ``step`` points a year, capped."""

    first_year: int = 2022
    first_percent: int = 25
    step: int = 25

    def target(self, year: int) -> int:
        if year < self.first_year:
            return 0
        return min(100, self.first_percent + self.step * (year - self.first_year))


COMMUNE_ROADMAP = Roadmap()  # the plan's commune level: 25% in 2022, +25 points a year, 100% in 2025


class Cell(BaseModel):
    doc_type: str
    year: int | None
    received: int
    inventory: int | None
    percent: float | None


class Figures(BaseModel):
    received: int
    inventory: int
    counted: int
    percent: float | None
    target_percent: int
    shortfall: int | None


class StationFigures(Figures):
    code: str
    name: str
    inventory_reported_at: str | None
    cells: list[Cell]


class CityProgress(BaseModel):
    generated_at: str
    year: int
    roadmap: dict[str, int]
    stations: list[StationFigures]
    totals: Figures


def _percent(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole > 0 else None


def _year_of(text: str | None) -> int | None:
    return int(text) if text and len(text) == 4 and text.isdigit() else None


def received_counts(session: Session) -> dict[str, dict[Key, int]]:
    """In-scope documents per station, result type and year of issue, counted by the database."""
    year = func.substr(Document.fields["ngay_ban_hanh"].as_string(), 1, 4)
    flags = func.coalesce(Document.manifest["scope_flags"].as_string(), "[]")
    query = (
        select(Document.station_code, Document.doc_type, year, func.count())
        .where(flags == "[]")
        .group_by(Document.station_code, Document.doc_type, year)
    )
    found: dict[str, dict[Key, int]] = defaultdict(lambda: defaultdict(int))
    for station, doc_type, year_text, count in session.execute(query):
        found[station][(doc_type, _year_of(year_text))] += int(count)
    return found


def inventory_counts(session: Session) -> tuple[dict[str, dict[Key, int]], dict[str, datetime]]:
    """Reported papers per station, result type and year (agencies summed), and when each reported."""
    query = select(
        InventoryRow.station_code,
        InventoryRow.doc_type,
        InventoryRow.year,
        func.sum(InventoryRow.count),
        func.max(InventoryRow.reported_at),
    ).group_by(InventoryRow.station_code, InventoryRow.doc_type, InventoryRow.year)
    counts: dict[str, dict[Key, int]] = defaultdict(dict)
    reported: dict[str, datetime] = {}
    for station, doc_type, year, total, when in session.execute(query):
        counts[station][(doc_type, int(year))] = int(total)
        reported[station] = max(when, reported.get(station, when))
    return counts, reported


def _figures(received: int, inventory: int, counted: int, target: int) -> Figures:
    shortfall = max(0, math.ceil(target * inventory / 100) - counted) if inventory else None
    return Figures(
        received=received,
        inventory=inventory,
        counted=counted,
        percent=_percent(counted, inventory),
        target_percent=target,
        shortfall=shortfall,
    )


def _cells(received: dict[Key, int], inventory: dict[Key, int]) -> list[Cell]:
    cells = []
    for doc_type, year in sorted(set(received) | set(inventory), key=lambda k: (k[0], k[1] or 0)):
        got, planned = received.get((doc_type, year), 0), inventory.get((doc_type, year))
        share = _percent(min(got, planned), planned) if planned is not None else None
        cells.append(Cell(doc_type=doc_type, year=year, received=got, inventory=planned, percent=share))
    return cells


def station_figures(
    station: Station, received: dict[Key, int], inventory: dict[Key, int], target: int
) -> StationFigures:
    cells = _cells(received, inventory)
    counted = sum(min(c.received, c.inventory) for c in cells if c.inventory is not None)
    base = _figures(sum(received.values()), sum(inventory.values()), counted, target)
    return StationFigures(
        **base.model_dump(), code=station.code, name=station.name, inventory_reported_at=None, cells=cells
    )


def city_progress(
    session: Session, year: int, now: datetime, roadmap: Roadmap = COMMUNE_ROADMAP
) -> CityProgress:
    """Every registered station's figures and the city's totals for the roadmap's ``year``."""
    target = roadmap.target(year)
    received = received_counts(session)
    inventory, reported = inventory_counts(session)
    stations = []
    for station in session.scalars(select(Station).order_by(Station.code)):
        figures = station_figures(
            station, received.get(station.code, {}), inventory.get(station.code, {}), target
        )
        when = reported.get(station.code)
        figures.inventory_reported_at = _iso(when) if when else None
        stations.append(figures)
    totals = _figures(
        sum(s.received for s in stations),
        sum(s.inventory for s in stations),
        sum(s.counted for s in stations),
        target,
    )
    if any(s.shortfall is not None for s in stations):
        totals.shortfall = sum(s.shortfall or 0 for s in stations)
    return CityProgress(
        generated_at=_iso(now),
        year=year,
        roadmap={
            "first_year": roadmap.first_year,
            "first_percent": roadmap.first_percent,
            "step": roadmap.step,
        },
        stations=stations,
        totals=totals,
    )


def _iso(when: datetime) -> str:
    # SQLite hands back naive datetimes: every stored time is UTC.
    return when.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
