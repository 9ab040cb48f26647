"""PAdES B-T with an in-process timestamp authority, and signing the station's own PDF/A output."""

from __future__ import annotations

import socket
from datetime import UTC, datetime

import numpy as np
import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

from app.core.errors import PdfError
from app.pdf.certs import CertificateAuthority, issue_tsa_cert
from app.pdf.signing import sign_pdf
from app.pdf.verify import verify_pdf
from app.pdf.verify_pdfa import pdfa_problems_after_signing
from tests.ocr_pdf.conftest import Person

STAMP_TIME = datetime(2026, 11, 27, 3, 16, tzinfo=UTC)


def _dummy_tsa(ca: CertificateAuthority) -> DummyTimeStamper:
    key, cert = issue_tsa_cert(ca)
    der_key = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(der_key),
        certs_to_embed=[asn1_x509.Certificate.load(ca.cert_der)],
        fixed_dt=STAMP_TIME,
    )


def test_with_a_timestamp_server_the_signature_carries_a_trusted_timestamp(
    pdfa_bytes: bytes, officer: Person, test_ca: CertificateAuthority
) -> None:
    signed = sign_pdf(pdfa_bytes, officer.config(), timestamper=_dummy_tsa(test_ca))
    [report] = verify_pdf(signed, [test_ca.cert])
    assert report.ok and report.timestamped
    assert report.timestamp_time == STAMP_TIME


def test_an_unreachable_timestamp_server_stops_signing_with_a_message(
    pdfa_bytes: bytes, officer: Person
) -> None:
    with socket.socket() as closed:  # bound but not listening: connections are refused at once
        closed.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{closed.getsockname()[1]}/tsa"
        with pytest.raises(PdfError) as caught:
            sign_pdf(pdfa_bytes, officer.config(timestamp_url=url, timestamp_timeout_s=2))
    assert "dấu thời gian" in caught.value.user_message("vi")


def _rule_ids(problems: list[str]) -> set[str]:
    return {p.split(" at ")[0] for p in problems}


def test_signing_the_station_pdfa_output_adds_no_pdfa_problem(
    officer: Person, supervisor: Person, test_ca: CertificateAuthority
) -> None:
    pdfa = pytest.importorskip("app.pdf.pdfa")
    compress = pytest.importorskip("app.pdf.compress")
    types = pytest.importorskip("app.pdf.types")
    page = np.full((1169, 827), 250, np.uint8)
    page[150:170, 100:700] = 20
    prepared = compress.prepare_page(page, 100, [])
    meta = types.PdfMetadata(title="Quyết định", identifier="test-doc", fields={"so_ky_hieu": "05/QĐ-UBND"})
    unsigned = pdfa.assemble_pdfa([prepared], meta)
    signed = sign_pdf(sign_pdf(unsigned, officer.config()), supervisor.config(), role="supervisor")
    assert all(r.ok for r in verify_pdf(signed, [test_ca.cert]))
    # Whatever pikepdf says about the unsigned file, signing must not add a new kind of problem.
    assert _rule_ids(pdfa_problems_after_signing(signed)) <= _rule_ids(pdfa.validate_pdfa(unsigned))
