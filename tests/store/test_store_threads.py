"""Several threads journaling at once (scanner thread, import thread) never collide on page numbers."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from app.core.models import Page
from app.core.ports import ScannedPage
from app.store import SqliteStore


def test_concurrent_writers_get_distinct_consecutive_seqs(
    store: SqliteStore, make_page: Callable[..., ScannedPage]
) -> None:
    batch = store.create_batch("Lô 1")

    def worker(offset: int) -> list[Page]:
        added = []
        for n in range(10):
            added.append(store.add_page(batch.id, make_page(offset + n, size=500)))
            store.list_pages(batch.id)  # readers run alongside the writer
        return added

    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = [pool.submit(worker, k * 100) for k in range(3)]
        results = [page for f in futures for page in f.result()]
    assert sorted(p.seq for p in results) == list(range(1, 31))
    assert sorted(results, key=lambda p: p.seq) == store.list_pages(batch.id)
