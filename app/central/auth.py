"""Bearer tokens: made once, stored as SHA-256; station and administrator checks for the routes."""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from fastapi import Request
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.central.errors import ApiError, auth_required, forbidden
from app.central.models import Credential, Station

log = logging.getLogger(__name__)

STATION_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


@dataclass(frozen=True)
class Caller:
    """Who sent the request: a station (``station`` is its code) or the administrator."""

    station: str | None
    is_admin: bool


def new_token() -> str:
    """32 random bytes, URL-safe base64 without padding, after a fixed ``sh_`` prefix (a token that
    began with "-" would read as an option on a command line)."""
    return "sh_" + base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode("ascii")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def set_admin_token(session: Session) -> str:
    """Replace the administrator's token with a new one; returns it (shown once)."""
    session.execute(delete(Credential).where(Credential.is_admin.is_(True)))
    token = new_token()
    session.add(Credential(token_sha256=token_hash(token), is_admin=True, created_at=datetime.now(UTC)))
    return token


def has_admin(session: Session) -> bool:
    return session.scalar(select(Credential.id).where(Credential.is_admin.is_(True)).limit(1)) is not None


def register_station(session: Session, code: str, name: str) -> str:
    """Create a station and its token; returns the token (shown once). Raises ApiError when refused."""
    if not STATION_CODE.match(code):
        raise ApiError(
            400,
            "bad_station_code",
            "Mã trạm chỉ gồm chữ không dấu, số, '-', '_' hoặc '.', tối đa 40 ký tự.",
            "Invalid station code.",
        )
    if not name.strip():
        raise ApiError(400, "bad_station_name", "Cần nhập tên trạm.", "The station needs a name.")
    if session.get(Station, code) is not None:
        raise ApiError(409, "station_exists", f"Trạm {code} đã được đăng ký.", "Station already registered.")
    now = datetime.now(UTC)
    session.add(Station(code=code, name=name.strip(), created_at=now))
    session.flush()
    token = new_token()
    session.add(Credential(token_sha256=token_hash(token), station_code=code, created_at=now))
    log.info("registered station %s", code)
    return token


def caller_for(session: Session, authorization: str | None) -> Caller:
    """The caller behind an ``Authorization: Bearer`` header; 401 when missing or unknown."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise auth_required()
    row = session.scalar(select(Credential).where(Credential.token_sha256 == token_hash(token.strip())))
    if row is None:
        raise auth_required()
    return Caller(station=row.station_code, is_admin=row.is_admin)


def station_caller(request: Request) -> str:
    """FastAPI dependency: the calling station's code (401 unknown, 403 for the admin token)."""
    with request.app.state.central.db.session() as session:
        caller = caller_for(session, request.headers.get("authorization"))
    if caller.station is None:
        raise forbidden()
    return caller.station


def admin_caller(request: Request) -> None:
    """FastAPI dependency: only the administrator's token passes (403 for station tokens)."""
    with request.app.state.central.db.session() as session:
        caller = caller_for(session, request.headers.get("authorization"))
    if not caller.is_admin:
        raise forbidden()
