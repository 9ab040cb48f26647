"""`sohoa report` / `sohoa inventory`: template, import, XLSX with the expected figures, PDF renders, CSV."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from openpyxl import load_workbook

from app.cli_reports import main
from app.core.accounts import Role
from app.core.outbox import OutboxState
from app.core.ports import ScannedPage
from app.core.records import DocumentRecord, IssuerRef
from app.core.scope import ScopeFlag, ScopeReason
from app.core.station_config import StationConfig
from app.store import open_store

PASSWORD = "mat-khau-123"
OLD_COMMUNE = "h26.gia-lam.yen-thuong"  # Xã Yên Thường (commune level), merged into Phù Đổng in 2025
STATION_AGENCY = "h26.2025.phu-dong"


def _page(n: int) -> ScannedPage:
    return ScannedPage(
        data=b"\x89PNG\r\n\x1a\n" + bytes([n]) * 64, media_type="image/png", dpi=300, source_name=f"p.{n}"
    )


@pytest.fixture
def station(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A station with 4 documents: 2 approved and confirmed, 1 out of scope (confirmed), 1 rejected."""
    data = tmp_path / "data"
    monkeypatch.setenv("SOHOA_PASSWORD", PASSWORD)
    with open_store(data) as store:
        store.config.save(None, StationConfig("HN-PHUDONG-01", STATION_AGENCY), setup=True)
        admin = store.accounts.create(None, "quantri", "Quản Trị", PASSWORD, frozenset({Role.ADMIN}))
        officer = store.accounts.create(admin, "canbo1", "Cán Bộ", PASSWORD, frozenset({Role.OFFICER}))
        boss = store.accounts.create(admin, "lanhdao", "Lãnh Đạo", PASSWORD, frozenset({Role.SUPERVISOR}))
        batch = store.create_batch("Lô")
        pages = [store.add_page(batch.id, _page(i)) for i in range(4)]
        docs = [d.id for d in store.set_documents(batch.id, [[p.id] for p in pages])]
        for doc_id in docs:
            flags = (
                [ScopeFlag(ScopeReason.COPY, "", "canbo1", datetime.now(UTC))] if doc_id == docs[2] else []
            )
            record = DocumentRecord(
                doc_id,
                doc_type="khai_sinh",
                fields={"ngay_ban_hanh": "2019-05-06", "chu_the_ho_ten": "Nguyễn Văn An"},
                issuer=IssuerRef("UBND xã Yên Thường", OLD_COMMUNE, STATION_AGENCY),
                scope_flags=flags,
            )
            store.review.describe(officer, record)
            store.review.submit(officer, doc_id)
        for doc_id in docs[:3]:
            store.review.approve(boss, doc_id)
            item = store.outbox.enqueue(doc_id, {}, "b" * 64, 1, "x.pdf")
            store.outbox.save(dataclasses.replace(item, state=OutboxState.CONFIRMED), OutboxState.PENDING)
        store.review.reject(boss, docs[3], "Thiếu trang 2")
    return data


def _run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _fill_template(capsys: pytest.CaptureFixture[str], data: Path, rows: list[list[object]]) -> Path:
    template = data.parent / "mau.xlsx"
    assert _run(capsys, data, "inventory", "template", "--out", str(template))[0] == 0
    book = load_workbook(template)
    sheet = book["Kiểm kê"]
    assert sheet.cell(3, 4).value == "Loại kết quả"
    assert "Giấy khai sinh" in [c.value for c in book["Loại kết quả"]["B"]]
    for offset, row in enumerate(rows):
        for col, value in enumerate(row, start=1):
            sheet.cell(4 + offset, col, value)
    filled = data.parent / "kiemke.xlsx"
    book.save(filled)
    return filled


