"""The station's main window: hosts the screens; kept small on purpose."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QWidget

from app.bootstrap import Station
from app.ui.capture_view import CaptureView
from app.ui.tasks import TaskRunner


class MainWindow(QMainWindow):
    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.runner = TaskRunner()
        title = self.tr("Digitisation Station")
        if station.settings.profile == "demo":
            title += " — " + self.tr("demo")
        self.setWindowTitle(title)
        self.capture_view = CaptureView(station, self.runner, self)
        self.setCentralWidget(self.capture_view)
        self.resize(1100, 760)
        self.statusBar().showMessage(self.tr("Data folder: %1").replace("%1", str(station.data_dir)))

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt override
        self.runner.cancel_all()
        self.runner.wait()
        super().closeEvent(event)
