"""Reading a DOCX: the WordprocessingML read directly.

python-docx's ``paragraph.text`` loses Word's automatic numbering ("8.2") and drops the text of
tracked insertions. This reader walks ``word/document.xml`` in document order and produces the
text as it reads after accepting all tracked changes (insertions and move-tos kept, deletions and
move-froms dropped), with each paragraph's list number computed from ``word/numbering.xml``
(:mod:`.numbering`). The same walk on the other side gives the text before the changes (deletions
and move-froms kept, insertions and move-tos dropped), and :mod:`.tracked` lists the changes as
:class:`~ddcontract.model.Revision` records: :func:`read_docx` with ``side``, :func:`read_docx_sides`.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import tracked
from ..errors import InputError
from ..ingest.sections import assign_sections
from ..ingest.textutil import drop_invisible, link_text
from ..model import Block, Document, Side
from .numbering import Numbering, Style, num_pr, parse_styles

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W
_PARA_ID = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
PART = "word/document.xml"
# Limits on what a DOCX may make us inflate and parse (bounded memory whatever the file says):
MAX_PART_BYTES = 50_000_000   # one XML part, inflated (a 500-page contract's document.xml is ~5 MB)
MAX_RATIO = 100               # inflated / compressed size of a part over 1 MB (text XML is ~5-15)
MAX_TAGS = 4_000_000          # XML tags in one part: a bomb of many tiny elements, not one huge text
MAX_ENTRIES = 10_000          # files in the zip (Word writes a few dozen)


def _parser():
    from lxml import etree

    # No entities, no network, no DTD: hostile XML cannot expand or fetch anything.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_comments=True)


def _read_part(zf: zipfile.ZipFile, name: str, path: Path):
    from lxml import etree

    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise InputError(str(path), f"{name} would inflate to {info.file_size // 1_000_000} MB, over the limit of "
                                    f"{MAX_PART_BYTES // 1_000_000} MB (a zip bomb?)")
    if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise InputError(str(path), f"{name} is compressed {info.file_size // max(info.compress_size, 1)} to 1, "
                                    f"more than any Word document (a zip bomb?)")
    with zf.open(info) as fh:  # the declared size can lie: never inflate more than the limit
        data = fh.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise InputError(str(path), f"{name} inflates to more than {MAX_PART_BYTES // 1_000_000} MB (a zip bomb?)")
    check_xml_size(name, data, path)
    try:
        return etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(str(path), f"corrupt DOCX: {name} is not well-formed XML ({exc})") from None


def check_xml_size(name: str, data: bytes, path: Path) -> None:
    """Refuse a part with more tags than :data:`MAX_TAGS` before parsing it: a bomb of millions of
    tiny elements costs memory in the parser although its text is small."""
    tags = data.count(b"<")
    if tags > MAX_TAGS:
        raise InputError(str(path), f"{name} has {tags:,} XML tags, more than the limit of {MAX_TAGS:,} "
                                    "(an XML bomb?)")


def _check_entries(path: Path) -> None:
    """Read the zip's end record ourselves: Python's zipfile builds an object for every entry of
    the central directory, so a zip claiming millions of them is refused before it is opened."""
    import struct

    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - 65_557))
        tail = fh.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return  # zipfile reports the damage
    entries = struct.unpack("<H", tail[at + 10:at + 12])[0]
    if entries == 0xFFFF or entries > MAX_ENTRIES:
        raise InputError(str(path), f"the zip holds more than {MAX_ENTRIES:,} files; no Word document does "
                                    "(a zip bomb?)")


# ---------------------------------------------------------------- document


@dataclass
class _Joined:
    """Paragraphs whose mark the side removes, waiting for the paragraph they run into."""

    text: str = ""  # their raw text, joined
    first: Any = None  # the first w:p with text: its properties, anchor and page are the joined paragraph's
    page: int | None = None
    members: list = field(default_factory=list)  # every w:p joined


def _join(left: str, right: str) -> str:
    """Two paragraphs' texts run together, as Word shows them once the mark between them is gone;
    a space is put after a sentence's end that would otherwise touch the next word."""
    if left and right and not left[-1].isspace() and not right[0].isspace() and left[-1] in ".;:!?)" \
            and right[0].isalnum():
        return left + " " + right
    return left + right


