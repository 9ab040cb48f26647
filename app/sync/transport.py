"""The station's HTTP client for the central repository (docs/sync-protocol.md) over httpx."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from urllib.parse import quote

import httpx

from app.core.cancel import CancelToken
from app.core.errors import SyncTransient
from app.core.sync_port import ProgressFn, Receipt, UploadSpec
from app.sync.tus import (
    TUS_VERSION,
    Resync,
    TokenBucket,
    checksum_header,
    error_code,
    error_for,
    metadata_header,
)

log = logging.getLogger(__name__)

DEFAULT_CHUNK = 256 * 1024
_PIECE = 16 * 1024  # rate-limited bodies go out in pieces this big
_API = "/api/v1"


class _Cancelled(Exception):
    """Raised inside a throttled request body when the user cancels."""


class HttpTransport:
    """``RepositoryTransport`` over HTTP: tus uploads, commit and lookup with a bearer token.

    ``rate_limit_bps`` caps the upload in bits per second (a 1 Mbit/s cap is ``1_000_000``);
    ``None`` sends as fast as the link allows.
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float = 30.0,
        chunk_size: int = DEFAULT_CHUNK,
        rate_limit_bps: float | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.chunk_size = chunk_size
        self._bucket = (
            TokenBucket(rate_limit_bps / 8.0, max(_PIECE, rate_limit_bps / 8.0 / 4))
            if rate_limit_bps
            else None
        )
        self._client = httpx.Client(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {token}"},
            timeout=httpx.Timeout(timeout),
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpTransport:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """One request; connection problems and timeouts become SyncTransient."""
        try:
            return self._client.request(method, url, **kwargs)
        except httpx.TransportError as exc:
            raise SyncTransient(f"{method} failed: {type(exc).__name__}") from exc

    def health(self) -> bool:
        try:
            response = self._client.get(f"{_API}/health", timeout=min(5.0, self._client.timeout.read or 5.0))
            return response.status_code == 200 and response.json().get("status") == "ok"
        except (httpx.HTTPError, ValueError, AttributeError):
            return False

    def create_upload(self, spec: UploadSpec) -> str:
        headers = {
            "Tus-Resumable": TUS_VERSION,
            "Upload-Length": str(spec.size),
            "Upload-Metadata": metadata_header(spec),
        }
        response = self._request("POST", f"{_API}/uploads/", headers=headers)
        if response.status_code != 201 or "location" not in response.headers:
            raise error_for(response) if response.status_code >= 400 else SyncTransient("no Location")
        return str(self._client.base_url.join(response.headers["location"]))

    def upload_offset(self, url: str) -> int:
        response = self._request("HEAD", url, headers={"Tus-Resumable": TUS_VERSION})
        if response.status_code != 200:
            raise error_for(response) if response.status_code >= 400 else SyncTransient("HEAD without offset")
        try:
            return int(response.headers["upload-offset"])
        except (KeyError, ValueError) as exc:
            raise SyncTransient("HEAD without a readable Upload-Offset") from exc

    def send(
        self,
        url: str,
        read_chunk: Callable[[int, int], bytes],
        spec: UploadSpec,
        offset: int,
        progress: ProgressFn,
        cancel: CancelToken,
    ) -> int:
        """PATCH chunk by chunk from ``offset``. After an error it asks the server's offset (HEAD)
        and tries again, once per failure in a row; a second failure in a row is raised. Returns
        the server's offset: ``spec.size`` when done, less when ``cancel`` stopped it."""
        may_retry = True
        first = True
        while offset < spec.size or (first and spec.size == 0):
            first = False
            if cancel.cancelled:
                return offset
            data = read_chunk(offset, min(self.chunk_size, spec.size - offset))
            try:
                offset = self._patch(url, offset, data, cancel)
            except _Cancelled:
                return offset
            except SyncTransient:
                if not may_retry:
                    raise
                may_retry = False
                offset = self.upload_offset(url)
                progress(offset, spec.size)
                continue
            may_retry = True
            progress(offset, spec.size)
        return offset

    def _patch(self, url: str, offset: int, data: bytes, cancel: CancelToken) -> int:
        headers = {
            "Tus-Resumable": TUS_VERSION,
            "Content-Type": "application/offset+octet-stream",
            "Upload-Offset": str(offset),
            "Upload-Checksum": checksum_header(data),
            "Content-Length": str(len(data)),
        }
        body: bytes | Iterator[bytes] = data if self._bucket is None else self._throttled(data, cancel)
        response = self._request("PATCH", url, headers=headers, content=body)
        if response.status_code == 204:
            try:
                return int(response.headers["upload-offset"])
            except (KeyError, ValueError) as exc:
                raise Resync("PATCH answer without Upload-Offset") from exc
        code = error_code(response)
        if response.status_code == 409 and code == "offset_mismatch":
            raise Resync("offset mismatch")
        if response.status_code == 460 and code != "checksum_mismatch":
            raise Resync("chunk damaged in transit")
        raise error_for(response)

    def _throttled(self, data: bytes, cancel: CancelToken) -> Iterator[bytes]:
        assert self._bucket is not None
        for start in range(0, len(data), _PIECE):
            piece = data[start : start + _PIECE]
            if not self._bucket.take(len(piece), cancel):
                raise _Cancelled()
            yield piece

    def commit(self, manifest: Mapping[str, Any]) -> Receipt:
        response = self._request("POST", f"{_API}/documents", json=dict(manifest))
        if response.status_code not in (200, 201):
            raise error_for(response)
        return _receipt(response)

    def commit_package(self, upload_url: str) -> dict[str, Any]:
        """Import a USB package uploaded to ``upload_url`` (docs/sync-protocol.md, "USB packages")."""
        upload = upload_url.rstrip("/").rsplit("/", 1)[-1]
        response = self._request("POST", f"{_API}/packages", json={"upload": upload}, timeout=600.0)
        if response.status_code != 200:
            raise error_for(response)
        try:
            body = response.json()
        except ValueError as exc:
            raise SyncTransient("unreadable package result") from exc
        if not isinstance(body, dict):
            raise SyncTransient("unreadable package result")
        return body

    def lookup(self, idempotency_key: str) -> Receipt | None:
        response = self._request("GET", f"{_API}/documents/by-key/{quote(idempotency_key, safe='')}")
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise error_for(response)
        return _receipt(response)


def _receipt(response: httpx.Response) -> Receipt:
    try:
        data = response.json()
        return Receipt.from_json(data)
    except (ValueError, KeyError, TypeError) as exc:
        raise SyncTransient("unreadable receipt") from exc
