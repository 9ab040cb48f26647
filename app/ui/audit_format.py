"""How the audit log reads on screen: local times, Vietnamese action names, targets and details."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication

from app.core.accounts import Role
from app.core.audit import AuditEntry
from app.core.models import DocumentState
from app.ui.batches_parts import document_state_text
from app.ui.nav import role_name

log = logging.getLogger(__name__)

# The PySide6 stubs say QT_TRANSLATE_NOOP returns ``object``; it returns its message unchanged. The name
# stays QT_TRANSLATE_NOOP so lupdate still collects the strings below.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)

CONTEXT = "AuditView"
DETAIL_LIMIT = 160

ACTION_NAMES: dict[str, str] = {
    "document_describe": QT_TRANSLATE_NOOP("AuditView", "Description entered"),
    "document_submit": QT_TRANSLATE_NOOP("AuditView", "Submitted for approval"),
    "document_approve": QT_TRANSLATE_NOOP("AuditView", "Approved"),
    "document_reject": QT_TRANSLATE_NOOP("AuditView", "Returned"),
    "login": QT_TRANSLATE_NOOP("AuditView", "Logged in"),
    "login_failed": QT_TRANSLATE_NOOP("AuditView", "Failed login"),
    "account_created": QT_TRANSLATE_NOOP("AuditView", "Account created"),
    "account_enabled": QT_TRANSLATE_NOOP("AuditView", "Account enabled"),
    "account_disabled": QT_TRANSLATE_NOOP("AuditView", "Account disabled"),
    "signer_set": QT_TRANSLATE_NOOP("AuditView", "Signing key assigned"),
    "settings_saved": QT_TRANSLATE_NOOP("AuditView", "Settings saved"),
    "pages_reordered": QT_TRANSLATE_NOOP("AuditView", "Pages reordered"),
    "pages_moved": QT_TRANSLATE_NOOP("AuditView", "Pages moved"),
    "document_split": QT_TRANSLATE_NOOP("AuditView", "Document split"),
    "documents_merged": QT_TRANSLATE_NOOP("AuditView", "Documents merged"),
    "page_trashed": QT_TRANSLATE_NOOP("AuditView", "Page moved to trash"),
    "page_restored": QT_TRANSLATE_NOOP("AuditView", "Page restored"),
    "page_rescanned": QT_TRANSLATE_NOOP("AuditView", "Page rescanned"),
    "page_cropped": QT_TRANSLATE_NOOP("AuditView", "Paper outline corrected"),
    "page_rotated": QT_TRANSLATE_NOOP("AuditView", "Page rotated"),
    "page_reanalysed": QT_TRANSLATE_NOOP("AuditView", "Page analysed again"),
    "inventory_set": QT_TRANSLATE_NOOP("AuditView", "Inventory count set"),
    "inventory_removed": QT_TRANSLATE_NOOP("AuditView", "Inventory row removed"),
    "records_exported": QT_TRANSLATE_NOOP("AuditView", "Records exported"),
    "scans_purged": QT_TRANSLATE_NOOP("AuditView", "Scans removed after the retention period"),
}
TARGET_NAMES: dict[str, str] = {
    "document": QT_TRANSLATE_NOOP("AuditView", "Document %1"),
    "batch": QT_TRANSLATE_NOOP("AuditView", "Batch %1"),
    "page": QT_TRANSLATE_NOOP("AuditView", "Page %1"),
    "account": QT_TRANSLATE_NOOP("AuditView", "Account %1"),
    "station": QT_TRANSLATE_NOOP("AuditView", "Station settings"),
    "inventory": QT_TRANSLATE_NOOP("AuditView", "Inventory %1"),
    "records": QT_TRANSLATE_NOOP("AuditView", "All records"),
    "scans": QT_TRANSLATE_NOOP("AuditView", "Scans on the station"),
}
DETAIL_NAMES: dict[str, str] = {
    "reason": QT_TRANSLATE_NOOP("AuditView", "reason"),
    "pages": QT_TRANSLATE_NOOP("AuditView", "pages"),
    "new": QT_TRANSLATE_NOOP("AuditView", "new"),
    "old": QT_TRANSLATE_NOOP("AuditView", "old"),
    "removed": QT_TRANSLATE_NOOP("AuditView", "merged in"),
    "roles": QT_TRANSLATE_NOOP("AuditView", "roles"),
    "kind": QT_TRANSLATE_NOOP("AuditView", "kind"),
    "agency": QT_TRANSLATE_NOOP("AuditView", "agency"),
    "source": QT_TRANSLATE_NOOP("AuditView", "source"),
    "rows": QT_TRANSLATE_NOOP("AuditView", "rows"),
    "days": QT_TRANSLATE_NOOP("AuditView", "days"),
    "documents": QT_TRANSLATE_NOOP("AuditView", "documents"),
    "files": QT_TRANSLATE_NOOP("AuditView", "files"),
    "bytes": QT_TRANSLATE_NOOP("AuditView", "bytes"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class AuditRow:
    """One entry as the table shows it, with what the filters compare."""

    seq: int
    when: datetime
    time_text: str
    actor: str
    actor_text: str
    action: str
    action_text: str
    target_text: str
    detail_text: str


def action_text(code: str) -> str:
    """The action in the UI language; a code this screen does not know is shown as it is."""
    return _tr(ACTION_NAMES[code]) if code in ACTION_NAMES else code


def target_text(target: str) -> str:
    kind, _, ident = target.partition(":")
    if kind in TARGET_NAMES:
        return _tr(TARGET_NAMES[kind]).replace("%1", ident)
    return target


def detail_text(detail: Mapping[str, Any]) -> str:
    """State changes as words ("from … to …"), the reason in full, other keys briefly."""
    parts = []
    before, after = detail.get("from"), detail.get("to")
    if isinstance(before, str) and isinstance(after, str):
        parts.append(
            QCoreApplication.translate("AuditView", "%1 → %2")
            .replace("%1", _state(before))
            .replace("%2", _state(after))
        )
    elif isinstance(after, int) and (before is None or isinstance(before, int)):
        # An inventory count: "– → 12" for a new row.
        shown_before = "–" if before is None else str(before)
        parts.append(
            QCoreApplication.translate("AuditView", "%1 → %2")
            .replace("%1", shown_before)
            .replace("%2", str(after))
        )
    elif isinstance(before, int) and after is None:
        parts.append(
            QCoreApplication.translate("AuditView", "%1 → %2").replace("%1", str(before)).replace("%2", "–")
        )
    for key, value in detail.items():
        if key in ("from", "to"):
            continue
        name = _tr(DETAIL_NAMES[key]) if key in DETAIL_NAMES else key
        if key == "roles" and isinstance(value, list):
            value = [role_name(Role(v)) if v in Role.__members__.values() else v for v in value]
        shown = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        parts.append(f"{name}: {shown}")
    text = "; ".join(parts)
    return text if len(text) <= DETAIL_LIMIT else text[: DETAIL_LIMIT - 1] + "…"


def _state(value: str) -> str:
    try:
        return document_state_text(DocumentState(value))
    except ValueError:
        return value


def audit_rows(entries: list[AuditEntry], names: Mapping[str, str]) -> list[AuditRow]:
    """Newest first, times in the station's local time zone."""
    rows = []
    for entry in reversed(entries):
        when = datetime.fromisoformat(entry.at).astimezone()
        full = names.get(entry.actor)
        actor = f"{full} ({entry.actor})" if full else entry.actor
        rows.append(
            AuditRow(
                entry.seq,
                when,
                when.strftime("%d/%m/%Y %H:%M:%S"),
                entry.actor,
                actor,
                entry.action,
                action_text(entry.action),
                target_text(entry.target),
                detail_text(entry.detail),
            )
        )
    return rows


def matches(row: AuditRow, actor: str, action: str, first: date | None, last: date | None) -> bool:
    """The filters: empty ``actor`` / ``action`` mean everyone / every action; dates are inclusive."""
    day = row.when.date()
    return (
        (not actor or row.actor == actor)
        and (not action or row.action == action)
        and (first is None or day >= first)
        and (last is None or day <= last)
    )
