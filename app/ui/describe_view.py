"""The describe screen: a batch's documents, the page with the field's region, and the type's form."""

from __future__ import annotations

import logging
from collections.abc import Callable
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
from app.core.models import DocumentState
from app.core.records import DocumentRecord, IssuerRef
from app.ui import describe_data as data
from app.ui.describe_data import IssuerShown, LoadedDocument
from app.ui.describe_form import DescribeForm
from app.ui.describe_issuer import IssuerBlock
from app.ui.describe_navigation import DescribeNavigation
from app.ui.describe_panel import DocumentList, PagePane
from app.ui.describe_saving import DescribeSaving
from app.ui.describe_unsaved import Problems, UnsavedGuard, ask_with_dialog
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
        self.saves = 0  # saves started: a document read before the latest save is stale
        self.navigation = DescribeNavigation(self)
        self.saving = DescribeSaving(self)
        self.guard = UnsavedGuard(self.saving)
        # The question asked when edits cannot be saved: (title, problem lines) -> "discard" | "stay".
        self.ask_unsaved: Callable[[str, list[str]], str] = lambda title, lines: ask_with_dialog(
            self, title, lines
        )
        self.validate_timer = QTimer(self, singleShot=True, interval=VALIDATE_DELAY_MS)
        self.validate_timer.timeout.connect(self.validate)
        self._build()
        self._shortcuts()
        session.signals.data_changed.connect(self._on_data_changed)
        self.navigation.begin()

    # ---- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        top = QHBoxLayout()
        batch_label = QLabel(self.tr("&Batch:"), self)
        self.batch_combo = QComboBox(self)
        self.batch_combo.setAccessibleName(self.tr("Batch"))
        self.batch_combo.setMinimumWidth(260)
        batch_label.setBuddy(self.batch_combo)
        self.batch_combo.activated.connect(lambda _i: self.navigation.batch_chosen())
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
        self.documents.currentItemChanged.connect(self.navigation.document_chosen)
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
    def run(
        self,
        fn: Callable[..., Any],
        done: Callable[[Any], None],
        failed: Callable[[object], None] | None = None,
    ) -> None:
        """Run ``fn`` on the runner; ``done`` or ``failed`` is called only while this screen lives."""
        self.session.runner.start(fn, done, failed or self.on_failed, owner=self)

    def on_failed(self, error: object) -> None:
        text = error.message_vi if isinstance(error, StationError) else str(error)
        self.say(text, error=True)
        self.save_button.setEnabled(self.can_edit())

    def say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #c62828; font-weight: bold;" if error else "color: #2e7d32;")
        self.status.setText(text)

    # ---- batches and documents (see describe_navigation) ---------------------------------------
    def open_batch(self, batch_id: int) -> None:
        """Show this batch (other screens call it, e.g. after scanning); unsaved edits are settled first."""
        self.navigation.open_batch(batch_id)

    def go(self, step: int) -> None:
        """Next (+1) or previous (-1) document in the list."""
        self.navigation.go(step)

    def _on_data_changed(self, what: str) -> None:
        if what in ("batches", "documents") and self.doctypes:
            self.navigation.reload_batches()

    # ---- one document -------------------------------------------------------------------------
    def fill(self, loaded: LoadedDocument) -> None:
        """The type, the form and the issuer as the record stands; the form is clean afterwards."""
        record = loaded.record
        self.issuer_ref = record.issuer or IssuerRef(record.fields.get("co_quan_ban_hanh", ""))
        code = record.doc_type if record.doc_type in self.doctypes else GENERIC
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(code), 0))
        self._build_form(record.fields, record.confidence)
        low = record.confidence.get("co_quan_ban_hanh", 1.0) < 0.85 and bool(self.issuer_ref.printed)
        self.issuer.set_issuer(self.issuer_ref.printed, loaded.agency, loaded.successor, low)
        self.validate()
        self.guard.mark_clean(self.saving.snapshot())

    def can_edit(self) -> bool:
        editable = {DocumentState.DRAFT, DocumentState.DESCRIBED, DocumentState.REJECTED}
        loaded = self.loaded
        return loaded is not None and loaded.document.state in editable and self.session.can(Action.DESCRIBE)

    def show_scope(self, record: DocumentRecord) -> None:
        flags = record.scope_flags
        text = "; ".join(f.label_vi + (f" — {f.note}" if f.note else "") for f in flags)
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
        self.validate_timer.start()
        notice = self.tr("Changes not saved yet (Ctrl+S saves).")
        if self.guard.dirty():
            self.status.setStyleSheet("color: #8a5a00;")
            self.status.setText(notice)
        elif self.status.text() == notice:
            self.status.clear()  # typed back to what is stored

    def _on_field_focused(self, key: str) -> None:
        region = self.loaded.record.regions.get(key) if self.loaded else None
        spec = self.current_doctype().field(key)
        self.pages.outline(region, spec.label_vi if spec else "")

    def _rematch_issuer(self, printed: str) -> None:
        issued = self.values().get("ngay_ban_hanh", "")
        station = self.session.station
        self.run(lambda **_: data.match_issuer(station, printed, issued), self._on_issuer_matched)

    def _on_issuer_matched(self, shown: IssuerShown) -> None:
        if shown.ref.printed != self.issuer.text():
            return  # typed on since: a newer match is on its way
        self.issuer_ref = shown.ref
        self.issuer.show_match(shown.agency, shown.successor)

    # ---- validation and saving (see describe_saving, describe_unsaved) -------------------------
    def validate(self) -> Problems:
        """Show the form's problems beside the fields; returns them (Vietnamese, per field key)."""
        return self.saving.validate()

    def save(self, *, then_next: bool = False) -> None:
        """Validate, then store the record and mark the document described (on the runner)."""
        self.saving.save(then_next=then_next)

    def mark_out_of_scope(self) -> None:
        """Ask why the paper is out of scope; store the flag with the record (not counted any more)."""
        self.saving.mark_out_of_scope()

    def is_dirty(self) -> bool:
        return self.guard.dirty()

    def can_leave(self) -> bool:
        """Asked by the main window before another screen, logging out or closing: False keeps the
        officer here (invalid edits and “Ở lại”); valid edits are saved in the background."""
        return self.guard.can_leave()
