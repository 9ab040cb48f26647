"""Signing with a PKCS#11 token, as with an officer's USB token, using a SoftHSM2 token in a temp dir."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from app.core.errors import PdfError
from app.pdf.certs import CertificateAuthority
from app.pdf.sign_keys import SignerConfig
from app.pdf.signing import sign_pdf
from app.pdf.verify import verify_pdf
from tests.ocr_pdf.conftest import OFFICER_NAME, Person

SOFTHSM_LIBS = (
    Path("/usr/lib/softhsm/libsofthsm2.so"),
    Path("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
    Path("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
    Path("/usr/local/lib/softhsm/libsofthsm2.so"),
)
TOKEN, LABEL, PIN = "sohoa-test", "can-bo", "246810"


def _softhsm_lib() -> Path:
    lib = next((p for p in SOFTHSM_LIBS if p.is_file()), None)
    if lib is None or shutil.which("softhsm2-util") is None:
        pytest.skip("SoftHSM2 is not installed (apt package softhsm2)")
    return lib


@pytest.fixture(scope="module")
def token(officer: Person, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh SoftHSM token holding the officer's key and certificate; returns the module path."""
    lib = _softhsm_lib()
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n"
    )
    mp = pytest.MonkeyPatch()
    mp.setenv("SOFTHSM2_CONF", str(conf))
    key_pem = folder / "key.pem"
    key_pem.write_bytes(
        officer.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    util = ["softhsm2-util", "--so-pin", "13579", "--pin", PIN]
    subprocess.run([*util, "--init-token", "--free", "--label", TOKEN], check=True, capture_output=True)
    subprocess.run(
        [
            "softhsm2-util",
            "--import",
            str(key_pem),
            "--token",
            TOKEN,
            "--label",
            LABEL,
            "--id",
            "01",
            "--pin",
            PIN,
        ],
        check=True,
        capture_output=True,
    )
    key_pem.unlink()
    _store_certificate(lib, officer)
    yield lib
    mp.undo()


def _store_certificate(lib: Path, officer: Person) -> None:
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    token = pkcs11.lib(str(lib)).get_token(token_label=TOKEN)
    with token.open(rw=True, user_pin=PIN) as session:
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.LABEL: LABEL,
                Attribute.ID: b"\x01",
                Attribute.SUBJECT: officer.cert.subject.public_bytes(),
                Attribute.VALUE: officer.cert.public_bytes(serialization.Encoding.DER),
            }
        )


def _token_config(lib: Path, pin: str) -> SignerConfig:
    return SignerConfig(
        kind="pkcs11", pkcs11_module=lib, token_label=TOKEN, key_label=LABEL, pin_callback=lambda: pin
    )


def test_officer_signs_with_a_pkcs11_token(
    token: Path, pdfa_bytes: bytes, test_ca: CertificateAuthority
) -> None:
    signed = sign_pdf(pdfa_bytes, _token_config(token, PIN))
    [report] = verify_pdf(signed, [test_ca.cert])
    assert report.ok and report.signer_name == OFFICER_NAME


def test_a_wrong_token_pin_is_reported_without_the_pin(token: Path, pdfa_bytes: bytes) -> None:
    with pytest.raises(PdfError) as caught:
        sign_pdf(pdfa_bytes, _token_config(token, "000000"))
    assert "PIN" in caught.value.user_message("vi")
    assert "000000" not in str(caught.value)
