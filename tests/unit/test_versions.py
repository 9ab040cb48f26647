"""Version numbers: the order stations use to decide whether a published release is newer."""

from __future__ import annotations

import pytest

from app import __version__
from app.core.errors import StationError
from app.core.versions import InvalidVersion, is_newer, newest, parse_version


@pytest.mark.parametrize(
    ("older", "newer"),
    [
        ("0.1.0", "0.1.1"),
        ("0.9.9", "0.10.0"),  # numeric, not text, order
        ("1.2.3rc1", "1.2.3"),
        ("1.2.3a2", "1.2.3b1"),
        ("1.2.3b1", "1.2.3rc1"),
        ("1.2.3rc1", "1.2.3rc2"),
        ("1.2.3", "1.2.4a1"),
        ("1.2", "1.2.1"),
        ("2", "10"),
    ],
)
def test_later_versions_compare_newer(older: str, newer: str) -> None:
    assert is_newer(newer, older)
    assert not is_newer(older, newer)


@pytest.mark.parametrize(("a", "b"), [("1.2", "1.2.0"), ("v1.2.3", "1.2.3"), ("1.0rc1", "1.0.0-rc1")])
def test_spellings_of_one_version_are_equal(a: str, b: str) -> None:
    assert parse_version(a) == parse_version(b)
    assert not is_newer(a, b) and not is_newer(b, a)


def test_parsed_version_keeps_its_text_and_prints_normalised() -> None:
    version = parse_version(" v1.2.3RC4 ")
    assert version.text == "v1.2.3RC4"
    assert str(version) == "1.2.3rc4"
    assert version.is_prerelease
    assert not parse_version("1.2.3").is_prerelease


@pytest.mark.parametrize(
    "garbage", ["", "   ", "abc", "1.2.x", "1..2", "1.2.3.4.5", "1.2.3-beta", "1.2.3.dev1", "-1.0", "1.0 rc1"]
)
def test_garbage_is_refused_with_a_vietnamese_message(garbage: str) -> None:
    with pytest.raises(InvalidVersion) as caught:
        parse_version(garbage)
    assert isinstance(caught.value, StationError)
    assert "không hợp lệ" in caught.value.message_vi
    assert "1.2.3" in caught.value.message_vi  # tells the user what a valid one looks like


def test_newest_picks_the_highest_and_skips_garbage() -> None:
    assert newest(["0.9.0", "1.0.0rc1", "nonsense", "0.10.0", "1.0.0"]) == "1.0.0"
    assert newest(["nonsense"]) is None
    assert newest([]) is None


def test_the_running_station_version_parses() -> None:
    assert parse_version(__version__) >= parse_version("0.1.0")
