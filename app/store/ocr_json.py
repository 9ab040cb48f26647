"""OCR results as compact JSON for the pages table (words as arrays, not objects, to stay small)."""

from __future__ import annotations

from typing import Any

from app.core.ocr_types import OcrPage, OcrWord

OCR_VERSION = 1


def ocr_to_json(ocr: OcrPage) -> dict[str, Any]:
    return {
        "v": OCR_VERSION,
        "text": ocr.text,
        "width": ocr.width,
        "height": ocr.height,
        "dpi": ocr.dpi,
        "engine": ocr.engine,
        "words": [[w.text, *w.box, round(w.conf, 1), w.line] for w in ocr.words],
    }


def ocr_from_json(data: dict[str, Any]) -> OcrPage:
    words = tuple(
        OcrWord(text=str(t), box=(int(x0), int(y0), int(x1), int(y1)), conf=float(conf), line=int(line))
        for t, x0, y0, x1, y1, conf, line in data.get("words", [])
    )
    return OcrPage(
        text=str(data.get("text", "")),
        width=int(data["width"]),
        height=int(data["height"]),
        dpi=int(data["dpi"]),
        words=words,
        engine=str(data.get("engine", "tesseract")),
    )
