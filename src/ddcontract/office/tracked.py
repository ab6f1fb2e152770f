"""Tracked changes in WordprocessingML: what each side of a markup shows, and the changes as records.

The side *after* the changes shows a document with every change accepted: insertions (``w:ins``)
and move destinations (``w:moveTo``) kept, deletions (``w:del`` holding ``w:delText``) and move
sources (``w:moveFrom``) dropped. The side *before* shows it with every change rejected: the
reverse. A paragraph whose mark is deleted (``w:pPr/w:rPr/w:del``, or ``w:moveFrom`` for a moved
paragraph) runs into the next paragraph after the changes; one whose mark is inserted runs into
the next one before them. A table row marked ``w:trPr/w:del`` is gone after, ``w:trPr/w:ins``
before; a cell marked ``w:tcPr/w:cellDel`` / ``w:cellIns`` likewise.

Formatting changes (``w:rPrChange``, ``w:pPrChange``, ``w:sectPrChange``, ``w:tblPrChange``,
``w:trPrChange``, ``w:tcPrChange``, ``w:tblGridChange``, ``w:numberingChange``) hold the old
properties only: they change no text on either side and give no record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from typing import Any

from ..model import REMOVALS, Block, Revision, RevisionKind, Side

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W
INS, DEL, MOVE_FROM, MOVE_TO = _W + "ins", _W + "del", _W + "moveFrom", _W + "moveTo"
CELL_INS, CELL_DEL = _W + "cellIns", _W + "cellDel"
_T, _DEL_TEXT = _W + "t", _W + "delText"

# what holds text a side does not show (field instructions are never text)
HIDDEN: dict[Side, frozenset[str]] = {
    "after": frozenset({DEL, MOVE_FROM, _DEL_TEXT, _W + "instrText", _W + "delInstrText"}),
    "before": frozenset({INS, MOVE_TO, _W + "instrText", _W + "delInstrText"}),
}
TEXT: dict[Side, tuple[str, ...]] = {"after": (_T,), "before": (_T, _DEL_TEXT)}  # the elements of text
SHOWN: dict[Side, tuple[str, ...]] = {"after": (INS, MOVE_TO), "before": (DEL, MOVE_FROM)}  # block wrappers read
_MARK_GONE: dict[Side, tuple[str, ...]] = {"after": (DEL, MOVE_FROM), "before": (INS, MOVE_TO)}
_ROW_GONE: dict[Side, str] = {"after": DEL, "before": INS}
_CELL_GONE: dict[Side, str] = {"after": CELL_DEL, "before": CELL_INS}
_FORMATTING = frozenset(_W + tag for tag in ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
                                             "trPrChange", "tcPrChange", "tblGridChange", "numberingChange"))
_RANGE_START = {_W + "moveFromRangeStart": "from", _W + "moveToRangeStart": "to"}
_RANGE_END = {_W + "moveFromRangeEnd": "from", _W + "moveToRangeEnd": "to"}
_INERT = frozenset(_W + tag for tag in ("proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart",
                                        "commentRangeEnd", "permStart", "permEnd", "moveFromRangeStart",
                                        "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd"))
_RUN_KINDS = {INS: "insertion", DEL: "deletion", MOVE_FROM: "move-from", MOVE_TO: "move-to"}


def mark_gone(p, side: Side) -> bool:
    """Whether the side removes the paragraph's mark, so that the paragraph runs into the next."""
    rpr = p.find(f"{_W}pPr/{_W}rPr")
    return rpr is not None and any(child.tag in _MARK_GONE[side] for child in rpr)


def row_gone(tr, side: Side) -> bool:
    trpr = tr.find(_W + "trPr")
    return trpr is not None and trpr.find(_ROW_GONE[side]) is not None


def cell_gone(tc, side: Side) -> bool:
    tcpr = tc.find(_W + "tcPr")
    return tcpr is not None and tcpr.find(_CELL_GONE[side]) is not None


def has_changes(root) -> bool:
    """Whether the part holds any tracked change of content (cheap: stops at the first)."""
    return next(root.iter(INS, DEL, MOVE_FROM, MOVE_TO, CELL_INS, CELL_DEL), None) is not None


def parse_date(value: str | None) -> datetime | None:
    """A w:date ("2024-03-01T10:15:00Z"); None when missing or not a date."""
    if not value or len(value) > 40:
        return None
    text = value.strip()
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def kind_of(el) -> RevisionKind | None:
    """The kind of change ``el`` (a w:ins, w:del, w:moveFrom, w:moveTo, w:cellIns or w:cellDel) records;
    None for a moved paragraph's mark (its move is recorded by its runs) and for the properties of a
    run or of a formatting change."""
    parent = el.getparent()
    ptag = parent.tag if parent is not None else None
    if el.tag in (CELL_INS, CELL_DEL):
        return "cell-insertion" if el.tag == CELL_INS else "cell-deletion"
    if ptag == _W + "rPr":
        grand = parent.getparent()
        if el.tag in (INS, DEL) and grand is not None and grand.tag == _W + "pPr":
            return "paragraph-mark-insertion" if el.tag == INS else "paragraph-mark-deletion"
        return None
    if ptag == _W + "trPr":
        return "row-insertion" if el.tag == INS else "row-deletion" if el.tag == DEL else None
    return _RUN_KINDS[el.tag]  # type: ignore[return-value]


