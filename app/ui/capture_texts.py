"""What the scan screen says about a page: its label, badge and quality warnings, translated."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject

from app.core.models import PageFindings, QualityWarning

log = logging.getLogger(__name__)

BLANK_COLOUR, SEPARATOR_COLOUR, ERROR_COLOUR = "#5f6368", "#1a73e8", "#c5221f"


@dataclass(frozen=True)
class PageText:
    text: str  # the thumbnail's caption: "Page 3" then document / badge / warnings, one per line
    badge: str  # banner painted on the thumbnail ("" for none)
    badge_colour: str
    warnings: list[str]


class PageTexts(QObject):
    """Translated texts for thumbnails and the preview caption."""

    def describe(
        self,
        seq: int,
        findings: PageFindings | None,
        failed: bool,
        doc_index: int | None,
        removed: bool = False,
    ) -> PageText:
        label = self.tr("Page %1").replace("%1", str(seq))
        if removed:  # nothing to check any more: the central repository holds the document
            badge = self.tr("Scan removed")
            lines = [label, *([self.document(doc_index)] if doc_index is not None else []), badge]
            return PageText("\n".join(lines), badge, BLANK_COLOUR, [])
        if failed:
            return PageText(label + "\n" + self.tr("Unreadable: rescan"), self.tr("Rescan"), ERROR_COLOUR, [])
        if findings is None:
            return PageText(label, "", "", [])
        if findings.is_separator:
            badge = self.tr("Separator sheet")
            return PageText(label + "\n" + badge, badge, SEPARATOR_COLOUR, [])
        if findings.is_blank and doc_index is None:
            badge = self.tr("Blank page")
            return PageText(label + "\n" + badge, badge, BLANK_COLOUR, [])
        lines = [label]
        if doc_index is not None:
            lines.append(self.document(doc_index))
        warnings = self.warnings(findings)
        if warnings:
            lines.append(", ".join(warnings))
        return PageText("\n".join(lines), "", "", warnings)

    def document(self, doc_index: int) -> str:
        return self.tr("Document %1").replace("%1", str(doc_index + 1))

    def caption(self, seq: int, doc_index: int | None, position: int, count: int) -> str:
        page = self.tr("Page %1 of the scan").replace("%1", str(seq))
        if doc_index is None:
            return page + self.tr(" (in no document)")
        where = self.tr("page %1 of %2").replace("%1", str(position + 1)).replace("%2", str(count))
        return f"{page} · {self.document(doc_index)}, {where}"

    def warnings(self, findings: PageFindings) -> list[str]:
        names = {
            QualityWarning.TOO_DARK: self.tr("too dark"),
            QualityWarning.TOO_LIGHT: self.tr("too light"),
            QualityWarning.LOW_CONTRAST: self.tr("low contrast"),
            QualityWarning.BLURRED: self.tr("blurred"),
            QualityWarning.LOW_DPI: self.tr("below 200 dpi"),
            QualityWarning.CUT_OFF: self.tr("paper cut off"),
        }
        return [names.get(w, str(w)) for w in findings.warnings]
