"""Small dashboard charts drawn with QPainter: progress per result type, and day series (bars or line)."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from app.core.progress import ProgressLine
from app.ui.app import current_language

log = logging.getLogger(__name__)

INK, MUTED, GRID, TRACK = QColor("#1f2933"), QColor("#6b7785"), QColor("#e4e9f0"), QColor("#e4e9f0")


def ui_locale() -> QLocale:
    """The locale of the UI language: Vietnamese numbers use a decimal comma and dots for thousands."""
    if current_language() == "vi":
        return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def number(value: float, digits: int = 0) -> str:
    """``value`` written the way the UI language writes numbers."""
    locale = ui_locale()
    return locale.toString(round(value)) if digits == 0 else locale.toString(float(value), "f", digits)


def day_label(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}"


class ProgressBars(QWidget):
    """One horizontal bar per line: digitised share in green, the roadmap target as a red mark."""

    ROW = 30

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[ProgressLine] = []
        self.empty_text = ""
        self.setMinimumHeight(60)

    def set_lines(self, lines: list[ProgressLine], empty_text: str = "") -> None:
        self.lines = [line for line in lines if line.inventory]
        self.empty_text = empty_text
        self.setMinimumHeight(max(60, self.ROW * len(self.lines) + 8))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.lines:
            painter.setPen(MUTED)
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(QRectF(self.rect()), flags, self.empty_text)
        label_w, right = 200.0, 70.0
        width = max(50.0, self.width() - label_w - right)
        for i, line in enumerate(self.lines):
            y = 4.0 + i * self.ROW
            painter.setPen(INK)
            painter.drawText(QRectF(0, y, label_w - 8, 22), Qt.AlignmentFlag.AlignVCenter, line.label)
            painter.fillRect(QRectF(label_w, y + 3, width, 16), TRACK)
            done = min(1.0, (line.percent or 0.0) / 100.0)
            painter.fillRect(QRectF(label_w, y + 3, width * done, 16), QColor("#2f9e44"))
            target = min(1.0, (line.target_percent or 0.0) / 100.0)
            painter.fillRect(QRectF(label_w + width * target - 1.5, y, 3, 22), QColor("#c92a2a"))
            text = number(line.percent or 0.0, 1) + "%"
            painter.drawText(QRectF(label_w + width + 8, y, right, 22), Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()


def nice_top(value: int) -> int:
    """The axis top for ``value``: 1, 2, 4, 6, 8 or 10 times a power of ten, at least ``value``."""
    magnitude = 1
    while True:
        for step in (1, 2, 4, 6, 8):
            if value <= step * magnitude:
                return step * magnitude
        magnitude *= 10


class DayChart(QWidget):
    """A day series over the chosen period: bars (pages, rejections) or a line (backlog). The latest
    day's value is written at the top right; an empty series shows what to do instead of an empty box."""

    LEFT_MIN, TOP, BOTTOM, RIGHT = 28.0, 30.0, 22.0, 10.0

    def __init__(self, title: str, colour: str, line: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title, self.colour, self.line = title, QColor(colour), line
        self.days: list[date] = []
        self.values: list[int] = []
        self.empty_text = ""
        self.setMinimumSize(260, 180)
        self.setMaximumHeight(320)
        self.setAccessibleName(title)

    def set_series(self, days: list[date], values: list[int], empty_text: str) -> None:
        self.days, self.values, self.empty_text = list(days), list(values), empty_text
        self.setAccessibleDescription(self.latest_text() or empty_text)
        self.setToolTip(self.latest_text())
        self.update()

    def latest_text(self) -> str:
        """ "27/11: 12" for the last day of the period ("" before data arrives)."""
        if not self.days:
            return ""
        return f"{day_label(self.days[-1])}: {number(self.values[-1])}"

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._header(painter)
        top = nice_top(max(self.values, default=0))
        left = max(self.LEFT_MIN, painter.fontMetrics().horizontalAdvance(number(top)) + 10.0)
        plot = QRectF(
            left, self.TOP, self.width() - left - self.RIGHT, self.height() - self.TOP - self.BOTTOM
        )
        self._axes(painter, plot, top)
        if self.days:
            self._x_labels(painter, plot)
            if any(self.values):
                (self._draw_line if self.line else self._draw_bars)(painter, plot, top)
            else:
                painter.setPen(MUTED)
                flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
                painter.drawText(plot.adjusted(12, 4, -12, -4), flags, self.empty_text)
        painter.end()

    def _header(self, painter: QPainter) -> None:
        bold = QFont(painter.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(INK)
        header = QRectF(0, 0, self.width() - self.RIGHT, 22)
        latest = self.latest_text()
        latest_w = painter.fontMetrics().horizontalAdvance(latest) + 8
        painter.drawText(header.adjusted(0, 0, -latest_w, 0), Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setPen(self.colour.darker(130))
        painter.drawText(header, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, latest)
        painter.setFont(QFont(self.font()))

    def _axes(self, painter: QPainter, plot: QRectF, top: int) -> None:
        ticks = [0, top // 2, top] if top % 2 == 0 else [0, top]
        for tick in ticks:
            y = plot.bottom() - plot.height() * tick / top
            painter.setPen(QPen(GRID if tick else MUTED, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(MUTED)
            label = QRectF(0, y - 9, plot.left() - 5, 18)
            painter.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, number(tick))

    def _x_labels(self, painter: QPainter, plot: QRectF) -> None:
        n = len(self.days)
        shown = sorted({0, n // 2, n - 1}) if n >= 5 else list(range(n))
        painter.setPen(MUTED)
        width = 44.0
        for i in shown:
            centre = plot.left() + plot.width() * (i + 0.5) / n
            x = min(max(centre - width / 2, plot.left() - 6), plot.right() - width + 6)
            box = QRectF(x, plot.bottom() + 3, width, self.BOTTOM - 3)
            painter.drawText(
                box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, day_label(self.days[i])
            )

    def _draw_bars(self, painter: QPainter, plot: QRectF, top: int) -> None:
        slot = plot.width() / len(self.values)
        bar = max(1.0, slot * 0.7)
        for i, value in enumerate(self.values):
            height = plot.height() * value / top
            colour = self.colour.darker(125) if i == len(self.values) - 1 else self.colour
            x = plot.left() + slot * i + (slot - bar) / 2
            painter.fillRect(QRectF(x, plot.bottom() - height, bar, height), colour)

    def _draw_line(self, painter: QPainter, plot: QRectF, top: int) -> None:
        slot = plot.width() / len(self.values)
        points = [
            QPointF(plot.left() + slot * (i + 0.5), plot.bottom() - plot.height() * value / top)
            for i, value in enumerate(self.values)
        ]
        painter.setPen(QPen(self.colour, 2))
        painter.drawPolyline(points)
        painter.setBrush(self.colour.darker(125))
        painter.drawEllipse(points[-1], 3.5, 3.5)
