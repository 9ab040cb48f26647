"""Station version numbers: parse and compare a small PEP 440 subset (1.2, 1.2.3, 1.2.3rc1, 1.2.3b2).

Releases are what the administrator publishes on the central repository and what the station
compares against its own ``app.__version__``; anything outside the subset is refused, so that a typo
in a published version never makes every station believe it is out of date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import total_ordering

from app.core.errors import StationError

_PATTERN = re.compile(
    r"^v?(?P<release>\d{1,6}(?:\.\d{1,6}){0,3})(?:[.-]?(?P<pre>a|b|rc)(?P<pre_n>\d{1,6}))?$",
    re.IGNORECASE,
)
# A final release sorts after every pre-release of the same numbers.
_PRE_ORDER = {"a": 0, "b": 1, "rc": 2}
_FINAL = (3, 0)


class InvalidVersion(StationError):
    code = "invalid_version"
    message_vi = "Số phiên bản không hợp lệ. Dùng dạng 1.2.3 hoặc 1.2.3rc1."
    message_en = "Invalid version number (use 1.2.3 or 1.2.3rc1)."


@total_ordering
@dataclass(frozen=True)
class Version:
    """A parsed version; ``1.2`` equals ``1.2.0``; ``1.2.3rc1 < 1.2.3``."""

    release: tuple[int, ...]
    pre: tuple[str, int] | None = None
    text: str = field(default="", compare=False)

    def _key(self) -> tuple[tuple[int, ...], tuple[int, int]]:
        trimmed = list(self.release)
        while len(trimmed) > 1 and trimmed[-1] == 0:
            trimmed.pop()
        pre = _FINAL if self.pre is None else (_PRE_ORDER[self.pre[0]], self.pre[1])
        return tuple(trimmed), pre

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() == other._key()

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() < other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        base = ".".join(str(n) for n in self.release)
        return base if self.pre is None else f"{base}{self.pre[0]}{self.pre[1]}"

    @property
    def is_prerelease(self) -> bool:
        return self.pre is not None


def parse_version(text: str) -> Version:
    """The version in ``text`` (surrounding spaces and a leading ``v`` allowed); InvalidVersion else."""
    cleaned = text.strip() if isinstance(text, str) else ""
    match = _PATTERN.match(cleaned)
    if match is None:
        shown = cleaned[:40] if cleaned else "(trống)"
        raise InvalidVersion(
            repr(shown),
            message_vi=f"Số phiên bản «{shown}» không hợp lệ. Dùng dạng 1.2.3 hoặc 1.2.3rc1.",
        )
    release = tuple(int(part) for part in match["release"].split("."))
    pre = None
    if match["pre"]:
        pre = (match["pre"].lower(), int(match["pre_n"]))
    return Version(release, pre, text=cleaned)


def is_newer(candidate: str, current: str) -> bool:
    """True when ``candidate`` is a later version than ``current`` (both parsed; InvalidVersion)."""
    return parse_version(candidate) > parse_version(current)


def newest(versions: list[str]) -> str | None:
    """The highest of ``versions`` as written, skipping unparseable ones; None when none parse."""
    best: Version | None = None
    for text in versions:
        try:
            version = parse_version(text)
        except InvalidVersion:
            continue
        if best is None or version > best:
            best = version
    return None if best is None else best.text
