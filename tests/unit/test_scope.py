"""Out-of-scope flags: reasons with Vietnamese labels, required details, and exclusion from counts."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.scope import (
    LABELS_EN,
    LABELS_VI,
    ScopeFlag,
    ScopeFlagError,
    ScopeReason,
    count_by_reason,
    count_in_scope,
    countable,
    label,
)

HANOI = timezone(timedelta(hours=7))
WHEN = datetime(2026, 3, 2, 9, 30, tzinfo=HANOI)


@dataclass
class Record:
    scope_flags: list[ScopeFlag] = field(default_factory=list)


def flag(reason: ScopeReason, note: str = "") -> ScopeFlag:
    return ScopeFlag(reason=reason, note=note, who="Cán bộ A", when=WHEN)


def test_every_reason_has_distinct_vietnamese_and_english_labels() -> None:
    assert set(LABELS_VI) == set(ScopeReason) == set(LABELS_EN)
    assert len(set(LABELS_VI.values())) == len(ScopeReason)
    assert label(ScopeReason.SECRET) == "Tài liệu mật"
    assert label(ScopeReason.COPY, "en") == "Copy or certified copy"
    assert all(unicodedata.is_normalized("NFC", text) for text in LABELS_VI.values())


def test_reason_values_are_stable_strings_for_storage() -> None:
    assert [r.value for r in ScopeReason] == ["in_national_database", "copy", "shown_only", "secret", "other"]
    assert flag(ScopeReason("copy")).label_vi == "Bản sao, bản sao chứng thực"


def test_note_is_stored_nfc_with_spaces_collapsed() -> None:
    decomposed = unicodedata.normalize("NFD", "  Đã có trong   CSDL hộ tịch ")
    assert flag(ScopeReason.IN_NATIONAL_DATABASE, decomposed).note == "Đã có trong CSDL hộ tịch"


def test_other_reason_requires_a_note() -> None:
    with pytest.raises(ScopeFlagError) as info:
        flag(ScopeReason.OTHER, "   ")
    assert "ghi rõ lý do" in info.value.user_message()
    assert flag(ScopeReason.OTHER, "Giấy bị rách mất nửa").note == "Giấy bị rách mất nửa"


def test_flag_requires_officer_and_time_zone() -> None:
    with pytest.raises(ScopeFlagError, match="người đánh dấu"):
        ScopeFlag(ScopeReason.COPY, "", " ", WHEN)
    with pytest.raises(ScopeFlagError, match="thời điểm"):
        ScopeFlag(ScopeReason.COPY, "", "Cán bộ A", datetime(2026, 3, 2, 9, 30))
    assert ScopeFlag(ScopeReason.COPY, "", "Cán bộ A", datetime(2026, 3, 2, tzinfo=UTC)).who == "Cán bộ A"


def test_unknown_reason_is_rejected() -> None:
    with pytest.raises(ValueError):
        ScopeFlag("photo", "", "Cán bộ A", WHEN)  # type: ignore[arg-type]


def test_flagged_papers_are_excluded_from_counts() -> None:
    records = [
        Record(),
        Record([flag(ScopeReason.SECRET)]),
        Record(),
        Record([flag(ScopeReason.COPY), flag(ScopeReason.SHOWN_ONLY)]),
        Record([flag(ScopeReason.COPY)]),
    ]
    assert count_in_scope(records) == 2
    assert countable([]) and not countable([flag(ScopeReason.SECRET)])
    assert count_in_scope(iter(records)) == 2  # one-shot iterables work too
    assert count_by_reason(records) == {ScopeReason.SECRET: 1, ScopeReason.COPY: 2, ScopeReason.SHOWN_ONLY: 1}


def test_a_reason_flagged_twice_on_one_paper_is_counted_once() -> None:
    record = Record([flag(ScopeReason.COPY), flag(ScopeReason.COPY, "bản photo")])
    assert count_by_reason([record]) == {ScopeReason.COPY: 1}


reasons = st.sampled_from(list(ScopeReason))
records_st = st.lists(st.lists(reasons, max_size=3), max_size=40)


@given(records_st)
def test_in_scope_plus_excluded_equals_total(raw: list[list[ScopeReason]]) -> None:
    records = [Record([flag(r, "ghi chú") for r in reasons_]) for reasons_ in raw]
    excluded = sum(1 for r in records if r.scope_flags)
    assert count_in_scope(records) + excluded == len(records)
    assert count_in_scope(records) == sum(1 for reasons_ in raw if not reasons_)
