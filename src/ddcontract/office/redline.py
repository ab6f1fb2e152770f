"""Writing a redline: a copy of a customer's DOCX with our Word comments and tracked changes added.

:class:`Redline` opens the DOCX, finds paragraphs by the anchors the reader gave its blocks
(``word/document.xml#paraId=1A2B3C4D``, ``…#p12``, ``…#tr3``; see :class:`~ddcontract.model.Block`),
and adds, all by the author :data:`AUTHOR`:

- a comment on a paragraph (``w:commentRangeStart`` … ``w:commentRangeEnd`` and the
  ``w:commentReference`` run; the comment itself in ``word/comments.xml``, created with its
  relationship and content type when the document has none, appended to when it has);
- a new paragraph after a given one, written as a tracked insertion: its text in ``w:ins`` and its
  paragraph mark marked inserted (``w:pPr/w:rPr/w:ins``), so rejecting it in Word removes the
  paragraph whole; its properties (style, numbering, indents) copied from a paragraph of the
  document, so it takes the document's numbering and layout;
- tracked replacements of words inside a paragraph (the runs split at the words, the old words
  wrapped in ``w:del`` as ``w:delText``, the new ones in ``w:ins`` with the first old run's
  formatting), and a whole paragraph marked deleted.

Everything else in the package is copied byte for byte (styles, numbering, settings, the
customer's own tracked changes and comments). New ``w:id`` values are above every ``w:id`` already
in the document's parts, so they collide with no revision, comment or bookmark. The result is
written with :func:`ddcontract.office.output.write_atomic`.
"""

from __future__ import annotations

import copy
import datetime as dt
import zipfile
from pathlib import Path

from ..errors import InputError
from .reader import PART, _check_entries, _read_part
from .tracked import mark_gone

AUTHOR = "ddcontract"
INITIALS = "dd"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W
_PARA_ID = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
COMMENTS = "word/comments.xml"
_RELS = "word/_rels/document.xml.rels"
_TYPES = "[Content_Types].xml"
_SETTINGS = "word/settings.xml"
# the w:settings children that stand before w:trackRevisions (the schema's order)
_BEFORE_TRACK = frozenset(_W + t for t in (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
    "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges", "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors",
    "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate", "linkStyles",
    "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge"))
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
# the parts whose w:id values a new id must not repeat
_ID_PARTS = ("word/document.xml", COMMENTS, "word/footnotes.xml", "word/endnotes.xml")
# containers a run of the paragraph's visible text may stand in (not deleted or moved-away text)
_RUN_HOLDERS = frozenset(_W + t for t in ("p", "hyperlink", "ins", "smartTag", "moveTo", "customXml",
                                          "fldSimple"))
# pPr children not copied into a new paragraph: its mark's formatting and revisions, a section break
_NOT_COPIED = frozenset(_W + t for t in ("rPr", "sectPr", "pPrChange"))


def w(tag: str, **attrs: str):
    """A new WordprocessingML element, attributes given without their w: prefix."""
    from lxml import etree

    el = etree.Element(_W + tag)
    for key, value in attrs.items():
        el.set(_W + key, value)
    return el


def sub(parent, tag: str, **attrs: str):
    el = w(tag, **attrs)
    parent.append(el)
    return el


def text_run(text: str, rpr=None, deleted: bool = False):
    """A run of ``text`` (tabs as w:tab, line breaks as w:br), with a copy of ``rpr``."""
    run = w("r")
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    for i, line in enumerate(text.split("\n")):
        if i:
            sub(run, "br")
        for j, piece in enumerate(line.split("\t")):
            if j:
                sub(run, "tab")
            if piece:
                t = sub(run, "delText" if deleted else "t")
                t.text = piece
                t.set(_XML_SPACE, "preserve")
    return run


def _note_paragraphs(text: str) -> list:
    """A comment's paragraphs: one per line of ``text``."""
    out = []
    for line in text.split("\n"):
        p = w("p")
        p.append(text_run(line))
        out.append(p)
    return out


