"""Alembic migrations of the local store (shipped as package data; run in code by app.store.migrate)."""
