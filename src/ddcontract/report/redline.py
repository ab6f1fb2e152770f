"""``check --redline out.docx``: the customer's DOCX with our comments and suggested clauses.

For every requirement the policy asks for (``Finding.required``) that is not met:

- **weak**: a comment on each paragraph of its evidence (found by the evidence's anchor) saying why it
  is weak and what the policy asks, and the suggested clause (the preferred position) inserted after
  the clause holding the first evidence, as a tracked insertion; the comment names the fallback
  position where the rule has one;
- **missing**: the comment on the heading of the section it belongs to (the section of its evidence
  when a rule matched something there, else the first section whose heading is about its subject,
  :mod:`ddcontract.office.redline_places`) and the clause inserted at the end of that section; when no
  section is about it, a new numbered clause at the end of the contract's numbered sections, under a
  heading of its subject, with the comment on that heading.

On a DOCX that carries the customer's tracked changes the findings are those of the text the changes
propose; their revisions are kept as they are, and each refusal behind the refusal flag gets a comment
on the paragraph it stands in (what was refused and why it matters). Comments and clauses are in the
report language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..i18n import tr
from ..model import Block, CheckResult, Finding, Refusal
from ..office import redline_places as places
from ..office.redline import Redline
from ..requirements import REFUSAL
from ..wording import refusal_head
from .text import EMPTY_SIDE, quote

_LITERAL_CLAUSE = re.compile(r"^\s*(\d+(?:\.\d+)+)\.?\t")  # "4.3<tab>…": a clause number typed in the text
_LITERAL_HEADING = re.compile(r"^\s*(\d+)\.?\s")  # "14. General"


@dataclass
class Summary:
    """What a redline added: comments, tracked insertions (clauses) and other tracked changes."""

    comments: int = 0
    insertions: int = 0
    inserted: list[str] = field(default_factory=list)  # the requirements whose clause was inserted
    what: str = "suggested clauses as tracked insertions"
    struck: int = 0  # clauses of theirs marked deleted (compare)

    def line(self, out: Path) -> str:
        struck = f", {self.struck} struck out" if self.struck else ""
        return f"wrote {out}: {self.comments} comments, {self.insertions} {self.what}{struck}"


def require_docx(path: str, fmt: str, lang: str) -> None:
    if fmt != "docx":
        raise InputError(path, tr(lang, "redline.needs_docx", format=fmt.upper()))


def finding_comment(f: Finding, where_key: str, lang: str) -> str:
    lines = [tr(lang, "redline.finding", id=f.id, title=f.title, status=tr(lang, f"status.{f.status}"),
                message=f.message).strip()]
    if f.suggestion:
        lines.append(tr(lang, where_key))
        if f.fallback:
            lines.append(tr(lang, "redline.fallback", fallback=f.fallback))
    return "\n".join(lines)


class _Writer:
    """The redline of one check being built."""

    def __init__(self, result: CheckResult) -> None:
        self.result = result
        self.lang = result.report_language
        self.blocks = result.document.blocks
        self.sections = places.sections(self.blocks)
        self.doc = Redline(result.document.path)
        self.summary = Summary()
        self.tail: dict[object, object] = {}  # insertion point -> the last paragraph inserted after it
        self.new_clauses: dict[str, list[Finding]] = {}  # topic -> findings for a new clause at the end

    # -------------------------------------------------------------- helpers

    def like(self, block: Block | None):
        """The paragraph whose properties a new clause beside ``block`` takes: the block's own, or for a
        table row the nearest paragraph before it."""
        if block is None:
            return None
        at = self.blocks.index(block)
        while at > 0 and self.blocks[at].kind == "table-row":
            at -= 1
        return self.doc.paragraph(self.blocks[at].anchor)

    def insert(self, after: Block, like, f: Finding) -> None:
        """The finding's suggested clause after ``after`` (after the clauses already put there)."""
        point = self.doc.after_point(after.anchor)
        if point is None or not f.suggestion:
            return
        tab = like is not None and bool(_LITERAL_CLAUSE.match(self.doc.paragraph_text(like)))
        p = self.doc.insert_after(self.tail.get(point, point), f.suggestion, like, tab_first=tab)
        self.tail[point] = p
        self.summary.insertions += 1
        self.summary.inserted.append(f.id)

    def comment(self, anchor: str | None, text: str) -> bool:
        p = self.doc.paragraph(anchor)
        if p is None:
            return False
        self.doc.comment(p, text)
        self.summary.comments += 1
        return True

    # -------------------------------------------------------------- findings

    def finding(self, f: Finding) -> None:
        located = [e for e in f.evidence if self.doc.paragraph(e.anchor) is not None]
        if f.status == "weak" and located:
            first = located[0].anchor
            span = _clause_start(first, self.blocks), places.clause_end(first, self.blocks)
            text = finding_comment(f, "redline.after_clause", self.lang)
            for anchor in dict.fromkeys(e.anchor for e in located):
                self.comment(anchor, text)
            self.insert(span[1], self.like(span[0]), f)
            return
        section = places.section_of(located[0].anchor, self.sections) if located else None
        section = section or places.section_for(f.id, self.sections)
        if section is None:
            self.new_clauses.setdefault(places.topics(f.id)[0], []).append(f)
            return
        self.comment(section.head.anchor, finding_comment(f, "redline.end_of_section", self.lang))
        body = section.body()
        self.insert(section.last, self.like(body[-1] if body else section.head), f)

    def new_clause_section(self) -> None:
        """The findings no section is about: per topic a new numbered clause after the last numbered
        section, its heading a copy of that section's heading paragraph."""
        if not self.new_clauses or not self.sections:
            return
        end = self.sections[-1]
        point = self.doc.after_point(end.last.anchor)
        head_like = self.doc.paragraph(end.head.anchor) if end.head.kind == "heading" else None
        body = end.body()
        body_like = self.like(body[-1]) if body else None
        literal_head = head_like is not None and _LITERAL_HEADING.match(self.doc.paragraph_text(head_like))
        literal_body = body_like is not None and _LITERAL_CLAUSE.match(self.doc.paragraph_text(body_like))
        number = int(end.number) if end.number.isdigit() else 0
        at = self.tail.get(point, point)
        for topic, findings in self.new_clauses.items():
            number += 1
            heading = places.title(topic, self.lang)
            at = self.doc.insert_after(at, f"{number}. {heading}" if literal_head else heading, head_like)
            texts = [finding_comment(f, "redline.new_clause", self.lang) for f in findings]
            self.doc.comment(at, "\n\n".join(texts))
            self.summary.comments += 1
            n = 0
            for f in findings:
                if not f.suggestion:
                    continue
                n += 1
                text = f"{number}.{n}\t{f.suggestion}" if literal_body else f.suggestion
                at = self.doc.insert_after(at, text, body_like)
                self.summary.insertions += 1
                self.summary.inserted.append(f.id)

    def refusal(self, r: Refusal) -> None:
        """A comment on a refused clause of the customer's markup: what was refused and why it matters."""
        anchors = [r.anchor] + [rev.anchor for rev in r.revisions]
        anchor = next((a for a in anchors if self.doc.paragraph(a) is not None), None)
        if anchor is not None:
            self.comment(anchor, refusal_comment(r, self.result, self.lang))


