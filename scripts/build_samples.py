#!/usr/bin/env python3
"""Build the bundled sample contracts (DOCX and PDF) from their text sources.

Usage:
    python scripts/build_samples.py                 # build every scripts/sample_sources/*.txt
    python scripts/build_samples.py dpa msa_provider  # build some
    python scripts/build_samples.py --no-pdf        # DOCX only
    python scripts/build_samples.py --dump dpa      # print the numbered outline, build nothing
    python scripts/build_samples.py --check         # check samples/expected/*.json sections exist

Sources live in scripts/sample_sources/<name>.txt (not in samples/, which holds only what a user
would check or scan); outputs are samples/<name>.docx and samples/<name>.pdf.
The PDF is made by LibreOffice headless (``soffice``), which must be on PATH.

Source format (one block per line; a line starting with two spaces continues the previous block):

    @key: value        document settings: title, header, footer, numbering (auto|literal),
                       font, size (pt), spacing (pt after a paragraph), margin (cm), justify (yes|no),
                       pagenumbers (page-of|page), language (en|da: footer words and the
                       document's proofing language), author, created, modified, revision
                       (author|date for tracked changes), subject, keywords
    % comment          ignored
    TITLE text         document title (Title style)
    SUB text           centred sub-title line
    CENTER text        centred body paragraph
    P text             body paragraph
    PI text            body paragraph indented to the clause text
    H text             clause heading (Heading 1). auto: numbered "%1." by Word numbering;
                       literal: the text carries its own number, e.g. "H 9. Security"
    H* text            unnumbered heading (Heading 1), e.g. "Schedule 1 - Service Levels"
    H2 text            unnumbered sub-heading (Heading 2)
    1 text             clause, level 1. auto: Word numbering "%1.%2"; literal: "1 9.1 text"
    2 text             item, level 2: auto "(%3)"; literal: "2 (a) text"
    3 text             item, level 3: auto "(%4)" lower roman; literal: "3 (i) text"
    TABLE a | b | c    table; the first row is the header row. Following rows: "ROW a | b | c".
                       Column widths in cm may follow the tag: "TABLE{3,4,5} a | b | c"
    SIGN a | b         borderless signature table; following rows "ROW a | b"
    PAGEBREAK          page break
    BOX text           text in a shaded box with an accent bar (templates: a clause to paste)
    J text             a paragraph holding only a docxtpl tag, e.g. "J {%p for s in items %}"
                       (templates only: docxtpl removes the paragraph when it renders)

Template settings (scripts/build_templates.py): accent (hex colour of the title and headings),
tablehead (hex fill of table header rows, white bold text), comments and category (core properties).

Inline markup inside text: **bold**, {+tracked insertion+}, {-tracked deletion-}.
Tracked changes carry the author and date of @revision.

The output is deterministic: fixed core properties, fixed ZIP timestamps, and the PDF's
creation dates and file ID are replaced by fixed values of the same length.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SRC = ROOT / "scripts" / "sample_sources"
EXPECTED = SAMPLES / "expected"

NUM_ID = 90          # w:numId used for the clause numbering
ABSTRACT_NUM_ID = 90
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)

# --------------------------------------------------------------------------- parsing


@dataclass
class Block:
    kind: str            # TITLE SUB CENTER P PI H H* H2 L1 L2 L3 TABLE SIGN PAGEBREAK
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    line: int = 0
    widths: list[float] = field(default_factory=list)   # table column widths in cm


@dataclass
class Source:
    name: str
    meta: dict[str, str]
    blocks: list[Block]

    @property
    def auto(self) -> bool:
        return self.meta.get("numbering", "auto") == "auto"


LEVEL_KINDS = {"1": "L1", "2": "L2", "3": "L3"}


def parse_source(path: Path) -> Source:
    meta: dict[str, str] = {}
    blocks: list[Block] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("%"):
            continue
        if line.startswith("  "):
            if not blocks:
                raise SystemExit(f"{path}:{lineno}: continuation line before any block")
            last = blocks[-1]
            if last.kind in ("TABLE", "SIGN"):
                last.rows[-1][-1] += " " + line.strip()
            else:
                last.text += " " + line.strip()
            continue
        if line.startswith("@"):
            key, _, value = line[1:].partition(":")
            meta[key.strip()] = value.strip()
            continue
        tag, _, rest = line.partition(" ")
        rest = rest.strip()
        widths: list[float] = []
        m = re.fullmatch(r"(TABLE|SIGN)\{([\d.,\s]+)\}", tag)
        if m:
            tag, widths = m.group(1), [float(w) for w in m.group(2).split(",")]
        if tag in LEVEL_KINDS:
            blocks.append(Block(LEVEL_KINDS[tag], rest, line=lineno))
        elif tag in ("TITLE", "SUB", "CENTER", "P", "PI", "H", "H*", "H2"):
            blocks.append(Block(tag, rest, line=lineno))
        elif tag in ("TABLE", "SIGN"):
            blocks.append(Block(tag, rows=[split_row(rest)], line=lineno, widths=widths))
        elif tag == "ROW":
            if not blocks or blocks[-1].kind not in ("TABLE", "SIGN"):
                raise SystemExit(f"{path}:{lineno}: ROW outside a table")
            blocks[-1].rows.append(split_row(rest))
        elif tag in ("J", "BOX"):
            blocks.append(Block(tag, rest, line=lineno))
        elif tag == "PAGEBREAK":
            blocks.append(Block("PAGEBREAK", line=lineno))
        else:
            raise SystemExit(f"{path}:{lineno}: unknown block tag {tag!r}")
    return Source(path.stem, meta, blocks)


def split_row(text: str) -> list[str]:
    return [cell.strip() for cell in text.split("|")]


# --------------------------------------------------------------------------- numbering


def to_roman(n: int) -> str:
    vals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def outline(src: Source) -> list[tuple[str, Block]]:
    """(visible number, block) for every block, as a reader of the document sees it."""
    result: list[tuple[str, Block]] = []
    counters = [0, 0, 0, 0]
    for b in src.blocks:
        num = ""
        if src.auto and b.kind in ("H", "L1", "L2", "L3"):
            level = {"H": 0, "L1": 1, "L2": 2, "L3": 3}[b.kind]
            counters[level] += 1
            for deeper in range(level + 1, 4):
                counters[deeper] = 0
            if level == 0:
                num = f"{counters[0]}."
            elif level == 1:
                num = f"{counters[0]}.{counters[1]}"
            elif level == 2:
                num = f"({chr(ord('a') + counters[2] - 1)})"
            else:
                num = f"({to_roman(counters[3])})"
        elif not src.auto and b.kind in ("L1", "L2", "L3"):
            num = b.text.split(" ", 1)[0]
        elif not src.auto and b.kind == "H":
            first = b.text.split(" ", 1)[0]
            num = first if re.fullmatch(r"\d+\.?", first) else ""
        result.append((num, b))
    return result


def section_numbers(src: Source) -> set[str]:
    """Clause numbers a reader would cite ("11.2", "9"), for the expected-file check."""
    out: set[str] = set()
    for num, b in outline(src):
        if b.kind in ("H", "L1") and num:
            out.add(num.rstrip("."))
    return out


# --------------------------------------------------------------------------- DOCX helpers


def set_run_fonts(rpr_parent, font: str) -> None:
    """Give a style or run an explicit font, dropping theme font references."""
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)


def style_document(doc, font: str, size: float, src_spacing: float = 6, margin: float = 2.5) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.size = Pt(size)
    set_run_fonts(normal.element, font)
    pf = normal.paragraph_format
    pf.space_after = Pt(float(src_spacing))
    pf.line_spacing = 1.08
    for name, sz, before in (("Heading 1", size + 1, 12), ("Heading 2", size, 8), ("Title", 18, 0)):
        st = styles[name]
        set_run_fonts(st.element, font)
        st.font.size = Pt(sz)
        st.font.bold = True
        st.font.italic = False
        st.font.color.rgb = RGBColor(0, 0, 0)
        st.paragraph_format.space_before = Pt(before)
        st.paragraph_format.space_after = Pt(6)
        st.paragraph_format.keep_with_next = True
        if name == "Title":
            st.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            # drop the template's bottom border under the title
            ppr = st.element.get_or_add_pPr()
            for bdr in ppr.findall(qn("w:pBdr")):
                ppr.remove(bdr)
            st.font.all_caps = False
            rpr = st.element.get_or_add_rPr()
            for tag in ("w:spacing", "w:kern"):
                for el in rpr.findall(qn(tag)):
                    rpr.remove(el)
    for sec in doc.sections:
        sec.page_height = Cm(29.7)
        sec.page_width = Cm(21.0)
        sec.left_margin = sec.right_margin = Cm(margin)
        sec.top_margin = Cm(margin)
        sec.bottom_margin = Cm(2.2)
        sec.header_distance = Cm(1.2)
        sec.footer_distance = Cm(1.0)


def _el(tag: str, **attrs) -> OxmlElement:
    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(k), str(v))
    return el


def add_clause_numbering(doc) -> None:
    """Append a multi-level abstractNum ("%1." / "%1.%2" / "(%3)" / "(%4)") and its w:num."""
    numbering = doc.part.numbering_part.element
    absn = _el("w:abstractNum", **{"w:abstractNumId": ABSTRACT_NUM_ID})
    absn.append(_el("w:multiLevelType", **{"w:val": "multilevel"}))
    levels = [
        # ilvl, format, text, left, hanging, bold
        (0, "decimal", "%1.", 709, 709, True),
        (1, "decimal", "%1.%2", 709, 709, False),
        (2, "lowerLetter", "(%3)", 1276, 567, False),
        (3, "lowerRoman", "(%4)", 1843, 567, False),
    ]
    for ilvl, fmt, text, left, hanging, bold in levels:
        lvl = _el("w:lvl", **{"w:ilvl": ilvl})
        lvl.append(_el("w:start", **{"w:val": 1}))
        lvl.append(_el("w:numFmt", **{"w:val": fmt}))
        if ilvl > 0:
            lvl.append(_el("w:lvlRestart", **{"w:val": ilvl}))
        lvl.append(_el("w:lvlText", **{"w:val": text}))
        lvl.append(_el("w:lvlJc", **{"w:val": "left"}))
        ppr = _el("w:pPr")
        ppr.append(_el("w:ind", **{"w:left": left, "w:hanging": hanging}))
        lvl.append(ppr)
        rpr = _el("w:rPr")
        if bold:
            rpr.append(_el("w:b"))
        else:
            rpr.append(_el("w:b", **{"w:val": 0}))
        lvl.append(rpr)
        absn.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(absn)
    else:
        numbering.append(absn)
    num = _el("w:num", **{"w:numId": NUM_ID})
    num.append(_el("w:abstractNumId", **{"w:val": ABSTRACT_NUM_ID}))
    numbering.append(num)


def set_numpr(paragraph, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = _el("w:numPr")
    numpr.append(_el("w:ilvl", **{"w:val": ilvl}))
    numpr.append(_el("w:numId", **{"w:val": NUM_ID}))
    # schema order: pStyle, keepNext, ..., numPr comes after pStyle/keepNext/keepLines/pageBreakBefore...
    pstyle = ppr.find(qn("w:pStyle"))
    if pstyle is not None:
        pstyle.addnext(numpr)
    else:
        ppr.insert(0, numpr)


class RevisionIds:
    def __init__(self) -> None:
        self.next = 100

    def take(self) -> int:
        self.next += 1
        return self.next


INLINE = re.compile(r"(\*\*.+?\*\*|\{\+.+?\+\}|\{-.+?-\})")


def add_text(paragraph, text: str, src: Source, ids: RevisionIds, bold: bool = False) -> None:
    """Add text with **bold**, {+insertion+} and {-deletion-} markup to a paragraph."""
    author, _, date = src.meta.get("revision", "Reviewer|2024-01-01T00:00:00Z").partition("|")
    for piece in INLINE.split(text):
        if not piece:
            continue
        if piece.startswith("**"):
            run = paragraph.add_run(piece[2:-2])
            run.bold = True
        elif piece.startswith("{+"):
            run = paragraph.add_run(piece[2:-2])
            run.bold = bold or None
            ins = _el("w:ins", **{"w:id": ids.take(), "w:author": author.strip(), "w:date": date.strip()})
            run._r.addprevious(ins)
            ins.append(run._r)
        elif piece.startswith("{-"):
            run = paragraph.add_run(piece[2:-2])
            run.bold = bold or None
            t = run._r.find(qn("w:t"))
            t.tag = qn("w:delText")
            dele = _el("w:del", **{"w:id": ids.take(), "w:author": author.strip(), "w:date": date.strip()})
            run._r.addprevious(dele)
            dele.append(run._r)
        else:
            run = paragraph.add_run(piece)
            if bold:
                run.bold = True


def set_language(doc, tag: str) -> None:
    """The proofing language of the Normal style (Word's spelling and hyphenation)."""
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


def add_field(paragraph, instr: str, placeholder: str) -> None:
    """A complex field (PAGE, NUMPAGES) with a cached result."""
    def fld(kind: str):
        r = paragraph.add_run()
        r._r.append(_el("w:fldChar", **{"w:fldCharType": kind}))
        return r
    fld("begin")
    r = paragraph.add_run()
    it = _el("w:instrText")
    it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    it.text = f" {instr} "
    r._r.append(it)
    fld("separate")
    paragraph.add_run(placeholder)
    fld("end")


def add_header_footer(doc, src: Source) -> None:
    sec = doc.sections[0]
    header = sec.header
    hp = header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = hp.add_run(src.meta.get("header", src.meta.get("title", "")))
    run.font.size = Pt(8)
    footer = sec.footer
    fp = footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    left = src.meta.get("footer", "")
    if left:
        r = fp.add_run(left + "  \u2013  ")
        r.font.size = Pt(8)
    style = src.meta.get("pagenumbers", "page-of")
    page_word, of_word = ("Side ", " af ") if src.meta.get("language") == "da" else ("Page ", " of ")
    r = fp.add_run(page_word)
    r.font.size = Pt(8)
    add_field(fp, "PAGE", "1")
    if style == "page-of":
        fp.add_run(of_word)
        add_field(fp, "NUMPAGES", "1")
    for run in fp.runs:
        run.font.size = Pt(8)


def set_cell_text(cell, text: str, src: Source, ids: RevisionIds, bold: bool = False,
                  size: float | None = None) -> None:
    p = cell.paragraphs[0]
    p.paragraph_format.space_after = Pt(2)
    add_text(p, text, src, ids, bold=bold)
    if size:
        for r in p._p.iter(qn("w:r")):
            rpr = r.find(qn("w:rPr"))
            if rpr is None:
                rpr = _el("w:rPr")
                r.insert(0, rpr)
            rpr.append(_el("w:sz", **{"w:val": int(size * 2)}))


def shade_row(row, fill: str) -> None:
    """A header row filled with ``fill`` (hex), its text white."""
    for cell in row.cells:
        tcpr = cell._tc.get_or_add_tcPr()
        tcpr.append(_el("w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": fill}))
        for run in cell.paragraphs[0].runs:
            run.font.color.rgb = RGBColor.from_string("FFFFFF")


