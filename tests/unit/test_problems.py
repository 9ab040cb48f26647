"""Core messages in both UI languages: field checks, settings, inventory rows, audit chain, errors."""

from __future__ import annotations

import pickle
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from app.core.accounts import AccountError, Action, PermissionDenied, Role, User, check_new_account, require
from app.core.audit import GENESIS, chain_problems, chained, verify_chain
from app.core.doctypes import load_doctypes
from app.core.errors import DeviceBusy, StationError
from app.core.models import DocumentState
from app.core.problems import Problem, texts, vi_texts
from app.core.progress import InventoryError, InventoryRow, inventory_row_problems
from app.core.result_codes import CodeTemplate, CodeTemplateError
from app.core.scope import ScopeFlag, ScopeFlagError, ScopeReason
from app.core.station_config import StationConfig, check_config, config_problems
from app.core.validators import record_problems, validate_record
from app.core.workflow import Step, WorkflowError, next_state
from tests.unit.test_validators import _birth_record as birth_record

TODAY = date(2026, 6, 15)
BIRTH = load_doctypes()["khai_sinh"]
RECORD = birth_record(chu_the_so_dinh_danh="00121900123")  # 11 digits


def test_problem_picks_the_language() -> None:
    problem = Problem("Sai.", "Wrong.")
    assert problem.text("vi") == "Sai." and problem.text("en") == "Wrong." and problem.text() == "Sai."
    assert vi_texts([problem]) == ["Sai."] and texts([problem], "en") == ["Wrong."]


def test_record_problems_in_both_languages_match_validate_record() -> None:
    found = record_problems(BIRTH, {**RECORD, "chu_the_ho_ten": " "}, TODAY)
    assert texts(found["chu_the_so_dinh_danh"], "en") == ["The personal number must have exactly 12 digits."]
    assert texts(found["chu_the_ho_ten"], "en") == ["Child's full name is required; fill it in."]
    assert texts(found["chu_the_ho_ten"], "vi") == ["Chưa nhập Họ và tên trẻ (bắt buộc)."]
    # the old Vietnamese API gives exactly the Vietnamese side
    assert validate_record(BIRTH, {**RECORD, "chu_the_ho_ten": " "}, TODAY) == {
        key: vi_texts(value) for key, value in found.items()
    }


def test_every_english_field_message_is_english() -> None:
    record = {**RECORD, "chu_the_so_dinh_danh": "003219001234", "chu_the_gioi_tinh": "Nữ", "quyen_so": "x"}
    record |= {"so_ky_hieu": "a", "chu_the_ngay_sinh": "2019-03-01"}
    found = [p for problems in record_problems(BIRTH, record, TODAY).values() for p in problems]
    assert len(found) >= 4
    for problem in found:
        assert problem.en != problem.vi
        assert not set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ") & set(problem.en.lower())


def test_config_problems_in_both_languages() -> None:
    bad = StationConfig(station_code="x", agency_key="", central_url="ftp://a", send_window="7h")
    problems = config_problems(bad)
    assert check_config(bad) == vi_texts(problems)
    assert texts(problems, "en") == [
        "A station code is 2–20 characters: unaccented capitals, digits, hyphens (e.g. HN-DATON-01).",
        "Choose the station's commune or ward from the agency catalogue.",
        "The central repository address looks like https://host:port",
        "Write the sending hours as 18:00-07:00.",
    ]


def test_template_problem_has_an_english_detail() -> None:
    problems = config_problems(StationConfig("DEMO-01", "x", code_template="{year}"))
    assert problems[0].en == (
        "The digitisation-result code template is invalid. "
        "(the template needs {seq} (the sequence number) so that codes stay unique)"
    )
    assert "mẫu phải có {seq}" in problems[0].vi
    with pytest.raises(CodeTemplateError) as caught:
        CodeTemplate("{seq}{nope}")
    assert caught.value.detail_en.startswith("unknown part {nope}")
    assert caught.value.detail.startswith("thành phần không biết")


def test_inventory_row_problems_and_error_in_both_languages() -> None:
    row = InventoryRow("UBND XÃ A", "khai_sinh", 2019, 3)
    assert inventory_row_problems(replace(row, count=0)) == []
    with pytest.raises(InventoryError) as caught:
        InventoryRow("UBND XÃ A", "khai_sinh", 2019, -1)
    assert caught.value.message_vi == "Số lượng không được âm."
    assert caught.value.message_en == "The count cannot be negative."


def test_audit_chain_problems_in_both_languages() -> None:
    first = chained(1, "2026-01-01T00:00:00+00:00", "canbo", "login", "account:2", {}, GENESIS)
    second = chained(2, "2026-01-01T00:01:00+00:00", "canbo", "logout", "account:2", {}, first.hash)
    edited = replace(second, actor="lanhdao")
    problems = chain_problems([first, edited], (2, second.hash))
    assert texts(problems, "en") == ["Entry 2 has been edited."]
    assert verify_chain([first, edited], (2, second.hash)) == ["Mục nhật ký số 2 đã bị sửa."]
    cut = chain_problems([first], (2, second.hash))
    assert texts(cut, "en") == ["The log was cut: the last entry recorded is 2, it now ends at 1."]
    assert texts(cut, "vi") == ["Nhật ký bị cắt: mục cuối đã ghi là số 2, hiện còn đến số 1."]
    assert verify_chain([first, second], (2, second.hash)) == []


def test_account_checks_give_a_specific_english_message() -> None:
    with pytest.raises(AccountError) as caught:
        check_new_account("ab", "longenough", frozenset({Role.OFFICER}))
    assert caught.value.message_vi.startswith("Tên đăng nhập 3–32 ký tự")
    assert caught.value.message_en.startswith("A login is 3–32 characters")
    officer = User(2, "canbo", "Nguyễn Thị Lan", frozenset({Role.OFFICER}))
    with pytest.raises(PermissionDenied) as denied:
        require(officer, Action.APPROVE)
    assert denied.value.message_en == "Your account is not allowed to approve."
    assert "phê duyệt" in denied.value.message_vi


def test_workflow_and_scope_errors_in_english() -> None:
    officer = User(2, "canbo", "Nguyễn Thị Lan", frozenset({Role.OFFICER}))
    with pytest.raises(WorkflowError) as caught:
        next_state(DocumentState.APPROVED, Step.DESCRIBE, officer)
    assert caught.value.message_en == "The document is “approved”; it cannot be edited."
    with pytest.raises(ScopeFlagError) as scope:
        ScopeFlag(ScopeReason.OTHER, " ", "canbo", datetime.now(UTC))
    assert scope.value.message_en == "With “Other reason”, write the reason in the note."


def test_messages_given_where_raised_survive_pickling() -> None:
    error = StationError("x", message_vi="Lỗi riêng.", message_en="Own error.")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.message_vi, copy.message_en, copy.detail) == ("Lỗi riêng.", "Own error.", "x")
    plain = pickle.loads(pickle.dumps(DeviceBusy("dev")))
    assert "message_en" not in vars(plain) and plain.message_en == DeviceBusy.message_en
