"""A FAKE of the pytwain module: the subset ``TwainScanner`` uses, for tests and demos off Windows.

Why a fake: TWAIN exists only on Windows (a DSM DLL plus a vendor data source), so the TWAIN
driver cannot run on the Linux CI. This stand-in mimics pytwain 2.x's surface as read from its
source: ``SourceManager`` (context manager, ``source_list``, ``open_source``), ``Source``
(``get_capability`` / ``get_capability_current`` returning (type, value) or (type, (cur, def,
values)), ``set_capability``, ``request_acquire``, ``image_info``, ``xfer_image_natively``,
``close``), ``dib_to_bm_file``, ``global_handle_free``, the capability constants and the
``exceptions`` namespace with pytwain's exception names. It checks the TWAIN state machine only
as far as the driver needs (transfers only after ``request_acquire``). It is not pytwain: a real
data source's quirks (modal UI, message loop, CheckStatus rounding) are not reproduced.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from PIL import Image

log = logging.getLogger(__name__)

# Capability ids as in pytwain.lowlevel.constants (TWAIN specification values).
CAP_XFERCOUNT, CAP_FEEDERENABLED, CAP_FEEDERLOADED = 1, 4098, 4099
CAP_DUPLEX, CAP_DUPLEXENABLED = 4114, 4115
ICAP_PIXELTYPE, ICAP_XRESOLUTION, ICAP_YRESOLUTION = 257, 4376, 4377
TWTY_UINT16, TWTY_FIX32, TWTY_BOOL = 4, 7, 6


class TwainError(Exception):
    """pytwain.exceptions.TwainError."""


def _error(name: str) -> type[TwainError]:
    return type(name, (TwainError,), {"__doc__": f"pytwain.exceptions.{name} (fake)."})


class CheckStatus(Exception):
    """pytwain.exceptions.CheckStatus: value accepted but rounded."""


exceptions = SimpleNamespace(
    TwainError=TwainError,
    CheckStatus=CheckStatus,
    PaperJam=_error("PaperJam"),
    SequenceError=_error("SequenceError"),
    CheckDeviceOnlineError=_error("CheckDeviceOnlineError"),
    CapUnsupported=_error("CapUnsupported"),
    DSTransferCancelled=_error("DSTransferCancelled"),
    UnknownError=_error("UnknownError"),
)


@dataclass
class FakeDevice:
    """One simulated TWAIN data source: the sheets in its feeder and an optional fault."""

    name: str = "Fake TWAIN Scanner"
    sheets: Sequence[Image.Image] = ()
    duplex: bool = True
    fault: Exception | None = None  # raised by the transfer after ``fault_after`` pages
    fault_after: int = 0
    feeder_loaded: bool = True
    caps: dict[int, Any] = field(default_factory=dict)  # what the driver set, for tests


_handles: dict[int, Image.Image] = {}


def dib_to_bm_file(handle: int, path: str | None = None) -> bytes | None:
    """pytwain.dib_to_bm_file: the image behind a native-transfer handle as BMP bytes."""
    buf = io.BytesIO()
    _handles[handle].save(buf, "BMP")
    if path:
        with open(path, "wb") as out:
            out.write(buf.getvalue())
        return None
    return buf.getvalue()


def global_handle_free(handle: int) -> None:
    """pytwain.global_handle_free: release the transfer's memory."""
    _handles.pop(handle, None)


