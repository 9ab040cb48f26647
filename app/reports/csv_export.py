"""Every record's metadata as CSV (UTF-8 with BOM, so Excel reads Vietnamese) for the city's own systems."""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Mapping, Sequence

log = logging.getLogger(__name__)

BOM = "\ufeff"


def records_csv(rows: Sequence[Mapping[str, str]], leading: Sequence[str]) -> bytes:
    """One line per record: the ``leading`` columns, then every field key seen in any record (sorted)."""
    extra = sorted({key for row in rows for key in row} - set(leading))
    columns = [*leading, *extra]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_safe(row.get(col, "")) for col in columns])
    return (BOM + out.getvalue()).encode("utf-8")


def _safe(value: str) -> str:
    # A value starting with = + - @ would run as a formula when the sheet is opened in Excel.
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value
