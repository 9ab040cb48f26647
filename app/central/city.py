"""The city's view: stations report their inventory; the administrator reads progress (JSON, page)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field, StringConstraints
from sqlalchemy import delete, select

from app.central.auth import admin_caller, station_caller
from app.central.city_models import InventoryRow
from app.central.city_page import PAGE_HEADERS, VN_TIME, progress_fragment, shell_page
from app.central.city_stats import CityProgress, city_progress
from app.central.errors import ERROR_RESPONSES, ApiError
from app.central.state import Central

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api/v1/city", tags=["city"], responses=ERROR_RESPONSES)
page_router = APIRouter(tags=["city"])

MAX_ROWS = 20_000


class InventoryIn(BaseModel):
    """One counted pile of still-valid paper results, as the station's officers counted it."""

    agency_printed: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    agency_key: str = Field(default="", max_length=120)
    doc_type: str = Field(min_length=1, max_length=60)
    year: int = Field(ge=1900, le=2100)
    count: int = Field(ge=0, le=10_000_000)


class InventoryReport(BaseModel):
    rows: list[InventoryIn] = Field(max_length=MAX_ROWS)


class InventorySummary(BaseModel):
    station: str
    rows: int
    total: int
    reported_at: str


def _central(request: Request) -> Central:
    central: Central = request.app.state.central
    return central


def _this_year() -> int:
    return datetime.now(VN_TIME).year


def _row_problems(central: Central, rows: list[InventoryIn]) -> list[dict[str, str]]:
    problems, seen = [], set()
    for i, row in enumerate(rows):
        if row.doc_type not in central.doctypes:
            problems.append(
                {"field": f"rows[{i}].doc_type", "message_vi": "Loại giấy tờ không có trong danh mục."}
            )
        if row.year > _this_year():
            problems.append(
                {"field": f"rows[{i}].year", "message_vi": "Năm ban hành không được ở tương lai."}
            )
        pile = (row.agency_key, row.agency_printed, row.doc_type, row.year)
        if pile in seen:
            problems.append(
                {"field": f"rows[{i}]", "message_vi": "Dòng này trùng cơ quan, loại giấy tờ và năm."}
            )
        seen.add(pile)
    return problems


@router.put("/inventory", response_model=InventorySummary)
def report_inventory(
    body: InventoryReport, request: Request, station: str = Depends(station_caller)
) -> InventorySummary:
    """Replace the calling station's whole inventory with ``rows`` (one transaction)."""
    central = _central(request)
    problems = _row_problems(central, body.rows)
    if problems:
        raise ApiError(
            400,
            "bad_inventory",
            "Bảng kiểm kê có dòng chưa hợp lệ. Sửa các dòng được chỉ ra rồi gửi lại.",
            "The inventory has invalid rows.",
            problems=problems,
        )
    now = datetime.now(UTC).replace(microsecond=0)
    with central.db.session() as session:
        session.execute(delete(InventoryRow).where(InventoryRow.station_code == station))
        session.add_all(
            InventoryRow(station_code=station, reported_at=now, **row.model_dump()) for row in body.rows
        )
    log.info("station %s reported an inventory of %d rows", station, len(body.rows))
    stamp = now.isoformat(timespec="seconds").replace("+00:00", "Z")
    return InventorySummary(
        station=station, rows=len(body.rows), total=sum(r.count for r in body.rows), reported_at=stamp
    )


@router.get("/inventory", response_model=list[InventoryIn])
def read_inventory(request: Request, station: str = Depends(station_caller)) -> list[InventoryIn]:
    """The calling station's inventory as last reported."""
    query = select(InventoryRow).where(InventoryRow.station_code == station).order_by(InventoryRow.id)
    with _central(request).db.session() as session:
        return [
            InventoryIn(
                agency_printed=r.agency_printed,
                agency_key=r.agency_key,
                doc_type=r.doc_type,
                year=r.year,
                count=r.count,
            )
            for r in session.scalars(query)
        ]


def _progress(request: Request, year: int | None) -> CityProgress:
    with _central(request).db.session() as session:
        return city_progress(session, year or _this_year(), datetime.now(UTC))


YEAR = Query(None, ge=2000, le=2100, description="roadmap year; the current year in Viet Nam by default")


@router.get("/progress", response_model=CityProgress, dependencies=[Depends(admin_caller)])
def progress(request: Request, year: int | None = YEAR) -> CityProgress:
    """Every station's documents received against its inventory and the roadmap target."""
    return _progress(request, year)


@router.get("/progress.html", response_class=HTMLResponse, dependencies=[Depends(admin_caller)])
def progress_html(request: Request, year: int | None = YEAR) -> HTMLResponse:
    """The same figures as an HTML fragment (table and bar chart) for the page to show."""
    labels = {code: doc.label_vi for code, doc in _central(request).doctypes.items()}
    body = progress_fragment(_progress(request, year), labels)
    return HTMLResponse(body, headers={"Cache-Control": "no-store"})


@page_router.get("/city", response_class=HTMLResponse, include_in_schema=False)
def city_page() -> HTMLResponse:
    """The page shell: it holds no figures; its script asks for the admin token and fetches them."""
    return HTMLResponse(shell_page(), headers=PAGE_HEADERS)