class Source:
    """pytwain.Source over a FakeDevice."""

    def __init__(self, device: FakeDevice) -> None:
        self._device = device
        self._state = "open"
        self._delivered = 0
        self.closed = False

    def get_capability(self, cap: int) -> Any:
        if cap == ICAP_XRESOLUTION:
            return TWTY_FIX32, (3, 3, [75.0, 100.0, 150.0, 300.0, 600.0])
        if cap == ICAP_PIXELTYPE:
            return TWTY_UINT16, (2, 2, [0, 1, 2])
        if cap in (CAP_FEEDERENABLED, CAP_XFERCOUNT, CAP_FEEDERLOADED, CAP_DUPLEX):
            return self.get_capability_current(cap)
        raise exceptions.CapUnsupported()

    def get_capability_current(self, cap: int) -> Any:
        if cap == CAP_FEEDERLOADED:
            return TWTY_BOOL, self._device.feeder_loaded and self._remaining() > 0
        if cap == CAP_DUPLEX:
            return TWTY_UINT16, 1 if self._device.duplex else 0
        defaults = {CAP_FEEDERENABLED: (TWTY_BOOL, False), CAP_XFERCOUNT: (TWTY_UINT16, -1)}
        if cap in self._device.caps or cap in defaults:
            return self._device.caps.get(cap, defaults.get(cap))
        raise exceptions.CapUnsupported()

    def set_capability(self, cap: int, type_id: int, value: Any) -> None:
        if self._state != "open":
            raise exceptions.SequenceError()
        if cap == CAP_DUPLEXENABLED and value and not self._device.duplex:
            raise exceptions.CapUnsupported()
        self._device.caps[cap] = (type_id, value)

    def request_acquire(self, show_ui: bool, modal_ui: bool) -> None:
        self._state = "ready"

    @property
    def image_info(self) -> dict[str, Any]:
        dpi = self._device.caps.get(ICAP_XRESOLUTION, (TWTY_FIX32, 300.0))[1]
        return {"XResolution": dpi, "YResolution": dpi}

    def xfer_image_natively(self) -> tuple[int, int]:
        if self._state != "ready":
            raise exceptions.SequenceError()
        device = self._device
        if device.fault is not None and self._delivered >= device.fault_after:
            raise device.fault
        if self._remaining() <= 0:
            raise exceptions.UnknownError("ConditionCode = 29")  # TWCC_NOMEDIA
        image = device.sheets[self._delivered]
        self._delivered += 1
        handle = id(image) ^ self._delivered
        _handles[handle] = image
        remaining = self._remaining()
        limit = int(device.caps.get(CAP_XFERCOUNT, (0, -1))[1])
        if limit > 0:
            remaining = min(remaining, limit - self._delivered)
        return handle, max(remaining, 0)

    def _remaining(self) -> int:
        return len(self._device.sheets) - self._delivered

    def close(self) -> None:
        self._state = "closed"
        self.closed = True


class SourceManager:
    """pytwain.SourceManager over a list of FakeDevices (``FakeTwain(devices).SourceManager``)."""

    devices: Sequence[FakeDevice] = ()

    def __init__(self, parent_window: Any = None) -> None:
        self.opened: list[Source] = []

    def __enter__(self) -> SourceManager:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def source_list(self) -> list[str]:
        return [d.name for d in self.devices]

    def open_source(self, product_name: str | None = None) -> Source | None:
        for device in self.devices:
            if device.name == product_name:
                source = Source(device)
                self.opened.append(source)
                return source
        raise exceptions.CheckDeviceOnlineError()

    def close(self) -> None:
        for source in self.opened:
            source.close()


def fake_twain_module(*devices: FakeDevice) -> SimpleNamespace:
    """A module-like namespace standing in for ``import twain`` with these devices attached."""
    manager = type("SourceManager", (SourceManager,), {"devices": tuple(devices)})
    return SimpleNamespace(
        SourceManager=manager,
        exceptions=exceptions,
        dib_to_bm_file=dib_to_bm_file,
        global_handle_free=global_handle_free,
        CAP_XFERCOUNT=CAP_XFERCOUNT,
        CAP_FEEDERENABLED=CAP_FEEDERENABLED,
        CAP_FEEDERLOADED=CAP_FEEDERLOADED,
        CAP_DUPLEX=CAP_DUPLEX,
        CAP_DUPLEXENABLED=CAP_DUPLEXENABLED,
        ICAP_PIXELTYPE=ICAP_PIXELTYPE,
        ICAP_XRESOLUTION=ICAP_XRESOLUTION,
        ICAP_YRESOLUTION=ICAP_YRESOLUTION,
    )
