"""The Excel inventory template the station hands out, and reading a filled one back with clear errors."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Collection, Mapping
from datetime import date
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from app.core.errors import StationError
from app.core.problems import Problem
from app.core.progress import InventoryError, InventoryRow
from app.core.textnorm import collapse_spaces, nfc

log = logging.getLogger(__name__)

SHEET = "Kiểm kê"
TYPES_SHEET = "Loại kết quả"
HEADERS = (
    "Cơ quan ban hành (ghi đúng như in trên giấy)",
    "Mã cơ quan trong danh mục (nếu biết)",
    "Mã xã/phường kế thừa (nếu biết)",
    "Loại kết quả",
    "Năm ban hành",
    "Số lượng còn hiệu lực",
)
HEADER_ROW = 3
THOUSANDS = re.compile(r"\d{1,3}(?:[.,\s]\d{3})+")
MAX_SHOWN = 15  # problems listed in one message; the rest are counted


class InventoryImportError(StationError, ValueError):
    """The sheet cannot be imported; ``problems`` name the sheet row, in both UI languages."""

    code = "inventory_import"
    message_vi = "Tệp kiểm kê có lỗi, chưa nhập dòng nào. Sửa các dòng được nêu rồi nhập lại."
    message_en = "The inventory sheet has errors; nothing was imported. Fix the rows listed and import again."

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = [p.vi for p in problems[:MAX_SHOWN]]
        more = f"\n… và {len(problems) - MAX_SHOWN} lỗi khác." if len(problems) > MAX_SHOWN else ""
        super().__init__(
            f"{len(problems)} problem(s)", message_vi=self.message_vi + "\n" + "\n".join(shown) + more
        )


def inventory_template(type_labels: Mapping[str, str], agency_name: str = "") -> bytes:
    """An empty sheet with headers, one example line, and a list of result types to pick from."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.cell(1, 1, f"KIỂM KÊ KẾT QUẢ GIẢI QUYẾT TTHC CÒN HIỆU LỰC — {agency_name.upper()}").font = Font(
        bold=True
    )
    sheet.cell(2, 1, "Mỗi dòng: một cơ quan ban hành, một loại kết quả, một năm. Không sửa dòng tiêu đề.")
    for col, title in enumerate(HEADERS, start=1):
        sheet.cell(HEADER_ROW, col, title).font = Font(bold=True)
        sheet.column_dimensions[chr(64 + col)].width = 44 if col == 1 else 22
    types = book.create_sheet(TYPES_SHEET)
    types.append(["Mã", "Tên loại kết quả"])
    for code, label in type_labels.items():
        types.append([code, label])
    if type_labels:
        picker = DataValidation(type="list", formula1=f"'{TYPES_SHEET}'!$B$2:$B${len(type_labels) + 1}")
        picker.error = "Chọn loại kết quả trong danh sách."
        sheet.add_data_validation(picker)
        picker.add(f"D{HEADER_ROW + 1}:D2000")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_inventory(
    data: bytes, type_labels: Mapping[str, str], agency_keys: Collection[str] = ()
) -> list[InventoryRow]:
    """The filled sheet's rows; InventoryImportError listing every bad row (nothing half-imported)."""
    sheet = _sheet(data)
    types = _type_lookup(type_labels)
    rows: list[InventoryRow] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, str, int], int] = {}
    for number, cells in enumerate(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True), HEADER_ROW + 1):
        values = [*cells[: len(HEADERS)], *[None] * (len(HEADERS) - len(cells))]
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        row, errors = _row(values, types, agency_keys)
        if row is not None and (key := (row.agency_printed, row.doc_type, row.year)) in seen:
            errors.append(
                Problem(
                    f"trùng với dòng {seen[key]} (cùng cơ quan, loại và năm)",
                    f"same as row {seen[key]} (same agency, type and year)",
                )
            )
        problems += [Problem(f"Dòng {number}: {e.vi}", f"Row {number}: {e.en}") for e in errors]
        if row is not None and not errors:
            seen[(row.agency_printed, row.doc_type, row.year)] = number
            rows.append(row)
    if problems:
        raise InventoryImportError(problems)
    if not rows:
        raise InventoryImportError(
            [
                Problem(
                    f"Không có dòng số liệu nào dưới dòng tiêu đề (dòng {HEADER_ROW}).",
                    f"There are no figures below the header row (row {HEADER_ROW}).",
                )
            ]
        )
    return rows


