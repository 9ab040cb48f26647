"""Local accounts and roles (officer, supervisor, administrator); permissions are checked in the core."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from app.core.errors import StationError

log = logging.getLogger(__name__)

LOGIN_PATTERN = re.compile(r"^[a-z][a-z0-9._-]{2,31}$")
MIN_PASSWORD_LENGTH = 8


class Role(StrEnum):
    OFFICER = "officer"  # cán bộ số hóa: scans, describes, signs, submits
    SUPERVISOR = "supervisor"  # lãnh đạo / người kiểm tra: reviews, approves or rejects
    ADMIN = "admin"  # quản trị viên: accounts, settings, catalogue


class Action(StrEnum):
    SCAN = "scan"
    DESCRIBE = "describe"
    SUBMIT = "submit"
    APPROVE = "approve"
    REJECT = "reject"
    MARK_OUT_OF_SCOPE = "mark_out_of_scope"
    SYNC = "sync"
    VIEW_RECORDS = "view_records"
    VIEW_AUDIT = "view_audit"
    EDIT_INVENTORY = "edit_inventory"
    MANAGE_ACCOUNTS = "manage_accounts"
    MANAGE_SETTINGS = "manage_settings"


PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.OFFICER: frozenset(
        {
            Action.SCAN,
            Action.DESCRIBE,
            Action.SUBMIT,
            Action.MARK_OUT_OF_SCOPE,
            Action.SYNC,
            Action.VIEW_RECORDS,
        }
    ),
    Role.SUPERVISOR: frozenset(
        {
            Action.APPROVE,
            Action.REJECT,
            Action.VIEW_RECORDS,
            Action.VIEW_AUDIT,
            Action.EDIT_INVENTORY,
            Action.SYNC,
        }
    ),
    Role.ADMIN: frozenset({Action.MANAGE_ACCOUNTS, Action.MANAGE_SETTINGS, Action.VIEW_AUDIT, Action.SYNC}),
}

ACTION_LABELS_VI: dict[Action, str] = {
    Action.SCAN: "quét giấy tờ",
    Action.DESCRIBE: "nhập thông tin giấy tờ",
    Action.SUBMIT: "trình duyệt",
    Action.APPROVE: "phê duyệt",
    Action.REJECT: "trả lại",
    Action.MARK_OUT_OF_SCOPE: "đánh dấu ngoài phạm vi",
    Action.SYNC: "gửi lên kho dữ liệu",
    Action.VIEW_RECORDS: "xem hồ sơ",
    Action.VIEW_AUDIT: "xem nhật ký",
    Action.EDIT_INVENTORY: "sửa số liệu kiểm kê",
    Action.MANAGE_ACCOUNTS: "quản lý tài khoản",
    Action.MANAGE_SETTINGS: "thay đổi cài đặt",
}

ACTION_LABELS_EN: dict[Action, str] = {
    Action.SCAN: "scan papers",
    Action.DESCRIBE: "enter document details",
    Action.SUBMIT: "submit for review",
    Action.APPROVE: "approve",
    Action.REJECT: "return documents",
    Action.MARK_OUT_OF_SCOPE: "mark documents out of scope",
    Action.SYNC: "send to the central repository",
    Action.VIEW_RECORDS: "view records",
    Action.VIEW_AUDIT: "view the audit log",
    Action.EDIT_INVENTORY: "edit the inventory",
    Action.MANAGE_ACCOUNTS: "manage accounts",
    Action.MANAGE_SETTINGS: "change settings",
}


class PermissionDenied(StationError):
    code = "permission_denied"
    message_vi = "Tài khoản của bạn không có quyền thực hiện việc này."
    message_en = "Your account is not allowed to do this."


class AccountError(StationError, ValueError):
    code = "account"
    message_vi = "Thông tin tài khoản không hợp lệ."
    message_en = "The account details are invalid."


class LoginFailed(StationError):
    code = "login_failed"
    message_vi = "Sai tên đăng nhập hoặc mật khẩu."
    message_en = "Wrong login or password."


@dataclass(frozen=True)
class User:
    """A person who logs in at the station; ``login`` is what the audit log records (no full name)."""

    id: int
    login: str
    full_name: str
    roles: frozenset[Role]
    active: bool = True

    def can(self, action: Action) -> bool:
        return self.active and any(action in PERMISSIONS[role] for role in self.roles)


def require(user: User | None, action: Action) -> User:
    """The user, when logged in, active and allowed ``action``; else PermissionDenied (in Vietnamese)."""
    if user is None:
        raise PermissionDenied(
            "not logged in", message_vi="Bạn cần đăng nhập trước.", message_en="Log in first."
        )
    if not user.can(action):
        log.info("denied %s to account %d", action.value, user.id)
        raise PermissionDenied(
            action.value,
            message_vi=f"Tài khoản của bạn không có quyền {ACTION_LABELS_VI[action]}.",
            message_en=f"Your account is not allowed to {ACTION_LABELS_EN[action]}.",
        )
    return user


def check_new_account(login: str, password: str, roles: frozenset[Role]) -> None:
    """Raise AccountError unless the login, password and roles are acceptable for a new account."""
    if not LOGIN_PATTERN.match(login):
        raise AccountError(
            "login",
            message_vi="Tên đăng nhập 3–32 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang.",
            message_en="A login is 3–32 characters: unaccented lower-case letters, digits, dots, hyphens.",
        )
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            "password",
            message_vi=f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự.",
            message_en=f"The password must have at least {MIN_PASSWORD_LENGTH} characters.",
        )
    if not roles:
        raise AccountError(
            "roles",
            message_vi="Chọn ít nhất một vai trò cho tài khoản.",
            message_en="Choose at least one role for the account.",
        )


class PasswordHasher(Protocol):
    """Slow, salted password hashing (argon2 in the store); the core never sees a stored hash's format."""

    def hash(self, password: str) -> str: ...

    def verify(self, stored: str, password: str) -> bool: ...
