"""Settings of the central repository service: where data lives, which database and object store."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_MAX_UPLOAD = 512 * 1024 * 1024  # one document's PDF; scanned registers stay far below this


@dataclass(frozen=True)
class S3Config:
    """An S3-compatible bucket (MinIO, Ceph, a cloud store); credentials may come from the environment."""

    bucket: str
    endpoint_url: str | None = None
    access_key: str | None = field(default=None, repr=False)
    secret_key: str | None = field(default=None, repr=False)
    region: str | None = None
    prefix: str = "documents/"


@dataclass(frozen=True)
class CentralConfig:
    """Everything ``create_app`` needs. ``database_url`` None means an SQLite file in ``data_dir``."""

    data_dir: Path
    database_url: str | None = None
    s3: S3Config | None = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    trust_roots: tuple[Path, ...] = ()
    upload_expiry_days: float = 7.0
    doctypes_dir: Path | None = None
    body_idle_timeout_s: float = 60.0  # a PATCH body that stops arriving for this long is over

    @property
    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'central.db').as_posix()}"

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"
