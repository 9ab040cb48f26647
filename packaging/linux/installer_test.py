"""`make installer-test`: build the .deb, install it with dpkg into a clean root, run it there, upgrade it.

Every run of the installed program has a clean HOME, a PATH that holds nothing (so no `tesseract` and
no .venv can be found there) and Qt's offscreen platform. Checks print ``PASS name: detail`` or
``FAIL name: detail``; the last line counts them; the exit code is 1 when anything failed.

    python packaging/linux/installer_test.py [--reuse-bundle] [--keep]

The upgrade packs the same PyInstaller bundle twice, under two versions, and installs the second over
the first with dpkg (its real upgrade path: old files replaced, new ones unpacked). Before the upgrade
the data folder's database is taken one migration back, standing in for a build one schema older, so
the new build's start must run a migration on it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))

from build import PACKAGE, PREFIX, package_version  # noqa: E402

SAMPLE_PAGE = "0002.jpg"  # the demo's birth certificate (app/demo/sample_pages.py)
EXPECTED_FIELDS = {"chu_the_ho_ten": "Nguyễn Minh Khôi", "chu_the_so_dinh_danh": "001219012345"}
PDF_WORDS = ("khai sinh", "việt nam", "nguyễn minh khôi")


class Checks:
    """Collects PASS/FAIL lines."""

    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}", flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        return ok


class Installed:
    """The package installed by dpkg into ``root``, run with a clean environment."""

    def __init__(self, root: Path, home: Path) -> None:
        self.root = root
        self.home = home
        self.opt = root / PREFIX
        empty = home.parent / "empty-path"
        empty.mkdir(exist_ok=True)
        self.env = {
            "HOME": str(home),
            "PATH": str(empty),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
        }

    def run(self, name: str, *args: str, extra: dict[str, str] | None = None, timeout: float = 300) -> str:
        command = [str(self.opt / name), *args]
        done = subprocess.run(
            command,
            env={**self.env, **(extra or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command[1:])} exited {done.returncode}: {done.stderr[-2000:]}")
        return done.stdout

    def self_test(self, action: str, data_dir: Path | None = None) -> dict[str, Any]:
        args = ["--self-test", action] + (["--data-dir", str(data_dir)] if data_dir else [])
        out = self.run("sohoa-station", *args)
        return dict(json.loads(out.strip().splitlines()[-1]))


def dpkg(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["dpkg", f"--root={root}", "--force-depends", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def init_root(root: Path) -> None:
    """An empty system root with its own dpkg database (nothing installed)."""
    admin = root / "var" / "lib" / "dpkg"
    for folder in (admin / "updates", admin / "info", admin / "triggers"):
        folder.mkdir(parents=True, exist_ok=True)
    for name in ("status", "available"):
        (admin / name).touch()


def build(version: str, out: Path, reuse: bool, compression: str) -> tuple[Path, float]:
    started = time.monotonic()
    command = [sys.executable, str(HERE / "build.py"), "--version", version, "--out", str(out)]
    command += ["--compression", compression] + (["--reuse-bundle"] if reuse else [])
    subprocess.run(command, check=True, cwd=REPO)
    return next(out.glob(f"{PACKAGE}_{version}_*.deb")), time.monotonic() - started


def check_depends(c: Checks, deb: Path) -> None:
    """apt resolves the package's Depends on this machine (simulated install, nothing changes)."""
    done = subprocess.run(
        ["apt-get", "-s", "install", str(deb.resolve())], capture_output=True, text=True, check=False
    )  # fmt: skip
    lines = [x for x in done.stdout.splitlines() if x.startswith("Inst ")]
    c.check("apt resolves the Depends here", done.returncode == 0, "; ".join(lines) or done.stderr[-400:])


def check_layout(c: Checks, app: Installed, version: str) -> None:
    opt = app.opt
    c.check("installed files", (opt / "sohoa-station").is_file() and (opt / "_internal").is_dir(), str(opt))
    links = {n: str((app.root / "usr" / "bin" / n).readlink()) for n in ("sohoa-station", "sohoa")}
    c.check("launchers in /usr/bin", links == {n: f"/{PREFIX}/{n}" for n in links}, str(links))
    desktop = app.root / "usr/share/applications/sohoa-station.desktop"
    icon = app.root / "usr/share/icons/hicolor/256x256/apps/sohoa-station.png"
    c.check("desktop entry and icon", desktop.is_file() and icon.is_file(), f"{desktop.name}, {icon.name}")
    status = dpkg(app.root, "-s", PACKAGE)
    c.check("dpkg knows the version", f"Version: {version}" in status, version)
    c.check("no tesseract on PATH", shutil.which("tesseract", path=app.env["PATH"]) is None, app.env["PATH"])


