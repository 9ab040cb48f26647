"""Pieces of the batches screen: table cells, state words, the search results list and messages."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QTableWidgetItem, QVBoxLayout, QWidget

from app.core.models import DocumentState
from app.ui.batches_data import BatchSummary, DocumentLabel, FoundDocument, SubmitOutcome
from app.ui.shortcuts import shortcut

log = logging.getLogger(__name__)

CONTEXT = "BatchesView"
GOOD, BAD = "#1e7b34", "#b3261e"
_DOC_COLUMNS = (
    DocumentState.DRAFT,
    DocumentState.DESCRIBED,
    DocumentState.SUBMITTED,
    DocumentState.APPROVED,
    DocumentState.REJECTED,
)


def table_headers() -> list[str]:
    return [
        QCoreApplication.translate("BatchesView", "Batch"),
        QCoreApplication.translate("BatchesView", "Created"),
        QCoreApplication.translate("BatchesView", "State"),
        QCoreApplication.translate("BatchesView", "Not described"),
        QCoreApplication.translate("BatchesView", "Described"),
        QCoreApplication.translate("BatchesView", "Awaiting review"),
        QCoreApplication.translate("BatchesView", "Approved"),
        QCoreApplication.translate("BatchesView", "Returned"),
        QCoreApplication.translate("BatchesView", "Pages"),
    ]


def document_state_text(state: DocumentState) -> str:
    words = {
        DocumentState.DRAFT: QCoreApplication.translate("BatchesView", "not described"),
        DocumentState.DESCRIBED: QCoreApplication.translate("BatchesView", "described"),
        DocumentState.SUBMITTED: QCoreApplication.translate("BatchesView", "awaiting review"),
        DocumentState.APPROVED: QCoreApplication.translate("BatchesView", "approved"),
        DocumentState.REJECTED: QCoreApplication.translate("BatchesView", "returned"),
    }
    return words[state]


def progress_text(key: str) -> str:
    words = {
        "scanning": QCoreApplication.translate("BatchesView", "Scanning"),
        "captured": QCoreApplication.translate("BatchesView", "Scanned, not processed"),
        "processed": QCoreApplication.translate("BatchesView", "Processed"),
        "submitted": QCoreApplication.translate("BatchesView", "Submitted"),
        "approved": QCoreApplication.translate("BatchesView", "Approved"),
        "rejected": QCoreApplication.translate("BatchesView", "Returned"),
        "all_approved": QCoreApplication.translate("BatchesView", "All approved"),
        "waiting_review": QCoreApplication.translate("BatchesView", "Awaiting review"),
        "has_rejected": QCoreApplication.translate("BatchesView", "Has returned documents"),
        "in_progress": QCoreApplication.translate("BatchesView", "Being described"),
    }
    return words.get(key, key)


def batch_items(summary: BatchSummary) -> list[QTableWidgetItem]:
    """The cells of one table row; the counts are centred, non-zero "returned" in red."""
    created = summary.created.astimezone().strftime("%d/%m/%Y %H:%M") if summary.created else ""
    items = [QTableWidgetItem(summary.name), QTableWidgetItem(created)]
    state = QTableWidgetItem(progress_text(summary.progress))
    if summary.progress == "all_approved":
        state.setForeground(QBrush(QColor(GOOD)))
    items.append(state)
    for doc_state in _DOC_COLUMNS:
        items.append(_count_item(summary.counts[doc_state], doc_state))
    items.append(_count_item(summary.pages, None))
    for item in items:
        item.setData(Qt.ItemDataRole.UserRole, summary.id)
    return items


def _count_item(value: int, state: DocumentState | None) -> QTableWidgetItem:
    item = QTableWidgetItem(str(value))
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    if value == 0:
        item.setForeground(QBrush(QColor("#9aa0a6")))
    elif state is DocumentState.REJECTED:
        item.setForeground(QBrush(QColor(BAD)))
        font = QFont()
        font.setBold(True)
        item.setFont(font)
    return item


def _names(labels: list[DocumentLabel]) -> str:
    parts = []
    for label in labels:
        number = QCoreApplication.translate("BatchesView", "document %1").replace("%1", str(label.number))
        parts.append(f"{number} ({label.type_label})" if label.type_label else number)
    return ", ".join(parts)


def outcome_text(outcome: SubmitOutcome) -> str:
    """The message after "submit batch": what went, what was left and why."""
    lines = []
    if outcome.submitted:
        lines.append(
            QCoreApplication.translate("BatchesView", "Signed and submitted %1 documents.").replace(
                "%1", str(len(outcome.submitted))
            )
        )
    else:
        lines.append(QCoreApplication.translate("BatchesView", "No document was submitted."))
    if outcome.not_described:
        text = QCoreApplication.translate(
            "BatchesView", "Not described yet, so not submitted: %1. Describe them, then submit again."
        )
        lines.append(text.replace("%1", _names(outcome.not_described)))
    for label, reason in outcome.failed:
        lines.append(
            QCoreApplication.translate("BatchesView", "%1 was not submitted: %2")
            .replace("%1", _names([label]))
            .replace("%2", reason)
        )
    if outcome.cancelled:
        lines.append(QCoreApplication.translate("BatchesView", "Stopped before the end."))
    return "\n".join(lines)


def banner_style(ok: bool) -> str:
    colour, background = (GOOD, "#e6f4ea") if ok else (BAD, "#fce8e6")
    return f"QLabel {{ color: {colour}; background: {background}; border-radius: 4px; padding: 8px; }}"


class SearchResults(QWidget):
    """Found documents, two lines each (what and where; the matching words); Enter opens one."""

    document_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600;")
        self.list = QListWidget()
        self.list.setAccessibleName(QCoreApplication.translate("BatchesView", "Search results"))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._on_activated)
        shortcut(
            QKeySequence(Qt.Key.Key_Return), self.list, self.open_current, Qt.ShortcutContext.WidgetShortcut
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)

    def show_results(self, text: str, found: list[FoundDocument]) -> None:
        if found:
            heading = QCoreApplication.translate("BatchesView", "%1 documents match “%2”").replace(
                "%1", str(len(found))
            )
        else:
            heading = QCoreApplication.translate(
                "BatchesView", "No document matches “%2”. Check the spelling or type fewer words."
            )
        self.heading.setText(heading.replace("%2", text))
        self.list.clear()
        for doc in found:
            title = doc.label.type_label or QCoreApplication.translate("BatchesView", "Document")
            where = QCoreApplication.translate("BatchesView", "%1 · document %2 · %3").replace(
                "%1", doc.batch_name
            )
            where = where.replace("%2", str(doc.label.number)).replace("%3", document_state_text(doc.state))
            item = QListWidgetItem(f"{title} — {where}\n{doc.snippet}")
            item.setData(Qt.ItemDataRole.UserRole, doc.id)
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)

    def open_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._on_activated(item)

    def _on_activated(self, item: QListWidgetItem) -> None:
        self.document_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
