"""Fields from QR codes: ID-card format, labelled and JSON payloads; QR wins over OCR but keeps the region."""

from __future__ import annotations

from app.core.ocr_types import OcrPage, OcrWord
from app.extract import extract_document
from app.extract.qr import qr_fields

CARD = "001089012345|013652637|Nguyễn Văn An|15031989|Nam|Thôn 3, xã Chu Minh, Ba Vì, Hà Nội|20042021"


def test_id_card_qr_fills_the_subject_when_ocr_found_none() -> None:
    found = qr_fields([CARD])
    assert found["chu_the_so_dinh_danh"].value == "001089012345"
    assert found["chu_the_ho_ten"].value == "Nguyễn Văn An"
    assert found["chu_the_ngay_sinh"].value == "1989-03-15"
    assert found["chu_the_ho_ten"].confidence < 0.9  # it may be another person's card


def test_id_card_of_another_person_is_ignored() -> None:
    assert qr_fields([CARD], ocr_name="Trần Thị Bình") == {}
    assert qr_fields([CARD], ocr_name="NGUYEN VAN AN")["chu_the_so_dinh_danh"].confidence == 0.98


def test_labelled_and_json_payloads() -> None:
    labelled = qr_fields(["Số: 12/2024/TLKS\nQuyển số: 03\nNgày đăng ký: 05/02/2024\nHọ và tên: Lê Thị Hoa"])
    assert {k: v.value for k, v in labelled.items()} == {
        "so_ky_hieu": "12/2024/TLKS",
        "quyen_so": "03",
        "ngay_ban_hanh": "2024-02-05",
        "chu_the_ho_ten": "Lê Thị Hoa",
    }
    as_json = qr_fields(['{"so_ky_hieu": "7", "chu_the_ngay_sinh": "31/02/2020", "other": "x"}'])
    assert {k: v.value for k, v in as_json.items()} == {"so_ky_hieu": "7"}  # 31/02 is no date


def test_urls_and_noise_give_nothing() -> None:
    assert qr_fields(["https://dichvucong.gov.vn/p/home", "", "SEPX"]) == {}


def _line(words: list[str], y: int, line: int) -> list[OcrWord]:
    return [OcrWord(w, (100 + 150 * i, y, 240 + 150 * i, y + 40), 95, line) for i, w in enumerate(words)]


def test_qr_value_replaces_ocr_value_in_its_region() -> None:
    lines = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "GIẤY KHAI SINH",
        "Họ, chữ đệm, tên: NGUYỄN VĂN AN",
        "Ngày, tháng, năm sinh: 15/03/1989",
        "Số định danh cá nhân: 001089012846",
    ]
    words = [w for i, text in enumerate(lines) for w in _line(text.split(), 100 + 60 * i, i)]
    page = OcrPage(text="\n".join(lines), words=words, width=2480, height=3508, dpi=300)
    ocr_only = extract_document([page])
    with_qr = extract_document([page], [CARD])
    assert ocr_only.fields["chu_the_so_dinh_danh"].value == "001089012846"  # OCR misread
    fixed = with_qr.fields["chu_the_so_dinh_danh"]
    assert fixed.value == "001089012345" and fixed.box == ocr_only.fields["chu_the_so_dinh_danh"].box
