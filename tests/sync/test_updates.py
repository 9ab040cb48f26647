"""Update check against the real central service: publish with the CLI, ask as a station."""

from __future__ import annotations

import logging
import socket
import sqlite3
from contextlib import closing
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from app.central.config import CentralConfig
from app.central.db import Database
from app.central.models import StationRelease
from app.central.releases import NewRelease, publish_release
from app.cli import main as sohoa
from app.sync.updates import (
    LATEST_PATH,
    UpdateAuthRefused,
    UpdateCheckFailed,
    UpdateInfo,
    check_for_update,
    fetch_update,
)
from tests.sync.conftest import CentralServer

SHA = "ab" * 32


def publish(server: CentralServer, version: str, *extra: str) -> int:
    url = f"https://phanmem.example.vn/tram/TramSoHoa-{version}-setup.exe"
    data = str(server.config.data_dir)
    return sohoa(["central", "publish-release", "--data", data, "--version", version, "--url", url, *extra])


def test_no_release_published_means_no_update(central_server: CentralServer) -> None:
    assert check_for_update(central_server.base_url, central_server.token, "0.1.0") is None
    reply = httpx.get(
        central_server.base_url + LATEST_PATH, headers={"Authorization": f"Bearer {central_server.token}"}
    )
    assert reply.status_code == 404
    assert reply.json()["error"] == "not_found"
    assert reply.json()["message_vi"] == "Chưa có phiên bản trạm nào được công bố."


def test_published_newer_release_is_offered_with_its_details(
    central_server: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = "Sửa lỗi quét hai mặt; nhận dạng chữ nhanh hơn."
    assert publish(central_server, "0.2.0", "--sha256", SHA.upper(), "--notes", notes) == 0
    assert "Đã công bố phiên bản trạm 0.2.0" in capsys.readouterr().out
    info = check_for_update(central_server.base_url, central_server.token, "0.1.0")
    assert isinstance(info, UpdateInfo)
    assert info.version == "0.2.0"
    assert info.current_version == "0.1.0"
    assert info.url == "https://phanmem.example.vn/tram/TramSoHoa-0.2.0-setup.exe"
    assert info.sha256 == SHA  # stored lower case
    assert info.notes_vi == notes
    assert info.published_at.endswith("Z") and info.published_at[:2] == "20"


def test_newest_by_version_not_by_publication_order(central_server: CentralServer) -> None:
    for version in ("0.10.0", "0.9.0", "0.10.0rc1"):
        assert publish(central_server, version) == 0
    info = check_for_update(central_server.base_url, central_server.token, "0.1.0")
    assert info is not None and info.version == "0.10.0"


@pytest.mark.parametrize("current", ["0.2.0", "0.2", "0.3.0"])
def test_equal_or_older_release_is_no_update(central_server: CentralServer, current: str) -> None:
    assert publish(central_server, "0.2.0") == 0
    assert check_for_update(central_server.base_url, central_server.token, current) is None


def test_publishing_refuses_garbage_and_duplicates(
    central_server: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert publish(central_server, "mới nhất") == 2
    assert "không hợp lệ" in capsys.readouterr().err
    assert publish(central_server, "0.2.0", "--sha256", "xyz") == 2
    assert "SHA-256" in capsys.readouterr().err
    data = str(central_server.config.data_dir)
    ftp = [
        "central",
        "publish-release",
        "--data",
        data,
        "--version",
        "0.2.0",
        "--url",
        "ftp://may-chu/bo-cai.exe",
    ]
    assert sohoa(ftp) == 2
    assert "https://" in capsys.readouterr().err
    assert check_for_update(central_server.base_url, central_server.token, "0.1.0") is None  # nothing stored
    assert publish(central_server, "0.2.0") == 0
    assert publish(central_server, "0.2.0") == 2
    assert "--replace" in capsys.readouterr().err
    assert publish(central_server, "0.2.0", "--notes", "Bản sửa", "--replace") == 0
    info = check_for_update(central_server.base_url, central_server.token, "0.1.0")
    assert info is not None and info.notes_vi == "Bản sửa"


def test_english_notes_are_optional_and_chosen_by_language(central_server: CentralServer) -> None:
    assert publish(central_server, "0.2.0", "--notes", "Quét nhanh hơn.") == 0
    info = check_for_update(central_server.base_url, central_server.token, "0.1.0")
    assert info is not None and info.notes_en == "" and info.notes("en") == "Quét nhanh hơn."
    english = ["--notes", "Quét nhanh hơn.", "--notes-en", "Faster scanning.", "--replace"]
    assert publish(central_server, "0.2.0", *english) == 0
    info = check_for_update(central_server.base_url, central_server.token, "0.1.0")
    assert info is not None
    assert (info.notes("vi"), info.notes("en")) == ("Quét nhanh hơn.", "Faster scanning.")


def test_a_database_from_before_english_notes_gains_the_column(tmp_path: Path) -> None:
    config = CentralConfig(data_dir=tmp_path / "central")
    config.data_dir.mkdir()
    publish_release(config.db_url, NewRelease("0.2.0", "https://phanmem.example.vn/a.exe", None, "Cũ"))
    with closing(sqlite3.connect(config.data_dir / "central.db")) as old:
        old.execute("ALTER TABLE station_releases DROP COLUMN notes_en")  # as an older service left it
        old.commit()
    new = NewRelease("0.3.0", "https://phanmem.example.vn/b.exe", None, "Mới", "New")
    assert publish_release(config.db_url, new).notes_en == "New"
    db = Database(config.db_url)
    try:
        with db.session() as session:
            assert [(r.version, r.notes_en) for r in session.scalars(select(StationRelease))] == [
                ("0.2.0", ""),
                ("0.3.0", "New"),
            ]
    finally:
        db.close()


def test_server_down_means_no_update_and_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as sock:  # a port nobody listens on once this block closes it
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with caplog.at_level(logging.WARNING, logger="app.sync.updates"):
        assert check_for_update(f"http://127.0.0.1:{port}", "sh_token", "0.1.0", timeout=2.0) is None
    assert "update check failed" in caplog.text
    with pytest.raises(UpdateCheckFailed):
        fetch_update(f"http://127.0.0.1:{port}", "sh_token", "0.1.0", timeout=2.0)


def test_wrong_or_admin_token_means_no_update_and_the_token_is_not_logged(
    central_server: CentralServer, caplog: pytest.LogCaptureFixture
) -> None:
    assert publish(central_server, "0.2.0") == 0
    wrong = "sh_sai-ma-truy-cap-cua-tram"
    with caplog.at_level(logging.WARNING, logger="app.sync.updates"):
        assert check_for_update(central_server.base_url, wrong, "0.1.0") is None
    assert "update_auth_refused" in caplog.text and "401" in caplog.text
    assert wrong not in caplog.text
    with pytest.raises(UpdateAuthRefused) as caught:
        fetch_update(central_server.base_url, central_server.admin_token, "0.1.0")
    assert "Cài đặt" in caught.value.message_vi  # tells the user where to fix it