def set_accent(doc, colour: str) -> None:
    """Title and headings in the accent colour."""
    for name in ("Title", "Heading 1", "Heading 2"):
        doc.styles[name].font.color.rgb = RGBColor.from_string(colour)


def add_box(doc, text: str, src: Source, ids: RevisionIds, keep: bool = False) -> None:
    """A one-cell table: light fill, an accent bar on the left, no other borders; with keep, on
    one page (unless it is longer than a page)."""
    table = doc.add_table(rows=1, cols=1)
    if keep:
        table.rows[0]._tr.get_or_add_trPr().append(_el("w:cantSplit"))
    cell = table.cell(0, 0)
    set_cell_text(cell, text, src, ids)
    cell.paragraphs[0].paragraph_format.space_after = Pt(0)
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(_el("w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": "F2F2F2"}))
    borders = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if side == "left":
            borders.append(_el("w:left", **{"w:val": "single", "w:sz": 24, "w:space": 0,
                                             "w:color": src.meta.get("accent", "808080")}))
        else:
            borders.append(_el(f"w:{side}", **{"w:val": "nil"}))
    table._tbl.tblPr.append(borders)
    mar = _el("w:tblCellMar")
    for side, width in (("top", 100), ("left", 160), ("bottom", 100), ("right", 160)):
        mar.append(_el(f"w:{side}", **{"w:w": width, "w:type": "dxa"}))
    table._tbl.tblPr.append(mar)
    doc.add_paragraph().paragraph_format.space_after = Pt(0)


