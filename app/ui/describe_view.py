"""The describe screen: a batch's documents, the page with the field's region, and the type's form."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.accounts import Action
from app.core.doctypes import DocType
from app.core.errors import StationError
from app.core.models import Batch, DocumentState
from app.core.problems import texts
from app.core.records import DocumentRecord, IssuerRef
from app.core.scope import label as scope_label
from app.core.validators import parse_iso, record_problems
from app.ui import describe_data as data
from app.ui.app import current_language
from app.ui.describe_data import DocumentSummary, IssuerShown, LoadedDocument
from app.ui.describe_form import DATE_TYPES, DescribeForm
from app.ui.describe_issuer import IssuerBlock
from app.ui.describe_panel import DocumentList, PagePane
from app.ui.describe_scope import ScopeDialog
from app.ui.describe_unsaved import Problems, Snapshot, UnsavedGuard, ask_with_dialog
from app.ui.nav import error_text
from app.ui.session import UiSession

log = logging.getLogger(__name__)

VALIDATE_DELAY_MS = 250
GENERIC = "generic"


class DescribeView(QWidget):
    """Officers fill or correct each document's data entirely from the keyboard, then save."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.doctypes: dict[str, DocType] = {}
        self.loaded: LoadedDocument | None = None
        self.issuer_ref = IssuerRef("")
        self._want_batch: int | None = None
        self.guard = UnsavedGuard(self)
        self._saves = 0  # saves started: a document read before the latest save is stale
        self._pending_move: int | None = None  # the document to show once the edits are settled
        self._loading: int | None = None  # the document being read for the form (one read at a time)
        # The question asked when edits cannot be saved: (title, problem lines) -> "discard" | "stay".
        self.ask_unsaved: Callable[[str, list[str]], str] = lambda title, lines: ask_with_dialog(
            self, title, lines
        )
        self._validate_timer = QTimer(self, singleShot=True, interval=VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate)
        self._build()
        self._shortcuts()
        session.signals.data_changed.connect(self._on_data_changed)
        self._run(lambda **_: (data.load_doctype_table(), data.load_batches(session.station)), self._on_start)

    # ---- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        top = QHBoxLayout()
        batch_label = QLabel(self.tr("&Batch:"), self)
        self.batch_combo = QComboBox(self)
        self.batch_combo.setAccessibleName(self.tr("Batch"))
        self.batch_combo.setMinimumWidth(260)
        batch_label.setBuddy(self.batch_combo)
        self.batch_combo.activated.connect(lambda _i: self._on_batch_chosen())
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Status"))
        top.addWidget(batch_label)
        top.addWidget(self.batch_combo)
        top.addSpacing(16)
        top.addWidget(self.status, 1)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Returned by the supervisor"))
        self.banner.setStyleSheet(
            "background: #fdecea; color: #b71c1c; border: 1px solid #e57373; border-radius: 4px;"
            "padding: 8px; font-weight: bold;"
        )
        self.banner.hide()
        self.documents = DocumentList(self)
        self.documents.currentItemChanged.connect(self._on_document_chosen)
        self.pages = PagePane(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.documents)
        splitter.addWidget(self.pages)
        splitter.addWidget(self._build_form_panel())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 560, 460])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

    def _build_form_panel(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 0, 0, 0)
        type_row = QHBoxLayout()
        type_label = QLabel(self.tr("Document &type:"), panel)
        self.type_combo = QComboBox(panel)
        self.type_combo.setAccessibleName(self.tr("Document type"))
        type_label.setBuddy(self.type_combo)
        self.type_combo.activated.connect(lambda _i: self._on_type_changed())
        type_row.addWidget(type_label)
        type_row.addWidget(self.type_combo, 1)
        self.issuer = IssuerBlock(panel)
        self.issuer.rematch_requested.connect(self._rematch_issuer)
        self.issuer.edited.connect(self._on_edited)
        self.form = DescribeForm(panel)
        self.form.watch_extra(self.issuer.printed, "co_quan_ban_hanh")
        self.form.edited.connect(self._on_edited)
        self.form.field_focused.connect(self._on_field_focused)
        self.form.submit_requested.connect(lambda: self.save())
        scroll = QScrollArea(panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget(scroll)
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 4, 8, 4)
        inner_layout.addWidget(self.issuer)
        inner_layout.addWidget(self.form, 1)
        scroll.setWidget(inner)
        buttons = QHBoxLayout()
        self.scope_button = QPushButton(self.tr("Out of digitisation scope…"), panel)
        self.scope_button.setAccessibleName(self.tr("Mark out of digitisation scope"))
        self.scope_button.setToolTip(self.tr("Mark this paper out of digitisation scope (Ctrl+Shift+O)"))
        self.scope_button.clicked.connect(self.mark_out_of_scope)
        self.save_button = QPushButton(self.tr("&Save"), panel)
        self.save_button.setAccessibleName(self.tr("Save the document's data"))
        self.save_button.setToolTip(self.tr("Ctrl+S; Ctrl+Enter saves and opens the next document"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        buttons.addWidget(self.scope_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.scope_label = QLabel(panel)
        self.scope_label.setWordWrap(True)
        self.scope_label.setStyleSheet("color: #6a1b9a; font-weight: bold;")
        self.scope_label.hide()
        layout.addLayout(type_row)
        layout.addWidget(self.scope_label)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        return panel

    def _shortcuts(self) -> None:
        bindings: list[tuple[str, Callable[[], object]]] = [
            ("Ctrl+S", self.save),
            ("Ctrl+Return", lambda: self.save(then_next=True)),
            ("Ctrl+Enter", lambda: self.save(then_next=True)),
            ("Ctrl+PgDown", lambda: self.go(+1)),
            ("Ctrl+PgUp", lambda: self.go(-1)),
            ("Ctrl+Shift+O", self.mark_out_of_scope),
        ]
        for key, slot in bindings:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.pages.view.install_shortcuts(self)  # zoom keys work while typing in the form too

    # ---- background work ----------------------------------------------------------------------
    def _run(
        self,
        fn: Callable[..., Any],
        done: Callable[[Any], None],
        failed: Callable[[object], None] | None = None,
    ) -> None:
        # runner.start() starts the job at once: a quick job could finish (and emit) before we connect,
        # and its result would be lost. The gate holds the job until our slots are connected.
        gate = threading.Event()

        def gated(**kwargs: Any) -> Any:
            gate.wait()
            return fn(**kwargs)

        task = self.session.runner.start(gated)
        task.signals.finished.connect(done)
        task.signals.failed.connect(failed or self._on_failed)
        gate.set()

    def _on_failed(self, error: object) -> None:
        text = error_text(error) if isinstance(error, StationError) else str(error)
        self._say(text, error=True)
        self.save_button.setEnabled(self._can_edit())

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #c62828; font-weight: bold;" if error else "color: #2e7d32;")
        self.status.setText(text)

    # ---- batches and documents ---------------------------------------------------------------
    def _on_start(self, result: tuple[dict[str, DocType], list[Batch]]) -> None:
        self.doctypes, batches = result
        self.type_combo.clear()
        english = current_language() == "en"
        for code, doctype in self.doctypes.items():
            self.type_combo.addItem(doctype.label_en if english else doctype.label_vi, code)
        self._fill_batches(batches)

    def _fill_batches(self, batches: list[Batch]) -> None:
        keep = self._want_batch or self.batch_combo.currentData()
        self.batch_combo.clear()
        for batch in reversed(batches):  # newest first
            self.batch_combo.addItem(f"{batch.name} (#{batch.id})", batch.id)
        index = self.batch_combo.findData(keep) if keep is not None else 0
        self.batch_combo.setCurrentIndex(max(index, 0))
        self._load_batch()

    def _on_batch_chosen(self) -> None:
        target = self.batch_combo.currentData()
        shown = self.loaded.document.batch_id if self.loaded is not None else None
        if shown is not None and target != shown and self.guard.dirty():
            self.batch_combo.setCurrentIndex(max(self.batch_combo.findData(shown), 0))  # until settled
            self.open_batch(target)
            return
        self._load_batch()

    def open_batch(self, batch_id: int) -> None:
        """Show this batch (other screens call it, e.g. after scanning); unsaved edits are settled first."""
        if not self.guard.settle(lambda: self.open_batch(batch_id)):
            return
        self._want_batch = batch_id
        index = self.batch_combo.findData(batch_id)
        if index >= 0:
            self.batch_combo.setCurrentIndex(index)
            self._load_batch()
        else:
            self._run(lambda **_: data.load_batches(self.session.station), self._fill_batches)

    def _load_batch(self) -> None:
        batch_id = self.batch_combo.currentData()
        if batch_id is None:
            self._show_nothing(self.tr("No batch yet: scan a batch first."))
            return
        self._run(lambda **_: data.load_documents(self.session.station, batch_id), self._on_documents)

    def _on_documents(self, documents: list[DocumentSummary]) -> None:
        keep = self.documents.current_id()
        self.documents.blockSignals(True)
        self.documents.fill(documents, self.doctypes)
        self.documents.blockSignals(False)
        if not documents:
            self._show_nothing(self.tr("This batch has no documents."))
            return
        item = self.documents.item_of(keep) if keep is not None else None
        self.documents.blockSignals(True)  # one load below, not one per selection change
        self.documents.setCurrentItem(item or self.documents.item(0))
        self.documents.blockSignals(False)
        if item is not None and self.loaded is not None and self.loaded.document.id == keep:
            return  # same document still shown: keep what the officer is typing
        if item is not None and self._loading == keep:
            return  # already being read: a second read would rebuild the form under the cursor
        self._on_document_chosen(self.documents.currentItem(), None)

    def _show_nothing(self, text: str) -> None:
        self.loaded = None
        self.documents.clear()
        self.pages.set_pages([])
        self.banner.hide()
        self._say(text)
        self.save_button.setEnabled(False)
        self.scope_button.setEnabled(False)

    def _on_document_chosen(self, item: object, _previous: object) -> None:
        document_id = self.documents.current_id()
        if document_id is None:
            return
        shown = self.loaded.document.id if self.loaded is not None else None
        back = self.documents.item_of(shown) if shown is not None else None
        if back is not None and document_id != shown and self.guard.dirty():
            self.documents.blockSignals(True)  # stay on the shown document until the edits are settled
            self.documents.setCurrentItem(back)
            self.documents.blockSignals(False)
            if self._pending_move is None:  # several quick moves: one question, the last target
                QTimer.singleShot(0, self._move_pending)
            self._pending_move = document_id
            return
        user, saves = self.session.user, self._saves
        self._loading = document_id
        self._run(
            lambda **_: data.load_document(self.session.station, user, document_id),
            lambda loaded: self._show_document(loaded, saves),
            self._on_load_failed,
        )

    def _on_load_failed(self, error: object) -> None:
        self._loading = None
        self._on_failed(error)

    def _move_pending(self) -> None:
        target, self._pending_move = self._pending_move, None
        if target is not None:
            self._move_to(target)

    def _move_to(self, document_id: int) -> None:
        """Show another document once the edits are saved (valid) or discarded (the officer's call)."""
        if self.guard.settle(lambda: self._select(document_id)):
            self._select(document_id)

    def _select(self, document_id: int) -> None:
        item = self.documents.item_of(document_id)
        if item is not None:
            self.documents.setCurrentItem(item)

    def go(self, step: int) -> None:
        """Next (+1) or previous (-1) document in the list."""
        row = self.documents.currentRow() + step
        if 0 <= row < self.documents.count():
            self.documents.setCurrentRow(row)

    # ---- one document -------------------------------------------------------------------------
    def _show_document(self, loaded: LoadedDocument, saves: int) -> None:
        if self._loading == loaded.document.id:
            self._loading = None
        if loaded.document.id != self.documents.current_id():
            return  # the officer moved on while it loaded
        shown = self.loaded is not None and self.loaded.document.id == loaded.document.id
        if shown and (saves != self._saves or self.guard.dirty()):
            return  # read before the last save, or the officer is typing: the form stays as it is
        focused = self.form.focused_key() if shown else None
        self.loaded = loaded
        self._show_banner(loaded)
        self.pages.set_pages(loaded.pages)
        self._fill(loaded)
        self._show_scope(loaded.record)
        self.save_button.setEnabled(self._can_edit())
        self.scope_button.setEnabled(self._can_edit() and self.session.can(Action.MARK_OUT_OF_SCOPE))
        self.status.clear()
        if loaded.document.page_ids and not loaded.pages:
            self._say(
                self.tr(
                    "The scans of this document were removed after the retention period; the record stays."
                )
            )
        if focused is not None and focused in self.form.rows:  # read again: the cursor stays put
            self.form.rows[focused].editor.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        first = self.issuer.printed if self.form.first_editor() is None else self.form.first_editor()
        if first is not None and self.isVisible():
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, loaded: LoadedDocument) -> None:
        """The type, the form and the issuer as the record stands; the form is clean afterwards."""
        record = loaded.record
        self.issuer_ref = record.issuer or IssuerRef(record.fields.get("co_quan_ban_hanh", ""))
        code = record.doc_type if record.doc_type in self.doctypes else GENERIC
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(code), 0))
        self._build_form(record.fields, record.confidence)
        low = record.confidence.get("co_quan_ban_hanh", 1.0) < 0.85 and bool(self.issuer_ref.printed)
        self.issuer.set_issuer(self.issuer_ref.printed, loaded.agency, loaded.successor, low)
        self.validate()
        self.guard.mark_clean(self.snapshot())

    def _can_edit(self) -> bool:
        editable = {DocumentState.DRAFT, DocumentState.DESCRIBED, DocumentState.REJECTED}
        loaded = self.loaded
        return loaded is not None and loaded.document.state in editable and self.session.can(Action.DESCRIBE)

    def _show_banner(self, loaded: LoadedDocument) -> None:
        reason = str(loaded.review.get("reason") or "")
        rejected = loaded.document.state is DocumentState.REJECTED and bool(reason)
        self.banner.setText(self.tr("Returned: %1").replace("%1", reason) if rejected else "")
        self.banner.setVisible(rejected)

    def _show_scope(self, record: DocumentRecord) -> None:
        flags = record.scope_flags
        lang = current_language()
        text = "; ".join(scope_label(f.reason, lang) + (f" — {f.note}" if f.note else "") for f in flags)
        self.scope_label.setText(self.tr("Out of scope: %1").replace("%1", text) if flags else "")
        self.scope_label.setVisible(bool(flags))

    def current_doctype(self) -> DocType:
        return self.doctypes.get(self.type_combo.currentData() or GENERIC) or self.doctypes[GENERIC]

    def _build_form(self, values: dict[str, str], confidence: dict[str, float]) -> None:
        self.form.build(self.current_doctype(), values, confidence)

    def _on_type_changed(self) -> None:
        if self.loaded is None:
            return
        self._build_form(self.values(), self.loaded.record.confidence)  # shared keys keep their values
        self.validate()
        self._on_edited()

    def values(self) -> dict[str, str]:
        """The form's values as they would be stored (the issuer under the type's agency key)."""
        values = self.form.values()
        agency_keys = [f.key for f in self.current_doctype().fields if f.type == "agency"]
        if self.issuer.text():
            values[agency_keys[0] if agency_keys else "co_quan_ban_hanh"] = self.issuer.text()
        return values

    def _on_edited(self) -> None:
        self._validate_timer.start()
        notice = self.tr("Changes not saved yet (Ctrl+S saves).")
        if self.guard.dirty():
            self.status.setStyleSheet("color: #8a5a00;")
            self.status.setText(notice)
        elif self.status.text() == notice:
            self.status.clear()  # typed back to what is stored

    def _on_field_focused(self, key: str) -> None:
        region = self.loaded.record.regions.get(key) if self.loaded else None
        spec = self.current_doctype().field(key)
        self.pages.outline(region, spec.label(current_language()) if spec else "")

    def _rematch_issuer(self, printed: str) -> None:
        issued = self.values().get("ngay_ban_hanh", "")
        station = self.session.station
        self._run(lambda **_: data.match_issuer(station, printed, issued), self._on_issuer_matched)

    def _on_issuer_matched(self, shown: IssuerShown) -> None:
        if shown.ref.printed != self.issuer.text():
            return  # typed on since: a newer match is on its way
        self.issuer_ref = shown.ref
        self.issuer.show_match(shown.agency, shown.successor)

    # ---- validation and saving ----------------------------------------------------------------
    def problems(self) -> dict[str, list[str]]:
        """Messages (in the UI language) per field key for the form as it stands."""
        doctype, values, lang = self.current_doctype(), self.values(), current_language()
        found = {k: texts(v, lang) for k, v in record_problems(doctype, values, date.today()).items()}
        for spec in doctype.fields:
            value = values.get(spec.key, "")
            if spec.type in DATE_TYPES and value and parse_iso(value) is None:
                found[spec.key] = [self.tr("Invalid date: type it as day/month/year (e.g. 01/02/2019).")]
        return found

    def validate(self) -> dict[str, list[str]]:
        self._validate_timer.stop()
        found = self.problems()
        self.form.show_problems(found)
        agency = next((f.key for f in self.current_doctype().fields if f.type == "agency"), "")
        self.issuer.show_messages(found.get(agency, []))
        return found

    def save(self, *, then_next: bool = False) -> None:
        """Validate, then store the record and mark the document described (on the runner)."""
        if self.loaded is None or not self._can_edit():
            return
        found = self.validate()
        if found:
            self.explain(found)
            return
        self._store(self._record(), (lambda: self.go(+1)) if then_next else None)

    def explain(self, found: Problems) -> None:
        """Say which fields block saving and put the cursor in the first of them."""
        doctype = self.current_doctype()
        names = [spec.label(current_language()) for spec in doctype.fields if spec.key in found]
        self._say(self.tr("Not saved: check %1.").replace("%1", ", ".join(names)), error=True)
        self._focus_field(next((spec.key for spec in doctype.fields if spec.key in found), ""))

    def _record(self, **changes: Any) -> DocumentRecord:
        assert self.loaded is not None
        issuer = (
            self.issuer_ref
            if self.issuer_ref.printed == self.issuer.text()
            else IssuerRef(self.issuer.text())
        )
        record = replace(
            self.loaded.record,
            doc_type=self.current_doctype().code,
            fields=self.values(),
            issuer=issuer if issuer.printed else None,
        )
        return replace(record, **changes) if changes else record

    def _store(self, record: DocumentRecord, after: Callable[[], None] | None) -> None:
        user, store = self.session.user, self.session.station.store
        self.save_button.setEnabled(False)
        self.guard.started(after)
        self._saves += 1

        def work(**_: Any) -> tuple[DocumentRecord, DocumentState]:
            document = store.get_document(record.document_id)
            texts = [page.text for i in document.page_ids if (page := store.read_ocr(i)) is not None]
            return record, store.review.describe(user, record, "\n".join(texts))

        self._run(work, lambda result: self._on_saved(result[0], result[1]), self._on_save_failed)

    def _on_save_failed(self, error: object) -> None:
        self.guard.save_failed()  # the edits stay in the form, still unsaved, and nothing moves on
        self._on_failed(error)

    def _on_saved(self, record: DocumentRecord, state: DocumentState) -> None:
        shown = self.loaded is not None and self.loaded.document.id == record.document_id
        after = self.guard.saved((record.doc_type, dict(record.fields)) if shown else None)
        if self.loaded is None or not shown:
            return
        self.loaded.record = record
        self.loaded.document.state = state
        item = self.documents.item_of(record.document_id)
        summary = item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else None
        if item is not None and isinstance(summary, DocumentSummary):
            self.documents.update_item(
                item, replace(summary, state=state, doc_type=record.doc_type), self.doctypes
            )
        self.save_button.setEnabled(self._can_edit())
        self._show_scope(record)
        self._say(self.tr("Saved: document %1.").replace("%1", str(self.loaded.document.index + 1)))
        self.session.changed("documents")
        if after is not None:
            after()

    # ---- unsaved edits (see describe_unsaved) --------------------------------------------------
    def snapshot(self) -> Snapshot | None:
        """The form as it would be stored; None when nothing editable is shown."""
        if self.loaded is None or not self.doctypes or not self._can_edit():
            return None
        return self.current_doctype().code, self.values()

    def is_dirty(self) -> bool:
        return self.guard.dirty()

    def can_leave(self) -> bool:
        """Asked by the main window before another screen, logging out or closing: False keeps the
        officer here (invalid edits and “Ở lại”); valid edits are saved in the background."""
        return self.guard.can_leave()

    def store_form(self, after: Callable[[], None] | None) -> None:
        self._store(self._record(), after)

    def revert(self) -> None:
        """Discard the edits: the form shows the stored record again."""
        if self.loaded is not None:
            self._fill(self.loaded)
            self.status.clear()

    def ask_about(self, found: Problems) -> str:
        doctype = self.current_doctype()
        lines = [
            f"{spec.label(current_language())}: {' '.join(found[spec.key])}"
            for spec in doctype.fields
            if spec.key in found
        ]
        number = self.loaded.document.index + 1 if self.loaded is not None else 0
        return self.ask_unsaved(self.tr("Document %1").replace("%1", str(number)), lines)

    def _focus_field(self, key: str) -> None:
        row = self.form.rows.get(key)
        (row.editor if row is not None else self.issuer.printed).setFocus(Qt.FocusReason.OtherFocusReason)

    def mark_out_of_scope(self) -> None:
        """Ask why the paper is out of scope; store the flag with the record (not counted any more)."""
        user = self.session.user
        if self.loaded is None or user is None or not self.scope_button.isEnabled():
            return
        dialog = ScopeDialog(user.login, self)
        if dialog.exec() and (flag := dialog.flag()) is not None:
            self._store(self._record(scope_flags=[*self.loaded.record.scope_flags, flag]), None)

    def _on_data_changed(self, what: str) -> None:
        if what in ("batches", "documents") and self.doctypes:
            self._run(lambda **_: data.load_batches(self.session.station), self._fill_batches)
