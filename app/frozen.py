"""The station as a PyInstaller build: where the bundled things are, and one entry point for all roles.

A frozen station is one executable (``sohoa-station``); ``sohoa`` is a link to it. What it does is
chosen from how it was started, before anything heavy is imported:

- ``multiprocessing`` workers (spawn/forkserver re-run the executable): ``freeze_support`` takes them;
- ``--sohoa-scanner-child FD``: the SANE driver's child process (``app.scanning.child``);
- ``--self-test ...``: the packaging checks (``sohoa_selftest``, bundled only in the build);
- started as ``sohoa`` (or with ``--cli`` first): the command line, ``app.cli``;
- anything else: the desktop window, ``app.__main__``.

``configure`` points Tesseract (the tesserocr library and the CLI fallback) at the bundled engine and
models. Fonts and resources need nothing here: the bundle keeps ``resources/`` (with ``fonts/``) at
the same place relative to the code as the source tree does.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

TESSERACT_FOLDER = (
    "tesseract"  # inside the bundle: tesseract (Linux launcher; bin/) or tesseract.exe, tessdata/
)
CLI_NAMES = frozenset({"sohoa", "sohoa.exe"})
CLI_FLAG = "--cli"
SELF_TEST_FLAG = "--self-test"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def bundle_dir() -> Path | None:
    """The folder holding the bundled code and data (PyInstaller's ``_internal``), or None from source."""
    folder = getattr(sys, "_MEIPASS", None)
    return Path(folder) if is_frozen() and folder else None


def tesseract_paths(bundle: Path, platform: str = sys.platform) -> tuple[Path, Path]:
    """The bundled Tesseract (Linux: a launcher script; Windows: tesseract.exe) and its tessdata folder."""
    root = bundle / TESSERACT_FOLDER
    return root / ("tesseract.exe" if platform == "win32" else "tesseract"), root / "tessdata"


def configure(bundle: Path | None = None) -> dict[str, str]:
    """Point Tesseract at the bundle (environment, so worker processes inherit it); returns what was set."""
    bundle = bundle or bundle_dir()
    if bundle is None:
        return {}
    launcher, tessdata = tesseract_paths(bundle)
    chosen: dict[str, str] = {}
    if tessdata.is_dir():  # the bundle's models match its engine: they win over a machine's own
        chosen["TESSDATA_PREFIX"] = str(tessdata)
    if launcher.is_file():  # `tesseract` on PATH is the bundled one, first
        chosen["PATH"] = os.pathsep.join(p for p in (str(launcher.parent), os.environ.get("PATH", "")) if p)
    os.environ.update(chosen)
    if launcher.is_file():
        _set_pytesseract_command(str(launcher))
    return chosen


def _set_pytesseract_command(command: str) -> None:
    try:
        import pytesseract
    except ImportError:
        return
    pytesseract.pytesseract.tesseract_cmd = command


def role(argv: list[str]) -> str:
    """What a frozen start is for: "child", "self-test", "cli" or "gui" (argv as in ``sys.argv``)."""
    from app.scanning.child import FROZEN_CHILD_FLAG

    first = argv[1] if len(argv) > 1 else ""
    if first == FROZEN_CHILD_FLAG:
        return "child"
    if first == SELF_TEST_FLAG:
        return "self-test"
    if first == CLI_FLAG or Path(argv[0]).name.lower() in CLI_NAMES:
        return "cli"
    return "gui"


def boot(argv: list[str] | None = None) -> int:
    """The frozen executable's whole life: take multiprocessing's workers, configure, dispatch."""
    import multiprocessing

    multiprocessing.freeze_support()  # a worker process never returns from here
    argv = list(sys.argv if argv is None else argv)
    configure()
    chosen = role(argv)
    log.debug("frozen start as %s", chosen)
    return _ENTRIES[chosen](argv)


def _child(argv: list[str]) -> int:
    from app.scanning.child import run_child

    run_child(int(argv[2]))
    return 0


def _self_test(argv: list[str]) -> int:
    import sohoa_selftest  # type: ignore[import-not-found,unused-ignore]  # bundled by the spec only

    return int(sohoa_selftest.main(argv[2:]))


def _cli(argv: list[str]) -> int:
    from app.cli import main

    return main(argv[2:] if argv[1:2] == [CLI_FLAG] else argv[1:])


def _gui(argv: list[str]) -> int:
    from app.__main__ import main

    return main(argv[1:])


_ENTRIES: dict[str, Callable[[list[str]], int]] = {
    "child": _child,
    "self-test": _self_test,
    "cli": _cli,
    "gui": _gui,
}
