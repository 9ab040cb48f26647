"""The review screen's decisions, run on the runner: approve (key first), return with reason, approve all."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from app.core.models import DocumentState
from app.ui import review_data as data
from app.ui.review_dialogs import RejectDialog, approve_all_box

if TYPE_CHECKING:
    from app.ui.review_view import ReviewView

log = logging.getLogger(__name__)


class ReviewDecisions:
    """Runs the supervisor's decisions on the shown document (or the whole batch) and reports back;
    the view's buttons stay disabled (``view._busy``) while one is on its way."""

    def __init__(self, view: ReviewView) -> None:
        self.view = view

    def waiting_ids(self) -> list[int]:
        return [i.id for i in self.view.items if i.state is DocumentState.SUBMITTED]

    def update_buttons(self) -> None:
        """Decisions are possible on a submitted document, one at a time."""
        view = self.view
        ready = view.detail is not None and view.detail.state is DocumentState.SUBMITTED and not view._busy
        view.approve_button.setEnabled(ready)
        view.reject_button.setEnabled(ready)
        view.all_button.setEnabled(bool(self.waiting_ids()) and not view._busy)

    def title(self) -> str:
        detail = self.view.detail
        assert detail is not None
        number = QCoreApplication.translate("ReviewView", "Document %1").replace("%1", str(detail.number))
        return f"{number} — {detail.type_label}" if detail.type_label else number

    # --- approve -----------------------------------------------------------------------------------
    def approve_current(self) -> None:
        view = self.view
        if not view.approve_button.isEnabled() or view.detail is None or view.session.user is None:
            return
        done = QCoreApplication.translate("ReviewView", "%1: approved and signed.").replace(
            "%1", self.title()
        )
        self.with_key(partial(self.approve_one, view.detail.id, done))

    def approve_one(self, doc_id: int, done: str, secret: str | None) -> None:
        view = self.view
        station, user, doctypes = view.session.station, view.session.user, view.doctypes
        if user is None:
            self.key_cancelled()
            return
        job = partial(data.approve_one, station, user, doc_id, doctypes, secret)
        self.run(lambda **_kw: job(), doc_id, done)

    def with_key(self, proceed: Callable[[str | None], None]) -> None:
        """Open the signing key first (asking for its passphrase or PIN if locked), then ``proceed``."""
        self.view._busy = True
        self.update_buttons()
        self.view.secret_gate.run(proceed, self.decision_failed, self.key_cancelled)

    def key_cancelled(self) -> None:
        self.view._busy = False
        self.update_buttons()

    def approve_remaining(self) -> None:
        view = self.view
        waiting = self.waiting_ids()
        if not waiting or view._busy:
            return
        view.confirm = approve_all_box(len(waiting), view)
        view.confirm.accepted.connect(partial(self.with_key, partial(self.approve_all, waiting)))
        self.open_modal(view.confirm)

    def approve_all(self, waiting: list[int], secret: str | None) -> None:
        view = self.view
        user, station, doctypes = view.session.user, view.session.station, view.doctypes
        if user is None:
            self.key_cancelled()
            return

        def job(progress: Any, cancel: Any, **_kw: Any) -> Any:
            return data.approve_all(
                station, user, waiting, doctypes, secret=secret, progress=progress, cancel=cancel
            )

        view.progress.setRange(0, len(waiting))
        view.progress.setValue(0)
        view.progress.show()
        self.run(job, None, "", on_progress=lambda e: view.progress.setValue(e.done))

    # --- return to the officer ---------------------------------------------------------------------
    def reject_current(self) -> None:
        view = self.view
        if not view.reject_button.isEnabled() or view.detail is None:
            return
        view.dialog = RejectDialog(self.title(), view)
        view.dialog.accepted.connect(self.reject_reason_given)
        self.open_modal(view.dialog)

    def reject_reason_given(self) -> None:
        view = self.view
        if view.dialog is None or view.detail is None or view.session.user is None:
            return
        reason, title = view.dialog.reason_text(), self.title()
        station, user, doc_id = view.session.station, view.session.user, view.detail.id
        done = QCoreApplication.translate("ReviewView", "%1: returned to the officer.").replace("%1", title)
        self.run(lambda **_kw: data.reject_one(station, user, doc_id, reason), doc_id, done)

    def open_modal(self, dialog: QDialog) -> None:
        """The screen's own shortcuts pause while a dialog is open (its Ctrl+Enter is the dialog's)."""
        self.view.enable_shortcuts(False)
        dialog.finished.connect(lambda _result: self.view.enable_shortcuts(True))
        dialog.open()

    # --- running and reporting ---------------------------------------------------------------------
    def run(
        self, job: Any, doc_id: int | None, done_text: str, on_progress: Callable[[Any], None] | None = None
    ) -> None:
        view = self.view
        view._busy = True
        self.update_buttons()
        view.session.runner.start(
            job,
            partial(self.decided, doc_id, done_text),
            self.decision_failed,
            owner=view,
            on_progress=on_progress,
        )

    def decided(self, doc_id: int | None, done_text: str, result: object) -> None:
        view = self.view
        view._busy = False
        view.progress.hide()
        if isinstance(result, data.ApproveAllOutcome):
            done_text = QCoreApplication.translate("ReviewView", "Approved and signed %1 documents.").replace(
                "%1", str(len(result.approved))
            )
            numbers = {i.id: i.number for i in view.items}
            for failed_id, why in result.failed:
                line = QCoreApplication.translate("ReviewView", "Document %1: %2").replace(
                    "%1", str(numbers.get(failed_id, failed_id))
                )
                done_text += "\n" + line.replace("%2", why)
        view.show_message(done_text, not isinstance(result, data.ApproveAllOutcome) or not result.failed)
        view.advance_from = doc_id
        view.session.changed("documents")

    def decision_failed(self, error: object) -> None:
        view = self.view
        view._busy = False
        view.progress.hide()
        self.update_buttons()
        view.show_error(error)
