"""Test and demo certificates: a small CA, personal signing certificates and PKCS#12 key files.

Real officers sign with certificates from a licensed Vietnamese CA (VNPT-CA, Viettel-CA, ...). The
demo profile and the tests instead create their own CA in their data folder with these helpers, so
that signing and verification can run end to end without a token or a network.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

log = logging.getLogger(__name__)

DEFAULT_KEY_BITS = 2048
_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class CertificateAuthority:
    """A self-signed root that issues the station's demo and test certificates."""

    key: rsa.RSAPrivateKey
    cert: x509.Certificate

    @property
    def cert_der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)


def _name(common_name: str, organization: str | None) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if organization:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return x509.Name(attrs)


def _new_key(bits: int) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def make_test_ca(
    name: str = "Trạm Số hóa - CA thử nghiệm",
    *,
    organization: str | None = "Trạm Số hóa (demo)",
    valid_days: int = 3650,
    key_bits: int = DEFAULT_KEY_BITS,
    now: dt.datetime | None = None,
) -> CertificateAuthority:
    """Create a self-signed root CA (RSA, SHA-256) valid from yesterday for ``valid_days``."""
    start = (now or dt.datetime.now(dt.UTC)) - _ONE_DAY
    key = _new_key(key_bits)
    subject = _name(name, organization)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_ca_key_usage(), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return CertificateAuthority(key=key, cert=cert)


def _ca_key_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=False,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=True,
        crl_sign=True,
        encipher_only=False,
        decipher_only=False,
    )


def _signer_key_usage() -> x509.KeyUsage:
    # Document signing needs digitalSignature and nonRepudiation (contentCommitment).
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def issue_person_cert(
    ca: CertificateAuthority,
    name: str,
    *,
    organization: str | None = None,
    email: str | None = None,
    valid_days: int = 730,
    key_bits: int = DEFAULT_KEY_BITS,
    now: dt.datetime | None = None,
) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    """Issue a personal document-signing certificate whose common name is the person's full name."""
    start = (now or dt.datetime.now(dt.UTC)) - _ONE_DAY
    key = _new_key(key_bits)
    end = min(start + dt.timedelta(days=valid_days), ca.cert.not_valid_after_utc)
    builder = (
        _leaf_builder(ca, key, _name(name, organization), start, end)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False
        )
    )
    if email:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
    return key, builder.sign(ca.key, hashes.SHA256())


def _leaf_builder(
    ca: CertificateAuthority, key: rsa.RSAPrivateKey, subject: x509.Name, start: dt.datetime, end: dt.datetime
) -> x509.CertificateBuilder:
    """What every end-entity certificate of the test CA shares: issuer, validity, signing key usage."""
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_signer_key_usage(), critical=True)
    )


def issue_tsa_cert(
    ca: CertificateAuthority, name: str = "Trạm Số hóa - TSA thử nghiệm", *, key_bits: int = DEFAULT_KEY_BITS
) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    """A time-stamping authority certificate (critical timeStamping EKU, RFC 3161) for tests."""
    start = dt.datetime.now(dt.UTC) - _ONE_DAY
    key = _new_key(key_bits)
    cert = (
        _leaf_builder(ca, key, _name(name, None), start, ca.cert.not_valid_after_utc)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(ca.key, hashes.SHA256())
    )
    return key, cert


def pkcs12_bytes(
    key: rsa.RSAPrivateKey,
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    passphrase: str | bytes | None,
    *,
    friendly_name: str = "sohoa-signing-key",
) -> bytes:
    """Serialise a key, its certificate and the issuing chain as PKCS#12 (AES, PBKDF2)."""
    secret = passphrase.encode("utf-8") if isinstance(passphrase, str) else passphrase
    algorithm: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(secret) if secret else serialization.NoEncryption()
    )
    return pkcs12.serialize_key_and_certificates(
        friendly_name.encode("utf-8"), key, cert, chain or None, algorithm
    )


def write_pkcs12(
    path: Path | str,
    key: rsa.RSAPrivateKey,
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    passphrase: str | bytes | None,
) -> Path:
    """Write a PKCS#12 key file atomically, readable by its owner only (mode 0600 where supported)."""
    target = Path(path)
    data = pkcs12_bytes(key, cert, chain, passphrase)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".p12-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)  # noqa: PTH101 - mkstemp hands back a str path
        os.replace(tmp, target)  # noqa: PTH105
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    log.info("wrote PKCS#12 key file %s", target.name)
    return target


def cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def load_certificate(data: bytes) -> x509.Certificate:
    """Load a certificate from PEM or DER bytes."""
    if data.lstrip().startswith(b"-----BEGIN"):
        return x509.load_pem_x509_certificate(data)
    return x509.load_der_x509_certificate(data)
