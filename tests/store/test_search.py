"""Local search: diacritics-insensitive (đ as d), prefix while typing, replace on re-index, safe input."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from app.store import SqliteStore
from app.store.db import writer
from app.store.search import index_record

FILLER = " ".join(["giấy", "tờ", "lưu", "trữ", "tại", "ủy", "ban", "nhân", "dân", "xã"] * 8)


def _index(store: SqliteStore, records: Iterable[tuple[str, str, list[str]]]) -> None:
    with writer(store._engine).begin() as conn:
        for key, kind, texts in records:
            index_record(conn, key, kind, texts)


def _keys(store: SqliteStore, query: str) -> list[str]:
    return [hit.key for hit in store.search(query)]


@pytest.fixture
def people(store: SqliteStore) -> SqliteStore:
    _index(
        store,
        [
            ("doc-1", "document", ["Giấy khai sinh", "Nguyễn Văn A", "001089012345"]),
            ("doc-2", "document", ["Giấy chứng nhận kết hôn", "Đặng Văn Đức", "Trần Thị Bình"]),
            ("doc-3", "document", ["Trích lục khai tử", "Lê Thị Hoa"]),
            ("page-9", "page", ["UBND xã Đông Anh, Hà Nội"]),
        ],
    )
    return store


@pytest.mark.parametrize("query", ["nguyen van a", "Nguyễn Văn A", "NGUYEN   VAN A", "nguyễn văn a"])
def test_name_is_found_with_or_without_diacritics(people: SqliteStore, query: str) -> None:
    assert _keys(people, query) == ["doc-1"]


@pytest.mark.parametrize("query", ["dang van duc", "Đặng Văn Đức", "DANG", "đông anh", "dong anh"])
def test_d_with_stroke_folds_to_d(people: SqliteStore, query: str) -> None:
    expected = "page-9" if "anh" in query else "doc-2"
    assert _keys(people, query) == [expected]


def test_last_term_is_matched_as_a_prefix_while_typing(people: SqliteStore) -> None:
    assert _keys(people, "tran thi bi") == ["doc-2"]
    assert _keys(people, "00108901") == ["doc-1"]
    assert _keys(people, "khai") == ["doc-1", "doc-3"]


def test_all_terms_must_match(people: SqliteStore) -> None:
    assert _keys(people, "nguyen hoa") == []
    assert _keys(people, "tran van binh") == ["doc-2"]


def test_hit_carries_kind_and_original_text_around_the_match(store: SqliteStore) -> None:
    _index(store, [("doc-7", "document", [FILLER + " người yêu cầu Phạm Thị Thủy " + FILLER])])
    [hit] = store.search("pham thi thuy")
    assert (hit.key, hit.kind) == ("doc-7", "document")
    assert "Phạm Thị Thủy" in hit.snippet
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet.split()) < 25


def test_reindexing_a_key_replaces_its_text(people: SqliteStore) -> None:
    _index(people, [("doc-3", "document", ["Trích lục khai tử", "Lê Văn Cường"])])
    assert _keys(people, "le thi hoa") == []
    assert _keys(people, "cuong") == ["doc-3"]
    _index(people, [("doc-3", "document", ["  "])])
    assert _keys(people, "cuong") == []
    assert _keys(people, "khai sinh") == ["doc-1"]


def test_short_record_about_the_term_ranks_before_a_long_one_mentioning_it(store: SqliteStore) -> None:
    _index(
        store,
        [
            ("long", "document", [FILLER + " Bình " + FILLER]),
            ("short", "document", ["Nguyễn Thị Bình", "Bình"]),
        ],
    )
    assert _keys(store, "binh") == ["short", "long"]


def test_limit_caps_the_number_of_hits(store: SqliteStore) -> None:
    _index(store, [(f"doc-{i}", "document", [f"Hồ sơ số {i}"]) for i in range(30)])
    assert len(store.search("ho so", limit=7)) == 7
    assert len(store.search("ho so")) == 30


@pytest.mark.parametrize(
    "query",
    [
        "a OR b",
        '"',
        '"nguyen',
        "(",
        "nguyen)",
        "*",
        "a*b",
        "NEAR(a b)",
        "body:a",
        "-a",
        "a AND",
        "^a",
        "'; --",
    ],
)
def test_query_syntax_in_user_input_is_plain_text(people: SqliteStore, query: str) -> None:
    hits = people.search(query)
    # Operators are searched as words, so "a OR b" needs a record containing "or": none here.
    assert all(hit.key in {"doc-1", "doc-2", "doc-3", "page-9"} for hit in hits)
    assert _keys(people, "nguyen van a") == ["doc-1"]


def test_or_is_not_an_operator(people: SqliteStore) -> None:
    assert _keys(people, "hoa OR duc") == []


@pytest.mark.parametrize("query", ["", "   ", "!!!", "—"])
def test_blank_or_punctuation_only_query_finds_nothing(people: SqliteStore, query: str) -> None:
    assert people.search(query) == []
