"""``compare OURS THEIRS --redline out.docx``: the customer's version (a DOCX) with our counter-markup.

Each clause behind a refusal of the refusal flag (:attr:`Comparison.markup`: a requirement their
version weakens, or a clause of theirs that excludes one) is put back as we wrote it, as tracked
changes by ``ddcontract``, with a comment saying what they refused and why it matters:

- a clause they changed: their paragraphs made to read as ours again, word by word (their words a
  tracked deletion, ours a tracked insertion); a paragraph of ours they dropped re-inserted, one of
  theirs we do not have marked deleted;
- a clause they deleted: ours re-inserted where it stood, after the clause of theirs that the clause
  before it in our version became (:func:`ddcontract.compare.align` paired them);
- a clause they inserted that excludes a security clause: marked deleted.

The customer's formatting, numbering and any tracked changes or comments of their own are kept.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from ..compare import Change, Comparison, words
from ..model import Block, Clause, Refusal
from ..office.redline import Redline
from ..office.redline_words import rewrite
from .redline import Summary, refusal_comment, require_docx


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def _holds(outer: str, inner: str) -> bool:
    return bool(_squeezed(inner)) and _squeezed(inner) in _squeezed(outer)


def change_of(r: Refusal, changes: list[Change]) -> Change | None:
    """The changed clause behind a refusal: the one holding its words before (ours) or after (theirs)."""
    for c in changes:
        before = c.before.text if c.before else ""
        after = c.after.text if c.after else ""
        if r.kind == "excluded" and after and _squeezed(r.after) == _squeezed(after):
            return c
        if r.kind == "weakened" and (_holds(before, r.before) or _holds(after, r.after)):
            return c
    return None


class _CounterMarkup:
    def __init__(self, cmp: Comparison) -> None:
        self.cmp = cmp
        self.lang = cmp.theirs.report_language
        self.doc = Redline(cmp.theirs.document.path)
        self.summary = Summary(what="clauses put back as tracked changes")
        self.tail: dict[object, object] = {}
        self.pairs = self._pairs()

    def _pairs(self) -> list[tuple[Clause, Clause | None]]:
        """Every clause of ours with the clause of theirs it became (None: deleted), in our order."""
        a = self.cmp.alignment
        pairs = [*a.same, *a.moved, *((c.before, c.after) for c in a.changes if c.before is not None)]
        order = {id(b): i for i, b in enumerate(self.cmp.ours.document.blocks)}
        return sorted(pairs, key=lambda p: order.get(id(p[0].blocks[0]), 0) if p[0].blocks else 0)

    def _place_before(self, clause: Clause):
        """The paragraph of theirs after which our deleted ``clause`` goes back."""
        at = next((i for i, (o, _) in enumerate(self.pairs) if o is clause), 0)
        for o, t in reversed(self.pairs[:at]):
            if t is not None and t.blocks:
                return self.doc.after_point(t.blocks[-1].anchor), t.blocks[-1]
        first = self.cmp.theirs.document.blocks[0]
        return self.doc.after_point(first.anchor), first

    def _insert(self, point, like_block: Block | None, text: str):
        like = self.doc.paragraph(like_block.anchor) if like_block is not None else None
        if like_block is not None and like_block.kind == "table-row":
            like = None
        p = self.doc.insert_after(self.tail.get(point, point), text, like)
        self.tail[point] = p
        self.summary.insertions += 1
        return p

    def _like(self, kind: str, near: Block) -> Block | None:
        """A block of theirs to copy a re-inserted block's paragraph from: for a heading a heading, else a
        clause (the first after ``near``, so that it takes the numbering of the clauses there, else the
        last before it)."""
        blocks = self.cmp.theirs.document.blocks
        at = next((i for i, b in enumerate(blocks) if b is near), 0)
        wanted = (lambda b: b.kind == "heading") if kind == "heading" else (
            lambda b: b.kind not in ("heading", "table-row"))
        return next((b for b in blocks[at:] if wanted(b)), None) or next(
            (b for b in reversed(blocks[:at]) if wanted(b)), None)

    def deleted(self, c: Change):
        """Our clause put back where it stood; its first paragraph."""
        point, near = self._place_before(c.before)
        first = None
        for b in c.before.blocks:
            p = self._insert(point, self._like(b.kind, near), words(b.text) if b.kind != "table-row" else b.text)
            first = first if first is not None else p
        return first

    def changed(self, c: Change):
        """Their paragraphs of the clause made to read as ours; the first paragraph touched."""
        ours, theirs = c.before.blocks, c.after.blocks
        keys_o = [words(b.text).casefold() for b in ours]
        keys_t = [words(b.text).casefold() for b in theirs]
        first = None
        matcher = difflib.SequenceMatcher(None, keys_t, keys_o, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            for k in range(max(i2 - i1, j2 - j1)):
                t = theirs[i1 + k] if i1 + k < i2 else None
                o = ours[j1 + k] if j1 + k < j2 else None
                p = self._pair(t, o, theirs[i1 - 1] if i1 > 0 else theirs[0])
                first = first if first is not None else p
        return first

    def _pair(self, t: Block | None, o: Block | None, prev: Block):
        if t is not None and o is not None:
            p = self.doc.paragraph(t.anchor)
            if p is not None and t.kind != "table-row" and rewrite(self.doc, p, o.text):
                self.summary.insertions += 1
            return p
        if t is not None:  # a paragraph of theirs that ours does not have
            p = self.doc.paragraph(t.anchor)
            if p is not None and t.kind != "table-row":
                self.doc.delete_paragraph(p)
            return p
        return self._insert(self.doc.after_point((prev).anchor), prev, words(o.text))

    def inserted(self, c: Change):
        """Their inserted clause marked deleted; the paragraph before it, which carries the comment (a
        comment inside a paragraph deleted whole makes LibreOffice hang when the deletion is accepted)."""
        paragraphs = [p for p in (self.doc.paragraph(b.anchor) for b in c.after.blocks if b.kind != "table-row")
                      if p is not None]
        for p in paragraphs:
            self.doc.delete_paragraph(p)
        self.summary.struck += 1 if paragraphs else 0
        return paragraphs[0].getprevious() if paragraphs and paragraphs[0].getprevious() is not None \
            and paragraphs[0].getprevious().tag == paragraphs[0].tag else None

    def answer(self, c: Change, refusals: list[Refusal]) -> None:
        kind = c.kind
        p = self.deleted(c) if kind == "deleted" else self.inserted(c) if kind == "inserted" else self.changed(c)
        if p is None and c.after is not None and c.after.blocks:
            p = self.doc.paragraph(c.after.blocks[0].anchor)
        if p is not None:
            text = "\n\n".join(refusal_comment(r, self.cmp.theirs, self.lang, reinstated=True) for r in refusals)
            self.doc.comment(p, text)
            self.summary.comments += 1


def write_compare_redline(cmp: Comparison, out: Path) -> Summary:
    """The counter-markup of a comparison (see the module's docs), written to ``out``."""
    doc = cmp.theirs.document
    require_docx(doc.path, doc.format, cmp.theirs.report_language)
    writer = _CounterMarkup(cmp)
    answered: dict[int, tuple[Change, list[Refusal]]] = {}
    for r in cmp.markup.refusals:
        c = change_of(r, cmp.changes)
        if c is not None:
            answered.setdefault(id(c), (c, []))[1].append(r)
    for c, refusals in answered.values():
        writer.answer(c, refusals)
    writer.doc.save(out)
    writer.summary.comments = writer.doc.added_comments  # notes on one paragraph share its comment
    return writer.summary
