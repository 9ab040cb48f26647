"""Scanner and profile picker: device, paper source, duplex, resolution and colour, from its capabilities."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from app.bootstrap import Station
from app.core.errors import StationError
from app.core.ports import Capabilities, ColorMode, DeviceInfo, PaperSource, ScanSettings
from app.ui.app import current_language
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

OFFERED_DPI = (200, 300)


class ProfileBar(QWidget):
    """One row of pickers; ``settings()`` is what the next scan uses."""

    def __init__(self, station: Station, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station, self.runner = station, runner
        self.device_combo = QComboBox()
        self.device_combo.setAccessibleName(self.tr("Scanner"))
        self.device_combo.setMinimumContentsLength(16)
        self.source = QComboBox()
        self.source.setAccessibleName(self.tr("Paper source"))
        self.duplex = QCheckBox(self.tr("&Both sides"))
        self.duplex.setAccessibleName(self.tr("Scan both sides of each sheet"))
        self.dpi = QComboBox()
        self.dpi.setAccessibleName(self.tr("Resolution"))
        self.colour = QComboBox()
        self.colour.setAccessibleName(self.tr("Colour mode"))
        for combo in (self.source, self.dpi, self.colour):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for label, widget in (
            (self.tr("Scanner:"), self.device_combo),
            (self.tr("Source:"), self.source),
            (self.tr("Resolution:"), self.dpi),
            (self.tr("Colour:"), self.colour),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget, 2 if widget is self.device_combo else 0)
            if widget is self.source:
                row.addWidget(self.duplex)
        self.device_combo.currentIndexChanged.connect(self._load_capabilities)

    def device(self) -> DeviceInfo | None:
        found = self.device_combo.currentData()
        return found if isinstance(found, DeviceInfo) else None

    def settings(self) -> ScanSettings:
        base = self.station.settings.scan
        source = self.source.currentData()
        dpi = self.dpi.currentData()
        colour = self.colour.currentData()
        return ScanSettings(
            source=source if isinstance(source, PaperSource) else base.source,
            duplex=self.duplex.isChecked() and self.duplex.isEnabled(),
            dpi=dpi if isinstance(dpi, int) else base.dpi,
            color_mode=colour if isinstance(colour, ColorMode) else base.color_mode,
        )

    def load_devices(self, done: Any) -> None:
        """List the devices on the runner; ``done(devices)`` after the combo is filled."""

        def job(**_: Any) -> list[DeviceInfo]:
            found: list[DeviceInfo] = []
            for scanner in self.station.scanners.values():
                if scanner.driver == "files":
                    continue
                try:
                    found.extend(scanner.list_devices())
                except StationError as exc:
                    log.info("driver %s lists no devices: %s", scanner.driver, exc.code)
            return found

        def listed(devices: list[DeviceInfo]) -> None:
            self.device_combo.clear()
            for dev in devices:
                self.device_combo.addItem(f"{dev.label(current_language())} ({dev.driver})", dev)
            done(devices)

        self.runner.start(job, on_finished=listed)

    def _load_capabilities(self) -> None:
        device = self.device()
        if device is None:
            return

        def job(**_: Any) -> Capabilities:
            return self.station.scanners[device.driver].capabilities(device.id)

        self.runner.start(job, on_finished=self._show_capabilities, on_failed=lambda _e: None)

    def _show_capabilities(self, caps: Capabilities) -> None:
        base = self.station.settings.scan
        names = {PaperSource.FEEDER: self.tr("Feeder"), PaperSource.FLATBED: self.tr("Flatbed")}
        _fill(self.source, [(names.get(s, str(s.value)), s) for s in caps.sources], base.source)
        dpis = [d for d in OFFERED_DPI if not caps.resolutions or d in caps.resolutions] or list(
            caps.resolutions
        )
        _fill(self.dpi, [(f"{d} dpi", d) for d in dpis], base.dpi)
        modes = {ColorMode.COLOR: self.tr("Colour"), ColorMode.GRAY: self.tr("Grey")}
        _fill(self.colour, [(modes.get(m, str(m.value)), m) for m in caps.color_modes], base.color_mode)
        self.duplex.setEnabled(caps.duplex)
        self.duplex.setChecked(caps.duplex and base.duplex)


def _fill(combo: QComboBox, options: list[tuple[str, object]], preferred: object) -> None:
    combo.clear()
    for text, value in options:
        combo.addItem(text, value)
    at = next((i for i, (_, v) in enumerate(options) if v == preferred), 0)
    combo.setCurrentIndex(at)
