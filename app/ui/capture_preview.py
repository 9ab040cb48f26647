"""The scan screen's large preview: the cleaned page (zoom, pan), its warnings, and the crop editor."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.bootstrap import Station
from app.core.models import Page
from app.ui.capture_model import PageEntry
from app.ui.crop_editor import CropEditor, Quad
from app.ui.page_view import PageView
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

CROP_KEYS = (
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Escape,
)
WARN_STYLE = "background:#fce8e6; color:#a50e0e; border:1px solid #f28b82; border-radius:4px; padding:6px;"


class PreviewPanel(QWidget):
    """Shows one page; ``crop_saved(page id, quad)`` when the user keeps an edited outline."""

    crop_saved = Signal(int, object)

    def __init__(self, station: Station, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station, self.runner = station, runner
        self.entry: PageEntry | None = None
        self._request = 0
        self.warning = QLabel()
        self.warning.setStyleSheet(WARN_STYLE)
        self.warning.setWordWrap(True)
        self.warning.setVisible(False)
        self.warning.setAccessibleName(self.tr("Page quality warnings"))
        self.caption = QLabel(self.tr("Select a page to see it large."))
        self.caption.setWordWrap(True)
        self.view = PageView(self, shortcuts=False)
        self.crop = CropEditor(self.view)
        self.view.installEventFilter(self)
        self.save_crop = QPushButton(self.tr("Save outline (Enter)"))
        self.save_crop.setAccessibleName(self.tr("Save the paper outline"))
        self.cancel_crop = QPushButton(self.tr("Cancel (Esc)"))
        self.cancel_crop.setAccessibleName(self.tr("Cancel editing the paper outline"))
        self.save_crop.clicked.connect(self.finish_crop)
        self.cancel_crop.clicked.connect(self.cancel_cropping)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_crop)
        buttons.addWidget(self.cancel_crop)
        self._crop_bar = QWidget()
        self._crop_bar.setLayout(buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        self._crop_bar.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.warning)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        layout.addWidget(self._crop_bar)

    @property
    def cropping(self) -> bool:
        return self.crop.active

    def show_entry(self, entry: PageEntry | None, caption: str, warnings: list[str]) -> None:
        """Show the cleaned page of ``entry`` (loaded on the runner); warnings in the red strip."""
        self.cancel_cropping()
        self.entry = entry
        self.caption.setText(caption)
        self.warning.setText(self.tr("Check this page now: %1").replace("%1", ", ".join(warnings)))
        self.warning.setVisible(bool(warnings))
        if entry is None:
            self.view.set_image(None)
            return
        self._load(entry.page, cleaned=True, then=lambda image: self.view.set_image(image))

    def start_crop(self) -> bool:
        """Show the raw scan with the paper outline's four handles; False when no page is shown."""
        entry = self.entry
        if entry is None or entry.page.findings is None:
            return False
        findings = entry.page.findings

        def shown(image: QImage) -> None:
            self.view.set_image(image)
            self.crop.start(findings.page_quad, float(image.width()), float(image.height()))
            self.caption.setText(
                self.tr("Raw scan: drag the corners onto the paper (Tab picks a corner, arrows move it).")
            )
            self._crop_bar.setVisible(True)
            self.view.setFocus()

        self._load(entry.page, cleaned=False, then=shown)
        return True

    def finish_crop(self) -> None:
        if self.entry is None or not self.crop.active:
            return
        quad: Quad = self.crop.quad()
        page_id = self.entry.page.id
        self._end_crop()
        self.crop_saved.emit(page_id, quad)

    def cancel_cropping(self) -> None:
        if self.crop.active:
            self._end_crop()
            if self.entry is not None:
                self._load(self.entry.page, cleaned=True, then=lambda image: self.view.set_image(image))

    def _end_crop(self) -> None:
        self.crop.stop()
        self._crop_bar.setVisible(False)

    def _load(self, page: Page, cleaned: bool, then: Any) -> None:
        self._request += 1
        request = self._request

        def job(**_: Any) -> bytes:
            return self.station.cleaned_page(page if cleaned else replace(page, findings=None))

        def done(data: bytes) -> None:
            if request == self._request:
                then(QImage.fromData(data))

        self.runner.start(job, on_finished=done)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """While the outline is edited, the view's keys move corners instead of scrolling."""
        if self.crop.active and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            if event.type() == QEvent.Type.ShortcutOverride:
                if event.key() in CROP_KEYS and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    event.accept()  # keep Enter/Esc/arrows from window shortcuts while editing
                    return True
                return False
            return self._crop_key(event.key(), event.modifiers())
        return super().eventFilter(watched, event)

    def _crop_key(self, key: int, mods: Qt.KeyboardModifier) -> bool:
        if key not in CROP_KEYS:
            return False
        step = 10.0 if mods & Qt.KeyboardModifier.ShiftModifier else 1.0
        moves = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, -step),
            Qt.Key.Key_Down: (0.0, step),
        }
        if key in moves:
            self.crop.nudge(*moves[Qt.Key(key)])
        elif key == Qt.Key.Key_Tab:
            self.crop.select_next()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish_crop()
        elif key == Qt.Key.Key_Escape:
            self.cancel_cropping()
        else:
            return False
        return True
