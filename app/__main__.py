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
    settings = settings_from_env(args.profile)
    if args.lang:
        from dataclasses import replace

        settings = replace(settings, language=args.lang)
    from app.ui.app import run_gui

    return run_gui(build_station(settings), [sys.argv[0], *rest])


if __name__ == "__main__":
    sys.exit(main())
