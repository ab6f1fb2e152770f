"""Reading a DOCX: the WordprocessingML read directly.

python-docx's ``paragraph.text`` loses Word's automatic numbering ("8.2") and drops the text of
tracked insertions. This reader walks ``word/document.xml`` in document order and produces the
text as it reads after accepting all tracked changes (insertions and move-tos kept, deletions and
move-froms dropped), with each paragraph's list number computed from ``word/numbering.xml``.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..ingest.sections import assign_sections
from ..ingest.textutil import drop_invisible, link_text
from ..model import Block, Document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W
_PARA_ID = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
PART = "word/document.xml"
_SKIP = {_W + "del", _W + "moveFrom", _W + "delText", _W + "instrText", _W + "delInstrText"}
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


# ---------------------------------------------------------------- numbering


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class _Numbering:
    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    num_to_abstract: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> ilvl -> start
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractId -> ilvl -> value

    @classmethod
    def parse(cls, root) -> _Numbering:
        n = cls()
        if root is None:
            return n
        for ab in root.iter(_W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in ab.iter(_W + "lvl"):
                ilvl = int(lvl.get(_W + "ilvl", "0"))
                level = _Level()
                for child in lvl:
                    val = child.get(_W + "val")
                    if child.tag == _W + "start" and val and val.isdigit():
                        level.start = int(val)
                    elif child.tag == _W + "numFmt" and val:
                        level.fmt = val
                    elif child.tag == _W + "lvlText" and val is not None:
                        level.text = val
                levels[ilvl] = level
            n.abstract[ab.get(_W + "abstractNumId", "")] = levels
        for num in root.iter(_W + "num"):
            num_id = num.get(_W + "numId", "")
            ref = num.find(_W + "abstractNumId")
            if ref is not None:
                n.num_to_abstract[num_id] = ref.get(_W + "val", "")
            for ov in num.iter(_W + "lvlOverride"):
                so = ov.find(_W + "startOverride")
                if so is not None and (so.get(_W + "val") or "").isdigit():
                    n.overrides.setdefault(num_id, {})[int(ov.get(_W + "ilvl", "0"))] = int(so.get(_W + "val"))
        return n

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the list counter and return the formatted label ("8.2", "(a)")."""
        if num_id in ("", "0") or num_id not in self.num_to_abstract:
            return None
        abstract_id = self.num_to_abstract[num_id]
        levels = self.abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None or level.fmt in ("bullet", "none"):
            return None
        overrides = self.overrides.get(num_id, {})
        # a w:num with a start override is a restarted list: it counts on its own
        counters = self.counters.setdefault(f"num:{num_id}" if overrides else abstract_id, {})
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = overrides.get(ilvl, level.start)
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def render(match: re.Match[str]) -> str:
            lv = int(match.group(1)) - 1
            lvl = levels.get(lv, _Level())
            value = counters.get(lv, overrides.get(lv, lvl.start))
            return _format_number(value, lvl.fmt)

        return re.sub(r"%(\d)", render, level.text).strip()


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        v = value
        while v > 0:
            v, r = divmod(v - 1, 26)
            s = chr(97 + r) + s
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(value)
        return s if fmt == "upperRoman" else s.lower()
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for n, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                   (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= n:
            out += sym
            value -= n
    return out


# ---------------------------------------------------------------- styles


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None


def _parse_styles(root) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    if root is None:
        return styles
    for st in root.iter(_W + "style"):
        s = _Style()
        name = st.find(_W + "name")
        s.name = (name.get(_W + "val") if name is not None else "") or ""
        based = st.find(_W + "basedOn")
        s.based_on = based.get(_W + "val") if based is not None else None
        ppr = st.find(_W + "pPr")
        if ppr is not None:
            s.num_id, s.ilvl = _num_pr(ppr)
            ol = ppr.find(_W + "outlineLvl")
            if ol is not None and (ol.get(_W + "val") or "").isdigit():
                s.outline = int(ol.get(_W + "val"))
        styles[st.get(_W + "styleId", "")] = s
    return styles


def _num_pr(ppr) -> tuple[str | None, int | None]:
    numpr = ppr.find(_W + "numPr")
    if numpr is None:
        return None, None
    nid = numpr.find(_W + "numId")
    lvl = numpr.find(_W + "ilvl")
    num_id = nid.get(_W + "val") if nid is not None else None
    ilvl = int(lvl.get(_W + "val", "0")) if lvl is not None and (lvl.get(_W + "val") or "0").isdigit() else None
    return num_id, ilvl


# ---------------------------------------------------------------- document


class _Walker:
    def __init__(self, numbering: _Numbering, styles: dict[str, _Style], path: Path,
                 links: dict[str, str] | None = None) -> None:
        self.numbering = numbering
        self.links = links or {}  # relationship id -> external target (hyperlinks)
        self.styles = styles
        self.path = path
        self.page = 1
        self.saw_page_marks = False
        self.text_page: int | None = None
        self.blocks: list[Block] = []
        self.para_ids: set[str] = set()
        self.unplaced: dict = {}  # w:p or w:tr element -> its block, anchored by position in place_anchors

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
                self.table(child)
            elif tag in (_W + "sdt", _W + "customXml", _W + "ins", _W + "moveTo"):
                content = child.find(_W + "sdtContent") if tag == _W + "sdt" else child
                if content is not None:
                    self.walk(content)

    def _link_ends(self, p) -> dict:
        """The last w:t of each hyperlink to an external address -> what follows it: the address, as
        :func:`~ddcontract.ingest.textutil.link_text` writes it after the link's words."""
        ends: dict = {}
        for link in p.iter(_W + "hyperlink"):
            target = self.links.get(link.get(_R_ID) or "")
            texts = [t for t in link.iter(_W + "t") if not self._inside_skipped(t, p)]
            if target and texts:
                words = "".join(t.text or "" for t in texts)
                ends[texts[-1]] = link_text(words, target)[len(words.strip()):]
        return ends

    def paragraph_text(self, p) -> str:
        parts: list[str] = []
        self.text_page = None  # the page on which the paragraph's first text stands
        link_ends = self._link_ends(p) if self.links else {}
        for el in p.iter():
            tag = el.tag
            if not isinstance(tag, str):
                continue
            if tag == _W + "t":
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
        text = drop_invisible("".join(parts).replace("\u00ad", ""))
        return " ".join(text.split())

    @staticmethod
    def _inside_skipped(el, stop) -> bool:
        parent = el.getparent()
        while parent is not None and parent is not stop:
            if parent.tag in _SKIP:
                return True
            parent = parent.getparent()
        return False

    def paragraph(self, p) -> None:
        text = self.paragraph_text(p)
        page_before = self.text_page or self.page
        ppr = p.find(_W + "pPr")
        style_id = None
        num_id = ilvl = None
        outline = None
        if ppr is not None:
            ps = ppr.find(_W + "pStyle")
            style_id = ps.get(_W + "val") if ps is not None else None
            num_id, ilvl = _num_pr(ppr)
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
        self.add(Block(text=text, page=page_before, section=section, kind=kind), p)

    def table(self, tbl) -> None:
        for tr in tbl.iter(_W + "tr"):
            if tr.getparent() is not tbl and tr.getparent().tag != _W + "tbl":
                continue
            cells = []
            for tc in tr.findall(_W + "tc"):
                texts = [self.paragraph_text(p) for p in tc.iter(_W + "p")]
                cell = " ".join(t for t in texts if t)
                if cell:
                    cells.append(cell)
            if cells:
                self.add(Block(text=" | ".join(cells), page=self.page, kind="table-row"), tr)


def read_docx(path: Path, max_bytes: int) -> Document:
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
        numbering = _Numbering.parse(_read_part(zf, "word/numbering.xml", path))
        styles = _parse_styles(_read_part(zf, "word/styles.xml", path))
        pages = _app_pages(zf, path)
        links = _external_links(_read_part(zf, "word/_rels/document.xml.rels", path))
    body = root.find(_W + "body")
    if body is None:
        raise InputError(str(path), "corrupt DOCX: the document has no body")
    walker = _Walker(numbering, styles, path, links)
    walker.walk(body)
    walker.place_anchors(root)
    if not walker.blocks:
        raise InputError(str(path), "the document contains no text")
    if not walker.saw_page_marks:
        for b in walker.blocks:
            b.page = None
    blocks = list(assign_sections(walker.blocks))
    if walker.saw_page_marks:
        pages = max(pages or 0, walker.page)
    elif pages is not None:
        # docProps/app.xml is written by the last program that saved the file and may be stale
        # (generated documents often say 1): trust it only when it fits the amount of text.
        words = sum(len(b.text.split()) for b in blocks)
        if not 30 <= words / pages <= 1500:
            pages = None
    return Document(path=str(path), format="docx", blocks=blocks, pages=pages)


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
