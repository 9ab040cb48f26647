"""`sohoa process` on a real dev batch writes the exchange format and meets the cleanup bar there."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.textnorm import fold
from app.store import open_store
from tests.devset import load_scorer

SOHOA = Path(sys.executable).parent / "sohoa"


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SOHOA), *map(str, args)], capture_output=True, text=True, timeout=600)


def test_process_dev_batch_meets_the_cleanup_bar(dev_scans: Path, tmp_path: Path) -> None:
    batch = "batch_02"
    out = tmp_path / "pred" / batch
    done = _run("--data-dir", tmp_path / "station", "process", dev_scans / batch, "--out", out)
    assert done.returncode == 0, done.stderr
    pages = [json.loads(line) for line in (out / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    docs = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [p["file"] for p in pages] == sorted(p.name for p in (dev_scans / batch).glob("*.jpg"))
    assert all(
        {"skew_deg", "orientation", "page_quad", "is_blank", "is_separator", "document", "text"} <= p.keys()
        for p in pages
    )
    assert all({"document", "pages", "doc_type", "fields", "pdf"} <= d.keys() for d in docs)

    gt = tmp_path / "gt"
    gt.mkdir()
    for name in ("pages.jsonl", "documents.jsonl"):
        lines = (dev_scans / name).read_text(encoding="utf-8").splitlines()
        kept = [line for line in lines if json.loads(line)["batch"] == batch]
        (gt / name).write_text("\n".join(kept) + "\n", encoding="utf-8")
    scores = load_scorer(dev_scans).score(gt, tmp_path / "pred")
    assert scores["missing_pages"] == 0
    assert scores["docs_split_exact"] == 1.0
    assert scores["orientation_accuracy"] == 1.0
    assert (scores["blank_precision"], scores["blank_recall"]) == (1.0, 1.0)
    assert (scores["separator_precision"], scores["separator_recall"]) == (1.0, 1.0)
    assert scores["skew_err_median_deg"] <= 0.15
    assert scores["crop_iou_min"] >= 0.95
    # OCR and PDFs: a regression guard here; the bar itself is measured by `make eval` on the whole set
    assert scores["cer_median"] <= 0.10 and scores["word_bag_error_median"] <= 0.06
    assert scores["pdf_ok"] == 1.0 and scores["pdfa_declared"] == 1.0 and scores["pdf_text_layer"] == 1.0
    _check_records(tmp_path / "station", docs)


def _check_records(station_dir: Path, docs: list[dict[str, object]]) -> None:
    """The store keeps each document's record: issuer as printed, matched to the catalogue, searchable."""
    store = open_store(station_dir)
    try:
        (batch,) = store.list_batches()
        records = [store.records.get_record(d.id) for d in store.list_documents(batch.id)]
        assert [r.doc_type for r in records] == [d["doc_type"] for d in docs]
        issuers = [r.issuer for r in records if r.issuer is not None]
        assert len(issuers) == len(records)
        matched = [i for i in issuers if i.agency_key]
        assert len(matched) >= len(issuers) - 1, [i.printed for i in issuers if not i.agency_key]
        assert all(i.agency_key.startswith("h26.") for i in matched)
        named = next(r for r in records if r.fields.get("chu_the_ho_ten"))
        folded = fold(named.fields["chu_the_ho_ten"])
        assert f"doc:{named.document_id}" in [h.key for h in store.search(folded)]
    finally:
        store.close()


def test_bad_files_are_reported_and_do_not_stop_the_batch(dev_scans: Path, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    good = sorted((dev_scans / "batch_01").glob("*.jpg"))[:2]
    shutil.copy(good[0], src / "0001.jpg")
    (src / "0002.jpg").write_bytes(b"")  # zero bytes
    data = good[1].read_bytes()
    (src / "0003.jpg").write_bytes(data[: len(data) // 2])  # truncated in transfer
    (src / "0004.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 100)  # corrupt
    shutil.copy(good[1], src / "0005.jpg")
    out = tmp_path / "out"
    done = _run("process", src, "--out", out)
    assert done.returncode == 0, done.stderr
    pages = {json.loads(x)["file"]: json.loads(x) for x in (out / "pages.jsonl").read_text().splitlines()}
    assert sorted(pages) == ["0001.jpg", "0002.jpg", "0003.jpg", "0004.png", "0005.jpg"]
    assert {pages[n].get("error") for n in ("0002.jpg", "0003.jpg", "0004.png")} <= {
        "empty_file",
        "unreadable_image",
    }
    assert all(pages[n].get("error") for n in ("0002.jpg", "0003.jpg", "0004.png"))
    assert "error" not in pages["0001.jpg"] and "error" not in pages["0005.jpg"]
    assert pages["0001.jpg"]["document"] is not None
    assert "0002.jpg" in done.stderr and "rỗng" in done.stderr  # Vietnamese, actionable


@pytest.mark.parametrize("size", [(70000, 70000)])
def test_absurdly_large_image_is_refused_before_decoding(tmp_path: Path, size: tuple[int, int]) -> None:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", size[0], size[1], 8, 2, 0, 0, 0)
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
        + chunk(b"IEND", b"")
    )
    src = tmp_path / "in"
    src.mkdir()
    (src / "huge.png").write_bytes(png)
    out = tmp_path / "out"
    done = _run("process", src, "--out", out, "--no-ocr")
    assert done.returncode == 0, done.stderr
    page = json.loads((out / "pages.jsonl").read_text().splitlines()[0])
    assert page["error"] == "image_too_large"
    assert "dpi" in done.stderr
