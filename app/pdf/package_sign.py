"""Detached CMS (PKCS#7) signatures over a USB package's header, made and checked with pyHanko.

The officer signs with the same key source as for PDFs (PKCS#12 file or PKCS#11 token, see
``sign_keys``); validation runs offline like ``verify``: intact and valid always, trusted only
when trust roots are given.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from asn1crypto import cms
from pyhanko.sign.validation import async_validate_detached_cms
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko_certvalidator import ValidationContext

from app.core.errors import PdfError
from app.pdf.sign_keys import SignerConfig, open_signer
from app.pdf.verify import TrustRoot, _as_asn1

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DetachedReport:
    """``intact``: the data hashes to the signed digest; ``valid``: the signature checks out;
    ``trusted``: the signer chains to a given root (always False without roots)."""

    intact: bool
    valid: bool
    trusted: bool
    signer_name: str | None


def sign_detached(data: bytes, config: SignerConfig) -> bytes:
    """A DER-encoded detached CMS SignedData over ``data`` (SHA-256) by ``config``'s key."""
    with open_signer(config) as signer:
        content = asyncio.run(signer.async_sign_general_data(data, "sha256", detached=True))
    der: bytes = content.dump()
    return der


def verify_detached(
    data: bytes, signature: bytes, trust_roots: Sequence[TrustRoot] | None = None
) -> DetachedReport:
    """Check a detached signature of ``data``; PdfError when the signature cannot even be read."""
    try:
        info = cms.ContentInfo.load(signature)
        signed_data = info["content"]
        if info["content_type"].native != "signed_data":
            raise ValueError("not SignedData")
    except (ValueError, TypeError, KeyError) as exc:
        raise PdfError(f"unreadable CMS signature: {type(exc).__name__}") from exc
    context = ValidationContext(
        trust_roots=[_as_asn1(root) for root in trust_roots or ()],
        allow_fetching=False,
        revocation_mode="soft-fail",
    )
    try:
        status = asyncio.run(
            async_validate_detached_cms(data, signed_data, signer_validation_context=context)
        )
    except (SignatureValidationError, ValueError, TypeError, KeyError) as exc:
        log.warning("package signature could not be evaluated: %s", type(exc).__name__)
        return DetachedReport(intact=False, valid=False, trusted=False, signer_name=None)
    name = status.signing_cert.subject.native.get("common_name") if status.signing_cert else None
    return DetachedReport(
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted) and bool(trust_roots),
        signer_name=str(name) if name else None,
    )
