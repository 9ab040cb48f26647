"""The review screen's right-hand panel: the document's data as read-only labelled values."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.core.models import DocumentState
from app.ui.batches_parts import BAD, GOOD, document_state_text
from app.ui.review_data import ReviewDetail

log = logging.getLogger(__name__)

EMPTY = "—"


class ReviewDetailsPanel(QScrollArea):
    """Rebuilt for each document; every value can be selected and read by a screen reader."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Document data"))
        self.values: dict[str, str] = {}  # label -> value as shown, for tests and screen readers
        self.show_placeholder(self.tr("Choose a document on the left."))

    def show_placeholder(self, text: str) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("color: #5f6368;")
        layout.addWidget(label)
        layout.addStretch(1)
        self.values = {}
        self.setWidget(body)

    def show_detail(self, detail: ReviewDetail) -> None:
        body = QWidget()
        outer = QVBoxLayout(body)
        title = QLabel(detail.type_label or self.tr("Document"))
        title.setStyleSheet("font-size: 16px; font-weight: 600;")
        title.setWordWrap(True)
        outer.addWidget(title)
        outer.addWidget(self._state_line(detail))
        self.values = {}
        self._section(outer, self.tr("Data on the paper"), detail.fields)
        self._section(outer, self.tr("Issuing agency"), self._issuer_rows(detail))
        self._section(outer, self.tr("Digitisation"), self._work_rows(detail))
        outer.addStretch(1)
        self.setWidget(body)

    def _state_line(self, detail: ReviewDetail) -> QLabel:
        text = self.tr("Document %1 · %2").replace("%1", str(detail.number))
        label = QLabel(text.replace("%2", document_state_text(detail.state)))
        colour = {DocumentState.APPROVED: GOOD, DocumentState.REJECTED: BAD}.get(detail.state, "#5f6368")
        label.setStyleSheet(f"color: {colour};")
        return label

    def _issuer_rows(self, detail: ReviewDetail) -> list[tuple[str, str]]:
        return [
            (self.tr("As printed"), detail.issuer_printed),
            (self.tr("Unit in the catalogue"), detail.issuer_unit or self.tr("not matched")),
            (self.tr("Successor unit today"), detail.issuer_successor or self._no_successor(detail)),
        ]

    def _no_successor(self, detail: ReviewDetail) -> str:
        """Only a matched unit that still exists is its own successor; otherwise nobody knows yet."""
        return self.tr("same unit") if detail.issuer_current else self.tr("not known yet")

    def _work_rows(self, detail: ReviewDetail) -> list[tuple[str, str]]:
        rows = [(self.tr("Result code"), detail.result_code or self.tr("issued on approval"))]
        rows += [(self.tr("Out of scope"), text) for text in detail.scope]
        names = {
            "described_by": self.tr("Described by"),
            "submitted_by": self.tr("Submitted by"),
            "reviewed_by": self.tr("Reviewed by"),
        }
        rows += [(names[key], who) for key, who in detail.people.items()]
        if detail.reason:
            rows.append((self.tr("Reason returned"), detail.reason))
        return rows

    def _section(self, outer: QVBoxLayout, heading: str, rows: list[tuple[str, str]]) -> None:
        head = QLabel(heading)
        head.setStyleSheet("font-weight: 600; color: #1a73e8; margin-top: 10px;")
        outer.addWidget(head)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setHorizontalSpacing(12)
        for label, value in rows:
            form.addRow(self._name_label(label), self._value_label(label, value))
            self.values[label] = value or EMPTY
        outer.addLayout(form)

    def _name_label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("color: #5f6368;")
        label.setWordWrap(True)
        return label

    def _value_label(self, name: str, value: str) -> QLabel:
        label = QLabel(value or EMPTY)
        label.setWordWrap(True)
        label.setAccessibleName(name)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        if not value:
            label.setStyleSheet("color: #9aa0a6;")
        return label
