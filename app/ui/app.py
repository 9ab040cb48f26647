"""Start the Qt application: translations, first-run setup, the main window (which asks for a login)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialog

from app.bootstrap import Station

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = ("vi", "en")
LANGUAGE_FILE = "ui-language.txt"  # in the station's data folder: the language chosen last time

_installed: dict[str, QTranslator | str | None] = {"translator": None, "language": "en"}


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Load the .qm of ``language`` (source strings are English; Vietnamese is the default)."""
    _installed["language"] = language
    if language == "en":
        return None
    translator = QTranslator(app)
    if translator.load(QLocale(language), "sohoa", "_", str(I18N_DIR)):
        app.installTranslator(translator)
        _installed["translator"] = translator
        return translator
    return None


def switch_language(language: str) -> None:
    """Replace the installed translation; Qt then sends LanguageChange to every widget."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old = _installed["translator"]
    if isinstance(old, QTranslator):
        app.removeTranslator(old)
        _installed["translator"] = None
    if install_translator(app, language) is None:
        # No translator to install (English): removing the old one already sent LanguageChange.
        _installed["language"] = language
    log.info("UI language switched to %s", language)


def remember_language(data_dir: Path, language: str) -> None:
    """Keep the chosen UI language for the next start (a runner job: it writes a file)."""
    if language in LANGUAGES:
        (data_dir / LANGUAGE_FILE).write_text(language, encoding="utf-8")


def startup_language(station: Station) -> str:
    """SOHOA_LANG when set, else the language chosen last time on this station, else its default."""
    if os.environ.get("SOHOA_LANG") in LANGUAGES:
        return str(os.environ["SOHOA_LANG"])
    try:
        remembered = (station.data_dir / LANGUAGE_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        remembered = ""
    return remembered if remembered in LANGUAGES else station.settings.language


def current_language() -> str:
    """The language the UI shows now: "vi" or "en"."""
    return str(_installed["language"])


def run_gui(station: Station, argv: list[str]) -> int:
    from app.ui.main_window import MainWindow
    from app.ui.setup_wizard import SetupWizard

    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Trạm Số hóa")
    install_translator(app, startup_language(station))
    try:
        if not station.store.accounts.has_accounts():
            wizard = SetupWizard(station)
            if wizard.exec() != QDialog.DialogCode.Accepted:
                return 0
        window = MainWindow(station)
        window.show()
        window.ask_login()
        return app.exec()
    finally:
        station.close()
