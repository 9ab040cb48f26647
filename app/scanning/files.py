"""File import as a scanner: a folder (or one file) of page images delivered like a feeder.

Device id = a folder or a single file. Files are taken in natural file-name order ("scan 2"
before "scan 10", case-insensitive), not recursively. JPEG, PNG, single-page TIFF and PNM are
delivered verbatim (the original bytes, never re-encoded, even when empty or corrupt: the page
analyzer rejects those later with a clear error and the batch goes on). Multi-page TIFFs are
split and image PDFs rendered page by page (see ``file_pages``), each page as lossless PNG.

Error policy for a TIFF or PDF that cannot be split: the driver yields ONE page carrying the
file's raw bytes with ``meta={"error": "unreadable_image", "detail": ...}`` and goes on with the
next file. The page is journaled like any other, so the officer sees which file failed, and no
exception stops the batch. Files with other extensions are skipped with a log line.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from app.core.cancel import CancelToken
from app.core.errors import DeviceOffline, UnreadableImage
from app.core.ports import Capabilities, ColorMode, DeviceInfo, PaperSource, ScannedPage, ScanSettings
from app.scanning.encode import read_dpi
from app.scanning.file_pages import DEFAULT_PDF_DPI, UnsplittableFile, split_pdf, split_tiff, tiff_page_count

log = logging.getLogger(__name__)

VERBATIM_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".pnm": "image/x-portable-anymap",
    ".pbm": "image/x-portable-anymap",
    ".pgm": "image/x-portable-anymap",
    ".ppm": "image/x-portable-anymap",
}
TIFF_SUFFIXES = (".tif", ".tiff")
PDF_SUFFIX = ".pdf"


def natural_key(path: Path) -> tuple[tuple[int, int | str], ...]:
    """Sort key comparing digit runs as numbers: page2 < page10; case-insensitive."""
    parts = re.split(r"(\d+)", path.name.casefold())
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)


def is_importable(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in VERBATIM_TYPES or suffix in TIFF_SUFFIXES or suffix == PDF_SUFFIX


class FileImportScanner:
    """``Scanner`` over image files. ``roots``: folders offered by ``list_devices``."""

    driver = "files"

    def __init__(self, roots: Sequence[Path] = (), *, pdf_dpi: int = DEFAULT_PDF_DPI) -> None:
        self._roots = [Path(r) for r in roots]
        self._pdf_dpi = pdf_dpi

    def list_devices(self) -> list[DeviceInfo]:
        return [
            DeviceInfo(
                id=str(root),
                name=f"Thư mục ảnh: {root.name}",
                driver=self.driver,
                name_en=f"Image folder: {root.name}",
            )
            for root in self._roots
            if root.exists()
        ]

    def capabilities(self, device_id: str) -> Capabilities:
        return Capabilities(
            sources=(PaperSource.FEEDER,), duplex=False, resolutions=(), color_modes=(ColorMode.COLOR,)
        )

    def scan(self, device_id: str, settings: ScanSettings, cancel: CancelToken) -> Iterator[ScannedPage]:
        delivered = 0
        for index, path in enumerate(self._files(Path(device_id)), start=1):
            for page in self._pages_of(path, index):
                if cancel.cancelled or (settings.max_pages is not None and delivered >= settings.max_pages):
                    return
                delivered += 1
                yield page

    def _files(self, target: Path) -> list[Path]:
        if target.is_file():
            return [target]
        if not target.is_dir():
            raise DeviceOffline("import folder not found")
        files: list[Path] = []
        for path in sorted(target.iterdir(), key=natural_key):
            if not path.is_file():
                continue
            if is_importable(path):
                files.append(path)
            else:
                log.info("skipping a file of unsupported type %r", path.suffix.lower() or "(none)")
        return files

    def _pages_of(self, path: Path, index: int) -> Iterator[ScannedPage]:
        data = path.read_bytes()
        suffix = path.suffix.lower()
        if suffix in VERBATIM_TYPES:
            yield ScannedPage(
                data, VERBATIM_TYPES[suffix], read_dpi(data), path.name, meta={"file_index": index}
            )
            return
        if suffix == PDF_SUFFIX:
            yield from self._split_pages(split_pdf(data, self._pdf_dpi), data, path, index)
            return
        try:
            single = tiff_page_count(data) == 1
        except UnsplittableFile as exc:
            yield _error_page(data, path, index, str(exc))
            return
        if single:
            yield ScannedPage(data, "image/tiff", read_dpi(data), path.name, meta={"file_index": index})
        else:
            yield from self._split_pages(split_tiff(data), data, path, index)

    def _split_pages(
        self, split: Iterator[tuple[bytes, int | None]], data: bytes, path: Path, index: int
    ) -> Iterator[ScannedPage]:
        number = 0
        try:
            for number, (png, dpi) in enumerate(split, start=1):
                yield ScannedPage(
                    png, "image/png", dpi, f"{path.name} p.{number}", meta={"file_index": index}
                )
        except UnsplittableFile as exc:
            log.warning(
                "file #%d (%s) could not be split after %d page(s)", index, path.suffix.lower(), number
            )
            yield _error_page(data, path, index, str(exc))


def _error_page(data: bytes, path: Path, index: int, detail: str) -> ScannedPage:
    media_type = "application/pdf" if path.suffix.lower() == PDF_SUFFIX else "image/tiff"
    return ScannedPage(
        data,
        media_type,
        None,
        path.name,
        meta={"file_index": index, "error": UnreadableImage.code, "detail": detail},
    )
