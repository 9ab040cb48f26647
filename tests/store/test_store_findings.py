"""Findings survive storage exactly: any PageFindings the cleanup can produce comes back equal."""

from __future__ import annotations

import json
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from app.core.models import PageFindings, QualityWarning
from app.core.ports import ScannedPage
from app.store import SqliteStore
from app.store.orm import findings_from_json, findings_to_json

coords = st.floats(min_value=-1e5, max_value=1e5, allow_nan=False)
points = st.tuples(coords, coords)
findings_strategy = st.builds(
    PageFindings,
    width=st.integers(1, 20_000),
    height=st.integers(1, 20_000),
    dpi=st.integers(50, 1200),
    skew_deg=st.floats(min_value=-45, max_value=45, allow_nan=False),
    orientation=st.sampled_from([0, 90, 180, 270]),
    page_quad=st.none() | st.tuples(points, points, points, points),
    is_blank=st.booleans(),
    is_separator=st.booleans(),
    separator_payload=st.none() | st.text(max_size=40),
    is_color=st.booleans(),
    warnings=st.lists(st.sampled_from(list(QualityWarning)), unique=True).map(tuple),
)


@given(findings_strategy)
def test_findings_json_round_trip_is_exact(findings: PageFindings) -> None:
    stored = json.loads(json.dumps(findings_to_json(findings)))
    assert findings_from_json(stored) == findings


def test_unknown_warning_from_a_newer_version_is_ignored() -> None:
    data = findings_to_json(PageFindings(width=10, height=20, dpi=300, warnings=(QualityWarning.BLURRED,)))
    data["warnings"].append("glare")
    assert findings_from_json(data).warnings == (QualityWarning.BLURRED,)


def test_findings_replace_earlier_findings(store: SqliteStore, make_page: Callable[..., ScannedPage]) -> None:
    batch = store.create_batch("Lô 1")
    page = store.add_page(batch.id, make_page(1))
    store.save_findings(page.id, PageFindings(width=1, height=1, dpi=300, is_blank=True))
    final = PageFindings(width=2480, height=3508, dpi=300, page_quad=((0, 0), (1, 0), (1, 1), (0, 1)))
    store.save_findings(page.id, final)
    (stored,) = store.list_pages(batch.id)
    assert stored.findings == final
