"""Jobs for the child-process tests: a driver that crashes, one that hangs."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator


def crash_after_one(_should_cancel: Callable[[], bool]) -> Iterator[str]:
    yield "page 1"
    time.sleep(0.2)
    os.abort()  # what a segfaulting backend looks like from outside
    yield "never"


def hang(_should_cancel: Callable[[], bool]) -> Iterator[str]:
    yield "page 1"
    time.sleep(3600)
    yield "never"
