"""Out-of-scope flags: papers the officer marks and skips, with a reason, excluded from counts."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from app.core.errors import StationError
from app.core.textnorm import collapse_spaces, nfc

log = logging.getLogger(__name__)


class ScopeReason(StrEnum):
    """Why a paper is not digitised (DOMAIN.md: out of scope)."""

    IN_NATIONAL_DATABASE = "in_national_database"
    COPY = "copy"
    SHOWN_ONLY = "shown_only"
    SECRET = "secret"  # noqa: S105 -- a classification, not a password
    OTHER = "other"


LABELS_VI: dict[ScopeReason, str] = {
    ScopeReason.IN_NATIONAL_DATABASE: "Đã có dữ liệu trong cơ sở dữ liệu quốc gia",
    ScopeReason.COPY: "Bản sao, bản sao chứng thực",
    ScopeReason.SHOWN_ONLY: "Giấy tờ chỉ xuất trình tại bộ phận một cửa",
    ScopeReason.SECRET: "Tài liệu mật",
    ScopeReason.OTHER: "Lý do khác",
}

LABELS_EN: dict[ScopeReason, str] = {
    ScopeReason.IN_NATIONAL_DATABASE: "Already in a national database",
    ScopeReason.COPY: "Copy or certified copy",
    ScopeReason.SHOWN_ONLY: "Shown only at the desk",
    ScopeReason.SECRET: "Secret document",
    ScopeReason.OTHER: "Other reason",
}


def label(reason: ScopeReason, lang: str = "vi") -> str:
    """The reason's label for the UI language (Vietnamese unless ``lang == "en"``)."""
    return LABELS_EN[reason] if lang == "en" else LABELS_VI[reason]


class ScopeFlagError(StationError, ValueError):
    """A scope flag lacks what it needs (a note for "other", the officer, an aware time)."""

    code = "scope_flag"
    message_vi = "Đánh dấu ngoài phạm vi chưa đủ thông tin."
    message_en = "The out-of-scope mark is incomplete."


@dataclass(frozen=True)
class ScopeFlag:
    """One officer's decision that a paper is out of scope: reason, note (Vietnamese), who, when.

    The note is stored NFC with whitespace collapsed; it is required for ``OTHER``. ``when`` must
    carry a time zone so flags from different stations compare correctly.
    """

    reason: ScopeReason
    note: str
    who: str
    when: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "reason", ScopeReason(self.reason))
        object.__setattr__(self, "note", collapse_spaces(nfc(self.note)))
        object.__setattr__(self, "who", collapse_spaces(nfc(self.who)))
        if self.reason is ScopeReason.OTHER and not self.note:
            raise ScopeFlagError(
                "lý do khác",
                message_vi="Chọn “Lý do khác” thì phải ghi rõ lý do.",
                message_en="With “Other reason”, write the reason in the note.",
            )
        if not self.who:
            raise ScopeFlagError(
                "người đánh dấu",
                message_vi="Thiếu tên cán bộ đánh dấu ngoài phạm vi.",
                message_en="The officer who marks it out of scope is missing.",
            )
        if self.when.tzinfo is None or self.when.utcoffset() is None:
            raise ScopeFlagError(
                "thời điểm",
                message_vi="Thời điểm đánh dấu phải có múi giờ.",
                message_en="The time of the mark needs a time zone.",
            )

    @property
    def label_vi(self) -> str:
        return LABELS_VI[self.reason]


class HasScopeFlags(Protocol):
    """Anything (a document, a record) that carries its out-of-scope flags."""

    @property
    def scope_flags(self) -> Sequence[ScopeFlag]: ...


def countable(record_flags: Iterable[ScopeFlag]) -> bool:
    """True when the record counts towards digitisation totals: it has no out-of-scope flag."""
    return not any(True for _ in record_flags)


def count_in_scope(records: Iterable[HasScopeFlags]) -> int:
    """How many records count: those without any out-of-scope flag."""
    return sum(1 for record in records if countable(record.scope_flags))


def count_by_reason(records: Iterable[HasScopeFlags]) -> Counter[ScopeReason]:
    """Excluded records per reason, for reports; a record with several reasons counts once per reason."""
    tally: Counter[ScopeReason] = Counter()
    for record in records:
        tally.update({flag.reason for flag in record.scope_flags})
    return tally
