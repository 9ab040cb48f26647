"""`sohoa sign` twice (officer, then supervisor) and `sohoa verify`: both signatures intact and trusted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.pdf.certs import CertificateAuthority, cert_pem
from tests.ocr_pdf.conftest import OFFICER_NAME, SUPERVISOR_NAME, Person

SOHOA = Path(sys.executable).parent / "sohoa"


def _sohoa(*args: str | Path, secret: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ}
    if secret is not None:
        env["SOHOA_P12_PASSPHRASE"] = secret
    return subprocess.run(
        [str(SOHOA), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_officer_then_supervisor_sign_and_verify(
    tmp_path: Path, pdfa_bytes: bytes, officer: Person, supervisor: Person, test_ca: CertificateAuthority
) -> None:
    src, one, two, ca = (tmp_path / n for n in ("doc.pdf", "one.pdf", "two.pdf", "ca.pem"))
    src.write_bytes(pdfa_bytes)
    ca.write_bytes(cert_pem(test_ca.cert))
    first = _sohoa("sign", src, one, "--p12", officer.p12, secret=officer.passphrase)
    assert first.returncode == 0, first.stderr
    second = _sohoa(
        "sign", one, two, "--p12", supervisor.p12, "--role", "supervisor", secret=supervisor.passphrase
    )
    assert second.returncode == 0, second.stderr
    assert two.read_bytes().startswith(one.read_bytes())  # incremental: the officer's bytes untouched
    checked = _sohoa("verify", two, "--trust", ca)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    lines = checked.stdout.strip().splitlines()
    assert len(lines) == 2
    assert OFFICER_NAME in lines[0] and SUPERVISOR_NAME in lines[1]
    assert all("nguyên vẹn, tin cậy" in line for line in lines)


def test_wrong_passphrase_is_refused_in_vietnamese(
    tmp_path: Path, pdfa_bytes: bytes, officer: Person
) -> None:
    src = tmp_path / "doc.pdf"
    src.write_bytes(pdfa_bytes)
    done = _sohoa("sign", src, tmp_path / "out.pdf", "--p12", officer.p12, secret="sai-mat-khau")
    assert done.returncode != 0
    assert "sai-mat-khau" not in done.stderr + done.stdout
    assert "mật khẩu" in done.stderr.lower()
    assert not (tmp_path / "out.pdf").exists()


def test_tampered_file_fails_verification(tmp_path: Path, pdfa_bytes: bytes, officer: Person) -> None:
    src, signed = tmp_path / "doc.pdf", tmp_path / "signed.pdf"
    src.write_bytes(pdfa_bytes)
    assert _sohoa("sign", src, signed, "--p12", officer.p12, secret=officer.passphrase).returncode == 0
    data = bytearray(signed.read_bytes())
    at = data.index(b"/Im0 Do")
    data[at + 1] = ord("J")  # change the page content inside the signed range
    signed.write_bytes(bytes(data))
    done = _sohoa("verify", signed)
    assert done.returncode == 1
    assert "KHÔNG nguyên vẹn" in done.stdout
