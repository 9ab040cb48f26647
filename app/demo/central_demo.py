"""The demo's own central repository: the real service on 127.0.0.1, data beside the demo station's."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from app.central.config import CentralConfig
from app.central.manage import RunningService, add_station, init_service, serve_in_thread
from app.demo.station_setup import DEMO_STATION

log = logging.getLogger(__name__)

TOKEN_FILE = "demo-station-token"  # noqa: S105 - a file name


def start_demo_central(data_dir: Path) -> tuple[RunningService, str]:
    """Start the service (initialised and with the demo station registered on first use); returns it
    and the demo station's token."""
    config = CentralConfig(data_dir=data_dir / "demo-central")
    token_path = config.data_dir / TOKEN_FILE
    if not token_path.is_file():
        init_service(config, rotate=True)
        token = add_station(config, DEMO_STATION.station_code, "Trạm thử nghiệm (demo)")
        token_path.write_text(token, encoding="utf-8")
        os.chmod(token_path, 0o600)  # noqa: PTH101
    running = serve_in_thread(config)
    log.info("demo central repository at %s", running.url)
    return running, token_path.read_text(encoding="utf-8").strip()