def remove_table_borders(table) -> None:
    tblpr = table._tbl.tblPr
    borders = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{side}", **{"w:val": "nil"}))
    tblpr.append(borders)


# --------------------------------------------------------------------------- build


PARAGRAPH_KINDS = ("TITLE", "SUB", "CENTER", "P", "PI", "H", "H*", "H2", "L1", "L2", "L3")
HEADING_KINDS = ("H", "H*", "H2")


def next_kind(blocks: list[Block], i: int) -> str:
    """The kind of the block after blocks[i] ("" at the end)."""
    return blocks[i + 1].kind if i + 1 < len(blocks) else ""


def spacer_after_table(blocks: list[Block], i: int) -> bool:
    """Whether the table blocks[i] needs an empty paragraph after it (breaks_before): not before a
    heading, nor before a page break that a heading takes as its own."""
    rest = [b.kind for b in blocks[i + 1:] if b.kind != "J"]
    if rest and rest[0] in HEADING_KINDS:
        return False
    j = next((n for n in range(i + 1, len(blocks)) if blocks[n].kind != "J"), None)
    return not (j is not None and blocks[j].kind == "PAGEBREAK" and next_kind(blocks, j) in HEADING_KINDS)


def add_table(doc, b: Block, src: Source, ids: RevisionIds, table_size: float,
              keep_rows: bool = False) -> None:
    """A TABLE or SIGN block; with keep_rows, no row breaks across a page (a row taller than a
    page still does)."""
    k = b.kind
    ncols = max(len(r) for r in b.rows)
    table = doc.add_table(rows=len(b.rows), cols=ncols)
    if k == "TABLE":
        table.style = doc.styles["Table Grid"]
    else:
        remove_table_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if b.widths:
        table.autofit = False
        grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
        for j, w in enumerate(b.widths[:ncols]):
            grid[j].set(qn("w:w"), str(int(Cm(w).twips)))
            for cell in table.columns[j].cells:
                cell.width = Cm(w)
    for i, row in enumerate(b.rows):
        for j in range(ncols):
            text = row[j] if j < len(row) else ""
            set_cell_text(table.cell(i, j), text, src, ids, bold=(k == "TABLE" and i == 0),
                          size=(table_size if k == "TABLE" else None))
    if k == "TABLE":
        # header row repeats on a new page
        trpr = table.rows[0]._tr.get_or_add_trPr()
        trpr.append(_el("w:tblHeader"))
        if src.meta.get("tablehead"):
            shade_row(table.rows[0], src.meta["tablehead"])
    if keep_rows:
        for row in table.rows:
            row._tr.get_or_add_trPr().append(_el("w:cantSplit"))


