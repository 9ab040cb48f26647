"""The settings screen (administrators): station, agency, result-code template, central repository."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.problems import texts
from app.core.result_codes import CodeTemplate, CodeTemplateError, render_code
from app.core.retention import KEEP_FOREVER, MAX_RETENTION_DAYS
from app.core.station_config import StationConfig, config_problems
from app.ui.agency_picker import AgencyPicker
from app.ui.app import current_language
from app.ui.nav import error_text
from app.ui.session import UiSession
from app.ui.setup_wizard import upper_as_typed

log = logging.getLogger(__name__)

SAMPLE_OWNER = "001085012345"  # a made-up citizen ID, only for the preview
SAMPLE_RESULT_TYPE = "KQ"


class SettingsView(QWidget):
    """Loads the station's settings on the runner, edits them, saves them (audited by the store)."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.config = StationConfig()
        self._build()
        self._load()

    def _build(self) -> None:
        heading = QLabel(self.tr("Station settings"))
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.save_button = QPushButton(self.tr("&Save settings"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setAccessibleName(self.tr("Save settings"))
        self.save_button.setToolTip(self.tr("Save settings (Ctrl+S)"))
        self.save_button.clicked.connect(self._on_save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._station_group())
        left.addWidget(self._code_group())
        left.addStretch(1)
        right.addWidget(self._central_group())
        right.addWidget(self._sending_group())
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(columns, 1)
        layout.addLayout(bar)

    def _station_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Station"))
        self.station_code = QLineEdit()
        self.station_code.setAccessibleName(self.tr("Station code"))
        upper_as_typed(self.station_code)
        self.station_code.textChanged.connect(self._update_preview)
        self.agency = AgencyPicker(self.session.runner, self.session.station.data_dir)
        form = QFormLayout(group)
        form.addRow(self.tr("Station &code:"), self.station_code)
        form.addRow(self.tr("&Agency:"), self.agency)
        return group

    def _code_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Result codes"))
        self.template = QLineEdit()
        self.template.setAccessibleName(self.tr("Result code template"))
        self.template.textChanged.connect(self._update_preview)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName(self.tr("Example code"))
        help_text = QLabel(self.tr("Parts: {owner} {result_type} {station} {year} {seq}; {seq} is required."))
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color: #52606d;")
        form = QFormLayout(group)
        form.addRow(self.tr("&Template:"), self.template)
        form.addRow(help_text)
        form.addRow(self.tr("Example:"), self.preview)
        return group

    def _central_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Central repository"))
        self.central_url = QLineEdit()
        self.central_url.setAccessibleName(self.tr("Central repository address"))
        self.central_url.setPlaceholderText("https://kho.example.vn:8443")
        self.central_token = QLineEdit()
        self.central_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.central_token.setAccessibleName(self.tr("Access token"))
        form = QFormLayout(group)
        form.addRow(self.tr("Add&ress:"), self.central_url)
        form.addRow(self.tr("Access &token:"), self.central_token)
        return group

    def _sending_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Sending"))
        self.bandwidth = QSpinBox()
        self.bandwidth.setRange(0, 1_000_000)
        self.bandwidth.setSingleStep(128)
        self.bandwidth.setSuffix(" kbit/s")
        self.bandwidth.setSpecialValueText(self.tr("No limit"))
        self.bandwidth.setAccessibleName(self.tr("Bandwidth limit"))
        self.use_window = QCheckBox(self.tr("Send only bet&ween"))
        self.use_window.setAccessibleName(self.tr("Send only in a time window"))
        self.window_from, self.window_to = QTimeEdit(QTime(18, 0)), QTimeEdit(QTime(7, 0))
        for edit, name in ((self.window_from, self.tr("From")), (self.window_to, self.tr("Until"))):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(name)
            self.use_window.toggled.connect(edit.setEnabled)
            edit.setEnabled(False)
        window_row = QHBoxLayout()
        window_row.addWidget(self.use_window)
        window_row.addWidget(self.window_from)
        window_row.addWidget(QLabel(self.tr("and")))
        window_row.addWidget(self.window_to)
        window_row.addStretch(1)
        self.retention = QSpinBox()
        self.retention.setRange(KEEP_FOREVER, MAX_RETENTION_DAYS)
        self.retention.setSingleStep(30)
        self.retention.setSuffix(self.tr(" days after confirmation"))
        self.retention.setSpecialValueText(self.tr("Keep for ever"))
        self.retention.setAccessibleName(self.tr("Keep scans on the station"))
        self.retention.setToolTip(
            self.tr(
                "Scans leave the station only after the central repository confirmed the document and "
                "this many days have passed. Records and signed PDFs always stay."
            )
        )
        form = QFormLayout(group)
        form.addRow(self.tr("&Bandwidth limit:"), self.bandwidth)
        form.addRow(window_row)
        form.addRow(self.tr("&Keep scans:"), self.retention)
        return group

    # --- data -------------------------------------------------------------------------------
    def _load(self) -> None:
        store = self.session.station.store

        def job(**_: Any) -> StationConfig:
            return store.config.get()

        task = self.session.runner.start(job)
        task.signals.finished.connect(self._show_config)
        task.signals.failed.connect(lambda error: self._set_status(error_text(error), error=True))

    def _show_config(self, config: StationConfig) -> None:
        self.config = config
        self.station_code.setText(config.station_code)
        self.agency.set_agency_key(config.agency_key)
        self.template.setText(config.code_template)
        self.central_url.setText(config.central_url)
        self.central_token.setText(config.central_token)
        self.bandwidth.setValue(config.bandwidth_kbps)
        self.retention.setValue(config.retention_days)
        start, _sep, end = config.send_window.partition("-")
        self.use_window.setChecked(bool(config.send_window))
        if config.send_window:
            self.window_from.setTime(QTime.fromString(start, "HH:mm"))
            self.window_to.setTime(QTime.fromString(end, "HH:mm"))

    def edited(self) -> StationConfig:
        window = ""
        if self.use_window.isChecked():
            window = f"{self.window_from.time().toString('HH:mm')}-{self.window_to.time().toString('HH:mm')}"
        return self.config.with_changes(
            station_code=self.station_code.text().strip(),
            agency_key=self.agency.agency_key() or self.config.agency_key,
            code_template=self.template.text().strip(),
            central_url=self.central_url.text().strip(),
            central_token=self.central_token.text(),
            bandwidth_kbps=self.bandwidth.value(),
            send_window=window,
            retention_days=self.retention.value(),
        )

    def _update_preview(self) -> None:
        station = self.station_code.text().strip() or "DEMO-01"
        try:
            code = render_code(
                CodeTemplate(self.template.text().strip()),
                SAMPLE_OWNER,
                SAMPLE_RESULT_TYPE,
                station,
                date.today().year,
                1,
            )
        except CodeTemplateError as exc:
            detail = exc.detail_en if current_language() == "en" else exc.detail
            self.preview.setText(self.tr("Invalid template: %1").replace("%1", detail))
            self.preview.setStyleSheet("color: #b3261e;")
            return
        self.preview.setText(code)
        self.preview.setStyleSheet("font-family: monospace; font-size: 11pt;")

    def _on_save(self) -> None:
        config = self.edited()
        problems = texts(config_problems(config), current_language())
        if problems:
            self._set_status("\n".join(problems), error=True)
            return
        store, admin = self.session.station.store, self.session.user

        def job(**_: Any) -> StationConfig:
            store.config.save(admin, config)
            return config

        self.save_button.setEnabled(False)
        task = self.session.runner.start(job)
        task.signals.finished.connect(self._on_saved)
        task.signals.failed.connect(self._on_save_failed)

    def _on_saved(self, config: StationConfig) -> None:
        self.config = config
        self.save_button.setEnabled(True)
        self._set_status(self.tr("Settings saved."), error=False)
        self.session.changed("settings")

    def _on_save_failed(self, error: object) -> None:
        self.save_button.setEnabled(True)
        self._set_status(error_text(error), error=True)

    def _set_status(self, text: str, error: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b3261e;" if error else "color: #1e7b34;")
