"""Translate SANE status messages (as python-sane raises them) into the station's device errors.

python-sane raises ``_sane.error`` whose text is ``sane_strstatus()`` of the SANE status, e.g.
"Document feeder jammed". libsane can localise those strings through gettext; the worker process
pins ``LANGUAGE``/``LC_MESSAGES`` to C so the English texts below are what arrives.
"""

from __future__ import annotations

import logging

from app.core.errors import (
    CoverOpen,
    DeviceBusy,
    DeviceError,
    DeviceOffline,
    DeviceUnsupported,
    FeederEmpty,
    PaperJam,
    ScanCancelled,
)

log = logging.getLogger(__name__)

# Lower-case fragments of sane_strstatus() texts (sanei/sane_strstatus.c), most specific first.
_STATUS_TEXTS: tuple[tuple[str, type[DeviceError]], ...] = (
    ("jammed", PaperJam),  # SANE_STATUS_JAMMED
    ("out of documents", FeederEmpty),  # SANE_STATUS_NO_DOCS
    ("device busy", DeviceBusy),  # SANE_STATUS_DEVICE_BUSY
    ("cover is open", CoverOpen),  # SANE_STATUS_COVER_OPEN
    ("device i/o", DeviceOffline),  # SANE_STATUS_IO_ERROR
    ("access to resource has been denied", DeviceOffline),  # SANE_STATUS_ACCESS_DENIED
    ("was cancel", ScanCancelled),  # SANE_STATUS_CANCELLED ("canceled" or "cancelled")
    ("not supported", DeviceUnsupported),  # SANE_STATUS_UNSUPPORTED
    ("invalid argument", DeviceUnsupported),  # SANE_STATUS_INVAL
)

# SANE status names, as the `test` backend's read-return-value option spells them.
STATUS_NAMES: dict[str, type[DeviceError]] = {
    "SANE_STATUS_JAMMED": PaperJam,
    "SANE_STATUS_NO_DOCS": FeederEmpty,
    "SANE_STATUS_DEVICE_BUSY": DeviceBusy,
    "SANE_STATUS_COVER_OPEN": CoverOpen,
    "SANE_STATUS_IO_ERROR": DeviceOffline,
    "SANE_STATUS_ACCESS_DENIED": DeviceOffline,
    "SANE_STATUS_CANCELLED": ScanCancelled,
    "SANE_STATUS_UNSUPPORTED": DeviceUnsupported,
    "SANE_STATUS_INVAL": DeviceUnsupported,
    "SANE_STATUS_NO_MEM": DeviceError,
}


def translate_sane_error(message: str, *, opening: bool = False) -> DeviceError:
    """The station error for a SANE error text; ``opening``: raised while opening the device.

    While opening, "Invalid argument" means the device name is unknown (unplugged, renamed), which
    the officer fixes by checking the cable, not by changing settings.
    """
    text = message.strip()
    lowered = text.lower()
    if opening and ("invalid argument" in lowered or "no such" in lowered):
        return DeviceOffline(text)
    for fragment, error_class in _STATUS_TEXTS:
        if fragment in lowered:
            return error_class(text)
    log.warning("unmapped SANE status text: %s", text)
    return DeviceError(text)
