"""What OCR delivers for one cleaned page: NFC text in reading order, words with boxes and confidences."""

from __future__ import annotations

from dataclasses import dataclass, field

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in the cleaned (upright, deskewed) page's pixels


@dataclass(frozen=True)
class OcrWord:
    text: str
    box: Box
    conf: float  # 0..100 as Tesseract reports it; -1 when unknown
    line: int = 0  # index of the output line the word belongs to


@dataclass(frozen=True)
class OcrPage:
    """One page's recognition result; ``text`` lines are joined with newlines in reading order."""

    text: str
    width: int
    height: int
    dpi: int
    words: tuple[OcrWord, ...] = field(default_factory=tuple)
    engine: str = "tesseract"

    @property
    def mean_conf(self) -> float:
        confs = [w.conf for w in self.words if w.conf >= 0]
        return sum(confs) / len(confs) if confs else -1.0
