"""The Tesseract call itself: tesserocr (model kept loaded) when installed, else the CLI.

tesserocr keeps one ``vie`` model loaded per worker process and skips the image file round trip:
on the dev pages it read a page in 0.64 s of CPU where the CLI through pytesseract took 1.36 s,
with the same words. The CLI stays as the fallback (and what ``tesseract`` on PATH gives).
Both return Tesseract's TSV, so the rest of the package does not care which one ran;
``SOHOA_OCR_ENGINE=cli`` forces the CLI.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytesseract
from PIL import Image

from app.core.errors import OcrError

log = logging.getLogger(__name__)

LANG = "vie"  # alone: vie+eng dropped diacritics from whole lines
TESSDATA_CANDIDATES = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/local/share/tessdata",
    "C:/Program Files/Tesseract-OCR/tessdata",
)

_lock = threading.Lock()
_api: Any = None


def run_tsv(image: np.ndarray, psm: int, dpi: int) -> str:
    """Tesseract's TSV for a gray image read with page segmentation mode ``psm``."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    api = _tesserocr_api()
    if api is None:
        return _cli_tsv(image, psm, dpi)
    with _lock:
        api.SetPageSegMode(psm)
        api.SetImage(Image.fromarray(image))
        api.SetSourceResolution(dpi)
        if not api.Recognize():
            raise OcrError("Tesseract could not read the page image")
        return str(api.GetTSVText(0))


def engine_name() -> str:
    return "tesserocr" if _tesserocr_api() is not None else "tesseract-cli"


def _tesserocr_api() -> Any:
    global _api
    if _api is not None:
        return _api or None
    if os.environ.get("SOHOA_OCR_ENGINE") == "cli":  # for comparisons and troubleshooting
        _api = False
        return None
    try:
        import tesserocr  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        _api = False
        return None
    path = _tessdata_dir()
    try:
        _api = tesserocr.PyTessBaseAPI(path=path, lang=LANG, oem=tesserocr.OEM.LSTM_ONLY)
    except RuntimeError as exc:  # no vie model where we looked: the CLI may still find it
        log.warning("tesserocr could not load the %s model (%s); using the tesseract CLI", LANG, exc)
        _api = False
        return None
    return _api


def _tessdata_dir() -> str:
    prefix = os.environ.get("TESSDATA_PREFIX")
    for folder in ([prefix] if prefix else []) + list(TESSDATA_CANDIDATES):
        if (Path(folder) / f"{LANG}.traineddata").exists():
            return folder.rstrip("/") + "/"
    return "./"


def _cli_tsv(image: np.ndarray, psm: int, dpi: int) -> str:
    config = f"--oem 1 --psm {psm} --dpi {dpi}"
    try:
        return str(pytesseract.image_to_data(image, lang=LANG, config=config))
    except (pytesseract.TesseractError, pytesseract.TesseractNotFoundError, OSError) as exc:
        raise OcrError(f"Tesseract failed: {exc}") from exc
