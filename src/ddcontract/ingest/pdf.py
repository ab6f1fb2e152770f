"""PDF: text lines with their positions, then paragraphs, without repeated headers and footers.

Two engines produce the same :class:`Line` objects:

- ``pdfium`` (default): pypdfium2, fast and in reading order; one line per text line, with the
  loose character box of its first and last character for the vertical position.
- ``pdfplumber``: slower and memory-hungry, kept for layouts where its analysis helps.

Lines then go through one shared path: drop page numbers and the headers and footers repeated
across pages, group lines into paragraphs by vertical gaps and clause numbers, rejoin words that a
line break hyphenated.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Block, Document
from .sections import assign_sections, is_list_item, looks_like_heading, split_number
from .textutil import DIGITS, PAGE_NUMBER, drop_invisible, furniture_key, join_lines, most_pages

ENGINES = ("pdfium", "pdfplumber")

_LINE_OR_HYPHEN = re.compile("[^\r\n\ufffe]+|\ufffe")


@dataclass(slots=True)
class Line:
    text: str
    top: float  # distance from the top of the page
    bottom: float
    x0: float
    page_height: float = 792.0


DAMAGED = "the file is damaged or incomplete; get a fresh copy"


def _encrypted(path: Path, password: str | None) -> InputError:
    if password:
        return InputError(str(path), "the PDF is encrypted and the password given with --password is not correct")
    return InputError(str(path), "the PDF is encrypted (password-protected): give its password with --password, "
                                 "or save a copy without one")


def read_pdf(path: Path, max_bytes: int, max_pages: int, engine: str = "pdfium",
             password: str | None = None, ocr: str | None = None, ocr_lang: str | None = None,
             ocr_timeout: float | None = None) -> Document:
    """The PDF as a Document. ``ocr`` (``auto``, ``always``, ``never``; None: ``auto`` when an OCR
    engine is installed) reads pages without a usable text layer, or every page, by OCR
    (:mod:`.ocr`); their blocks are marked ``ocr`` and ``Document.ocr`` says which pages and how sure."""
    if path.stat().st_size > max_bytes:
        raise InputError(str(path), f"file is larger than the limit of {max_bytes // 1_000_000} MB")
    if engine not in ENGINES:
        raise InputError(str(path), f"unknown PDF engine {engine!r} (choose {', '.join(ENGINES)})")
    pages = (_pages_pdfium(path, max_pages, password) if engine == "pdfium"
             else _pages_pdfplumber(path, max_pages, password))
    report = None
    if ocr != "never":
        from . import ocr as ocr_mod

        report = ocr_mod.ocr_pages(path, pages, ocr, password, ocr_lang, ocr_timeout)
    chars = sum(len(ln.text.strip()) for page in pages for ln in page)
    if chars < 20 * max(1, len(pages)) // 4 or chars == 0:
        raise InputError(str(path), _no_text(ocr, report))
    by_ocr = set(report.numbers) if report is not None else set()
    pages = _drop_headers_footers(pages, loose=bool(by_ocr))
    blocks: list[Block] = []
    for number, lines in enumerate(pages, start=1):
        page_blocks = _paragraphs(lines, number)
        if number in by_ocr:
            for block in page_blocks:
                block.ocr = True
        blocks.extend(page_blocks)
    blocks = _merge_across_pages(blocks)
    if not blocks:  # only page numbers or repeated headers: nothing a contract says
        raise InputError(str(path), "the PDF has no text besides page numbers and headers (a scanned image?): "
                                    "run OCR on it first, for example with ocrmypdf, or ask for the original")
    warnings = report.warnings() if report is not None else ()
    return Document(path=str(path), format="pdf", blocks=list(assign_sections(blocks)), pages=len(pages),
                    warnings=tuple(warnings), ocr=report if report is not None and report.pages else None)


def _no_text(ocr: str | None, report) -> str:
    """Why a PDF without text cannot be checked, and what to do."""
    from . import ocr as ocr_mod

    if report is not None and report.pages and not report.numbers:
        return (f"no page was read by OCR within the time allowed per page ({len(report.pages)} tried): "
                "raise --ocr-timeout, or ask for the original document")
    if report is not None and report.pages:
        return ("OCR found no text on the PDF's pages (blank pages, or a scan too poor to read?): "
                "ask for the original document")
    why = ocr_mod.unavailable()
    if why is None and ocr == "never":
        return ("the PDF has no text layer (a scanned image?): read it by OCR with --ocr auto, "
                "or ask for the original document")
    if why is None:
        return ("the PDF has no text layer and no scanned image to read by OCR (blank pages?): "
                "ask for the original document")
    return (f"the PDF has no text layer (a scanned image?) and {why}: to read it by OCR, {ocr_mod.INSTALL}; "
            "or ask for the original document")


# ---------------------------------------------------------------- engines


def _pages_pdfium(path: Path, max_pages: int, password: str | None = None) -> list[list[Line]]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg or "security" in msg:
            raise _encrypted(path, password) from None
        raise InputError(str(path), f"not a readable PDF ({_clean(str(exc))}): {DAMAGED}") from None
    try:
        if len(pdf) > max_pages:
            raise InputError(str(path), f"the PDF has {len(pdf)} pages, more than the limit of {max_pages} (raise it with --max-pages)")
        pages: list[list[Line]] = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            height = page.get_height()
            pages.append(_lines_from_textpage(textpage, height))
            textpage.close()
            page.close()
        return pages
    finally:
        pdf.close()


def _lines_from_textpage(textpage, height: float) -> list[Line]:
    import pypdfium2.raw as pdfium_c

    text = textpage.get_text_range()
    lines: list[Line] = []
    # pdfium's own call with one reused box: the helper's get_charbox() allocates per character
    box = pdfium_c.FS_RECTF()
    raw_page = textpage.raw
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    # pdfium reports a hyphen at a line end as U+FFFE and joins the two lines: split them again,
    # keeping a plain hyphen that join_lines() then keeps ("multi-factor") or drops ("notifi-cation")
    for m in _LINE_OR_HYPHEN.finditer(text):
        raw = m.group()
        if raw == "\ufffe":
            if lines:
                lines[-1].text += "-"
            continue
        lead = len(raw) - len(raw.lstrip())
        if lead == len(raw):  # a blank line
            continue
        if loose_box(raw_page, m.start() + lead, box):  # the box of the line's first character
            left, bottom, top = box.left, box.bottom, box.top
        else:  # a char without a box
            left, bottom, top = 0.0, 0.0, 0.0
        lines.append(Line(text=drop_invisible(raw.rstrip()), top=height - top, bottom=height - bottom, x0=left,
                          page_height=height))
    return lines


def _pages_pdfplumber(path: Path, max_pages: int, password: str | None = None) -> list[list[Line]]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(str(path), password=password or "") as pdf:
            if len(pdf.pages) > max_pages:
                raise InputError(str(path), f"the PDF has {len(pdf.pages)} pages, more than the limit of {max_pages} (raise it with --max-pages)")
            pages = []
            for page in pdf.pages:
                lines = [Line(text=ln["text"], top=ln["top"], bottom=ln["bottom"], x0=ln["x0"],
                              page_height=float(page.height))
                         for ln in page.extract_text_lines(return_chars=False)]
                pages.append(lines)
                page.flush_cache()
            return pages
    except PDFPasswordIncorrect:
        raise _encrypted(path, password) from None
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise InputError(str(path), f"not a readable PDF ({_clean(str(exc)) or type(exc).__name__}): {DAMAGED}") from None
    except Exception as exc:  # pdfminer raises many kinds on broken files
        if isinstance(exc, InputError):
            raise
        name = type(exc).__name__
        inner = type(exc.args[0]).__name__ if exc.args else ""  # pdfplumber wraps pdfminer's errors
        if any("Password" in n or "Encrypt" in n for n in (name, inner)):
            raise _encrypted(path, password) from None
        raise InputError(str(path), f"not a readable PDF ({name}): {DAMAGED}") from None


def _clean(msg: str) -> str:
    return " ".join(msg.split())[:160]


# ---------------------------------------------------------------- headers, footers, paragraphs


def _loose_norm():
    """A line's key for finding repeated headers on pages read by OCR, which reads the same header a
    little differently on each page ("Tallyfox" / "Tallytox"): letters and digits only, and a key
    that is 85% the same as one seen before is that one."""
    from difflib import SequenceMatcher

    seen: dict[str, str] = {}
    kept: list[str] = []

    def key(text: str) -> str:
        k = DIGITS.sub("#", "".join(ch for ch in text.lower() if ch.isalnum()))
        if k not in seen:
            near = next((r for r in kept[-400:] if SequenceMatcher(None, k, r).ratio() >= 0.85), None)
            seen[k] = near or k
            if near is None:
                kept.append(k)
        return seen[k]
    return key


def _drop_headers_footers(pages: list[list[Line]], loose: bool = False) -> list[list[Line]]:
    """Remove page numbers, and lines repeated at the top or bottom of most pages (``loose``: compared
    as OCR reads them, see :func:`_loose_norm`)."""
    edge = 3
    _norm = _loose_norm() if loose else furniture_key

    def in_margin(ln: Line) -> bool:
        return ln.top < 0.12 * ln.page_height or ln.top > 0.88 * ln.page_height

    counts: Counter[str] = Counter()
    for lines in pages:
        seen = {_norm(ln.text) for ln in lines[:edge] + lines[-edge:] if in_margin(ln)}
        counts.update(seen)
    threshold = most_pages(len(pages))
    repeated = {t for t, c in counts.items() if c >= threshold} if len(pages) >= 2 else set()
    out = []
    for lines in pages:
        keep = []
        for i, ln in enumerate(lines):
            at_edge = (i < edge or i >= len(lines) - edge) and in_margin(ln)
            if at_edge and (_norm(ln.text) in repeated or PAGE_NUMBER.match(ln.text)):
                continue
            keep.append(ln)
        out.append(keep)
    return out


def _paragraphs(lines: list[Line], page: int) -> list[Block]:
    if not lines:
        return []
    tops = [ln.top for ln in lines]
    gaps = [b - a for a, b in zip(tops, tops[1:]) if 0 < b - a < 60]
    pitch = Counter(round(g, 0) for g in gaps).most_common(1)[0][0] if gaps else 14.0
    texts = [ln.text.strip() for ln in lines]
    lengths = sorted(map(len, texts))
    typical = lengths[len(lengths) * 3 // 4]
    groups: list[list[Line]] = [[lines[0]]]
    for i in range(1, len(lines)):  # the line before is always the last of the last group
        text, prev = texts[i], texts[i - 1]
        gap = tops[i] - tops[i - 1]
        new = (
            gap > pitch * 1.35 or gap < -2  # a wider gap, or a jump back up (next column)
            or split_number(text)[0] is not None
            or is_list_item(text)
            or (len(prev) < 0.6 * typical and prev[-1:] not in ",-\u00ad\x02"
                and (text[:1].isupper() or text[:1] in "(\"“"))
        )
        if new:
            groups.append([lines[i]])
        else:
            groups[-1].append(lines[i])
    blocks = []
    for group in groups:
        text = join_lines([ln.text for ln in group])
        if text:
            blocks.append(Block(text=text, page=page, anchor=f"page{page}#b{len(blocks)}"))
    return blocks


def _merge_across_pages(blocks: list[Block]) -> list[Block]:
    """A paragraph that runs over a page break continues in lower case on the next page."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if prev is not None and prev.page != block.page and prev.text[-1:] not in ".:;!?" \
                and not looks_like_heading(prev.text) and (
                    block.text[:1].islower()
                    or (split_number(block.text)[0] is None and not is_list_item(block.text)
                        and not looks_like_heading(block.text))):
            out[-1].text = join_lines([out[-1].text, block.text])
            out[-1].ocr = out[-1].ocr or block.ocr
            continue
        out.append(block)
    return out
