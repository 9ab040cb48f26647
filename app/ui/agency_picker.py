"""Choose the station's commune or ward from the agency catalogue: diacritics-free search, 2025 units."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QVBoxLayout, QWidget

from app.core.agencies import Agency, load_catalogue
from app.core.textnorm import fold
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

CURRENT_PREFIX = "h26.2025."  # the units in force since the 2025 reorganisation


class AgencyPicker(QWidget):
    """A search field over a combo box of agencies; ``changed`` fires with the chosen key."""

    changed = Signal(str)

    def __init__(self, runner: TaskRunner, data_dir: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._agencies: list[Agency] = []
        self._wanted = ""
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._refill)
        self.combo = QComboBox()
        self.combo.setMaxVisibleItems(15)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit(self.agency_key()))
        self.show_old = QCheckBox()
        self.show_old.toggled.connect(self._refill)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.combo)
        layout.addWidget(self.show_old)
        self._retranslate()

        def job(**_: Any) -> list[Agency]:
            return load_catalogue(override_dir=data_dir).all()

        runner.start(job).signals.finished.connect(self._on_loaded)

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Type to search, e.g. bat trang"))
        self.search.setAccessibleName(self.tr("Search the agency catalogue"))
        self.combo.setAccessibleName(self.tr("Agency"))
        self.show_old.setText(self.tr("Also show units dissolved in 2025"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def agency_key(self) -> str:
        data = self.combo.currentData()
        return str(data) if data else ""

    def set_agency_key(self, key: str) -> None:
        self._wanted = key
        index = self.combo.findData(key)
        if index >= 0:
            self.combo.setCurrentIndex(index)

    def loaded(self) -> bool:
        return bool(self._agencies)

    def _on_loaded(self, agencies: list[Agency]) -> None:
        self._agencies = sorted((a for a in agencies if a.level == "xa"), key=lambda a: fold(a.name))
        self._refill()

    def _refill(self) -> None:
        wanted = self.agency_key() or self._wanted
        needle = fold(self.search.text())
        old = self.show_old.isChecked()
        self.combo.blockSignals(True)
        self.combo.clear()
        for agency in self._agencies:
            current = agency.key.startswith(CURRENT_PREFIX)
            if (current or old or agency.key == wanted) and needle in fold(agency.name):
                label = agency.name if current else self.tr("%1 (before 2025)").replace("%1", agency.name)
                self.combo.addItem(label, agency.key)
        self.combo.blockSignals(False)
        index = self.combo.findData(wanted)
        self.combo.setCurrentIndex(index if index >= 0 else (0 if needle and self.combo.count() else -1))
        self.changed.emit(self.agency_key())
