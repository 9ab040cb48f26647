"""The retention period for scans: once the central repository has confirmed a document, its raw
scans may leave the station after ``days``; records, PDFs, text and the audit log always stay.

DOMAIN.md: nothing is deleted locally before a verified receipt, then only by the retention policy.
A scan file is removed only when every page that uses it is due (a file shared with a page of a
document not yet confirmed stays), and never a file a PDF is stored in.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

log = logging.getLogger(__name__)

KEEP_FOREVER = 0  # the default: scans stay until an administrator sets a period
MAX_RETENTION_DAYS = 3650


@dataclass(frozen=True)
class RetentionResult:
    """What one run removed (or, ``dry_run``, would remove)."""

    days: int
    documents: int = 0
    pages: int = 0
    files: int = 0
    bytes_freed: int = 0
    dry_run: bool = False


def cutoff(now: datetime, days: int) -> datetime | None:
    """Documents confirmed at or before this moment have served the period; None: retention is off."""
    if days <= KEEP_FOREVER:
        return None
    return now - timedelta(days=days)


def removable_files(
    due_pages: Mapping[int, str], all_pages: Mapping[int, str], protected: Iterable[str]
) -> set[str]:
    """The scan files of ``due_pages`` (page id -> file hash) that no other page and nothing
    ``protected`` (e.g. stored PDFs) uses."""
    kept = {sha for page_id, sha in all_pages.items() if page_id not in due_pages} | set(protected)
    return {sha for sha in due_pages.values() if sha not in kept}


def check_retention_days(days: int) -> bool:
    """True when ``days`` is a period the station accepts (0 keeps every scan)."""
    return KEEP_FOREVER <= days <= MAX_RETENTION_DAYS
