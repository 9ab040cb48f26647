"""Administrator endpoints: register a station (its token is shown once) and list stations."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from sqlalchemy import select

from app.central.auth import admin_caller, register_station
from app.central.errors import ERROR_RESPONSES
from app.central.models import Station
from app.central.state import Central

log = logging.getLogger(__name__)

router = APIRouter(
    prefix="/api/v1/admin", tags=["admin"], responses=ERROR_RESPONSES, dependencies=[Depends(admin_caller)]
)


class NewStation(BaseModel):
    code: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1, max_length=200)


class StationToken(BaseModel):
    code: str
    name: str
    token: str = Field(description="shown once; the service keeps only its SHA-256")


class StationInfo(BaseModel):
    code: str
    name: str
    created_at: str


@router.post("/stations", status_code=201, response_model=StationToken)
def add_station(body: NewStation, request: Request) -> StationToken:
    central: Central = request.app.state.central
    with central.db.session() as session:
        token = register_station(session, body.code, body.name)
    return StationToken(code=body.code, name=body.name.strip(), token=token)


@router.get("/stations", response_model=list[StationInfo])
def list_stations(request: Request) -> list[StationInfo]:
    central: Central = request.app.state.central
    with central.db.session() as session:
        rows = session.scalars(select(Station).order_by(Station.code))
        return [StationInfo(code=r.code, name=r.name, created_at=r.created_at.isoformat()) for r in rows]
