"""Result codes: template validation, rendering with and without an owner, never-reused sequences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.doctypes import load_doctypes
from app.core.result_codes import (
    DEFAULT_TEMPLATE,
    CodeTemplate,
    CodeTemplateError,
    InMemorySequenceAllocator,
    issue_code,
    render_code,
)

DEFAULT = CodeTemplate()
ident = st.text(alphabet="0123456789ABCDEFGHKLMNPQRSTUVXY.-", min_size=1, max_size=14)
owners = st.one_of(st.none(), st.just(""), st.just("   "), ident)
seqs = st.integers(min_value=1, max_value=10**9)


def test_default_template_with_personal_number_owner() -> None:
    code = render_code(DEFAULT, "001090012345", "GKS", "000.21.31.H26", 2026, 42)
    assert code == "001090012345.GKS.000.21.31.H26.2026.000042"
    assert CodeTemplate().pattern == DEFAULT_TEMPLATE


def test_owner_without_identifier_leaves_owner_part_empty() -> None:
    assert render_code(DEFAULT, None, "GKS", "T01", 2026, 7) == "GKS.T01.2026.000007"
    assert render_code(DEFAULT, "", "GKS", "T01", 2026, 7) == "GKS.T01.2026.000007"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("{result_type}-{owner}-{seq}", "KQ-5"),
        ("KQ/{owner}/{seq:04d}", "KQ/0005"),
        ("{seq}.{owner}", "5"),
        ("{station}{owner}{seq}", "T15"),
    ],
)
def test_empty_owner_anywhere_drops_one_separator(pattern: str, expected: str) -> None:
    assert render_code(CodeTemplate(pattern), None, "KQ", "T1", 2026, 5) == expected


@pytest.mark.parametrize(
    ("pattern", "fragment"),
    [
        ("{owner}.{typ}.{seq}", "{typ}"),
        ("{owner}.{0}.{seq}", "{0}"),
        ("{owner}.{result_type}", "{seq}"),
        ("{owner.x}.{seq}", "{owner.x}"),
        ("{seq}.{seq}", "seq"),
        ("{seq!r}", "!r"),
        ("{seq:%Y}", "định dạng"),
        ("{seq", "ngoặc"),
    ],
)
def test_bad_templates_are_rejected_with_a_clear_message(pattern: str, fragment: str) -> None:
    with pytest.raises(CodeTemplateError) as info:
        CodeTemplate(pattern)
    assert fragment in info.value.detail
    assert "quản trị viên" in info.value.user_message()


def test_unknown_placeholder_message_lists_the_allowed_ones() -> None:
    with pytest.raises(CodeTemplateError) as info:
        CodeTemplate("{agency}.{seq}")
    assert "{owner}" in info.value.detail and "{seq}" in info.value.detail


@pytest.mark.parametrize(
    ("owner", "result_type", "station", "year", "seq"),
    [
        ("001", "", "T1", 2026, 1),
        ("001", "KQ", " ", 2026, 1),
        ("0 01", "KQ", "T1", 2026, 1),
        ("001", "KQ", "T1", 26, 1),
        ("001", "KQ", "T1", 2026, 0),
    ],
)
def test_bad_values_are_rejected(owner: str, result_type: str, station: str, year: int, seq: int) -> None:
    with pytest.raises(CodeTemplateError):
        render_code(DEFAULT, owner, result_type, station, year, seq)


def test_every_doctype_result_code_renders() -> None:
    codes = {render_code(DEFAULT, None, t.result_type_code, "T1", 2026, 1) for t in load_doctypes().values()}
    assert all(not c.startswith(".") and ".." not in c for c in codes)


@given(owner=owners, a=seqs, b=seqs)
def test_codes_differ_for_distinct_seqs(owner: str | None, a: int, b: int) -> None:
    code_a = render_code(DEFAULT, owner, "GKS", "T1", 2026, a)
    code_b = render_code(DEFAULT, owner, "GKS", "T1", 2026, b)
    assert (code_a == code_b) == (a == b)


@given(owner_a=owners, owner_b=owners, a=seqs, b=seqs)
def test_codes_differ_across_owners_for_distinct_seqs(
    owner_a: str | None, owner_b: str | None, a: int, b: int
) -> None:
    if a != b:
        assert render_code(DEFAULT, owner_a, "KQ", "T1", 2026, a) != render_code(
            DEFAULT, owner_b, "KQ", "T1", 2026, b
        )


@given(owner=st.sampled_from([None, "", "  "]), seq=seqs, year=st.integers(1000, 9999))
def test_empty_owner_gives_a_well_formed_code(owner: str | None, seq: int, year: int) -> None:
    code = render_code(DEFAULT, owner, "GCNKH", "T1", year, seq)
    assert code == f"GCNKH.T1.{year}.{seq:06d}"
    assert not code.startswith(".") and ".." not in code and not code.endswith(".")


@given(ops=st.lists(st.booleans(), min_size=1, max_size=60), start=st.integers(0, 10**6))
def test_allocator_never_reuses_after_release(ops: list[bool], start: int) -> None:
    alloc = InMemorySequenceAllocator(start_after=start)
    seen: list[int] = []
    for delete_newest in ops:
        if delete_newest and seen:
            alloc.release(seen[-1])
            assert alloc.is_released(seen[-1])
        seq = alloc.allocate()
        assert seq > start and all(seq > s for s in seen)
        seen.append(seq)
    assert alloc.last() == seen[-1]


def test_deleting_the_newest_code_does_not_give_its_code_again() -> None:
    alloc = InMemorySequenceAllocator()
    _, first = issue_code(DEFAULT, alloc, owner_id="001", result_type="GKS", station="T1", year=2026)
    seq, second = issue_code(DEFAULT, alloc, owner_id="001", result_type="GKS", station="T1", year=2026)
    alloc.release(seq)
    _, third = issue_code(DEFAULT, alloc, owner_id="001", result_type="GKS", station="T1", year=2026)
    assert len({first, second, third}) == 3
    assert third.endswith(".000003")


def test_bad_input_does_not_burn_a_number() -> None:
    alloc = InMemorySequenceAllocator()
    with pytest.raises(CodeTemplateError):
        issue_code(DEFAULT, alloc, owner_id=None, result_type="", station="T1", year=2026)
    assert alloc.last() == 0


def test_releasing_an_unallocated_number_is_an_error() -> None:
    alloc = InMemorySequenceAllocator()
    with pytest.raises(ValueError, match="never allocated"):
        alloc.release(1)
