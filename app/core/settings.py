"""Station settings: the profile (demo or production), where data lives, language, scan defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from app.core.ports import ScanSettings

PROFILES = ("demo", "station")


@dataclass(frozen=True)
class Settings:
    profile: str = "station"
    data_dir: Path | None = None  # None: the platform's app-data folder (decided by the store)
    language: str = "vi"
    demo_pace_seconds: float = 0.6  # simulated feeder: seconds per page in the demo
    scan: ScanSettings = field(default_factory=ScanSettings)
    workers: int = 0  # analysis worker processes; 0 = cores - 1, at least 1

    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else max(1, (os.cpu_count() or 2) - 1)


def settings_from_env(profile: str | None = None, data_dir: Path | None = None) -> Settings:
    """Settings from arguments, then SOHOA_* environment variables, then embedded defaults."""
    chosen = profile or os.environ.get("SOHOA_PROFILE", "station")
    if chosen not in PROFILES:
        raise ValueError(f"unknown profile {chosen!r}; choose one of {', '.join(PROFILES)}")
    env_dir = os.environ.get("SOHOA_DATA_DIR")
    folder = data_dir or (Path(env_dir) if env_dir else None)
    return Settings(profile=chosen, data_dir=folder, language=os.environ.get("SOHOA_LANG", "vi"))
