"""Screens keep working for documents whose scans the retention period removed: the scan screen shows
empty frames marked "Đã xóa bản quét", the describe screen the record with a line saying why."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from app.bootstrap import Station
from app.core.models import Document
from app.core.outbox import OutboxState
from app.ui.capture_model import load_batch
from app.ui.capture_texts import PageTexts
from app.ui.describe_data import load_document
from app.ui.describe_view import DescribeView
from tests.ui.flows import describe_screen

REMOVED_VI = "Bản quét của tài liệu này đã được xóa theo thời hạn giữ; thông tin tài liệu vẫn được giữ lại."


def _confirm_and_expire(station: Station, document: Document) -> None:
    """The central repository confirmed ``document``; eight days later a 7-day period removes its scans."""
    store = station.store
    assert document.pdf_sha256
    item = store.outbox.enqueue(document.id, {}, document.pdf_sha256, 10, "1.pdf")
    assert store.outbox.save(dataclasses.replace(item, state=OutboxState.CONFIRMED), OutboxState.PENDING)
    removed = store.retention.run(7, now=datetime.now(UTC) + timedelta(days=8))
    assert (removed.documents, removed.pages) == (1, len(document.page_ids))


def shown(screen: DescribeView) -> int | None:
    return screen.loaded.document.id if screen.loaded is not None else None


def test_a_batch_with_removed_scans_still_opens(qtbot, demo_station: Station, vietnamese: None) -> None:
    with describe_screen(qtbot, demo_station) as screen:
        store = demo_station.store
        batch_id = screen.batch_combo.currentData()
        first, second = store.list_documents(batch_id)
        assert screen.loaded is not None and screen.loaded.document.id == first.id
        _confirm_and_expire(demo_station, first)

        snap = load_batch(demo_station, batch_id, {}, demo_station.cleaned_thumbnail)
        by_id = {e.page.id: e for e in snap.entries}
        assert all(by_id[i].thumbnail == b"" and by_id[i].page.scan_removed for i in first.page_ids)
        assert all(by_id[i].thumbnail and not by_id[i].page.scan_removed for i in second.page_ids)
        page = by_id[first.page_ids[0]].page
        text = PageTexts().describe(page.seq, page.findings, False, 0, page.scan_removed)
        assert text.text.splitlines()[1:] == ["Tài liệu 1", "Đã xóa bản quét"]

        loaded = load_document(demo_station, screen.session.user, first.id)
        assert loaded.pages == [] and loaded.record.fields  # the record is still there to read
        screen.go(+1)  # away and back: the describe screen reads the document again
        qtbot.waitUntil(
            lambda: screen.loaded is not None and screen.loaded.document.id == second.id, timeout=10000
        )
        assert screen.status.text() == ""
        screen.go(-1)
        qtbot.waitUntil(
            lambda: screen.loaded is not None and screen.loaded.document.id == first.id, timeout=10000
        )
        assert screen.status.text() == REMOVED_VI
        assert screen.form.rows["chu_the_ho_ten"].editor.text() == "Nguyễn Minh Khôi"
