"""The periodic progress report as an Excel workbook (openpyxl): a summary sheet, one sheet per breakdown."""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from app.core.progress import ProgressLine, ProgressReport
from app.reports.common import (
    COLUMNS_VI,
    TITLE_VI,
    ReportHeader,
    line_cells,
    sections,
    summary_vi,
)

log = logging.getLogger(__name__)

HEADER_ROWS = 4  # agency, title, date, blank: tables start below
BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
SHEET_NAMES = ("Theo loại", "Theo năm", "Theo cấp", "Theo cán bộ")


def progress_xlsx(report: ProgressReport, header: ReportHeader) -> bytes:
    """The workbook's bytes: sheet "Tổng hợp" then one sheet per breakdown, each under the agency header."""
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Tổng hợp"
    _header(summary, header, f"Năm {report.year}")
    for offset, (label, value) in enumerate(summary_vi(report)):
        summary.cell(HEADER_ROWS + 1 + offset, 1, label)
        summary.cell(HEADER_ROWS + 1 + offset, 2, value)
    summary.column_dimensions["A"].width = 58
    summary.column_dimensions["B"].width = 16
    for name, (title, lines) in zip(SHEET_NAMES, sections(report), strict=True):
        sheet = book.create_sheet(name)
        _header(sheet, header, f"{title} — năm {report.year}")
        _table(sheet, lines)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _header(sheet: Worksheet, header: ReportHeader, subtitle: str) -> None:
    sheet.cell(1, 1, header.agency_name.upper()).font = BOLD
    sheet.cell(2, 1, f"{TITLE_VI} — {subtitle}").font = Font(bold=True, size=13)
    sheet.cell(3, 1, f"Lập {header.date_vi}").font = Font(italic=True)


def _table(sheet: Worksheet, lines: Sequence[ProgressLine]) -> None:
    top = HEADER_ROWS + 1
    for col, title in enumerate(COLUMNS_VI, start=1):
        cell = sheet.cell(top, col, title)
        cell.font, cell.fill = BOLD, HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row, line in enumerate(lines, start=top + 1):
        for col, value in enumerate(line_cells(line), start=1):
            sheet.cell(row, col, value)
    sheet.column_dimensions["A"].width = 36
    for letter in "BCDEFGH":
        sheet.column_dimensions[letter].width = 14
    sheet.freeze_panes = sheet.cell(top + 1, 2)