def test_inventory_import_then_xlsx_report_holds_the_figures(
    capsys: pytest.CaptureFixture[str], station: Path
) -> None:
    filled = _fill_template(
        capsys,
        station,
        [
            ["UBND xã Yên Thường", OLD_COMMUNE, None, "Giấy khai sinh", 2019, 10],
            ["UBND xã Yên Thường", OLD_COMMUNE, None, "khai_tu", 2018, "1.200"],
        ],
    )
    code, out, err = _run(capsys, station, "inventory", "import", str(filled), "--user", "lanhdao")
    assert code == 0, err
    assert "2 dòng" in out
    report = station.parent / "baocao.xlsx"
    assert _run(capsys, station, "report", "xlsx", "--out", str(report))[0] == 0
    book = load_workbook(report)
    summary = book["Tổng hợp"]
    assert summary["A1"].value == "XÃ PHÙ ĐỔNG"
    assert f"năm {date.today().year}" in summary["A3"].value
    figures = {summary.cell(r, 1).value: summary.cell(r, 2).value for r in range(5, 16)}
    assert figures["Tổng số kiểm kê (còn hiệu lực)"] == 1210
    assert figures["Đã số hóa (đã duyệt và kho trung tâm xác nhận)"] == 2  # not out of scope, not rejected
    assert figures["Giấy tờ ngoài phạm vi (không tính)"] == 1
    by_type = book["Theo loại"]
    rows = {by_type.cell(r, 1).value: [by_type.cell(r, c).value for c in range(2, 8)] for r in (6, 7)}
    # from 2025 the target is 100%: every still-valid result is due
    assert rows["Giấy khai sinh"] == [10, 2, 20.0, 100.0, 10, 8]
    assert rows["Trích lục khai tử"][:2] == [1200, 0]


def test_bad_inventory_rows_are_named_and_nothing_is_imported(
    capsys: pytest.CaptureFixture[str], station: Path
) -> None:
    filled = _fill_template(
        capsys,
        station,
        [
            ["UBND xã Yên Thường", None, None, "Giấy khai sinh", 2019, 5],
            ["UBND xã Yên Thường", None, None, "Giấy khen", "hai nghìn", -3],
            ["UBND xã Yên Thường", "khong-co", None, "khai_sinh", 2019, 4],
        ],
    )
    code, _, err = _run(capsys, station, "inventory", "import", str(filled), "--user", "lanhdao")
    assert code == 1
    assert "Dòng 5: loại kết quả “Giấy khen” không có trong danh sách" in err
    assert "Dòng 5: năm ban hành “hai nghìn”" in err and "Dòng 5: số lượng “-3”" in err
    assert "Dòng 6: mã cơ quan “khong-co” không có trong danh mục" in err
    assert "Dòng 4" not in err
    code, out, _ = _run(capsys, station, "report", "xlsx", "--out", str(station.parent / "r.xlsx"))
    assert code == 0 and "đã số hóa 2/0" in out  # nothing was imported


def test_only_a_supervisor_imports_the_inventory(capsys: pytest.CaptureFixture[str], station: Path) -> None:
    filled = _fill_template(capsys, station, [["UBND xã Yên Thường", None, None, "khai_sinh", 2019, 5]])
    code, _, err = _run(capsys, station, "inventory", "import", str(filled), "--user", "canbo1")
    assert code == 1 and "sửa số liệu kiểm kê" in err


def test_pdf_report_renders_with_vietnamese_text(capsys: pytest.CaptureFixture[str], station: Path) -> None:
    filled = _fill_template(
        capsys, station, [["UBND xã Yên Thường", OLD_COMMUNE, None, "khai_sinh", 2019, 8]]
    )
    assert _run(capsys, station, "inventory", "import", str(filled), "--user", "lanhdao")[0] == 0
    out = station.parent / "baocao.pdf"
    assert _run(capsys, station, "report", "pdf", "--out", str(out))[0] == 0
    pdf = pdfium.PdfDocument(out)
    page = pdf[0]
    text = page.get_textpage().get_text_range()
    image = page.render(scale=1).to_pil().convert("L")
    pdf.close()
    assert (
        "BÁO CÁO TIẾN ĐỘ SỐ HÓA" in text
        and "XÃ PHÙ ĐỔNG" in text
        and "Tiến độ theo loại kết quả so với chỉ tiêu" in text
    )
    dark = sum(image.histogram()[:128])
    assert dark > 0.005 * image.width * image.height  # text and bars, not a blank page


def test_csv_holds_every_record_with_a_bom_and_needs_a_login(
    capsys: pytest.CaptureFixture[str], station: Path
) -> None:
    out = station.parent / "hoso.csv"
    assert _run(capsys, station, "report", "csv", "--out", str(out))[0] == 2
    assert _run(capsys, station, "report", "csv", "--out", str(out), "--user", "canbo1")[0] == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 4
    assert list(rows[0])[:5] == ["document_id", "batch_id", "state", "doc_type", "result_code"]
    assert {r["state"] for r in rows} == {"approved", "rejected"}
    assert rows[0]["chu_the_ho_ten"] == "Nguyễn Văn An" and rows[0]["outbox_state"] == "confirmed"
    assert rows[2]["out_of_scope"] == "copy"
