"""The capture screen: pick a scanner, scan, watch pages arrive, see blanks, separators and warnings."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Station
from app.core.cancel import CancelToken, ProgressEvent
from app.core.errors import StationError
from app.core.models import QualityWarning
from app.core.outputs import recognize_pages
from app.core.pipeline import BatchResult, PageResult, assemble
from app.core.ports import DeviceInfo
from app.core.session import PageReady, ScanSession
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
THUMB = QSize(150, 210)


class CaptureView(QWidget):
    """Scan into a new batch; pages appear live; after cleanup each page shows what was found."""

    def __init__(self, station: Station, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.runner = runner
        self._items: dict[int, QListWidgetItem] = {}
        self._scan_cancel: CancelToken | None = None
        self._build()
        self._load_devices()

    def _build(self) -> None:
        self.device_combo = QComboBox()
        self.device_combo.setAccessibleName(self.tr("Scanner"))
        self.scan_button = QPushButton(self.tr("&Scan"))
        self.scan_button.setShortcut(QKeySequence("F5"))
        self.scan_button.setAccessibleName(self.tr("Start scanning"))
        self.stop_button = QPushButton(self.tr("S&top"))
        self.stop_button.setShortcut(QKeySequence("Esc"))
        self.stop_button.setAccessibleName(self.tr("Stop scanning"))
        self.stop_button.setEnabled(False)
        self.scan_button.clicked.connect(self._on_scan_clicked)
        self.stop_button.clicked.connect(self._on_stop_clicked)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Scanner:")))
        bar.addWidget(self.device_combo, 1)
        bar.addWidget(self.scan_button)
        bar.addWidget(self.stop_button)
        self.pages = QListWidget()
        self.pages.setViewMode(QListView.ViewMode.IconMode)
        self.pages.setIconSize(THUMB)
        self.pages.setResizeMode(QListView.ResizeMode.Adjust)
        self.pages.setSpacing(8)
        self.pages.setAccessibleName(self.tr("Scanned pages"))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel(self.tr("Choose a scanner and press Scan (F5)."))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)

    # --- devices ---------------------------------------------------------------------------
    def _load_devices(self) -> None:
        def job(**_: Any) -> list[DeviceInfo]:
            found: list[DeviceInfo] = []
            for scanner in self.station.scanners.values():
                if scanner.driver == "files":
                    continue
                try:
                    found.extend(scanner.list_devices())
                except StationError as exc:
                    log.info("driver %s lists no devices: %s", scanner.driver, exc.code)
            return found

        task = self.runner.start(job)
        task.signals.finished.connect(self._on_devices_listed)

    def _on_devices_listed(self, devices: list[DeviceInfo]) -> None:
        self.device_combo.clear()
        for dev in devices:
            self.device_combo.addItem(f"{dev.name} ({dev.driver})", dev)
        if not devices:
            self.status.setText(self.tr("No scanner found. Check the cable and the driver."))

    # --- scanning --------------------------------------------------------------------------
    def _on_scan_clicked(self) -> None:
        device: DeviceInfo | None = self.device_combo.currentData()
        if device is None:
            return
        scanner = self.station.scanners[device.driver]
        settings = self.station.settings.scan
        self.pages.clear()
        self._items.clear()
        self.scan_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.status.setText(self.tr("Scanning..."))

        def job(progress: Any, cancel: CancelToken, emit: Any) -> BatchResult:
            station = self.station
            with station.worker_pool() as pool:
                session = ScanSession(
                    station.journal,
                    station.thumbnail,
                    station.analyze,
                    pool,
                    on_ready=lambda ready: emit(("ready", ready)),
                    on_done=lambda done: emit(("done", done)),
                )
                scanned = session.scan(scanner, device.id, settings, device.name, cancel)
                if scanned.error is not None:
                    emit(scanned.error)
                pages = station.journal.list_pages(scanned.batch.id)
                result = assemble(station.journal, scanned.batch.id, [scanned.results[p.id] for p in pages])
                emit(("assembled", result))
                # OCR last, in the low-priority pool: the pages are already on screen and labelled
                recognize_pages(
                    station.journal, scanned.batch.id, station.read_text, executor=pool, progress=progress
                )
            return result

        task = self.runner.start(job)
        self._scan_cancel = task.cancel
        task.signals.item.connect(self._on_item)
        task.signals.progress.connect(self._on_progress)
        task.signals.finished.connect(self._on_processed)
        task.signals.failed.connect(self._on_failed)

    def _on_stop_clicked(self) -> None:
        if self._scan_cancel is not None:
            self._scan_cancel.cancel()

    def _on_item(self, item: object) -> None:
        if isinstance(item, StationError):
            QMessageBox.warning(self, self.tr("Scanner"), item.user_message(self.station.settings.language))
            return
        assert isinstance(item, tuple)
        kind, payload = item
        if kind == "ready":
            self._add_page(payload)
        elif kind == "done":
            widget_item = self._items.get(payload.page.id)
            if widget_item is not None:
                widget_item.setText(self._describe(payload, None))
        elif kind == "assembled":
            self._label_documents(payload)

    def _add_page(self, ready: PageReady) -> None:
        image = QImage.fromData(ready.thumbnail).scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio)
        widget_item = QListWidgetItem(self.tr("Page %1").replace("%1", str(ready.page.seq)))
        widget_item.setIcon(QPixmap.fromImage(image))
        self.pages.addItem(widget_item)
        self._items[ready.page.id] = widget_item
        self.status.setText(self.tr("%1 pages scanned").replace("%1", str(len(self._items))))

    def _on_progress(self, event: ProgressEvent) -> None:
        self.stop_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setMaximum(max(event.total, 1))
        self.progress.setValue(event.done)
        self.status.setText(self.tr("Reading the text of the pages..."))

    def _label_documents(self, result: BatchResult) -> None:
        doc_of = {pid: d.index for d in result.documents for pid in d.page_ids}
        for r in result.pages:
            item = self._items.get(r.page.id)
            if item is not None:
                item.setText(self._describe(r, doc_of.get(r.page.id)))

    def _on_processed(self, result: BatchResult) -> None:
        self._label_documents(result)
        self._done(
            self.tr("%1 pages, %2 documents")
            .replace("%1", str(len(result.pages)))
            .replace("%2", str(len(result.documents)))
        )

    def _describe(self, r: PageResult, doc: int | None) -> str:
        label = self.tr("Page %1").replace("%1", str(r.page.seq))
        if r.error is not None or r.findings is None:
            return label + "\n" + self.tr("Unreadable: rescan")
        if r.findings.is_separator:
            return label + "\n" + self.tr("Separator sheet")
        if r.findings.is_blank:
            return label + "\n" + self.tr("Blank (kept)")
        text = label
        if doc is not None:
            text += "\n" + self.tr("Document %1").replace("%1", str(doc + 1))
        if r.findings.warnings:
            names = self._warning_names()
            text += "\n" + ", ".join(names[w] for w in r.findings.warnings)
        return text

    def _warning_names(self) -> dict[QualityWarning, str]:
        return {
            QualityWarning.TOO_DARK: self.tr("too dark"),
            QualityWarning.TOO_LIGHT: self.tr("too light"),
            QualityWarning.LOW_CONTRAST: self.tr("low contrast"),
            QualityWarning.BLURRED: self.tr("blurred"),
            QualityWarning.LOW_DPI: self.tr("below 200 dpi"),
            QualityWarning.CUT_OFF: self.tr("paper cut off"),
        }

    def _on_failed(self, error: StationError) -> None:
        self._done(error.user_message(self.station.settings.language))

    def _done(self, message: str) -> None:
        self.progress.setVisible(False)
        self.scan_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self._scan_cancel = None
        self.status.setText(message)
