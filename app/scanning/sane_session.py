"""One SANE session: list devices, read capabilities, scan pages; runs inside the driver process.

The generators here are the jobs ``app.scanning.child`` runs in a child process; each takes the
``should_cancel`` callable last. They import python-sane themselves, after pointing libsane at the
configuration folder the parent chose, because libsane reads its configuration once per process.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from app.core.errors import DeviceError, DriverUnavailable, FeederEmpty
from app.core.ports import Capabilities, ColorMode, DeviceInfo, PaperSource, ScannedPage, ScanSettings
from app.scanning import sane_options
from app.scanning.encode import encode_png
from app.scanning.sane_errors import translate_sane_error

log = logging.getLogger(__name__)

ShouldCancel = Callable[[], bool]


@dataclass(frozen=True)
class SaneEnv:
    """Process-wide libsane set-up: the config folder and options applied after the settings."""

    config_dir: str | None = None
    extra_options: Mapping[str, Any] = field(default_factory=dict)


def _load_sane(env: SaneEnv) -> Any:
    if env.config_dir:
        os.environ["SANE_CONFIG_DIR"] = env.config_dir
    os.environ["LANGUAGE"] = "C"  # English status texts for sane_errors
    os.environ["LC_MESSAGES"] = "C"
    try:
        import sane
    except ImportError as exc:
        raise DriverUnavailable("python-sane (libsane) is not installed") from exc
    try:
        sane.init()
    except sane._sane.error as exc:
        raise translate_sane_error(str(exc)) from exc
    return sane


def list_devices_job(env: SaneEnv, _should_cancel: ShouldCancel) -> Iterator[list[DeviceInfo]]:
    sane = _load_sane(env)
    try:
        found = sane.get_devices()
    except sane._sane.error as exc:
        raise translate_sane_error(str(exc)) from exc
    yield [
        DeviceInfo(id=name, name=f"{vendor} {model}".strip(), driver="sane", vendor=vendor, model=model)
        for name, vendor, model, _kind in found
    ]


def _open(sane: Any, device_id: str) -> Any:
    try:
        return sane.open(device_id)
    except sane._sane.error as exc:
        raise translate_sane_error(str(exc), opening=True) from exc
    except RuntimeError as exc:
        raise DeviceError(str(exc)) from exc


def capabilities_job(env: SaneEnv, device_id: str, _should_cancel: ShouldCancel) -> Iterator[Capabilities]:
    sane = _load_sane(env)
    device = _open(sane, device_id)
    try:
        yield sane_options.capabilities_from(device.opt)
    finally:
        device.close()


def _set(sane: Any, device: Any, name: str, value: Any) -> None:
    py_name = name.replace("-", "_")
    option = device.opt.get(py_name)
    if option is None or not sane_options.is_active_settable(option):
        log.info("SANE option %s not available on this device; skipped", name)
        return
    if option.type == 2 and isinstance(value, int):  # SANE_TYPE_FIXED wants a float
        value = float(value)
    try:
        setattr(device, py_name, value)
    except (sane._sane.error, TypeError, AttributeError) as exc:
        raise translate_sane_error(f"Invalid argument ({name})") from exc


def _configure(sane: Any, device: Any, settings: ScanSettings, env: SaneEnv) -> int:
    """Write settings to the device; return the dpi it will really use."""
    source = sane_options.choose_source(device.opt.get("source"), settings)
    if source is not None:
        _set(sane, device, "source", source)
    if settings.duplex and settings.source is PaperSource.FEEDER and "duplex" not in (source or "").lower():
        _enable_duplex_switch(sane, device)
    mode = sane_options.choose_mode(device.opt.get("mode"), settings.color_mode)
    if mode is not None:
        _set(sane, device, "mode", mode)
    resolution = device.opt.get("resolution")
    if resolution is not None:
        _set(sane, device, "resolution", sane_options.choose_resolution(resolution, settings.dpi))
    for name, value in env.extra_options.items():
        _set(sane, device, name, value)
    dpi = round(float(device.resolution)) if "resolution" in device.opt else settings.dpi
    return dpi


def _enable_duplex_switch(sane: Any, device: Any) -> None:
    if "duplex" in device.opt:
        _set(sane, device, "duplex", 1)
    elif "adf_mode" in device.opt and "Duplex" in (device.opt["adf_mode"].constraint or []):
        _set(sane, device, "adf-mode", "Duplex")
    else:
        raise translate_sane_error("Operation not supported (duplex)")


def scan_job(
    env: SaneEnv, device_id: str, settings: ScanSettings, should_cancel: ShouldCancel
) -> Iterator[ScannedPage]:
    """Pages from one scan: a feeder until it runs empty (or ``max_pages``), a flatbed once."""
    sane = _load_sane(env)
    device = _open(sane, device_id)
    cancelled_by_snap = False
    try:
        dpi = _configure(sane, device, settings, env)
        feeder = settings.source is PaperSource.FEEDER
        limit = settings.max_pages if feeder else 1
        number = 0
        while (limit is None or number < limit) and not should_cancel():
            image = _snap_page(sane, device, should_cancel, first=number == 0)
            if image is None:
                cancelled_by_snap = True  # the read ended in an error status, see below
                return
            number += 1
            yield _page(image, dpi, number, device_id, settings)
    except DeviceError:
        cancelled_by_snap = True
        raise
    finally:
        # python-sane's snap() already called sane_cancel after a failed read; a second cancel can
        # dead-lock a backend waiting for its reader process (seen with the `test` backend).
        if not cancelled_by_snap:
            device.cancel()  # end the feeder session kept open by snap(no_cancel=True)
        device.close()


def _snap_page(sane: Any, device: Any, should_cancel: ShouldCancel, *, first: bool) -> Image.Image | None:
    """One page, or None when the stream ends (feeder empty after a page, or cancelled)."""
    cancel_sent = False

    def progress(_line: int, _lines: int) -> None:
        # Must never raise: python-sane calls it from C and an exception there crashes the process.
        nonlocal cancel_sent
        if not cancel_sent and should_cancel():
            cancel_sent = True
            device.cancel()

    try:
        device.start()
        image: Image.Image = device.snap(True, progress)  # no_cancel: feeder session stays open
        return image
    except sane._sane.error as exc:
        if should_cancel():
            return None
        error = translate_sane_error(str(exc))
        if isinstance(error, FeederEmpty) and not first:
            return None
        raise error from exc
    except RuntimeError as exc:  # python-sane: "Scanner returned no data"
        raise DeviceError(str(exc)) from exc


def _page(image: Image.Image, dpi: int, number: int, device_id: str, settings: ScanSettings) -> ScannedPage:
    if settings.color_mode is ColorMode.GRAY and image.mode not in ("L", "1"):
        image = image.convert("L")
    duplex = settings.duplex and settings.source is PaperSource.FEEDER
    return ScannedPage(
        data=encode_png(image, dpi),
        media_type="image/png",
        dpi=dpi,
        source_name=f"{device_id} p.{number}",
        side="back" if duplex and number % 2 == 0 else "front",
        meta={"driver": "sane", "device": device_id, "width": image.width, "height": image.height},
    )
