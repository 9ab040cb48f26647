"""SANE scanner driver (Linux): python-sane behind the ``Scanner`` port, in a child process.

Every call (list, capabilities, scan) runs libsane in a freshly spawned child process
(``app.scanning.child``): a crashing or hanging backend cannot take the station down, pages
stream back one by one as the feeder delivers them, and each call sees the SANE configuration
chosen here (libsane reads it once per process). ``isolate=False`` runs the same session in this
process instead, for debugging; libsane then keeps the configuration of its first use.

Settings map to SANE options: ``source`` (flatbed / ADF / "ADF Duplex", or a ``duplex`` /
``adf-mode`` switch), ``resolution`` (nearest value the backend allows; the page reports the dpi
really used), ``mode`` (Color / Gray; converted after the scan when the backend has no mode).
A feeder scan runs ``start()`` + ``snap()`` until SANE reports "out of documents": after at
least one page that is the normal end of the stream, before any page it is ``FeederEmpty``.
Cancel is honoured between pages and inside a page (python-sane's progress callback calls
``sane_cancel``). Each page is encoded as PNG (fast zlib level) with its dpi in pHYs.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from app.core.cancel import CancelToken
from app.core.errors import DriverUnavailable
from app.core.ports import Capabilities, DeviceInfo, ScannedPage, ScanSettings
from app.scanning import sane_session
from app.scanning.child import IDLE_TIMEOUT, call_in_child, stream_from_child
from app.scanning.sane_session import SaneEnv

log = logging.getLogger(__name__)


def sane_available() -> bool:
    """True when python-sane can be imported (libsane present) on this machine."""
    try:
        import sane  # noqa: F401 - probe only
    except ImportError:
        return False
    return True


class SaneScanner:
    """``Scanner`` over SANE.

    ``extra_options``: backend option name -> value, set after the settings (scan area, the
    ``pnm`` backend's file name, ...). ``response_timeout``: seconds of silence from the driver
    process after which the scanner counts as offline.
    """

    driver = "sane"

    def __init__(
        self,
        *,
        config_dir: Path | str | None = None,
        extra_options: Mapping[str, Any] | None = None,
        isolate: bool = True,
        response_timeout: float = IDLE_TIMEOUT,
    ) -> None:
        if not sane_available():
            raise DriverUnavailable("python-sane (libsane) is not installed")
        self._env = SaneEnv(
            config_dir=str(config_dir) if config_dir else None,
            extra_options=dict(extra_options or {}),
        )
        self._isolate = isolate
        self._timeout = response_timeout

    def list_devices(self) -> list[DeviceInfo]:
        devices: list[DeviceInfo] = self._call(sane_session.list_devices_job, (self._env,))
        log.info("SANE lists %d device(s)", len(devices))
        return devices

    def capabilities(self, device_id: str) -> Capabilities:
        caps: Capabilities = self._call(sane_session.capabilities_job, (self._env, device_id))
        return caps

    def scan(self, device_id: str, settings: ScanSettings, cancel: CancelToken) -> Iterator[ScannedPage]:
        args = (self._env, device_id, settings)
        log.info("SANE scan: source=%s dpi=%d mode=%s", settings.source, settings.dpi, settings.color_mode)
        if self._isolate:
            yield from stream_from_child(sane_session.scan_job, args, cancel, idle_timeout=self._timeout)
            return
        for page in sane_session.scan_job(*args, lambda: cancel.cancelled):
            if cancel.cancelled:
                return
            yield page

    def _call(self, job: Any, args: tuple[Any, ...]) -> Any:
        if self._isolate:
            return call_in_child(job, args, idle_timeout=self._timeout)
        return next(iter(job(*args, lambda: False)))
