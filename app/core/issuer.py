"""Matching an issuer as printed ("UBND XÃ ĐA TỐN") to the agency catalogue and its successor today."""

from __future__ import annotations

import difflib
import logging
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from app.core.agencies import Agency, AgencyCatalogue
from app.core.textnorm import fold

log = logging.getLogger(__name__)

# Folded unit words, longest first so "thi xa" wins over "xa".
UNIT_WORDS = ("thi tran", "thi xa", "thanh pho", "phuong", "quan", "huyen", "tinh", "xa")
_LEVEL_OF_UNIT = {
    "xa": "xa", "phuong": "xa", "thi tran": "xa",
    "quan": "huyen", "huyen": "huyen", "thi xa": "huyen", "thanh pho": "huyen", "tinh": "tinh",
}  # fmt: skip
_COMMITTEE = re.compile(r"^(?:uy ban nhan dan|ubnd|u\.?b\.?n\.?d\.?)\s+")
_CONTEXT_UNIT = re.compile(
    r"\b(thi tran|thi xa|thanh pho|phuong|quan|huyen|tinh|xa)\s+([a-z0-9 ]+?)(?=[,.;\n]|$)"
)
_FUZZY_CUTOFF = 0.86
_MOTTO = re.compile(r"\b(?:cong hoa|doc lap)\b")


@dataclass(frozen=True)
class PrintedUnit:
    """A printed unit reduced to its folded unit word ("xa", "quan" …) and folded name ("da ton")."""

    unit: str
    name: str

    @property
    def level(self) -> str:
        return _LEVEL_OF_UNIT.get(self.unit, "")


@dataclass(frozen=True)
class IssuerMatch:
    """What a result stores about its issuer: as printed, the catalogue entry, the successor today."""

    printed: str
    agency: Agency | None = None
    successor: Agency | None = None
    candidates: tuple[Agency, ...] = field(default_factory=tuple)  # when ambiguous or unmatched
    via_parent: bool = False  # the issuer is a department: matched through its parent committee


def parse_unit(text: str) -> PrintedUnit | None:
    """``"ỦY BAN NHÂN DÂN XÃ CHU MINH"`` → ``PrintedUnit("xa", "chu minh")``; None without a unit word."""
    folded = _COMMITTEE.sub("", fold(text).replace("-", " "))
    folded = re.sub(r"[^a-z0-9 ]", " ", folded).strip()
    for word in UNIT_WORDS:
        if folded.startswith(word + " "):
            name = " ".join(folded[len(word) :].split())
            name = _MOTTO.split(name)[0].strip()  # OCR may run the header's two columns together
            return PrintedUnit(word, name) if name else None
    return None


class IssuerMatcher:
    """Finds catalogue entries for printed issuers; ambiguous names are settled by context."""

    def __init__(self, catalogue: AgencyCatalogue) -> None:
        self._catalogue = catalogue
        self._by_name: dict[str, list[tuple[PrintedUnit, Agency]]] = defaultdict(list)
        for agency in catalogue.all():
            unit = parse_unit(agency.name)
            if unit is not None:
                self._by_name[unit.name].append((unit, agency))

    def match(
        self,
        printed: str,
        *,
        parent_printed: str = "",
        context: str = "",
        issued: date | None = None,
        today: date | None = None,
    ) -> IssuerMatch:
        """The best entry for ``printed`` (and its successor on ``today``).

        ``parent_printed`` is the superior body printed above it; ``context`` any text of the
        document (addresses such as "xã Chu Minh, huyện Ba Vì, tỉnh Hà Tây"); ``issued`` the issue
        date, to tell a pre-2025 commune from a current one of the same name.
        """
        today = today or date.today()
        unit = parse_unit(printed)
        via_parent = False
        if unit is None:  # a department ("PHÒNG KINH TẾ"): match the committee printed above it
            parent_printed = parent_printed or _superior_line(context)
            unit, via_parent = parse_unit(parent_printed), True
        if unit is None:
            return IssuerMatch(printed)
        candidates = self._candidates(unit)
        chosen = self._choose(candidates, unit, parent_printed if not via_parent else "", context, issued)
        if chosen is None:
            return IssuerMatch(printed, candidates=tuple(candidates), via_parent=via_parent)
        successor = self._catalogue.successor_of(chosen.key, today)
        return IssuerMatch(printed, chosen, successor, via_parent=via_parent)

    def _candidates(self, unit: PrintedUnit) -> list[Agency]:
        entries = self._by_name.get(unit.name)
        if not entries:
            close = difflib.get_close_matches(unit.name, list(self._by_name), n=3, cutoff=_FUZZY_CUTOFF)
            entries = [e for name in close for e in self._by_name[name]]
        same_level = [(u, a) for u, a in entries if u.level == unit.level]
        exact_unit = [a for u, a in same_level if u.unit == unit.unit]
        return exact_unit or [a for _u, a in same_level]

    def _choose(
        self,
        candidates: Sequence[Agency],
        unit: PrintedUnit,
        parent_printed: str,
        context: str,
        issued: date | None,
    ) -> Agency | None:
        if issued is not None:
            dated = [a for a in candidates if a.current(issued)]
            candidates = dated or candidates
        if len(candidates) > 1:
            candidates = self._by_parent(candidates, parent_printed, context) or candidates
        if len(candidates) == 1:
            return candidates[0]
        log.debug("issuer ambiguous: %d candidates", len(candidates))
        return None

    def _by_parent(self, candidates: Sequence[Agency], parent_printed: str, context: str) -> list[Agency]:
        mentioned = _mentioned_units(parent_printed, context)
        kept = []
        for agency in candidates:
            parent = self._catalogue.get(agency.parent)
            parent_unit = parse_unit(parent.name) if parent else None
            if parent_unit is not None and any(_names_unit(m, parent_unit.name) for m in mentioned):
                kept.append(agency)
        return kept


def _superior_line(context: str) -> str:
    """The first district- or province-level committee line in the document's header, or ""."""
    for line in context.splitlines()[:12]:
        unit = parse_unit(line)
        if unit is not None and unit.level in ("huyen", "tinh"):
            return line
    return ""


def _names_unit(mentioned: str, name: str) -> bool:
    """True when a mentioned phrase ("ba vi" or "ba vi tinh ha tay") names the unit ``name``."""
    return mentioned == name or mentioned.startswith(name + " ")


def _mentioned_units(parent_printed: str, context: str) -> set[str]:
    """Folded names of district-level units named in the parent line or the context text."""
    names: set[str] = set()
    parent = parse_unit(parent_printed) if parent_printed else None
    if parent is not None:
        names.add(parent.name)
    for match in _CONTEXT_UNIT.finditer(fold(context).replace("-", " ")):
        if _LEVEL_OF_UNIT.get(match.group(1)) == "huyen":
            names.add(" ".join(match.group(2).split()))
    return names