def side_text(el, side: Side) -> str:
    """The text under ``el`` that the side shows, whitespace as written."""
    parts = []
    for node in el.iter(*TEXT[side], _W + "tab", _W + "cr", _W + "br"):
        parent = node.getparent()
        hidden = False
        while parent is not None and parent is not el:
            if parent.tag in HIDDEN[side]:
                hidden = True
                break
            parent = parent.getparent()
        if hidden:
            continue
        parts.append(node.text or "" if node.tag in (_T, _DEL_TEXT) else " ")
    return "".join(parts)


@dataclass
class _Draft:
    kind: RevisionKind
    el: Any  # the change's element (the last one, once pieces are joined)
    author: str | None
    date: str | None
    id: str | None
    text: str
    move: str | None


def _continues(draft: _Draft, el, kind: str) -> bool:
    """Whether ``el`` is the next piece of ``draft``'s change: the same kind, author and date, and
    nothing but bookmarks, proofing marks or runs without text between the two."""
    if draft.kind != kind or draft.author != el.get(_W + "author") or draft.date != el.get(_W + "date"):
        return False
    prev = el.getprevious()
    while prev is not None and prev is not draft.el:
        inert = not isinstance(prev.tag, str) or prev.tag in _INERT or (
            prev.tag == _W + "r" and next(prev.iter(_T, _DEL_TEXT, _W + "tab"), None) is None)
        if not inert:
            return False
        prev = prev.getprevious()
    return prev is draft.el


def _drafts(root) -> list[_Draft]:
    drafts: list[_Draft] = []
    moves: dict[str, dict[str, str]] = {"from": {}, "to": {}}  # open move ranges: w:id -> w:name
    for el in root.iter(INS, DEL, MOVE_FROM, MOVE_TO, CELL_INS, CELL_DEL, *_RANGE_START, *_RANGE_END):
        if el.tag in _RANGE_START:
            moves[_RANGE_START[el.tag]][el.get(_W + "id") or ""] = el.get(_W + "name") or ""
            continue
        if el.tag in _RANGE_END:
            moves[_RANGE_END[el.tag]].pop(el.get(_W + "id") or "", None)
            continue
        if any(a.tag in _FORMATTING for a in el.iterancestors()):
            continue
        kind = kind_of(el)
        if kind is None:
            continue
        side: Side = "before" if kind in REMOVALS else "after"
        text = side_text(el, side) if kind in ("insertion", "deletion", "move-from", "move-to") else ""
        if drafts and kind in ("insertion", "deletion", "move-from", "move-to") and _continues(drafts[-1], el, kind):
            drafts[-1].text += text
            drafts[-1].el = el
            continue
        opened = moves["from" if kind == "move-from" else "to"] if kind in ("move-from", "move-to") else {}
        move = next(reversed(opened.values()), None) if opened else None
        drafts.append(_Draft(kind, el, el.get(_W + "author"), el.get(_W + "date"), el.get(_W + "id"), text,
                             move or None))
    return drafts


def _block(el, side: Side, maps: dict[Side, dict]) -> Block | None:
    """The block holding ``el`` on its side (else on the other): its paragraph's or row's block, or
    for a wrapper of whole paragraphs, the first of theirs."""
    other: Side = "after" if side == "before" else "before"
    for found in (maps[side], maps[other]):
        for node in chain((el,), el.iterancestors(), el.iter(_W + "p", _W + "tr")):
            block = found.get(node)
            if block is not None:
                return block
    return None


def _container_text(d: _Draft, side: Side, block: Block | None) -> str:
    """A row's text as its block reads (cells joined by " | "), or a cell's, on the change's side."""
    if d.kind.startswith("row-") and block is not None and block.kind == "table-row":
        return block.text
    container = next(d.el.iterancestors(_W + "tc" if d.kind.startswith("cell-") else _W + "tr"), None)
    if container is None:
        return ""
    return " ".join(side_text(p, side) for p in container.iter(_W + "p"))


def _in_reading_order(drafts: list[_Draft]) -> list[_Draft]:
    """Document order, but a paragraph mark's change after the changes in the paragraph's text (Word
    writes the mark's properties first; the mark ends the paragraph)."""
    out: list[_Draft] = []
    held: list[_Draft] = []
    for d in drafts:
        if held and next(d.el.iterancestors(_W + "p"), None) is not next(held[0].el.iterancestors(_W + "p"), None):
            out += held
            held = []
        (held if d.kind.startswith("paragraph-mark") else out).append(d)
    return out + held


def collect(root, maps: dict[Side, dict]) -> tuple[Revision, ...]:
    """The part's changes of content in reading order, each placed on the block that holds it;
    ``maps`` gives, per side, each w:p and w:tr read -> its block."""
    out = []
    for d in _in_reading_order(_drafts(root)):
        side: Side = "before" if d.kind in REMOVALS else "after"
        block = _block(d.el, side, maps)
        text = d.text
        if d.kind.startswith(("row-", "cell-")):
            text = _container_text(d, side, block)
        out.append(Revision(kind=d.kind, author=d.author, date=parse_date(d.date),
                            text=" ".join(text.split()), anchor=block.anchor if block else None,
                            section=block.section if block else None, heading=block.heading if block else None,
                            page=block.page if block else None, id=d.id, move=d.move))
    return tuple(out)
