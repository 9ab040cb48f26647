"""The station's own settings from the setup wizard: its code, agency, central repository, code template."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlparse

from app.core.errors import StationError
from app.core.problems import Problem, vi_texts
from app.core.result_codes import DEFAULT_TEMPLATE, CodeTemplate, CodeTemplateError
from app.core.retention import KEEP_FOREVER, MAX_RETENTION_DAYS, check_retention_days

log = logging.getLogger(__name__)

STATION_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,19}$")


class ConfigError(StationError, ValueError):
    code = "station_config"
    message_vi = "Cấu hình trạm chưa hợp lệ."
    message_en = "The station configuration is invalid."


@dataclass(frozen=True)
class StationConfig:
    """What the administrator sets once: ``central_token`` is a secret (never logged or audited)."""

    station_code: str = ""
    agency_key: str = ""  # the commune/ward the station serves, from the agency catalogue
    central_url: str = ""
    central_token: str = field(default="", repr=False)
    code_template: str = DEFAULT_TEMPLATE
    bandwidth_kbps: int = 0  # 0 = no cap
    send_window: str = ""  # "" = any time, else "HH:MM-HH:MM"
    retention_days: int = KEEP_FOREVER  # scans leave the station this long after central confirmed them

    @property
    def configured(self) -> bool:
        return bool(self.station_code and self.agency_key)

    def template(self) -> CodeTemplate:
        return CodeTemplate(self.code_template)

    def public(self) -> dict[str, Any]:
        """The settings without the secret, e.g. for the audit log."""
        return {k: v for k, v in vars(self).items() if k != "central_token"}

    def with_changes(self, **changes: Any) -> StationConfig:
        return replace(self, **changes)


def check_config(config: StationConfig, known_agency: bool = True) -> list[str]:
    """Vietnamese problems with the settings (empty when they can be saved)."""
    return vi_texts(config_problems(config, known_agency))


def config_problems(config: StationConfig, known_agency: bool = True) -> list[Problem]:
    """Problems with the settings, in both languages (empty when they can be saved)."""
    problems = []
    if not STATION_CODE.match(config.station_code):
        problems.append(
            Problem(
                "Mã trạm 2–20 ký tự: chữ in hoa không dấu, số, gạch ngang (ví dụ HN-DATON-01).",
                "A station code is 2–20 characters: unaccented capitals, digits, hyphens (e.g. HN-DATON-01).",
            )
        )
    if not config.agency_key or not known_agency:
        problems.append(
            Problem(
                "Chọn đơn vị (xã/phường) của trạm trong danh mục cơ quan.",
                "Choose the station's commune or ward from the agency catalogue.",
            )
        )
    if config.central_url:
        url = urlparse(config.central_url)
        if url.scheme not in ("http", "https") or not url.netloc:
            problems.append(
                Problem(
                    "Địa chỉ kho dữ liệu phải có dạng https://ten-may:cong",
                    "The central repository address looks like https://host:port",
                )
            )
    try:
        CodeTemplate(config.code_template)
    except CodeTemplateError as exc:
        problems.append(Problem(exc.user_message("vi"), exc.user_message("en")))
    if config.bandwidth_kbps < 0:
        problems.append(
            Problem("Giới hạn băng thông không được âm.", "The bandwidth limit cannot be negative.")
        )
    if config.send_window and not re.fullmatch(r"\d{2}:\d{2}-\d{2}:\d{2}", config.send_window):
        problems.append(
            Problem("Khung giờ gửi theo dạng 18:00-07:00.", "Write the sending hours as 18:00-07:00.")
        )
    if not check_retention_days(config.retention_days):
        problems.append(
            Problem(
                f"Thời hạn giữ bản quét từ 0 (giữ mãi) đến {MAX_RETENTION_DAYS} ngày.",
                f"Keep scans for 0 (for ever) to {MAX_RETENTION_DAYS} days.",
            )
        )
    return problems
