"""Local full-text search over records: SQLite FTS5 on diacritics-folded text ("nguyen" finds "Nguyễn").

Two tables (created by migration 0003): ``search_docs`` keeps one row per record key with its kind and
the original text (for snippets); ``search_index`` is an FTS5 table whose rowid is ``search_docs.id``
and whose ``body`` is the folded text (``app.core.textnorm.fold``: no marks, đ as d, case-folded). The
query is folded the same way, split into terms, every term quoted (no FTS syntax from user input
reaches SQLite) and the last term prefix-matched, so results appear while the officer types.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.core.errors import StoreError
from app.core.textnorm import fold

log = logging.getLogger(__name__)

TABLE_PREFIX = "search_"
SNIPPET_WORDS = 16
# A term is a run of letters and digits, as FTS5's unicode61 tokenizer splits text.
_TERM = re.compile(r"[^\W_]+")

_SQL_FIND = text("SELECT id FROM search_docs WHERE doc_key = :key")
_SQL_DROP_FTS = text("DELETE FROM search_index WHERE rowid = :id")
_SQL_DROP_DOC = text("DELETE FROM search_docs WHERE id = :id")
_SQL_ADD_DOC = text("INSERT INTO search_docs (doc_key, kind, display) VALUES (:key, :kind, :display)")
_SQL_ADD_FTS = text("INSERT INTO search_index (rowid, body) VALUES (:id, :body)")
# Ranking (bm25) every match of a broad query ("nguyen", "khai sinh") costs ~1 ms per 500 rows, so
# only the newest RANK_POOL matches are ranked; narrower queries are ranked completely.
RANK_POOL = 1000
_SQL_SEARCH = text(
    "SELECT d.doc_key, d.kind, d.display FROM ("
    "SELECT rowid AS id, rank AS score FROM search_index WHERE search_index MATCH :query "
    "ORDER BY rowid DESC LIMIT :pool) AS m "
    "JOIN search_docs AS d ON d.id = m.id ORDER BY m.score, d.id LIMIT :limit"
)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One found record: its key, its kind (e.g. "document") and a short excerpt of its text."""

    key: str
    kind: str
    snippet: str


def index_record(session_or_conn: Session | Connection, key: str, kind: str, texts: Iterable[str]) -> None:
    """Make ``key`` findable by ``texts`` (replacing what was indexed for it); runs in the caller's
    transaction. Blank texts are skipped; a record with no text is removed from the index."""
    display = "\n".join(t.strip() for t in texts if t.strip())
    remove_record(session_or_conn, key)
    if not display:
        return
    result = session_or_conn.execute(_SQL_ADD_DOC, {"key": key, "kind": kind, "display": display})
    row_id = _lastrowid(result)
    session_or_conn.execute(_SQL_ADD_FTS, {"id": row_id, "body": fold(display)})


def remove_record(session_or_conn: Session | Connection, key: str) -> None:
    """Forget ``key`` (no error if it was never indexed)."""
    row_id = session_or_conn.execute(_SQL_FIND, {"key": key}).scalar()
    if row_id is not None:
        session_or_conn.execute(_SQL_DROP_FTS, {"id": row_id})
        session_or_conn.execute(_SQL_DROP_DOC, {"id": row_id})


def search(engine: Engine, query: str, limit: int = 50) -> list[SearchHit]:
    """Records matching every term of ``query`` (diacritics and case ignored), best first."""
    terms = query_terms(query)
    if not terms or limit <= 0:
        return []
    with engine.connect() as conn:
        rows = conn.execute(
            _SQL_SEARCH, {"query": match_expression(terms), "pool": RANK_POOL, "limit": limit}
        ).all()
    return [SearchHit(key=str(k), kind=str(kind), snippet=snippet(str(d), terms)) for k, kind, d in rows]


def query_terms(query: str) -> list[str]:
    """The folded search terms of what the officer typed (punctuation and FTS operators are just text)."""
    return _TERM.findall(fold(query))


def match_expression(terms: list[str]) -> str:
    """An FTS5 MATCH string: every term quoted (implicit AND), the last one as a prefix."""
    quoted = ['"' + t.replace('"', '""') + '"' for t in terms]
    quoted[-1] += "*"
    return " ".join(quoted)


def snippet(display: str, terms: list[str]) -> str:
    """About ``SNIPPET_WORDS`` words of the original text around the first word matching a term."""
    words = display.split()
    first = next((i for i, w in enumerate(words) if _word_matches(w, terms)), 0)
    start = max(0, first - SNIPPET_WORDS // 4)
    end = min(len(words), start + SNIPPET_WORDS)
    excerpt = " ".join(words[start:end])
    return ("… " if start > 0 else "") + excerpt + (" …" if end < len(words) else "")


def is_search_table(name: str | None, type_: str, _parent_names: object = None) -> bool:
    """True for the search tables (kept out of the ORM), e.g. to skip them in schema comparisons."""
    return type_ == "table" and name is not None and name.startswith(TABLE_PREFIX)


def _word_matches(word: str, terms: list[str]) -> bool:
    parts = _TERM.findall(fold(word))
    return any(p.startswith(t) for p in parts for t in terms)


def _lastrowid(result: Any) -> int:
    row_id = result.lastrowid
    if not isinstance(row_id, int):
        raise StoreError("SQLite did not report the new search row id")
    return row_id
