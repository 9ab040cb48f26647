"""The port between the station's outbox and the central repository (docs/sync-protocol.md)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from app.core.cancel import CancelToken


@dataclass(frozen=True)
class Receipt:
    """The central repository's acknowledgement of one committed document."""

    server_id: str
    idempotency_key: str
    result_code: str
    sha256: str
    received_at: str
    station: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Receipt:
        return cls(**{name: str(data[name]) for name in cls.__dataclass_fields__})

    def to_json(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class UploadSpec:
    """One file to upload: where its bytes are, what they must hash to, which document it is for."""

    filename: str
    sha256: str
    size: int
    idempotency_key: str
    filetype: str = "application/pdf"


ProgressFn = Callable[[int, int], None]  # (bytes confirmed by the server, total)


class RepositoryTransport(Protocol):
    """How the outbox talks to the central repository. Errors are app.core.errors Sync* classes:
    SyncTransient (retry later), SyncAuthRequired (pause the queue), SyncRejected (permanent).
    """

    def health(self) -> bool:
        """True when the service answers its health check; never raises."""
        ...

    def create_upload(self, spec: UploadSpec) -> str:
        """Create a resumable upload; returns its URL (persist it before sending bytes)."""
        ...

    def upload_offset(self, url: str) -> int:
        """How many bytes of the upload the server holds; raises SyncRejected when it is gone."""
        ...

    def send(
        self,
        url: str,
        read_chunk: Callable[[int, int], bytes],
        spec: UploadSpec,
        offset: int,
        progress: ProgressFn,
        cancel: CancelToken,
    ) -> int:
        """Send the bytes from ``offset`` to the end (``read_chunk(offset, n)``); returns the final offset."""
        ...

    def commit(self, manifest: Mapping[str, Any]) -> Receipt:
        """Commit a document whose files are uploaded; returns the server's receipt."""
        ...

    def lookup(self, idempotency_key: str) -> Receipt | None:
        """The receipt for this key when the server has committed it, else None."""
        ...
