# ruff: noqa: F811 - pytest fixtures imported from the review flow test
"""The audit screen shows the review steps in Vietnamese, says the chain is intact, reports tampering
in red, exports CSV; an officer sees neither the audit log nor the review screen."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from app.bootstrap import Station
from app.ui.audit_view import AuditView
from app.ui.review_view import ReviewView
from app.ui.session import UiSession
from app.ui.tasks import TaskRunner
from tests.ui.test_review_flow import describe_and_submit, login, runner, station  # noqa: F401 - fixtures


def _shown(view: AuditView) -> list[tuple[str, ...]]:
    model = view.model
    return [tuple(model.index(r, c).data() for c in range(5)) for r in range(model.rowCount())]


def test_audit_log_shows_the_steps_and_reports_tampering(
    qtbot, station: Station, runner: TaskRunner, vietnamese: None, tmp_path: Path
) -> None:
    officer, supervisor = login(station, "canbo"), login(station, "lanhdao")
    first, _second = describe_and_submit(station, officer)
    station.store.review.reject(supervisor, first, "Ảnh mờ, quét lại trang 1")
    view = AuditView(UiSession(station, runner, supervisor))
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5000)
    rows = _shown(view)
    actions = [r[2] for r in rows]
    assert {"Nhập thông tin", "Trình duyệt", "Trả lại", "Đăng nhập"} <= set(actions)
    returned = next(r for r in rows if r[2] == "Trả lại")
    assert returned[1] == "Trần Văn Minh (lanhdao)" and returned[3] == f"Tài liệu {first}"
    assert "đang chờ duyệt → bị trả lại" in returned[4] and "Ảnh mờ, quét lại trang 1" in returned[4]
    assert len(returned[0]) == 19 and returned[0][2] == "/"  # dd/mm/yyyy HH:MM:SS
    assert view.banner.text() == f"Nhật ký toàn vẹn ({len(rows)} mục)"

    view.action_filter.setCurrentIndex(view.action_filter.findText("Trình duyệt"))
    assert {r[2] for r in _shown(view)} == {"Trình duyệt"} and len(_shown(view)) == 2

    target = tmp_path / "nhat-ky.csv"
    view.choose_export_file()
    view.export_dialog.selectFile(str(target))
    view.export_dialog.accept()
    qtbot.waitUntil(target.exists, timeout=5000)
    assert "toàn vẹn" in target.read_text(encoding="utf-8-sig").splitlines()[-1]

    with station.store._engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'ke_gian' WHERE action = 'document_reject'"))
    view.refresh()
    qtbot.waitUntil(lambda: "đã bị sửa đổi" in view.banner.text(), timeout=5000)
    assert "#b3261e" in view.banner.styleSheet()


def test_an_officer_sees_neither_review_nor_audit(
    qtbot, station: Station, runner: TaskRunner, vietnamese: None
) -> None:
    officer = login(station, "canbo")
    describe_and_submit(station, officer)
    session = UiSession(station, runner, officer)
    review, audit = ReviewView(session), AuditView(session)
    qtbot.addWidget(review)
    qtbot.addWidget(audit)
    assert review.stack.currentWidget() is review.notice
    assert "Chỉ lãnh đạo" in review.notice.text()
    assert audit.stack.currentWidget() is audit.notice
    review.approve_current()
    qtbot.wait(200)
    assert all(d.state.value == "submitted" for d in station.store.list_documents(1))


def test_inventory_edits_read_as_words_with_the_counts() -> None:
    from app.ui.audit_format import action_text, detail_text, target_text

    assert action_text("inventory_set") == "Inventory count set"
    assert target_text("inventory:khai_sinh:2010") == "Inventory khai_sinh:2010"
    text = detail_text({"agency": "UBND xã Đa Tốn", "from": None, "to": 12, "source": "kk.xlsx"})
    assert "– → 12" in text and "agency: UBND xã Đa Tốn" in text and "source: kk.xlsx" in text
    assert "7 → –" in detail_text({"from": 7})
