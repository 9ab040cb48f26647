"""Document type and fields extracted from short invented documents of each kind."""

from __future__ import annotations

from app.core.ocr_types import OcrPage, OcrWord
from app.extract import extract_document


def page(text: str, words: tuple[OcrWord, ...] = ()) -> OcrPage:
    return OcrPage(text=text.strip(), width=1000, height=1400, dpi=200, words=words)


BIRTH = """
UBND HUYỆN SÓC SƠN
UBND XÃ MAI ĐÌNH
Số: 57
Quyển số: 02/2021
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
GIẤY KHAI SINH
Họ, chữ đệm, tên: LÊ MINH KHANG
Ngày, tháng, năm sinh: 09/03/2021; ghi bằng chữ: Ngày mồng chín, tháng ba,
năm hai nghìn không trăm hai mươi mốt
Giới tính: Nam Dân tộc: Kinh Quốc tịch: Việt Nam
Số định danh cá nhân: 001221012345
Họ, chữ đệm, tên người mẹ: ĐỖ THU HÀ
Giấy tờ tùy thân: Căn cước công dân số 001195054321, cấp ngày 01/02/2020
Ngày, tháng, năm đăng ký: 15/03/2021
NGƯỜI KÝ GIẤY KHAI SINH
Phạm Quang Vinh
Chủ tịch
"""


def test_birth_certificate() -> None:
    ex = extract_document([page(BIRTH)])
    assert ex.doc_type == "khai_sinh"
    assert ex.values() == {
        "so_ky_hieu": "57",
        "quyen_so": "02/2021",
        "ngay_ban_hanh": "2021-03-15",
        "co_quan_ban_hanh": "UBND XÃ MAI ĐÌNH",
        "nguoi_ky": "Phạm Quang Vinh",
        "chu_the_ho_ten": "Lê Minh Khang",
        "chu_the_so_dinh_danh": "001221012345",
        "chu_the_ngay_sinh": "2021-03-09",
        "valid_until": None,
        "trich_yeu": None,
    }


def test_birth_date_in_words_when_digits_are_unreadable() -> None:
    text = BIRTH.replace("09/03/2021;", "/;")
    assert extract_document([page(text)]).values()["chu_the_ngay_sinh"] == "2021-03-09"


MARRIAGE = """
ỦY BAN NHÂN DÂN
XÃ VÂN NỘI
Số: l2
Quyển số: 01
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
GIẤY CHỨNG NHẬN KẾT HÔN
CHỒNG
Họ và tên: TRẦN VĂN BÌNH
Ngày, tháng, năm sinh: 02/11/1979
Số Giấy CMND/Hộ chiếu: 011234567
VỢ
Họ và tên: HOÀNG THỊ MAI
Ngày, tháng, năm sinh: 14/07/1981
Số Giấy CMND/Hộ chiếu: 001181123456
Vân Nội, ngày 20 tháng 8 năm 2005
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Đinh Công Hậu
"""


def test_marriage_certificate_reads_the_husband_only() -> None:
    ex = extract_document([page(MARRIAGE)])
    assert ex.doc_type == "ket_hon"
    values = ex.values()
    assert values["so_ky_hieu"] == "12"  # OCR "l" repaired
    assert values["co_quan_ban_hanh"] == "ỦY BAN NHÂN DÂN XÃ VÂN NỘI"
    assert values["chu_the_ho_ten"] == "Trần Văn Bình"
    assert values["chu_the_ngay_sinh"] == "1979-11-02"
    assert values["chu_the_so_dinh_danh"] is None  # the wife's number is not the subject's
    assert values["ngay_ban_hanh"] == "2005-08-20"
    assert values["nguoi_ky"] == "Đinh Công Hậu"


DEATH = """
ỦY BAN NHÂN DÂN
PHƯỜNG NGỌC LÂM
Số: 8
Quyển số: 01/2019
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
TRÍCH LỤC KHAI TỬ
Họ, chữ đệm, tên: Vương Thị Nụ
Ngày, tháng, năm sinh: 03/03/1940
Họ, chữ đệm, tên người đi khai tử: Vương Văn Tâm
Long Biên, ngày 05 tháng 01 năm 2019
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lý Thanh Tùng
"""


def test_death_extract_with_names_in_normal_case() -> None:
    ex = extract_document([page(DEATH)])
    assert ex.doc_type == "khai_tu"
    values = ex.values()
    assert values["chu_the_ho_ten"] == "Vương Thị Nụ"
    assert values["ngay_ban_hanh"] == "2019-01-05"
    assert values["quyen_so"] == "01/2019"
    assert values["nguoi_ky"] == "Lý Thanh Tùng"


MARITAL = """
UBND QUẬN BA ĐÌNH
UBND PHƯỜNG KIM MÃ
Số: 31/UBND-TP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Kim Mã, ngày 31 tháng 8 năm 2023
GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN
Xét đề nghị của ông Cao Đức Long về việc xác nhận tình trạng hôn nhân,
XÁC NHẬN:
Họ và tên: ĐỨC LONG
Ngày, tháng, năm sinh: 22/12/1990
Giấy tờ tùy thân: Căn cước công dân số 001090998877, cấp ngày 10/10/2021
Tình trạng hôn nhân: Chưa đăng ký kết hôn với ai.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Mai Văn Thành
"""


