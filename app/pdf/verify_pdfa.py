"""Does a signed document still conform to PDF/A-2b? As far as pikepdf's validator can tell.

``pikepdf.pdfa`` is an allowlist validator and does not support interactive forms (/AcroForm), widget
annotations or the ESIC developer extension that a PAdES signature brings: it answers
"not checked" for every signed file. So the check is split in two:

1. the signature-specific parts are checked here against the PDF/A-2 rules that apply to them
   (ISO 19005-2 6.3.2, 6.4.1, 6.4.3): widgets printable and not hidden, appearance dictionaries with
   only a normal appearance, no NeedAppearances, no XFA, extensions limited to ADBE/ESIC;
2. a probe copy in which each signature appearance is painted as an ordinary page XObject (and the
   form, widgets and extension removed) goes through ``pikepdf.pdfa``: that covers everything the
   signatures added that pikepdf does understand: the embedded font subset, colour, the XMP.

Limit: the probe is a rewrite, so the byte-level syntax of the appended revision (xref section,
trailer) is pyHanko's and is not re-checked here; veraPDF accepts pyHanko's incremental updates.
"""

from __future__ import annotations

import io
import logging

import pikepdf
import pikepdf.pdfa

log = logging.getLogger(__name__)

Name = pikepdf.Name
FLAVOUR = "2b"
_PRINT, _HIDDEN_BITS = 4, 1 | 2 | 32 | 256  # Print; Invisible, Hidden, NoView, ToggleNoView
_ALLOWED_EXTENSIONS = {"/ADBE", "/ESIC"}


def pdfa_problems_after_signing(data: bytes, flavour: str = FLAVOUR) -> list[str]:
    """Reasons the signed ``data`` would not be PDF/A; an empty list means none found."""
    problems: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        problems += _check_form(pdf)
        problems += _check_extensions(pdf)
        for number, page in enumerate(pdf.pages, start=1):
            problems += _paint_widgets_into_page(pdf, page, number)
        if "/AcroForm" in pdf.Root:
            del pdf.Root.AcroForm
        if "/Extensions" in pdf.Root:
            del pdf.Root.Extensions
        probe = io.BytesIO()
        pdf.save(probe, **pikepdf.pdfa.resolve_save_kwargs(flavour))
    report = pikepdf.pdfa.validate_written(io.BytesIO(probe.getvalue()), flavour)
    if not report.passed:
        problems += [str(finding) for finding in report.findings] or [f"not approved as PDF/A-{flavour}"]
    return problems


def _check_form(pdf: pikepdf.Pdf) -> list[str]:
    form = pdf.Root.get("/AcroForm")
    if form is None:
        return []
    problems = []
    if bool(form.get("/NeedAppearances", False)):
        problems.append("AcroForm sets NeedAppearances (ISO 19005-2 6.4.1)")
    if "/XFA" in form:
        problems.append("AcroForm carries XFA (ISO 19005-2 6.4.2)")
    return problems


def _check_extensions(pdf: pikepdf.Pdf) -> list[str]:
    extensions = pdf.Root.get("/Extensions")
    if extensions is None:
        return []
    unknown = sorted(set(extensions.keys()) - _ALLOWED_EXTENSIONS)
    return [f"unexpected developer extension {key}" for key in unknown]


def _paint_widgets_into_page(pdf: pikepdf.Pdf, page: pikepdf.Page, number: int) -> list[str]:
    annots = page.obj.get("/Annots")
    if annots is None:
        return []
    problems: list[str] = []
    kept = pikepdf.Array()
    for index, annot in enumerate(annots):
        if annot.get("/Subtype") != Name.Widget:
            kept.append(annot)
            continue
        problems += _check_widget(annot, f"page {number} widget {index}")
        appearances = annot.get("/AP")
        normal = appearances.get("/N") if isinstance(appearances, pikepdf.Dictionary) else None
        if isinstance(normal, pikepdf.Stream):
            _paint(pdf, page, normal, annot.Rect, f"/SigAp{index}")
    page.obj.Annots = kept
    return problems


def _check_widget(annot: pikepdf.Object, where: str) -> list[str]:
    problems = []
    flags = int(annot.get("/F", 0))
    rect = [float(v) for v in annot.get("/Rect", [0, 0, 0, 0])]
    visible = rect[2] - rect[0] > 0 and rect[3] - rect[1] > 0
    if visible and (not flags & _PRINT or flags & _HIDDEN_BITS):
        problems.append(f"{where}: must be printable and not hidden (ISO 19005-2 6.3.2)")
    appearances = annot.get("/AP")
    if visible and appearances is None:
        problems.append(f"{where}: visible widget without appearance (ISO 19005-2 6.3.3)")
    elif appearances is not None and set(appearances.keys()) - {"/N"}:
        problems.append(f"{where}: appearance dictionary has more than /N (ISO 19005-2 6.3.3)")
    return problems


def _paint(
    pdf: pikepdf.Pdf, page: pikepdf.Page, form: pikepdf.Stream, rect: pikepdf.Object, key: str
) -> None:
    if "/Resources" not in page.obj:
        page.obj.Resources = pikepdf.Dictionary()
    if "/XObject" not in page.obj.Resources:
        page.obj.Resources.XObject = pikepdf.Dictionary()
    page.obj.Resources.XObject[key] = form
    x, y = float(rect[0]), float(rect[1])
    page.contents_add(pikepdf.Stream(pdf, f"q 1 0 0 1 {x:.2f} {y:.2f} cm {key} Do Q".encode()), prepend=False)
