"""Digitisation-result codes: a configurable template, rendering, and a never-reusing sequence."""

from __future__ import annotations

import logging
import string
import threading
from dataclasses import dataclass
from typing import Protocol

from app.core.errors import StationError
from app.core.textnorm import nfc

log = logging.getLogger(__name__)

PLACEHOLDERS = frozenset({"owner", "result_type", "station", "year", "seq"})

# Default template. Circular 01/2023/TT-VPCP Art. 10 builds the code from the owner's identifier,
# the result-type code of the National TTHC Database and a sequence; the exact layout is unconfirmed
# (DOMAIN.md "Codes"), so it is configurable. We add the station code so codes stay unique when
# several stations' results are merged centrally, and the year so an officer can read the age of a
# result at a glance. "." is the separator used by agency identifiers (QCVN 102:2016). The sequence
# comes last so it can always be read back from the end, even when the owner part contains dots.
DEFAULT_TEMPLATE = "{owner}.{result_type}.{station}.{year}.{seq:06d}"

_SAMPLE: dict[str, object] = {"owner": "001", "result_type": "KQ", "station": "T1", "year": 2026, "seq": 1}


class CodeTemplateError(StationError, ValueError):
    """A result-code template is malformed; ``detail`` (Vietnamese) and ``detail_en`` say what is wrong."""

    code = "code_template"
    message_vi = "Mẫu mã kết quả số hóa không hợp lệ. Báo quản trị viên sửa cấu hình."
    message_en = "The digitisation-result code template is invalid."

    def __init__(self, detail: str = "", detail_en: str = "") -> None:
        super().__init__(detail)
        self.detail_en = detail_en or detail  # the detail for the English UI

    def user_message(self, lang: str = "vi") -> str:
        if lang == "en" and self.detail_en:
            return f"{self.message_en} ({self.detail_en})"
        return super().user_message(lang)


@dataclass(frozen=True)
class _Part:
    literal: str
    field: str | None
    spec: str


@dataclass(frozen=True)
class CodeTemplate:
    """A format string with named parts ``{owner}``, ``{result_type}``, ``{station}``, ``{year}``, ``{seq}``.

    ``{seq}`` is required (it is what makes codes unique); format specs such as ``{seq:06d}`` are
    allowed; positional, indexed or attribute fields and conversions (``!r``) are rejected.
    """

    pattern: str = DEFAULT_TEMPLATE

    def __post_init__(self) -> None:
        validate_template(self.pattern)

    def parts(self) -> tuple[_Part, ...]:
        return tuple(
            _Part(literal, field, spec or "")
            for literal, field, spec, _conv in string.Formatter().parse(self.pattern)
        )


def validate_template(pattern: str) -> None:
    """Raise CodeTemplateError (with a Vietnamese detail) unless ``pattern`` is a usable template."""
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise CodeTemplateError(f"cú pháp ngoặc nhọn sai: {exc}", f"wrong use of braces: {exc}") from exc
    fields = [(field, spec, conv) for _lit, field, spec, conv in parsed if field is not None]
    for field, spec, conv in fields:
        if field not in PLACEHOLDERS:
            allowed = ", ".join("{" + p + "}" for p in sorted(PLACEHOLDERS))
            raise CodeTemplateError(
                f"thành phần không biết: {{{field}}}; chỉ được dùng {allowed}",
                f"unknown part {{{field}}}; use only {allowed}",
            )
        if conv:
            raise CodeTemplateError(
                f"không dùng chuyển đổi !{conv} trong {{{field}}}", f"no conversion !{conv} in {{{field}}}"
            )
        if spec and "{" in spec:
            raise CodeTemplateError(
                f"định dạng lồng nhau không được phép trong {{{field}}}", f"no nested format in {{{field}}}"
            )
    names = [f for f, _s, _c in fields]
    if "seq" not in names:
        raise CodeTemplateError(
            "mẫu phải có {seq} (số thứ tự) để mã không bị trùng",
            "the template needs {seq} (the sequence number) so that codes stay unique",
        )
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise CodeTemplateError(
            f"thành phần lặp lại: {', '.join(duplicates)}", f"parts used twice: {', '.join(duplicates)}"
        )
    try:
        string.Formatter().vformat(pattern, (), _SAMPLE)
    except (ValueError, TypeError) as exc:
        raise CodeTemplateError(f"định dạng không dùng được: {exc}", f"unusable format: {exc}") from exc


