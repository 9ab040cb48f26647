"""The audit log in the store: entries appended in the caller's transaction, chained by SHA-256."""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.core.accounts import Action, User, require
from app.core.audit import AuditEntry, chained, verify_chain
from app.store.db import WriteSession, translated, writer
from app.store.orm import AuditHeadRow, AuditRow

log = logging.getLogger(__name__)

SYSTEM_ACTOR = "system"  # automatic work (extraction, recovery, sync) logs as this


def append_audit(
    session: Session, actor: str, action: str, target: str, detail: Mapping[str, Any] | None = None
) -> AuditEntry:
    """Log an action in the caller's write transaction, so the change and its entry commit together."""
    head = session.get(AuditHeadRow, 1)
    seq, prev = (head.seq + 1, head.hash) if head is not None else (1, "0" * 64)
    at = datetime.now(UTC).isoformat(timespec="milliseconds")
    entry = chained(seq, at, actor, action, target, _plain(detail or {}), prev)
    session.add(AuditRow(**_row_values(entry)))
    if head is None:
        session.add(AuditHeadRow(id=1, seq=entry.seq, hash=entry.hash))
    else:
        head.seq, head.hash = entry.seq, entry.hash
    return entry


def _plain(detail: Mapping[str, Any]) -> dict[str, Any]:
    """The detail as it will read back from JSON (so the hash is computed over the stored form)."""
    return dict(json.loads(json.dumps(dict(detail), ensure_ascii=False)))


def _row_values(entry: AuditEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": entry.at,
        "actor": entry.actor,
        "action": entry.action,
        "target": entry.target,
        "detail": dict(entry.detail),
        "prev_hash": entry.prev_hash,
        "hash": entry.hash,
    }


class SqliteAudit:
    """Reading, verifying and exporting the audit log (supervisors and administrators only)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def record(
        self, actor: str, action: str, target: str, detail: Mapping[str, Any] | None = None
    ) -> AuditEntry:
        """Log an action that changes nothing else in the store (a USB export), in its own transaction."""
        with translated("writing the audit log"), WriteSession(writer(self._engine)) as session:
            return append_audit(session, actor, action, target, detail)

    def entries(self, since_seq: int = 0) -> list[AuditEntry]:
        query = select(AuditRow).where(AuditRow.seq > since_seq).order_by(AuditRow.seq)
        with translated("reading the audit log"), Session(self._engine) as session:
            return [
                AuditEntry(r.seq, r.at, r.actor, r.action, r.target, r.detail, r.prev_hash, r.hash)
                for r in session.scalars(query)
            ]

    def head(self) -> tuple[int, str] | None:
        with translated("reading the audit log"), Session(self._engine) as session:
            row = session.get(AuditHeadRow, 1)
            return (row.seq, row.hash) if row is not None else None

    def verify(self) -> list[str]:
        """Vietnamese problems: edited, removed, inserted or cut-off entries (empty when intact)."""
        return verify_chain(self.entries(), self.head())

    def export_csv(self, user: User | None) -> str:
        """The whole log as CSV for a supervisor or administrator, with the verification result last."""
        require(user, Action.VIEW_AUDIT)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["seq", "at", "actor", "action", "target", "detail", "prev_hash", "hash"])
        for e in self.entries():
            detail = json.dumps(dict(e.detail), ensure_ascii=False, sort_keys=True)
            writer.writerow([e.seq, e.at, e.actor, e.action, e.target, detail, e.prev_hash, e.hash])
        problems = self.verify()
        writer.writerow(["#", "kiểm tra", "toàn vẹn" if not problems else "; ".join(problems)])
        return out.getvalue()
