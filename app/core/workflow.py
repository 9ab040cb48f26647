"""The review workflow of a document: describe, submit, approve or reject (with a reason), by role."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from app.core.accounts import Action, PermissionDenied, User, require
from app.core.errors import StationError
from app.core.models import DocumentState
from app.core.textnorm import collapse_spaces, nfc

log = logging.getLogger(__name__)

MIN_REASON_LENGTH = 5


class Step(StrEnum):
    DESCRIBE = "describe"  # the officer saves the form (again after a rejection)
    SUBMIT = "submit"  # the officer sends it for review
    APPROVE = "approve"  # the supervisor accepts it (then it is signed and queued for sync)
    REJECT = "reject"  # the supervisor returns it with a reason


@dataclass(frozen=True)
class _Rule:
    sources: frozenset[DocumentState]
    target: DocumentState
    action: Action


RULES: dict[Step, _Rule] = {
    Step.DESCRIBE: _Rule(
        frozenset({DocumentState.DRAFT, DocumentState.DESCRIBED, DocumentState.REJECTED}),
        DocumentState.DESCRIBED,
        Action.DESCRIBE,
    ),
    Step.SUBMIT: _Rule(frozenset({DocumentState.DESCRIBED}), DocumentState.SUBMITTED, Action.SUBMIT),
    Step.APPROVE: _Rule(frozenset({DocumentState.SUBMITTED}), DocumentState.APPROVED, Action.APPROVE),
    Step.REJECT: _Rule(frozenset({DocumentState.SUBMITTED}), DocumentState.REJECTED, Action.REJECT),
}

STATE_LABELS_VI: dict[DocumentState, str] = {
    DocumentState.DRAFT: "chưa nhập thông tin",
    DocumentState.DESCRIBED: "đã nhập thông tin",
    DocumentState.SUBMITTED: "đang chờ duyệt",
    DocumentState.APPROVED: "đã duyệt",
    DocumentState.REJECTED: "bị trả lại",
}

STATE_LABELS_EN: dict[DocumentState, str] = {
    DocumentState.DRAFT: "not described",
    DocumentState.DESCRIBED: "described",
    DocumentState.SUBMITTED: "awaiting review",
    DocumentState.APPROVED: "approved",
    DocumentState.REJECTED: "returned",
}


class WorkflowError(StationError):
    code = "workflow"
    message_vi = "Không thể thực hiện bước này ở trạng thái hiện tại của hồ sơ."
    message_en = "This step is not possible in the document's current state."


def next_state(
    current: DocumentState, step: Step, user: User | None, *, author: str = "", reason: str = ""
) -> DocumentState:
    """The state after ``step``, or an error saying why not (role, state, missing reason, own work).

    ``author`` is the login of whoever last described the document: a supervisor never approves or
    rejects their own work (four eyes).
    """
    rule = RULES[step]
    actor = require(user, rule.action)
    if current not in rule.sources:
        raise WorkflowError(
            f"{step.value} from {current.value}",
            message_vi=f"Hồ sơ đang ở trạng thái “{STATE_LABELS_VI[current]}”, không thể {_STEP_VI[step]}.",
            message_en=f"The document is “{STATE_LABELS_EN[current]}”; it cannot be {_STEP_EN[step]}.",
        )
    if step in (Step.APPROVE, Step.REJECT) and author and author == actor.login:
        raise PermissionDenied(
            "own work",
            message_vi="Không được tự duyệt hồ sơ do chính mình nhập.",
            message_en="You cannot review a document you described yourself.",
        )
    if step is Step.REJECT and len(clean_reason(reason)) < MIN_REASON_LENGTH:
        raise WorkflowError(
            "reason",
            message_vi="Ghi rõ lý do trả lại để cán bộ biết cần sửa gì.",
            message_en="Write why it is returned, so the officer knows what to fix.",
        )
    return rule.target


def clean_reason(reason: str) -> str:
    """A reason as stored: NFC, whitespace collapsed."""
    return collapse_spaces(nfc(reason))


_STEP_VI = {
    Step.DESCRIBE: "sửa thông tin",
    Step.SUBMIT: "trình duyệt",
    Step.APPROVE: "phê duyệt",
    Step.REJECT: "trả lại",
}

_STEP_EN = {
    Step.DESCRIBE: "edited",
    Step.SUBMIT: "submitted for review",
    Step.APPROVE: "approved",
    Step.REJECT: "returned",
}
