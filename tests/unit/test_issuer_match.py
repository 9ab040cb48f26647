"""Matching printed issuers to the agency catalogue: context, dates, departments, OCR noise, successors."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.agencies import (
    AgencyCatalogue,
    CatalogueError,
    check_references,
    parse_catalogue,
    to_csv,
    with_codes,
)
from app.core.issuer import IssuerMatcher, parse_unit

CSV = """key,code,admin_code,name,level,parent,valid_from,valid_to,successor,source
h26,000.00.00.H26,01,Thành phố Hà Nội,tinh,,,,,test
hatay,,,Tỉnh Hà Tây,tinh,,,2008-07-31,h26,test
hatay.ba-vi,,,Huyện Ba Vì,huyen,hatay,,2008-07-31,h26.ba-vi,test
h26.ba-vi,,271,Huyện Ba Vì,huyen,h26,2008-08-01,2025-06-30,,test
h26.gia-lam,,018,Huyện Gia Lâm,huyen,h26,,2025-06-30,,test
h26.son-tay,,269,Thị xã Sơn Tây,huyen,h26,,2025-06-30,,test
h26.hoang-mai,,008,Quận Hoàng Mai,huyen,h26,,2025-06-30,,test
h26.ba-vi.chu-minh,,,Xã Chu Minh,xa,h26.ba-vi,,2025-06-30,h26.2025.quang-oai,test
h26.gia-lam.kim-son,,,Xã Kim Sơn,xa,h26.gia-lam,,2025-06-30,h26.2025.gia-lam,test
h26.son-tay.kim-son,,,Xã Kim Sơn,xa,h26.son-tay,,2025-06-30,h26.2025.tung-thien,test
h26.gia-lam.bat-trang,,,Xã Bát Tràng,xa,h26.gia-lam,,2025-06-30,h26.2025.bat-trang,test
h26.gia-lam.da-ton,,,Xã Đa Tốn,xa,h26.gia-lam,,2025-06-30,h26.2025.bat-trang,test
h26.hoang-mai.tuong-mai,,,Phường Tương Mai,xa,h26.hoang-mai,,2025-06-30,h26.2025.tuong-mai,test
h26.2025.quang-oai,,,Xã Quảng Oai,xa,h26,2025-07-01,,,test
h26.2025.gia-lam,,,Xã Gia Lâm,xa,h26,2025-07-01,,,test
h26.2025.tung-thien,,,Phường Tùng Thiện,xa,h26,2025-07-01,,,test
h26.2025.bat-trang,,,Xã Bát Tràng,xa,h26,2025-07-01,,,test
h26.2025.tuong-mai,,,Phường Tương Mai,xa,h26,2025-07-01,,,test
"""
TODAY = date(2026, 11, 27)


@pytest.fixture
def matcher() -> IssuerMatcher:
    return IssuerMatcher(AgencyCatalogue(parse_catalogue(CSV)))


def test_parse_unit_strips_the_committee_and_folds() -> None:
    assert parse_unit("ỦY BAN NHÂN DÂN XÃ CHU MINH") == parse_unit("UBND xã Chu Minh")
    assert parse_unit("UBND THỊ XÃ SƠN TÂY").unit == "thi xa"  # type: ignore[union-attr]
    assert parse_unit("PHÒNG KINH TẾ") is None


def test_unique_commune_matches_and_finds_its_successor(matcher: IssuerMatcher) -> None:
    found = matcher.match("ỦY BAN NHÂN DÂN XÃ CHU MINH", today=TODAY)
    assert found.agency is not None and found.agency.key == "h26.ba-vi.chu-minh"
    assert found.successor is not None and found.successor.name == "Xã Quảng Oai"
    assert found.printed == "ỦY BAN NHÂN DÂN XÃ CHU MINH"  # never rewritten


def test_same_name_in_two_districts_needs_context(matcher: IssuerMatcher) -> None:
    alone = matcher.match("UBND XÃ KIM SƠN", today=TODAY)
    assert alone.agency is None and {a.key for a in alone.candidates} == {
        "h26.gia-lam.kim-son",
        "h26.son-tay.kim-son",
    }
    by_parent = matcher.match("UBND XÃ KIM SƠN", parent_printed="UBND HUYỆN GIA LÂM", today=TODAY)
    assert by_parent.agency is not None and by_parent.agency.key == "h26.gia-lam.kim-son"
    by_address = matcher.match(
        "ỦY BAN NHÂN DÂN XÃ KIM SƠN",
        context="Nơi đăng ký: Ủy ban nhân dân xã Kim Sơn, thị xã Sơn Tây, tỉnh Hà Tây",
        today=TODAY,
    )
    assert by_address.agency is not None and by_address.agency.key == "h26.son-tay.kim-son"


def test_issue_date_tells_old_commune_from_new_one(matcher: IssuerMatcher) -> None:
    old = matcher.match("UBND XÃ BÁT TRÀNG", issued=date(2019, 3, 1), today=TODAY)
    new = matcher.match("UBND XÃ BÁT TRÀNG", issued=date(2025, 9, 1), today=TODAY)
    assert old.agency is not None and old.agency.key == "h26.gia-lam.bat-trang"
    assert new.agency is not None and new.agency.key == "h26.2025.bat-trang"
    assert old.successor == new.successor == new.agency


def test_department_is_matched_through_its_parent(matcher: IssuerMatcher) -> None:
    found = matcher.match("PHÒNG KINH TẾ", parent_printed="UBND QUẬN HOÀNG MAI", today=TODAY)
    assert found.via_parent and found.agency is not None and found.agency.key == "h26.hoang-mai"
    assert found.successor is None  # a district's records went to several wards


def test_ocr_noise_in_the_name_still_matches(matcher: IssuerMatcher) -> None:
    found = matcher.match("UBND XA CHU MlNH", today=TODAY)  # l for i, no diacritics
    assert found.agency is not None and found.agency.key == "h26.ba-vi.chu-minh"


def test_unknown_issuer_is_kept_as_printed(matcher: IssuerMatcher) -> None:
    found = matcher.match("UBND XÃ KHÔNG CÓ THẬT", today=TODAY)
    assert found.agency is None and found.printed == "UBND XÃ KHÔNG CÓ THẬT"


def test_successor_chain_crosses_the_2008_merger() -> None:
    catalogue = AgencyCatalogue(parse_catalogue(CSV))
    assert catalogue.successor_of("hatay.ba-vi", date(2010, 1, 1)).key == "h26.ba-vi"  # type: ignore[union-attr]
    assert catalogue.successor_of("hatay.ba-vi", TODAY) is None  # the district is gone, split


def test_malformed_rows_are_reported_with_their_line() -> None:
    with pytest.raises(CatalogueError) as err:
        parse_catalogue("key,name,level\nx,Xã X,commune\n")
    assert "Dòng 2" in err.value.message_vi
    with pytest.raises(CatalogueError):
        parse_catalogue("key,name,level,valid_to\nx,Xã X,xa,31/12/2020\n")
    with pytest.raises(CatalogueError):
        parse_catalogue("key,name\nx,Xã X\n")


def test_references_and_codes_import() -> None:
    catalogue = AgencyCatalogue(parse_catalogue(CSV))
    assert check_references(catalogue) == []
    broken = catalogue.merged(parse_catalogue("key,name,level,parent\nx,Xã X,xa,h26.nowhere\n"))
    assert check_references(broken) and "h26.nowhere" in check_references(broken)[0]
    updated = AgencyCatalogue(with_codes(catalogue, {"h26.gia-lam": "000.18.00.H26"}))
    assert updated.get("h26.gia-lam").code == "000.18.00.H26"  # type: ignore[union-attr]
    with pytest.raises(CatalogueError):
        with_codes(catalogue, {"h26.none": "x"})
    assert AgencyCatalogue(parse_catalogue(to_csv(catalogue.all()))).all() == catalogue.all()
