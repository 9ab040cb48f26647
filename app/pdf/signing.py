"""Sign a digitised document: the officer's PAdES signature, then the supervisor's approval.

Each signature is an incremental update appended to the file: the bytes already there (the PDF/A
the station built, and any earlier signature) are never rewritten, so an earlier signature stays
valid. Both are approval signatures (no certification/DocMDP lock): a certification signature by the
officer would have to allow later signatures anyway, and pyHanko's validator already reports what
each later revision changed (``verify_pdf``'s ``modification_level``).

The document's XMP and Info dictionary are left exactly as the PDF/A builder wrote them (pyHanko
would otherwise rewrite the XMP packet and the producer on every update, which can break PDF/A's
rule that XMP and Info agree). Signatures are PAdES baseline B-B, or B-T with a timestamp server.
"""

from __future__ import annotations

import io
import logging
import unicodedata
from datetime import UTC, datetime
from typing import Any, Literal

import pikepdf
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError as PyHankoPdfError
from pyhanko.sign import fields
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner, Signer
from pyhanko.sign.timestamps import HTTPTimeStamper, TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError

from app.core.errors import PdfError
from app.pdf import sign_appearance as look
from app.pdf.sign_keys import SignerConfig, open_signer

log = logging.getLogger(__name__)

Role = Literal["officer", "supervisor"]
FIELD_NAMES: dict[str, str] = {"officer": "ChuKyCanBoSoHoa", "supervisor": "ChuKyLanhDaoPheDuyet"}
DEFAULT_REASONS: dict[str, str] = {
    "officer": "Số hóa kết quả giải quyết thủ tục hành chính",
    "supervisor": "Phê duyệt kết quả số hóa",
}
_TSA_FAILED_VI = (
    "Không lấy được dấu thời gian từ máy chủ cấp dấu thời gian. Kiểm tra kết nối mạng rồi ký lại, "
    "hoặc bỏ cấu hình máy chủ dấu thời gian khi làm việc ngoại tuyến."
)
_SIGN_FAILED_VI = "Không ký số được tài liệu. Kiểm tra chữ ký số (tệp khóa hoặc USB token) rồi ký lại."

__all__ = ["FIELD_NAMES", "SignerConfig", "sign_pdf"]


class _KeepMetadataWriter(IncrementalPdfFileWriter):
    """An incremental writer that leaves the document's XMP packet and Info dictionary untouched."""

    def _update_meta(self) -> None:
        return None


class _TimedPdfSigner(PdfSigner):
    """A ``PdfSigner`` whose signing time is fixed by the caller instead of read from the clock."""

    def __init__(self, *args: Any, signing_time: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._signing_time = signing_time

    def init_signing_session(self, pdf_out: Any, existing_fields_only: bool = False) -> Any:
        session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
        session.system_time = self._signing_time
        return session


def sign_pdf(
    data: bytes,
    config: SignerConfig,
    *,
    role: Role = "officer",
    when: datetime | None = None,
    timestamper: TimeStamper | None = None,
) -> bytes:
    """``data`` with one more signature appended as an incremental update.

    ``role`` "officer" draws the box at the top-left of page 1, "supervisor" at the top-right;
    ``when`` is the signing time (now by default). ``timestamper`` overrides
    ``config.timestamp_url`` (tests use pyHanko's in-process dummy TSA). Raises ``PdfError``.
    """
    if role not in FIELD_NAMES:
        raise PdfError(f"unknown signing role {role!r}")
    signing_time = (when or datetime.now(UTC)).astimezone(look.VIETNAM_TZ)
    page_box = _first_page_box(data)
    font = look.find_vietnamese_font()
    with open_signer(config) as signer:
        text = look.appearance_text(role, _display_name(config, signer), signing_time)
        if font is None:  # the built-in font has no Vietnamese glyphs
            text = look.ascii_fallback(text)
        box = look.signature_box(role, page_box)
        pdf_signer = _pdf_signer(config, signer, role, box, signing_time, timestamper)
        pdf_signer.stamp_style = look.stamp_style(font)
        try:
            writer = _KeepMetadataWriter(io.BytesIO(data))
            out = pdf_signer.sign_pdf(writer, appearance_text_params={"text": text})
        except TimestampRequestError as exc:
            raise PdfError("timestamp server unreachable", message_vi=_TSA_FAILED_VI) from exc
        except (SigningError, PyHankoPdfError, ValueError) as exc:
            raise PdfError(
                f"signing failed: {type(exc).__name__}: {exc}", message_vi=_SIGN_FAILED_VI
            ) from exc
    signed = bytes(out.getvalue())
    if not signed.startswith(data):  # the whole point of an incremental update
        raise PdfError("signing rewrote the original bytes", message_vi=_SIGN_FAILED_VI)
    log.info("document signed (%s), %d bytes appended", role, len(signed) - len(data))
    return signed


def _pdf_signer(
    config: SignerConfig,
    signer: Signer,
    role: str,
    box: look.BoxPlacement,
    signing_time: datetime,
    timestamper: TimeStamper | None,
) -> PdfSigner:
    field_name = FIELD_NAMES[role]
    meta = PdfSignatureMetadata(
        field_name=field_name,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=config.reason or DEFAULT_REASONS[role],
        location=config.location,
        certify=False,
    )
    spec = fields.SigFieldSpec(field_name, on_page=0, box=box.rect)
    if timestamper is None and config.timestamp_url:
        timestamper = HTTPTimeStamper(config.timestamp_url, timeout=int(config.timestamp_timeout_s))
    return _TimedPdfSigner(
        meta,
        signer,
        timestamper=timestamper,
        new_field_spec=spec,
        signing_time=signing_time,
    )


def _display_name(config: SignerConfig, signer: Signer) -> str:
    if config.display_name:
        return unicodedata.normalize("NFC", config.display_name.strip())
    cert = signer.signing_cert
    if cert is None:
        return ""
    common = cert.subject.native.get("common_name", "")
    return unicodedata.normalize("NFC", str(common))


def _first_page_box(data: bytes) -> tuple[float, float, float, float]:
    """Page 1's visible area (crop box, else media box) in user space."""
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) == 0:
                raise PdfError("the document has no page to sign")
            page = pdf.pages[0]
            if int(page.obj.get("/Rotate", 0)) % 360:
                log.warning("page 1 is rotated; the signature box is placed in unrotated coordinates")
            box = page.cropbox
            return (float(box[0]), float(box[1]), float(box[2]), float(box[3]))
    except pikepdf.PdfError as exc:
        raise PdfError(f"cannot read the PDF to sign: {exc}") from exc
