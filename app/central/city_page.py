"""The city's progress page: a self-contained shell (asks for the admin token) and the figures' HTML.

The shell holds no figures and needs no token to load. Its one inline script takes the admin token
from a small form (or from the ``#token=`` fragment, which browsers never send to a server), keeps
it in ``sessionStorage`` for the tab, and fetches ``progress.html`` with an ``Authorization``
header; the service renders that fragment (table, SVG bars, details) with every value escaped.
The Content-Security-Policy allows only the page's own inline script and style by hash.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from datetime import datetime, timedelta, timezone
from html import escape

from app.central.city_stats import Cell, CityProgress, Figures, StationFigures

log = logging.getLogger(__name__)

VN_TIME = timezone(timedelta(hours=7), "ICT")  # Viet Nam keeps UTC+7 all year

_STYLE = """
body{font-family:"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:1.5rem;color:#1d2733}
h1{font-size:1.4rem;margin:0 0 .3rem}
p.when{color:#4a5868;margin:.2rem 0 1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;min-width:40rem}
th,td{border:1px solid #c8d0da;padding:.3rem .6rem;text-align:right}
th:first-child,td:first-child{text-align:left}
thead th{background:#e8eef5}
tr.total td{font-weight:bold;background:#f4f6f9}
td.behind{color:#a61b1b}
form{margin:1rem 0}
input{font:inherit;padding:.3rem;width:22rem}
button{font:inherit;padding:.3rem .8rem}
#msg{color:#a61b1b}
svg text{font-size:12px;fill:#1d2733}
details{margin:.3rem 0}
"""

_SCRIPT = """
(function () {
  var KEY = "sohoa.city.token";
  var out = document.getElementById("figures");
  var form = document.getElementById("login");
  var msg = document.getElementById("msg");
  var hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get("token")) {
    sessionStorage.setItem(KEY, hash.get("token"));
    history.replaceState(null, "", location.pathname + location.search);
  }
  function ask(text) {
    sessionStorage.removeItem(KEY);
    form.hidden = false;
    msg.textContent = text;
  }
  function load() {
    var token = sessionStorage.getItem(KEY);
    if (!token) { form.hidden = false; return; }
    msg.textContent = "Đang tải số liệu…";
    var url = "api/v1/city/progress.html" + location.search;
    fetch(url, {headers: {Authorization: "Bearer " + token}, cache: "no-store"}).then(function (reply) {
      if (reply.status === 401 || reply.status === 403) {
        ask("Mã truy cập không đúng hoặc không phải mã quản trị. Nhập lại mã của quản trị viên.");
        return;
      }
      if (!reply.ok) {
        msg.textContent = "Kho dữ liệu báo lỗi " + reply.status + ". Thử tải lại trang sau.";
        return;
      }
      return reply.text().then(function (html) {
        out.innerHTML = html;
        msg.textContent = "";
        form.hidden = true;
      });
    }, function () { msg.textContent = "Không kết nối được kho dữ liệu. Kiểm tra mạng rồi tải lại trang."; });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    sessionStorage.setItem(KEY, form.elements.token.value.trim());
    form.elements.token.value = "";
    load();
  });
  load();
})();
"""


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


PAGE_HEADERS = {
    "Content-Security-Policy": (
        f"default-src 'none'; script-src {_csp_hash(_SCRIPT)}; style-src {_csp_hash(_STYLE)}; "
        "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


def shell_page() -> str:
    """The whole page; the figures arrive in ``#figures`` once the admin token is known."""
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Tiến độ số hóa toàn thành phố</title><style>{_STYLE}</style></head><body>"
        "<h1>Tiến độ số hóa kết quả giải quyết TTHC — toàn thành phố</h1>"
        '<form id="login" method="post" hidden><label>Mã truy cập quản trị: '
        '<input name="token" type="password" autocomplete="off" required></label> '
        "<button>Xem số liệu</button></form>"
        '<p id="msg" role="status"></p><div id="figures"></div>'
        f"<script>{_SCRIPT}</script></body></html>"
    )


def _num(value: int | None) -> str:
    return "—" if value is None else f"{value:,}".replace(",", ".")


def _pct(value: float | int | None) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",") + "%"


def _when(iso_utc: str) -> str:
    moment = datetime.fromisoformat(iso_utc.replace("Z", "+00:00")).astimezone(VN_TIME)
    return moment.strftime("%d/%m/%Y lúc %H:%M")


def _figure_cells(f: Figures) -> str:
    behind = ' class="behind"' if f.percent is not None and f.percent < f.target_percent else ""
    percent = _pct(f.percent) if f.inventory else "Chưa báo cáo kiểm kê"
    return (
        f'<td data-col="received">{_num(f.received)}</td><td data-col="inventory">{_num(f.inventory)}</td>'
        f'<td data-col="percent"{behind}>{percent}</td><td data-col="target">{_pct(f.target_percent)}</td>'
        f'<td data-col="shortfall">{_num(f.shortfall)}</td>'
    )


_HEAD = (
    "<thead><tr><th>Trạm</th><th>Đã nhận</th><th>Kiểm kê</th><th>% hoàn thành</th>"
    "<th>Mục tiêu</th><th>Còn thiếu (hồ sơ)</th></tr></thead>"
)


def summary_table(progress: CityProgress) -> str:
    rows = [
        f'<tr data-station="{escape(s.code)}"><td>{escape(s.name)} ({escape(s.code)})</td>'
        f"{_figure_cells(s)}</tr>"
        for s in progress.stations
    ]
    total = f'<tr class="total" data-station="*"><td>Toàn thành phố</td>{_figure_cells(progress.totals)}</tr>'
    return f'<table id="summary">{_HEAD}<tbody>{"".join(rows)}{total}</tbody></table>'


def bar_chart(progress: CityProgress) -> str:
    """Horizontal bars of % done per station, with the year's target as a red line."""
    left, width, row = 230, 380, 30
    height = row * len(progress.stations) + 40
    x_target = left + width * progress.totals.target_percent / 100
    parts = [
        f'<svg id="chart" xmlns="http://www.w3.org/2000/svg" width="{left + width + 70}" height="{height}" '
        f'role="img" aria-label="Tỷ lệ số hóa từng trạm so với mục tiêu">'
    ]
    for i, s in enumerate(progress.stations):
        y, share = 10 + i * row, s.percent or 0.0
        parts.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{escape(s.name[:34])}</text>')
        parts.append(f'<rect x="{left}" y="{y}" width="{width}" height="20" fill="#e8eef5"/>')
        parts.append(
            f'<rect data-station="{escape(s.code)}" x="{left}" y="{y}" width="{width * share / 100:.1f}" '
            f'height="20" fill="{"#2f7d32" if share >= s.target_percent else "#d08a1e"}"/>'
        )
        parts.append(f'<text x="{left + width + 6}" y="{y + 15}">{_pct(s.percent)}</text>')
    parts.append(
        f'<line x1="{x_target:.1f}" y1="4" x2="{x_target:.1f}" y2="{height - 24}" '
        'stroke="#a61b1b" stroke-width="2"/>'
        f'<text x="{x_target:.1f}" y="{height - 8}" text-anchor="middle">'
        f"Mục tiêu {_pct(progress.totals.target_percent)}</text>"
    )
    return "".join(parts) + "</svg>"


def _cell_row(cell: Cell, labels: dict[str, str]) -> str:
    year = str(cell.year) if cell.year is not None else "Không rõ năm"
    return (
        f"<tr><td>{escape(labels.get(cell.doc_type, cell.doc_type))}</td><td>{year}</td>"
        f"<td>{_num(cell.received)}</td><td>{_num(cell.inventory)}</td><td>{_pct(cell.percent)}</td></tr>"
    )


def station_details(station: StationFigures, labels: dict[str, str]) -> str:
    head = (
        "<tr><th>Loại giấy tờ</th><th>Năm ban hành</th><th>Đã nhận</th><th>Kiểm kê</th>"
        "<th>% hoàn thành</th></tr>"
    )
    rows = (
        "".join(_cell_row(c, labels) for c in station.cells)
        or '<tr><td colspan="5">Chưa có số liệu.</td></tr>'
    )
    reported = _when(station.inventory_reported_at) if station.inventory_reported_at else "chưa báo cáo"
    return (
        f"<details><summary>{escape(station.name)} ({escape(station.code)}) — kiểm kê: {reported}</summary>"
        f"<table><thead>{head}</thead><tbody>{rows}</tbody></table></details>"
    )


def progress_fragment(progress: CityProgress, labels: dict[str, str]) -> str:
    """The figures as HTML: date, summary table, bar chart, then each station's piles."""
    when = (
        f'<p class="when" id="as-of">Số liệu ngày {_when(progress.generated_at)} (giờ Việt Nam); '
        f"mục tiêu năm {progress.year}: {_pct(progress.totals.target_percent)} theo lộ trình của kế hoạch. "
        "Chỉ tính hồ sơ đã được kho dữ liệu xác nhận, không tính giấy tờ ngoài phạm vi.</p>"
    )
    details = "".join(station_details(s, labels) for s in progress.stations)
    return f"{when}{summary_table(progress)}{bar_chart(progress)}<h2>Chi tiết theo trạm</h2>{details}"
