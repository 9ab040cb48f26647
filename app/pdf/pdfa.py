"""One PDF/A-2b per document with pikepdf: page images at true size, invisible text, XMP, sRGB intent.

``assemble_pdfa`` takes the pages ``prepare_page`` made in the workers (only stream bytes to wrap:
nothing is re-encoded here) and writes the document; ``validate_pdfa`` runs ``pikepdf.pdfa`` on the
bytes, the check the issue requires before signing.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import os
import zlib
from collections.abc import Sequence
from datetime import UTC, datetime

import pikepdf
import pikepdf.pdfa
from PIL import ImageCms

from app.core.errors import PdfError
from app.pdf.bitonal import decode_parms
from app.pdf.textlayer import (
    ADVANCE,
    ASCENT,
    DESCENT,
    FONT_NAME,
    FONT_RESOURCE,
    GLYPH_ID,
    glyphless_font,
    text_operators,
    to_unicode_cmap,
    used_codes,
)
from app.pdf.types import ImageStream, PdfMetadata, PreparedPage
from app.pdf.xmp import info_entries, xmp_packet

log = logging.getLogger(__name__)

FLAVOUR = "2b"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
Name = pikepdf.Name


def assemble_pdfa(pages: Sequence[PreparedPage], meta: PdfMetadata, *, own_namespace: bool = False) -> bytes:
    """The document as PDF/A-2b bytes; raises ``PdfError`` when there is nothing to write.

    ``own_namespace`` puts the metadata fields in the ``sohoa`` XMP namespace with its extension
    schema (valid PDF/A-2b, but denied by ``pikepdf.pdfa``'s allowlist: see ``app.pdf.xmp``).
    """
    if not pages:
        raise PdfError("a document needs at least one page")
    when = meta.created or datetime.now(UTC).astimezone()
    pdf = pikepdf.new()
    font = _font(pdf, used_codes(page.words for page in pages))
    for page in pages:
        _add_page(pdf, page, font)
    _add_metadata(pdf, meta, when, own_namespace=own_namespace)
    _add_output_intent(pdf)
    pdf.trailer.ID = pikepdf.Array([pikepdf.String(_document_id(meta))] * 2)
    out = io.BytesIO()
    pdf.save(out, **pikepdf.pdfa.resolve_save_kwargs(FLAVOUR))
    return out.getvalue()


def _document_id(meta: PdfMetadata) -> bytes:
    """The permanent half of the trailer /ID: stable for a document's identifier, else random."""
    if not meta.identifier:
        return os.urandom(16)
    return hashlib.sha256(meta.identifier.encode("utf-8")).digest()[:16]


def validate_pdfa(data: bytes) -> list[str]:
    """Reasons ``data`` is not PDF/A-2b per ``pikepdf.pdfa``; an empty list means it passes."""
    report = pikepdf.pdfa.validate_written(io.BytesIO(data), FLAVOUR)
    if report.passed:
        return []
    return [str(finding) for finding in report.findings] or ["not approved as PDF/A-2b"]


def _add_page(pdf: pikepdf.Pdf, page: PreparedPage, font: pikepdf.Object) -> None:
    width, height = page.width_pt, page.height_pt
    images = pikepdf.Dictionary()
    ops = []
    for index, layer in enumerate(page.layers):
        name = f"/Im{index}"
        images[name] = _image(pdf, layer)
        paint = "{:.4f} {:.4f} {:.4f} rg ".format(*layer.fill_rgb) if layer.is_mask else ""
        ops.append(f"q {paint}{_placement(page, layer)} cm {name} Do Q")
    content = ("\n".join(ops) + "\n").encode("ascii") + text_operators(page.words, page.height, page.dpi)
    resources = pikepdf.Dictionary(XObject=images)
    if page.words:
        resources.Font = pikepdf.Dictionary({FONT_RESOURCE: font})
    pdf.pages.append(
        pikepdf.Page(
            pikepdf.Dictionary(
                Type=Name.Page,
                MediaBox=pikepdf.Array([0, 0, round(width, 4), round(height, 4)]),
                Resources=resources,
                Contents=pdf.make_stream(zlib.compress(content), Filter=Name.FlateDecode),
            )
        )
    )


def _placement(page: PreparedPage, layer: ImageStream) -> str:
    """The matrix putting a layer on its page: the whole page, or its own pixel box."""
    if layer.origin is None:
        return f"{page.width_pt:.4f} 0 0 {page.height_pt:.4f} 0 0"
    k = 72.0 / page.dpi
    x, y = layer.origin
    bottom = page.height - y - layer.height
    return f"{layer.width * k:.4f} 0 0 {layer.height * k:.4f} {x * k:.4f} {bottom * k:.4f}"


def _image(pdf: pikepdf.Pdf, layer: ImageStream) -> pikepdf.Stream:
    stream = pikepdf.Stream(pdf, layer.data)
    stream.Type = Name.XObject
    stream.Subtype = Name.Image
    stream.Width = layer.width
    stream.Height = layer.height
    if layer.filter == "CCITTFaxDecode":
        stream.BitsPerComponent = 1
        stream.Filter = Name.CCITTFaxDecode
        stream.DecodeParms = pikepdf.Dictionary({k: v for k, v in decode_parms(layer).items()})
        if layer.is_mask:
            stream.ImageMask = True
        else:
            stream.ColorSpace = Name.DeviceGray
    elif layer.filter == "DCTDecode":
        stream.BitsPerComponent = 8
        stream.Filter = Name.DCTDecode
        stream.ColorSpace = Name.DeviceRGB if layer.components == 3 else Name.DeviceGray
    else:
        raise PdfError(f"unsupported image filter {layer.filter}")
    return stream


def _font(pdf: pikepdf.Pdf, used: set[int]) -> pikepdf.Object:
    program = glyphless_font()
    font_file = pdf.make_stream(zlib.compress(program), Filter=Name.FlateDecode, Length1=len(program))
    descriptor = pikepdf.Dictionary(
        Type=Name.FontDescriptor,
        FontName=Name("/" + FONT_NAME),
        Flags=4,
        FontBBox=pikepdf.Array([0, DESCENT, ADVANCE, ASCENT]),
        ItalicAngle=0,
        Ascent=ASCENT,
        Descent=DESCENT,
        CapHeight=ASCENT,
        StemV=80,
        FontFile2=font_file,
    )
    cid_to_gid = zlib.compress(GLYPH_ID.to_bytes(2, "big") * 65536, 9)
    cid_font = pikepdf.Dictionary(
        Type=Name.Font,
        Subtype=Name.CIDFontType2,
        BaseFont=Name("/" + FONT_NAME),
        CIDSystemInfo=pikepdf.Dictionary(
            Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"), Supplement=0
        ),
        FontDescriptor=pdf.make_indirect(descriptor),
        DW=ADVANCE,
        CIDToGIDMap=pdf.make_stream(cid_to_gid, Filter=Name.FlateDecode),
    )
    cmap = to_unicode_cmap(used)
    type0 = pikepdf.Dictionary(
        Type=Name.Font,
        Subtype=Name.Type0,
        BaseFont=Name("/" + FONT_NAME),
        Encoding=Name("/Identity-H"),
        DescendantFonts=pikepdf.Array([pdf.make_indirect(cid_font)]),
        ToUnicode=pdf.make_stream(zlib.compress(cmap), Filter=Name.FlateDecode),
    )
    return pdf.make_indirect(type0)


def _add_metadata(pdf: pikepdf.Pdf, meta: PdfMetadata, when: datetime, *, own_namespace: bool) -> None:
    packet = xmp_packet(meta, when, own_namespace=own_namespace)
    pdf.Root.Metadata = pdf.make_stream(packet, Type=Name.Metadata, Subtype=Name.XML)
    info = pikepdf.Dictionary({key: pikepdf.String(value) for key, value in info_entries(meta, when).items()})
    pdf.trailer.Info = pdf.make_indirect(info)


def _add_output_intent(pdf: pikepdf.Pdf) -> None:
    profile = srgb_profile()
    icc = pdf.make_stream(zlib.compress(profile), Filter=Name.FlateDecode, N=3)
    intent = pikepdf.Dictionary(
        Type=Name.OutputIntent,
        S=Name.GTS_PDFA1,
        OutputConditionIdentifier=pikepdf.String(OUTPUT_CONDITION),
        Info=pikepdf.String(OUTPUT_CONDITION),
        DestOutputProfile=icc,
    )
    pdf.Root.OutputIntents = pikepdf.Array([intent])


@functools.cache
def srgb_profile() -> bytes:
    """The output intent's ICC profile: sRGB (v4, about 600 bytes) built by Little CMS."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    data: bytes = profile.tobytes()
    return data
