"""A signing key protected by a passphrase: the station asks for it once per session before signing,
asks again (with the error) when it is wrong, signs with it, and never asks for the demo keys."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app import approval
from app.bootstrap import Station
from app.core.accounts import User
from app.core.models import DocumentState
from app.pdf.certs import CertificateAuthority, issue_person_cert, make_test_ca, write_pkcs12
from app.pdf.verify import verify_pdf
from app.ui.session import SessionSignals, UiSession
from app.ui.tasks import TaskRunner
from tests.ui.test_review_flow import login, processed_station

PASSPHRASE = "Khóa bí mật 2026"
LOCKED_VI = "Khóa ký số cần mật khẩu hoặc mật khẩu không đúng"


class Typist:
    """Stands in for the password dialog: answers in turn (None = Cancel), remembers what it was shown."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.shown: list[str] = []

    def __call__(self, error: str) -> str | None:
        self.shown.append(error)
        assert self.answers, "the station asked for the passphrase once more than expected"
        return self.answers.pop(0)


@pytest.fixture(scope="module")
def ca() -> CertificateAuthority:
    return make_test_ca()


@pytest.fixture
def station(fresh_data_dir: Path) -> Iterator[Station]:
    """The demo station with its processed batch (two documents), described by the officer."""
    station = processed_station(fresh_data_dir)
    officer = login(station, "canbo")
    for doc in station.store.list_documents(1):
        station.store.review.describe(officer, station.store.records.get_record(doc.id))
    yield station
    station.close()


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.cancel_all()
    runner.wait()


def lock_key(station: Station, ca: CertificateAuthority, folder: Path, login_name: str) -> User:
    """Give the account a new .p12 protected by PASSPHRASE, as the administrator would."""
    admin, user = login(station, "quantri"), login(station, login_name)
    key, cert = issue_person_cert(ca, user.full_name)
    p12 = write_pkcs12(folder / f"{login_name}.p12", key, cert, [ca.cert], PASSPHRASE)
    station.store.accounts.set_signer(admin, user.id, {"kind": "pkcs12", "pkcs12_path": str(p12)})
    return user


def states(station: Station) -> list[DocumentState]:
    return [d.state for d in station.store.list_documents(1)]


def home_screen(qtbot, session: UiSession, typist: Typist):  # type: ignore[no-untyped-def]
    from app.ui.batches_view import BatchesView

    view = BatchesView(session)
    qtbot.addWidget(view)
    view.secret_gate.ask = typist
    view.resize(1100, 600)
    view.show()
    qtbot.waitUntil(lambda: view.selected_batch_id() == 1 and view.submit_button.isEnabled(), timeout=5000)
    return view


def wait_for_table(qtbot, view, waiting_review: int) -> None:  # type: ignore[no-untyped-def]
    """The table shows the new counts: the reload after submitting is done (none left in flight)."""
    qtbot.waitUntil(lambda: view.table.item(0, 5).text() == str(waiting_review), timeout=10000)