class Redline:
    """A customer's DOCX being marked up; :meth:`save` writes the copy."""

    def __init__(self, path: str | Path, author: str = AUTHOR, when: dt.datetime | None = None) -> None:
        self.path = Path(path)
        self.author = author
        self.date = (when or dt.datetime.now(dt.timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
        _check_entries(self.path)
        try:
            with zipfile.ZipFile(self.path) as zf:
                self.names = zf.namelist()
                self.root = _read_part(zf, PART, self.path)
                self.comments = _read_part(zf, COMMENTS, self.path)
                self.rels = _read_part(zf, _RELS, self.path)
                self.types = _read_part(zf, _TYPES, self.path)
                self.settings = _read_part(zf, _SETTINGS, self.path)
                used = [el.get(_W + "id") for name in _ID_PARTS if name != PART and name in self.names
                        for el in _read_part(zf, name, self.path).iter() if isinstance(el.tag, str)]
        except zipfile.BadZipFile:
            raise InputError(str(self.path), "not a valid DOCX file (not a zip archive)") from None
        if self.root is None or self.types is None:
            raise InputError(str(self.path), "not a Word document (word/document.xml is missing)")
        used += [el.get(_W + "id") for el in self.root.iter() if isinstance(el.tag, str)]
        self.next_id = max([int(v) for v in used if v and v.lstrip("-").isdigit()] + [0]) + 1
        self._index()
        self.added_comments = 0
        self._commented: dict = {}  # paragraph -> (w:id, w:comment) of our comment on it
        self.added_changes = 0

    def _index(self) -> None:
        """Every anchor the reader can give, to its element (before anything is added)."""
        self.anchors: dict[str, object] = {}
        for kind, tag in (("p", "p"), ("tr", "tr")):
            for i, el in enumerate(self.root.iter(_W + tag)):
                self.anchors[f"{PART}#{kind}{i}"] = el
        for el in self.root.iter(_W + "p", _W + "tr"):
            para_id = el.get(_PARA_ID)
            if para_id:
                self.anchors.setdefault(f"{PART}#paraId={para_id}", el)

    def new_id(self) -> str:
        self.next_id += 1
        return str(self.next_id - 1)

    # ------------------------------------------------------------ finding places

    def element(self, anchor: str | None):
        """The w:p or w:tr an anchor names; None when it names nothing in this document."""
        return self.anchors.get(anchor or "")

    def paragraph(self, anchor: str | None):
        """The paragraph an anchor names: the w:p, or a table row's first paragraph."""
        el = self.element(anchor)
        if el is None or el.tag == _W + "p":
            return el
        return next(el.iter(_W + "p"), None)

    def after_point(self, anchor: str | None):
        """The body-level element after which a new paragraph following the anchor's block goes:
        the paragraph itself, or the table holding the row or cell paragraph."""
        el = self.element(anchor)
        if el is None:
            return None
        table = None
        for parent in el.iterancestors(_W + "tbl"):
            table = parent  # the outermost table
        if table is not None:
            return table
        while mark_gone(el, "after") and el.getnext() is not None and el.getnext().tag == _W + "p":
            el = el.getnext()  # the customer's changes join it to the next paragraph: after that one
        return el

    def paragraph_text(self, p) -> str:
        """The paragraph's text as the changes propose it (deleted and moved-away words left out)."""
        return "".join(t.text or "" if t.tag == _W + "t" else "\t" for t in self._visible(p))

    def _visible(self, p):
        for el in p.iter(_W + "t", _W + "tab"):
            run = el.getparent()
            if run.tag != _W + "r":
                continue
            holder = run.getparent()
            ok = True
            while holder is not None and holder is not p:
                if holder.tag not in _RUN_HOLDERS:
                    ok = False
                    break
                holder = holder.getparent()
            if ok:
                yield el

    # ------------------------------------------------------------ comments

    def comment(self, p, text: str, end=None) -> str:
        """A comment of ``text`` (paragraphs split at "\\n") on paragraph ``p`` (through paragraph
        ``end`` when given); its w:id. A second comment on a paragraph joins the first (one note per
        paragraph: overlapping ranges are hard to read, and LibreOffice can hang accepting around them)."""
        if p in self._commented:
            cid, note = self._commented[p]
            note.append(w("p"))
            note.extend(_note_paragraphs(text))
            return cid
        cid = self.new_id()
        ppr = p.find(_W + "pPr")
        start = w("commentRangeStart", id=cid)
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        last = end if end is not None else p
        last.append(w("commentRangeEnd", id=cid))
        ref = sub(last, "r")
        sub(ref, "commentReference", id=cid)
        note = self._comment(cid, text)
        self._comment_part().append(note)
        self._commented[p] = (cid, note)
        self.added_comments += 1
        return cid

    def _comment(self, cid: str, text: str):
        el = w("comment", id=cid, author=self.author, date=self.date, initials=INITIALS)
        paragraphs = _note_paragraphs(text)
        mark = w("r")
        sub(mark, "annotationRef")
        paragraphs[0].insert(0, mark)
        el.extend(paragraphs)
        return el

    def _comment_part(self):
        if self.comments is None:
            from lxml import etree

            self.comments = etree.Element(_W + "comments", nsmap={"w": W})
            if self.rels is None:
                self.rels = etree.Element("{%s}Relationships" % _PKG_RELS, nsmap={None: _PKG_RELS})
            rel_ids = {rel.get("Id") for rel in self.rels.iter("{%s}Relationship" % _PKG_RELS)}
            n = 1
            while f"rId{n}" in rel_ids:
                n += 1
            etree.SubElement(self.rels, "{%s}Relationship" % _PKG_RELS, Id=f"rId{n}", Type=_COMMENTS_REL,
                             Target="comments.xml")
            etree.SubElement(self.types, "{%s}Override" % _CT, PartName="/" + COMMENTS,
                             ContentType=_COMMENTS_TYPE)
        return self.comments

    # ------------------------------------------------------------ insertions

    def _mark(self, tag: str):
        self.added_changes += 1
        return w(tag, id=self.new_id(), author=self.author, date=self.date)

    def insert_after(self, el, text: str, like=None, tab_first: bool = False, rpr=None):
        """A new paragraph of ``text`` right after body element ``el``, as a tracked insertion (its
        text and its mark), with the paragraph properties of ``like`` (a w:p) and the run properties
        ``rpr``; ``tab_first`` starts it with a tab (a clause whose number is typed before a tab)."""
        p = w("p")
        ppr = sub(p, "pPr")
        src = like.find(_W + "pPr") if like is not None else None
        for child in (src if src is not None else ()):
            if child.tag not in _NOT_COPIED:
                ppr.append(copy.deepcopy(child))
        sub(ppr, "rPr").append(self._mark("ins"))
        ins = self._mark("ins")
        ins.append(text_run(("\t" if tab_first else "") + text, rpr))
        p.append(ins)
        el.addnext(p)
        return p

    def insert_before(self, el, text: str, like=None, rpr=None):
        """As :meth:`insert_after`, the new paragraph right before ``el``."""
        anchor = w("p")
        el.addprevious(anchor)
        p = self.insert_after(anchor, text, like, rpr=rpr)
        anchor.getparent().remove(anchor)
        return p

    def delete_paragraph(self, p) -> None:
        """Mark every visible word of ``p`` and its paragraph mark deleted."""
        runs = list(dict.fromkeys(t.getparent() for t in self._visible(p)))
        for run in runs:
            self._wrap_deleted([run])
        ppr = p.find(_W + "pPr")
        if ppr is None:
            ppr = w("pPr")
            p.insert(0, ppr)
        rpr = ppr.find(_W + "rPr")
        if rpr is None:
            rpr = w("rPr")
            before = next((c for c in ppr if c.tag in (_W + "sectPr", _W + "pPrChange")), None)
            if before is not None:
                before.addprevious(rpr)
            else:
                ppr.append(rpr)
        rpr.insert(0, self._mark("del"))

    def _wrap_deleted(self, runs: list) -> None:
        """Wrap consecutive sibling runs in one w:del, their w:t turned into w:delText."""
        first = runs[0]
        mark = self._mark("del")
        first.addprevious(mark)
        for run in runs:
            for t in run.iter(_W + "t"):
                t.tag = _W + "delText"
                t.set(_XML_SPACE, "preserve")
            mark.append(run)

    # ------------------------------------------------------------ writing

    def _show_markup(self) -> bool:
        """Make Word and LibreOffice show the markup and track what the reader changes next: a
        ``w:revisionView`` that hides insertions, deletions or comments is dropped, ``w:trackRevisions``
        set. Whether ``settings.xml`` changed."""
        if self.settings is None:
            return False
        changed = False
        for view in self.settings.findall(_W + "revisionView"):
            self.settings.remove(view)
            changed = True
        if self.settings.find(_W + "trackRevisions") is None:
            before = [i for i, c in enumerate(self.settings) if c.tag in _BEFORE_TRACK]
            self.settings.insert(before[-1] + 1 if before else 0, w("trackRevisions"))
            changed = True
        return changed

    def save(self, out: Path) -> None:
        """Write the marked-up copy to ``out`` atomically; the parts not changed are copied as they were."""
        from lxml import etree

        from .output import write_atomic

        changed = {PART: self.root}
        if self.added_comments:
            changed.update({_RELS: self.rels, _TYPES: self.types, COMMENTS: self.comments})
        if self._show_markup():
            changed[_SETTINGS] = self.settings

        def write(tmp: Path) -> None:
            with zipfile.ZipFile(self.path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
                for info in src.infolist():
                    root = changed.get(info.filename)
                    if root is None:
                        dst.writestr(info, src.read(info), compress_type=info.compress_type)
                    else:
                        dst.writestr(info.filename, etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                                   standalone=True))
                for name in (COMMENTS, _RELS):
                    if name in changed and name not in self.names:
                        dst.writestr(name, etree.tostring(changed[name], xml_declaration=True, encoding="UTF-8",
                                                          standalone=True))

        write_atomic(out, write)
