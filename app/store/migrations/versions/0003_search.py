"""Local full-text search: records' original text and an FTS5 index of their folded text.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

The tables are not in the ORM (FTS5 virtual tables cannot be declared there); app.store.search owns
them, and schema comparisons skip names starting with ``search_``.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE TABLE search_docs ("
        "id INTEGER PRIMARY KEY, "
        "doc_key TEXT NOT NULL UNIQUE, "
        "kind TEXT NOT NULL, "
        "display TEXT NOT NULL)"
    )
    # body holds app.core.textnorm.fold(text); remove_diacritics 2 is a second line of defence for
    # text indexed without folding. prefix indexes make "nguy*" lookups fast while typing.
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE search_index")
    op.execute("DROP TABLE search_docs")
