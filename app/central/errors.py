"""The service's error replies: one JSON shape (code, Vietnamese and English message, problems)."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)


class Problem(BaseModel):
    field: str
    message_vi: str


class ErrorBody(BaseModel):
    """Every refusal: ``error`` is a stable code, ``message_vi`` is shown to the officer."""

    error: str
    message_vi: str
    message_en: str
    problems: list[Problem] | None = None


class ApiError(Exception):
    """Raised by handlers; rendered as ``ErrorBody`` with ``status``."""

    def __init__(
        self,
        status: int,
        code: str,
        message_vi: str,
        message_en: str,
        *,
        problems: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {message_en}")
        self.status, self.code = status, code
        self.message_vi, self.message_en = message_vi, message_en
        self.problems, self.headers = problems, headers or {}

    def body(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "error": self.code,
            "message_vi": self.message_vi,
            "message_en": self.message_en,
        }
        if self.problems is not None:
            data["problems"] = self.problems
        return data


def auth_required() -> ApiError:
    return ApiError(
        401,
        "auth_required",
        "Thiếu hoặc sai mã truy cập của trạm. Quản trị viên cần cấp lại mã truy cập.",
        "Missing or unknown token.",
        headers={"WWW-Authenticate": "Bearer"},
    )


def forbidden() -> ApiError:
    return ApiError(403, "forbidden", "Mã truy cập này không có quyền làm việc này.", "Not allowed.")


def not_found(what_vi: str = "Không tìm thấy dữ liệu yêu cầu.") -> ApiError:
    return ApiError(404, "not_found", what_vi, "Not found.")


def invalid_manifest(problems: list[dict[str, str]]) -> ApiError:
    return ApiError(
        422,
        "invalid_manifest",
        "Hồ sơ gửi lên chưa hợp lệ. Xem từng mục cần sửa, sửa rồi gửi lại.",
        "The manifest is invalid.",
        problems=problems,
    )


# Which responses each route documents in the OpenAPI description.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 403, 404, 409, 413, 422)
}

_HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}


def install_handlers(app: FastAPI) -> None:
    """Render ApiError, framework HTTP errors and request validation errors as ``ErrorBody``."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        err = ApiError(
            exc.status_code, code, "Yêu cầu không hợp lệ với dịch vụ kho dữ liệu.", str(exc.detail)
        )
        return JSONResponse(err.body(), status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"field": ".".join(str(p) for p in e.get("loc", ()) if p != "body"), "message_vi": _vi(e)}
            for e in exc.errors()
        ]
        err = invalid_manifest(problems)
        if not request.url.path.endswith("/documents"):
            err = ApiError(
                400, "bad_request", "Yêu cầu thiếu hoặc sai dữ liệu.", "Bad request.", problems=problems
            )
        return JSONResponse(err.body(), status_code=err.status)


def _vi(error: Any) -> str:
    kind = str(error.get("type", ""))
    if kind == "missing":
        return "Thiếu mục bắt buộc."
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return "Sai kiểu dữ liệu."
    return f"Giá trị không hợp lệ ({kind})."
