"""Plain data that crosses the worker-process boundary: compressed page images and the text layer."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

log = logging.getLogger(__name__)

Compression = Literal["mrc", "bitonal", "jpeg"]
PageKind = Literal["bitonal", "mrc", "jpeg"]


@dataclass(frozen=True)
class ImageStream:
    """One encoded image XObject, ready to be embedded without re-encoding.

    ``filter`` is ``"CCITTFaxDecode"`` (1 bit, G4, 0 = black) or ``"DCTDecode"`` (JPEG);
    ``components`` is 1 (gray / bitonal) or 3 (RGB). A mask (``is_mask``) is painted in ``fill_rgb``
    where its bits are 0 and leaves the page untouched elsewhere. A layer with an ``origin`` covers
    only its own width x height in page pixels from there; one without covers the whole page.
    """

    data: bytes
    width: int
    height: int
    filter: str
    components: int = 1
    is_mask: bool = False
    fill_rgb: tuple[float, float, float] = (0.0, 0.0, 0.0)
    origin: tuple[int, int] | None = None  # top-left page pixel of a partial layer; None = whole page


@dataclass(frozen=True)
class TextWord:
    """One word of the invisible text layer, its box in page pixels (x0, y0, x1, y1, y down)."""

    text: str
    box: tuple[int, int, int, int]
    line: int = 0


@dataclass(frozen=True)
class PreparedPage:
    """A page ready for assembly: layers drawn bottom to top over the full page, plus the words."""

    width: int  # page pixels at ``dpi``
    height: int
    dpi: int
    kind: PageKind
    layers: tuple[ImageStream, ...]
    words: tuple[TextWord, ...] = ()

    @property
    def width_pt(self) -> float:
        return self.width * 72.0 / self.dpi

    @property
    def height_pt(self) -> float:
        return self.height * 72.0 / self.dpi

    @property
    def image_bytes(self) -> int:
        return sum(len(layer.data) for layer in self.layers)


@dataclass(frozen=True)
class PdfMetadata:
    """What the document's XMP and Info dictionary say about it.

    ``fields`` are the result's metadata (document type, number, dates, ...); they go into our own
    XMP namespace as text. ``identifier`` is the document's stable id (also Dublin Core identifier).
    """

    title: str = ""
    creator: str = ""  # agency or officer that digitised the document
    identifier: str = ""
    created: datetime | None = None  # digitisation time; now when None
    subject: str = ""
    language: str = "vi"
    producer: str = "Trạm Số hóa"
    fields: Mapping[str, object] = field(default_factory=dict)
