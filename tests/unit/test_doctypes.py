"""Document types loaded from resources/doctypes: content, validity rule, malformed files, extension."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.doctypes import DocTypeError, ValidityRule, default_doctypes_dir, load_doctypes
from app.core.errors import StationError

FORMAT_KEYS = {"so_ky_hieu", "ngay_ban_hanh", "co_quan_ban_hanh", "nguoi_ky", "chu_the_ho_ten"}


def test_all_required_types_are_shipped_with_codes() -> None:
    types = load_doctypes(default_doctypes_dir())
    expected = {
        "khai_sinh",
        "ket_hon",
        "khai_tu",
        "xac_nhan_hon_nhan",
        "quyet_dinh",
        "ho_kinh_doanh",
        "generic",
    }
    assert expected <= set(types)
    assert types["khai_sinh"].procedure_code == "1.001193"
    assert types["ket_hon"].procedure_code == "1.000894"
    assert types["khai_tu"].procedure_code == "1.000656"
    assert types["xac_nhan_hon_nhan"].procedure_code == "1.004873"
    assert types["ho_kinh_doanh"].procedure_code == "1.001612"
    assert types["khai_sinh"].label_vi == "Giấy khai sinh"
    for doctype in types.values():
        assert set(doctype.keys) >= FORMAT_KEYS, doctype.code
        assert doctype.result_type_code
        assert all(f.label_vi and f.label_en for f in doctype.fields)


def test_type_specific_fields() -> None:
    types = load_doctypes()
    assert types["ket_hon"].field("chu_the_2_ho_ten") is not None
    assert types["quyet_dinh"].field("trich_yeu") is not None
    valid_until = types["xac_nhan_hon_nhan"].field("valid_until")
    assert valid_until is not None
    assert valid_until.type == "date"
    assert types["khai_sinh"].field("valid_until") is None


@pytest.mark.parametrize(
    ("issued", "until"),
    [
        (date(2025, 1, 15), date(2025, 7, 15)),
        (date(2025, 8, 31), date(2026, 2, 28)),
        (date(2023, 8, 31), date(2024, 2, 29)),
        (date(2025, 12, 31), date(2026, 6, 30)),
    ],
)
def test_marital_confirmation_valid_six_months_clamped(issued: date, until: date) -> None:
    assert load_doctypes()["xac_nhan_hon_nhan"].validity.valid_until(issued) == until


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 1, 1)), st.integers(1, 36))
def test_validity_end_is_months_later_never_past_the_day(issued: date, months: int) -> None:
    until = ValidityRule(months=months).valid_until(issued)
    assert until is not None
    assert (until.year * 12 + until.month) - (issued.year * 12 + issued.month) == months
    assert until.day <= issued.day


def test_no_validity_limit_gives_none() -> None:
    assert load_doctypes()["khai_sinh"].validity.valid_until(date(2020, 1, 1)) is None


def test_adding_a_yaml_adds_a_type(tmp_path: Path) -> None:
    shutil.copytree(default_doctypes_dir(), tmp_path, dirs_exist_ok=True)
    (tmp_path / "trich_luc.yaml").write_text(
        "code: trich_luc\n"
        "labels: {vi: Bản sao trích lục hộ tịch, en: Civil status extract copy}\n"
        'procedure_code: "2.000635"\n'
        "result_type_code: TLHT\n"
        "fields:\n"
        "  - {key: so_ky_hieu, label_vi: Số, label_en: Number, required: true, validators: [so_ho_tich]}\n",
        encoding="utf-8",
    )
    types = load_doctypes(tmp_path)
    assert types["trich_luc"].label_vi == "Bản sao trích lục hộ tịch"
    assert types["trich_luc"].fields[0].type == "text"
    assert types["trich_luc"].validity.valid_until(date(2020, 1, 1)) is None


GOOD = (
    "code: t\nlabels: {vi: T, en: T}\nresult_type_code: X\n"
    "fields:\n  - {key: a, label_vi: A, label_en: A, type: %s, validators: %s}\n"
)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (GOOD % ("colour", "[]"), "fields.a.type"),
        (GOOD % ("text", "[no_such_check]"), "fields.a.validators"),
        (GOOD % ("choice", "[]"), "fields.a.choices"),
        ("code: t\nlabels: {vi: T, en: T}\nresult_type_code: X\nfields: []\n", "fields"),
        ("code: t\nlabels: {vi: T}\nresult_type_code: X\nfields: [{key: a}]\n", "labels.en"),
        ("- just\n- a list\n", "-"),
        ("code: [unclosed\n", "-"),
    ],
)
def test_malformed_file_names_file_and_field(tmp_path: Path, text: str, where: str) -> None:
    (tmp_path / "broken.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DocTypeError) as caught:
        load_doctypes(tmp_path)
    assert isinstance(caught.value, StationError)
    assert isinstance(caught.value, ValueError)
    assert f"broken.yaml: {where}:" in str(caught.value)
    assert caught.value.user_message().startswith(f"Tệp loại giấy tờ broken.yaml, mục {where}:")


def test_duplicate_codes_are_rejected(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(GOOD % ("text", "[]"), encoding="utf-8")
    with pytest.raises(DocTypeError, match=r"b\.yaml: code"):
        load_doctypes(tmp_path)
