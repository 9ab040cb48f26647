"""The station dashboard: progress against the plan, activity per day (pages, returns, send backlog) and
work per officer, filtered by period, result type and officer."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.accounts import Role
from app.core.activity import ActivityReport
from app.core.cancel import CancelToken
from app.core.doctypes import load_doctypes
from app.core.outbox import OutboxState
from app.core.progress import ProgressReport
from app.ui.app import current_language
from app.ui.dashboard_charts import DayChart, ProgressBars, number
from app.ui.dashboard_officers import OfficerTable
from app.ui.nav import error_text
from app.ui.session import UiSession

log = logging.getLogger(__name__)

PERIODS = (7, 30, 90)


@dataclass(frozen=True)
class DashboardData:
    report: ProgressReport
    queue: dict[OutboxState, int]
    activity: ActivityReport
    names: dict[str, str]  # login -> full name
    officers: list[str]  # logins to offer in the officer filter
    types: dict[str, str]  # result type code -> label in the UI language


@dataclass(frozen=True)
class Filters:
    year: int
    days: int
    doc_type: str | None
    officer: str | None


class DashboardView(QWidget):
    """What a supervisor checks each morning: how far the commune is, what is missing, who does what."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._generation = 0
        self._build()
        session.signals.data_changed.connect(self._on_data_changed)
        self.refresh()

    # --- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(self._progress_header())
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-size: 11.5pt;")
        self.headline.setAccessibleName(self.tr("Progress summary"))
        self.queue = QLabel()
        self.queue.setAccessibleName(self.tr("Send queue"))
        self.bars = ProgressBars()
        self.bars.setAccessibleName(self.tr("Progress per result type"))
        for widget in (self.headline, self.queue):
            layout.addWidget(widget)
        self.bars_caption = QLabel(
            self.tr("Per result type (green: digitised, red mark: target of the plan)")
        )
        layout.addWidget(self.bars_caption)
        layout.addWidget(self.bars)
        layout.addWidget(_rule())
        layout.addLayout(self._activity_header())
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Activity summary"))
        layout.addWidget(self.summary)
        layout.addLayout(self._charts(), 3)
        self.officers = OfficerTable()
        self.officers.setAccessibleName(self.tr("Work per officer"))
        self.no_officers = QLabel()
        self.no_officers.setWordWrap(True)
        self.no_officers.hide()
        layout.addWidget(self.officers)
        layout.addWidget(self.no_officers)
        layout.addStretch(1)  # the charts stop growing at their maximum height
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _progress_header(self) -> QHBoxLayout:
        title = QLabel(self.tr("Progress against the plan"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.year = QSpinBox()
        self.year.setRange(2015, 2100)
        self.year.setValue(date.today().year)
        self.year.setAccessibleName(self.tr("Report year"))
        self.year.valueChanged.connect(self._on_filter_changed)
        row = QHBoxLayout()
        row.addWidget(title)
        row.addStretch(1)
        row.addWidget(_buddy(self.tr("&Year:"), self.year))
        row.addWidget(self.year)
        return row

    def _activity_header(self) -> QHBoxLayout:
        title = QLabel(self.tr("Station activity"))
        title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.period = QComboBox()
        for days in PERIODS:
            self.period.addItem(self.tr("Last %1 days").replace("%1", str(days)), days)
        self.period.setCurrentIndex(PERIODS.index(30))
        self.period.setAccessibleName(self.tr("Period"))
        self.doc_type = QComboBox()
        self.doc_type.addItem(self.tr("All result types"), None)
        self.doc_type.setAccessibleName(self.tr("Result type"))
        self.officer = QComboBox()
        self.officer.addItem(self.tr("All officers"), None)
        self.officer.setAccessibleName(self.tr("Officer"))
        row = QHBoxLayout()
        row.addWidget(title)
        row.addStretch(1)
        for caption, combo in (
            (self.tr("&Period:"), self.period),
            (self.tr("Result &type:"), self.doc_type),
            (self.tr("&Officer:"), self.officer),
        ):
            combo.currentIndexChanged.connect(self._on_filter_changed)
            row.addWidget(_buddy(caption, combo))
            row.addWidget(combo)
        return row

    def _charts(self) -> QHBoxLayout:
        self.pages_chart = DayChart(self.tr("Pages scanned per day"), "#1c7ed6")
        self.rejections_chart = DayChart(self.tr("Documents returned per day"), "#e8590c")
        self.backlog_chart = DayChart(self.tr("Waiting to be sent (end of day)"), "#7048e8", line=True)
        row = QHBoxLayout()
        for chart in (self.pages_chart, self.rejections_chart, self.backlog_chart):
            row.addWidget(chart, 1)
        return row

    # --- data ------------------------------------------------------------------------------------
    def filters(self) -> Filters:
        return Filters(
            self.year.value(),
            self.period.currentData(),
            self.doc_type.currentData(),
            self.officer.currentData(),
        )

    def _on_data_changed(self, *_args: object) -> None:
        self.refresh()

    def _on_filter_changed(self, *_args: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        station, chosen = self.session.station, self.filters()
        self._generation += 1
        generation = self._generation

        def job(progress: Any, cancel: CancelToken, emit: Any) -> DashboardData:
            end = date.today()
            start = end - timedelta(days=chosen.days - 1)
            activity = station.activity_report(start, end, chosen.doc_type, chosen.officer)
            accounts = station.store.accounts.list()
            officers = {u.login for u in accounts if Role.OFFICER in u.roles} | set(activity.officer_logins)
            lang = current_language()
            return DashboardData(
                report=station.progress_report(chosen.year),
                queue=station.store.outbox.counts(),
                activity=activity,
                names={u.login: u.full_name for u in accounts},
                officers=sorted(officers),
                types={k: t.label(lang) for k, t in load_doctypes().items()},
            )

        self.session.runner.start(
            job,
            on_finished=lambda data: self._on_loaded(data, generation),
            on_failed=self._on_failed,
        )

    def _on_failed(self, error: object) -> None:
        self.headline.setText(error_text(error))

    def _on_loaded(self, data: DashboardData, generation: int) -> None:
        if generation != self._generation:
            return  # a newer choice of filters is loading
        self._fill_choices(data)
        self._show_progress(data)
        self._show_activity(data)

    def _fill_choices(self, data: DashboardData) -> None:
        """Offer every result type and officer; the choice made stays (lists change with new accounts)."""
        for combo, choices in (
            (self.doc_type, sorted(data.types.items(), key=lambda kv: kv[1])),
            (self.officer, [(login, data.names.get(login) or login) for login in data.officers]),
        ):
            shown = [(combo.itemData(i), combo.itemText(i)) for i in range(1, combo.count())]
            if shown == choices:
                continue
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for key, label in choices:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
            combo.blockSignals(False)
            if combo.currentData() != chosen:  # the chosen one is gone: show everyone's figures
                self.refresh()

    def _show_progress(self, data: DashboardData) -> None:
        report, chosen = data.report, self.filters()
        self.headline.setText(self._headline(report))
        waiting = sum(
            n for s, n in data.queue.items() if s not in (OutboxState.CONFIRMED, OutboxState.REJECTED)
        )
        self.queue.setText(
            self.tr("Pace: %1 documents per working day · waiting to be sent: %2 · out of scope: %3")
            .replace("%1", number(report.pace, 1))
            .replace("%2", number(waiting))
            .replace("%3", number(report.out_of_scope))
        )
        lines = [  # the report names types in Vietnamese: relabel them in the UI language
            replace(line, label=data.types.get(line.key, line.label))
            for line in report.by_type
            if chosen.doc_type in (None, line.key)
        ]
        # with no inventory at all, the headline already says what to do
        empty = self.tr("No inventory for this result type yet.") if report.total.inventory else ""
        self.bars.set_lines(lines, empty)
        for widget in (self.bars_caption, self.bars):
            widget.setVisible(bool(report.total.inventory))
        self.officers.set_year(report.year)

    def _headline(self, report: ProgressReport) -> str:
        total = report.total
        if not total.inventory:
            return self.tr("No inventory yet: enter or import the paper counts on the Inventory screen.")
        days = ""
        if total.days:
            days = self.tr("%1 working days at the current pace").replace("%1", number(total.days))
        return (
            self.tr(
                "Digitised %1 of %2 papers (%3%); the plan asks %4% by the end of %5. Missing: %6 papers. %7"
            )
            .replace("%1", number(total.digitised))
            .replace("%2", number(total.inventory))
            .replace("%3", number(total.percent or 0.0, 1))
            .replace("%4", number(total.target_percent or 0.0))
            .replace("%5", str(report.year))
            .replace("%6", number(total.shortfall))
            .replace("%7", days)
        )

    def _show_activity(self, data: DashboardData) -> None:
        activity, chosen = data.activity, self.filters()
        days = [d.day for d in activity.days]
        self.summary.setText(
            self.tr("Last %1 days: pages scanned: %2 · documents returned: %3 · waiting to be sent now: %4")
            .replace("%1", str(chosen.days))
            .replace("%2", number(activity.total_pages))
            .replace("%3", number(activity.total_rejections))
            .replace("%4", number(activity.backlog_now))
        )
        self.pages_chart.set_series(
            days,
            [d.pages for d in activity.days],
            self.tr(
                "No pages scanned in this period. Scan a batch on the Scan screen or choose a longer period."
            ),
        )
        self.rejections_chart.set_series(
            days, [d.rejections for d in activity.days], self.tr("No document was returned in this period.")
        )
        self.backlog_chart.set_series(
            days, [d.backlog for d in activity.days], self.tr("Nothing was waiting to be sent.")
        )
        by_officer = [line for line in data.report.by_officer if chosen.officer in (None, line.key)]
        self.officers.show_lines(activity.officers, by_officer, data.names)
        self.officers.fit_rows()
        empty = self.officers.rowCount() == 0
        self.officers.setVisible(not empty)
        self.no_officers.setVisible(empty)
        self.no_officers.setText(
            self.tr("No work recorded for this choice. Choose a longer period, or another type or officer.")
        )


def _buddy(caption: str, widget: QWidget) -> QLabel:
    label = QLabel(caption)
    label.setBuddy(widget)
    return label


def _rule() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
