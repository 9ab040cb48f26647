"""PyInstaller entry point of the station: one executable; app.frozen chooses GUI, CLI or a helper role."""

from __future__ import annotations

import sys

from app.frozen import boot

if __name__ == "__main__":
    sys.exit(boot())
