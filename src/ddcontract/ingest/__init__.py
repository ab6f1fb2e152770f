"""Ingest: PDF, DOCX, plain text and Markdown into one :class:`~ddcontract.model.Document`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..model import Document, Side

MAX_BYTES = 100_000_000
MAX_PAGES = 2000
CHARS_PER_PAGE = 3000  # the character limit of any document: max_pages x this (6 M characters by default)

SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}


CONVERT = "save it as DOCX or PDF (for example: soffice --headless --convert-to docx FILE)"
_OLE_SCAN = 4_000_000


def _ole_kind(path: Path) -> str:
    """What an OLE2 compound file is, from its stream names (stored in UTF-16): an Office document
    encrypted with a password (Word keeps an encrypted DOCX in such a container), or a legacy
    binary .doc / .xls file."""
    try:
        with path.open("rb") as fh:
            data = fh.read(_OLE_SCAN)
            size = path.stat().st_size
            if size > _OLE_SCAN:  # the directory may sit at the end of a large file
                fh.seek(max(_OLE_SCAN, size - _OLE_SCAN))
                data += fh.read()
    except OSError:
        data = b""

    def has(name: str) -> bool:
        return name.encode("utf-16-le") in data

    if has("EncryptedPackage") or has("EncryptionInfo"):
        return "the document is encrypted (password-protected): open it in Word and save a copy without a password"
    if has("WordDocument"):
        return f"a legacy Word 97-2003 document (.doc), which is not read directly: {CONVERT}"
    if has("Workbook") or has("Book"):
        return "a legacy Excel workbook (.xls), not a contract document"
    return f"an old binary Office file (OLE2), which is not read directly: {CONVERT}"


def detect_format(path: Path, head: bytes) -> str:
    """The format from the file's first bytes, falling back on the suffix for text."""
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if suffix in (".docx", ".docm", ".dotx"):
            return "docx"
        return "docx"  # the DOCX reader says clearly when the zip is not a Word document
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(str(path), _ole_kind(path))
    if head.startswith(b"{\\rtf"):
        raise InputError(str(path), f"an RTF document, which is not read directly: {CONVERT}")
    if suffix == ".pdf":
        raise InputError(str(path), "not a PDF file (no %PDF header): check that it is the right file, "
                                    "or give it the extension of what it is")
    if suffix == ".docx":
        raise InputError(str(path), "not a DOCX file (not a zip archive): the file is damaged or not a Word "
                                    "document; open it in Word and save it again")
    if suffix in (".txt", ".text", ".md", ".markdown", ""):
        return "md" if suffix in (".md", ".markdown") else "txt"
    raise InputError(str(path), f"unsupported file type {suffix!r} (use PDF, DOCX, TXT or MD)")


def load_document(path: str | Path, *, pdf_engine: str = "pdfium", max_bytes: int = MAX_BYTES,
                  max_pages: int = MAX_PAGES, password: str | None = None, side: Side = "after",
                  ocr: str | None = None, ocr_lang: str | None = None, ocr_timeout: float | None = None) -> Document:
    """The document as read. ``side`` matters for a DOCX with tracked changes: "after" (the
    default) reads it with every change accepted, "before" as it was before them; every other
    document reads the same on both sides."""
    before, after = load_sides(path, pdf_engine=pdf_engine, max_bytes=max_bytes, max_pages=max_pages,
                               password=password, ocr=ocr, ocr_lang=ocr_lang, ocr_timeout=ocr_timeout)
    if side == "before" and not before.blocks:
        raise InputError(str(path), "the document contains no text before its tracked changes")
    return before if side == "before" else after


def load_sides(path: str | Path, *, pdf_engine: str = "pdfium", max_bytes: int = MAX_BYTES,
               max_pages: int = MAX_PAGES, password: str | None = None, ocr: str | None = None,
               ocr_lang: str | None = None, ocr_timeout: float | None = None) -> tuple[Document, Document]:
    """The document before and after its tracked changes, from one reading of the file (a DOCX
    with tracked changes is parsed once for both; every other document is the same on both sides).
    The before side of a document written entirely as tracked insertions has no blocks. ``ocr``
    (``auto``, ``always``, ``never``; None: ``auto`` when an engine is installed), ``ocr_lang`` (the
    document's language when known) and ``ocr_timeout`` (seconds a page) are for a PDF's scanned
    pages (:mod:`.ocr`)."""
    p = Path(path)
    if not p.exists():
        raise InputError(str(p), "no such file")
    if p.is_dir():
        raise InputError(str(p), "is a directory, not a contract file (use `ddcontract scan` for a folder)")
    try:
        with p.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise InputError(str(p), f"cannot read the file ({exc.strerror or exc}): check that you may read it") from None
    if not head:
        raise InputError(str(p), "the file is empty: nothing to check (was it copied or saved completely?)")
    fmt = detect_format(p, head)
    max_chars = max_pages * CHARS_PER_PAGE
    if fmt == "pdf":
        from .pdf import read_pdf

        doc = read_pdf(p, max_bytes, max_pages, engine=pdf_engine, password=password, ocr=ocr,
                       ocr_lang=ocr_lang, ocr_timeout=ocr_timeout)
    elif fmt == "docx":
        from ..office.reader import read_docx_sides

        before, doc = read_docx_sides(p, max_bytes)
    else:
        from .text import read_text

        if p.stat().st_size > 4 * max_chars:  # more characters than the limit even in 4-byte UTF-8
            raise _too_long(p, p.stat().st_size, max_chars, "bytes")
        doc = read_text(p, max_bytes)
    chars = sum(len(b.text) for b in doc.blocks)
    if chars > max_chars:
        raise _too_long(p, chars, max_chars, "characters")
    if fmt != "docx":
        before = replace(doc, side="before")
    return before, doc


def _too_long(path: Path, size: int, max_chars: int, unit: str) -> InputError:
    return InputError(str(path), f"the document has {size:,} {unit}, more than the limit of {max_chars:,} "
                                 "characters (about --max-pages pages; raise --max-pages to read it)")
