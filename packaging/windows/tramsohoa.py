"""PyInstaller entry point of the Windows station: TramSoHoa.exe and sohoa.exe both start here."""

from __future__ import annotations

import sys

from app.frozen import boot

if __name__ == "__main__":
    sys.exit(boot())
