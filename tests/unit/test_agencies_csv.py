"""Integrity checks for the agency catalogue resources/agencies.csv (stdlib only)."""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections import Counter
from pathlib import Path

CSV_PATH = Path(__file__).resolve().parents[2] / "resources" / "agencies.csv"
HEADER = [
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
]
SEGMENT = r"[a-z0-9]+(?:-[a-z0-9]+)*"
KEY_RE = re.compile(rf"^{SEGMENT}(?:\.{SEGMENT})*$")
CODE_RE = re.compile(r"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.H26$")
ADMIN_RE = {"tinh": re.compile(r"^\d{2}$"), "huyen": re.compile(r"^\d{3}$"), "xa": re.compile(r"^\d{5}$")}
LEVELS = {"tinh", "huyen", "xa"}
LEVEL_WORDS = {
    "tinh": ("Thành phố ", "Tỉnh "),
    "huyen": ("Quận ", "Huyện ", "Thị xã ", "Thành phố "),
    "xa": ("Xã ", "Phường ", "Thị trấn "),
}
# Resolution 1656/NQ-UBTVQH15, art. 1 cl. 127: 126 units = 51 wards + 75 communes, all listed here.
CURRENT_WARDS, CURRENT_COMMUNES = 51, 75
PRE2025_DISTRICTS = 30


def _read() -> tuple[list[str], list[dict[str, str]]]:
    with CSV_PATH.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


HEADER_READ, ROWS = _read()
BY_KEY = {r["key"]: r for r in ROWS}


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def test_header_is_exact() -> None:
    assert HEADER_READ == HEADER


def test_every_row_has_all_columns() -> None:
    assert all(None not in r and all(v is not None for v in r.values()) for r in ROWS)


def test_keys_unique_and_slug_shaped() -> None:
    keys = [r["key"] for r in ROWS]
    dupes = [k for k, n in Counter(keys).items() if n > 1]
    assert not dupes
    bad = [k for k in keys if not KEY_RE.match(k)]
    assert not bad


def test_parent_and_successor_keys_exist() -> None:
    missing = [
        (r["key"], f, r[f]) for r in ROWS for f in ("parent", "successor") if r[f] and r[f] not in BY_KEY
    ]
    assert not missing


def test_levels_valid_and_provinces_have_no_parent() -> None:
    assert {r["level"] for r in ROWS} <= LEVELS
    assert all(bool(r["parent"]) == (r["level"] != "tinh") for r in ROWS)


def test_parent_is_one_level_up() -> None:
    up = {"huyen": "tinh"}
    wrong = [r["key"] for r in ROWS if r["level"] in up and BY_KEY[r["parent"]]["level"] != up[r["level"]]]
    assert not wrong


def test_names_carry_their_level_word() -> None:
    wrong = [r["key"] for r in ROWS if not r["name"].startswith(LEVEL_WORDS[r["level"]])]
    assert not wrong


def test_dates_iso_and_ordered() -> None:
    for r in ROWS:
        start, end = _date(r["valid_from"]), _date(r["valid_to"])
        assert not (start and end) or start <= end, r["key"]


def test_successor_starts_no_later_than_day_after_predecessor_ends() -> None:
    for r in ROWS:
        if not r["successor"]:
            continue
        end, start = _date(r["valid_to"]), _date(BY_KEY[r["successor"]]["valid_from"])
        if end and start:
            assert start <= end + dt.timedelta(days=1), r["key"]


def test_text_is_nfc() -> None:
    text = CSV_PATH.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text


def test_codes_are_well_formed() -> None:
    assert all(not r["code"] or CODE_RE.match(r["code"]) for r in ROWS)
    assert all(not r["admin_code"] or ADMIN_RE[r["level"]].match(r["admin_code"]) for r in ROWS)
    admin = [r["admin_code"] for r in ROWS if r["admin_code"]]
    assert len(admin) == len(set(admin))


def test_every_row_is_marked_unchecked() -> None:
    assert all(r["source"].endswith("; chưa đối chiếu") for r in ROWS)


def test_city_row_carries_its_agency_code() -> None:
    city = BY_KEY["h26"]
    assert city["code"] == "000.00.00.H26"
    assert city["name"] == "Thành phố Hà Nội"
    assert city["level"] == "tinh"


def test_current_units_counted_by_ward_and_commune() -> None:
    current = [r for r in ROWS if r["key"].startswith("h26.2025.")]
    assert all(r["valid_from"] == "2025-07-01" and r["parent"] == "h26" for r in current)
    wards = sum(r["name"].startswith("Phường ") for r in current)
    communes = sum(r["name"].startswith("Xã ") for r in current)
    assert (wards, communes) == (CURRENT_WARDS, CURRENT_COMMUNES)
    assert wards + communes == len(current) == 126


def test_pre2025_district_units() -> None:
    districts = [r for r in ROWS if r["key"].startswith("h26.") and r["level"] == "huyen"]
    assert len(districts) == PRE2025_DISTRICTS
    assert all(r["valid_to"] == "2025-06-30" and r["parent"] == "h26" for r in districts)


def test_pre2025_communes_belong_to_a_district() -> None:
    old = [r for r in ROWS if r["level"] == "xa" and not r["key"].startswith("h26.2025.")]
    assert old
    wrong = [
        r["key"]
        for r in old
        if BY_KEY[r["parent"]]["level"] != "huyen" or not r["key"].startswith(r["parent"] + ".")
    ]
    assert not wrong


def test_ha_tay_units_hand_over_to_hanoi() -> None:
    hatay = [r for r in ROWS if r["key"] == "hatay" or r["key"].startswith("hatay.")]
    assert len(hatay) == 15  # the province, 2 cities, 12 districts
    assert all(r["valid_to"] == "2008-07-31" and r["successor"] for r in hatay)
    assert BY_KEY["hatay.ba-vi"]["successor"] == "h26.ba-vi"
