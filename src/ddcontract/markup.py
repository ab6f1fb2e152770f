"""Markup: what a customer's changes do to the requirements, and the refusals of security clauses
among them (the flag :data:`~ddcontract.requirements.REFUSAL`).

Two checks of one contract go in — the version before the changes and the version they propose —
and a :class:`~ddcontract.model.Markup` comes out: the requirements whose status or values moved
(:class:`~ddcontract.model.RequirementChange`, with the tracked changes that touch their evidence)
and the refusals (:class:`~ddcontract.model.Refusal`, per the catalogue's description of the flag
in ../shared/REQUIREMENTS.md): a requirement met before and weak or missing after, or weak
before and missing after; or an inserted clause that expressly excludes a DPA, the liability
limitation, breach notification or another security clause
(:data:`~ddcontract.requirements.flags.EXCLUSIONS`).

The two versions may be the two sides of one tracked-change DOCX (:func:`passages_of_revisions`
pairs the blocks the changes touch by their anchor) or two documents read separately (``compare``:
its alignment gives the :class:`Passage` pairs, without revisions). :func:`compare_results` is the
one entry for both. It decides; it says no words (:mod:`ddcontract.wording` words the flag).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import (REMOVALS, STATUS_ORDER, Block, CheckResult, Document, Finding, Markup, Refusal,
                    RequirementChange, Revision)
from .requirements import EXCLUSIONS


@dataclass(frozen=True, slots=True)
class Passage:
    """A piece of the contract as it was and as it is after the changes ("" on a side that lacks it),
    where it stands, and the tracked changes in it."""

    before: str
    after: str
    section: str | None = None
    heading: str | None = None
    page: int | None = None
    anchor: str | None = None
    revisions: tuple[Revision, ...] = ()


def _blocks_by_anchor(doc: Document) -> dict[str, Block]:
    return {b.anchor: b for b in doc.blocks if b.anchor}


def passages_of_revisions(before: Document, after: Document) -> list[Passage]:
    """The blocks the tracked changes touch, as they were and as they are, one passage per anchor in
    reading order (a block only on one side has "" on the other)."""
    old, new = _blocks_by_anchor(before), _blocks_by_anchor(after)
    grouped: dict[str, list[Revision]] = {}
    for rev in after.revisions or before.revisions:
        if rev.anchor:
            grouped.setdefault(rev.anchor, []).append(rev)
    out = []
    for anchor, revs in grouped.items():
        b, a = old.get(anchor), new.get(anchor)
        where = a or b
        out.append(Passage(b.text if b else "", a.text if a else "", where.section if where else revs[0].section,
                           where.heading if where else revs[0].heading, where.page if where else revs[0].page,
                           anchor, tuple(revs)))
    return out


def _compiled(patterns: Mapping[str, tuple[str, ...]]) -> list[re.Pattern[str]]:
    return [re.compile(p) for pats in patterns.values() for p in pats]


_PATTERNS = [(e, _compiled(e.patterns), _compiled(e.unless)) for e in EXCLUSIONS]
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")


def _hits(patterns: list[re.Pattern[str]], unless: list[re.Pattern[str]], text: str) -> int:
    """How often the expressions occur in ``text``, a sentence with a carve-out counting none."""
    low = " ".join(text.lower().split())
    return sum(len(p.findall(sentence)) for sentence in _SENTENCE_END.split(low)
               if not any(u.search(sentence) for u in unless) for p in patterns)


def find_exclusions(passages: Iterable[Passage]) -> list[Refusal]:
    """The passages whose changes insert words that expressly exclude a security clause: an
    exclusion's expression found more often after the changes than before them (so an exclusion
    our own draft already had, or one the changes only move, is none), outside sentences that carve
    out what the exclusion's ``unless`` names (liability for death or fraud left unlimited)."""
    out: list[Refusal] = []
    for passage in passages:
        if passage.revisions and all(r.kind in REMOVALS or r.move for r in passage.revisions):
            continue  # only removed or moved words: nothing inserted
        for exclusion, patterns, unless in _PATTERNS:
            if _hits(patterns, unless, passage.after) > _hits(patterns, unless, passage.before):
                out.append(Refusal("excluded", exclusion.topic, exclusion.requirement, passage.before,
                                   passage.after, section=passage.section, heading=passage.heading,
                                   page=passage.page, anchor=passage.anchor,
                                   revisions=tuple(r for r in passage.revisions if r.kind not in REMOVALS)))
    return out


