"""Progress against the roadmap on a seeded set, checked against figures computed by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.core.progress import (
    DocumentFacts,
    InventoryError,
    InventoryRow,
    ProgressReport,
    Roadmap,
    compute_progress,
    working_days,
)

LEVELS = {"xa-a": "xa", "huyen-b": "huyen"}
TODAY = date(2023, 12, 29)  # a Friday; the pace window (30 Nov – 29 Dec) holds 22 working days
INVENTORY = [
    InventoryRow("UBND XÃ A", "khai_sinh", 2019, 10, "xa-a"),
    InventoryRow("UBND XÃ A", "ket_hon", 2019, 4, "xa-a"),
    InventoryRow("UBND HUYỆN B", "khai_sinh", 2020, 6, "huyen-b"),
]


def _doc(
    n: int,
    doc_type: str,
    year: int,
    agency: str,
    officer: str,
    state: str,
    approved: str | None,
    outbox: str | None,
    out_of_scope: bool = False,
) -> DocumentFacts:
    at = datetime.fromisoformat(approved).replace(tzinfo=UTC) if approved else None
    return DocumentFacts(n, state, doc_type, year, agency, officer, at, out_of_scope, outbox)


DOCS = [
    _doc(1, "khai_sinh", 2019, "xa-a", "canbo1", "approved", "2023-12-20", "confirmed"),
    _doc(2, "khai_sinh", 2019, "xa-a", "canbo1", "approved", "2023-12-21", "confirmed"),
    _doc(3, "khai_sinh", 2019, "xa-a", "canbo2", "approved", "2023-12-22", "confirmed", out_of_scope=True),
    _doc(4, "khai_sinh", 2019, "xa-a", "canbo2", "rejected", None, "confirmed"),
    _doc(5, "khai_sinh", 2019, "xa-a", "canbo2", "approved", "2023-12-27", "uploaded"),
    _doc(6, "ket_hon", 2019, "xa-a", "canbo1", "approved", "2023-12-28", "confirmed"),
    _doc(7, "khai_sinh", 2020, "huyen-b", "canbo2", "approved", "2023-06-01", "confirmed"),
    _doc(8, "ket_hon", 2019, "xa-a", "canbo1", "submitted", None, None),
]


def _report(year: int = 2023) -> ProgressReport:
    labels = {"khai_sinh": "Giấy khai sinh", "ket_hon": "Giấy chứng nhận kết hôn"}
    return compute_progress(DOCS, INVENTORY, LEVELS, year=year, today=TODAY, type_labels=labels)


def _figures(lines: list, *names: str) -> dict[str, tuple[int, ...]]:
    return {line.key: tuple(getattr(line, n) for n in names) for line in lines}


def test_roadmap_defaults_follow_the_plan_and_are_configurable() -> None:
    plan = Roadmap()
    assert [plan.target("xa", y) for y in (2021, 2022, 2023, 2024, 2025, 2026)] == [0, 25, 50, 75, 100, 100]
    assert [plan.target("tinh", y) for y in (2022, 2024)] == [30, 80]
    assert plan.target("huyen", 2023) == 55
    slower = Roadmap(base_year=2024, base={"xa": 20.0}, step=20.0, final_year=2030)
    assert [slower.target("xa", y) for y in (2023, 2024, 2026, 2030)] == [0, 20, 60, 100]


def test_total_counts_only_approved_confirmed_in_scope_documents() -> None:
    total = _report().total
    # digitised: 1, 2, 6 (commune), 7 (district); not 3 (out of scope), 4 (rejected), 5 (unconfirmed)
    assert (total.inventory, total.digitised) == (20, 4)
    # due by end 2023: commune 50% of 14 = 7, district 55% of 6 = 3.3 -> 4; missing 4 + 3
    assert (total.required, total.shortfall) == (11, 7)
    assert (total.percent, total.target_percent) == (20.0, 55.0)


def test_shortfall_in_days_uses_the_pace_of_the_last_30_days() -> None:
    report = _report()
    assert working_days(date(2023, 11, 29), TODAY) == 22
    # approved in scope within the window: 1, 2, 5, 6 -> 4 / 22 working days
    assert report.pace == pytest.approx(0.18)
    assert report.total.days == 39  # 7 / (4 / 22) = 38.5
    assert (report.awaiting_confirmation, report.out_of_scope) == (1, 1)


def test_breakdowns_by_type_year_and_level() -> None:
    report = _report()
    names = ("inventory", "digitised", "required", "shortfall")
    assert _figures(report.by_type, *names) == {"ket_hon": (4, 1, 2, 1), "khai_sinh": (16, 3, 9, 6)}
    assert [line.label for line in report.by_type] == ["Giấy chứng nhận kết hôn", "Giấy khai sinh"]
    assert _figures(report.by_year, *names) == {"2019": (14, 3, 7, 4), "2020": (6, 1, 4, 3)}
    assert _figures(report.by_level, *names) == {"huyen": (6, 1, 4, 3), "xa": (14, 3, 7, 4)}
    assert report.by_type[1].days == 33  # 6 / (4 / 22)


def test_by_officer_counts_digitised_approved_and_rejected() -> None:
    officers = _figures(_report().by_officer, "digitised", "approved", "rejected")
    assert officers == {"canbo1": (3, 3, 0), "canbo2": (1, 2, 1)}


def test_an_earlier_year_counts_only_what_was_approved_by_its_end() -> None:
    total = _report(2022).total
    # nothing approved by end 2022; due: commune 25% of 14 = 3.5 -> 4, district 30% of 6 = 1.8 -> 2
    assert (total.digitised, total.required, total.shortfall) == (0, 6, 6)


def test_no_pace_yet_leaves_the_days_unknown() -> None:
    quiet = [d for d in DOCS if d.approved_at is None or d.approved_at.month < 11]
    report = compute_progress(quiet, INVENTORY, LEVELS, year=2023, today=TODAY)
    assert report.pace == 0 and report.total.days is None and report.total.shortfall == 10


def test_inventory_rows_refuse_bad_figures_in_vietnamese() -> None:
    with pytest.raises(InventoryError, match="âm"):
        InventoryRow("UBND XÃ A", "khai_sinh", 2019, -1)
    with pytest.raises(InventoryError) as caught:
        InventoryRow("  ", "khai_sinh", 2019, 3)
    assert "cơ quan ban hành" in caught.value.user_message("vi")
