"""Field validators with Vietnamese and English messages: personal numbers, ID documents, dates, records."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from app.core.problems import Problem, vi_texts
from app.core.textnorm import fold, nfc

if TYPE_CHECKING:
    from app.core.doctypes import DocType

log = logging.getLogger(__name__)

# Province codes of the 12-digit personal number (Circular 07/2016/TT-BCA, 63 provinces before 2025).
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn", "008": "Tuyên Quang",
    "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu", "014": "Sơn La", "015": "Yên Bái",
    "017": "Hòa Bình", "019": "Thái Nguyên", "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang",
    "025": "Phú Thọ", "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định", "037": "Ninh Bình",
    "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh", "044": "Quảng Bình", "045": "Quảng Trị",
    "046": "Thừa Thiên Huế", "048": "Đà Nẵng", "049": "Quảng Nam", "051": "Quảng Ngãi",
    "052": "Bình Định", "054": "Phú Yên", "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận",
    "062": "Kon Tum", "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng",
    "070": "Bình Phước", "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu", "079": "Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang",
    "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long", "087": "Đồng Tháp", "089": "An Giang",
    "091": "Kiên Giang", "092": "Cần Thơ", "093": "Hậu Giang", "094": "Sóc Trăng", "095": "Bạc Liêu",
    "096": "Cà Mau",
}  # fmt: skip

# First two digits of a 9-digit CMND: issuing police of a province or group (01 Hà Nội, 11 Hà Tây ...).
CMND9_PREFIXES = frozenset(f"{n:02d}" for n in range(1, 39))

ID_TYPES = ("CCCD", "CMND-9", "CMND-12", "passport", "none")

NUMBER_SYMBOL = re.compile(r"0*(\d+)\s*/\s*([A-ZĐ]+(?:-[A-ZĐ&]+)*)")
CIVIL_NUMBER = re.compile(r"\d{1,6}")
BOOK_NUMBER = re.compile(r"\d{1,3}(?:/\d{4})?")
BUSINESS_CODE = re.compile(r"\d{2}[A-Z]{1,2}\d{6,8}")
PASSPORT = re.compile(r"[A-Z]\d{7}")

# Validators get the value (NFC, stripped, never empty), the field key, the whole record and today.
Validator = Callable[[str, str, Mapping[str, str], date], list[Problem]]


def century_digit(birth: date, female: bool) -> int:
    """The G digit of a personal number: 0/1 for 1900s male/female, 2/3 for 2000s, ..."""
    return 2 * ((birth.year - 1900) // 100) + int(female)


def parse_sex(value: str) -> bool | None:
    """True for female, False for male, None when unknown ("Nữ", "nu", "F"...)."""
    key = fold(value)
    if key in {"nu", "female", "f"}:
        return True
    if key in {"nam", "male", "m"}:
        return False
    return None


def parse_iso(value: str) -> date | None:
    """The date of an ISO ``YYYY-MM-DD`` string, or None."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def check_personal_number(value: str, birth: date | None = None, female: bool | None = None) -> list[str]:
    """Vietnamese messages of ``personal_number_problems``."""
    return vi_texts(personal_number_problems(value, birth, female))


def personal_number_problems(
    value: str, birth: date | None = None, female: bool | None = None
) -> list[Problem]:
    """A 12-digit personal number (CCCD or 12-digit CMND): digits, province, century/sex, birth year."""
    if not re.fullmatch(r"\d{12}", value):
        return [
            Problem(
                "Số định danh cá nhân phải gồm đúng 12 chữ số.",
                "The personal number must have exactly 12 digits.",
            )
        ]
    errors: list[Problem] = []
    if value[:3] not in PROVINCE_CODES:
        errors.append(
            Problem(
                f"Mã tỉnh {value[:3]} (3 chữ số đầu) không có trong danh mục mã tỉnh.",
                f"Province code {value[:3]} (the first 3 digits) is not in the list of province codes.",
            )
        )
    g, yy = int(value[3]), int(value[4:6])
    if birth is not None:
        if not 1900 <= birth.year <= 2399:
            errors.append(
                Problem(
                    "Năm sinh nằm ngoài khoảng mà số định danh biểu diễn được (1900–2399).",
                    "The year of birth is outside the range a personal number can show (1900–2399).",
                )
            )
            return errors
        if g // 2 != (birth.year - 1900) // 100:
            errors.append(
                Problem(
                    "Chữ số thứ 4 (thế kỷ sinh) không khớp với ngày sinh.",
                    "The 4th digit (century of birth) does not match the date of birth.",
                )
            )
        if yy != birth.year % 100:
            errors.append(
                Problem(
                    f"Chữ số thứ 5–6 ({value[4:6]}) không khớp với năm sinh {birth.year}.",
                    f"Digits 5–6 ({value[4:6]}) do not match the year of birth {birth.year}.",
                )
            )
    if female is not None and g % 2 != int(female):
        errors.append(
            Problem(
                "Chữ số thứ 4 không khớp với giới tính (chẵn: nam, lẻ: nữ).",
                "The 4th digit does not match the sex (even: male, odd: female).",
            )
        )
    return errors


