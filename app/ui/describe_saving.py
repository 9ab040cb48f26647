"""Validating and saving on the describe screen: problems, the record stored on the runner, unsaved edits."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt

from app.core.models import DocumentState
from app.core.records import DocumentRecord, IssuerRef
from app.core.validators import parse_iso, validate_record
from app.ui.describe_data import DocumentSummary
from app.ui.describe_form import DATE_TYPES
from app.ui.describe_scope import ScopeDialog
from app.ui.describe_unsaved import Problems, Snapshot

if TYPE_CHECKING:
    from app.ui.describe_view import DescribeView

log = logging.getLogger(__name__)


class DescribeSaving:
    """Checks the form, turns it into a ``DocumentRecord``, stores it and brings the screen up to date;
    the unsaved-edits guard's view of the screen (``describe_unsaved.DescribeScreen``)."""

    def __init__(self, view: DescribeView) -> None:
        self.view = view

    # ---- validation ---------------------------------------------------------------------------
    def problems(self) -> Problems:
        """Vietnamese messages per field key for the form as it stands."""
        doctype, values = self.view.current_doctype(), self.view.values()
        found = validate_record(doctype, values, date.today())
        invalid_date = QCoreApplication.translate(
            "DescribeView", "Invalid date: type it as day/month/year (e.g. 01/02/2019)."
        )
        for spec in doctype.fields:
            value = values.get(spec.key, "")
            if spec.type in DATE_TYPES and value and parse_iso(value) is None:
                found[spec.key] = [invalid_date]
        return found

    def validate(self) -> Problems:
        view = self.view
        view.validate_timer.stop()
        found = self.problems()
        view.form.show_problems(found)
        agency = next((f.key for f in view.current_doctype().fields if f.type == "agency"), "")
        view.issuer.show_messages(found.get(agency, []))
        return found

    def explain(self, found: Problems) -> None:
        """Say which fields block saving and put the cursor in the first of them."""
        doctype = self.view.current_doctype()
        names = ", ".join(spec.label_vi for spec in doctype.fields if spec.key in found)
        not_saved = QCoreApplication.translate("DescribeView", "Not saved: check %1.")
        self.view.say(not_saved.replace("%1", names), error=True)
        self.focus_field(next((spec.key for spec in doctype.fields if spec.key in found), ""))

    def focus_field(self, key: str) -> None:
        row = self.view.form.rows.get(key)
        editor = row.editor if row is not None else self.view.issuer.printed
        editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- saving -------------------------------------------------------------------------------

    def save(self, *, then_next: bool = False) -> None:
        view = self.view
        if view.loaded is None or not view.can_edit():
            return
        found = self.validate()
        if found:
            self.explain(found)
            return
        self.store(self.record(), (lambda: view.go(+1)) if then_next else None)

    def record(self, **changes: Any) -> DocumentRecord:
        view = self.view
        assert view.loaded is not None
        printed = view.issuer.text()
        issuer = view.issuer_ref if view.issuer_ref.printed == printed else IssuerRef(printed)
        record = replace(
            view.loaded.record,
            doc_type=view.current_doctype().code,
            fields=view.values(),
            issuer=issuer if issuer.printed else None,
        )
        return replace(record, **changes) if changes else record

    def store(self, record: DocumentRecord, after: Callable[[], None] | None) -> None:
        view = self.view
        user, store = view.session.user, view.session.station.store
        view.save_button.setEnabled(False)
        view.guard.started(after)
        view.saves += 1

        def work(**_: Any) -> tuple[DocumentRecord, DocumentState]:
            document = store.get_document(record.document_id)
            texts = [page.text for i in document.page_ids if (page := store.read_ocr(i)) is not None]
            return record, store.review.describe(user, record, "\n".join(texts))

        view.run(work, lambda result: self.saved(result[0], result[1]), self.save_failed)

    def save_failed(self, error: object) -> None:
        self.view.guard.save_failed()  # the edits stay in the form, still unsaved, and nothing moves on
        self.view.on_failed(error)

    def saved(self, record: DocumentRecord, state: DocumentState) -> None:
        view = self.view
        shown = view.loaded is not None and view.loaded.document.id == record.document_id
        after = view.guard.saved((record.doc_type, dict(record.fields)) if shown else None)
        if view.loaded is None or not shown:
            return
        view.loaded.record = record
        view.loaded.document.state = state
        item = view.documents.item_of(record.document_id)
        summary = item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else None
        if item is not None and isinstance(summary, DocumentSummary):
            view.documents.update_item(
                item, replace(summary, state=state, doc_type=record.doc_type), view.doctypes
            )
        view.save_button.setEnabled(view.can_edit())
        view.show_scope(record)
        number = str(view.loaded.document.index + 1)
        view.say(QCoreApplication.translate("DescribeView", "Saved: document %1.").replace("%1", number))
        view.session.changed("documents")
        if after is not None:
            after()

    # ---- unsaved edits (see describe_unsaved) --------------------------------------------------
    def snapshot(self) -> Snapshot | None:
        """The form as it would be stored; None when nothing editable is shown."""
        view = self.view
        if view.loaded is None or not view.doctypes or not view.can_edit():
            return None
        return view.current_doctype().code, view.values()

    def store_form(self, after: Callable[[], None] | None) -> None:
        self.store(self.record(), after)

    def revert(self) -> None:
        """Discard the edits: the form shows the stored record again."""
        view = self.view
        if view.loaded is not None:
            view.fill(view.loaded)
            view.status.clear()

    def ask_about(self, found: Problems) -> str:
        view = self.view
        doctype = view.current_doctype()
        lines = [
            f"{spec.label_vi}: {' '.join(found[spec.key])}" for spec in doctype.fields if spec.key in found
        ]
        number = view.loaded.document.index + 1 if view.loaded is not None else 0
        title = QCoreApplication.translate("DescribeView", "Document %1").replace("%1", str(number))
        return view.ask_unsaved(title, lines)

    def mark_out_of_scope(self) -> None:
        """Ask why the paper is out of scope; store the flag with the record (not counted any more)."""
        view = self.view
        user = view.session.user
        if view.loaded is None or user is None or not view.scope_button.isEnabled():
            return
        dialog = ScopeDialog(user.login, view)
        if dialog.exec() and (flag := dialog.flag()) is not None:
            self.store(self.record(scope_flags=[*view.loaded.record.scope_flags, flag]), None)