def touching(before: Finding, after: Finding, revisions: Sequence[Revision]) -> tuple[Revision, ...]:
    """The tracked changes behind a requirement's move: removals in the blocks of its evidence before
    the changes, additions in the blocks of its evidence after them; failing those, any change in the
    sections its evidence stood in."""
    old = {e.anchor for e in before.evidence if e.anchor}
    new = {e.anchor for e in after.evidence if e.anchor}
    linked = tuple(r for r in revisions if r.anchor and r.anchor in (old if r.kind in REMOVALS else new))
    if linked:
        return linked
    sections = {e.section for e in before.evidence + after.evidence if e.section}
    return tuple(r for r in revisions if r.section and r.section in sections)


def _first_text(finding: Finding, anchors: set[str]) -> str:
    hit = [e for e in finding.evidence if e.anchor in anchors] or finding.evidence
    return hit[0].text if hit else ""


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def _weakening(before: Finding, after: Finding, revisions: tuple[Revision, ...],
               after_doc: Document | None, passages: Sequence[Passage]) -> Refusal:
    """The refusal of a weakened requirement: its text before (the evidence the changes touch) and
    after (its evidence after them, else what is left of that clause: the block with the same anchor,
    or the changed passage that held the sentence before)."""
    anchors = {r.anchor for r in revisions if r.anchor}
    said_before = _first_text(before, anchors)
    said_after = _first_text(after, anchors) if after.status != "missing" else ""
    ev = next((e for e in before.evidence if e.anchor in anchors), before.evidence[0] if before.evidence else None)
    if not said_after and after_doc is not None and ev is not None and ev.anchor and revisions:
        block = _blocks_by_anchor(after_doc).get(ev.anchor)
        said_after = block.text if block else ""
    if not said_after and said_before:
        held = next((p for p in passages if _squeezed(said_before) in _squeezed(p.before)), None)
        said_after = held.after if held else ""
    return Refusal("weakened", before.id, before.id, said_before, said_after, before.status, after.status,
                   section=ev.section if ev else None, heading=ev.heading if ev else None,
                   page=ev.page if ev else None, anchor=ev.anchor if ev else None, revisions=revisions)


def compare_results(before: CheckResult, after: CheckResult, revisions: Sequence[Revision] = (),
                    passages: Iterable[Passage] | None = None) -> Markup:
    """What the changes from ``before`` to ``after`` do: every requirement whose status or values
    moved, and the refusals behind the flag ``requirements.REFUSAL``: requirements weakened, then
    exclusions inserted. ``revisions``:
    the tracked changes of a markup (none for two separate versions); ``passages``: the changed
    pieces of text (for a markup, by default :func:`passages_of_revisions` of the two documents)."""
    passages = list(passages) if passages is not None else (
        passages_of_revisions(before.document, after.document) if revisions else [])
    was = {f.id: f for f in before.requirements}
    changes: list[RequirementChange] = []
    refusals: list[Refusal] = []
    for now in after.requirements:
        then = was.get(now.id)
        if then is None or (then.status == now.status and then.values == now.values):
            continue
        revs = touching(then, now, revisions)
        changes.append(RequirementChange(now.id, then, revs))
        if STATUS_ORDER[now.status] < STATUS_ORDER[then.status]:
            refusals.append(_weakening(then, now, revs, after.document, passages))
    refusals.extend(find_exclusions(passages))
    return Markup(tuple(revisions), changes, refusals)
