"""The agency catalogue: Hanoi's issuing bodies past and present, loaded from CSV, with successors."""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from app.core.errors import StationError
from app.core.textnorm import collapse_spaces, nfc

log = logging.getLogger(__name__)

COLUMNS = (
    "key",
    "code",
    "admin_code",
    "name",
    "level",
    "parent",
    "valid_from",
    "valid_to",
    "successor",
    "source",
)
LEVELS = ("tinh", "huyen", "xa")
OVERRIDE_NAME = "agencies.csv"  # an administrator's imported catalogue, in the station's data folder


class CatalogueError(StationError, ValueError):
    """A catalogue file is malformed; the detail names the line and the problem (in Vietnamese)."""

    code = "agency_catalogue"
    message_vi = "Tệp danh mục cơ quan không hợp lệ. Sửa tệp theo mẫu rồi nhập lại."
    message_en = "The agency catalogue file is invalid."


@dataclass(frozen=True)
class Agency:
    """One administrative unit (its people's committee issues results) in the catalogue."""

    key: str
    name: str
    level: str
    code: str = ""
    admin_code: str = ""
    parent: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    successor: str = ""
    source: str = ""

    def current(self, on: date) -> bool:
        """True when the unit exists on that day."""
        starts_ok = self.valid_from is None or self.valid_from <= on
        return starts_ok and (self.valid_to is None or on <= self.valid_to)


class AgencyCatalogue:
    """The agencies by key, with parent and successor look-ups."""

    def __init__(self, agencies: Iterable[Agency]) -> None:
        self._by_key: dict[str, Agency] = {}
        for agency in agencies:
            self._by_key[agency.key] = agency

    def __len__(self) -> int:
        return len(self._by_key)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def get(self, key: str) -> Agency | None:
        return self._by_key.get(key)

    def all(self) -> list[Agency]:
        return list(self._by_key.values())

    def children(self, key: str) -> list[Agency]:
        return [a for a in self._by_key.values() if a.parent == key]

    def successor_of(self, key: str, on: date) -> Agency | None:
        """The unit holding this unit's records on ``on``: itself while it exists, else the end of
        its successor chain; None when the chain is unknown (e.g. a district split among many)."""
        seen: set[str] = set()
        agency = self._by_key.get(key)
        while agency is not None and agency.key not in seen:
            if agency.current(on):
                return agency
            seen.add(agency.key)
            agency = self._by_key.get(agency.successor) if agency.successor else None
        return None

    def merged(self, overrides: Iterable[Agency]) -> AgencyCatalogue:
        """A copy where ``overrides`` replace (by key) or add entries."""
        table = dict(self._by_key)
        table.update({a.key: a for a in overrides})
        return AgencyCatalogue(table.values())


def default_catalogue_path() -> Path:
    """The catalogue shipped with the station (resources/agencies.csv)."""
    return Path(__file__).resolve().parents[2] / "resources" / "agencies.csv"


def load_catalogue(path: Path | None = None, override_dir: Path | None = None) -> AgencyCatalogue:
    """The shipped catalogue, merged with the administrator's import in ``override_dir`` if any."""
    catalogue = AgencyCatalogue(parse_catalogue(_read(path or default_catalogue_path())))
    if override_dir is not None and (override_dir / OVERRIDE_NAME).is_file():
        catalogue = catalogue.merged(parse_catalogue(_read(override_dir / OVERRIDE_NAME)))
    log.info("agency catalogue: %d entries", len(catalogue))
    return catalogue


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(
            f"{path.name}: {exc}", message_vi=f"Không đọc được tệp danh mục {path.name}."
        ) from exc


def parse_catalogue(text: str) -> list[Agency]:
    """Rows of a catalogue CSV (header required; ``key``, ``name`` and ``level`` at least)."""
    reader = csv.DictReader(io.StringIO(text))
    header = tuple(reader.fieldnames or ())
    missing = [c for c in ("key", "name", "level") if c not in header]
    if missing:
        raise CatalogueError(f"missing columns {missing}", message_vi=f"Tệp thiếu cột: {', '.join(missing)}.")
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        raise CatalogueError(
            f"unknown columns {unknown}", message_vi=f"Cột không biết: {', '.join(unknown)}."
        )
    return [_agency(row, line) for line, row in enumerate(reader, start=2)]


def _agency(row: Mapping[str, str | None], line: int) -> Agency:
    def cell(name: str) -> str:
        return collapse_spaces(nfc(row.get(name) or ""))

    key, level = cell("key"), cell("level")
    if not key or not cell("name"):
        raise _line_error(line, "thiếu mã khóa (key) hoặc tên")
    if level not in LEVELS:
        raise _line_error(line, f"cấp '{level}' không hợp lệ (chỉ dùng {', '.join(LEVELS)})")
    return Agency(
        key=key,
        name=cell("name"),
        level=level,
        code=cell("code"),
        admin_code=cell("admin_code"),
        parent=cell("parent"),
        valid_from=_date(cell("valid_from"), line),
        valid_to=_date(cell("valid_to"), line),
        successor=cell("successor"),
        source=cell("source"),
    )


def _date(text: str, line: int) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _line_error(line, f"ngày '{text}' phải theo dạng YYYY-MM-DD") from None


def _line_error(line: int, problem: str) -> CatalogueError:
    return CatalogueError(f"line {line}", message_vi=f"Dòng {line} của tệp danh mục: {problem}.")


def check_references(catalogue: AgencyCatalogue) -> list[str]:
    """Vietnamese problems with parents and successors that point nowhere (empty when sound)."""
    problems = []
    for agency in catalogue.all():
        for what, ref in (("cấp trên", agency.parent), ("đơn vị kế thừa", agency.successor)):
            if ref and ref not in catalogue:
                problems.append(f"{agency.key}: {what} '{ref}' không có trong danh mục")
    return problems


def to_csv(agencies: Iterable[Agency]) -> str:
    """The catalogue as CSV text in the standard column order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for a in agencies:
        dates = [d.isoformat() if d else "" for d in (a.valid_from, a.valid_to)]
        writer.writerow(
            [a.key, a.code, a.admin_code, a.name, a.level, a.parent, *dates, a.successor, a.source]
        )
    return out.getvalue()


def with_codes(catalogue: AgencyCatalogue, codes: Mapping[str, str]) -> list[Agency]:
    """Entries updated with agency identifiers ``{key: code}`` (an administrator's code import)."""
    unknown = sorted(k for k in codes if k not in catalogue)
    if unknown:
        raise CatalogueError(
            f"unknown keys {unknown[:5]}", message_vi=f"Mã khóa không có trong danh mục: {unknown[0]}."
        )
    return [replace(a, code=codes[a.key]) if a.key in codes else a for a in catalogue.all()]
