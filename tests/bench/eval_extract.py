"""Extraction benchmark: document type and FORMAT.md fields on the dev set's OCR output.

Run: .venv/bin/python tests/bench/eval_extract.py [--ocr /tmp/eval-ocr] [--gt ../shared/data/dev-scans]
     [--show-misses]

Inputs are the ``pages.jsonl``/``documents.jsonl`` our pipeline wrote per batch; scoring follows
``../shared/eval/score.py`` (its ``norm_field`` and ``FIELDS``), matching documents by page list.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from app.core.ocr_types import OcrPage
from app.extract import extract_document

REPO = Path(__file__).resolve().parents[2]


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("devscore", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def predictions(ocr_root: Path) -> dict[tuple[str, ...], tuple[str, dict[str, str | None]]]:
    """(batch-qualified page list) -> (doc_type, fields) for every OCR'd document."""
    out: dict[tuple[str, ...], tuple[str, dict[str, str | None]]] = {}
    for batch in sorted(p for p in ocr_root.iterdir() if p.is_dir()):
        texts = {r["file"]: r.get("text") or "" for r in read_jsonl(batch / "pages.jsonl")}
        for d in read_jsonl(batch / "documents.jsonl"):
            pages = [OcrPage(text=texts.get(f, ""), width=2480, height=3508, dpi=300) for f in d["pages"]]
            ex = extract_document(pages)
            out[tuple(f"{batch.name}/{f}" for f in d["pages"])] = (ex.doc_type, ex.values())
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ocr", type=Path, default=Path("/tmp/eval-ocr"))
    ap.add_argument("--gt", type=Path, default=REPO.parent / "shared/data/dev-scans")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    scorer = load_scorer(args.gt.parent.parent / "eval/score.py")
    preds = predictions(args.ocr)
    hits = {f: [0, 0] for f in scorer.FIELDS}
    false_fill = [0, 0]
    type_ok = n_docs = 0
    for d in read_jsonl(args.gt / "documents.jsonl"):
        pred = preds.get(tuple(d["pages"]))
        n_docs += 1
        if pred is None:
            print(f"no OCR document for {d['pages']}", file=sys.stderr)
            continue
        doc_type, fields = pred
        type_ok += doc_type == d["doc_type"]
        for f in scorer.FIELDS:
            want, got = scorer.norm_field(f, d.get(f)), scorer.norm_field(f, fields.get(f))
            if want is None:
                false_fill[1] += 1
                false_fill[0] += got is not None
                if got is not None and args.show_misses:
                    print(f"FALSE {d['doc_type']:18} {f}: got {got!r}")
                continue
            hits[f][1] += 1
            hits[f][0] += got == want
            if got != want and args.show_misses:
                print(f"MISS  {d['doc_type']:18} {f}: want {want!r} got {got!r}")
    print(f"doc-type accuracy: {type_ok}/{n_docs} = {type_ok / max(n_docs, 1):.1%}")
    for f, (ok, n) in hits.items():
        print(f"  {f:22} {ok:3}/{n:<3} {ok / n:.1%}" if n else f"  {f:22}   -")
    total_ok, total_n = sum(h[0] for h in hits.values()), sum(h[1] for h in hits.values())
    print(f"fields overall: {total_ok}/{total_n} = {total_ok / max(total_n, 1):.1%}")
    print(f"false fill: {false_fill[0]}/{false_fill[1]} = {false_fill[0] / max(false_fill[1], 1):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
