"""Officer and supervisor signatures: valid, incremental, visible top-left in Vietnamese, tamper-evident."""

from __future__ import annotations

import io
import logging
from datetime import UTC, datetime

import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from app.core.errors import PdfError
from app.pdf import sign_appearance
from app.pdf.certs import CertificateAuthority
from app.pdf.signing import FIELD_NAMES, sign_pdf
from app.pdf.verify import verify_pdf
from app.pdf.verify_pdfa import pdfa_problems_after_signing
from tests.ocr_pdf.conftest import A4, CONTENT_MARKER, OFFICER_NAME, SUPERVISOR_NAME, Person

MM = 72 / 25.4
OFFICER_TIME = datetime(2026, 11, 27, 3, 15, tzinfo=UTC)  # 10:15 in Hà Nội
SUPERVISOR_TIME = datetime(2026, 11, 28, 1, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def officer_signed(pdfa_bytes: bytes, officer: Person) -> bytes:
    return sign_pdf(pdfa_bytes, officer.config(), when=OFFICER_TIME)


@pytest.fixture(scope="module")
def both_signed(officer_signed: bytes, supervisor: Person) -> bytes:
    return sign_pdf(officer_signed, supervisor.config(), role="supervisor", when=SUPERVISOR_TIME)


def _widget_rects(data: bytes) -> dict[str, list[float]]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return {str(a.T): [float(v) for v in a.Rect] for a in pdf.pages[0].Annots if "/T" in a}


def _flattened_text(data: bytes) -> str:
    """The text a reader extracts from page 1 once form appearances are printed onto the page."""
    doc = pdfium.PdfDocument(data)
    doc.init_forms()
    doc[0].flatten(pdfium_c.FLAT_PRINT)
    return str(doc[0].get_textpage().get_text_range())


def _render(data: bytes) -> np.ndarray:
    """Page 1 as a viewer draws it (with form appearances), gray, one pixel per point."""
    doc = pdfium.PdfDocument(data)
    doc.init_forms()
    return np.asarray(doc[0].render(scale=1, may_draw_forms=True, grayscale=True).to_pil().convert("L"))


def _changed_area(before: bytes, after: bytes) -> tuple[int, int, int, int]:
    """Bounding box (x0, y0, x1, y1) in PDF points, origin bottom-left, of what signing drew."""
    diff = np.abs(_render(before).astype(int) - _render(after).astype(int)) > 40
    rows, cols = np.nonzero(diff)
    height = diff.shape[0]
    return int(cols.min()), height - int(rows.max()) - 1, int(cols.max()) + 1, height - int(rows.min())


def test_officer_signature_is_valid_incremental_and_names_the_signer(
    pdfa_bytes: bytes, officer_signed: bytes, test_ca: CertificateAuthority
) -> None:
    assert officer_signed.startswith(pdfa_bytes)
    [report] = verify_pdf(officer_signed, [test_ca.cert])
    assert report.ok and report.intact and report.valid and report.trusted
    assert report.field_name == FIELD_NAMES["officer"]
    assert report.signer_name == OFFICER_NAME
    assert report.signing_time == OFFICER_TIME
    assert report.covers_whole_document and not report.timestamped


def test_officer_box_is_top_left_and_shows_name_and_time_in_vietnamese(
    pdfa_bytes: bytes, officer_signed: bytes
) -> None:
    x0, y0, x1, y1 = _widget_rects(officer_signed)[FIELD_NAMES["officer"]]
    assert x0 < 15 * MM and x1 < A4[0] / 2  # left half, near the left edge
    assert y1 <= A4[1] and y0 >= A4[1] - 25 * MM  # inside the top margin
    dx0, dy0, dx1, dy1 = _changed_area(pdfa_bytes, officer_signed)
    assert x0 - 2 <= dx0 < dx1 <= x1 + 2 and y0 - 2 <= dy0 < dy1 <= y1 + 2  # drawn there, nowhere else
    text = _flattened_text(officer_signed)
    assert f"Ký bởi: {OFFICER_NAME}" in text
    assert "Thời gian ký: 27/11/2026 10:15" in text


def test_supervisor_signature_leaves_the_officers_intact(
    officer_signed: bytes, both_signed: bytes, test_ca: CertificateAuthority
) -> None:
    assert both_signed.startswith(officer_signed)
    officer_report, supervisor_report = verify_pdf(both_signed, [test_ca.cert])
    assert officer_report.signer_name == OFFICER_NAME and supervisor_report.signer_name == SUPERVISOR_NAME
    assert officer_report.ok and supervisor_report.ok
    assert not officer_report.covers_whole_document and officer_report.modification_level == "form_filling"
    assert supervisor_report.covers_whole_document and supervisor_report.modification_level == "none"


def test_supervisor_box_is_visible_and_does_not_overlap_the_officers(both_signed: bytes) -> None:
    rects = _widget_rects(both_signed)
    _ox0, oy0, ox1, _oy1 = rects[FIELD_NAMES["officer"]]
    sx0, _sy0, _sx1, sy1 = rects[FIELD_NAMES["supervisor"]]
    assert sx0 >= ox1 or sy1 <= oy0  # disjoint: beside or below
    text = _flattened_text(both_signed)
    assert f"Phê duyệt bởi: {SUPERVISOR_NAME}" in text and "Thời gian ký: 28/11/2026 08:30" in text


def _flip(data: bytes, offset: int) -> bytes:
    return data[:offset] + bytes([data[offset] ^ 0x01]) + data[offset + 1 :]


@pytest.mark.parametrize("where", ["content stream", "image data"])
def test_changing_a_byte_of_the_original_revision_breaks_both_signatures(
    pdfa_bytes: bytes, both_signed: bytes, test_ca: CertificateAuthority, where: str
) -> None:
    if where == "content stream":
        offset = pdfa_bytes.index(CONTENT_MARKER) + len(b"/Im")  # "/Im0 Do" -> "/Im1 Do"
    else:
        offset = pdfa_bytes.index(b"\xf5" * 64) + 32  # inside the page image
    reports = verify_pdf(_flip(both_signed, offset), [test_ca.cert])
    assert len(reports) == 2
    assert not any(r.intact for r in reports)
    assert not any(r.ok for r in reports)


def test_changing_a_byte_of_the_supervisor_revision_breaks_the_supervisors_signature(
    officer_signed: bytes, both_signed: bytes, test_ca: CertificateAuthority
) -> None:
    # The supervisor's signing date (/M, written "D\\07220261128..."), inside its signed range.
    date_at = both_signed.rindex(b"/M (D\\072") + len(b"/M (D\\072")
    assert date_at > len(officer_signed) and both_signed[date_at : date_at + 4] == b"2026"
    officer_report, supervisor_report = verify_pdf(_flip(both_signed, date_at + 3), [test_ca.cert])
    assert not supervisor_report.intact and not supervisor_report.ok
    assert officer_report.intact  # its own revision is untouched


def test_without_trust_roots_signatures_are_intact_but_not_trusted_and_names_stay_out_of_logs(
    both_signed: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    reports = verify_pdf(both_signed)
    assert all(r.intact and r.valid and not r.trusted and not r.ok for r in reports)
    assert "PathBuildingError" in caplog.text  # the failure is logged ...
    assert OFFICER_NAME not in caplog.text and SUPERVISOR_NAME not in caplog.text  # ... without names


def test_signing_keeps_pdfa_metadata_and_adds_no_pdfa_problem(pdfa_bytes: bytes, both_signed: bytes) -> None:
    with pikepdf.open(io.BytesIO(pdfa_bytes)) as before, pikepdf.open(io.BytesIO(both_signed)) as after:
        assert after.Root.Metadata.read_bytes() == before.Root.Metadata.read_bytes()
        assert dict(after.docinfo.items()) == dict(before.docinfo.items())
    assert pdfa_problems_after_signing(both_signed) == []


def test_without_a_vietnamese_font_the_box_falls_back_to_ascii_and_the_pdfa_check_says_so(
    pdfa_bytes: bytes, officer: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sign_appearance, "find_vietnamese_font", lambda: None)
    signed = sign_pdf(pdfa_bytes, officer.config(), when=OFFICER_TIME)
    text = _flattened_text(signed)
    assert "Ky boi: Nguyen Van Duc" in text
    problems = pdfa_problems_after_signing(signed)
    assert any("not embedded" in p for p in problems)


def test_wrong_passphrase_is_reported_to_the_officer(pdfa_bytes: bytes, officer: Person) -> None:
    with pytest.raises(PdfError) as caught:
        sign_pdf(pdfa_bytes, officer.config(pkcs12_passphrase="sai-mat-khau"))
    assert "mật khẩu" in caught.value.user_message("vi")
    assert "sai-mat-khau" not in str(caught.value)


def test_passphrase_and_pin_stay_out_of_the_config_repr(officer: Person) -> None:
    config = officer.config(pin_callback=lambda: "123456")
    assert officer.passphrase not in repr(config) and "123456" not in repr(config)
