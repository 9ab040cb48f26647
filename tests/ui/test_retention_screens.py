"""Screens keep working for documents whose scans the retention period removed: the scan screen shows
empty frames, the describe screen the record without page images."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from app.bootstrap import Station
from app.core.outbox import OutboxState
from app.demo.station_setup import DEMO_PASSWORD
from app.ui.capture_model import load_batch
from app.ui.describe_data import load_document
from tests.ui.flows import processed_batch


def test_a_batch_with_removed_scans_still_opens(demo_station: Station) -> None:
    batch_id = processed_batch(demo_station)
    store = demo_station.store
    first, second = store.list_documents(batch_id)
    assert first.pdf_sha256
    item = store.outbox.enqueue(first.id, {}, first.pdf_sha256, 10, "1.pdf")
    assert store.outbox.save(dataclasses.replace(item, state=OutboxState.CONFIRMED), OutboxState.PENDING)

    removed = store.retention.run(7, now=datetime.now(UTC) + timedelta(days=8))
    assert (removed.documents, removed.pages) == (1, len(first.page_ids))

    snap = load_batch(demo_station, batch_id, {}, demo_station.cleaned_thumbnail)
    pictures = {e.page.id: e.thumbnail for e in snap.entries}
    assert all(pictures[i] == b"" for i in first.page_ids)  # removed: an empty frame
    assert all(pictures[i] for i in second.page_ids)  # still on the station
    officer = store.accounts.login("canbo", DEMO_PASSWORD)
    loaded = load_document(demo_station, officer, first.id)
    assert loaded.pages == [] and loaded.record.fields  # the record is still there to read
    assert len(load_document(demo_station, officer, second.id).pages) == len(second.page_ids)
