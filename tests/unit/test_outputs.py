"""Document descriptions come from their pages' OCR; a cover sheet's type wins; records carry them."""

from __future__ import annotations

from app.core.batch_export import batch_records
from app.core.models import PageFindings
from app.core.ocr_types import OcrPage
from app.core.outputs import Description, describe_documents
from app.core.pipeline import PageProduct, capture, process_batch
from app.core.ports import ScanSettings
from tests.fakes import ListScanner, MemoryJournal


def work(data: bytes, dpi: int | None) -> PageProduct:
    separator = data.startswith(b"sep")
    found = PageFindings(
        10, 10, 300, is_separator=separator, separator_payload=data.decode() if separator else None
    )
    ocr = None if separator else OcrPage(data.decode(), 10, 10, 300)
    return PageProduct(found, ocr)


def extract(pages: list[OcrPage], _qr: list[str]) -> Description:
    text = " ".join(p.text for p in pages)
    return Description("quyet_dinh" if "QĐ" in text else "unknown", {"so_ky_hieu": text.split()[0]})


def test_descriptions_fill_the_document_records() -> None:
    journal = MemoryJournal()
    feed = [b"sep", "12/QĐ-UBND trang 1".encode(), b"trang 2", b"sep:khai_sinh", b"45 giay"]
    batch = capture(ListScanner(feed), "list", ScanSettings(), journal, batch_name="b").batch
    result = process_batch(journal, batch.id, work)
    described = describe_documents(journal, result, extract)
    _, documents = batch_records(result, described)
    assert [d["doc_type"] for d in documents] == ["quyet_dinh", "khai_sinh"]  # the cover sheet wins
    assert documents[0]["fields"]["so_ky_hieu"] == "12/QĐ-UBND"
    assert documents[1]["fields"]["so_ky_hieu"] == "45"
    assert documents[0]["fields"]["nguoi_ky"] is None
