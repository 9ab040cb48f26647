"""Progress against the plan's roadmap: digitised results against inventory, by type, year, level, officer."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from app.core.agencies import AgencyCatalogue
from app.core.errors import StationError
from app.core.problems import Problem, vi_texts
from app.core.textnorm import collapse_spaces, nfc

log = logging.getLogger(__name__)

PACE_WINDOW_DAYS = 30
LEVEL_LABELS_VI = {"tinh": "Cấp thành phố", "huyen": "Cấp huyện", "xa": "Cấp xã"}
UNKNOWN_VI = "Không rõ"


class InventoryError(StationError, ValueError):
    """An inventory row is invalid; the Vietnamese message names the field (and the sheet row)."""

    code = "inventory"
    message_vi = "Số liệu kiểm kê không hợp lệ. Sửa lại rồi lưu."
    message_en = "The inventory figures are invalid."


@dataclass(frozen=True)
class Roadmap:
    """Targets (percent digitised) per agency level: ``base`` in ``base_year``, ``+step`` a year, 100 from
    ``final_year``; nothing is due before ``base_year``. Levels outside ``base`` use ``default_level``."""

    base_year: int = 2022
    base: Mapping[str, float] = field(default_factory=lambda: {"tinh": 30.0, "huyen": 30.0, "xa": 25.0})
    step: float = 25.0
    final_year: int = 2025
    default_level: str = "xa"

    def target(self, level: str, year: int) -> float:
        """The share (0–100) of the level's inventory due digitised by the end of ``year``."""
        if year < self.base_year:
            return 0.0
        if year >= self.final_year:
            return 100.0
        start = self.base.get(level, self.base.get(self.default_level, 0.0))
        return min(100.0, start + self.step * (year - self.base_year))


@dataclass(frozen=True)
class InventoryRow:
    """Still-valid paper results counted for one issuing agency (as printed), result type and year."""

    agency_printed: str
    doc_type: str
    year: int
    count: int
    agency_key: str = ""
    successor_key: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "agency_printed", collapse_spaces(nfc(self.agency_printed)))
        problems = inventory_row_problems(self)
        if problems:
            raise InventoryError(problems[0].vi, message_vi=problems[0].vi, message_en=problems[0].en)


def check_inventory_row(row: InventoryRow) -> list[str]:
    """Vietnamese problems with a row (empty when it can be saved)."""
    return vi_texts(inventory_row_problems(row))


def inventory_row_problems(row: InventoryRow) -> list[Problem]:
    """Problems with a row, in both languages (empty when it can be saved)."""
    problems = []
    if not row.agency_printed:
        problems.append(
            Problem(
                "Thiếu tên cơ quan ban hành (ghi như in trên giấy).",
                "The issuing agency is missing (write it as printed on the paper).",
            )
        )
    if not row.doc_type:
        problems.append(Problem("Thiếu loại kết quả.", "The result type is missing."))
    if not 1900 <= row.year <= date.today().year:
        problems.append(
            Problem(f"Năm ban hành {row.year} không hợp lệ.", f"The year of issue {row.year} is not valid.")
        )
    if row.count < 0:
        problems.append(Problem("Số lượng không được âm.", "The count cannot be negative."))
    return problems


def fill_successors(
    rows: Iterable[InventoryRow], catalogue: AgencyCatalogue, today: date
) -> list[InventoryRow]:
    """Rows whose successor commune is blank get it from the catalogue's successor chain."""
    out = []
    for row in rows:
        successor = catalogue.successor_of(row.agency_key, today) if row.agency_key else None
        if not row.successor_key and successor is not None:
            row = InventoryRow(
                row.agency_printed, row.doc_type, row.year, row.count, row.agency_key, successor.key
            )
        out.append(row)
    return out


@dataclass(frozen=True)
class DocumentFacts:
    """One document as progress sees it (gathered by the store's read model)."""

    document_id: int
    state: str  # app.core.models.DocumentState value
    doc_type: str
    issued_year: int | None
    agency_key: str
    officer: str  # who described (digitised) it
    approved_at: datetime | None
    out_of_scope: bool
    outbox_state: str | None  # app.core.outbox.OutboxState value, None when never queued

    @property
    def approved(self) -> bool:
        return self.state == "approved" and not self.out_of_scope

    @property
    def digitised(self) -> bool:
        """Approved and confirmed by the central repository, and in scope."""
        return self.approved and self.outbox_state == "confirmed"


@dataclass(frozen=True)
class ProgressLine:
    """One group's figures; ``required`` is the roadmap's due count, ``shortfall`` what is missing."""

    key: str
    label: str
    inventory: int = 0
    digitised: int = 0
    required: int = 0
    shortfall: int = 0
    days: int | None = None  # working days to close the shortfall at the measured pace
    approved: int = 0  # approved (in scope), confirmed or not
    rejected: int = 0  # currently sent back by a supervisor

    @property
    def percent(self) -> float | None:
        return round(100.0 * self.digitised / self.inventory, 1) if self.inventory else None

    @property
    def target_percent(self) -> float | None:
        return round(100.0 * self.required / self.inventory, 1) if self.inventory else None


