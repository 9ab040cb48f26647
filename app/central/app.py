"""The FastAPI application of the central repository: ``create_app(config)`` wires every router."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from fastapi import FastAPI
from pydantic import BaseModel

from app import __version__
from app.central import admin, city, documents, packages, releases, tus
from app.central.config import CentralConfig
from app.central.errors import install_handlers
from app.central.state import Central

log = logging.getLogger(__name__)


class Health(BaseModel):
    status: str
    version: str
    time: str


def create_app(config: CentralConfig) -> FastAPI:
    """A ready service for ``config``: tables created, storage reachable, stale uploads expired."""
    central = Central.build(config)
    central.expire_uploads()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        central.db.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Kho dữ liệu số hóa — Trạm Số hóa",
        version=__version__,
        description="Central repository for digitised administrative results (docs/sync-protocol.md).",
    )
    app.state.central = central
    install_handlers(app)

    @app.get("/api/v1/health", response_model=Health, tags=["health"])
    def health() -> Health:
        now = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        return Health(status="ok", version=__version__, time=now)

    app.include_router(tus.options_router)
    app.include_router(tus.router)
    app.include_router(documents.router)
    app.include_router(admin.router)
    app.include_router(packages.router)
    app.include_router(city.router)
    app.include_router(city.page_router)
    app.include_router(releases.router)

    return app
