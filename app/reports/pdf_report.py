"""The periodic progress report as a PDF (fpdf2, embedded Unicode TrueType font): figures and a bar chart."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from app.core.progress import ProgressLine, ProgressReport
from app.reports.common import (
    COLUMNS_VI,
    TITLE_VI,
    ReportError,
    ReportHeader,
    display,
    line_cells,
    sections,
    summary_vi,
)

log = logging.getLogger(__name__)

_NOTO = "/usr/share/fonts/truetype/noto"
_DEJAVU = "/usr/share/fonts/truetype/dejavu"
_BUNDLED = str(Path(__file__).resolve().parents[2] / "resources" / "fonts")  # installed builds ship fonts
# Fonts with Vietnamese glyphs, regular and bold: the station's own copies, then where systems keep them.
FONT_PAIRS = (
    (f"{_BUNDLED}/NotoSans-Regular.ttf", f"{_BUNDLED}/NotoSans-Bold.ttf"),
    (f"{_BUNDLED}/DejaVuSans.ttf", f"{_BUNDLED}/DejaVuSans-Bold.ttf"),
    (f"{_NOTO}/NotoSans-Regular.ttf", f"{_NOTO}/NotoSans-Bold.ttf"),
    (f"{_DEJAVU}/DejaVuSans.ttf", f"{_DEJAVU}/DejaVuSans-Bold.ttf"),
    (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ),
    ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
    ("/Library/Fonts/Arial.ttf", "/Library/Fonts/Arial Bold.ttf"),
)
FAMILY = "ReportSans"
WIDTHS = (62, 28, 24, 24, 24, 28, 28, 30)  # mm, landscape A4 (277 mm between margins)
ROW_H = 6.5
BAR_MAX_W = 150.0
DONE_RGB = (46, 125, 50)
TARGET_RGB = (198, 40, 40)


def find_fonts() -> tuple[Path, Path]:
    """A regular and a bold TrueType font that can print Vietnamese, or ReportError."""
    for regular, bold in FONT_PAIRS:
        if Path(regular).is_file():
            return Path(regular), Path(bold) if Path(bold).is_file() else Path(regular)
    raise ReportError(
        "no font", message_vi="Không tìm thấy phông chữ tiếng Việt (Noto Sans, DejaVu Sans hoặc Arial)."
    )


def progress_pdf(report: ProgressReport, header: ReportHeader) -> bytes:
    """A landscape A4 PDF: header, headline figures, a progress bar chart, then each breakdown's table."""
    pdf = _document()
    _heading(pdf, header, report.year)
    _summary(pdf, report)
    _chart(pdf, "Tiến độ theo loại kết quả so với chỉ tiêu", [x for x in report.by_type if x.inventory])
    for title, lines in sections(report):
        _table(pdf, title, lines)
    return bytes(pdf.output())


def _document() -> FPDF:
    regular, bold = find_fonts()
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_font(FAMILY, "", str(regular))
    pdf.add_font(FAMILY, "B", str(bold))
    pdf.set_title(TITLE_VI)
    pdf.add_page()
    return pdf


def _heading(pdf: FPDF, header: ReportHeader, year: int) -> None:
    pdf.set_font(FAMILY, "B", 11)
    pdf.cell(0, 6, header.agency_name.upper(), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "B", 13)
    pdf.multi_cell(0, 7, f"{TITLE_VI} — NĂM {year}", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "", 10)
    pdf.cell(0, 6, f"Lập {header.date_vi}", align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)


def _summary(pdf: FPDF, report: ProgressReport) -> None:
    pdf.set_font(FAMILY, "", 10)
    for label, value in summary_vi(report):
        pdf.cell(120, 5.5, label)
        pdf.cell(30, 5.5, display(value), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)


def _chart(pdf: FPDF, title: str, lines: Sequence[ProgressLine]) -> None:
    """Horizontal bars: green is the share digitised, the red tick the roadmap's target."""
    if not lines:
        return
    pdf.set_font(FAMILY, "B", 11)
    pdf.cell(0, 7, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "", 9)
    for line in lines:
        if pdf.will_page_break(8):
            pdf.add_page()
        x, y = pdf.l_margin + 62, pdf.get_y()
        pdf.cell(62, 7, line.label[:40])
        pdf.set_draw_color(150, 150, 150)
        pdf.rect(x, y + 1, BAR_MAX_W, 5)
        pdf.set_fill_color(*DONE_RGB)
        pdf.rect(x, y + 1, BAR_MAX_W * min(100.0, line.percent or 0.0) / 100.0, 5, style="F")
        tx = x + BAR_MAX_W * min(100.0, line.target_percent or 0.0) / 100.0
        pdf.set_draw_color(*TARGET_RGB)
        pdf.set_line_width(0.8)
        pdf.line(tx, y, tx, y + 7)
        pdf.set_line_width(0.2)
        pdf.set_xy(x + BAR_MAX_W + 3, y)
        label = f"{display(line.percent)}% / chỉ tiêu {display(line.target_percent)}%"
        pdf.cell(60, 7, label, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(0, 0, 0)
    pdf.ln(3)


def _table(pdf: FPDF, title: str, lines: Sequence[ProgressLine]) -> None:
    if pdf.will_page_break(3 * ROW_H + 8):
        pdf.add_page()
    pdf.set_font(FAMILY, "B", 11)
    pdf.cell(0, 8, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "B", 8)
    pdf.set_fill_color(221, 235, 247)
    for width, name in zip(WIDTHS, COLUMNS_VI, strict=True):
        pdf.cell(width, ROW_H, name, border=1, align="C", fill=True)
    pdf.ln(ROW_H)
    pdf.set_font(FAMILY, "", 9)
    for line in lines or []:
        if pdf.will_page_break(ROW_H):
            pdf.add_page()
        for i, (width, value) in enumerate(zip(WIDTHS, line_cells(line), strict=True)):
            text = str(value)[:38] if i == 0 else display(value)
            pdf.cell(width, ROW_H, text, border=1, align="L" if i == 0 else "R")
        pdf.ln(ROW_H)
    if not lines:
        pdf.cell(sum(WIDTHS), ROW_H, "Chưa có số liệu.", border=1, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
