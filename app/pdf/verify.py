"""Check the signatures in a signed document: who signed, when, and whether the bytes are untouched.

Used by the station after signing and, later, by the central repository on receipt. Validation runs
offline (no CRL/OCSP fetching, revocation checks soft-fail) against the trust roots given: the
national root CA in production, the station's own demo CA in the demo profile and tests.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeAlias

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.misc import PdfError as PyHankoPdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from app.core.errors import PdfError
from app.pdf.certs import load_certificate

log = logging.getLogger(__name__)

TrustRoot: TypeAlias = bytes | x509.Certificate | asn1_x509.Certificate
_ACCEPTABLE_CHANGES = {ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING}


class _WithoutCertificateNames(logging.Filter):
    """pyHanko logs the signer's certificate subject (a person's name) when a chain fails: redact it."""

    def filter(self, record: logging.LogRecord) -> bool:
        cause = record.exc_info[1] if record.exc_info else None
        record.msg = "certificate validation: %s (subject withheld)"
        record.args = (type(cause).__name__ if cause is not None else "problem",)
        record.exc_info = None
        record.exc_text = None
        # An untrusted chain is what verify_pdf reports to its caller; it is no warning for the logs.
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return True


logging.getLogger("pyhanko.sign.validation.generic_cms").addFilter(_WithoutCertificateNames())


@dataclass(frozen=True)
class SignatureReport:
    """What one signature says and whether it holds.

    ``intact``: the signed byte range hashes to the signed digest (nothing changed);
    ``valid``: the cryptographic signature over it checks out; ``trusted``: the signer's
    certificate chains to one of the given roots; ``modification_level``: what later revisions
    changed after this signature ("none", "form_filling" for later signatures, "other" if
    suspicious); ``covers_whole_document``: no revision was appended after it.
    """

    field_name: str
    signer_name: str | None
    signing_time: datetime | None
    intact: bool
    valid: bool
    trusted: bool
    covers_whole_document: bool
    coverage: str
    modification_level: str | None
    docmdp_ok: bool | None
    timestamped: bool
    timestamp_time: datetime | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """Intact, valid, trusted, and nothing but later signatures or form filling added after it."""
        allowed = {level.name.lower() for level in _ACCEPTABLE_CHANGES}
        return (
            self.intact
            and self.valid
            and self.trusted
            and self.docmdp_ok is not False
            and (self.modification_level in allowed)
        )


def verify_pdf(data: bytes, trust_roots: Sequence[TrustRoot] | None = None) -> list[SignatureReport]:
    """One report per signature, in signing order; ``trusted`` is False for all without roots."""
    context = ValidationContext(
        trust_roots=[_as_asn1(root) for root in trust_roots or ()],
        allow_fetching=False,
        revocation_mode="soft-fail",
    )
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_regular_signatures
    except (PyHankoPdfError, ValueError, KeyError) as exc:
        raise PdfError(
            f"unreadable signed PDF: {type(exc).__name__}",
            message_vi="Tệp PDF đã ký bị hỏng, không đọc được. Yêu cầu gửi lại tệp.",
        ) from exc
    reports = [_check(signature, context) for signature in signatures]
    log.info("verified %d signature(s), %d ok", len(reports), sum(r.ok for r in reports))
    return reports


def _check(signature: EmbeddedPdfSignature, context: ValidationContext) -> SignatureReport:
    try:
        status = validate_pdf_signature(signature, context)
    except (PyHankoPdfError, ValueError, KeyError, TypeError) as exc:
        # Damage bad enough that pyHanko cannot even evaluate the signature counts as not intact.
        log.warning("signature %s could not be evaluated: %s", signature.field_name, type(exc).__name__)
        return SignatureReport(
            field_name=signature.field_name,
            signer_name=None,
            signing_time=None,
            intact=False,
            valid=False,
            trusted=False,
            covers_whole_document=False,
            coverage="unclear",
            modification_level=None,
            docmdp_ok=None,
            timestamped=False,
            error=f"{type(exc).__name__}: {exc}",
        )
    return _report(signature.field_name, status)


def _report(field_name: str, status: PdfSignatureStatus) -> SignatureReport:
    level = status.modification_level
    stamp = status.timestamp_validity
    return SignatureReport(
        field_name=field_name,
        signer_name=_common_name(status.signing_cert),
        signing_time=status.signer_reported_dt,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        covers_whole_document=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        coverage=status.coverage.name.lower() if status.coverage is not None else "unclear",
        modification_level=level.name.lower() if level is not None else None,
        docmdp_ok=status.docmdp_ok,
        timestamped=stamp is not None,
        timestamp_time=stamp.timestamp if stamp is not None else None,
    )


def _common_name(cert: asn1_x509.Certificate | None) -> str | None:
    if cert is None:
        return None
    name = cert.subject.native.get("common_name")
    return str(name) if name is not None else None


def _as_asn1(root: TrustRoot) -> asn1_x509.Certificate:
    if isinstance(root, asn1_x509.Certificate):
        return root
    if isinstance(root, x509.Certificate):
        return asn1_x509.Certificate.load(root.public_bytes(serialization.Encoding.DER))
    der = load_certificate(root).public_bytes(serialization.Encoding.DER)
    return asn1_x509.Certificate.load(der)
