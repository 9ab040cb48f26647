"""The shell's vocabulary: which screens exist, who sees them, role names, and error texts for the UI."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.core.accounts import Action, Role, User
from app.core.errors import StationError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScreenSpec:
    """One entry of the navigation: shown when the user may do every action in ``needs``."""

    key: str
    needs: tuple[Action, ...]


# In navigation order.
SCREENS: tuple[ScreenSpec, ...] = (
    ScreenSpec("capture", (Action.SCAN,)),
    ScreenSpec("describe", (Action.DESCRIBE,)),
    ScreenSpec("batches", (Action.VIEW_RECORDS,)),
    ScreenSpec("review", (Action.APPROVE,)),
    ScreenSpec("sync", (Action.SYNC,)),
    ScreenSpec("dashboard", (Action.EDIT_INVENTORY,)),
    ScreenSpec("inventory", (Action.EDIT_INVENTORY,)),
    ScreenSpec("audit", (Action.VIEW_AUDIT,)),
    ScreenSpec("accounts", (Action.MANAGE_ACCOUNTS,)),
    ScreenSpec("settings", (Action.MANAGE_SETTINGS,)),
)


def visible_screens(user: User | None) -> list[str]:
    """The keys of the screens ``user`` sees, in navigation order."""
    if user is None:
        return []
    return [s.key for s in SCREENS if all(user.can(a) for a in s.needs)]


def screen_title(key: str) -> str:
    """The navigation text of a screen in the current UI language."""
    titles = {
        "capture": QCoreApplication.translate("Navigation", "Scan"),
        "describe": QCoreApplication.translate("Navigation", "Describe"),
        "batches": QCoreApplication.translate("Navigation", "Batches"),
        "review": QCoreApplication.translate("Navigation", "Review"),
        "sync": QCoreApplication.translate("Navigation", "Send data"),
        "dashboard": QCoreApplication.translate("Navigation", "Progress"),
        "inventory": QCoreApplication.translate("Navigation", "Inventory"),
        "audit": QCoreApplication.translate("Navigation", "Audit log"),
        "accounts": QCoreApplication.translate("Navigation", "Accounts"),
        "settings": QCoreApplication.translate("Navigation", "Settings"),
    }
    return titles[key]


def role_name(role: Role) -> str:
    """A role as people at the station call it."""
    names = {
        Role.OFFICER: QCoreApplication.translate("Roles", "Digitisation officer"),
        Role.SUPERVISOR: QCoreApplication.translate("Roles", "Supervisor"),
        Role.ADMIN: QCoreApplication.translate("Roles", "Administrator"),
    }
    return names[role]


def role_names(roles: Iterable[Role]) -> str:
    order = [Role.OFFICER, Role.SUPERVISOR, Role.ADMIN]
    return ", ".join(role_name(r) for r in sorted(roles, key=order.index))


def error_text(error: object) -> str:
    """What to tell the user about a failed task: the specific Vietnamese message in Vietnamese; in
    English the message worded for this case, else the type's English summary with the detail."""
    from app.ui.app import current_language

    if not isinstance(error, StationError):
        return QCoreApplication.translate("Shell", "Something went wrong. Try again.")
    if current_language() == "vi":
        return error.message_vi
    if "message_en" in vars(error):  # given where it was raised: the detail would only repeat it
        return error.message_en
    return error.user_message("en")
