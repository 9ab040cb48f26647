"""Start the Qt application: translations, the station's services, the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.bootstrap import Station

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Load the .qm of ``language`` (source strings are English; Vietnamese is the default)."""
    if language == "en":
        return None
    translator = QTranslator(app)
    if translator.load(QLocale(language), "sohoa", "_", str(I18N_DIR)):
        app.installTranslator(translator)
        return translator
    return None


def run_gui(station: Station, argv: list[str]) -> int:
    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Trạm Số hóa")
    install_translator(app, station.settings.language)
    window = MainWindow(station)
    window.show()
    try:
        return app.exec()
    finally:
        station.close()
