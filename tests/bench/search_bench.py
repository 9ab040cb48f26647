"""Search benchmark: build a 100,000-record store, time the index build and ~50 typical queries.

Run: ``.venv/bin/python -m tests.bench.search_bench [--records 100000]``. Goal: every query well
under 100 ms (median and p95 are printed, plus the slowest queries).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from app.store import open_store
from app.store.db import writer
from app.store.search import index_record

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLES = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Xuân", "Thu"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hoa", "Hùng", "Khánh", "Lan"]
GIVEN += ["Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn"]
AGENCIES = ["UBND xã Đông Anh", "UBND phường Hoàn Kiếm", "UBND xã Sóc Sơn", "UBND phường Cầu Giấy"]
AGENCIES += ["UBND xã Gia Lâm", "UBND phường Ba Đình", "UBND xã Thanh Trì", "UBND phường Tây Hồ"]
KINDS = ["Giấy khai sinh", "Giấy chứng nhận kết hôn", "Trích lục khai tử", "Xác nhận tình trạng hôn nhân"]
WORDS = ["người", "yêu", "cầu", "đăng", "ký", "tại", "nơi", "cư", "trú", "quốc", "tịch", "Việt", "Nam"]
WORDS += ["dân", "tộc", "Kinh", "ngày", "tháng", "năm", "sinh"]
QUERIES = [
    "nguyen van an",
    "Nguyễn Văn An",
    "tran thi lan",
    "dang duc dat",
    "Đặng Đức Đạt",
    "le minh",
    "pham thanh hoa",
    "hoang quang tuan",
    "vo thu trang",
    "bui xuan son",
    "do ngoc linh",
    "huynh huu phuc",
    "nguyen",
    "tran",
    "van",
    "thi",
    "nguyen van a",
    "nguyen v",
    "n",
    "ng",
    "dang",
    "khai sinh",
    "ket hon",
    "khai tu",
    "dong anh",
    "hoan kiem",
    "ubnd xa soc son",
    "cau giay",
    "ba dinh nguyen",
    "0010",
    "001089",
    "00108901",
    "079",
    "030512",
    "quoc tich viet nam",
    "dan toc kinh",
    "cu tru",
    "phan hai",
    "vu khanh",
    "tam",
    "nga",
    "giang",
    "nam",
    "hoa",
    "nguyen thi mai trang",
    "xyzzy",
    "a OR b",
    '"nguyen',
    "(tran)",
    "*",
]


def make_record(rng: random.Random, i: int) -> tuple[str, str, list[str]]:
    name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"
    other = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"
    pid = f"0{rng.randint(1, 96):02d}{rng.randint(0, 3)}{rng.randint(0, 99999999):08d}"
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60)))
    texts = [rng.choice(KINDS), f"Số {i}/2024", name, pid, other, rng.choice(AGENCIES), text]
    return f"doc-{i}", "document", texts


def build(data_dir: Path, records: int, chunk: int = 5000) -> float:
    rng = random.Random(4)
    start = time.perf_counter()
    with open_store(data_dir) as store:
        engine = writer(store._engine)
        for first in range(0, records, chunk):
            with engine.begin() as conn:
                for i in range(first, min(records, first + chunk)):
                    index_record(conn, *make_record(rng, i))
    return time.perf_counter() - start


def time_queries(data_dir: Path, rounds: int) -> list[tuple[float, str, int]]:
    timings: list[tuple[float, str, int]] = []
    with open_store(data_dir) as store:
        store.search("warm up")
        for query in QUERIES:
            best = float("inf")
            hits = 0
            for _ in range(rounds):
                start = time.perf_counter()
                hits = len(store.search(query))
                best = min(best, time.perf_counter() - start)
            timings.append((best * 1000, query, hits))
    return timings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=3, help="runs per query; the fastest is kept")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "station-data"
        seconds = build(data_dir, args.records)
        size_mb = (data_dir / "station.db").stat().st_size / 1e6
        print(f"built {args.records} records in {seconds:.1f} s ({size_mb:.0f} MB database)")
        timings = time_queries(data_dir, args.rounds)
    ms = sorted(t for t, _, _ in timings)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    median = statistics.median(ms)
    print(f"{len(ms)} queries, limit 50: median {median:.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms")
    for t, query, hits in sorted(timings, reverse=True)[:8]:
        print(f"  {t:7.1f} ms  {hits:3d} hits  {query!r}")


if __name__ == "__main__":
    main()