class _Walker:
    def __init__(self, numbering: Numbering, styles: dict[str, Style], path: Path,
                 links: dict[str, str] | None = None, side: Side = "after") -> None:
        self.numbering = numbering
        self.links = links or {}  # relationship id -> external target (hyperlinks)
        self.styles = styles
        self.path = path
        self.side = side
        self.hidden = tracked.HIDDEN[side]  # ancestors whose text this side does not show
        self.text_tags = tracked.TEXT[side]
        self.page = 1
        self.saw_page_marks = False
        self.text_page: int | None = None
        self.blocks: list[Block] = []
        self.para_ids: set[str] = set()
        self.unplaced: dict = {}  # w:p or w:tr element -> its block, anchored by position in place_anchors
        self.block_of: dict = {}  # every w:p and w:tr read -> the block holding its text
        self.joined: _Joined | None = None

    def add(self, block: Block, el) -> None:
        """Add the block read from ``el`` (a w:p or w:tr), anchored by the element's w14:paraId when
        Word wrote one that no block before took (else by position, see :meth:`place_anchors`)."""
        para_id = el.get(_PARA_ID)
        if para_id and para_id not in self.para_ids:
            self.para_ids.add(para_id)
            block.anchor = f"{PART}#paraId={para_id}"
        else:
            self.unplaced[el] = block
        self.blocks.append(block)

    def place_anchors(self, root) -> None:
        """Anchor the blocks without a paraId by their element's index among the part's w:p (or
        w:tr) elements in document order, from 0: one pass, holding only the elements that have a block."""
        if not self.unplaced:
            return
        counts = {_W + "p": 0, _W + "tr": 0}
        for el in root.iter(_W + "p", _W + "tr"):
            block = self.unplaced.get(el)
            if block is not None:
                kind = "p" if el.tag == _W + "p" else "tr"
                block.anchor = f"{PART}#{kind}{counts[el.tag]}"
            counts[el.tag] += 1

    def style_chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            yield self.styles[style_id]
            style_id = self.styles[style_id].based_on

    def walk(self, body) -> None:
        for child in body:
            tag = child.tag
            if tag == _W + "p":
                self.paragraph(child)
            elif tag == _W + "tbl":
                self.flush()
                self.table(child)
            elif tag in (_W + "sdt", _W + "customXml") or tag in tracked.SHOWN[self.side]:
                content = child.find(_W + "sdtContent") if tag == _W + "sdt" else child
                if content is not None:
                    self.walk(content)

    def _link_ends(self, p) -> dict:
        """The last w:t of each hyperlink to an external address -> what follows it: the address, as
        :func:`~ddcontract.ingest.textutil.link_text` writes it after the link's words."""
        ends: dict = {}
        for link in p.iter(_W + "hyperlink"):
            target = self.links.get(link.get(_R_ID) or "")
            texts = [t for t in link.iter(*self.text_tags) if not self._inside_skipped(t, p)]
            if target and texts:
                words = "".join(t.text or "" for t in texts)
                ends[texts[-1]] = link_text(words, target)[len(words.strip()):]
        return ends

    def paragraph_text(self, p) -> str:
        return " ".join(self.raw_text(p).split())

    def raw_text(self, p) -> str:
        """The paragraph's text on this side, its whitespace as written."""
        parts: list[str] = []
        self.text_page = None  # the page on which the paragraph's first text stands
        link_ends = self._link_ends(p) if self.links else {}
        for el in p.iter():
            tag = el.tag
            if not isinstance(tag, str):
                continue
            if tag in self.text_tags:
                if not self._inside_skipped(el, p):
                    if self.text_page is None and (el.text or "").strip():
                        self.text_page = self.page
                    parts.append(el.text or "")
                    if el in link_ends:
                        parts.append(link_ends[el])
            elif tag in (_W + "tab", _W + "cr"):
                if not self._inside_skipped(el, p):
                    parts.append(" ")
            elif tag == _W + "br":
                if el.get(_W + "type") == "page":
                    self.page += 1  # only trusted when Word's rendered page breaks are present too
                parts.append(" ")
            elif tag == _W + "lastRenderedPageBreak":
                self.page += 1
                self.saw_page_marks = True
            elif tag == _W + "noBreakHyphen":
                parts.append("-")
            elif tag == _W + "softHyphen":
                parts.append("\u00ad")
        return drop_invisible("".join(parts).replace("\u00ad", ""))

    def _inside_skipped(self, el, stop) -> bool:
        parent = el.getparent()
        while parent is not None and parent is not stop:
            if parent.tag in self.hidden:
                return True
            parent = parent.getparent()
        return False

    def paragraph(self, p) -> None:
        """Read a body paragraph; one whose mark this side removes runs into the next paragraph."""
        raw = self.raw_text(p)
        joined = self.joined or _Joined()
        self.joined = None
        joined.members.append(p)
        if joined.first is None and raw.strip():
            joined.first, joined.page = p, self.text_page or self.page
        joined.text = _join(joined.text, raw)
        if tracked.mark_gone(p, self.side):
            self.joined = joined
        else:
            self.emit(joined)

    def flush(self) -> None:
        """A paragraph whose mark is gone before a table or the end stands on its own."""
        if self.joined is not None:
            joined, self.joined = self.joined, None
            self.emit(joined)

    def emit(self, joined: _Joined) -> None:
        p = joined.first if joined.first is not None else joined.members[-1]
        text = " ".join(joined.text.split())
        page_before = joined.page or self.page
        ppr = p.find(_W + "pPr")
        style_id = None
        num_id = ilvl = None
        outline = None
        if ppr is not None:
            ps = ppr.find(_W + "pStyle")
            style_id = ps.get(_W + "val") if ps is not None else None
            num_id, ilvl = num_pr(ppr)
            ol = ppr.find(_W + "outlineLvl")
            if ol is not None and (ol.get(_W + "val") or "").isdigit():
                outline = int(ol.get(_W + "val"))
        style_name = ""
        for st in self.style_chain(style_id):
            style_name = style_name or st.name
            if num_id is None and st.num_id is not None:
                num_id = st.num_id
                ilvl = st.ilvl if ilvl is None else ilvl
            if outline is None and st.outline is not None:
                outline = st.outline
        if not text:
            return  # an empty numbered paragraph would shift nothing visible in Word either
        label = self.numbering.label(num_id, ilvl or 0) if num_id else None
        lower = style_name.lower()
        is_heading = lower.startswith("heading") or lower == "title" or (outline is not None and outline < 9)
        section = None
        if label:
            clean = label.strip().rstrip(".")
            if re.fullmatch(r"\d+(?:\.\d+)*", clean) or re.fullmatch(r"(?:section|clause|article|§)\s*[\d.]+", clean, re.I):
                section = clean
            else:
                text = f"{label} {text}"  # "(a)" stays in the text of a list item
        kind = "heading" if is_heading else "paragraph"
        block = Block(text=text, page=page_before, section=section, kind=kind)
        self.add(block, p)
        for member in joined.members:
            self.block_of[member] = block

    def table(self, tbl) -> None:
        for tr in tbl.iter(_W + "tr"):
            if tr.getparent() is not tbl and tr.getparent().tag != _W + "tbl":
                continue
            if tracked.row_gone(tr, self.side):
                continue
            cells = []
            for tc in tr.findall(_W + "tc"):
                if tracked.cell_gone(tc, self.side):
                    continue
                cell = ""
                for p in tc.iter(_W + "p"):
                    cell = _join(cell, self.raw_text(p))
                    if not tracked.mark_gone(p, self.side):
                        cell += " "
                cell = " ".join(cell.split())
                if cell:
                    cells.append(cell)
            if cells:
                block = Block(text=" | ".join(cells), page=self.page, kind="table-row")
                self.add(block, tr)
                self.block_of[tr] = block
                for p in tr.iter(_W + "p"):
                    self.block_of[p] = block


