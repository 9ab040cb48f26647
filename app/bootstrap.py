"""Composition root: builds the station's services from settings; no Qt here."""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.context
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path

from app import workers
from app.core.activity import ActivityReport, compute_activity
from app.core.agencies import load_catalogue
from app.core.doctypes import load_doctypes
from app.core.errors import DriverUnavailable
from app.core.issuer import IssuerMatcher
from app.core.models import Page, PageFindings
from app.core.outputs import Description, ReadFn, build_document_pdfs, describe_documents
from app.core.pipeline import BatchResult, PageWorkFn
from app.core.ports import CaptureJournal, Scanner
from app.core.progress import ProgressReport, compute_progress, levels_from
from app.core.records import RecordStore, record_from_description
from app.core.session import ThumbnailFn
from app.core.settings import Settings
from app.demo.sample_pages import ensure_demo_pages
from app.demo.station_setup import ensure_demo_station
from app.imaging.analyzer import cleaned_thumbnail, thumbnail
from app.scanning.files import FileImportScanner
from app.scanning.simulated import SimulatedFeeder
from app.store import Store, default_data_dir, open_store

log = logging.getLogger(__name__)


@dataclass
class Station:
    """Everything a front end (CLI or GUI) needs, wired together."""

    settings: Settings
    data_dir: Path
    store: Store
    scanners: dict[str, Scanner] = field(default_factory=dict)
    demo_folder: Path | None = None
    _matcher: IssuerMatcher | None = field(default=None, repr=False)

    @property
    def journal(self) -> CaptureJournal:
        return self.store

    @property
    def analyze(self) -> PageWorkFn:
        """Cleanup only: what the scan screen needs at once."""
        return workers.analyze_only

    @property
    def analyze_read_prepare(self) -> PageWorkFn:
        """Cleanup, OCR and PDF page preparation in one pass (headless processing)."""
        return workers.analyze_read_prepare

    @property
    def read_text(self) -> ReadFn:
        """OCR of a page analysed earlier (background, after the scan)."""
        return workers.read_text

    @property
    def thumbnail(self) -> ThumbnailFn:
        return thumbnail

    @property
    def cleaned_thumbnail(self) -> Callable[[bytes, PageFindings | None], bytes]:
        """The page strip's picture of an analysed page: cropped, deskewed and upright."""
        return cleaned_thumbnail

    def worker_pool(self, workers_count: int | None = None) -> Executor:
        """Low-priority worker processes (default: cores - 1, at least 1, leaving one for the UI)."""
        count = workers_count or self.settings.worker_count()
        return ProcessPoolExecutor(
            max_workers=count, mp_context=_pool_context(), initializer=workers.init_low_priority_worker
        )

    def cleaned_page(self, page: Page) -> bytes:
        """JPEG of the page as cleanup left it (what field regions refer to); slow: not on the GUI thread."""
        return workers.cleaned_page_image(self.store.read_page(page), page.findings)

    def describe_batch(self, result: BatchResult) -> dict[int, Description]:
        """After OCR: each document's type and fields, its record (issuer matched, indexed for search)
        and one PDF/A; what the scan screen and `sohoa process` both do last."""
        described = describe_documents(self.journal, result, workers.describe)
        for document in result.documents:
            description = described.get(document.id)
            if description is None:
                continue
            texts = [ocr.text for i in document.page_ids if (ocr := self.journal.read_ocr(i)) is not None]
            context = "\n".join(texts)
            record = record_from_description(document.id, description, self.issuer_matcher, context=context)
            self.records.save_record(record, context)
        build_document_pdfs(
            self.journal, result, workers.assemble_document, workers.prepare_pdf_page, descriptions=described
        )
        return described

    def progress_report(self, year: int, today: date | None = None) -> ProgressReport:
        """Digitised against the inventory and the plan's roadmap, for the end of ``year``."""
        return progress_report(self.store, self.data_dir, year, today or date.today())

    def activity_report(
        self, start: date, end: date, doc_type: str | None = None, officer: str | None = None
    ) -> ActivityReport:
        """Pages, rejections and send backlog per day over ``[start, end]``, and work per officer."""
        return activity_report(self.store, start, end, doc_type=doc_type, officer=officer)

    @property
    def records(self) -> RecordStore:
        return self.store.records

    @property
    def issuer_matcher(self) -> IssuerMatcher:
        """Matches printed issuers against the shipped catalogue plus the administrator's import."""
        if self._matcher is None:
            self._matcher = IssuerMatcher(load_catalogue(override_dir=self.data_dir))
        return self._matcher

    def close(self) -> None:
        self.store.close()


def progress_report(store: Store, data_dir: Path, year: int, today: date) -> ProgressReport:
    """The progress report from the store's documents and inventory (the dashboard and `sohoa report`)."""
    labels = {code: doc.label_vi for code, doc in load_doctypes().items()}
    return compute_progress(
        store.inventory.progress_facts(),
        store.inventory.rows(),
        levels_from(load_catalogue(override_dir=data_dir)),
        year=year,
        today=today,
        type_labels=labels,
    )


def activity_report(
    store: Store,
    start: date,
    end: date,
    *,
    doc_type: str | None = None,
    officer: str | None = None,
    tz: tzinfo | None = None,
) -> ActivityReport:
    """The dashboard's activity figures; days are counted in the station's local time zone."""
    zone = tz or datetime.now().astimezone().tzinfo or UTC
    since = datetime.combine(start - timedelta(days=1), time(), UTC)  # a day's slack for the zone
    return compute_activity(
        store.inventory.activity_facts(since),
        start=start,
        end=end,
        doc_type=doc_type,
        officer=officer,
        tz=zone,
    )


def _pool_context() -> multiprocessing.context.BaseContext:
    """forkserver where there is one: forking a process that runs Qt or store threads is unsafe."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def resolve_data_dir(settings: Settings) -> Path:
    if settings.data_dir is not None:
        return settings.data_dir
    base = default_data_dir()
    return base / "demo" if settings.profile == "demo" else base


def available_scanners() -> dict[str, Scanner]:
    """Every driver that can load on this machine (SANE on Linux, TWAIN on Windows)."""
    scanners: dict[str, Scanner] = {"files": FileImportScanner()}
    try:
        from app.scanning.sane_driver import SaneScanner

        scanners["sane"] = SaneScanner()
    except (ImportError, DriverUnavailable):
        log.info("SANE driver not available")
    try:
        from app.scanning.twain_driver import TwainScanner

        scanners["twain"] = TwainScanner()
    except (ImportError, DriverUnavailable):
        log.info("TWAIN driver not available")
    return scanners


def build_station(settings: Settings) -> Station:
    """Open the store (recovering anything half-done) and load the drivers for the profile."""
    data_dir = resolve_data_dir(settings)
    store = open_store(data_dir)
    station = Station(settings=settings, data_dir=data_dir, store=store, scanners=available_scanners())
    if settings.profile == "demo":
        ensure_demo_station(store, data_dir)
        station.demo_folder = ensure_demo_pages(data_dir / "demo-pages")
        station.scanners["simulated"] = SimulatedFeeder(
            station.demo_folder, seconds_per_page=settings.demo_pace_seconds
        )
    return station
