"""First run: the setup wizard asks for the station, its agency, the central repository, the first admin."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget, QWizard, QWizardPage

from app.bootstrap import Station
from app.core.accounts import Role, User
from app.core.problems import texts
from app.core.station_config import StationConfig, config_problems
from app.ui.account_fields import AccountFields, error_label
from app.ui.agency_picker import AgencyPicker
from app.ui.app import current_language
from app.ui.nav import error_text
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


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
        self.error = error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Station &code:"), self.code)
        form.addRow(self.tr("&Agency:"), self.agency)
        form.addRow(self.error)

    def config(self) -> StationConfig:
        return StationConfig(station_code=self.code.text().strip(), agency_key=self.agency.agency_key())

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        problems = texts(config_problems(self.config()), current_language())
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
        self.error = error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("&Address:"), self.url)
        form.addRow(self.tr("Access &token:"), self.token)
        form.addRow(QLabel(self.tr("Optional: leave both empty and enter them later in Settings.")))
        form.addRow(self.error)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        config = StationConfig(station_code="XX", agency_key="x", central_url=self.url.text().strip())
        problems = texts(config_problems(config), current_language())
        self.error.setText("\n".join(problems))
        return not problems


class AdminPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("First administrator"))
        self.setSubTitle(self.tr("This account manages the other accounts and the settings."))
        self.fields = AccountFields(self)
        self.login, self.full_name = self.fields.login, self.fields.full_name
        self.password, self.again = self.fields.password, self.fields.again
        self.error = error_label()
        form = QFormLayout(self)
        self.fields.add_rows(form)
        form.addRow(self.error)

    def problem(self) -> str:
        return self.fields.problem(frozenset({Role.ADMIN}), self.tr("Enter the administrator's full name."))

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
