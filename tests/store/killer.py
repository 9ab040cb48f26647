"""Child process for the crash test: journal pages in a loop until the parent kills it (SIGKILL).

``python killer.py DATA_DIR SEED`` runs one scan in this process. ``python killer.py --serve`` imports
the store once, then for each "DATA_DIR SEED" line on stdin forks a scanner process (so ten kills do
not pay ten interpreter start-ups) and prints "reaped" once that process is dead.

A scanner prints "pid <pid>", "batch <id>", then "stored <seq> <sha256>" after each add_page returns
(an acknowledged page), flushing every line.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from app.core.ports import ScannedPage
from app.store import open_store

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_PAGES = 5000


def scan_until_killed(data_dir: Path, seed: int) -> None:
    rng = random.Random(seed)
    print(f"pid {os.getpid()}", flush=True)
    store = open_store(data_dir)
    batch = store.create_batch(f"crash {seed}", device="simulated")
    print(f"batch {batch.id}", flush=True)
    for n in range(1, MAX_PAGES + 1):
        data = PNG_SIGNATURE + rng.randbytes(rng.randint(1_000, 400_000))
        page = store.add_page(batch.id, ScannedPage(data, "image/png", 300, f"simulated p.{n}"))
        print(f"stored {page.seq} {page.sha256}", flush=True)
    store.close()


def serve() -> None:
    for line in sys.stdin:
        data_dir, seed = line.split()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                scan_until_killed(Path(data_dir), int(seed))
                code = 0
            finally:
                sys.stdout.flush()
                os._exit(code)
        os.waitpid(pid, 0)
        print("reaped", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "--serve":
        serve()
    else:
        scan_until_killed(Path(sys.argv[1]), int(sys.argv[2]))
