"""A problem the user must fix, worded in both UI languages (core stays free of Qt and of tr()).

Core checks (field validators, station settings, inventory rows) build ``Problem(vi, en)``; the UI
shows ``problem.text(current_language())``. Callers that only speak Vietnamese (CLI, sync, reports,
the central service) keep the old functions, which return ``vi_texts(...)``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    """One message: ``vi`` is what the station shows by default, ``en`` the English UI's wording."""

    vi: str
    en: str

    def text(self, lang: str = "vi") -> str:
        """The message in ``lang`` ("en" gives English; anything else Vietnamese)."""
        return self.en if lang == "en" else self.vi


def vi_texts(problems: Iterable[Problem]) -> list[str]:
    """The Vietnamese messages, in order (for callers that predate ``Problem``)."""
    return [p.vi for p in problems]


def texts(problems: Iterable[Problem], lang: str) -> list[str]:
    """The messages in ``lang``, in order."""
    return [p.text(lang) for p in problems]
