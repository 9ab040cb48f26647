"""The audit log's hash chain: every action (who, what, when, on which record), tamper-evident."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.core.problems import Problem, vi_texts

log = logging.getLogger(__name__)

GENESIS = "0" * 64  # the "previous hash" of the first entry


@dataclass(frozen=True)
class AuditEntry:
    """One logged action. ``detail`` holds ids, states and reasons, never names or ID numbers."""

    seq: int
    at: str  # ISO 8601 UTC
    actor: str  # login
    action: str
    target: str  # e.g. "document:12", "batch:3", "account:2"
    detail: Mapping[str, Any] = field(default_factory=dict)
    prev_hash: str = GENESIS
    hash: str = ""


def entry_hash(
    seq: int, at: str, actor: str, action: str, target: str, detail: Mapping[str, Any], prev: str
) -> str:
    """SHA-256 over the entry's canonical JSON (sorted keys, no spaces) and the previous entry's hash."""
    body = json.dumps(
        [seq, at, actor, action, target, dict(detail), prev],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def chained(
    seq: int, at: str, actor: str, action: str, target: str, detail: Mapping[str, Any], prev: str
) -> AuditEntry:
    """A new entry linked to ``prev`` (the hash of the entry before it, GENESIS for the first)."""
    digest = entry_hash(seq, at, actor, action, target, detail, prev)
    return AuditEntry(seq, at, actor, action, target, dict(detail), prev, digest)


def verify_chain(entries: Iterable[AuditEntry], head: tuple[int, str] | None = None) -> list[str]:
    """Vietnamese messages of ``chain_problems``."""
    return vi_texts(chain_problems(entries, head))


def chain_problems(entries: Iterable[AuditEntry], head: tuple[int, str] | None = None) -> list[Problem]:
    """Problems found in the log (empty when intact).

    Detects an edited entry (its hash no longer matches), a removed or inserted one (sequence gap or
    broken link) and, given the recorded ``head`` (last seq and hash), entries cut off the end.
    """
    problems: list[Problem] = []
    prev_hash, expected_seq = GENESIS, 1
    for entry in entries:
        seq = entry.seq
        if seq != expected_seq:
            problems.append(
                Problem(
                    f"Thiếu hoặc thừa mục nhật ký trước mục số {seq}.",
                    f"Entries are missing or added before entry {seq}.",
                )
            )
        if entry.prev_hash != prev_hash:
            problems.append(
                Problem(
                    f"Mục nhật ký số {seq} không nối tiếp mục trước (có thể đã bị xóa hoặc chèn).",
                    f"Entry {seq} does not follow the one before (entries removed or inserted).",
                )
            )
        recomputed = entry_hash(
            seq, entry.at, entry.actor, entry.action, entry.target, entry.detail, entry.prev_hash
        )
        if recomputed != entry.hash:
            problems.append(Problem(f"Mục nhật ký số {seq} đã bị sửa.", f"Entry {seq} has been edited."))
        prev_hash, expected_seq = entry.hash, seq + 1
    if head is not None and (expected_seq - 1, prev_hash) != (head[0], head[1]):
        problems.append(
            Problem(
                f"Nhật ký bị cắt: mục cuối đã ghi là số {head[0]}, hiện còn đến số {expected_seq - 1}.",
                f"The log was cut: the last entry recorded is {head[0]}, it now ends at {expected_seq - 1}.",
            )
        )
    return problems


class AuditLog(Protocol):
    """Append-only log of actions (the store keeps it in the same transaction as the change)."""

    def entries(self, since_seq: int = 0) -> list[AuditEntry]: ...

    def verify(self) -> list[str]: ...
