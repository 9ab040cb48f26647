"""Validators: personal numbers, ID documents, dates, numbers, and whole records, with Vietnamese messages."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.doctypes import load_doctypes
from app.core.validators import (
    ID_TYPES,
    PROVINCE_CODES,
    century_digit,
    check_cmnd9,
    check_passport,
    check_personal_number,
    validate_record,
)

TODAY = date(2026, 6, 15)
DOCTYPES = load_doctypes()

births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
provinces = st.sampled_from(sorted(PROVINCE_CODES))
tails = st.text(alphabet="0123456789", min_size=6, max_size=6)


def make_cccd(province: str, birth: date, female: bool, tail: str) -> str:
    return f"{province}{century_digit(birth, female)}{birth.year % 100:02d}{tail}"


def test_province_list_is_the_published_one() -> None:
    assert len(PROVINCE_CODES) == 63
    assert PROVINCE_CODES["001"] == "Hà Nội"
    assert PROVINCE_CODES["079"] == "Hồ Chí Minh"
    assert PROVINCE_CODES["096"] == "Cà Mau"
    assert "003" not in PROVINCE_CODES
    assert all(unicodedata.is_normalized("NFC", name) for name in PROVINCE_CODES.values())


@given(provinces, births, st.booleans(), tails)
def test_generated_personal_number_validates(province: str, birth: date, female: bool, tail: str) -> None:
    assert check_personal_number(make_cccd(province, birth, female, tail), birth, female) == []


@given(provinces, births, st.booleans(), tails, st.integers(0, 9))
def test_wrong_century_digit_is_rejected(province: str, birth: date, female: bool, tail: str, g: int) -> None:
    number = make_cccd(province, birth, female, tail)
    if int(number[3]) == g:
        g = (g + 1) % 10
    changed = number[:3] + str(g) + number[4:]
    assert check_personal_number(changed, birth, female) != []


@given(births, st.booleans(), tails)
def test_unknown_province_is_rejected(birth: date, female: bool, tail: str) -> None:
    messages = check_personal_number(make_cccd("003", birth, female, tail), birth, female)
    assert messages == ["Mã tỉnh 003 (3 chữ số đầu) không có trong danh mục mã tỉnh."]


@pytest.mark.parametrize("value", ["00120600123", "0012060012345", "00120600123A", ""])
def test_personal_number_needs_twelve_digits(value: str) -> None:
    assert check_personal_number(value) == ["Số định danh cá nhân phải gồm đúng 12 chữ số."]


def test_personal_number_examples_with_sex_and_year() -> None:
    assert check_personal_number("001206001234", date(2006, 3, 1), False) == []
    assert check_personal_number("001306001234", date(2006, 3, 1), True) == []
    assert check_personal_number("001206001234", date(2006, 3, 1), True) == [
        "Chữ số thứ 4 không khớp với giới tính (chẵn: nam, lẻ: nữ)."
    ]
    assert check_personal_number("001207001234", date(2006, 3, 1)) == [
        "Chữ số thứ 5–6 (07) không khớp với năm sinh 2006."
    ]


def test_cmnd9_and_passport() -> None:
    assert check_cmnd9("011234567") == []
    assert check_cmnd9("111234567") == []  # former Hà Tây
    assert check_cmnd9("991234567") == ["Hai chữ số đầu (99) không phải mã tỉnh cấp CMND."]
    assert check_cmnd9("01123456") == ["Số CMND cũ phải gồm đúng 9 chữ số."]
    assert check_passport("C1234567") == []
    assert check_passport("c1234567") != []
    assert check_passport("C123456") != []


def _birth_record(**fields: str) -> dict[str, str | None]:
    base: dict[str, str | None] = {
        "so_ky_hieu": "45",
        "quyen_so": "01/2019",
        "ngay_ban_hanh": "2019-02-01",
        "co_quan_ban_hanh": "ỦY BAN NHÂN DÂN XÃ ĐA TỐN",
        "chu_the_ho_ten": "Nguyễn Văn A",
        "chu_the_gioi_tinh": "Nam",
        "chu_the_ngay_sinh": "2019-01-20",
        "chu_the_so_dinh_danh": "001219001234",
    }
    base.update(fields)
    return base


def test_valid_birth_certificate_has_no_messages() -> None:
    assert validate_record(DOCTYPES["khai_sinh"], _birth_record(), TODAY) == {}


def test_missing_required_field_is_named_in_vietnamese() -> None:
    problems = validate_record(DOCTYPES["khai_sinh"], _birth_record(chu_the_ho_ten="  "), TODAY)
    assert problems == {"chu_the_ho_ten": ["Chưa nhập Họ và tên trẻ (bắt buộc)."]}


def test_personal_number_checked_against_record_birth_and_sex() -> None:
    problems = validate_record(DOCTYPES["khai_sinh"], _birth_record(chu_the_gioi_tinh="Nữ"), TODAY)
    assert problems == {
        "chu_the_so_dinh_danh": ["Chữ số thứ 4 không khớp với giới tính (chẵn: nam, lẻ: nữ)."]
    }


def test_birth_after_issue_and_bad_numbers() -> None:
    record = _birth_record(chu_the_ngay_sinh="2019-03-01", so_ky_hieu="45/QĐ", quyen_so="x")
    problems = validate_record(DOCTYPES["khai_sinh"], record, TODAY)
    assert problems["chu_the_ngay_sinh"] == [
        "Ngày này không được sau ngày cấp giấy tờ (ngày đăng ký, ban hành)."
    ]
    assert problems["so_ky_hieu"] == ["Số đăng ký hộ tịch chỉ gồm chữ số (ví dụ 45)."]
    assert problems["quyen_so"] == ["Quyển số phải có dạng 01/2015 hoặc 01."]


def test_input_is_normalised_to_nfc() -> None:
    record = _birth_record(
        chu_the_gioi_tinh=unicodedata.normalize("NFD", "Nữ"), chu_the_so_dinh_danh="001319001234"
    )
    assert validate_record(DOCTYPES["khai_sinh"], record, TODAY) == {}


@pytest.mark.parametrize("value", ["2019-02-30", "01/02/2019", "2019-2-1"])
def test_malformed_dates_are_rejected(value: str) -> None:
    problems = validate_record(DOCTYPES["khai_sinh"], _birth_record(ngay_ban_hanh=value), TODAY)
    assert problems["ngay_ban_hanh"] == [
        "Ngày không hợp lệ; nhập theo dạng năm-tháng-ngày (ví dụ 2019-02-01)."
    ]


@given(st.integers(min_value=1, max_value=3000))
def test_issue_dates_in_the_future_are_rejected(days: int) -> None:
    issued = TODAY + timedelta(days=days)
    problems = validate_record(DOCTYPES["quyet_dinh"], _decision(issued.isoformat()), TODAY)
    assert problems == {"ngay_ban_hanh": [f"Ngày {issued:%d/%m/%Y} nằm trong tương lai."]}


@given(st.dates(min_value=date(1950, 1, 1), max_value=TODAY))
def test_issue_dates_up_to_today_are_accepted(issued: date) -> None:
    assert validate_record(DOCTYPES["quyet_dinh"], _decision(issued.isoformat()), TODAY) == {}


def _decision(issued: str) -> dict[str, str | None]:
    return {
        "so_ky_hieu": "05/QĐ-UBND",
        "ngay_ban_hanh": issued,
        "co_quan_ban_hanh": "UBND XÃ ĐA TỐN",
        "trich_yeu": "Về việc cấp giấy phép xây dựng",
    }


@pytest.mark.parametrize("value", ["05/QĐ-UBND", "125 / QĐ-UBND", "245/UBND-TP", "3/HĐ-TC&KH"])
def test_number_symbol_pattern_accepts(value: str) -> None:
    record = _decision("2020-01-02") | {"so_ky_hieu": value}
    assert validate_record(DOCTYPES["quyet_dinh"], record, TODAY) == {}


@pytest.mark.parametrize("value", ["QĐ-UBND", "05/qđ-ubnd", "05-QĐ", "45"])
def test_number_symbol_pattern_rejects(value: str) -> None:
    record = _decision("2020-01-02") | {"so_ky_hieu": value}
    problems = validate_record(DOCTYPES["quyet_dinh"], record, TODAY)
    assert problems == {"so_ky_hieu": ["Số, ký hiệu phải có dạng 05/QĐ-UBND."]}


def test_id_type_field_and_cmnd_numbers_on_marriage_certificate() -> None:
    record: dict[str, str | None] = {
        "so_ky_hieu": "116",
        "ngay_ban_hanh": "2010-05-04",
        "co_quan_ban_hanh": "UBND XÃ ĐA TỐN",
        "chu_the_ho_ten": "Trần Văn B",
        "chu_the_loai_giay_to": "CMND-9",
        "chu_the_so_dinh_danh": "012345678",
        "chu_the_2_ho_ten": "Lê Thị C",
        "chu_the_2_loai_giay_to": "hộ chiếu",
        "chu_the_2_so_dinh_danh": "B1234567",
    }
    problems = validate_record(DOCTYPES["ket_hon"], record, TODAY)
    assert problems == {"chu_the_2_loai_giay_to": [f"Loại giấy tờ phải là một trong: {', '.join(ID_TYPES)}."]}
    record["chu_the_2_loai_giay_to"] = "passport"
    assert validate_record(DOCTYPES["ket_hon"], record, TODAY) == {}
    record["chu_the_2_loai_giay_to"] = "none"
    assert validate_record(DOCTYPES["ket_hon"], record, TODAY) == {
        "chu_the_2_so_dinh_danh": ["Loại giấy tờ là 'không có' nhưng lại có số giấy tờ."]
    }


def test_marital_confirmation_validity_must_follow_six_month_rule() -> None:
    record: dict[str, str | None] = {
        "so_ky_hieu": "92/UBND-XNTTHN",
        "ngay_ban_hanh": "2025-08-31",
        "co_quan_ban_hanh": "UBND XÃ ĐA TỐN",
        "chu_the_ho_ten": "Phạm Thị D",
        "valid_until": "2026-02-28",
    }
    assert validate_record(DOCTYPES["xac_nhan_hon_nhan"], record, TODAY) == {}
    record["valid_until"] = "2026-03-01"
    assert validate_record(DOCTYPES["xac_nhan_hon_nhan"], record, TODAY) == {
        "valid_until": ["Ngày hết hiệu lực phải là 28/02/2026 (6 tháng kể từ ngày cấp)."]
    }
    record["valid_until"] = "2025-08-31"
    assert (
        "Ngày hết hiệu lực phải sau ngày cấp giấy tờ."
        in validate_record(DOCTYPES["xac_nhan_hon_nhan"], record, TODAY)["valid_until"]
    )
