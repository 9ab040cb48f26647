"""Texts of the sync panel: outbox states, link state and times, through Qt's translation."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.core.errors import StationError
from app.core.outbox import OutboxItem, OutboxState
from app.ui.app import current_language

CONTEXT = "SyncView"

_STATES: dict[OutboxState, str] = {
    OutboxState.PENDING: str(QT_TRANSLATE_NOOP("SyncView", "waiting")),
    OutboxState.UPLOADING: str(QT_TRANSLATE_NOOP("SyncView", "sending")),
    OutboxState.UPLOADED: str(QT_TRANSLATE_NOOP("SyncView", "sent, awaiting confirmation")),
    OutboxState.CONFIRMED: str(QT_TRANSLATE_NOOP("SyncView", "confirmed by the repository")),
    OutboxState.FAILED: str(QT_TRANSLATE_NOOP("SyncView", "failed for now, will retry")),
    OutboxState.REJECTED: str(QT_TRANSLATE_NOOP("SyncView", "rejected")),
    OutboxState.AUTH_REQUIRED: str(QT_TRANSLATE_NOOP("SyncView", "needs a new access token")),
}


# Outbox error codes that are no StationError's code (app.core.outbox writes them itself).
_OWN_ERRORS: dict[str, str] = {
    "interrupted": str(QT_TRANSLATE_NOOP("SyncView", "Sending was interrupted; it resumes by itself.")),
    "lost_on_server": str(
        QT_TRANSLATE_NOOP("SyncView", "The repository has no record of the document; it will be sent again.")
    ),
}


def state_text(state: OutboxState) -> str:
    return QCoreApplication.translate(CONTEXT, _STATES[state])


def link_text(online: object, running: bool) -> str:
    """The indicator's text: not sending, online, offline (will send by itself), or checking."""
    if not running:
        return QCoreApplication.translate("SyncView", "● Not sending (paused or no repository set)")
    if online is True:
        return QCoreApplication.translate("SyncView", "● Online: documents are being sent")
    if online is False:
        return QCoreApplication.translate(
            CONTEXT, "● Offline: documents wait and go out when the link returns"
        )
    return QCoreApplication.translate("SyncView", "● Checking the connection…")


def when_text(moment: datetime | str | None) -> str:
    """A time (or an ISO time text) in the station's local zone, dd/mm/yyyy HH:MM:SS."""
    if not moment:
        return ""
    if isinstance(moment, str):
        try:
            parsed = datetime.fromisoformat(moment)
        except ValueError:
            return moment
        return parsed.astimezone().strftime("%d/%m/%Y %H:%M:%S")
    return moment.astimezone().strftime("%d/%m/%Y %H:%M:%S")


def last_error_text(item: OutboxItem) -> str:
    """The document's last sending problem: stored in Vietnamese; in English, its error type's words."""
    if not item.last_error_vi or current_language() == "vi":
        return item.last_error_vi or ""
    code = item.last_error_code or ""
    if code in _OWN_ERRORS:
        return QCoreApplication.translate(CONTEXT, _OWN_ERRORS[code])
    english = _english_messages().get(code)
    if english is None:
        return QCoreApplication.translate("SyncView", "Not sent yet (%1).").replace("%1", code)
    return english


def _english_messages() -> dict[str, str]:
    """Every error type's English message by its code."""
    found: dict[str, str] = {}
    todo: list[type[StationError]] = [StationError]
    while todo:
        kind = todo.pop()
        found.setdefault(kind.code, kind.message_en)
        todo.extend(kind.__subclasses__())
    return found