def render_code(
    template: CodeTemplate, owner_id: str | None, result_type: str, station: str, year: int, seq: int
) -> str:
    """The code for these values; an empty or missing owner drops the owner part and one separator.

    When the owner is empty the literal text right after ``{owner}`` is dropped (or, when ``{owner}``
    is the last field, the text right before it), so ``"{owner}.{result_type}..."`` never starts with
    "." and never contains "..".
    """
    values = _values(owner_id, result_type, station, year, seq)
    pieces: list[str] = []
    skip_next_literal = False
    parts = template.parts()
    last_field = max(i for i, p in enumerate(parts) if p.field is not None)
    for i, part in enumerate(parts):
        pieces.append("" if skip_next_literal else part.literal)
        skip_next_literal = False
        if part.field is None:
            continue
        text = format(values[part.field], part.spec)
        if text:
            pieces.append(text)
        elif i == last_field:
            pieces[-1] = ""
        else:
            skip_next_literal = True
    return "".join(pieces)


def validate_values(owner_id: str | None, result_type: str, station: str, year: int) -> None:
    """Raise CodeTemplateError unless these values can make a code (check before taking a number)."""
    _values(owner_id, result_type, station, year, 1)


def _values(owner_id: str | None, result_type: str, station: str, year: int, seq: int) -> dict[str, object]:
    owner = nfc(owner_id or "").strip()
    result_type, station = nfc(result_type).strip(), nfc(station).strip()
    if not result_type:
        raise CodeTemplateError("thiếu mã loại kết quả", "the result type code is missing")
    if not station:
        raise CodeTemplateError("thiếu mã trạm", "the station code is missing")
    names = (
        ("chủ thể", "owner", owner),
        ("loại kết quả", "result type", result_type),
        ("trạm", "station", station),
    )
    for name, name_en, text in names:
        if any(ch.isspace() or ch in "{}" for ch in text):
            raise CodeTemplateError(
                f"mã {name} không được chứa khoảng trắng hoặc ngoặc nhọn",
                f"the {name_en} code cannot contain spaces or braces",
            )
    if not 1000 <= year <= 9999:
        raise CodeTemplateError(f"năm không hợp lệ: {year}", f"invalid year: {year}")
    if seq < 1:
        raise CodeTemplateError(f"số thứ tự phải từ 1: {seq}", f"the sequence number starts at 1: {seq}")
    return {"owner": owner, "result_type": result_type, "station": station, "year": year, "seq": seq}


class SequenceAllocator(Protocol):
    """Hands out the sequence numbers of one station's result codes.

    Contract (the store implementation must keep it too):
    - ``allocate()`` returns a number strictly greater than every number it ever returned on this
      station, starting at 1; it is never reset (not per year), so any template with ``{seq}``
      yields unique codes.
    - The high-water mark is durable before the number is returned (same transaction as the record
      in the store: like SQLite ``AUTOINCREMENT``, never ``max(seq) + 1``), so deleting the newest
      result, a rollback, or a crash never lets a number be handed out twice.
    - ``release(seq)`` records that the code was deleted; the number stays used forever.
    - ``last()`` is the highest number handed out so far (0 when none).
    """

    def allocate(self) -> int: ...

    def release(self, seq: int) -> None: ...

    def last(self) -> int: ...


class InMemorySequenceAllocator:
    """A thread-safe SequenceAllocator kept in memory (tests, demo); it forgets on restart."""

    def __init__(self, start_after: int = 0) -> None:
        if start_after < 0:
            raise ValueError("start_after must be >= 0")
        self._last = start_after
        self._released: set[int] = set()
        self._lock = threading.Lock()

    def allocate(self) -> int:
        with self._lock:
            self._last += 1
            return self._last

    def release(self, seq: int) -> None:
        with self._lock:
            if not 1 <= seq <= self._last:
                raise ValueError(f"sequence {seq} was never allocated")
            self._released.add(seq)
        log.debug("released result sequence %d (never reused)", seq)

    def last(self) -> int:
        return self._last

    def is_released(self, seq: int) -> bool:
        return seq in self._released


def issue_code(
    template: CodeTemplate,
    allocator: SequenceAllocator,
    *,
    owner_id: str | None,
    result_type: str,
    station: str,
    year: int,
) -> tuple[int, str]:
    """Allocate the next sequence number and render its code; returns ``(seq, code)``.

    Values are checked before a number is taken, so a bad input does not burn a number.
    """
    validate_values(owner_id, result_type, station, year)
    seq = allocator.allocate()
    return seq, render_code(template, owner_id, result_type, station, year, seq)
