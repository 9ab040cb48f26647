"""Document types as data: load the result types (fields, codes, validity) from YAML files."""

from __future__ import annotations

import calendar
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from app.core.errors import StationError
from app.core.textnorm import nfc
from app.core.validators import VALIDATORS

log = logging.getLogger(__name__)

FIELD_TYPES = frozenset({"text", "date", "personal_id", "id_type", "number_symbol", "choice", "agency"})


class DocTypeError(StationError, ValueError):
    """A document-type file is malformed; the detail names the file and the field."""

    code = "doctype"
    message_vi = "Tệp định nghĩa loại giấy tờ bị sai. Báo quản trị viên sửa tệp này."
    message_en = "A document-type definition file is malformed."


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label_vi: str
    label_en: str
    type: str = "text"
    required: bool = False
    choices: tuple[str, ...] = ()
    validators: tuple[str, ...] = ()

    def label(self, lang: str = "vi") -> str:
        """The field's name in the UI language ("en" gives English; anything else Vietnamese)."""
        return self.label_en if lang == "en" else self.label_vi


@dataclass(frozen=True)
class ValidityRule:
    """A result valid for a number of calendar months after issue (0 = no limit)."""

    months: int = 0

    def valid_until(self, issued: date) -> date | None:
        """Last valid day: same day number ``months`` later, clamped to that month's end."""
        if self.months <= 0:
            return None
        index = issued.year * 12 + issued.month - 1 + self.months
        year, month = divmod(index, 12)
        last = calendar.monthrange(year, month + 1)[1]
        return date(year, month + 1, min(issued.day, last))


@dataclass(frozen=True)
class DocType:
    code: str
    label_vi: str
    label_en: str
    procedure_code: str
    result_type_code: str
    validity: ValidityRule
    fields: tuple[FieldSpec, ...]

    def label(self, lang: str = "vi") -> str:
        """The type's name in the UI language ("en" gives English; anything else Vietnamese)."""
        return self.label_en if lang == "en" else self.label_vi

    def field(self, key: str) -> FieldSpec | None:
        """The field with this key, or None."""
        return next((f for f in self.fields if f.key == key), None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)


def default_doctypes_dir() -> Path:
    """The repository's resources/doctypes folder."""
    return Path(__file__).resolve().parents[2] / "resources" / "doctypes"


def load_doctypes(folder: Path | None = None) -> dict[str, DocType]:
    """Every ``*.yaml`` in the folder as a document type, by code; raises DocTypeError when malformed."""
    folder = default_doctypes_dir() if folder is None else folder
    types: dict[str, DocType] = {}
    for path in sorted(folder.glob("*.yaml")):
        doctype = load_doctype(path)
        if doctype.code in types:
            raise _error(path, "code", f"mã loại '{doctype.code}' bị trùng")
        types[doctype.code] = doctype
    log.info("loaded %d document types from %s", len(types), folder)
    return types


def load_doctype(path: Path) -> DocType:
    """One document type from one YAML file."""
    try:
        raw: object = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise _error(path, "-", f"không đọc được tệp ({type(exc).__name__})") from exc
    data = _mapping(raw, path, "-")
    code = _text(data, "code", path, "code")
    labels = _mapping(data.get("labels"), path, "labels")
    label_vi = _text(labels, "vi", path, "labels.vi")
    label_en = _text(labels, "en", path, "labels.en")
    result_type_code = _text(data, "result_type_code", path, "result_type_code")
    validity = _mapping(data.get("validity") or {}, path, "validity")
    months = validity.get("months", 0)
    if not isinstance(months, int) or isinstance(months, bool) or months < 0:
        raise _error(path, "validity.months", "phải là số tháng (số nguyên không âm)")
    raw_fields = data.get("fields")
    if not isinstance(raw_fields, list) or not raw_fields:
        raise _error(path, "fields", "phải là danh sách trường, không rỗng")
    fields = tuple(_field(item, path, i) for i, item in enumerate(raw_fields))
    keys = [f.key for f in fields]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise _error(path, "fields", f"khóa trùng: {', '.join(duplicates)}")
    return DocType(
        code=code,
        label_vi=label_vi,
        label_en=label_en,
        procedure_code=_text(data, "procedure_code", path, "procedure_code", optional=True),
        result_type_code=result_type_code,
        validity=ValidityRule(months=months),
        fields=fields,
    )


def _field(item: object, path: Path, index: int) -> FieldSpec:
    where = f"fields[{index}]"
    data = _mapping(item, path, where)
    key = _text(data, "key", path, f"{where}.key")
    where = f"fields.{key}"
    ftype = _text(data, "type", path, f"{where}.type", optional=True) or "text"
    if ftype not in FIELD_TYPES:
        raise _error(path, f"{where}.type", f"kiểu '{ftype}' không hợp lệ ({', '.join(sorted(FIELD_TYPES))})")
    required = data.get("required", False)
    if not isinstance(required, bool):
        raise _error(path, f"{where}.required", "phải là true hoặc false")
    choices = _strings(data.get("choices"), path, f"{where}.choices")
    if ftype == "choice" and not choices:
        raise _error(path, f"{where}.choices", "trường lựa chọn cần danh sách lựa chọn")
    validators = _strings(data.get("validators"), path, f"{where}.validators")
    unknown = [v for v in validators if v not in VALIDATORS]
    if unknown:
        raise _error(path, f"{where}.validators", f"bộ kiểm tra không tồn tại: {', '.join(unknown)}")
    return FieldSpec(
        key=key,
        label_vi=_text(data, "label_vi", path, f"{where}.label_vi"),
        label_en=_text(data, "label_en", path, f"{where}.label_en"),
        type=ftype,
        required=required,
        choices=choices,
        validators=validators,
    )


def _mapping(value: object, path: Path, where: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise _error(path, where, "phải là một bảng khóa: giá trị")
    return {str(k): v for k, v in value.items()}


def _text(data: dict[str, object], key: str, path: Path, where: str, *, optional: bool = False) -> str:
    value = data.get(key)
    if value is None and optional:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise _error(path, where, "thiếu hoặc không phải chuỗi ký tự")
    return nfc(value.strip())


def _strings(value: object, path: Path, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _error(path, where, "phải là danh sách chuỗi ký tự")
    return tuple(nfc(str(v)) for v in value)


def _error(path: Path, where: str, problem: str) -> DocTypeError:
    detail = f"{path.name}: {where}: {problem}"
    return DocTypeError(detail, message_vi=f"Tệp loại giấy tờ {path.name}, mục {where}: {problem}.")