def test_marital_status_validity_and_fuller_name() -> None:
    ex = extract_document([page(MARITAL)])
    assert ex.doc_type == "xac_nhan_hon_nhan"
    values = ex.values()
    assert values["so_ky_hieu"] == "31/UBND-TP"
    assert values["co_quan_ban_hanh"] == "UBND PHƯỜNG KIM MÃ"
    assert values["ngay_ban_hanh"] == "2023-08-31"
    assert values["valid_until"] == "2024-02-29"
    assert values["chu_the_ho_ten"] == "Cao Đức Long"  # surname lost by OCR, printed above
    assert values["chu_the_so_dinh_danh"] == "001090998877"


DECISION_1 = """
UBND HUYỆN MÊ LINH
UBND XÃ TIẾN THẮNG
Số: 45/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tiến Thắng, ngày 02 tháng 3 năm 2021
QUYẾT ĐỊNH
Về việc công nhận Tổ trưởng tổ dân phố số 4,
nhiệm kỳ 2021 - 2023
ỦY BAN NHÂN DÂN XÃ TIẾN THẮNG
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
QUYẾT ĐỊNH:
Điều 1. Công nhận bà Kiều Thị Lan, sinh ngày 05/06/1975, Căn cước công dân
số 001175000111, giữ chức danh Tổ trưởng.
Điều 2. Bà Kiều Thị Lan có trách nhiệm thực hiện nhiệm vụ.
"""
DECISION_2 = """
2
Nơi nhận:
- Như Điều 3;
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Hữu Phước
"""


def test_two_page_decision() -> None:
    ex = extract_document([page(DECISION_1), page(DECISION_2)])
    assert ex.doc_type == "quyet_dinh"
    values = ex.values()
    assert values["so_ky_hieu"] == "45/QĐ-UBND"
    assert values["ngay_ban_hanh"] == "2021-03-02"  # not the law's date in the body
    assert values["trich_yeu"] == "Về việc công nhận Tổ trưởng tổ dân phố số 4, nhiệm kỳ 2021 - 2023"
    assert values["chu_the_ho_ten"] == "Kiều Thị Lan"
    assert values["chu_the_ngay_sinh"] == "1975-06-05"
    assert values["chu_the_so_dinh_danh"] == "001175000111"
    assert values["quyen_so"] is None
    assert ex.fields["nguoi_ky"].value == "Nguyễn Hữu Phước"
    assert ex.fields["nguoi_ky"].page == 1


BUSINESS = """
UBND QUẬN CẦU GIẤY
PHÒNG TÀI CHÍNH - KẾ HOẠCH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH
Số: 01K8O01234
Đăng ký lần đầu: ngày 10 tháng 5 năm 2015
Đăng ký thay đổi lần thứ 1: ngày 02 tháng 12 năm 2018
5. Họ và tên chủ hộ kinh doanh: TẠ THU HOÀI
Giới tính: Nữ Sinh ngày: 30/04/1985 Dân tộc: Kinh
TRƯỞNG PHÒNG
Kim Văn Thái
"""


def test_household_business_takes_latest_registration() -> None:
    ex = extract_document([page(BUSINESS)])
    assert ex.doc_type == "ho_kinh_doanh"
    values = ex.values()
    assert values["so_ky_hieu"] == "01K8001234"
    assert values["ngay_ban_hanh"] == "2018-12-02"
    assert values["co_quan_ban_hanh"] == "PHÒNG TÀI CHÍNH - KẾ HOẠCH"
    assert values["chu_the_ho_ten"] == "Tạ Thu Hoài"
    assert values["chu_the_ngay_sinh"] == "1985-04-30"
    assert values["nguoi_ky"] == "Kim Văn Thái"


def test_noisy_title_is_still_classified() -> None:
    text = BIRTH.replace("GIẤY KHAI SINH", "GIAY KHAl SINH")
    assert extract_document([page(text)]).doc_type == "khai_sinh"


def test_unrelated_text_gives_unknown_and_no_guesses() -> None:
    ex = extract_document([page("Thực đơn tuần này\nThứ hai: phở bò\nThứ ba: bún chả")])
    assert ex.doc_type == "unknown"
    assert ex.fields == {}


def test_empty_document() -> None:
    assert extract_document([page("")]).values()["so_ky_hieu"] is None


def test_field_carries_confidence_page_and_box() -> None:
    words = (OcrWord("Số:", (40, 100, 80, 120), 95.0), OcrWord("57", (85, 100, 110, 120), 91.0))
    ex = extract_document([page(BIRTH, words)])
    number = ex.fields["so_ky_hieu"]
    assert 0 < number.confidence <= 1
    assert number.page == 0
    assert number.box == (85, 100, 110, 120)


def test_agency_when_ocr_merges_header_columns() -> None:
    text = MARITAL.replace("UBND PHƯỜNG KIM MÃ\n", "UBND PHƯỜNG KIM MÃ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n")
    assert extract_document([page(text)]).values()["co_quan_ban_hanh"] == "UBND PHƯỜNG KIM MÃ"


def test_handwritten_number_missing_from_ocr_is_left_out() -> None:
    text = MARITAL.replace("Số: 31/UBND-TP", "Số: /UBND-TP")
    assert "so_ky_hieu" not in extract_document([page(text)]).fields
