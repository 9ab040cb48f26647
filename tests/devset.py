"""Shared access to the dev scans for tests and benches: paths, ground truth, the official scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import cv2
import numpy as np

REPO = Path(__file__).resolve().parents[1]
DEV_SCANS = REPO.parent / "shared" / "data" / "dev-scans"


def read_records(data: Path = DEV_SCANS, name: str = "pages.jsonl") -> list[dict[str, Any]]:
    return [json.loads(line) for line in (data / name).read_text(encoding="utf-8").splitlines() if line]


def load_scorer(data: Path = DEV_SCANS) -> ModuleType:
    """The official scorer (score.py in shared/eval beside the data), for its metrics."""
    spec = importlib.util.spec_from_file_location("score", data.parent.parent / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def crop_to_quad(image: np.ndarray, quad: Any) -> np.ndarray:
    """The sheet warped upright onto a rectangle, as the ground-truth quad gives it."""
    src = np.array(quad, np.float32)
    width = round(float(np.linalg.norm(src[1] - src[0])))
    height = round(float(np.linalg.norm(src[3] - src[0])))
    dst = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    return cv2.warpPerspective(image, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE)
