"""Start-up recovery: what a crash leaves behind is cleaned up, flagged or reported, never lost."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.core.models import BatchState, PageState
from app.core.ports import ScannedPage
from app.store import open_store


def test_clean_store_reports_nothing_to_do(data_dir: Path, make_page: Callable[..., ScannedPage]) -> None:
    with open_store(data_dir) as store:
        batch = store.create_batch("Lô 1")
        store.add_page(batch.id, make_page(1))
        store.finish_capture(batch.id)
    with open_store(data_dir) as store:
        report = store.last_recovery
    assert report.ran and report.clean and report.integrity == ("ok",)
    assert (report.pages_checked, report.orphan_blobs) == (1, 0)


def test_interrupted_scan_becomes_captured_with_its_pages(
    data_dir: Path, make_page: Callable[..., ScannedPage]
) -> None:
    with open_store(data_dir) as store:
        batch = store.create_batch("Lô 1")
        done = store.create_batch("Lô 2")
        store.finish_capture(done.id)
        pages = [store.add_page(batch.id, make_page(i)) for i in (1, 2, 3)]
    with open_store(data_dir) as store:
        assert store.last_recovery.interrupted_batches == (batch.id,)
        assert store.get_batch(batch.id).state is BatchState.CAPTURED
        assert store.list_pages(batch.id) == pages


def test_stale_temp_files_are_removed(data_dir: Path) -> None:
    open_store(data_dir).close()
    (data_dir / "tmp" / "blob-ab12.part").write_bytes(b"half a page")
    (data_dir / "tmp" / "export.pdf").write_bytes(b"not ours")
    with open_store(data_dir) as store:
        assert store.last_recovery.temp_files_removed == 1
    assert [p.name for p in (data_dir / "tmp").iterdir()] == ["export.pdf"]


def test_missing_and_damaged_files_flag_their_pages(
    data_dir: Path, make_page: Callable[..., ScannedPage]
) -> None:
    with open_store(data_dir) as store:
        batch = store.create_batch("Lô 1")
        gone, damaged, fine = (store.add_page(batch.id, make_page(i)) for i in (1, 2, 3))
        store.page_path(gone).unlink()
        path = store.page_path(damaged)
        path.write_bytes(b"X" + path.read_bytes()[1:])
    with open_store(data_dir) as store:
        report = store.last_recovery
        states = {p.id: (p.state, p.error_code) for p in store.list_pages(batch.id)}
    assert (report.missing_pages, report.corrupt_pages) == ((gone.id,), (damaged.id,))
    assert states == {
        gone.id: (PageState.FAILED, "missing_file"),
        damaged.id: (PageState.FAILED, "integrity"),
        fine.id: (PageState.CAPTURED, None),
    }


def test_finished_batches_get_a_size_check_and_deep_check_hashes_them(
    data_dir: Path, make_page: Callable[..., ScannedPage]
) -> None:
    with open_store(data_dir) as store:
        batch = store.create_batch("Lô 1")
        page = store.add_page(batch.id, make_page(1))
        path = store.page_path(page)
        store.finish_capture(batch.id)
    path.write_bytes(b"X" + path.read_bytes()[1:])  # same size: only hashing notices
    with open_store(data_dir) as store:
        assert store.last_recovery.corrupt_pages == ()
    with open_store(data_dir, deep_check=True) as store:
        assert store.last_recovery.corrupt_pages == (page.id,)


def test_orphan_files_are_counted_and_kept(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        sha = store.blobs.put(b"written just before a crash")
    with open_store(data_dir) as store:
        assert store.last_recovery.orphan_blobs == 1
        assert store.blobs.get(sha) == b"written just before a crash"


def test_recovery_waits_while_another_opener_is_scanning(
    data_dir: Path, make_page: Callable[..., ScannedPage]
) -> None:
    with open_store(data_dir) as scanning:
        batch = scanning.create_batch("Lô 1")
        (data_dir / "tmp" / "blob-inflight.part").write_bytes(b"being written")
        with open_store(data_dir) as second:
            assert not second.last_recovery.ran
            assert second.get_batch(batch.id).state is BatchState.SCANNING
        assert (data_dir / "tmp" / "blob-inflight.part").exists()
        assert scanning.add_page(batch.id, make_page(1)).seq == 1
    with open_store(data_dir) as later:
        assert later.last_recovery.interrupted_batches == (batch.id,)
