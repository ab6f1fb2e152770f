"""Tracked word changes inside one paragraph of a redline: the paragraph's words made to read as
another text, word by word (difflib), the words that go wrapped in ``w:del`` (their ``w:t`` turned
into ``w:delText``) and the words that come in ``w:ins``, each with the formatting of the run beside
it. Runs are split where a change starts or ends inside them; everything else in the paragraph
(bookmarks, fields, the customer's own tracked changes, comments) stays where it is, except that a
tracked change of the customer's into which our insertion falls is cut in two pieces around it (the
second piece with a new w:id).
"""

from __future__ import annotations

import copy
import difflib
import re

from .redline import _W, _XML_SPACE, Redline, text_run

_NUMBER = re.compile(r"^(?:§\s*)?\(?\d+(?:\.\d+)*[.)]?$")  # a clause number typed as the first word


def _spans(doc: Redline, p) -> list[tuple[object, int, int]]:
    """The paragraph's visible w:t elements with their character span in its text."""
    out, at = [], 0
    for t in doc._visible(p):
        if t.tag != _W + "t":
            at += 1  # a tab: one character, never split
            continue
        n = len(t.text or "")
        out.append((t, at, at + n))
        at += n
    return out


def _split(doc: Redline, p, pos: int) -> None:
    """Split the run holding character ``pos`` so that a run starts there."""
    for t, start, end in _spans(doc, p):
        if start < pos < end:
            run = t.getparent()
            k = pos - start
            rest = copy.deepcopy(run)
            for child in list(rest):
                if child.tag != _W + "rPr":
                    rest.remove(child)
            t2 = copy.deepcopy(t)
            t2.text, t.text = t.text[k:], t.text[:k]
            t.set(_XML_SPACE, "preserve")
            t2.set(_XML_SPACE, "preserve")
            rest.append(t2)
            for sibling in list(t.itersiblings()):
                rest.append(sibling)
            run.addnext(rest)
            return


def _runs_within(doc: Redline, p, start: int, end: int) -> list:
    runs = []
    for t, s, e in _spans(doc, p):
        if s >= start and e <= end and s < e:
            run = t.getparent()
            if run not in runs:
                runs.append(run)
    return runs


def _delete(doc: Redline, p, start: int, end: int):
    """Mark the words from ``start`` to ``end`` deleted; the last run deleted (None when none)."""
    _split(doc, p, start)
    _split(doc, p, end)
    runs = _runs_within(doc, p, start, end)
    groups: list[list] = []
    for run in runs:
        if groups and groups[-1][-1].getnext() is run:
            groups[-1].append(run)
        else:
            groups.append([run])
    for group in groups:
        doc._wrap_deleted(group)
    return runs[-1] if runs else None


def _insert(doc: Redline, p, pos: int, text: str, after_run=None) -> None:
    """Insert ``text`` as a tracked insertion at character ``pos`` (after ``after_run`` when given)."""
    if after_run is None:
        _split(doc, p, pos)
        spans = _spans(doc, p)
        before = [t for t, s, e in spans if e <= pos]
        after_run = before[-1].getparent() if before else None
    anchor = after_run
    rpr = after_run.find(_W + "rPr") if after_run is not None else None
    if anchor is not None:
        while anchor.getparent() is not p and anchor.getparent().tag not in (_W + "hyperlink",):
            anchor = _split_container(doc, anchor)  # out of a w:ins or w:del: ours is not nested in theirs
    mark = doc._mark("ins")
    mark.append(text_run(text, rpr))
    if anchor is not None:
        anchor.addnext(mark)
        return
    ppr = p.find(_W + "pPr")
    if ppr is not None:
        ppr.addnext(mark)
    else:
        p.insert(0, mark)


def _split_container(doc: Redline, el):
    """``el``'s container (the customer's w:ins, w:del, w:moveTo …) cut after ``el``: what follows
    goes into a copy of the container with a new w:id, so that our change can stand between the two
    pieces, where it belongs; the container (or its first piece), to go on from."""
    container = el.getparent()
    rest = list(el.itersiblings())
    if rest:
        tail = copy.copy(container)
        for child in list(tail):
            tail.remove(child)
        tail.attrib.update(container.attrib)
        if tail.get(_W + "id") is not None:
            tail.set(_W + "id", doc.new_id())
        tail.extend(rest)
        container.addnext(tail)
    return container


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def rewrite(doc: Redline, p, target: str) -> bool:
    """Make paragraph ``p`` read ``target`` with tracked changes, word by word; a clause number typed
    at its start is left alone (the other version may number its clauses otherwise). Whether anything
    changed."""
    text = doc.paragraph_text(p).replace("\t", " ")
    theirs = _tokens(text)
    while theirs and _NUMBER.match(theirs[0][0]):
        theirs = theirs[1:]
    ours = target.split()
    while ours and _NUMBER.match(ours[0]):
        ours = ours[1:]
    ops = difflib.SequenceMatcher(None, [w for w, _, _ in theirs], ours, autojunk=False).get_opcodes()
    changed = False
    for op, i1, i2, j1, j2 in reversed(ops):
        if op == "equal":
            continue
        changed = True
        words = " ".join(ours[j1:j2])
        if op in ("replace", "delete"):
            start, end = theirs[i1][1], theirs[i2 - 1][2]
            if op == "delete":  # take the space after (or, at the end, before) the words with them
                if i2 < len(theirs):
                    end = theirs[i2][1]
                elif i1 > 0:
                    start = theirs[i1 - 1][2]
            last = _delete(doc, p, start, end)
            if op == "replace":
                _insert(doc, p, end, words, last)
        elif i1 < len(theirs):
            _insert(doc, p, theirs[i1][1], words + " ")
        else:
            _insert(doc, p, theirs[-1][2] if theirs else len(text), (" " if theirs else "") + words)
    return changed
