"""Documents are split at separator sheets; blank pages belong to no document and never split one."""

from __future__ import annotations

from app.core.models import PageFindings
from app.core.splitting import assemble_documents, doc_type_from_separator

CONTENT = PageFindings(100, 100, 300)
BLANK = PageFindings(100, 100, 300, is_blank=True)
SEP = PageFindings(100, 100, 300, is_separator=True, separator_payload="SEP")


def positions(findings: list[PageFindings | None]) -> list[list[int]]:
    return [d.page_positions for d in assemble_documents(findings)]


def test_separators_split_and_blanks_are_set_aside() -> None:
    feed = [SEP, CONTENT, BLANK, CONTENT, SEP, CONTENT, BLANK, SEP, CONTENT, CONTENT]
    assert positions(feed) == [[1, 3], [5], [8, 9]]


def test_batch_without_separator_is_one_document() -> None:
    assert positions([CONTENT, CONTENT, BLANK]) == [[0, 1]]


def test_consecutive_separators_and_trailing_separator_make_no_empty_document() -> None:
    assert positions([SEP, SEP, CONTENT, SEP]) == [[2]]


def test_unreadable_page_is_not_in_a_document_but_does_not_split() -> None:
    assert positions([CONTENT, None, CONTENT]) == [[0, 2]]


def test_cover_sheet_names_the_type_of_the_next_document() -> None:
    typed = PageFindings(100, 100, 300, is_separator=True, separator_payload="SEP:khai_sinh")
    docs = assemble_documents([typed, CONTENT, SEP, CONTENT])
    assert [d.doc_type_hint for d in docs] == ["khai_sinh", None]
    assert doc_type_from_separator("SEP") is None
    assert doc_type_from_separator("sep:Ket_Hon") == "ket_hon"