def add_paragraph(doc, num: str, b: Block, src: Source, ids: RevisionIds, justify: bool):
    """A paragraph block (PARAGRAPH_KINDS) added to doc; the paragraph."""
    k = b.kind
    if k == "TITLE":
        p = doc.add_paragraph(style="Title")
        add_text(p, b.text, src, ids)
        return p
    if k in ("SUB", "CENTER"):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_text(p, b.text, src, ids, bold=(k == "SUB"))
        return p
    if k in ("H", "H*", "H2"):
        p = doc.add_paragraph(style="Heading 2" if k == "H2" else "Heading 1")
        if k == "H" and src.auto:
            set_numpr(p, 0)
        add_text(p, b.text, src, ids)
        return p
    p = doc.add_paragraph()
    if justify:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if k in ("L1", "L2", "L3"):
        level = int(k[1])
        if src.auto:
            set_numpr(p, level)
            add_text(p, b.text, src, ids)
        else:
            number, _, rest = b.text.partition(" ")
            left = {1: 1.25, 2: 2.25, 3: 3.25}[level]
            hanging = 1.25 if level == 1 else 1.0
            p.paragraph_format.left_indent = Cm(left)
            p.paragraph_format.first_line_indent = Cm(-hanging)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(left))
            p.add_run(number + "\t")
            add_text(p, rest, src, ids)
        return p
    if k == "PI":
        p.paragraph_format.left_indent = Cm(1.25)
    add_text(p, b.text, src, ids)
    return p


