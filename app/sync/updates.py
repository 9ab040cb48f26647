"""Asks the central repository for the newest station release and compares it with this station's."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import httpx

from app.core.errors import SyncError
from app.core.versions import InvalidVersion, is_newer, parse_version

log = logging.getLogger(__name__)

LATEST_PATH = "/api/v1/station-releases/latest"


class UpdateCheckFailed(SyncError):
    code = "update_check_failed"
    message_vi = (
        "Chưa kiểm tra được bản cập nhật: không liên lạc được kho dữ liệu trung tâm. "
        "Kiểm tra kết nối mạng rồi thử lại sau."
    )
    message_en = "Could not check for updates: the central repository did not answer."


class UpdateAuthRefused(UpdateCheckFailed):
    code = "update_auth_refused"
    message_vi = (
        "Kho dữ liệu không nhận mã truy cập của trạm nên chưa kiểm tra được bản cập nhật. "
        "Quản trị viên cần nhập lại mã truy cập trong phần Cài đặt."
    )
    message_en = "The central repository refused the station's token."


@dataclass(frozen=True)
class UpdateInfo:
    """A published release newer than the running station."""

    version: str
    url: str
    sha256: str | None
    notes_vi: str
    published_at: str
    current_version: str
    notes_en: str = ""  # services older than English notes send none

    def notes(self, lang: str = "vi") -> str:
        """The release notes in the UI language: English when given, else the Vietnamese ones."""
        return self.notes_en if lang == "en" and self.notes_en else self.notes_vi


def latest_release(base_url: str, token: str, timeout: float = 10.0) -> dict[str, Any] | None:
    """The newest published release as the service sends it; None when none is published.

    Raises UpdateCheckFailed (UpdateAuthRefused for a refused token) when the answer is unusable.
    """
    try:
        with httpx.Client(base_url=base_url.rstrip("/"), timeout=httpx.Timeout(timeout)) as client:
            response = client.get(LATEST_PATH, headers={"Authorization": f"Bearer {token}"})
    except httpx.HTTPError as exc:
        raise UpdateCheckFailed(type(exc).__name__) from exc
    if response.status_code == 404 and _error_code(response) == "not_found":
        return None
    if response.status_code in (401, 403):
        raise UpdateAuthRefused(f"HTTP {response.status_code}")
    if response.status_code != 200:
        raise UpdateCheckFailed(f"HTTP {response.status_code}")
    return _release_body(response)


def fetch_update(base_url: str, token: str, current_version: str, timeout: float = 10.0) -> UpdateInfo | None:
    """The newest release when it is newer than ``current_version``; raises UpdateCheckFailed."""
    release = latest_release(base_url, token, timeout)
    if release is None:
        return None
    try:
        newer = is_newer(release["version"], current_version)
    except InvalidVersion as exc:
        raise UpdateCheckFailed("unparseable version") from exc
    if not newer:
        return None
    return UpdateInfo(
        version=str(release["version"]),
        url=str(release["url"]),
        sha256=release.get("sha256") or None,
        notes_vi=str(release.get("notes_vi") or ""),
        published_at=str(release.get("published_at") or ""),
        current_version=current_version,
        notes_en=str(release.get("notes_en") or ""),
    )


def check_for_update(
    base_url: str, token: str, current_version: str, timeout: float = 10.0
) -> UpdateInfo | None:
    """Like ``fetch_update`` but never raises: any failure is logged and reads as "no update"."""
    try:
        return fetch_update(base_url, token, current_version, timeout)
    except UpdateCheckFailed as exc:
        log.warning("update check failed (%s): %s", exc.code, exc.detail)
        return None


def _error_code(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return ""
    return str(body.get("error", "")) if isinstance(body, dict) else ""


def _release_body(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError as exc:
        raise UpdateCheckFailed("not JSON") from exc
    if not isinstance(body, dict) or not isinstance(body.get("url"), str):
        raise UpdateCheckFailed("unexpected reply")
    try:
        parse_version(str(body.get("version", "")))
    except InvalidVersion as exc:
        raise UpdateCheckFailed("unparseable version") from exc
    return body