def _sheet(data: bytes) -> Any:  # a read-only worksheet
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise InventoryImportError(
            [
                Problem(
                    "Tệp không phải bảng tính Excel (.xlsx). Dùng tệp mẫu của trạm.",
                    "The file is not an Excel workbook (.xlsx). Use the station's template.",
                )
            ]
        ) from exc
    sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
    header = [
        collapse_spaces(nfc(str(c or "")))
        for c in next(sheet.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW, values_only=True), ())
    ]
    if tuple(header[: len(HEADERS)]) != HEADERS:
        raise InventoryImportError(
            [
                Problem(
                    f"Dòng {HEADER_ROW} phải là dòng tiêu đề của tệp mẫu; tải lại tệp mẫu.",
                    f"Row {HEADER_ROW} must be the template's header row; download the template again.",
                )
            ]
        )
    return sheet


def _type_lookup(type_labels: Mapping[str, str]) -> dict[str, str]:
    lookup = {code.casefold(): code for code in type_labels}
    lookup.update({nfc(label).casefold(): code for code, label in type_labels.items()})
    return lookup


def _row(
    values: list[object], types: Mapping[str, str], agency_keys: Collection[str]
) -> tuple[InventoryRow | None, list[Problem]]:
    printed, key, successor, kind, year_cell, count_cell = (collapse_spaces(nfc(_text(v))) for v in values)
    doc_type = types.get(kind.casefold(), "")
    errors = _reference_problems(kind, doc_type, key, successor, agency_keys)
    year, count = _integer(year_cell), _integer(count_cell)
    if year is None or not 1900 <= year <= date.today().year:
        errors.append(
            Problem(
                f"năm ban hành “{year_cell}” phải là năm có 4 chữ số, không quá năm nay",
                f"the year of issue “{year_cell}” must be a 4-digit year, not after this year",
            )
        )
    if count is None or count < 0:
        errors.append(
            Problem(
                f"số lượng “{count_cell}” phải là số nguyên không âm",
                f"the count “{count_cell}” must be a whole number, not negative",
            )
        )
    if not printed:
        errors.append(Problem("thiếu tên cơ quan ban hành", "the issuing agency is missing"))
    if errors or year is None or count is None:
        return None, errors
    try:
        return InventoryRow(printed, doc_type, year, count, key, successor), []
    except InventoryError as exc:
        return None, [Problem(exc.message_vi, exc.message_en)]


def _reference_problems(
    kind: str, doc_type: str, key: str, successor: str, agency_keys: Collection[str]
) -> list[Problem]:
    """The result type and the agency codes of one row, checked against the lists."""
    errors: list[Problem] = []
    if not kind:
        errors.append(Problem("thiếu loại kết quả", "the result type is missing"))
    elif not doc_type:
        errors.append(
            Problem(
                f"loại kết quả “{kind}” không có trong danh sách",
                f"the result type “{kind}” is not in the list",
            )
        )
    for vi, en, ref in (
        ("mã cơ quan", "the agency code", key),
        ("mã đơn vị kế thừa", "the successor code", successor),
    ):
        if ref and agency_keys and ref not in agency_keys:
            errors.append(
                Problem(
                    f"{vi} “{ref}” không có trong danh mục cơ quan",
                    f"{en} “{ref}” is not in the agency catalogue",
                )
            )
    return errors


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _integer(text: str) -> int | None:
    """A whole number, also written with thousands separators ("1.200", "1 200")."""
    if THOUSANDS.fullmatch(text):
        text = re.sub(r"[.,\s]", "", text)
    return int(text) if text.isascii() and text.isdigit() else None