def build_docx(src: Source, out: Path, breaks_before: bool = False) -> None:
    """Write src as a DOCX.

    breaks_before (templates): a PAGEBREAK followed by a paragraph becomes that paragraph's "page
    break before", a table followed by a heading gets no empty paragraph after it, a table row (or a
    BOX) does not break across pages, a paragraph leading into a BOX stays on its page, and paragraphs keep
    widow and orphan control. A template's
    rendered length is unknown when it is built, so a page break in a paragraph of its own, or the
    empty paragraph after a table, can fall at the top of a page and leave that page blank (issue
    14), and a row's or a paragraph's last line can end up alone on a page.
    The samples keep their paragraph breaks, so that their committed DOCX and PDF stay reproducible.
    """
    doc = Document()
    style_document(doc, src.meta.get("font", "Arial"), float(src.meta.get("size", "10.5")),
                   float(src.meta.get("spacing", "6")), float(src.meta.get("margin", "2.5")))
    if src.meta.get("language"):
        set_language(doc, {"da": "da-DK", "en": "en-GB"}.get(src.meta["language"], src.meta["language"]))
    if src.meta.get("accent"):
        set_accent(doc, src.meta["accent"])
    if src.auto:
        add_clause_numbering(doc)
    if breaks_before:
        doc.styles["Normal"].paragraph_format.widow_control = True
    add_header_footer(doc, src)
    ids = RevisionIds()
    table_size = float(src.meta.get("size", "10.5")) - 1
    justify = src.meta.get("justify", "yes") == "yes"
    first_para = doc.paragraphs[0] if doc.paragraphs else None  # template starts empty
    if first_para is not None and not first_para.text:
        first_para._p.getparent().remove(first_para._p)

    numbered = outline(src)
    blocks = [b for _, b in numbered]
    break_next = False   # the next paragraph starts a new page (breaks_before)
    for i, (num, b) in enumerate(numbered):
        k = b.kind
        if k == "J":
            doc.add_paragraph().add_run(b.text)
            continue
        if k == "BOX":
            add_box(doc, b.text, src, ids, keep=breaks_before)
            continue
        if k == "PAGEBREAK":
            if breaks_before and next_kind(blocks, i) in PARAGRAPH_KINDS:
                break_next = True
            else:
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            continue
        if k in ("TABLE", "SIGN"):
            add_table(doc, b, src, ids, table_size, keep_rows=breaks_before)
            if not breaks_before or spacer_after_table(blocks, i):
                doc.add_paragraph().paragraph_format.space_after = Pt(0)
            continue
        p = add_paragraph(doc, num, b, src, ids, justify)
        if breaks_before and next((n.kind for n in blocks[i + 1:] if n.kind != "J"), "") == "BOX":
            p.paragraph_format.keep_with_next = True  # a box's lead-in ("Preferred position") stays with it
        if break_next:
            p.paragraph_format.page_break_before = True
            break_next = False

    set_core_properties(doc, src)
    set_settings(doc)
    buf = io.BytesIO()
    doc.save(buf)
    out.write_bytes(normalise_zip(buf.getvalue()))