def check_cmnd9(value: str) -> list[str]:
    """Vietnamese messages of ``cmnd9_problems``."""
    return vi_texts(cmnd9_problems(value))


def cmnd9_problems(value: str) -> list[Problem]:
    """A 9-digit CMND whose first two digits are a known issuing-province code."""
    if not re.fullmatch(r"\d{9}", value):
        return [
            Problem(
                "Số CMND cũ phải gồm đúng 9 chữ số.", "An old ID card (CMND) number has exactly 9 digits."
            )
        ]
    if value[:2] not in CMND9_PREFIXES:
        return [
            Problem(
                f"Hai chữ số đầu ({value[:2]}) không phải mã tỉnh cấp CMND.",
                f"The first two digits ({value[:2]}) are not a province code that issued ID cards.",
            )
        ]
    return []


def check_passport(value: str) -> list[str]:
    """Vietnamese messages of ``passport_problems``."""
    return vi_texts(passport_problems(value))


def passport_problems(value: str) -> list[Problem]:
    """A Vietnamese passport number: one capital letter and 7 digits."""
    if not PASSPORT.fullmatch(value):
        return [
            Problem(
                "Số hộ chiếu phải gồm 1 chữ cái in hoa và 7 chữ số (ví dụ C1234567).",
                "A passport number is 1 capital letter and 7 digits (e.g. C1234567).",
            )
        ]
    return []


def _prefix(key: str, suffix: str) -> str:
    return key[: -len(suffix)] if key.endswith(suffix) else ""


