"""TWAIN scanner driver (Windows): pytwain behind the ``Scanner`` port.

Written against pytwain 2.x: ``twain.SourceManager(parent_window)`` (context manager,
``source_list``, ``open_source(name)``), ``Source.get_capability`` / ``set_capability(cap, type,
value)``, ``request_acquire(show_ui, modal_ui)``, ``image_info``, ``xfer_image_natively()`` ->
(DIB handle, transfers still pending), ``twain.dib_to_bm_file(handle)`` -> BMP bytes and
``twain.global_handle_free(handle)``. The module is injected (``twain_module``) so the driver runs
here against ``app.scanning.twain_fake``; the real module is imported only when none is given.

pytwain turns a TWRC_FAILURE into an exception named after the TWCC condition code (``PaperJam``,
``SequenceError``, ...; unknown codes become ``UnknownError("ConditionCode = N")``): they are
mapped to the station's errors by class name and condition code, so fake and real behave alike.
Native transfers run in this process: TWAIN needs the caller's window and message loop.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from typing import Any

from PIL import Image

from app.core.cancel import CancelToken
from app.core.errors import (
    CoverOpen,
    DeviceBusy,
    DeviceError,
    DeviceOffline,
    DeviceUnsupported,
    DriverUnavailable,
    FeederEmpty,
    PaperJam,
    ScanCancelled,
)
from app.core.ports import Capabilities, ColorMode, DeviceInfo, PaperSource, ScannedPage, ScanSettings
from app.scanning.encode import encode_png

log = logging.getLogger(__name__)

# TWAIN specification constants (twain.h), stable since TWAIN 1.x / 2.0.
TWTY_INT16, TWTY_BOOL, TWTY_UINT16, TWTY_FIX32 = 1, 6, 4, 7
TWPT_GRAY, TWPT_RGB = 1, 2
TWCC_PAPERJAM, TWCC_PAPERDOUBLEFEED, TWCC_CHECKDEVICEONLINE = 20, 21, 23
TWCC_INTERLOCK, TWCC_NOMEDIA, TWCC_SEQERROR, TWCC_MAXCONNECTIONS = 24, 29, 11, 4

_BY_NAME: dict[str, type[DeviceError]] = {
    "PaperJam": PaperJam,
    "PaperDoubleFeedError": PaperJam,
    "SequenceError": DeviceBusy,
    "MaxConnectionsError": DeviceBusy,
    "CheckDeviceOnlineError": DeviceOffline,
    "NoDataSourceError": DeviceOffline,
    "SMOpenFailed": DeviceOffline,
    "SMLoadFileFailed": DriverUnavailable,
    "SMGetProcAddressFailed": DriverUnavailable,
    "CapUnsupported": DeviceUnsupported,
    "BadCapability": DeviceUnsupported,
    "CapBadOperation": DeviceUnsupported,
    "CapSeqError": DeviceUnsupported,
    "CapabilityFormatNotSupported": DeviceUnsupported,
    "DSTransferCancelled": ScanCancelled,
}
_BY_CODE: dict[int, type[DeviceError]] = {
    TWCC_PAPERJAM: PaperJam,
    TWCC_PAPERDOUBLEFEED: PaperJam,
    TWCC_CHECKDEVICEONLINE: DeviceOffline,
    TWCC_INTERLOCK: CoverOpen,  # cover or door open
    TWCC_NOMEDIA: FeederEmpty,
    TWCC_SEQERROR: DeviceBusy,
    TWCC_MAXCONNECTIONS: DeviceBusy,
}


def translate_twain_error(exc: BaseException) -> DeviceError:
    """The station error for a pytwain exception (matched by class name, then condition code)."""
    for klass in type(exc).__mro__:
        if klass.__name__ in _BY_NAME:
            return _BY_NAME[klass.__name__](type(exc).__name__)
    match = re.search(r"ConditionCode\s*=\s*(\d+)", str(exc))
    if match and int(match.group(1)) in _BY_CODE:
        return _BY_CODE[int(match.group(1))](f"TWCC {match.group(1)}")
    if isinstance(exc, ValueError):  # pytwain maps TWCC_BADVALUE to ValueError
        return DeviceUnsupported(str(exc))
    return DeviceError(f"{type(exc).__name__}: {exc}".strip(": "))


def _import_pytwain() -> Any:
    try:
        import twain  # pytwain; loads the TWAIN DSM only when a SourceManager is created
    except ImportError as exc:
        raise DriverUnavailable("pytwain is not installed") from exc
    return twain


class TwainScanner:
    """``Scanner`` over TWAIN. ``twain_module``: pytwain or a stand-in with the same API."""

    driver = "twain"

    def __init__(self, twain_module: Any | None = None, *, parent_window: Any = None) -> None:
        self._twain: Any = twain_module if twain_module is not None else _import_pytwain()
        self._parent_window = parent_window
        self._errors = tuple(self._error_classes())

    def _error_classes(self) -> Iterator[type[BaseException]]:
        yield self._twain.exceptions.TwainError
        yield ValueError  # TWCC_BADVALUE
        yield MemoryError  # TWCC_LOWMEMORY

    def list_devices(self) -> list[DeviceInfo]:
        try:
            with self._twain.SourceManager(self._parent_window) as manager:
                names = list(manager.source_list)
        except self._errors as exc:
            raise translate_twain_error(exc) from exc
        return [DeviceInfo(id=name, name=name, driver="twain") for name in names]

    def capabilities(self, device_id: str) -> Capabilities:
        try:
            with self._twain.SourceManager(self._parent_window) as manager:
                source = self._open(manager, device_id)
                try:
                    return self._read_capabilities(source)
                finally:
                    source.close()
        except self._errors as exc:
            raise translate_twain_error(exc) from exc

    def scan(self, device_id: str, settings: ScanSettings, cancel: CancelToken) -> Iterator[ScannedPage]:
        try:
            with self._twain.SourceManager(self._parent_window) as manager:
                source = self._open(manager, device_id)
                try:
                    yield from self._acquire(source, device_id, settings, cancel)
                finally:
                    source.close()  # pytwain resets pending transfers and disables the source
        except self._errors as exc:
            error = translate_twain_error(exc)
            if isinstance(error, ScanCancelled) and cancel.cancelled:
                return
            raise error from exc

    def _open(self, manager: Any, device_id: str) -> Any:
        source = manager.open_source(device_id)
        if source is None:
            raise DeviceOffline("TWAIN source not found")
        return source

    def _read_capabilities(self, source: Any) -> Capabilities:
        tw = self._twain
        sources = [PaperSource.FLATBED]
        if self._supported(source, tw.CAP_FEEDERENABLED):
            sources.append(PaperSource.FEEDER)
        duplex = self._value(source, tw.CAP_DUPLEX, 0) not in (0, None)
        modes = [ColorMode.COLOR, ColorMode.GRAY]
        pixel_types = self._values(source, tw.ICAP_PIXELTYPE)
        if pixel_types:
            modes = [
                m for m, pt in ((ColorMode.COLOR, TWPT_RGB), (ColorMode.GRAY, TWPT_GRAY)) if pt in pixel_types
            ]
        resolutions = tuple(sorted({round(float(v)) for v in self._values(source, tw.ICAP_XRESOLUTION)}))
        return Capabilities(tuple(sources), duplex, resolutions, tuple(modes))

    def _supported(self, source: Any, cap: int) -> bool:
        try:
            source.get_capability(cap)
        except self._errors:
            return False
        return True

    def _value(self, source: Any, cap: int, default: Any) -> Any:
        try:
            result = source.get_capability_current(cap)
        except self._errors:
            return default
        return result[1] if isinstance(result, tuple) else default

    def _values(self, source: Any, cap: int) -> list[Any]:
        """Allowed values of an enumeration capability; a range is sampled at common resolutions."""
        try:
            result = source.get_capability(cap)
        except self._errors:
            return []
        if isinstance(result, dict):  # TW_RANGE
            low, high = float(result["MinValue"]), float(result["MaxValue"])
            return [d for d in (100, 150, 200, 300, 400, 600) if low <= d <= high]
        if isinstance(result, tuple) and isinstance(result[1], tuple):  # TW_ENUMERATION
            return list(result[1][2])
        if isinstance(result, tuple):  # TW_ONEVALUE or TW_ARRAY
            return list(result[1]) if isinstance(result[1], list) else [result[1]]
        return []

    def _configure(self, source: Any, settings: ScanSettings) -> None:
        tw = self._twain
        pixel_type = TWPT_RGB if settings.color_mode is ColorMode.COLOR else TWPT_GRAY
        self._set(source, tw.ICAP_PIXELTYPE, TWTY_UINT16, pixel_type)
        self._set(source, tw.ICAP_XRESOLUTION, TWTY_FIX32, float(settings.dpi))
        self._set(source, tw.ICAP_YRESOLUTION, TWTY_FIX32, float(settings.dpi))
        feeder = settings.source is PaperSource.FEEDER
        self._set(source, tw.CAP_FEEDERENABLED, TWTY_BOOL, feeder, required=feeder)
        if feeder:
            self._set(source, tw.CAP_DUPLEXENABLED, TWTY_BOOL, settings.duplex, required=settings.duplex)
            if self._value(source, tw.CAP_FEEDERLOADED, True) is False:
                raise FeederEmpty("CAP_FEEDERLOADED is false")
        count = (settings.max_pages or -1) if feeder else 1
        self._set(source, tw.CAP_XFERCOUNT, TWTY_INT16, count)

    def _set(self, source: Any, cap: int, type_id: int, value: Any, *, required: bool = True) -> None:
        try:
            source.set_capability(cap, type_id, value)
        except self._twain.exceptions.CheckStatus:
            log.info("TWAIN source rounded capability %d to a value it supports", cap)
        except self._errors as exc:
            if required:
                raise translate_twain_error(exc) from exc
            log.info("TWAIN source refused optional capability %d", cap)

    def _acquire(
        self, source: Any, device_id: str, settings: ScanSettings, cancel: CancelToken
    ) -> Iterator[ScannedPage]:
        self._configure(source, settings)
        source.request_acquire(show_ui=False, modal_ui=False)
        number, more = 0, 1
        while more and not cancel.cancelled:
            if settings.max_pages is not None and number >= settings.max_pages:
                return
            dpi = round(float(source.image_info.get("XResolution") or settings.dpi))
            try:
                handle, more = source.xfer_image_natively()
            except self._errors as exc:
                error = translate_twain_error(exc)
                if isinstance(error, FeederEmpty) and number > 0:
                    return  # out of paper after some pages: the normal end of a feeder scan
                raise error from exc
            number += 1
            yield self._page(handle, dpi, number, device_id, settings)

    def _page(
        self, handle: Any, dpi: int, number: int, device_id: str, settings: ScanSettings
    ) -> ScannedPage:
        try:
            bmp = self._twain.dib_to_bm_file(handle)
        finally:
            self._twain.global_handle_free(handle)
        with Image.open(io.BytesIO(bmp)) as bitmap:
            image: Image.Image = bitmap.copy()
        if settings.color_mode is ColorMode.GRAY and image.mode not in ("L", "1"):
            image = image.convert("L")
        data, size = encode_png(image, dpi), image.size
        duplex = settings.duplex and settings.source is PaperSource.FEEDER
        return ScannedPage(
            data=data,
            media_type="image/png",
            dpi=dpi,
            source_name=f"{device_id} p.{number}",
            side="back" if duplex and number % 2 == 0 else "front",
            meta={"driver": "twain", "device": device_id, "width": size[0], "height": size[1]},
        )