def test_batch_submit_asks_once_retries_a_wrong_passphrase_and_remembers_it(
    qtbot,
    station: Station,
    runner: TaskRunner,
    ca: CertificateAuthority,
    tmp_path: Path,
    vietnamese: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    officer = lock_key(station, ca, tmp_path, "canbo")
    session = UiSession(station, runner, officer)
    typist = Typist("sai mật khẩu", PASSPHRASE)
    view = home_screen(qtbot, session, typist)

    view.submit_button.click()
    qtbot.waitUntil(lambda: states(station) == [DocumentState.SUBMITTED] * 2, timeout=30000)
    assert typist.shown[0] == ""  # the first time: just the question
    assert typist.shown[1].startswith(LOCKED_VI)  # after a wrong one: the error, then the question
    qtbot.waitUntil(lambda: view.message.text() == "Đã ký số và trình duyệt 2 tài liệu.", timeout=5000)
    for doc in station.store.list_documents(1):
        [signature] = verify_pdf(station.store.read_blob(doc.pdf_sha256), [ca.cert])
        assert signature.ok and signature.signer_name == "Nguyễn Thị Lan"

    # Returned and corrected: the second submit of the session signs without asking again.
    first = station.store.list_documents(1)[0].id
    station.store.review.reject(login(station, "lanhdao"), first, "Sai ngày sinh, đối chiếu lại bản giấy")
    station.store.review.describe(officer, station.store.records.get_record(first))
    view.refresh()
    qtbot.waitUntil(lambda: view.submit_button.isEnabled(), timeout=5000)
    view.submit_button.click()
    qtbot.waitUntil(lambda: station.store.get_document(first).state is DocumentState.SUBMITTED, timeout=30000)
    assert len(typist.shown) == 2
    wait_for_table(qtbot, view, waiting_review=2)
    assert PASSPHRASE not in caplog.text and "sai mật khẩu" not in caplog.text

    session.set_user(None)  # logging out forgets it
    assert session.signing_secret is None


def test_cancel_leaves_the_documents_described(
    qtbot, station: Station, runner: TaskRunner, ca: CertificateAuthority, tmp_path: Path, vietnamese: None
) -> None:
    officer = lock_key(station, ca, tmp_path, "canbo")
    typist = Typist(None)
    view = home_screen(qtbot, UiSession(station, runner, officer), typist)
    before = [d.pdf_sha256 for d in station.store.list_documents(1)]

    view.submit_button.click()
    qtbot.waitUntil(lambda: typist.shown == [""] and view.submit_button.isEnabled(), timeout=10000)
    assert states(station) == [DocumentState.DESCRIBED] * 2
    assert [d.pdf_sha256 for d in station.store.list_documents(1)] == before
    assert view.progress.isHidden() and view.session.signing_secret is None


def test_the_demo_keys_never_ask(qtbot, station: Station, runner: TaskRunner, vietnamese: None) -> None:
    typist = Typist()  # any question fails the test
    view = home_screen(qtbot, UiSession(station, runner, login(station, "canbo")), typist)
    view.submit_button.click()
    qtbot.waitUntil(lambda: states(station) == [DocumentState.SUBMITTED] * 2, timeout=30000)
    assert typist.shown == []
    wait_for_table(qtbot, view, waiting_review=2)


def test_supervisor_approves_one_then_all_asked_once(
    qtbot, station: Station, runner: TaskRunner, ca: CertificateAuthority, tmp_path: Path, vietnamese: None
) -> None:
    from app.ui.review_view import ReviewView

    officer = login(station, "canbo")  # demo key, no passphrase
    for doc in station.store.list_documents(1):
        approval.submit(station.store, officer, doc.id, None)
    supervisor = lock_key(station, ca, tmp_path, "lanhdao")
    view = ReviewView(UiSession(station, runner, supervisor, SessionSignals()))
    qtbot.addWidget(view)
    typist = Typist(PASSPHRASE)
    view.secret_gate.ask = typist
    view.resize(1280, 800)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None and view.approve_button.isEnabled(), timeout=10000)

    view.approve_button.click()
    approved = lambda: states(station).count(DocumentState.APPROVED) == 1  # noqa: E731
    qtbot.waitUntil(lambda: approved() or view.message.text() != "", timeout=30000)
    assert approved(), view.message.text()
    qtbot.waitUntil(lambda: view.all_button.isEnabled(), timeout=10000)
    view.all_button.click()
    qtbot.waitUntil(lambda: view.confirm is not None and view.confirm.isVisible(), timeout=5000)
    view.confirm.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: states(station) == [DocumentState.APPROVED] * 2, timeout=30000)
    assert typist.shown == [""]
    qtbot.waitUntil(  # the screen shows it too (and has no reload left in flight when the test ends)
        lambda: view.detail is not None and view.detail.state is DocumentState.APPROVED and not view._busy,
        timeout=10000,
    )
    assert view.waiting.text() == "Còn 0 tài liệu chờ duyệt"
    for doc in station.store.list_documents(1):
        reports = verify_pdf(station.store.read_blob(doc.pdf_sha256), [ca.cert])
        assert reports[-1].signer_name == "Trần Văn Minh" and reports[-1].intact
