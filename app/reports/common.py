"""What every report shares: its header (agency, title, date), the table columns and the report error."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.core.errors import StationError
from app.core.progress import ProgressLine, ProgressReport

log = logging.getLogger(__name__)

TITLE_VI = "BÁO CÁO TIẾN ĐỘ SỐ HÓA KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH CÒN HIỆU LỰC"
COLUMNS_VI = (
    "Nhóm",
    "Tổng số kiểm kê",
    "Đã số hóa",
    "Tỷ lệ đạt (%)",
    "Chỉ tiêu (%)",
    "Phải đạt (tài liệu)",
    "Còn thiếu (tài liệu)",
    "Số ngày làm việc cần",
)
SECTIONS_VI = (
    ("by_type", "Theo loại kết quả"),
    ("by_year", "Theo năm ban hành"),
    ("by_level", "Theo cấp cơ quan ban hành"),
    ("by_officer", "Theo cán bộ số hóa"),
)
Cell = str | int | float | None


class ReportError(StationError):
    code = "report"
    message_vi = "Không lập được báo cáo. Kiểm tra thư mục lưu và thử lại."
    message_en = "The report could not be produced."


@dataclass(frozen=True)
class ReportHeader:
    """The issuing station's agency (from the catalogue) and the date the report is made."""

    agency_name: str
    made_on: date
    station_code: str = ""

    @property
    def date_vi(self) -> str:
        d = self.made_on
        return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def line_cells(line: ProgressLine) -> list[Cell]:
    """A line's cells in ``COLUMNS_VI`` order; figures without an inventory stay empty."""
    return [
        line.label,
        line.inventory if line.inventory else None,
        line.digitised,
        line.percent,
        line.target_percent,
        line.required if line.inventory else None,
        line.shortfall if line.inventory else None,
        line.days if line.inventory else None,
    ]


def sections(report: ProgressReport) -> list[tuple[str, Sequence[ProgressLine]]]:
    """The report's tables (title, lines) in print order."""
    return [(title, getattr(report, name)) for name, title in SECTIONS_VI]


def summary_vi(report: ProgressReport) -> list[tuple[str, Cell]]:
    """The headline figures, labelled in Vietnamese."""
    total = report.total
    return [
        ("Năm báo cáo", report.year),
        ("Tổng số kiểm kê (còn hiệu lực)", total.inventory),
        ("Đã số hóa (đã duyệt và kho trung tâm xác nhận)", total.digitised),
        ("Tỷ lệ đạt (%)", total.percent),
        ("Chỉ tiêu theo lộ trình (%)", total.target_percent),
        ("Còn thiếu so với chỉ tiêu (tài liệu)", total.shortfall),
        ("Tốc độ hiện tại (tài liệu/ngày làm việc, 30 ngày qua)", report.pace),
        ("Số ngày làm việc cần để đạt chỉ tiêu", total.days),
        ("Đã duyệt, chờ kho trung tâm xác nhận", report.awaiting_confirmation),
        ("Giấy tờ ngoài phạm vi (không tính)", report.out_of_scope),
        ("Đang bị trả lại", total.rejected),
    ]


def display(value: Cell) -> str:
    """A cell as printed text (Vietnamese decimal comma, empty for nothing)."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)
