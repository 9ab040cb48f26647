"""Private SANE configuration folders: which backends libsane loads, set before ``sane.init()``.

A private ``SANE_CONFIG_DIR`` lets tests (and a demo mode) load only the virtual ``test`` and
``pnm`` backends instead of probing every USB and network scanner the machine knows about.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

SYSTEM_CONFIG_DIR = Path("/etc/sane.d")


def make_private_config(
    target: Path,
    backends: Iterable[str] = ("test", "pnm"),
    *,
    source: Path = SYSTEM_CONFIG_DIR,
    overrides: dict[str, str] | None = None,
) -> Path:
    """Write a SANE config folder at ``target`` enabling only ``backends``; return ``target``.

    Each backend's ``<name>.conf`` is copied from ``source`` when present; ``overrides`` maps a
    backend name to the full text of its ``.conf`` instead.
    """
    target.mkdir(parents=True, exist_ok=True)
    names = list(backends)
    (target / "dll.conf").write_text("".join(f"{name}\n" for name in names), encoding="ascii")
    (target / "dll.d").mkdir(exist_ok=True)  # empty: ignore packages' drop-in backend lists
    for name in names:
        conf = target / f"{name}.conf"
        if overrides and name in overrides:
            conf.write_text(overrides[name], encoding="utf-8")
        elif (source / f"{name}.conf").is_file():
            shutil.copyfile(source / f"{name}.conf", conf)
    log.debug("private SANE config with %d backend(s) written", len(names))
    return target