def _personal_id(value: str, key: str, record: Mapping[str, str], today: date) -> list[Problem]:
    # Companion fields share the key's prefix: chu_the_2_so_dinh_danh -> chu_the_2_ngay_sinh ...
    prefix = _prefix(key, "so_dinh_danh")
    id_type = nfc(record.get(prefix + "loai_giay_to", "")).strip()
    if id_type not in ID_TYPES:  # missing or wrong (the id-type field reports that): infer it
        id_type = "CMND-9" if len(value) == 9 else "passport" if value[:1].isalpha() else "CCCD"
    if id_type == "none":
        return [
            Problem(
                "Loại giấy tờ là 'không có' nhưng lại có số giấy tờ.",
                "The ID document type is 'none' but a document number is filled in.",
            )
        ]
    if id_type == "CMND-9":
        return cmnd9_problems(value)
    if id_type == "passport":
        return passport_problems(value)
    birth = parse_iso(nfc(record.get(prefix + "ngay_sinh", "")).strip())
    female = parse_sex(record.get(prefix + "gioi_tinh", ""))
    errors = personal_number_problems(value, birth, female)
    if not errors and birth is None and value[3].isdigit():
        year = 1900 + 100 * (int(value[3]) // 2) + int(value[4:6])
        if year > today.year:
            errors.append(
                Problem(
                    f"Năm sinh suy ra từ số định danh ({year}) nằm trong tương lai.",
                    f"The year of birth the personal number implies ({year}) is in the future.",
                )
            )
    return errors


def _id_type(value: str, key: str, record: Mapping[str, str], today: date) -> list[Problem]:
    if value not in ID_TYPES:
        allowed = ", ".join(ID_TYPES)
        return [
            Problem(
                f"Loại giấy tờ phải là một trong: {allowed}.",
                f"The ID document type must be one of: {allowed}.",
            )
        ]
    return []


def _iso_date(value: str, key: str, record: Mapping[str, str], today: date) -> list[Problem]:
    if parse_iso(value) is None:
        return [
            Problem(
                "Ngày không hợp lệ; nhập theo dạng năm-tháng-ngày (ví dụ 2019-02-01).",
                "Not a valid date; enter it as year-month-day (e.g. 2019-02-01).",
            )
        ]
    return []


def _not_future(value: str, key: str, record: Mapping[str, str], today: date) -> list[Problem]:
    day = parse_iso(value)
    if day is not None and day > today:
        return [
            Problem(f"Ngày {day:%d/%m/%Y} nằm trong tương lai.", f"The date {day:%d/%m/%Y} is in the future.")
        ]
    return []


def _issue_date(record: Mapping[str, str]) -> date | None:
    return parse_iso(nfc(record.get("ngay_ban_hanh", "")).strip())


def _before_issue(value: str, key: str, record: Mapping[str, str], today: date) -> list[Problem]:
    day, issued = parse_iso(value), _issue_date(record)
    if day is not None and issued is not None and day > issued:
        return [
            Problem(
                "Ngày này không được sau ngày cấp giấy tờ (ngày đăng ký, ban hành).",
                "This date cannot be after the paper's issue (registration) date.",
            )
        ]
    return []


def _after_issue(value: str, key: str, record: Mapping[str, str], today: date) -> list[Problem]:
    day, issued = parse_iso(value), _issue_date(record)
    if day is not None and issued is not None and day <= issued:
        return [
            Problem(
                "Ngày hết hiệu lực phải sau ngày cấp giấy tờ.",
                "The expiry date must be after the issue date.",
            )
        ]
    return []


def _pattern(regex: re.Pattern[str], message: Problem) -> Validator:
    def check(value: str, key: str, record: Mapping[str, str], today: date) -> list[Problem]:
        return [] if regex.fullmatch(value) else [message]

    return check


VALIDATORS: dict[str, Validator] = {
    "personal_id": _personal_id,
    "id_type": _id_type,
    "iso_date": _iso_date,
    "not_future": _not_future,
    "before_issue": _before_issue,
    "after_issue": _after_issue,
    "so_ky_hieu": _pattern(
        NUMBER_SYMBOL,
        Problem("Số, ký hiệu phải có dạng 05/QĐ-UBND.", "The number and symbol must look like 05/QĐ-UBND."),
    ),
    "so_ho_tich": _pattern(
        CIVIL_NUMBER,
        Problem(
            "Số đăng ký hộ tịch chỉ gồm chữ số (ví dụ 45).",
            "The civil registration number is digits only (e.g. 45).",
        ),
    ),
    "quyen_so": _pattern(
        BOOK_NUMBER,
        Problem("Quyển số phải có dạng 01/2015 hoặc 01.", "The register book must look like 01/2015 or 01."),
    ),
    "ma_ho_kinh_doanh": _pattern(
        BUSINESS_CODE,
        Problem(
            "Mã số hộ kinh doanh phải có dạng 01H8012345.",
            "The household business code must look like 01H8012345.",
        ),
    ),
}

# Validators implied by a field's type, run before the ones the YAML lists.
TYPE_VALIDATORS: dict[str, tuple[str, ...]] = {
    "date": ("iso_date",),
    "personal_id": ("personal_id",),
    "id_type": ("id_type",),
}


def validate_field(
    value: str, key: str, record: Mapping[str, str], today: date, names: tuple[str, ...]
) -> list[Problem]:
    """Problems the named validators find in one non-empty value (NFC, stripped)."""
    errors: list[Problem] = []
    for name in dict.fromkeys(names):
        errors.extend(VALIDATORS[name](value, key, record, today))
    return errors


def validate_record(doctype: DocType, fields: Mapping[str, str | None], today: date) -> dict[str, list[str]]:
    """Vietnamese messages per field key (``record_problems`` in Vietnamese)."""
    return {key: vi_texts(found) for key, found in record_problems(doctype, fields, today).items()}


def record_problems(
    doctype: DocType, fields: Mapping[str, str | None], today: date
) -> dict[str, list[Problem]]:
    """Problems per field key for a record of this type; only fields with problems appear."""
    record = {k: nfc(v).strip() for k, v in fields.items() if v is not None}
    problems: dict[str, list[Problem]] = {}
    for spec in doctype.fields:
        value = record.get(spec.key, "")
        if not value:
            if spec.required:
                problems[spec.key] = [
                    Problem(
                        f"Chưa nhập {spec.label_vi} (bắt buộc).", f"{spec.label_en} is required; fill it in."
                    )
                ]
            continue
        errors: list[Problem] = []
        if spec.type == "choice" and value not in spec.choices:
            allowed = ", ".join(spec.choices)
            errors.append(
                Problem(
                    f"{spec.label_vi} phải là một trong: {allowed}.",
                    f"{spec.label_en} must be one of: {allowed}.",
                )
            )
        names = TYPE_VALIDATORS.get(spec.type, ()) + spec.validators
        errors.extend(validate_field(value, spec.key, record, today, names))
        if spec.key == "valid_until":
            errors.extend(_validity_mismatch(doctype, value, record))
        if errors:
            problems[spec.key] = errors
    return problems


def _validity_mismatch(doctype: DocType, value: str, record: Mapping[str, str]) -> list[Problem]:
    day, issued = parse_iso(value), _issue_date(record)
    if day is None or issued is None:
        return []
    expected = doctype.validity.valid_until(issued)
    if expected is None or day == expected:
        return []
    months = doctype.validity.months
    return [
        Problem(
            f"Ngày hết hiệu lực phải là {expected:%d/%m/%Y} ({months} tháng kể từ ngày cấp).",
            f"The expiry date must be {expected:%d/%m/%Y} ({months} months after the issue date).",
        )
    ]
