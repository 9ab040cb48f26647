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
    """The sheet cannot be imported; ``problems`` are Vietnamese lines naming the sheet row."""

    code = "inventory_import"
    message_vi = "Tệp kiểm kê có lỗi, chưa nhập dòng nào. Sửa các dòng được nêu rồi nhập lại."
    message_en = "The inventory sheet has errors; nothing was imported."

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:MAX_SHOWN]
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
    problems: list[str] = []
    seen: dict[tuple[str, str, int], int] = {}
    for number, cells in enumerate(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True), HEADER_ROW + 1):
        values = [*cells[: len(HEADERS)], *[None] * (len(HEADERS) - len(cells))]
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        row, errors = _row(values, types, agency_keys)
        if row is not None and (key := (row.agency_printed, row.doc_type, row.year)) in seen:
            errors.append(f"trùng với dòng {seen[key]} (cùng cơ quan, loại và năm)")
        problems += [f"Dòng {number}: {e}" for e in errors]
        if row is not None and not errors:
            seen[(row.agency_printed, row.doc_type, row.year)] = number
            rows.append(row)
    if problems:
        raise InventoryImportError(problems)
    if not rows:
        raise InventoryImportError([f"Không có dòng số liệu nào dưới dòng tiêu đề (dòng {HEADER_ROW})."])
    return rows


def _sheet(data: bytes) -> Any:  # a read-only worksheet
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise InventoryImportError(
            ["Tệp không phải bảng tính Excel (.xlsx). Dùng tệp mẫu của trạm."]
        ) from exc
    sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
    header = [
        collapse_spaces(nfc(str(c or "")))
        for c in next(sheet.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW, values_only=True), ())
    ]
    if tuple(header[: len(HEADERS)]) != HEADERS:
        raise InventoryImportError([f"Dòng {HEADER_ROW} phải là dòng tiêu đề của tệp mẫu; tải lại tệp mẫu."])
    return sheet


def _type_lookup(type_labels: Mapping[str, str]) -> dict[str, str]:
    lookup = {code.casefold(): code for code in type_labels}
    lookup.update({nfc(label).casefold(): code for code, label in type_labels.items()})
    return lookup


def _row(
    values: list[object], types: Mapping[str, str], agency_keys: Collection[str]
) -> tuple[InventoryRow | None, list[str]]:
    printed, key, successor, kind, year_cell, count_cell = (collapse_spaces(nfc(_text(v))) for v in values)
    errors: list[str] = []
    doc_type = types.get(kind.casefold(), "")
    if not doc_type:
        errors.append(f"loại kết quả “{kind}” không có trong danh sách" if kind else "thiếu loại kết quả")
    for label, ref in (("mã cơ quan", key), ("mã đơn vị kế thừa", successor)):
        if ref and agency_keys and ref not in agency_keys:
            errors.append(f"{label} “{ref}” không có trong danh mục cơ quan")
    year, count = _integer(year_cell), _integer(count_cell)
    if year is None or not 1900 <= year <= date.today().year:
        errors.append(f"năm ban hành “{year_cell}” phải là năm có 4 chữ số, không quá năm nay")
    if count is None or count < 0:
        errors.append(f"số lượng “{count_cell}” phải là số nguyên không âm")
    if not printed:
        errors.append("thiếu tên cơ quan ban hành")
    if errors or year is None or count is None:
        return None, errors
    try:
        return InventoryRow(printed, doc_type, year, count, key, successor), []
    except InventoryError as exc:
        return None, [exc.message_vi]


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _integer(text: str) -> int | None:
    """A whole number, also written with thousands separators ("1.200", "1 200")."""
    if THOUSANDS.fullmatch(text):
        text = re.sub(r"[.,\s]", "", text)
    return int(text) if text.isascii() and text.isdigit() else None