def set_core_properties(doc, src: Source) -> None:
    cp = doc.core_properties
    created = dt.datetime.fromisoformat(src.meta.get("created", "2024-01-01T09:00:00"))
    modified = dt.datetime.fromisoformat(src.meta.get("modified", src.meta.get("created", "2024-01-01T09:00:00")))
    cp.title = src.meta.get("title", src.name)
    cp.subject = src.meta.get("subject", "")
    cp.author = src.meta.get("author", "ddcontract samples")
    cp.last_modified_by = src.meta.get("last_modified_by", cp.author)
    cp.keywords = src.meta.get("keywords", "")
    cp.comments = src.meta.get("comments", "Sample contract written for the ddcontract project. Fictitious parties.")
    cp.created = created
    cp.modified = modified
    cp.last_printed = created
    cp.revision = int(src.meta.get("revno", "3"))
    cp.category = src.meta.get("category", "sample")


def set_settings(doc) -> None:
    """Open the document showing the final text (no insert/delete markup) in Word and LibreOffice."""
    settings = doc.settings.element
    rv = _el("w:revisionView", **{"w:markup": "0", "w:insDel": "0", "w:formatting": "0"})
    # Schema order (CT_Settings): ... w:proofState ... w:attachedTemplate ... w:revisionView,
    # w:trackRevisions ... w:defaultTabStop ...; the template has nothing in between, so the
    # element goes straight before w:trackRevisions or w:defaultTabStop.
    for tag in ("w:trackRevisions", "w:defaultTabStop"):
        anchor = settings.find(qn(tag))
        if anchor is not None:
            anchor.addprevious(rv)
            break
    else:
        settings.append(rv)


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a DOCX zip with fixed timestamps so that builds are byte-identical."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def build_pdf(docx: Path, out_dir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("soffice not found: apt-get install -y libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
               "--convert-to", "pdf", "--outdir", tmp, str(docx)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=300)
        made = Path(tmp) / (docx.stem + ".pdf")
        if not made.exists():
            raise SystemExit(f"LibreOffice made no PDF for {docx}")
        target = out_dir / made.name
        target.write_bytes(fix_pdf(made.read_bytes()))
    return target


