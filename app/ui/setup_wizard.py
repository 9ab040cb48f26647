"""First run: the setup wizard asks for the station, its agency, the central repository, the first admin."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget, QWizard, QWizardPage

from app.bootstrap import Station
from app.core.accounts import AccountError, Role, User, check_new_account
from app.core.station_config import StationConfig, check_config
from app.ui.agency_picker import AgencyPicker
from app.ui.nav import error_text
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #b3261e;")
    label.setWordWrap(True)
    return label


def upper_as_typed(edit: QLineEdit) -> None:
    def fix(text: str) -> None:
        if text != text.upper():
            position = edit.cursorPosition()
            edit.setText(text.upper())
            edit.setCursorPosition(position)

    edit.textEdited.connect(fix)


class StationPage(QWizardPage):
    def __init__(self, runner: TaskRunner, station: Station) -> None:
        super().__init__()
        self.setTitle(self.tr("The station"))
        self.setSubTitle(self.tr("Give the station a code and choose the commune or ward it serves."))
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Station code"))
        self.code.setPlaceholderText(self.tr("e.g. HN-DATON-01"))
        upper_as_typed(self.code)
        self.agency = AgencyPicker(runner, station.data_dir)
        self.error = _error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Station &code:"), self.code)
        form.addRow(self.tr("&Agency:"), self.agency)
        form.addRow(self.error)

    def config(self) -> StationConfig:
        return StationConfig(station_code=self.code.text().strip(), agency_key=self.agency.agency_key())

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        problems = check_config(self.config())
        self.error.setText("\n".join(problems))
        return not problems


class CentralPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Central repository"))
        self.setSubTitle(self.tr("Where the station sends finished records. This can be entered later."))
        self.url = QLineEdit()
        self.url.setAccessibleName(self.tr("Central repository address"))
        self.url.setPlaceholderText("https://kho.example.vn:8443")
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(self.tr("Access token"))
        self.error = _error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("&Address:"), self.url)
        form.addRow(self.tr("Access &token:"), self.token)
        form.addRow(QLabel(self.tr("Optional: leave both empty and enter them later in Settings.")))
        form.addRow(self.error)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        config = StationConfig(station_code="XX", agency_key="x", central_url=self.url.text().strip())
        problems = check_config(config)
        self.error.setText("\n".join(problems))
        return not problems


class AdminPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("First administrator"))
        self.setSubTitle(self.tr("This account manages the other accounts and the settings."))
        self.login = QLineEdit()
        self.login.setAccessibleName(self.tr("Login"))
        self.full_name = QLineEdit()
        self.full_name.setAccessibleName(self.tr("Full name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("Password again"))
        self.error = _error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Full name:"), self.full_name)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("Password a&gain:"), self.again)
        form.addRow(self.error)

    def problem(self) -> str:
        try:
            check_new_account(
                self.login.text().strip().lower(), self.password.text(), frozenset({Role.ADMIN})
            )
        except AccountError as exc:
            return error_text(exc)
        if not self.full_name.text().strip():
            return self.tr("Enter the administrator's full name.")
        if self.password.text() != self.again.text():
            return self.tr("The two passwords differ. Type the same password twice.")
        return ""

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self._wizard.admin is not None:
            return True
        problem = self.problem()
        self.error.setText(problem)
        if not problem:
            self._wizard.save()
        return False


class SetupWizard(QWizard):
    """Saves the settings and the first administrator on the task runner; ``admin`` is set when done."""

    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.runner = TaskRunner()
        self.admin: User | None = None
        self.setWindowTitle(self.tr("Set up the digitisation station"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.station_page = StationPage(self.runner, station)
        self.central_page = CentralPage()
        self.admin_page = AdminPage(self)
        for page in (self.station_page, self.central_page, self.admin_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.resize(720, 520)

    def config(self) -> StationConfig:
        return self.station_page.config().with_changes(
            central_url=self.central_page.url.text().strip(), central_token=self.central_page.token.text()
        )

    def save(self) -> None:
        store, config, page = self.station.store, self.config(), self.admin_page
        login, name, password = page.login.text().strip().lower(), page.full_name.text(), page.password.text()

        def job(**_: Any) -> User:
            store.config.save(None, config, setup=True)
            return store.accounts.create(None, login, name, password, frozenset({Role.ADMIN}))

        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        task = self.runner.start(job)
        task.signals.finished.connect(self._on_saved)
        task.signals.failed.connect(self._on_failed)

    def _on_saved(self, admin: User) -> None:
        self.admin = admin
        log.info("station set up; first administrator created")
        self.accept()

    def _on_failed(self, error: object) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.admin_page.error.setText(error_text(error))

    def done(self, result: int) -> None:
        self.runner.wait()
        super().done(result)