def read_docx(path: Path, max_bytes: int, side: Side = "after") -> Document:
    """The DOCX's text as its tracked changes propose it (``side="after"``: every change accepted,
    the default) or as it was before them (``side="before"``: every change rejected), with the
    changes in ``Document.revisions``."""
    before, after = read_docx_sides(path, max_bytes)
    if side == "before":
        if not before.blocks:
            raise InputError(str(path), "the document contains no text before its tracked changes")
        return before
    return after


def read_docx_sides(path: Path, max_bytes: int) -> tuple[Document, Document]:
    """Both sides of a DOCX, read from one parse: (before the tracked changes, after them), each with
    the same revisions. Without tracked changes both hold the same blocks and there are no revisions.
    The before side of a document written entirely as tracked insertions has no blocks."""
    parts = _open_parts(path, max_bytes)
    after, after_map = _read_side(parts, "after", path)
    if not after.blocks:
        raise InputError(str(path), "the document contains no text")
    if not tracked.has_changes(parts.root):
        return replace(after, blocks=list(after.blocks), side="before"), after
    before, before_map = _read_side(parts, "before", path)
    revisions = tracked.collect(parts.root, {"before": before_map, "after": after_map})
    return replace(before, revisions=revisions), replace(after, revisions=revisions)


@dataclass
class _Parts:
    root: Any
    numbering: Any
    styles: dict[str, Style]
    pages: int | None
    links: dict[str, str]


