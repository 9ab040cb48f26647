"""Where committed files live: a folder (default) or an S3-compatible bucket through boto3."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from app.central.config import S3Config

log = logging.getLogger(__name__)

_BLOCK = 1024 * 1024


class FileStorage(Protocol):
    def put(self, key: str, source: Path) -> None:
        """Store the file at ``source`` under ``key`` durably (overwrite is harmless: content-addressed)."""
        ...

    def iter_bytes(self, key: str) -> Iterator[bytes]: ...

    def exists(self, key: str) -> bool: ...


class FolderStorage:
    """Files under ``root/<key>``, written to a temp name, fsynced, then renamed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise ValueError("storage key escapes the storage folder")
        return path

    def put(self, key: str, source: Path) -> None:
        target = self._path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        with source.open("rb") as src, tmp.open("wb") as dst:
            shutil.copyfileobj(src, dst, _BLOCK)
            dst.flush()
            os.fsync(dst.fileno())
        tmp.replace(target)
        _fsync_dir(target.parent)

    def iter_bytes(self, key: str) -> Iterator[bytes]:
        with self._path(key).open("rb") as fh:
            while block := fh.read(_BLOCK):
                yield block

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()


class S3Storage:
    """Objects ``<prefix><key>`` in one bucket; created on first use when missing."""

    def __init__(self, config: S3Config) -> None:
        import boto3  # optional dependency: only deployments with an object store need it

        self.config = config
        self.client: Any = boto3.client(
            "s3",
            endpoint_url=config.endpoint_url,
            aws_access_key_id=config.access_key,
            aws_secret_access_key=config.secret_key,
            region_name=config.region or "us-east-1",
        )
        self._ensure_bucket()

    def _ensure_bucket(self) -> None:
        from botocore.exceptions import ClientError

        try:
            self.client.head_bucket(Bucket=self.config.bucket)
        except ClientError:
            log.info("creating bucket %s", self.config.bucket)
            self.client.create_bucket(Bucket=self.config.bucket)

    def put(self, key: str, source: Path) -> None:
        self.client.upload_file(str(source), self.config.bucket, self.config.prefix + key)

    def iter_bytes(self, key: str) -> Iterator[bytes]:
        body = self.client.get_object(Bucket=self.config.bucket, Key=self.config.prefix + key)["Body"]
        try:
            while block := body.read(_BLOCK):
                yield block
        finally:
            body.close()

    def exists(self, key: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            self.client.head_object(Bucket=self.config.bucket, Key=self.config.prefix + key)
        except ClientError:
            return False
        return True


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_storage(files_dir: Path, s3: S3Config | None) -> FileStorage:
    return S3Storage(s3) if s3 is not None else FolderStorage(files_dir)
