"""Signed test PDFs of a chosen size and their outbox entries, for the end-to-end sync tests and bench."""

from __future__ import annotations

import hashlib
import io
import random
from dataclasses import dataclass
from typing import Any

import pikepdf
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers

from app.pdf.sign_keys import SignerConfig
from app.store.journal import SqliteStore
from app.store.outbox import SqliteOutbox


@dataclass(frozen=True)
class LocalDoc:
    document_id: int
    sha256: str
    size: int


_SIGNERS: dict[str, signers.SimpleSigner] = {}


def _signer(config: SignerConfig) -> signers.SimpleSigner:
    key = str(config.pkcs12_path)
    if key not in _SIGNERS:
        secret = (config.pkcs12_passphrase or "").encode()
        loaded = signers.SimpleSigner.load_pkcs12(str(config.pkcs12_path), passphrase=secret)
        assert loaded is not None
        _SIGNERS[key] = loaded
    return _SIGNERS[key]


def signed_pdf(officer: SignerConfig, size: int, seed: int) -> bytes:
    """A one-page PDF padded with ``size`` bytes of incompressible data, signed by the officer.

    An invisible PAdES signature made with pyHanko directly: app.pdf.signing draws a visible stamp
    whose font subsetting costs ~0.6 s a document, too slow for a hundred test documents.
    """
    rng = random.Random(seed)
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    pdf.pages[0].Contents = pikepdf.Stream(pdf, b"q 0 0 0 rg 50 700 200 20 re f Q")
    pdf.Root.SohoaPadding = pikepdf.Stream(pdf, rng.randbytes(size))
    out = io.BytesIO()
    pdf.save(out, compress_streams=False)
    signed = io.BytesIO()
    meta = signers.PdfSignatureMetadata(field_name="CanBo")
    signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(out.getvalue())), meta, signer=_signer(officer), output=signed
    )
    return signed.getvalue()


def manifest_base(document_id: int, station: str = "T1") -> dict[str, Any]:
    """The commit manifest without its files and key (the outbox fills those in)."""
    return {
        "station": station,
        "doc_type": "generic",
        "result_code": f"001.KQ.{station}.2026.{document_id:06d}",
        "fields": {
            "so_ky_hieu": f"{document_id}/QĐ-UBND",
            "ngay_ban_hanh": "2025-03-01",
            "trich_yeu": "Về việc cấp giấy phép xây dựng",
            "chu_the_ho_ten": "Nguyễn Thị Hằng",
        },
        "issuer": {"printed": "UBND XÃ ĐA TỐN", "agency_key": "h26.gia-lam.da-ton"},
        "scope_flags": [],
        "pages": 1,
        "files": [],
        "officer": "canbo1",
        "supervisor": None,
        "signed_at": "2026-01-05T09:00:00+07:00",
        "approved_at": "2026-01-05T10:00:00+07:00",
    }


def queue_documents(
    store: SqliteStore,
    outbox: SqliteOutbox,
    officer: SignerConfig,
    count: int,
    seed: int = 0,
    sizes: tuple[int, int] = (50_000, 100_000),
) -> list[LocalDoc]:
    """Put ``count`` signed PDFs in the store's file store and queue them in the outbox."""
    rng = random.Random(seed)
    docs = []
    for document_id in range(1, count + 1):
        data = signed_pdf(officer, rng.randint(*sizes), seed * 100_000 + document_id)
        sha = store.blobs.put(data)
        assert sha == hashlib.sha256(data).hexdigest()
        outbox.enqueue(document_id, manifest_base(document_id), sha, len(data), f"ho-so-{document_id}.pdf")
        docs.append(LocalDoc(document_id, sha, len(data)))
    return docs
