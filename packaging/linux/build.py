"""Build the station's Linux package: PyInstaller one-folder bundle, then a .deb (dpkg-deb) in dist/.

    python packaging/linux/build.py [--version 0.2.0] [--reuse-bundle] [--out dist]

The version is app/__init__.py's ``__version__`` unless ``--version`` or $SOHOA_PACKAGE_VERSION says
otherwise. The package installs the bundle to /opt/sohoa-station, links ``sohoa-station`` (window) and
``sohoa`` (command line) into /usr/bin and adds a desktop entry with an icon. It has no maintainer
scripts and never touches user data (~/.local/share/sohoa-station). See docs/install-linux.md.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from icon import write_icon

log = logging.getLogger("build")

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PACKAGE = "sohoa-station"
PREFIX = Path("opt") / PACKAGE
VERSION_ENV = "SOHOA_PACKAGE_VERSION"
# What the bundle needs from the machine: Qt's X11/xcb libraries and fonts (as in the Makefile's apt
# list), and libsane1, so that the machine's own scanner drivers (SANE backends) are the ones used.
DEPENDS = (
    "libc6 (>= 2.36)",
    "libsane1",
    "libxcb-cursor0",
    "libxkbcommon-x11-0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libx11-xcb1",
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0",
    "fonts-dejavu-core",
)
DESKTOP = """[Desktop Entry]
Type=Application
Name=Trạm Số hóa
Name[en]=Digitisation station
Comment=Số hóa kết quả thủ tục hành chính
Comment[en]=Digitise the paper results of administrative procedures
Exec=sohoa-station
Icon=sohoa-station
Terminal=false
Categories=Office;Scanning;Graphics;
StartupWMClass=sohoa-station
"""


def package_version(explicit: str | None = None) -> str:
    """The package's version: explicit, then $SOHOA_PACKAGE_VERSION, then app.__version__."""
    chosen = explicit or os.environ.get(VERSION_ENV, "").strip()
    if not chosen:
        text = (REPO / "app" / "__init__.py").read_text(encoding="utf-8")
        found = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
        if not found:
            raise SystemExit("no __version__ in app/__init__.py")
        chosen = found.group(1)
    if not re.fullmatch(r"[0-9][A-Za-z0-9.+~-]*", chosen):
        raise SystemExit(f"not a Debian version: {chosen!r}")
    return chosen


def build_bundle(work: Path) -> Path:
    """Run PyInstaller on the spec; returns the one-folder bundle."""
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
            "--distpath", str(work / "dist"), "--workpath", str(work / "work"), str(HERE / "sohoa.spec"),
        ],
        check=True,
        cwd=REPO,
    )  # fmt: skip
    bundle = work / "dist" / PACKAGE
    (bundle / "_internal" / "tesseract" / "tesseract").chmod(0o755)
    log.info("PyInstaller bundle built in %.0f s", time.monotonic() - started)
    return bundle


def stage_tree(bundle: Path, root: Path, version: str) -> None:
    """The package's file tree under ``root`` (without DEBIAN/)."""
    target = root / PREFIX
    shutil.copytree(bundle, target, symlinks=True)
    (target / "sohoa").symlink_to("sohoa-station")  # started as `sohoa`: the command line
    (target / "VERSION").write_text(version + "\n", encoding="ascii")
    usr_bin = root / "usr" / "bin"
    usr_bin.mkdir(parents=True)
    for name in ("sohoa-station", "sohoa"):
        (usr_bin / name).symlink_to(f"/{PREFIX}/{name}")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / f"{PACKAGE}.desktop").write_text(DESKTOP, encoding="utf-8")
    for size in (48, 128, 256):
        write_icon(
            root / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{PACKAGE}.png", size
        )
    docs = root / "usr" / "share" / "doc" / PACKAGE
    docs.mkdir(parents=True)
    shutil.copy2(REPO / "docs" / "install-linux.md", docs / "install-linux.md")


def write_control(root: Path, version: str) -> None:
    architecture = subprocess.run(
        ["dpkg", "--print-architecture"], check=True, capture_output=True, text=True
    ).stdout.strip()
    size_kb = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) // 1024
    control = root / "DEBIAN" / "control"
    control.parent.mkdir(parents=True)
    control.write_text(
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {architecture}\n"
        "Maintainer: Trạm Số hóa team <sohoa@localhost>\n"
        f"Installed-Size: {size_kb}\n"
        f"Depends: {', '.join(DEPENDS)}\n"
        "Section: graphics\n"
        "Priority: optional\n"
        "Description: Trạm Số hóa - digitisation station for administrative-procedure results\n"
        " Scans (SANE), cleans, reads (Tesseract, Vietnamese) and describes paper results,\n"
        " builds signed PDF/A documents and sends them to the city's central repository.\n"
        " Self-contained: Python, Qt, Tesseract with its Vietnamese model and fonts are inside.\n",
        encoding="utf-8",
    )


def build_deb(root: Path, out: Path, version: str, compression: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{PACKAGE}_{version}_{_arch(root)}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(root), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return deb


def _arch(root: Path) -> str:
    for line in (root / "DEBIAN" / "control").read_text(encoding="utf-8").splitlines():
        if line.startswith("Architecture:"):
            return line.split(":", 1)[1].strip()
    return "all"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default=None, help=f"package version (default: ${VERSION_ENV}, app)")
    parser.add_argument("--out", type=Path, default=REPO / "dist")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "linux")
    parser.add_argument("--reuse-bundle", action="store_true", help="package the last PyInstaller bundle")
    # zstd: dpkg on Debian 12 and Ubuntu 22.04+ reads it; xz is 5-10 times slower to build here
    parser.add_argument("--compression", choices=("zstd", "xz", "gzip", "none"), default="zstd")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    version = package_version(args.version)
    started = time.monotonic()
    bundle = args.work / "dist" / PACKAGE
    if not (args.reuse_bundle and (bundle / PACKAGE).is_file()):
        bundle = build_bundle(args.work)
    args.work.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="deb-root-", dir=args.work))  # one per run: builds may overlap
    root.chmod(0o755)
    try:
        stage_tree(bundle, root, version)
        write_control(root, version)
        deb = build_deb(root, args.out, version, args.compression)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    size_mb = deb.stat().st_size / 1e6
    print(f"built {deb} ({size_mb:.1f} MB) in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
