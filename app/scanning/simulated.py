"""A simulated document feeder: a folder of page images delivered like an ADF, for tests and demos.

Pages come in natural file-name order at ``seconds_per_page`` (0 in tests), waiting on the cancel
token so a cancel interrupts the wait at once. Images are delivered verbatim (like file import).
Duplex: ``duplex_backs="pairs"`` reads files two by two as front/back of one sheet;
``"blank"`` adds a white back page (PNG, same size and dpi) after every front. A fault (an
instance or class of ``DeviceError``, e.g. ``PaperJam``) can be injected after ``fault_after``
pages: the pages before it stay delivered, as with a real jam.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from PIL import Image

from app.core.cancel import CancelToken
from app.core.errors import DeviceError, DeviceOffline, FeederEmpty
from app.core.ports import Capabilities, ColorMode, DeviceInfo, PaperSource, ScannedPage, ScanSettings
from app.scanning.encode import encode_png, read_dpi
from app.scanning.files import VERBATIM_TYPES, natural_key

log = logging.getLogger(__name__)

DuplexBacks = Literal["pairs", "blank"]
_MEDIA_TYPES = {**VERBATIM_TYPES, ".tif": "image/tiff", ".tiff": "image/tiff"}


class SimulatedFeeder:
    """``Scanner`` that feeds a folder of images (the device id is the folder)."""

    driver = "simulated"

    def __init__(
        self,
        folder: Path | str | None = None,
        *,
        seconds_per_page: float = 0.0,
        duplex_backs: DuplexBacks = "blank",
        fault: DeviceError | type[DeviceError] | None = None,
        fault_after: int = 0,
    ) -> None:
        self._folder = Path(folder) if folder is not None else None
        self._pace = seconds_per_page
        self._duplex_backs = duplex_backs
        self._fault = fault
        self._fault_after = fault_after

    def list_devices(self) -> list[DeviceInfo]:
        if self._folder is None:
            return []
        return [
            DeviceInfo(
                id=str(self._folder),
                name="Máy quét mô phỏng",
                driver=self.driver,
                name_en="Simulated scanner",
            )
        ]

    def capabilities(self, device_id: str) -> Capabilities:
        return Capabilities(
            sources=(PaperSource.FEEDER, PaperSource.FLATBED),
            duplex=True,
            resolutions=(150, 200, 300),
            color_modes=(ColorMode.COLOR, ColorMode.GRAY),
        )

    def scan(self, device_id: str, settings: ScanSettings, cancel: CancelToken) -> Iterator[ScannedPage]:
        files = self._files(Path(device_id))
        if not files:
            raise FeederEmpty("simulated feeder folder has no images")
        limit = settings.max_pages if settings.source is PaperSource.FEEDER else 1
        for number, page in enumerate(self._sheets(files, settings), start=1):
            if limit is not None and number > limit:
                return
            if self._fault is not None and number > self._fault_after:
                raise self._fault if isinstance(self._fault, DeviceError) else self._fault("simulated")
            if cancel.cancelled or (self._pace > 0 and cancel.wait(self._pace)):
                return
            yield page

    def _files(self, folder: Path) -> list[Path]:
        if not folder.is_dir():
            raise DeviceOffline("simulated feeder folder not found")
        found = [p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in _MEDIA_TYPES]
        return sorted(found, key=natural_key)

    def _sheets(self, files: list[Path], settings: ScanSettings) -> Iterator[ScannedPage]:
        duplex = settings.duplex and settings.source is PaperSource.FEEDER
        for index, path in enumerate(files):
            data = path.read_bytes()
            side = "back" if duplex and self._duplex_backs == "pairs" and index % 2 == 1 else "front"
            page = ScannedPage(
                data,
                _MEDIA_TYPES[path.suffix.lower()],
                read_dpi(data) or settings.dpi,
                f"{path.name}",
                side=side,
                meta={"driver": self.driver, "simulated": True},
            )
            yield page
            if duplex and self._duplex_backs == "blank":
                yield _blank_back(page)


def _blank_back(front: ScannedPage) -> ScannedPage:
    """A white back side matching the front's size (letter size at its dpi when unreadable)."""
    dpi = front.dpi or 300
    try:
        with Image.open(io.BytesIO(front.data)) as image:
            size = image.size
    except (OSError, ValueError, Image.DecompressionBombError):
        size = (round(8.5 * dpi), round(11 * dpi))
    data = encode_png(Image.new("L", size, 255), dpi)
    return ScannedPage(data, "image/png", dpi, f"{front.source_name} (mặt sau)", side="back", meta=front.meta)
