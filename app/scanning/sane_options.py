"""Read SANE option descriptors into Capabilities and choose option values for ScanSettings.

Pure functions over python-sane ``Option`` objects (attributes ``name``, ``type``, ``constraint``,
``cap``); no device I/O here, so backend quirks can be unit-tested with plain stand-ins.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from app.core.errors import DeviceUnsupported
from app.core.ports import Capabilities, ColorMode, PaperSource, ScanSettings

log = logging.getLogger(__name__)

# Resolutions offered when a backend gives a continuous range: what an archive scan uses.
STANDARD_DPIS = (75, 100, 150, 200, 240, 300, 400, 600)
_FEEDER_WORDS = ("adf", "feeder", "automatic document", "document feeder")
_FLATBED_WORDS = ("flatbed", "platen", "normal")


def _is_feeder(value: str) -> bool:
    lowered = value.lower()
    return any(word in lowered for word in _FEEDER_WORDS)


def _is_flatbed(value: str) -> bool:
    lowered = value.lower()
    return any(word in lowered for word in _FLATBED_WORDS)


def _strings(option: Any) -> list[str]:
    constraint = getattr(option, "constraint", None) if option is not None else None
    return [str(v) for v in constraint] if isinstance(constraint, list) else []


def sources_of(source_option: Any) -> tuple[tuple[PaperSource, ...], bool]:
    """Paper sources a ``source`` option offers, and whether one of them is a duplex feeder."""
    values = _strings(source_option)
    if not values:
        return (PaperSource.FLATBED,), False
    found: list[PaperSource] = []
    if any(_is_flatbed(v) for v in values):
        found.append(PaperSource.FLATBED)
    if any(_is_feeder(v) for v in values):
        found.append(PaperSource.FEEDER)
    duplex = any("duplex" in v.lower() for v in values)
    return tuple(found) or (PaperSource.FLATBED,), duplex


def resolutions_of(resolution_option: Any) -> tuple[int, ...]:
    """Resolutions a ``resolution`` option accepts (a range is sampled at ``STANDARD_DPIS``)."""
    constraint = getattr(resolution_option, "constraint", None)
    if isinstance(constraint, list):
        return tuple(sorted({round(float(v)) for v in constraint if float(v) > 0}))
    if isinstance(constraint, tuple) and len(constraint) == 3:
        low, high = float(constraint[0]), float(constraint[1])
        return tuple(d for d in STANDARD_DPIS if low <= d <= high)
    return ()


def modes_of(mode_option: Any) -> tuple[ColorMode, ...]:
    """Colour modes the device offers; without a mode option the driver converts, so both."""
    values = [v.lower() for v in _strings(mode_option)]
    if not values:
        return (ColorMode.COLOR, ColorMode.GRAY)
    found: list[ColorMode] = []
    if any("color" in v or "colour" in v for v in values):
        found.append(ColorMode.COLOR)
    if any("gray" in v or "grey" in v for v in values):
        found.append(ColorMode.GRAY)
    return tuple(found) or (ColorMode.GRAY,)


def capabilities_from(options: dict[str, Any]) -> Capabilities:
    """Capabilities from python-sane's option table (``SaneDev.opt``: py_name -> Option)."""
    sources, duplex_source = sources_of(options.get("source"))
    duplex_switch = "duplex" in options or "adf_mode" in options
    return Capabilities(
        sources=sources,
        duplex=duplex_source or duplex_switch,
        resolutions=resolutions_of(options.get("resolution")),
        color_modes=modes_of(options.get("mode")),
    )


def choose_source(source_option: Any, settings: ScanSettings) -> str | None:
    """The ``source`` value for ``settings``; None when the device has no source option."""
    values = _strings(source_option)
    if not values:
        if settings.source is PaperSource.FEEDER:
            raise DeviceUnsupported("this device has no document feeder")
        return None
    if settings.source is PaperSource.FLATBED:
        return _first(values, _is_flatbed, "flatbed")
    feeders = [v for v in values if _is_feeder(v)]
    duplex = [v for v in feeders if "duplex" in v.lower()]
    simplex = [v for v in feeders if "duplex" not in v.lower() and "back" not in v.lower()]
    if settings.duplex and duplex:
        return duplex[0]
    return _first(simplex or feeders, lambda _v: True, "document feeder")


def _first(values: Sequence[str], accept: Any, what: str) -> str:
    for value in values:
        if accept(value):
            return value
    raise DeviceUnsupported(f"this device has no {what} source")


def choose_mode(mode_option: Any, mode: ColorMode) -> str | None:
    """The ``mode`` value for ``mode``; None when the device cannot do it (the driver converts)."""
    values = _strings(mode_option)
    words = ("color", "colour") if mode is ColorMode.COLOR else ("gray", "grey")
    matches = [v for v in values if any(w in v.lower() for w in words)]
    exact = [v for v in matches if v.lower() in words]
    chosen = (exact or matches)[0] if matches else None
    if chosen is None and values:
        log.info("device offers no %s mode; converting after the scan", mode.value)
    return chosen


def choose_resolution(resolution_option: Any, dpi: int) -> int | float:
    """The nearest value the ``resolution`` option accepts, typed as the option wants it."""
    constraint = getattr(resolution_option, "constraint", None)
    value: float = float(dpi)
    if isinstance(constraint, list):
        allowed = [float(v) for v in constraint if float(v) > 0]
        value = min(allowed, key=lambda v: abs(v - dpi)) if allowed else value
    elif isinstance(constraint, tuple) and len(constraint) == 3:
        low, high, quant = (float(c) for c in constraint)
        value = min(max(value, low), high)
        if quant > 0:
            value = low + round((value - low) / quant) * quant
    return value if _is_fixed(resolution_option) else round(value)


def _is_fixed(option: Any) -> bool:
    return getattr(option, "type", None) == 2  # SANE_TYPE_FIXED


def is_active_settable(option: Any) -> bool:
    """True when the option can be written now (SANE_CAP_INACTIVE unset, SOFT_SELECT set)."""
    cap = int(getattr(option, "cap", 0))
    return bool(cap & 1) and not cap & 32  # SANE_CAP_SOFT_SELECT = 1, SANE_CAP_INACTIVE = 32
