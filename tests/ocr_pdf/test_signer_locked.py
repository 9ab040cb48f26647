"""A locked signing key (passphrase-protected .p12, USB token PIN) is told apart from a broken one, so
the station can ask for the passphrase or PIN instead of failing with a generic error."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.approval import check_signer
from app.core.accounts import Role
from app.core.errors import PdfError, SignerLocked
from app.pdf.certs import CertificateAuthority, issue_person_cert, write_pkcs12
from app.pdf.sign_keys import SignerConfig, open_signer
from app.pdf.signing import sign_pdf
from app.pdf.verify import verify_pdf
from app.store import open_store
from tests.ocr_pdf.conftest import OFFICER_NAME
from tests.ocr_pdf.test_sign_pkcs11 import PIN, SOFTHSM_LIBS, TOKEN

PASSPHRASE = "Mật-khẩu 2026"  # non-ASCII on purpose: typed in Vietnamese, encoded as UTF-8


@pytest.fixture(scope="module")
def token(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An empty SoftHSM token (a PIN, no key: logging in is all these tests do); returns the module.

    SoftHSM reads its configuration when the library is initialised, so the library is unloaded
    before and after: the next user (test_sign_pkcs11) starts afresh with its own token folder."""
    import pkcs11

    lib = next((p for p in SOFTHSM_LIBS if p.is_file()), None)
    if lib is None or shutil.which("softhsm2-util") is None:
        pytest.skip("SoftHSM2 is not installed (apt package softhsm2)")
    folder = tmp_path_factory.mktemp("softhsm-pin")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n"
    )
    mp = pytest.MonkeyPatch()
    mp.setenv("SOFTHSM2_CONF", str(conf))
    init = ["softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--so-pin", "13579", "--pin", PIN]
    subprocess.run(init, check=True, capture_output=True)
    pkcs11.unload(str(lib))
    yield lib
    pkcs11.unload(str(lib))
    mp.undo()


@pytest.fixture(scope="module")
def locked_p12(test_ca: CertificateAuthority, tmp_path_factory: pytest.TempPathFactory) -> Path:
    key, cert = issue_person_cert(test_ca, OFFICER_NAME, organization="UBND xã Đa Tốn")
    return write_pkcs12(
        tmp_path_factory.mktemp("locked") / "officer.p12", key, cert, [test_ca.cert], PASSPHRASE
    )


@pytest.mark.parametrize("given", [None, "", "sai-mat-khau"])
def test_a_protected_key_file_without_its_passphrase_is_locked(
    locked_p12: Path, pdfa_bytes: bytes, given: str | None
) -> None:
    with pytest.raises(SignerLocked) as caught:
        sign_pdf(pdfa_bytes, SignerConfig(pkcs12_path=locked_p12, pkcs12_passphrase=given))
    assert caught.value.code == "signer_locked"
    assert caught.value.message_vi.startswith("Khóa ký số cần mật khẩu hoặc mật khẩu không đúng")
    assert "sai-mat-khau" not in str(caught.value) + caught.value.user_message("vi")


def test_the_right_passphrase_signs(
    locked_p12: Path, pdfa_bytes: bytes, test_ca: CertificateAuthority
) -> None:
    signed = sign_pdf(pdfa_bytes, SignerConfig(pkcs12_path=locked_p12, pkcs12_passphrase=PASSPHRASE))
    [report] = verify_pdf(signed, [test_ca.cert])
    assert report.ok and report.signer_name == OFFICER_NAME


def test_a_damaged_key_file_is_not_mistaken_for_a_locked_one(locked_p12: Path, tmp_path: Path) -> None:
    for name, data in {"half.p12": locked_p12.read_bytes()[:800], "text.p12": b"not a key file\n"}.items():
        (tmp_path / name).write_bytes(data)
        config = SignerConfig(pkcs12_path=tmp_path / name, pkcs12_passphrase=PASSPHRASE)
        with pytest.raises(PdfError) as caught, open_signer(config):
            pass
        assert not isinstance(caught.value, SignerLocked), name
        assert "hỏng" in caught.value.message_vi


def test_an_unprotected_key_file_ignores_a_stray_passphrase(
    test_ca: CertificateAuthority, tmp_path: Path, pdfa_bytes: bytes
) -> None:
    key, cert = issue_person_cert(test_ca, OFFICER_NAME)
    path = write_pkcs12(tmp_path / "open.p12", key, cert, [test_ca.cert], None)
    signed = sign_pdf(pdfa_bytes, SignerConfig(pkcs12_path=path, pkcs12_passphrase="left-over"))
    assert verify_pdf(signed, [test_ca.cert])[0].ok


@pytest.mark.parametrize("pin", ["000000", "42", None])
def test_a_wrong_or_missing_token_pin_is_locked(token: Path, pin: str | None) -> None:
    config = SignerConfig(
        kind="pkcs11",
        pkcs11_module=token,
        token_label=TOKEN,
        key_label="can-bo",
        pin_callback=(lambda: pin) if pin is not None else None,  # type: ignore[misc]
        pin_env=None,
    )
    with pytest.raises(SignerLocked) as caught, open_signer(config):
        pass
    assert "Mã PIN USB ký số không đúng" in caught.value.message_vi
    assert pin is None or pin not in str(caught.value)


def test_a_missing_token_is_not_a_pin_problem(token: Path) -> None:
    config = SignerConfig(
        kind="pkcs11",
        pkcs11_module=token,
        token_label="khong-co",
        key_label="can-bo",
        pin_callback=lambda: PIN,
    )
    with pytest.raises(PdfError) as caught, open_signer(config):
        pass
    assert not isinstance(caught.value, SignerLocked)


def test_check_signer_opens_the_accounts_key_before_any_signing(locked_p12: Path, tmp_path: Path) -> None:
    store = open_store(tmp_path / "station")
    try:
        admin = store.accounts.create(None, "quantri", "Quản Trị", "mat-khau-123", frozenset({Role.ADMIN}))
        clerk = store.accounts.create(
            admin, "canbo1", OFFICER_NAME, "mat-khau-123", frozenset({Role.OFFICER})
        )
        with pytest.raises(PdfError) as caught:
            check_signer(store, clerk, None)  # no key assigned yet: not a passphrase problem
        assert not isinstance(caught.value, SignerLocked)
        store.accounts.set_signer(admin, clerk.id, {"kind": "pkcs12", "pkcs12_path": str(locked_p12)})
        for wrong in (None, "sai"):
            with pytest.raises(SignerLocked):
                check_signer(store, clerk, wrong)
        check_signer(store, clerk, PASSPHRASE)
    finally:
        store.close()
