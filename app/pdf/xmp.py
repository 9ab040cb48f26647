"""The XMP packet of a PDF/A-2b document and the Info dictionary entries that must agree with it.

Dublin Core (title, creator, date, identifier, description, language), the XMP basic dates and
tool, the PDF producer, the PDF/A identification, and the result's metadata fields.

Where the fields go: ISO 19005-2 lets them live in our own namespace (``sohoa``) when a PDF/A
extension schema describes it (``own_namespace=True``). ``pikepdf.pdfa`` (10.18), the validator the
issue requires, is an allowlist that denies every namespace outside the XMP/PDF/A core, extension
schemas included, so by default the fields are written as ``sohoa:name=value`` items of
``dc:subject`` (searchable keywords) and as ``/Sohoa.name`` entries of the Info dictionary.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Mapping
from datetime import datetime
from xml.sax.saxutils import escape

from app.pdf.types import PdfMetadata

log = logging.getLogger(__name__)

SOHOA_NS = "https://sohoa.hanoi.vn/ns/1.0/"
SOHOA_PREFIX = "sohoa"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_ID_NAMESPACE = uuid.UUID("6f1d2a43-5a7e-4c1b-9f57-2f0b3c1a9e10")


def document_uuid(identifier: str) -> str:
    """A stable ``uuid:`` for the document (from its identifier; random without one)."""
    value = uuid.uuid5(_ID_NAMESPACE, identifier) if identifier else uuid.uuid4()
    return f"uuid:{value}"


def xmp_date(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


def pdf_date(when: datetime) -> str:
    """The PDF date string for the same instant as ``xmp_date``."""
    stamp = when.strftime("D:%Y%m%d%H%M%S")
    offset = when.utcoffset()
    if offset is None:
        return stamp
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{stamp}{sign}{hours:02d}'{mins:02d}'"


def field_values(fields: Mapping[str, object]) -> dict[str, str]:
    """The metadata fields as XMP text properties: valid names, no empty values, JSON for
    structured values."""
    values: dict[str, str] = {}
    for name, value in fields.items():
        if value is None or value == "" or not _NAME.match(name):
            continue
        if isinstance(value, str):
            values[name] = value
        elif isinstance(value, bool | int | float):
            values[name] = json.dumps(value)
        else:
            values[name] = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return values


def xmp_packet(meta: PdfMetadata, when: datetime, *, own_namespace: bool = True) -> bytes:
    """The complete XMP packet (UTF-8) for ``meta``, created and modified at ``when``."""
    values = field_values(meta.fields)
    fields = values if own_namespace else {}
    body = [
        '<rdf:Description rdf:about=""',
        '  xmlns:dc="http://purl.org/dc/elements/1.1/"',
        '  xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
        '  xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"',
        '  xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
        '  xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
    ]
    if fields:
        body += [
            '  xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"',
            '  xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"',
            '  xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"',
            f'  xmlns:{SOHOA_PREFIX}="{SOHOA_NS}"',
        ]
    body[-1] += ">"
    body += _core_properties(meta, when)
    if values and not own_namespace:
        items = "".join(f"<rdf:li>{SOHOA_PREFIX}:{escape(k)}={escape(v)}</rdf:li>" for k, v in values.items())
        body.append(f"<dc:subject><rdf:Bag>{items}</rdf:Bag></dc:subject>")
    if fields:
        body += _extension_schema(fields)
        body += [f"<{SOHOA_PREFIX}:{k}>{escape(v)}</{SOHOA_PREFIX}:{k}>" for k, v in fields.items()]
    body.append("</rdf:Description>")
    packet = [
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
        *body,
        "</rdf:RDF>",
        "</x:xmpmeta>",
        '<?xpacket end="w"?>',
    ]
    return "\n".join(packet).encode("utf-8")


def _lang_alt(tag: str, text: str) -> list[str]:
    return [f'<{tag}><rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt></{tag}>']


def _core_properties(meta: PdfMetadata, when: datetime) -> list[str]:
    stamp = xmp_date(when)
    doc_id = document_uuid(meta.identifier)
    lines = ["<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>"]
    if meta.title:
        lines += _lang_alt("dc:title", meta.title)
    if meta.creator:
        lines.append(f"<dc:creator><rdf:Seq><rdf:li>{escape(meta.creator)}</rdf:li></rdf:Seq></dc:creator>")
    if meta.subject:
        lines += _lang_alt("dc:description", meta.subject)
    if meta.identifier:
        lines.append(f"<dc:identifier>{escape(meta.identifier)}</dc:identifier>")
    lines += [
        f"<dc:date><rdf:Seq><rdf:li>{stamp}</rdf:li></rdf:Seq></dc:date>",
        f"<dc:language><rdf:Bag><rdf:li>{escape(meta.language)}</rdf:li></rdf:Bag></dc:language>",
        "<dc:format>application/pdf</dc:format>",
        f"<xmp:CreateDate>{stamp}</xmp:CreateDate>",
        f"<xmp:ModifyDate>{stamp}</xmp:ModifyDate>",
        f"<xmp:MetadataDate>{stamp}</xmp:MetadataDate>",
        f"<xmp:CreatorTool>{escape(meta.producer)}</xmp:CreatorTool>",
        f"<pdf:Producer>{escape(meta.producer)}</pdf:Producer>",
        f"<xmpMM:DocumentID>{doc_id}</xmpMM:DocumentID>",
        f"<xmpMM:InstanceID>{doc_id}</xmpMM:InstanceID>",
    ]
    return lines


def _extension_schema(fields: Mapping[str, str]) -> list[str]:
    """The pdfaExtension description of our namespace's properties (all Text, external)."""
    lines = [
        '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
        "<pdfaSchema:schema>Trạm Số hóa document metadata</pdfaSchema:schema>",
        f"<pdfaSchema:namespaceURI>{SOHOA_NS}</pdfaSchema:namespaceURI>",
        f"<pdfaSchema:prefix>{SOHOA_PREFIX}</pdfaSchema:prefix>",
        "<pdfaSchema:property><rdf:Seq>",
    ]
    for name in fields:
        lines += [
            '<rdf:li rdf:parseType="Resource">',
            f"<pdfaProperty:name>{name}</pdfaProperty:name>",
            "<pdfaProperty:valueType>Text</pdfaProperty:valueType>",
            "<pdfaProperty:category>external</pdfaProperty:category>",
            f"<pdfaProperty:description>Document field {name}</pdfaProperty:description>",
            "</rdf:li>",
        ]
    lines += ["</rdf:Seq></pdfaSchema:property>", "</rdf:li></rdf:Bag></pdfaExtension:schemas>"]
    return lines


def info_entries(meta: PdfMetadata, when: datetime) -> dict[str, str]:
    """The Info dictionary entries equivalent to the XMP packet's."""
    stamp = pdf_date(when)
    entries = {
        "/Producer": meta.producer,
        "/Creator": meta.producer,
        "/CreationDate": stamp,
        "/ModDate": stamp,
    }
    if meta.title:
        entries["/Title"] = meta.title
    if meta.creator:
        entries["/Author"] = meta.creator
    if meta.subject:
        entries["/Subject"] = meta.subject
    for name, value in field_values(meta.fields).items():
        entries[f"/Sohoa.{name}"] = value
    return entries
