"""Station releases: the administrator publishes a version; stations ask for the newest one."""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.central.auth import station_caller
from app.central.db import Database
from app.central.errors import ERROR_RESPONSES, ApiError, not_found
from app.central.models import StationRelease
from app.central.state import Central
from app.core.versions import InvalidVersion, Version, parse_version

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api/v1", tags=["releases"], responses=ERROR_RESPONSES)

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
MAX_NOTES = 4000


class ReleaseInfo(BaseModel):
    """The newest station release; ``sha256`` is null when the administrator did not give one."""

    version: str
    url: str
    sha256: str | None = Field(default=None, description="SHA-256 of the installer, 64 lowercase hex")
    notes_vi: str
    notes_en: str = Field(default="", description="English release notes; empty when not given")
    published_at: str


@dataclass(frozen=True)
class NewRelease:
    version: str
    url: str
    sha256: str | None = None
    notes_vi: str = ""
    notes_en: str = ""


def _bad(code: str, message_vi: str, message_en: str) -> ApiError:
    return ApiError(400, code, message_vi, message_en)


def checked(release: NewRelease) -> NewRelease:
    """The release with its fields normalised; ApiError 400 when one is unusable."""
    try:
        version = parse_version(release.version).text
    except InvalidVersion as exc:
        raise _bad("bad_version", exc.message_vi, "Invalid version number.") from exc
    url = release.url.strip()
    if not (url.startswith(("https://", "http://", "\\\\")) and len(url) <= 1000 and " " not in url):
        raise _bad(
            "bad_url",
            "Địa chỉ tải về phải bắt đầu bằng https://, http:// hoặc \\\\máy-chủ\\thư-mục.",
            "The download address must be an http(s) URL or a UNC path.",
        )
    sha = (release.sha256 or "").strip().lower() or None
    if sha is not None and not _SHA256.match(sha):
        raise _bad("bad_sha256", "Mã SHA-256 phải gồm đúng 64 ký tự 0-9, a-f.", "Invalid SHA-256.")
    notes = [unicodedata.normalize("NFC", n.strip()) for n in (release.notes_vi, release.notes_en)]
    if max(len(n) for n in notes) > MAX_NOTES:
        raise _bad("bad_notes", f"Ghi chú dài quá {MAX_NOTES} ký tự.", "Release notes too long.")
    return NewRelease(version, url, sha, *notes)


def publish(session: Session, release: NewRelease, *, replace: bool = False) -> ReleaseInfo:
    """Store a release (409 ``release_exists`` for a version already published unless ``replace``)."""
    release = checked(release)
    wanted = parse_version(release.version)
    existing = next((r for r in session.scalars(select(StationRelease)) if _parsed(r) == wanted), None)
    if existing is not None and not replace:
        raise ApiError(
            409,
            "release_exists",
            f"Phiên bản {existing.version} đã được công bố. Dùng --replace để thay thông tin.",
            "This version is already published.",
        )
    row = existing or StationRelease()
    row.version, row.url, row.sha256, row.notes_vi, row.notes_en = (
        release.version,
        release.url,
        release.sha256,
        release.notes_vi,
        release.notes_en,
    )
    row.published_at = datetime.now(UTC)
    session.add(row)
    session.flush()
    log.info("published station release %s", row.version)
    return _info(row)


def newest_release(session: Session) -> ReleaseInfo | None:
    """The published release with the highest version (rows whose version no longer parses skipped)."""
    best: tuple[Version, StationRelease] | None = None
    for row in session.scalars(select(StationRelease)):
        version = _parsed(row)
        if version is not None and (best is None or version > best[0]):
            best = (version, row)
    return None if best is None else _info(best[1])


def publish_release(database_url: str, release: NewRelease, *, replace: bool = False) -> ReleaseInfo:
    """Publish from the shell (``sohoa central publish-release``): opens the database itself."""
    db = Database(database_url)
    try:
        with db.session() as session:
            return publish(session, release, replace=replace)
    finally:
        db.close()


@router.get("/station-releases/latest", response_model=ReleaseInfo)
def latest(request: Request, _station: str = Depends(station_caller)) -> ReleaseInfo:
    central: Central = request.app.state.central
    with central.db.session() as session:
        info = newest_release(session)
    if info is None:
        raise not_found("Chưa có phiên bản trạm nào được công bố.")
    return info


def _parsed(row: StationRelease) -> Version | None:
    try:
        return parse_version(row.version)
    except InvalidVersion:
        return None


def _info(row: StationRelease) -> ReleaseInfo:
    stamp = row.published_at  # naive from SQLite (stored as UTC), aware from PostgreSQL
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(UTC)
    when = stamp.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
    return ReleaseInfo(
        version=row.version,
        url=row.url,
        sha256=row.sha256,
        notes_vi=row.notes_vi,
        notes_en=row.notes_en or "",
        published_at=when,
    )
