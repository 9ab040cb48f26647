"""Local accounts in the store: argon2 password hashes, roles, and every account change audited."""

from __future__ import annotations

import logging
import threading
from typing import Any

from argon2 import PasswordHasher as _Argon2
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.core.accounts import AccountError, Action, LoginFailed, Role, User, check_new_account, require
from app.core.textnorm import collapse_spaces, nfc
from app.store.audit import append_audit
from app.store.db import WriteSession, translated, writer
from app.store.orm import UserRow, utc_now

log = logging.getLogger(__name__)


class Argon2Hasher:
    """argon2id with the library's defaults (salted, memory-hard)."""

    def __init__(self) -> None:
        self._hasher = _Argon2()

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, stored: str, password: str) -> bool:
        try:
            return bool(self._hasher.verify(stored, password))
        except (VerificationError, InvalidHashError):
            return False


class SqliteAccounts:
    """Create accounts, log in, list, deactivate; only administrators manage accounts (bar the first)."""

    def __init__(self, engine: Engine, lock: threading.Lock | None = None) -> None:
        self._engine = engine
        self._writer = writer(engine)
        self._lock = lock or threading.Lock()
        self._hasher = Argon2Hasher()

    def has_accounts(self) -> bool:
        with translated("reading accounts"), Session(self._engine) as session:
            return bool(session.scalar(select(func.count()).select_from(UserRow)))

    def create(
        self, by: User | None, login: str, full_name: str, password: str, roles: frozenset[Role]
    ) -> User:
        """A new account. With no account yet, the first one is created by the setup wizard and must
        be an administrator; after that only an administrator creates accounts."""
        login = login.strip().lower()
        check_new_account(login, password, roles)
        digest = self._hasher.hash(password)
        with self._lock, translated("creating an account"), WriteSession(self._writer) as session:
            first = not session.scalar(select(func.count()).select_from(UserRow))
            if first and Role.ADMIN not in roles:
                raise AccountError("first", message_vi="Tài khoản đầu tiên phải là quản trị viên.")
            actor = "setup" if first else require(by, Action.MANAGE_ACCOUNTS).login
            if session.scalar(select(UserRow.id).where(UserRow.login == login)) is not None:
                raise AccountError("exists", message_vi=f"Tên đăng nhập “{login}” đã có.")
            row = UserRow(
                login=login,
                full_name=collapse_spaces(nfc(full_name)),
                roles=sorted(r.value for r in roles),
                password_hash=digest,
                active=True,
                created_at=utc_now(),
            )
            session.add(row)
            session.flush()
            append_audit(session, actor, "account_created", f"account:{row.id}", {"roles": row.roles})
            return _user(row)

    def login(self, login: str, password: str) -> User:
        """The account when the password matches and it is active; LoginFailed otherwise (same message)."""
        with translated("logging in"), Session(self._engine) as session:
            row = session.scalar(select(UserRow).where(UserRow.login == login.strip().lower()))
        ok = row is not None and row.active and self._hasher.verify(row.password_hash, password)
        with self._lock, translated("logging in"), WriteSession(self._writer) as session:
            target = f"account:{row.id}" if row is not None else "account:?"
            append_audit(session, row.login if ok and row else "?", "login" if ok else "login_failed", target)
        if not ok or row is None:
            raise LoginFailed()
        return _user(row)

    def list(self) -> list[User]:
        with translated("reading accounts"), Session(self._engine) as session:
            return [_user(r) for r in session.scalars(select(UserRow).order_by(UserRow.login))]

    def set_active(self, by: User | None, user_id: int, active: bool) -> None:
        actor = require(by, Action.MANAGE_ACCOUNTS)
        if actor.id == user_id and not active:
            raise AccountError("self", message_vi="Không thể tự khóa tài khoản đang dùng.")
        with self._lock, translated("updating an account"), WriteSession(self._writer) as session:
            row = session.get(UserRow, user_id)
            if row is None:
                raise AccountError("missing", message_vi="Không tìm thấy tài khoản.")
            row.active = active
            append_audit(
                session,
                actor.login,
                "account_enabled" if active else "account_disabled",
                f"account:{user_id}",
            )

    def set_signer(self, by: User | None, user_id: int, signer: dict[str, Any]) -> None:
        """Record how an account signs (key file path or token labels; never a passphrase or PIN)."""
        actor = require(by, Action.MANAGE_ACCOUNTS)
        secret = {"pkcs12_passphrase", "pin", "password"} & set(signer)
        if secret:
            raise AccountError("secret", message_vi="Không lưu mật khẩu hoặc mã PIN của khóa ký số.")
        with self._lock, translated("updating an account"), WriteSession(self._writer) as session:
            row = session.get(UserRow, user_id)
            if row is None:
                raise AccountError("missing", message_vi="Không tìm thấy tài khoản.")
            row.signer = dict(signer)
            append_audit(
                session, actor.login, "signer_set", f"account:{user_id}", {"kind": signer.get("kind", "")}
            )

    def signer_of(self, user_id: int) -> dict[str, Any] | None:
        with translated("reading an account"), Session(self._engine) as session:
            row = session.get(UserRow, user_id)
            return dict(row.signer) if row is not None and row.signer else None


def _user(row: UserRow) -> User:
    return User(row.id, row.login, row.full_name, frozenset(Role(r) for r in row.roles), row.active)
