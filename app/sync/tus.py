"""tus client helpers: header encoding, reply-to-error mapping, and a token bucket for bandwidth caps."""

from __future__ import annotations

import base64
import hashlib
import logging
import threading
import time
from email.utils import parsedate_to_datetime

import httpx

from app.core.cancel import CancelToken
from app.core.errors import SyncAuthRequired, SyncError, SyncRejected, SyncTransient
from app.core.sync_port import UploadSpec

log = logging.getLogger(__name__)

TUS_VERSION = "1.0.0"
_TRANSIENT_STATUS = {408, 423, 429}


class Resync(SyncTransient):
    """The server's offset is not where we thought (drop, 409, bad chunk): ask it with HEAD and go on."""


def metadata_header(spec: UploadSpec) -> str:
    """``Upload-Metadata``: comma-separated ``key base64(value)``."""
    values = {
        "filename": spec.filename,
        "sha256": spec.sha256,
        "filetype": spec.filetype,
        "idempotency_key": spec.idempotency_key,
    }
    return ",".join(
        f"{key} {base64.b64encode(value.encode('utf-8')).decode('ascii')}" for key, value in values.items()
    )


def checksum_header(data: bytes) -> str:
    return "sha256 " + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def retry_after(response: httpx.Response) -> float | None:
    """Seconds from ``Retry-After`` (delta-seconds or an HTTP date); None when absent or unreadable."""
    value = response.headers.get("retry-after")
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def error_for(response: httpx.Response) -> SyncError:
    """The Sync* error for a refusal: 401 auth, 5xx/408/423/429 transient, other 4xx rejected."""
    status = response.status_code
    code, message_vi = _error_fields(response)
    detail = f"HTTP {status} {code}".strip()
    if status == 401:
        return SyncAuthRequired(detail)
    if status >= 500 or status in _TRANSIENT_STATUS:
        return SyncTransient(detail, retry_after=retry_after(response))
    return SyncRejected(detail, message_vi=message_vi)


def _error_fields(response: httpx.Response) -> tuple[str, str | None]:
    try:
        body = response.json()
    except ValueError:
        return "", None
    if not isinstance(body, dict):
        return "", None
    code, message = body.get("error"), body.get("message_vi")
    return (str(code) if code else ""), (str(message) if message else None)


def error_code(response: httpx.Response) -> str:
    return _error_fields(response)[0]


class TokenBucket:
    """Allows ``rate`` bytes per second on average, bursts up to ``capacity`` bytes."""

    def __init__(self, rate: float, capacity: float) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.rate = rate
        self.capacity = max(capacity, 1.0)
        self._tokens = 0.0  # start empty: a cap holds from the first byte
        self._stamp = time.monotonic()
        self._lock = threading.Lock()

    def take(self, amount: int, cancel: CancelToken) -> bool:
        """Wait until ``amount`` bytes may go; False when cancelled while waiting."""
        while True:
            with self._lock:
                now = time.monotonic()
                self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self.rate)
                self._stamp = now
                if self._tokens >= amount or self._tokens >= self.capacity:
                    self._tokens -= amount
                    return True
                wait = (min(amount, self.capacity) - self._tokens) / self.rate
            if cancel.wait(wait):
                return False