@dataclass(frozen=True)
class ProgressReport:
    year: int
    as_of: date
    pace: float  # approved documents per working day over the last PACE_WINDOW_DAYS days
    total: ProgressLine
    by_type: list[ProgressLine]
    by_year: list[ProgressLine]
    by_level: list[ProgressLine]
    by_officer: list[ProgressLine]
    out_of_scope: int = 0
    awaiting_confirmation: int = 0  # approved but not yet confirmed by the central repository


def levels_from(catalogue: AgencyCatalogue) -> dict[str, str]:
    """``{agency key: level}`` for the progress computation."""
    return {a.key: a.level for a in catalogue.all()}


def working_days(start: date, end: date) -> int:
    """Monday–Friday days in ``(start, end]``."""
    return sum(1 for n in range(1, (end - start).days + 1) if (start + timedelta(n)).weekday() < 5)


def measured_pace(docs: Iterable[DocumentFacts], today: date, window: int = PACE_WINDOW_DAYS) -> float:
    """Approved documents per working day over the ``window`` days up to ``today``."""
    start = today - timedelta(days=window)
    done = sum(1 for d in docs if d.approved and d.approved_at and start < d.approved_at.date() <= today)
    days = working_days(start, today)
    return done / days if days else 0.0


def compute_progress(
    docs: Sequence[DocumentFacts],
    inventory: Sequence[InventoryRow],
    levels: Mapping[str, str],
    *,
    year: int,
    today: date,
    roadmap: Roadmap | None = None,
    type_labels: Mapping[str, str] | None = None,
) -> ProgressReport:
    """The report for the end of ``year``: documents digitised (approved by then) against inventory."""
    roadmap = roadmap or Roadmap()
    labels = dict(type_labels or {})
    pace = measured_pace(docs, today)
    counted = [d for d in docs if d.approved_at is None or d.approved_at.year <= year]

    def level(key: str) -> str:
        return levels.get(key, "") or roadmap.default_level

    group = _Grouper(counted, inventory, level, roadmap, year, pace)
    return ProgressReport(
        year=year,
        as_of=today,
        pace=round(pace, 2),
        total=group.one("", "Tổng cộng", lambda _d: "", lambda _r: ""),
        by_type=group.lines(lambda d: d.doc_type, lambda r: r.doc_type, lambda k: labels.get(k, k)),
        by_year=group.lines(_doc_year, lambda r: str(r.year), lambda k: k or UNKNOWN_VI),
        by_level=group.lines(
            lambda d: level(d.agency_key), lambda r: level(r.agency_key), lambda k: LEVEL_LABELS_VI.get(k, k)
        ),
        by_officer=group.lines(lambda d: d.officer, None, lambda k: k or UNKNOWN_VI),
        out_of_scope=sum(1 for d in docs if d.out_of_scope),
        awaiting_confirmation=sum(1 for d in counted if d.approved and not d.digitised),
    )


def _doc_year(doc: DocumentFacts) -> str:
    return str(doc.issued_year) if doc.issued_year else ""


class _Grouper:
    """Sums documents and inventory per group key, with the roadmap's due count per agency level."""

    def __init__(
        self,
        docs: Sequence[DocumentFacts],
        inventory: Sequence[InventoryRow],
        level: Callable[[str], str],
        roadmap: Roadmap,
        year: int,
        pace: float,
    ) -> None:
        self.docs, self.inventory, self.level = docs, inventory, level
        self.roadmap, self.year, self.pace = roadmap, year, pace

    def lines(
        self,
        doc_key: Callable[[DocumentFacts], str],
        inv_key: Callable[[InventoryRow], str] | None,
        label: Callable[[str], str],
    ) -> list[ProgressLine]:
        keys = {doc_key(d) for d in self.docs if d.approved or d.state == "rejected"}
        if inv_key is not None:
            keys |= {inv_key(r) for r in self.inventory}
        return [self.one(k, label(k), doc_key, inv_key) for k in sorted(keys, key=_sort_key)]

    def one(
        self,
        key: str,
        label: str,
        doc_key: Callable[[DocumentFacts], str],
        inv_key: Callable[[InventoryRow], str] | None,
    ) -> ProgressLine:
        docs = [d for d in self.docs if doc_key(d) == key]
        rows = [r for r in self.inventory if inv_key is not None and inv_key(r) == key]
        required = shortfall = 0
        for lvl in {self.level(r.agency_key) for r in rows}:
            stock = sum(r.count for r in rows if self.level(r.agency_key) == lvl)
            due = math.ceil(stock * self.roadmap.target(lvl, self.year) / 100.0 - 1e-9)
            done = sum(1 for d in docs if d.digitised and self.level(d.agency_key) == lvl)
            required += due
            shortfall += max(0, due - done)
        return ProgressLine(
            key=key,
            label=label,
            inventory=sum(r.count for r in rows),
            digitised=sum(1 for d in docs if d.digitised),
            required=required,
            shortfall=shortfall,
            days=math.ceil(shortfall / self.pace - 1e-9) if self.pace > 0 else (0 if not shortfall else None),
            approved=sum(1 for d in docs if d.approved),
            rejected=sum(1 for d in docs if d.state == "rejected" and not d.out_of_scope),
        )


def _sort_key(key: str) -> tuple[int, str]:
    return (1 if not key else 0, key)