def _clause_start(anchor: str | None, blocks: list[Block]) -> Block | None:
    at = next((i for i, b in enumerate(blocks) if b.anchor == anchor), None)
    if at is None:
        return None
    while at > 0 and blocks[at].section and blocks[at - 1].section == blocks[at].section \
            and blocks[at - 1].kind not in ("heading", "table-row") and blocks[at].kind != "heading":
        at -= 1
    return blocks[at]


def refusal_comment(r: Refusal, result: CheckResult, lang: str, reinstated: bool = False) -> str:
    """What a refusal refuses (the requirement's status before and after, or what the inserted clause
    excludes), the words before and after, and why it matters; ``reinstated`` adds that our wording is
    put back."""
    lines = [tr(lang, "redline.refusal", flag=f"{REFUSAL.id} {REFUSAL.title(lang)}", head=refusal_head(r, lang))]
    for key, text in (("markup.before", r.before), ("markup.after", r.after)):
        said = tr(lang, "label.quoted", text=quote(text, 300)) if text else tr(lang, EMPTY_SIDE[key])
        lines.append(f"{tr(lang, key)}: {said}")
    finding = next((f for f in result.requirements if f.id == r.requirement), None)
    if r.kind == "weakened" and finding is not None:
        lines.append(tr(lang, "redline.why.weakened", title=finding.title,
                        before=tr(lang, f"status.{r.status_before}"), after=tr(lang, f"status.{r.status_after}"),
                        message=finding.message).strip())
    else:
        lines.append(tr(lang, "redline.why.excluded", topic=tr(lang, f"markup.topic.{r.topic}")))
    if reinstated:
        lines.append(tr(lang, "redline.reinstated"))
    return "\n".join(lines)


def write_check_redline(result: CheckResult, out: Path) -> Summary:
    """The redline of a check (see the module's docs), written to ``out``."""
    doc = result.document
    require_docx(doc.path, doc.format, result.report_language)
    writer = _Writer(result)
    for f in result.requirements:
        if f.required and f.status != "met":
            writer.finding(f)
    writer.new_clause_section()
    if result.markup is not None:
        for r in result.markup.refusals:
            writer.refusal(r)
    writer.doc.save(out)
    writer.summary.comments = writer.doc.added_comments  # notes on one paragraph share its comment
    return writer.summary
