"""Composition of the review steps that sign: the officer signs on submit, the supervisor on approval,
then the document gets its result code and is queued for the central repository."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from app.core.accounts import User
from app.core.doctypes import DocType
from app.core.errors import PdfError
from app.core.manifest import build_manifest
from app.core.models import Document, DocumentState
from app.core.outputs import Description, document_metadata
from app.core.workflow import Step, next_state
from app.pdf.sign_keys import SignerConfig, open_signer
from app.pdf.signing import Role, sign_pdf
from app.store import SqliteStore
from app.workers import assemble_document, prepare_pdf_page

log = logging.getLogger(__name__)


def signer_config(store: SqliteStore, user: User, secret: str | None = None) -> SignerConfig:
    """How ``user`` signs, from their account, with the passphrase or PIN typed just now."""
    stored = store.accounts.signer_of(user.id)
    if not stored:
        raise PdfError(
            "no signing key for account",
            message_vi="Tài khoản chưa được gán khóa ký số. Báo quản trị viên gán tệp khóa hoặc USB ký số.",
        )
    kind = stored.get("kind", "pkcs12")
    options: dict[str, Any] = {"kind": kind, "display_name": user.full_name or None}
    if kind == "pkcs12":
        options.update(pkcs12_path=Path(stored["pkcs12_path"]), pkcs12_passphrase=secret)
    else:
        options.update(
            pkcs11_module=Path(stored["pkcs11_module"]),
            token_label=stored.get("token_label"),
            key_label=stored.get("key_label"),
            pin_callback=(lambda: secret) if secret is not None else None,
        )
    return SignerConfig(**options)


def check_signer(store: SqliteStore, user: User, secret: str | None = None) -> None:
    """Open ``user``'s signing key and close it again, signing nothing: raises ``SignerLocked`` when
    the passphrase or PIN is missing or wrong (other ``PdfError`` for other key problems), so the
    screens can ask for it once before a long batch instead of failing on every document."""
    with open_signer(signer_config(store, user, secret)):
        log.debug("signing key of account %d opens", user.id)


def submit(store: SqliteStore, user: User, document_id: int, secret: str | None = None) -> DocumentState:
    """Sign the document's PDF as its officer (top-left box) and send it for review."""
    _check(store, user, document_id, Step.SUBMIT)
    fresh_pdf(store, _document(store, document_id))
    _sign(store, user, _document(store, document_id), "officer", secret)
    return store.review.submit(user, document_id)


def fresh_pdf(store: SqliteStore, document: Document) -> str:
    """The document's PDF as the officer is about to sign it; rebuilt from the journal when there is
    none (pages were edited) or when it already carries signatures (a returned document, corrected:
    its data and pages may have changed, and a signature field cannot be filled twice)."""
    if document.pdf_sha256 and b"/ByteRange" not in store.read_blob(document.pdf_sha256):
        return document.pdf_sha256
    record = store.records.get_record(document.id)
    pages = {p.id: p for p in store.list_pages(document.batch_id)}
    parts = []
    for page_id in document.page_ids:
        page = pages[page_id]
        if page.findings is None:
            raise PdfError(
                "page not analysed", message_vi="Trang chưa xử lý xong. Chờ một lát rồi trình lại."
            )
        parts.append(prepare_pdf_page(store.read_page(page), page.findings, store.read_ocr(page_id)))
    description = Description(record.doc_type, record.fields)
    meta = document_metadata(document, store.get_batch(document.batch_id).name, description)
    log.info("document %d: PDF rebuilt before signing", document.id)
    return store.save_document_pdf(document.id, assemble_document(parts, meta))


def approve(
    store: SqliteStore, user: User, document_id: int, doctypes: dict[str, DocType], secret: str | None = None
) -> DocumentState:
    """Countersign as supervisor, approve, issue the result code and queue the document for sending."""
    _check(store, user, document_id, Step.APPROVE)
    document = _document(store, document_id)
    pdf_sha = _sign(store, user, document, "supervisor", secret)
    state = store.review.approve(user, document_id)
    enqueue_approved(store, document_id, doctypes, pdf_sha)
    return state


def enqueue_approved(
    store: SqliteStore, document_id: int, doctypes: dict[str, DocType], pdf_sha: str
) -> None:
    """Result code (first time only) and outbox entry; safe to repeat after a crash."""
    config = store.config.get()
    record = store.records.get_record(document_id)
    doctype = doctypes.get(record.doc_type)
    result_type = doctype.result_type_code if doctype else "KQ"
    issued = record.fields.get("ngay_ban_hanh", "")
    year = int(issued[:4]) if issued[:4].isdigit() else date.today().year
    record.result_code = store.records.assign_result_code(
        document_id,
        config.template(),
        owner_id=record.fields.get("chu_the_so_dinh_danh"),
        result_type=result_type,
        station=config.station_code or "TRAM",
        year=year,
    )
    review = store.review.trail(document_id)
    pages = len(_document(store, document_id).page_ids)
    manifest = build_manifest(record, station=config.station_code, pages=pages, review=review)
    size = len(store.read_blob(pdf_sha))
    store.outbox.enqueue(document_id, manifest, pdf_sha, size, f"{record.result_code}.pdf")


def requeue_missing(store: SqliteStore, doctypes: dict[str, DocType]) -> int:
    """On start: approved documents that never reached the outbox (crash in between) are queued."""
    queued = {item.document_id for item in store.outbox.list()}
    count = 0
    for batch in store.list_batches():
        for document in store.list_documents(batch.id):
            if document.state is DocumentState.APPROVED and document.id not in queued and document.pdf_sha256:
                enqueue_approved(store, document.id, doctypes, document.pdf_sha256)
                count += 1
    if count:
        log.warning("queued %d approved documents that were missing from the outbox", count)
    return count


def _check(store: SqliteStore, user: User, document_id: int, step: Step) -> None:
    """Refuse before signing (role, state, own work), so nobody signs what they may not submit."""
    document = _document(store, document_id)
    author = str(store.review.trail(document_id).get("described_by", ""))
    next_state(document.state, step, user, author=author)


def _sign(store: SqliteStore, user: User, document: Document, role: Role, secret: str | None) -> str:
    if document.pdf_sha256 is None:
        raise PdfError(
            "document has no PDF yet", message_vi="Tài liệu chưa có tệp PDF. Chờ xử lý xong rồi thử lại."
        )
    signed = sign_pdf(store.read_blob(document.pdf_sha256), signer_config(store, user, secret), role=role)
    return store.save_document_pdf(document.id, signed)


def _document(store: SqliteStore, document_id: int) -> Document:
    return store.get_document(document_id)
