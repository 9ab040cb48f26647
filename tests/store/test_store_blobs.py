"""Page files: hash-verified reads, idempotent writes, and nothing half-written when the disk fills."""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import event

from app.core.errors import DiskFull, IntegrityError, StoreError
from app.core.ports import ScannedPage
from app.store import BlobStore, SqliteStore


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


@pytest.fixture
def blobs(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "files", tmp_path / "tmp")


def test_put_returns_sha256_and_get_returns_bytes(blobs: BlobStore) -> None:
    sha = blobs.put(b"page bytes")
    assert sha == hashlib.sha256(b"page bytes").hexdigest()
    assert blobs.get(sha) == b"page bytes"
    assert blobs.put(b"page bytes") == sha
    assert _files(blobs.root) == [blobs.path(sha)]
    assert _files(blobs.tmp_dir) == []


def test_tampered_file_raises_integrity_error(
    store: SqliteStore, make_page: Callable[..., ScannedPage]
) -> None:
    batch = store.create_batch("Lô 1")
    page = store.add_page(batch.id, make_page(1))
    path = store.page_path(page)
    data = bytearray(path.read_bytes())
    data[100] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(IntegrityError):
        store.read_page(page)
    path.unlink()
    with pytest.raises(IntegrityError):
        store.read_page(page)


def test_put_repairs_a_damaged_copy_of_the_same_bytes(blobs: BlobStore) -> None:
    sha = blobs.put(b"A" * 1000)
    blobs.path(sha).write_bytes(b"B" * 1000)  # same size, wrong content
    assert blobs.put(b"A" * 1000) == sha
    assert blobs.get(sha) == b"A" * 1000


def test_path_rejects_names_that_are_not_hashes(blobs: BlobStore) -> None:
    with pytest.raises(ValueError):
        blobs.path("../../etc/passwd")


def _fail_after_first_chunk(err: int) -> object:
    real_write = os.write
    calls = {"n": 0}

    def fake_write(fd: int, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] == 1:
            return real_write(fd, bytes(data[: len(data) // 2]))  # a partial write, then the disk fills
        raise OSError(err, os.strerror(err))

    return fake_write


def test_disk_full_while_writing_page_leaves_nothing_behind(
    store: SqliteStore, monkeypatch: pytest.MonkeyPatch, make_page: Callable[..., ScannedPage]
) -> None:
    batch = store.create_batch("Lô 1")
    earlier = [store.add_page(batch.id, make_page(i)) for i in (1, 2)]
    files_before = _files(store.data_dir / "files")
    with monkeypatch.context() as patch:
        patch.setattr(os, "write", _fail_after_first_chunk(errno.ENOSPC))
        with pytest.raises(DiskFull) as caught:
            store.add_page(batch.id, make_page(3, size=50_000))
    assert "đầy" in caught.value.user_message("vi")
    assert _files(store.data_dir / "files") == files_before
    assert _files(store.data_dir / "tmp") == []
    assert store.list_pages(batch.id) == earlier
    assert [len(store.read_page(p)) for p in earlier] == [2056, 2056]
    assert store.add_page(batch.id, make_page(3)).seq == 3  # space freed: scanning continues


def test_other_write_errors_become_store_error(
    store: SqliteStore, monkeypatch: pytest.MonkeyPatch, make_page: Callable[..., ScannedPage]
) -> None:
    batch = store.create_batch("Lô 1")
    with monkeypatch.context() as patch:
        patch.setattr(os, "write", _fail_after_first_chunk(errno.EIO))
        with pytest.raises(StoreError) as caught:
            store.add_page(batch.id, make_page(1))
    assert not isinstance(caught.value, DiskFull)
    assert store.list_pages(batch.id) == []
    assert _files(store.data_dir / "tmp") == []


def test_database_full_maps_to_disk_full_and_drops_the_unsaved_file(
    store: SqliteStore, make_page: Callable[..., ScannedPage]
) -> None:
    batch = store.create_batch("Lô 1")
    earlier = store.add_page(batch.id, make_page(1))
    engine = store._engine
    engine.dispose()

    @event.listens_for(engine, "connect")
    def _cap_size(dbapi_conn: object, _record: object) -> None:
        # SQLite answers SQLITE_FULL once the file would grow past the current page count.
        cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
        count = cur.execute("PRAGMA page_count").fetchone()[0]
        cur.execute(f"PRAGMA max_page_count={count}")
        cur.close()

    with pytest.raises(DiskFull):
        for n in range(2, 400):
            store.add_page(batch.id, make_page(n))
    pages = store.list_pages(batch.id)
    assert pages[0] == earlier
    referenced = {p.sha256 for p in pages}
    on_disk = {p.parent.name + p.name for p in _files(store.data_dir / "files")}
    assert on_disk == referenced  # the page whose row failed left no file
