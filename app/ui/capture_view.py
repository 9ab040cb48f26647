"""The scan screen: pick a scanner and profile, scan, watch pages arrive, then fix pages and documents."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Station
from app.core.cancel import CancelToken, ProgressEvent
from app.core.errors import StationError
from app.core.pipeline import BatchResult
from app.core.session import PageReady
from app.ui.app import current_language
from app.ui.capture_commands import CaptureCommands
from app.ui.capture_edits import CaptureEdits
from app.ui.capture_model import BatchSnapshot, PageEntry, ThumbCache, load_batch
from app.ui.capture_pages import PageStrip, thumbnail_icon
from app.ui.capture_preview import PreviewPanel
from app.ui.capture_profile import ProfileBar
from app.ui.capture_scan import scan_job
from app.ui.capture_texts import PageTexts
from app.ui.capture_trash import TrashPanel
from app.ui.session import UiSession
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
SCOPE = Qt.ShortcutContext.WidgetWithChildrenShortcut


class CaptureView(QWidget):
    """Scan into a new batch; pages appear live; then each page can be corrected in place."""

    def __init__(
        self,
        station: Station,
        runner: TaskRunner,
        parent: QWidget | None = None,
        session: UiSession | None = None,
    ) -> None:
        super().__init__(parent)
        self.station, self.runner, self.session = station, runner, session
        self.batch_id: int | None = None
        self.batch_name = ""
        self.snapshot: BatchSnapshot | None = None
        self._thumbs: ThumbCache = {}
        self._scan_cancel: CancelToken | None = None
        self.texts = PageTexts(self)
        self.edits = CaptureEdits(station, runner, session, self)
        self.edits.done.connect(self._on_edited)
        self.edits.failed.connect(self._show_problem)
        self.commands = CaptureCommands(self)
        self._build()
        self.profile.load_devices(self._on_devices_listed)

    # --- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.profile = ProfileBar(self.station, self.runner, self)
        self.device_combo = self.profile.device_combo
        self.scan_button = self._button(
            self.tr("&Scan"), "F5", self.tr("Start scanning"), self._on_scan_clicked
        )
        self.stop_button = self._button(
            self.tr("S&top"), "Esc", self.tr("Stop scanning"), self._on_stop_clicked
        )
        self.stop_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.profile, 1)
        top.addWidget(self.scan_button)
        top.addWidget(self.stop_button)
        self.pages = PageStrip()
        self.pages.setAccessibleName(self.tr("Scanned pages"))
        self.pages.currentRowChanged.connect(lambda _row: self._show_selected())
        self.pages.page_dropped.connect(self.commands.on_dropped)
        self.trash = TrashPanel()
        self.trash_list = self.trash.list
        self.trash_list.itemActivated.connect(lambda _item: self.commands.restore_selected())
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.pages, 1)
        column.addWidget(self.trash)
        self.preview = PreviewPanel(self.station, self.runner, self)
        self.preview.view.install_shortcuts(self)
        self.preview.crop_saved.connect(self.commands.on_crop_saved)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([470, 560])
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel(self.tr("Choose a scanner and press Scan (F5)."))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.commands.toolbar())
        layout.addWidget(split, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)

    def _button(self, text: str, key: str, name: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setShortcut(QKeySequence(key))
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    # --- scanning ----------------------------------------------------------------------------
    def _on_devices_listed(self, devices: list[Any]) -> None:
        if not devices:
            self.status.setText(self.tr("No scanner found. Check the cable and the driver."))

    def _on_scan_clicked(self) -> None:
        device = self.profile.device()
        if device is None:
            return
        settings = self.profile.settings()
        self.pages.clear()
        self.batch_id, self.snapshot = None, None
        self.scan_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.status.setText(self.tr("Scanning..."))

        user = self.session.user if self.session is not None else None
        task = self.runner.start(scan_job(self.station, device, settings, user))
        self._scan_cancel = task.cancel
        task.signals.item.connect(self._on_item)
        task.signals.progress.connect(self._on_progress)
        task.signals.finished.connect(self._on_processed)
        task.signals.failed.connect(lambda error: self._done(error.user_message(current_language())))

    def _on_stop_clicked(self) -> None:
        if self._scan_cancel is not None:
            self._scan_cancel.cancel()

    def _on_item(self, item: object) -> None:
        if isinstance(item, StationError):
            QMessageBox.warning(self, self.tr("Scanner"), item.user_message(current_language()))
            return
        assert isinstance(item, tuple)
        kind, payload = item
        if kind == "ready":
            self._add_live(payload)
        elif kind == "done":
            for row in range(self.pages.count()):
                if self.pages.page_id(row) == payload.page.id:
                    text = self.texts.describe(
                        payload.page.seq, payload.findings, payload.error is not None, None
                    )
                    self._paint(self.pages.item(row), text, self._thumbs.get(payload.page.sha256, b""), None)
        elif kind == "assembled":
            self.open_batch(payload.batch.id, payload.batch.name)

    def _add_live(self, ready: PageReady) -> None:
        self._thumbs[ready.page.sha256] = ready.thumbnail
        text = self.texts.describe(ready.page.seq, None, False, None)
        item = self.pages.add_page(
            ready.page.id, text.text, thumbnail_icon(ready.thumbnail, "", "", None, False), False
        )
        self.pages.scrollToItem(item)
        self.status.setText(self.tr("%1 pages scanned").replace("%1", str(self.pages.count())))

    def _on_progress(self, event: ProgressEvent) -> None:
        self.stop_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setMaximum(max(event.total, 1))
        self.progress.setValue(event.done)
        self.status.setText(self.tr("Reading the text of the pages..."))

    def _on_processed(self, result: BatchResult) -> None:
        if self.session is not None:
            self.session.changed("batches")  # the new batch, described, is ready for the other screens
        self._done(
            self.tr("%1 pages, %2 documents")
            .replace("%1", str(len(result.pages)))
            .replace("%2", str(len(result.documents)))
        )

    def _done(self, message: str) -> None:
        self.progress.setVisible(False)
        self.scan_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self._scan_cancel = None
        self.status.setText(message)

    # --- the batch on screen -----------------------------------------------------------------
    def open_batch(
        self, batch_id: int, name: str = "", select: int | None = None, announce: bool = True
    ) -> None:
        """Show a batch's pages from the store (after a scan, after each change, or from elsewhere);
        ``announce`` puts the batch's counts in the status line."""
        self.batch_id, self.batch_name = batch_id, name or self.batch_name
        thumbs, thumb = self._thumbs, self.station.cleaned_thumbnail
        keep = select if select is not None else self.pages.page_id()
        self.runner.start(
            lambda **_: load_batch(self.station, batch_id, thumbs, thumb),
            on_finished=lambda snap: self._show_batch(snap, keep, announce),
            on_failed=self._show_problem,
        )

    def _show_batch(self, snap: BatchSnapshot, select: int | None, announce: bool) -> None:
        if snap.batch_id != self.batch_id:
            return
        self.snapshot = snap
        if announce and self.scan_button.isEnabled():
            counts = self.tr("%1 pages, %2 documents").replace("%1", str(len(snap.entries) + len(snap.trash)))
            self.status.setText(f"{self.batch_name}: {counts.replace('%2', str(len(snap.documents)))}")
        self.pages.blockSignals(True)
        self.pages.clear()
        for entry in snap.entries:
            findings = entry.page.findings
            failed = entry.page.error_code is not None
            text = self.texts.describe(
                entry.page.seq, findings, failed, entry.doc_index, entry.page.scan_removed
            )
            item = self.pages.add_page(entry.page.id, "", thumbnail_icon(b"", "", "", None, False), False)
            self._paint(item, text, entry.thumbnail, entry.doc_index)
        self.pages.blockSignals(False)
        if select is None or not self.pages.select_page(select):
            self.pages.setCurrentRow(0 if self.pages.count() else -1)
        self.trash.show_entries(snap.trash)
        self._show_selected()

    def _paint(self, item: Any, text: Any, picture: bytes, doc_index: int | None) -> None:
        item.setText(text.text)
        item.setIcon(thumbnail_icon(picture, text.badge, text.badge_colour, doc_index, bool(text.warnings)))
        item.setForeground(Qt.GlobalColor.red if text.warnings else self.palette().text().color())

    def _selected(self) -> PageEntry | None:
        page_id = self.pages.page_id()
        return None if self.snapshot is None or page_id is None else self.snapshot.entry(page_id)

    def _show_selected(self) -> None:
        entry = self._selected()
        if entry is None or self.snapshot is None:
            self.preview.show_entry(None, self.tr("Select a page to see it large."), [])
            return
        doc = self.snapshot.document(entry.doc_id) if entry.doc_id is not None else None
        position = doc.page_ids.index(entry.page.id) if doc is not None else 0
        caption = self.texts.caption(
            entry.page.seq, entry.doc_index, position, len(doc.page_ids) if doc else 0
        )
        warnings = self.texts.warnings(entry.page.findings) if entry.page.findings else []
        self.preview.show_entry(entry, caption, warnings)

    def _on_edited(self, message: str, select: int) -> None:
        self.status.setText(message)
        if self.session is not None:
            self.session.changed("documents")
        if self.batch_id is not None:
            self.open_batch(self.batch_id, select=select if select >= 0 else None, announce=False)

    def _show_problem(self, problem: object) -> None:
        text = problem.user_message(current_language()) if isinstance(problem, StationError) else str(problem)
        self.status.setText(text)
