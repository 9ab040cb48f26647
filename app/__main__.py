"""`python -m app`: start the station's desktop window."""

from __future__ import annotations

import argparse
import logging
import sys

from app.bootstrap import build_station
from app.core.settings import settings_from_env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app", description="Trạm Số hóa")
    parser.add_argument("--profile", choices=("demo", "station"), default=None)
    parser.add_argument("--lang", choices=("vi", "en"), default=None)
    args, rest = parser.parse_known_args(argv)
    logging.basicConfig(level=logging.INFO)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request is noise here
    settings = settings_from_env(args.profile)
    if args.lang:
        from dataclasses import replace

        settings = replace(settings, language=args.lang)
    from app.ui.app import run_gui

    station = build_station(settings)
    central = None
    if settings.profile == "demo":  # the demo sends to its own central repository on loopback
        from app.demo.central_demo import start_demo_central
        from app.demo.station_setup import ensure_demo_station

        central, token = start_demo_central(station.data_dir)
        ensure_demo_station(station.store, station.data_dir, central.url, token)
    try:
        return run_gui(station, [sys.argv[0], *rest])
    finally:
        if central is not None:
            central.stop()


if __name__ == "__main__":
    sys.exit(main())