def check_gui(c: Checks, app: Installed) -> Path:
    data = app.home / "gui-demo"
    report = app.self_test("gui", data)
    c.check(
        "GUI main window offscreen",
        report["platform"] == "offscreen" and report["visible"] and report["painted_colours"] > 3,
        f"{report['window_title']!r} {report['size']}, {report['painted_colours']} colours",
    )
    c.check("Vietnamese translation loaded", report["translator"], "resources/i18n/sohoa_vi.qm")
    c.check("document types loaded", report["doctypes"] >= 7, f"{report['doctypes']} types")
    plugins = set(report["platform_plugins"])
    c.check("Qt platform plugins", {"libqxcb.so", "libqoffscreen.so"} <= plugins, ", ".join(sorted(plugins)))
    xcb = next(app.opt.glob("_internal/PySide6/Qt/plugins/platforms/libqxcb.so"))
    missing = _missing_libraries(xcb, app.opt / "_internal")
    c.check("xcb plugin libraries resolve", not missing, ", ".join(missing) or "all found")
    return data / "demo-pages" / SAMPLE_PAGE


def check_gui_x11(c: Checks, app: Installed) -> None:
    """The window on a real X server (Xvfb) through the bundled xcb plugin and the machine's X libraries."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        c.check("GUI on X11 (xcb)", False, "Xvfb is not installed (make installer-test installs it)")
        return
    server = subprocess.Popen(
        [xvfb, "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1600x1000x24"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        display = server.stdout.readline().strip() if server.stdout else ""
        extra = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{display}"}
        out = app.run("sohoa-station", "--self-test", "gui", "--data-dir", str(app.home / "x11"), extra=extra)
        report = json.loads(out.strip().splitlines()[-1])
        ok = report["platform"] == "xcb" and report["visible"] and report["painted_colours"] > 3
        c.check("GUI on X11 (xcb)", ok, f"display :{display}, {report['painted_colours']} colours")
    finally:
        server.terminate()
        server.wait(10)


def check_gui_entry(c: Checks, app: Installed, seconds: float = 12.0) -> None:
    """The real start (`sohoa-station --profile demo`: demo central service, window, login) stays up."""
    env = {**app.env, "SOHOA_DATA_DIR": str(app.home / "entry-demo")}
    log_path = app.home / "entry.log"
    with log_path.open("w", encoding="utf-8") as log_file:
        process = subprocess.Popen(
            [str(app.opt / "sohoa-station"), "--profile", "demo"], env=env, stdout=log_file, stderr=log_file
        )
        try:
            process.wait(seconds)
        except subprocess.TimeoutExpired:
            process.terminate()
            process.wait(10)
    output = log_path.read_text(encoding="utf-8", errors="replace")
    up = process.returncode == -15 and "Traceback" not in output and "Store opened" in output
    detail = f"up for {seconds:.0f} s" if up else f"exit {process.returncode}: {output[-800:]}"
    c.check("desktop entry starts and keeps running", up, detail)


def _missing_libraries(binary: Path, library_dir: Path) -> list[str]:
    env = {"LD_LIBRARY_PATH": str(library_dir), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(["ldd", str(binary)], env=env, capture_output=True, text=True, check=False).stdout
    return [line.split()[0] for line in out.splitlines() if "not found" in line]


def check_tesseract(c: Checks, app: Installed) -> None:
    info = app.self_test("ocr-info")
    inside = str(app.opt)
    c.check(
        "OCR library is the bundled tesserocr",
        info["engine"] == "tesserocr" and info["tesserocr_module"].startswith(inside),
        f"{info['tesserocr_tesseract']} from {info['tesserocr_module']}",
    )
    c.check("models are the bundled tessdata", info["tessdata"].startswith(inside), info["tessdata"])
    c.check(
        "Tesseract CLI is the bundled one",
        info["tesseract_cmd"].startswith(inside) and {"vie", "osd", "eng"} <= set(info["cli_languages"]),
        f"{info['tesseract_cmd']} {info['cli_version']} {info['cli_languages']}",
    )
    binary = app.opt / "_internal" / "tesseract" / "bin" / "tesseract"
    env = {"LD_LIBRARY_PATH": str(app.opt / "_internal"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(["ldd", str(binary)], env=env, capture_output=True, text=True, check=True).stdout
    lib = next((line.split("=>")[1].split()[0] for line in out.splitlines() if "libtesseract" in line), "")
    c.check("bundled CLI loads the bundled libtesseract", lib.startswith(inside), lib)


def check_fonts(c: Checks, app: Installed) -> None:
    chosen = app.self_test("fonts")
    paths = [*chosen["report"], chosen["signature"], chosen["cover_sheet"]]
    inside = [p.startswith(str(app.opt)) for p in paths]
    c.check("PDF fonts are the bundled ones", all(inside), ", ".join(Path(p).name for p in paths))


def check_processing(c: Checks, app: Installed, page: Path, work: Path) -> None:
    source = work / "one-page"
    source.mkdir()
    shutil.copy2(page, source / page.name)
    for engine in ("library", "cli"):
        out = work / f"out-{engine}"
        extra = {"SOHOA_OCR_ENGINE": "cli"} if engine == "cli" else {}
        started = time.monotonic()
        app.run("sohoa", "process", str(source), "--out", str(out), extra=extra)
        seconds = time.monotonic() - started
        docs = [json.loads(x) for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
        fields = docs[0]["fields"] if docs else {}
        got = {k: fields.get(k) for k in EXPECTED_FIELDS}
        c.check(
            f"sohoa process ({engine}) record",
            len(docs) == 1 and docs[0]["doc_type"] == "khai_sinh" and got == EXPECTED_FIELDS,
            f"{docs[0]['doc_type'] if docs else None} {got} in {seconds:.1f} s",
        )
        text = _pdf_text(out / docs[0]["pdf"]) if docs else ""
        found = [w for w in PDF_WORDS if w in text]
        c.check(f"PDF text layer ({engine}) has Vietnamese", found == list(PDF_WORDS), f"found {found}")


def _pdf_text(path: Path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        text = " ".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    return unicodedata.normalize("NFC", " ".join(text.split())).lower()


def check_sane(c: Checks, app: Installed, work: Path) -> None:
    config = work / "sane.d"
    config.mkdir()
    (config / "dll.conf").write_text("test\n", encoding="ascii")
    extra = {"SANE_CONFIG_DIR": str(config)}
    devices = app.run("sohoa", "devices", extra=extra)
    c.check(
        "SANE devices via the frozen child process", "test:0" in devices, devices.strip().replace("\n", "; ")
    )
    scan = app.run(
        "sohoa", "--data-dir", str(work / "scan-data"), "scan", "--driver", "sane", "--device", "test:0",
        "--source", "flatbed", "--mode", "gray", "--dpi", "200", "--max-pages", "1", extra=extra,
    )  # fmt: skip
    c.check("SANE scan of one page", "1 trang" in scan, scan.strip().splitlines()[-1] if scan.strip() else "")


def check_upgrade(c: Checks, app: Installed, deb2: Path, version2: str) -> None:
    data = app.home / ".local" / "share" / "sohoa-station"  # the user's data folder (platformdirs)
    before = app.self_test("stage", data)
    pending = [i for i in before["outbox"] if i["state"] == "pending"]
    c.check("staged: batch queued for sync", len(before["batches"]) == 1 and len(pending) == 1, str(before))
    schema = app.self_test("downgrade", data)
    c.check("data taken one migration back", schema["current"] != schema["heads"], str(schema))
    dpkg(app.root, "-i", str(deb2))
    version = (app.opt / "VERSION").read_text(encoding="ascii").strip()
    c.check(
        "upgraded package installed",
        version == version2 and version2 in dpkg(app.root, "-s", PACKAGE),
        version,
    )
    listed = app.run("sohoa", "batches")  # station profile, default data folder: opens and migrates the store
    name = before["batches"][0]["name"]
    c.check("new build lists the old batch", name in listed, listed.strip())
    after_schema = app.self_test("schema", data)
    c.check("migrations ran on start", after_schema["current"] == after_schema["heads"], str(after_schema))
    after = app.self_test("inspect", data)
    same = after["batches"] == before["batches"] and after["documents"] == before["documents"]
    c.check("batch and documents kept", same, f"{len(after['documents'])} documents")
    c.check("queued item kept", after["outbox"] == before["outbox"], str(after["outbox"]))
    gui = app.self_test("gui", data)
    c.check("new build opens its window on the old data", gui["visible"], gui["window_title"])
    dpkg(app.root, "-r", PACKAGE)
    c.check("remove keeps user data", not app.opt.exists() and (data / "station.db").is_file(), str(data))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="build, install, run and upgrade the Linux package")
    parser.add_argument("--reuse-bundle", action="store_true", help="package the last PyInstaller bundle")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--compression", default="zstd", choices=("zstd", "xz", "gzip"))
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="sohoa-installer-test-"))
    c = Checks()
    try:
        run_all(c, work, args)
    except (RuntimeError, subprocess.CalledProcessError, OSError, KeyError, ValueError) as exc:
        c.check("installer test ran to the end", False, f"{type(exc).__name__}: {exc}")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"installer-test: {c.passed} passed, {c.failed} failed")
    return 1 if c.failed else 0


def run_all(c: Checks, work: Path, args: argparse.Namespace) -> None:
    version1 = package_version()
    version2 = f"{version1}+upgrade1"
    deb1, seconds = build(version1, work / "debs", args.reuse_bundle, args.compression)
    size_mb = deb1.stat().st_size / 1e6
    c.check("package built", deb1.is_file(), f"{deb1.name}: {size_mb:.1f} MB in {seconds:.0f} s")
    deb2, _ = build(version2, work / "debs", True, args.compression)
    check_depends(c, deb1)
    root = work / "root"
    init_root(root)
    dpkg(root, "-i", str(deb1))
    home = work / "home"
    home.mkdir()
    app = Installed(root, home)
    installed_mb = sum(p.lstat().st_size for p in app.opt.rglob("*")) / 1e6
    check_layout(c, app, version1)
    page = check_gui(c, app)
    check_gui_x11(c, app)
    check_gui_entry(c, app)
    check_tesseract(c, app)
    check_fonts(c, app)
    check_processing(c, app, page, work)
    check_sane(c, app, work)
    check_upgrade(c, app, deb2, version2)
    print(f"package size: {size_mb:.1f} MB ({deb1.name}); installed: {installed_mb:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
