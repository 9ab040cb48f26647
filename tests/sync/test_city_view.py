"""The city's view: inventories reported by stations, progress figures (JSON) and the page in Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.central.city_stats import COMMUNE_ROADMAP
from app.central.config import CentralConfig
from tests.sync.conftest import CentralServer, manifest, start_central, upload_bytes
from tests.sync.pg import postgres_server


# T1 sends 3 in-scope "generic" 2019, one 2019 copy (out of scope), 2 "quyet_dinh" 2020, one without a
# date; T2 sends one "generic" 2019. Inventories: T1 generic 2019 = 4 + 2 (two agencies), quyet_dinh
# 2020 = 1 (fewer than received: capped), generic 2021 = 3; T2 generic 2019 = 8.
def _pile(printed: str, key: str, doc_type: str, year: int, count: int) -> dict[str, Any]:
    return {"agency_printed": printed, "agency_key": key, "doc_type": doc_type, "year": year, "count": count}


DA_TON, GIA_LAM = ("UBND XÃ ĐA TỐN", "h26.gia-lam.da-ton"), ("UBND HUYỆN GIA LÂM", "h26.gia-lam")
T1_ROWS = [
    _pile(*DA_TON, "generic", 2019, 4),
    _pile(*GIA_LAM, "generic", 2019, 2),
    _pile(*DA_TON, "quyet_dinh", 2020, 1),
    _pile(*DA_TON, "generic", 2021, 3),
]
T2_ROWS = [_pile("UBND XÃ BÁT TRÀNG", "h26.gia-lam.bat-trang", "generic", 2019, 8)]

# Hand-computed for 2024 (target 75%): T1 counted = min(3,6) + min(2,1) + 0 = 4 of 10 -> 40.0%,
# shortfall ceil(7.5) - 4 = 4; T2 1 of 8 -> 12.5%, shortfall 6 - 1 = 5; city 5 of 18 -> 27.8%, 9.
T1_2024 = {
    "received": 6,
    "inventory": 10,
    "counted": 4,
    "percent": 40.0,
    "target_percent": 75,
    "shortfall": 4,
}
T2_2024 = {"received": 1, "inventory": 8, "counted": 1, "percent": 12.5, "target_percent": 75, "shortfall": 5}
CITY_2024 = {
    "received": 7,
    "inventory": 18,
    "counted": 5,
    "percent": 27.8,
    "target_percent": 75,
    "shortfall": 9,
}


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _send(
    server: CentralServer, pdf: bytes, station: str, doc_type: str, issued: str | None, **extra: Any
) -> None:
    token = server.token if station == "T1" else server.other_token
    client = server.transport(token)
    key = str(uuid.uuid4())
    fields = {"so_ky_hieu": "12/QĐ-UBND", "trich_yeu": "Về việc cấp giấy phép", "co_quan_ban_hanh": "UBND XÃ"}
    if issued:
        fields["ngay_ban_hanh"] = issued
    body = {**manifest(pdf, upload_bytes(client, pdf, key), key=key, station=station, fields=fields), **extra}
    client.commit({**body, "doc_type": doc_type})


def _put_inventory(server: CentralServer, token: str, rows: list[dict[str, Any]]) -> httpx.Response:
    return httpx.put(f"{server.base_url}/api/v1/city/inventory", json={"rows": rows}, headers=_auth(token))


def _seed(server: CentralServer, signed_pdf: bytes) -> CentralServer:
    """Seven in-scope documents and one copy committed through the real path; inventories reported."""
    central_server = server
    for issued in ("2019-02-01", "2019-06-30", "2019-12-31"):
        _send(central_server, signed_pdf, "T1", "generic", issued)
    _send(central_server, signed_pdf, "T1", "generic", "2019-05-05", scope_flags=["copy"])
    _send(central_server, signed_pdf, "T1", "quyet_dinh", "2020-01-10")
    _send(central_server, signed_pdf, "T1", "quyet_dinh", "2020-11-20")
    _send(central_server, signed_pdf, "T1", "generic", None)
    _send(central_server, signed_pdf, "T2", "generic", "2019-03-03")
    assert central_server.document_count() == 8
    first = _put_inventory(
        central_server, central_server.other_token, [{**T2_ROWS[0], "count": 50}, T1_ROWS[3]]
    )
    assert first.status_code == 200 and first.json()["rows"] == 2
    for token, rows in ((central_server.token, T1_ROWS), (central_server.other_token, T2_ROWS)):
        reply = _put_inventory(central_server, token, rows)
        assert reply.status_code == 200, reply.text
    return central_server


@pytest.fixture
def seeded(central_server: CentralServer, signed_pdf: bytes) -> CentralServer:
    return _seed(central_server, signed_pdf)


def _progress(server: CentralServer, token: str, **params: Any) -> httpx.Response:
    return httpx.get(f"{server.base_url}/api/v1/city/progress", params=params, headers=_auth(token))


def _pick(figures: dict[str, Any]) -> dict[str, Any]:
    return {key: figures[key] for key in T1_2024}


def test_progress_matches_hand_computed_figures(seeded: CentralServer) -> None:
    data = _progress(seeded, seeded.admin_token, year=2024).json()
    by_code = {s["code"]: s for s in data["stations"]}
    assert by_code["T1"]["name"] == "Trạm xã Đa Tốn"
    assert _pick(by_code["T1"]) == T1_2024
    assert _pick(by_code["T2"]) == T2_2024  # the second report replaced the first
    assert _pick(data["totals"]) == CITY_2024
    cells = [
        (c["doc_type"], c["year"], c["received"], c["inventory"], c["percent"])
        for c in by_code["T1"]["cells"]
    ]
    assert cells == [
        ("generic", None, 1, None, None),
        ("generic", 2019, 3, 6, 50.0),
        ("generic", 2021, 0, 3, 0.0),
        ("quyet_dinh", 2020, 2, 1, 100.0),
    ]
    assert by_code["T1"]["inventory_reported_at"].endswith("Z")


def test_same_figures_on_postgresql(tmp_path: Path, signed_pdf: bytes) -> None:
    # The year and the scope flags come out of JSON columns: SQL that differs per dialect.
    with (
        postgres_server() as url,
        start_central(CentralConfig(data_dir=tmp_path / "c", database_url=url)) as server,
    ):
        data = _progress(_seed(server, signed_pdf), server.admin_token, year=2024).json()
    assert [_pick(s) for s in data["stations"]] == [T1_2024, T2_2024]
    assert _pick(data["totals"]) == CITY_2024


def test_default_year_uses_the_roadmap(seeded: CentralServer) -> None:
    data = _progress(seeded, seeded.admin_token).json()
    assert data["totals"]["target_percent"] == COMMUNE_ROADMAP.target(data["year"]) == 100  # since 2025
    assert data["totals"]["shortfall"] == (10 - 4) + (8 - 1)
    assert [COMMUNE_ROADMAP.target(y) for y in (2021, 2022, 2023, 2025, 2030)] == [0, 25, 50, 100, 100]


def test_station_without_inventory_shows_no_percentage(
    central_server: CentralServer, signed_pdf: bytes
) -> None:
    _send(central_server, signed_pdf, "T2", "generic", "2018-01-01")
    data = _progress(central_server, central_server.admin_token, year=2023).json()
    t2 = next(s for s in data["stations"] if s["code"] == "T2")
    assert (t2["received"], t2["inventory"], t2["percent"], t2["shortfall"]) == (1, 0, None, None)
    assert data["totals"]["shortfall"] is None


def test_only_the_administrator_reads_the_city_view(seeded: CentralServer) -> None:
    for path in ("progress", "progress.html"):
        url = f"{seeded.base_url}/api/v1/city/{path}"
        refused = httpx.get(url, headers=_auth(seeded.token))
        assert refused.status_code == 403 and refused.json()["error"] == "forbidden"
        assert httpx.get(url).status_code == 401
    assert _put_inventory(seeded, seeded.admin_token, T2_ROWS).status_code == 403


def test_bad_inventory_is_refused_and_the_old_one_kept(seeded: CentralServer) -> None:
    bad = [T1_ROWS[0], {**T1_ROWS[1], "doc_type": "khong_co"}, T1_ROWS[0]]
    reply = _put_inventory(seeded, seeded.token, bad)
    assert reply.status_code == 400 and reply.json()["error"] == "bad_inventory"
    assert {p["field"] for p in reply.json()["problems"]} == {"rows[1].doc_type", "rows[2]"}
    assert _put_inventory(seeded, seeded.token, [{**T1_ROWS[0], "count": -1}]).status_code == 400
    kept = httpx.get(f"{seeded.base_url}/api/v1/city/inventory", headers=_auth(seeded.token)).json()
    assert kept == T1_ROWS


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(
                "chromium is missing: install it (apt-get install -y chromium) — CI must check the page"
            )
        pytest.skip("chromium is not installed")
    return found


def _dump_dom(url: str, profile: Path) -> str:
    cmd = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=5000",
        "--dump-dom",
        url,
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _row(dom: str, code: str) -> dict[str, str]:
    match = re.search(rf'<tr[^>]*data-station="{re.escape(code)}"[^>]*>(.*?)</tr>', dom, re.S)
    assert match, f"no row for {code} in the page"
    return dict(re.findall(r'<td data-col="(\w+)"[^>]*>([^<]*)</td>', match.group(1)))


def test_page_in_headless_chromium_shows_every_station(seeded: CentralServer, tmp_path: Path) -> None:
    dom = _dump_dom(f"{seeded.base_url}/city?year=2024#token={seeded.admin_token}", tmp_path / "profile")
    assert "Số liệu ngày" in dom and "mục tiêu năm 2024: 75,0%" in dom
    expected = {
        "T1": ("6", "10", "40,0%", "4"),
        "T2": ("1", "8", "12,5%", "5"),
        "*": ("7", "18", "27,8%", "9"),
    }
    for code, (received, inventory, percent, shortfall) in expected.items():
        row = _row(dom, code)
        assert (row["received"], row["inventory"], row["percent"], row["shortfall"]) == (
            received,
            inventory,
            percent,
            shortfall,
        )
        assert row["target"] == "75,0%"
    assert "Trạm xã Đa Tốn (T1)" in dom and "Trạm xã Bát Tràng (T2)" in dom
    bars = dict(re.findall(r'<rect data-station="(\w+)"[^>]*width="([\d.]+)"', dom))
    assert bars == {"T1": "152.0", "T2": "47.5"}  # 40% and 12.5% of the 380-pixel track
    assert seeded.admin_token not in dom  # the fragment left the address bar


def test_page_with_a_station_token_shows_no_figures(seeded: CentralServer, tmp_path: Path) -> None:
    dom = _dump_dom(f"{seeded.base_url}/city#token={seeded.token}", tmp_path / "profile")
    assert "không phải mã quản trị" in dom
    assert 'id="summary"' not in dom and "40,0%" not in dom
    page = httpx.get(f"{seeded.base_url}/city")
    assert "script-src 'sha256-" in page.headers["content-security-policy"]
    assert "Trạm xã" not in page.text  # the shell holds no figures without a token
