"""The retention period removes only raw scans of documents the central repository confirmed long
enough ago; records, PDFs and everything not yet confirmed stay, and nothing is flagged as damaged."""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import ScanPurged
from app.core.outbox import OutboxState
from app.core.records import DocumentRecord
from app.core.station_config import StationConfig, check_config
from app.store import SqliteStore, open_store
from app.store.factory import DB_NAME
from app.sync_service import apply_retention
from tests.store.conftest import MakePage

LATER = datetime.now(UTC) + timedelta(days=31)  # a month after everything below was confirmed


def _confirm(store: SqliteStore, doc_id: int, pdf_sha: str) -> None:
    item = store.outbox.enqueue(doc_id, {}, pdf_sha, 10, f"{doc_id}.pdf")
    assert store.outbox.save(dataclasses.replace(item, state=OutboxState.CONFIRMED), OutboxState.PENDING)


def _seed(store: SqliteStore, make_page: MakePage) -> dict[str, object]:
    """Batch A: separator, document 1 (2 pages, confirmed), document 2 (1 page, only queued).
    Batch B: separator, document 3 (confirmed) whose page is the same file as document 2's."""
    a = store.create_batch("Lô A")
    shared = make_page(5)
    a_sep, a1, a2, a3 = (store.add_page(a.id, p) for p in (make_page(0), make_page(1), make_page(2), shared))
    d1, d2 = store.set_documents(a.id, [[a1.id, a2.id], [a3.id]])
    b = store.create_batch("Lô B")
    b_sep, b1 = store.add_page(b.id, make_page(10)), store.add_page(b.id, dataclasses.replace(shared))
    (d3,) = store.set_documents(b.id, [[b1.id]])
    for doc in (d1, d3):
        store.records.save_record(DocumentRecord(doc.id, doc_type="khai_sinh", fields={"so": "12"}), "")
        _confirm(store, doc.id, store.save_document_pdf(doc.id, b"%PDF-1.7 " + bytes([doc.id]) * 50))
    store.outbox.enqueue(d2.id, {}, "c" * 64, 10, "d2.pdf")
    pages = {"a_sep": a_sep, "a1": a1, "a2": a2, "a3": a3, "b_sep": b_sep, "b1": b1}
    return {"pages": pages, "docs": {"d1": d1.id, "d2": d2.id, "d3": d3.id}}


def _exists(store: SqliteStore, page: object) -> bool:
    return store.blobs.path(page.sha256).exists()  # type: ignore[attr-defined]


def test_confirmed_scans_go_after_the_period_and_nothing_else(
    store: SqliteStore, make_page: MakePage
) -> None:
    seeded = _seed(store, make_page)
    pages, docs = seeded["pages"], seeded["docs"]
    assert isinstance(pages, dict) and isinstance(docs, dict)
    sizes = sum(len(store.read_page(pages[k])) for k in ("a1", "a2", "b_sep"))

    result = store.retention.run(30, now=LATER)

    # Document 1's two pages and batch B's separator go; batch A's separator stays (document 2 is
    # not confirmed yet), and the file document 2 shares with document 3 stays.
    assert (result.documents, result.pages, result.files, result.bytes_freed) == (2, 4, 3, sizes)
    assert not _exists(store, pages["a1"]) and not _exists(store, pages["a2"])
    assert not _exists(store, pages["b_sep"])
    assert _exists(store, pages["a_sep"]) and _exists(store, pages["a3"]) and _exists(store, pages["b1"])
    assert store.read_page(pages["b1"]) == store.read_page(pages["a3"])  # the shared file is whole
    with pytest.raises(ScanPurged) as raised:
        store.read_page(pages["a1"])
    assert "thời hạn lưu giữ" in raised.value.user_message("vi")
    # The record and the signed PDF stay on the station.
    assert store.records.get_record(docs["d1"]).fields == {"so": "12"}
    pdf_sha = store.get_document(docs["d1"]).pdf_sha256
    assert pdf_sha and store.read_blob(pdf_sha).startswith(b"%PDF")
    entry = store.audit.entries()[-1]
    assert entry.target == "scans"
    assert entry.action == "scans_purged"
    assert entry.detail == {"days": 30, "documents": 2, "pages": 4, "files": 3, "bytes": sizes}
    # A second run finds nothing more; start-up checks do not call the removed files damaged.
    assert store.retention.run(30, now=LATER).pages == 0
    report = store.recover()
    assert report.missing_pages == ()
    assert all(p.state.value != "failed" for p in store.list_pages(pages["a1"].batch_id))


def test_nothing_goes_before_the_period_or_when_the_period_is_zero(
    store: SqliteStore, make_page: MakePage
) -> None:
    seeded = _seed(store, make_page)
    pages = seeded["pages"]
    assert isinstance(pages, dict)
    assert store.retention.run(30).pages == 0  # confirmed today: 30 days have not passed
    assert store.retention.run(0, now=LATER + timedelta(days=3000)).pages == 0  # 0 keeps for ever
    assert all(_exists(store, p) for p in pages.values())


def test_a_dry_run_counts_without_removing(store: SqliteStore, make_page: MakePage) -> None:
    seeded = _seed(store, make_page)
    pages = seeded["pages"]
    assert isinstance(pages, dict)
    result = store.retention.run(30, now=LATER, dry_run=True)
    assert (result.documents, result.pages, result.files, result.dry_run) == (2, 4, 3, True)
    assert all(_exists(store, p) for p in pages.values())
    assert store.read_page(pages["a1"])


def test_the_station_setting_drives_the_run(store: SqliteStore, make_page: MakePage) -> None:
    seeded = _seed(store, make_page)
    pages = seeded["pages"]
    assert isinstance(pages, dict)
    assert apply_retention(store).pages == 0  # the default keeps every scan
    config = dataclasses.replace(StationConfig("HN-DATON-01", "xa_da_ton"), retention_days=1)
    store.config.save(None, config, setup=True)
    assert store.config.get().retention_days == 1
    assert store.retention.run(store.config.get().retention_days, now=LATER).pages == 4


def test_the_period_is_checked_in_the_settings() -> None:
    good = StationConfig("HN-DATON-01", "xa_da_ton")
    assert check_config(dataclasses.replace(good, retention_days=365)) == []
    for bad in (-1, 3651):
        assert check_config(dataclasses.replace(good, retention_days=bad)) == [
            "Thời hạn giữ bản quét từ 0 (giữ mãi) đến 3650 ngày."
        ]


def test_sohoa_retention_command(
    data_dir: Path, make_page: MakePage, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(data_dir) as opened:
        _seed(opened, make_page)
    with contextlib.closing(sqlite3.connect(data_dir / DB_NAME)) as db, db:
        db.execute("UPDATE outbox SET updated_at = datetime('now', '-10 days') WHERE state = 'confirmed'")

    assert main(["--data-dir", str(data_dir), "retention", "--days", "7", "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("Sẽ xóa bản quét của 2 tài liệu (4 trang, ")
    assert main(["--data-dir", str(data_dir), "retention", "--days", "30"]) == 0
    assert capsys.readouterr().out == ""  # nothing has been confirmed for 30 days
    assert main(["--data-dir", str(data_dir), "retention"]) == 0  # the station keeps scans by default
    assert "giữ mọi bản quét" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "retention", "--days", "7"]) == 0
    assert capsys.readouterr().out.startswith("Đã xóa bản quét của 2 tài liệu (4 trang, ")
    with open_store(data_dir) as opened:
        assert opened.retention.run(7).pages == 0
