"""Where a signing key comes from: a PKCS#12 file or a PKCS#11 token (the officers' USB tokens).

``SignerConfig`` says which; ``open_signer`` yields a pyHanko ``Signer`` and closes the token
session afterwards. Secrets (passphrase, PIN) are excluded from ``repr`` and never logged.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.sign.signers import Signer, SimpleSigner

from app.core.errors import PdfError, SignerLocked

log = logging.getLogger(__name__)

SignerKind = Literal["pkcs12", "pkcs11"]
DEFAULT_PIN_ENV = "SOHOA_TOKEN_PIN"

_BAD_KEY_FILE_VI = (
    "Không mở được tệp khóa ký số: tệp bị hỏng hoặc không phải tệp .p12/.pfx. "
    "Báo quản trị viên gán lại tệp khóa ký số."
)
_USB_KEY_VI = (
    "Không dùng được USB ký số: kiểm tra token đã cắm, đúng mã PIN và đã cài trình điều khiển "
    "(PKCS#11) của nhà cung cấp, rồi ký lại."
)
_USB_PIN_VI = "Mã PIN USB ký số không đúng hoặc chưa nhập. Nhập đúng mã PIN rồi ký lại."
# python-pkcs11 exception types that mean "type the PIN (again)". PinLocked, PinExpired are not: a
# blocked token or an expired PIN needs the administrator, not another try.
_LOCKED_TOKEN_ERRORS = frozenset({"PinIncorrect", "PinInvalid", "PinLenRange", "UserNotLoggedIn"})


@dataclass(frozen=True)
class SignerConfig:
    """How one person signs: key source, name shown in the box, optional timestamp server and texts.

    ``kind="pkcs12"`` needs ``pkcs12_path`` (and ``pkcs12_passphrase`` if the file is protected).
    ``kind="pkcs11"`` needs ``pkcs11_module`` (the vendor's .so/.dll) and usually ``token_label``
    and ``key_label`` or ``cert_label``; the PIN comes from ``pin_callback`` (e.g. a dialog), else
    from the environment variable ``pin_env``, else the token asks for it itself (PIN pad or the
    vendor's own dialog).
    """

    kind: SignerKind = "pkcs12"
    display_name: str | None = None  # None: the certificate's common name
    pkcs12_path: Path | None = None
    pkcs12_passphrase: str | bytes | None = field(default=None, repr=False)
    pkcs11_module: Path | None = None
    token_label: str | None = None
    key_label: str | None = None
    cert_label: str | None = None
    slot_no: int | None = None
    pin_callback: Callable[[], str] | None = field(default=None, repr=False, compare=False)
    pin_env: str | None = DEFAULT_PIN_ENV
    timestamp_url: str | None = None
    timestamp_timeout_s: float = 10.0
    reason: str | None = None
    location: str | None = None


@contextmanager
def open_signer(config: SignerConfig) -> Iterator[Signer]:
    """A pyHanko signer for ``config``; a token session is closed when the block ends."""
    if config.kind == "pkcs12":
        yield _pkcs12_signer(config)
    elif config.kind == "pkcs11":
        with _pkcs11_signer(config) as signer:
            yield signer
    else:
        raise PdfError(f"unknown signer kind {config.kind!r}")


def _pkcs12_signer(config: SignerConfig) -> Signer:
    if config.pkcs12_path is None or not Path(config.pkcs12_path).is_file():
        raise PdfError(
            "PKCS#12 key file not found",
            message_vi="Không tìm thấy tệp khóa ký số (.p12). Kiểm tra cấu hình chữ ký.",
        )
    try:
        data = Path(config.pkcs12_path).read_bytes()
    except OSError as exc:
        raise PdfError("cannot read the PKCS#12 key file", message_vi=_BAD_KEY_FILE_VI) from exc
    secret = config.pkcs12_passphrase
    passphrase = secret.encode("utf-8") if isinstance(secret, str) else secret
    try:
        return _load_pkcs12(data, passphrase)
    except ValueError as exc:
        if passphrase is not None and _opens_without_passphrase(data):
            return _load_pkcs12(data, None)  # an unprotected file: the passphrase given does not matter
        if _is_pkcs12_container(data):  # a readable key file that stays closed: the passphrase is wrong
            raise SignerLocked("the PKCS#12 key file needs its passphrase") from exc
        raise PdfError("cannot open the PKCS#12 key file", message_vi=_BAD_KEY_FILE_VI) from exc


def _load_pkcs12(data: bytes, passphrase: bytes | None) -> Signer:
    """pyHanko's loader; a file holding no private key is reported as a damaged key file."""
    try:
        signer: Signer = SimpleSigner.load_pkcs12_data(data, other_certs=(), passphrase=passphrase)
    except (AttributeError, TypeError) as exc:  # no key or no certificate inside
        raise PdfError("the PKCS#12 file holds no usable key", message_vi=_BAD_KEY_FILE_VI) from exc
    return signer


def _opens_without_passphrase(data: bytes) -> bool:
    try:
        pkcs12.load_key_and_certificates(data, None)
    except ValueError:
        return False
    return True


def _is_pkcs12_container(data: bytes) -> bool:
    """Whether ``data`` parses as a PKCS#12 (PFX) structure, so a failed opening means a wrong passphrase."""
    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        pfx.native  # noqa: B018 - parses every part; damaged or foreign data raises here
    except (ValueError, TypeError, OverflowError):
        return False
    return True


def _token_pin(config: SignerConfig) -> str | object:
    from pkcs11 import PROTECTED_AUTH

    if config.pin_callback is not None:
        return config.pin_callback()
    if config.pin_env and os.environ.get(config.pin_env):
        return os.environ[config.pin_env]
    return PROTECTED_AUTH


@contextmanager
def _pkcs11_signer(config: SignerConfig) -> Iterator[Signer]:
    # Imported here: python-pkcs11 is a compiled extension that PKCS#12 users never need.
    import pkcs11
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

    if config.pkcs11_module is None or not Path(config.pkcs11_module).is_file():
        raise PdfError("PKCS#11 module not found", message_vi=_USB_KEY_VI)
    if not (config.key_label or config.cert_label):
        raise PdfError("a PKCS#11 signer needs key_label or cert_label", message_vi=_USB_KEY_VI)
    criteria = TokenCriteria(label=config.token_label) if config.token_label else None
    pin = _token_pin(config)
    try:
        session = open_pkcs11_session(
            str(config.pkcs11_module), slot_no=config.slot_no, token_criteria=criteria, user_pin=pin
        )
    except pkcs11.PKCS11Error as exc:
        # The exception type names the cause (PinIncorrect, TokenNotPresent...); never the PIN.
        cause = type(exc).__name__
        no_pin_pad = pin is pkcs11.PROTECTED_AUTH and cause == "ArgumentsBad"  # no PIN, token has no pad
        if cause in _LOCKED_TOKEN_ERRORS or no_pin_pad:
            raise SignerLocked(f"PKCS#11 login failed: {cause}", message_vi=_USB_PIN_VI) from exc
        raise PdfError(f"PKCS#11 session failed: {cause}", message_vi=_USB_KEY_VI) from exc
    try:
        yield PKCS11Signer(
            session,
            cert_label=config.cert_label or config.key_label,
            key_label=config.key_label or config.cert_label,
            other_certs_to_pull=None,
        )
    finally:
        session.close()
