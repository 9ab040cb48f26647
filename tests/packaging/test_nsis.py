"""The Windows installer script compiles here with makensis against a stand-in PyInstaller folder."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "packaging" / "windows" / "installer.nsi"
MAKENSIS = shutil.which("makensis")
SEVEN_ZIP = shutil.which("7z")

pytestmark = pytest.mark.skipif(MAKENSIS is None, reason="makensis missing: `make setup` installs nsis")

# What PyInstaller leaves in dist\TramSoHoa (packaging/windows/sohoa-win.spec), in miniature.
PAYLOAD_FILES = (
    "TramSoHoa.exe",
    "sohoa.exe",
    "_internal/python311.dll",
    "_internal/resources/i18n/sohoa_vi.qm",
    "_internal/resources/doctypes/khai_sinh.yaml",
    "_internal/tesseract/tesseract.exe",
    "_internal/tesseract/libtesseract-5.dll",
    "_internal/tesseract/tessdata/vie.traineddata",
    "_internal/tesseract/tessdata/osd.traineddata",
    "_internal/tesseract/tessdata/eng.traineddata",
)


def stand_in_payload(root: Path) -> Path:
    folder = root / "TramSoHoa"
    for name in PAYLOAD_FILES:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"MZ" + name.encode() if name.endswith(".exe") else name.encode())
    return folder


def compile_installer(tmp_path: Path, *defines: str) -> subprocess.CompletedProcess[str]:
    args = [str(MAKENSIS), "-V2", "-WX", *(f"-D{d}" for d in defines), str(SCRIPT)]
    return subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=tmp_path)


def fixed_file_version(exe: bytes) -> tuple[int, int, int, int]:
    """The numeric file version of a PE's VS_FIXEDFILEINFO (the four numbers Windows shows)."""
    at = exe.index(struct.pack("<I", 0xFEEF04BD))
    ms, ls = struct.unpack_from("<II", exe, at + 8)
    return ms >> 16, ms & 0xFFFF, ls >> 16, ls & 0xFFFF


@pytest.fixture
def installer(tmp_path: Path) -> Path:
    payload = stand_in_payload(tmp_path / "dist")
    out = tmp_path / f"TramSoHoa-{__version__}-setup.exe"
    done = compile_installer(tmp_path, f"VERSION={__version__}", f"PAYLOAD={payload}", f"OUTFILE={out}")
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_installer_is_a_windows_executable_carrying_the_version(installer: Path) -> None:
    data = installer.read_bytes()
    assert data[:2] == b"MZ"
    pe_offset = struct.unpack_from("<I", data, 0x3C)[0]
    assert data[pe_offset : pe_offset + 4] == b"PE\0\0"
    assert __version__.encode("utf-16-le") in data  # ProductVersion in the file's properties
    major, minor, patch, build = fixed_file_version(data)
    assert f"{major}.{minor}.{patch}" == re.sub(r"[a-z].*$", "", __version__) and build == 0


@pytest.mark.skipif(SEVEN_ZIP is None, reason="7z missing: `make setup` installs p7zip-full")
def test_installer_holds_the_payload_and_an_uninstaller(installer: Path) -> None:
    listing = subprocess.run(
        [str(SEVEN_ZIP), "l", "-slt", str(installer)], capture_output=True, text=True, check=True
    ).stdout
    names = {
        line.split(" = ", 1)[1].replace("\\", "/")
        for line in listing.splitlines()
        if line.startswith("Path = ")
    }
    assert set(PAYLOAD_FILES) <= names
    assert "uninstall.exe" in names
    assert not any("sohoa-station" in n or "AppData" in n for n in names)  # no user data in the package


def test_pre_release_version_gets_numeric_file_properties(tmp_path: Path) -> None:
    payload = stand_in_payload(tmp_path / "dist")
    out = tmp_path / "rc.exe"
    done = compile_installer(tmp_path, "VERSION=1.4.2rc3", f"PAYLOAD={payload}", f"OUTFILE={out}")
    assert done.returncode == 0, done.stdout + done.stderr
    assert fixed_file_version(out.read_bytes()) == (1, 4, 2, 0)


def test_missing_version_or_payload_stops_the_build_with_a_reason(tmp_path: Path) -> None:
    payload = stand_in_payload(tmp_path / "dist")
    no_version = compile_installer(tmp_path, f"PAYLOAD={payload}", f"OUTFILE={tmp_path / 'a.exe'}")
    assert no_version.returncode != 0 and "/DVERSION=" in no_version.stdout + no_version.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    no_payload = compile_installer(
        tmp_path, "VERSION=1.0.0", f"PAYLOAD={empty}", f"OUTFILE={tmp_path / 'b.exe'}"
    )
    assert no_payload.returncode != 0 and "TramSoHoa.exe is missing" in no_payload.stdout + no_payload.stderr
    assert not (tmp_path / "a.exe").exists() and not (tmp_path / "b.exe").exists()


def test_script_removes_only_program_files_and_never_user_data() -> None:
    script = SCRIPT.read_text(encoding="utf-8-sig")
    recursive = re.findall(r"^\s*RMDir\s+/r\s+(\S+)", script, flags=re.MULTILINE)
    assert recursive == ['"$INSTDIR\\_internal"']  # the bundle folder, nothing else, ever
    code = "\n".join(
        line.split(";", 1)[0] for line in script.splitlines() if not line.lstrip().startswith("LangString")
    )
    for user_folder in ("$LOCALAPPDATA", "$APPDATA", "$PROFILE", "sohoa-station"):
        assert user_folder not in code
    assert "%LOCALAPPDATA%\\TramSoHoa\\sohoa-station" in script  # the uninstaller says where data stay


def test_sign_command_signs_the_uninstaller_and_the_installer(tmp_path: Path) -> None:
    payload = stand_in_payload(tmp_path / "dist")
    log = tmp_path / "signed.log"
    signer = tmp_path / "sign.py"
    signer.write_text(f"import sys\nopen({str(log)!r}, 'a').write(sys.argv[-1] + '\\n')\n")
    out = tmp_path / "signed-setup.exe"
    sign = f"{sys.executable} {signer}"
    done = compile_installer(
        tmp_path, "VERSION=1.0.0", f"PAYLOAD={payload}", f"OUTFILE={out}", f"SIGN={sign}"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    signed = log.read_text().split()
    assert len(signed) == 2 and signed[-1] == str(out)  # the uninstaller first, inside; then the installer
