"""Fixtures for the PDF tests: a test CA, officer and supervisor key files, a small PDF/A to sign."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pikepdf
import pikepdf.pdfa
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from app.pdf.certs import CertificateAuthority, issue_person_cert, make_test_ca, write_pkcs12
from app.pdf.sign_keys import SignerConfig

OFFICER_NAME = "Nguyễn Văn Đức"
SUPERVISOR_NAME = "Trần Thị Bích Ngọc"
A4 = (595.28, 841.89)
CONTENT_MARKER = b"/Im0 Do"


@dataclass(frozen=True)
class Person:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    p12: Path
    passphrase: str

    def config(self, **overrides: object) -> SignerConfig:
        fields: dict[str, object] = {"pkcs12_path": self.p12, "pkcs12_passphrase": self.passphrase}
        fields.update(overrides)
        return SignerConfig(**fields)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def test_ca() -> CertificateAuthority:
    return make_test_ca()


def _person(ca: CertificateAuthority, folder: Path, name: str, passphrase: str) -> Person:
    key, cert = issue_person_cert(ca, name, organization="UBND xã Đa Tốn")
    path = write_pkcs12(folder / "signer.p12", key, cert, [ca.cert], passphrase)
    return Person(key, cert, path, passphrase)


@pytest.fixture(scope="session")
def officer(test_ca: CertificateAuthority, tmp_path_factory: pytest.TempPathFactory) -> Person:
    return _person(test_ca, tmp_path_factory.mktemp("keys"), OFFICER_NAME, "mat-khau-can-bo")


@pytest.fixture(scope="session")
def supervisor(test_ca: CertificateAuthority, tmp_path_factory: pytest.TempPathFactory) -> Person:
    return _person(test_ca, tmp_path_factory.mktemp("keys"), SUPERVISOR_NAME, "mat-khau-lanh-dao")


def _page_image() -> np.ndarray:
    """A gray A4-ish page at 50 dpi: white paper, a few dark text-like bars."""
    img = np.full((585, 413), 245, np.uint8)
    for row in range(60, 500, 24):
        img[row : row + 8, 50:360] = 30
    return img


@pytest.fixture(scope="session")
def pdfa_bytes() -> bytes:
    """One A4 page (an image and an uncompressed content stream) saved and validated as PDF/A-2b."""
    img = _page_image()
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=A4)
    image = pikepdf.Stream(pdf, img.tobytes())
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height = img.shape[1], img.shape[0]
    image.ColorSpace, image.BitsPerComponent = pikepdf.Name.DeviceGray, 8
    page = pdf.pages[0]
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.Contents = pikepdf.Stream(pdf, b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % A4)
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = "Giấy khai sinh"
    out = io.BytesIO()
    report = pikepdf.pdfa.save(pdf, out, "2b", compress_streams=False)
    assert report.passed, report.findings
    data = out.getvalue()
    assert CONTENT_MARKER in data
    return data