def _open_parts(path: Path, max_bytes: int) -> _Parts:
    if path.stat().st_size > max_bytes:
        raise InputError(str(path), f"file is larger than the limit of {max_bytes // 1_000_000} MB")
    _check_entries(path)
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise InputError(str(path), "not a valid DOCX file (not a zip archive): the file is damaged or not a "
                                    "Word document; open it in Word and save it again") from None
    with zf:
        names = set(zf.namelist())
        if "word/document.xml" not in names:
            if "EncryptedPackage" in names or "EncryptionInfo" in names:
                raise InputError(str(path), "the document is encrypted (password-protected)")
            if "content.xml" in names and "mimetype" in names:
                kind = zf.read("mimetype")[:100].decode("ascii", "replace").rsplit(".", 1)[-1]
                from ..ingest import CONVERT

                raise InputError(str(path), f"an OpenDocument {kind} file, not a Word document: {CONVERT}")
            raise InputError(str(path), "not a Word document (word/document.xml is missing)")
        root = _read_part(zf, PART, path)
        numbering = _read_part(zf, "word/numbering.xml", path)
        styles = parse_styles(_read_part(zf, "word/styles.xml", path))
        pages = _app_pages(zf, path)
        links = _external_links(_read_part(zf, "word/_rels/document.xml.rels", path))
    if root.find(_W + "body") is None:
        raise InputError(str(path), "corrupt DOCX: the document has no body")
    return _Parts(root, numbering, styles, pages, links)


def _read_side(parts: _Parts, side: Side, path: Path) -> tuple[Document, dict]:
    """One side's document (blocks, sections, pages) and each w:p or w:tr read -> its block."""
    # each side counts its own list numbers: a deleted numbered paragraph takes no number after the changes
    walker = _Walker(Numbering.parse(parts.numbering), parts.styles, path, parts.links, side)
    walker.walk(parts.root.find(_W + "body"))
    walker.flush()
    walker.place_anchors(parts.root)
    if not walker.saw_page_marks:
        for b in walker.blocks:
            b.page = None
    blocks = list(assign_sections(walker.blocks))
    pages = parts.pages
    if walker.saw_page_marks:
        pages = max(pages or 0, walker.page)
    elif pages is not None and blocks:
        # docProps/app.xml is written by the last program that saved the file and may be stale
        # (generated documents often say 1): trust it only when it fits the amount of text.
        words = sum(len(b.text.split()) for b in blocks)
        if not 30 <= words / pages <= 1500:
            pages = None
    return Document(path=str(path), format="docx", blocks=blocks, pages=pages, side=side), walker.block_of


def _external_links(rels) -> dict[str, str]:
    """Relationship id -> target of the document's hyperlinks to outside addresses."""
    if rels is None:
        return {}
    return {rel.get("Id"): rel.get("Target") for rel in rels.iter(_RELS)
            if rel.get("TargetMode") == "External" and (rel.get("Type") or "").endswith("/hyperlink")
            and rel.get("Id") and rel.get("Target")}


def _app_pages(zf: zipfile.ZipFile, path: Path) -> int | None:
    root = _read_part(zf, "docProps/app.xml", path)
    if root is None:
        return None
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.endswith("}Pages") and (el.text or "").strip().isdigit():
            return int(el.text.strip()) or None
    return None