def fix_pdf(data: bytes) -> bytes:
    """Replace creation dates and the file ID with fixed values of the same length."""
    def date(m: re.Match) -> bytes:
        body = m.group(2)
        fixed = b"20240101000000"   # the timezone suffix that follows is kept
        return m.group(1) + fixed + body[len(fixed):] if len(body) >= len(fixed) else m.group(0)

    def keep_len_zero(m: re.Match) -> bytes:
        return m.group(1) + b"0" * len(m.group(2)) + m.group(3)

    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)([0-9+\-'Z]+)", date, data)
    data = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]*)(</)",
                  lambda m: m.group(1) + b"2024-01-01T00:00:00" + m.group(2)[19:] + m.group(3)
                  if len(m.group(2)) >= 19 else m.group(0), data)
    data = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>)", keep_len_zero, data)
    data = re.sub(rb"(>\s*<)([0-9A-Fa-f]{32})(>\s*\])", keep_len_zero, data)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)(\s)", keep_len_zero, data)
    return data


# --------------------------------------------------------------------------- checks


def dump(src: Source) -> str:
    lines = []
    for num, b in outline(src):
        if b.kind in ("TABLE", "SIGN"):
            for row in b.rows:
                lines.append("    | " + " | ".join(strip_markup(c) for c in row) + " |")
        elif b.kind == "PAGEBREAK":
            lines.append("    ----")
        else:
            text = strip_markup(b.text)
            if not src.auto and b.kind in ("L1", "L2", "L3"):
                text = text.split(" ", 1)[1]
            if not src.auto and b.kind == "H" and num:
                text = text.split(" ", 1)[1]
            lines.append(f"{num:>7} {text}" if num else f"        {text}")
    return "\n".join(lines)


def strip_markup(text: str) -> str:
    text = re.sub(r"\{-.+?-\}", "", text)
    text = re.sub(r"\{\+(.+?)\+\}", r"\1", text)
    return text.replace("**", "")


def check_expected(names: list[str]) -> int:
    problems = 0
    from ddcontract.requirements import REQUIREMENTS

    all_ids = [r.id for r in REQUIREMENTS]
    for name in names:
        exp_path = EXPECTED / f"{name}.json"
        if not exp_path.exists():
            print(f"{name}: no expected file")
            problems += 1
            continue
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        src_path = SRC / f"{name}.txt"
        md_path = SAMPLES / f"{name}.md"
        if src_path.exists():
            sections = section_numbers(parse_source(src_path))
        else:
            text = md_path.read_text(encoding="utf-8")
            sections = set(re.findall(r"^(?:#+\s*)?(\d+(?:\.\d+)?)\.?\s", text, re.M))
        reqs = exp["requirements"]
        for rid in all_ids:
            if rid not in reqs:
                print(f"{name}: {rid} not in expected")
                problems += 1
        for rid, r in reqs.items():
            if r["status"] not in ("met", "weak", "missing"):
                print(f"{name}: {rid} bad status {r['status']}")
                problems += 1
            sec = r.get("section")
            if sec and sec not in sections:
                print(f"{name}: {rid} section {sec} not a clause number in the document")
                problems += 1
            if r["status"] == "missing" and sec:
                print(f"{name}: {rid} missing but has a section")
                problems += 1
    print("expected files: %d problem(s)" % problems)
    return problems


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="sample names (default: all in scripts/sample_sources)")
    ap.add_argument("--no-pdf", action="store_true", help="build the DOCX only")
    ap.add_argument("--dump", action="store_true", help="print the numbered outline and stop")
    ap.add_argument("--check", action="store_true", help="check samples/expected/*.json and stop")
    args = ap.parse_args(argv)

    names = args.names or sorted(p.stem for p in SRC.glob("*.txt"))
    if args.check:
        extra = sorted(p.stem for p in SAMPLES.glob("*.md") if p.stem.lower() != "readme")
        return 1 if check_expected(args.names or names + extra) else 0
    for name in names:
        src = parse_source(SRC / f"{name}.txt")
        if args.dump:
            print(dump(src))
            continue
        docx_path = SAMPLES / f"{name}.docx"
        build_docx(src, docx_path)
        print(f"wrote {docx_path.relative_to(ROOT)}")
        if not args.no_pdf:
            pdf = build_pdf(docx_path, SAMPLES)
            print(f"wrote {pdf.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
