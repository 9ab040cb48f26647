"""Administration without the HTTP API: initialise a data folder, register stations, run the server."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

from app.central.auth import has_admin, register_station, set_admin_token
from app.central.config import CentralConfig
from app.central.db import Database

log = logging.getLogger(__name__)


class AlreadyInitialised(Exception):
    """``init`` on a data folder that already has an administrator token."""


def init_service(config: CentralConfig, *, rotate: bool = False) -> str:
    """Create the folders and tables and a new administrator token (returned, shown once)."""
    config.data_dir.mkdir(parents=True, exist_ok=True)
    config.uploads_dir.mkdir(parents=True, exist_ok=True)
    db = Database(config.db_url)
    try:
        with db.session() as session:
            if has_admin(session) and not rotate:
                raise AlreadyInitialised(str(config.data_dir))
            return set_admin_token(session)
    finally:
        db.close()


def add_station(config: CentralConfig, code: str, name: str) -> str:
    """Register a station; returns its token (shown once). Raises ApiError when refused."""
    db = Database(config.db_url)
    try:
        with db.session() as session:
            return register_station(session, code, name)
    finally:
        db.close()


def serve(config: CentralConfig, host: str, port: int) -> None:
    """Run the service in this process until interrupted."""
    import uvicorn

    from app.central import keep_body
    from app.central.app import create_app

    http = keep_body.install()
    uvicorn.run(create_app(config), host=host, port=port, log_level="info", proxy_headers=True, http=http)


@dataclass
class RunningService:
    """A service started in a background thread of this process (the demo station, tests)."""

    url: str
    port: int
    server: Any
    thread: threading.Thread

    def stop(self, timeout: float = 10.0) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=timeout)


def serve_in_thread(config: CentralConfig, host: str = "127.0.0.1", port: int = 0) -> RunningService:
    """Start the service on ``host`` (a free port when 0) and return once it accepts connections."""
    import uvicorn

    from app.central import keep_body
    from app.central.app import create_app

    http = keep_body.install()
    server = uvicorn.Server(
        uvicorn.Config(create_app(config), host=host, port=port, log_level="warning", http=http)
    )
    thread = threading.Thread(target=server.run, name="central-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            raise RuntimeError("the central repository service did not start")
        time.sleep(0.01)
    bound = server.servers[0].sockets[0].getsockname()[1]
    return RunningService(f"http://{host}:{bound}", bound, server, thread)
