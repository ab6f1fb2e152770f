"""The typed objects handed from one pipeline stage to the next.

ingest -> :class:`Document` (blocks with page and section), kept as it was read; a DOCX with tracked
          changes also gives its :class:`Revision`s and can be read as it was before them
segment -> :class:`Clause` / :class:`Sentence`
match -> :class:`Match` (rule, sentence, matched words, extracted values)
decide -> :class:`ddcontract.decide.Decided` per requirement (status, values, the matches it rests on)
word -> :class:`Finding` / :class:`FlagFinding`, gathered with what the check found about the
        document (its languages, its parties, warnings) in a :class:`CheckResult`
markup -> for a tracked-change document, the two sides' findings compared: :class:`Markup` (the
          :class:`RequirementChange` and :class:`Refusal` records, the latter raising the refusal flag)
report -> console text, JSON, the gap report, the scan summary
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

Status = Literal["met", "weak", "missing"]
STATUS_ORDER: dict[str, int] = {"missing": 0, "weak": 1, "met": 2}


@dataclass(slots=True)
class Block:
    """One paragraph, list item, heading or table row as the document shows it."""

    text: str
    page: int | None = None
    section: str | None = None  # "9.1", "Section 12", "§ 5", "Schedule 3"
    heading: str | None = None  # the heading of the clause the block belongs to
    # the headings of the numbered sections it sits in ("Data Breach Notification" for a block of 9.2 under "9. Data
    # Breach Notification"), nearest first and joined by " / "; None when it is in no numbered section with a heading
    parent_heading: str | None = None
    kind: Literal["paragraph", "heading", "table-row", "list-item"] = "paragraph"  # list-item: a bullet
    # how deep a list item is nested, where the reader can tell (Markdown indentation, HTML lists): 1 for
    # an item of an outer list, more for an item inside an item; 0 when not known or not an item
    level: int = 0
    # where the block stands in its file: the same on every read, unique in the document; by reader
    #   DOCX  "word/document.xml#paraId=1A2B3C4D"  the paragraph's or table row's w14:paraId, when Word wrote one
    #         "word/document.xml#p12", "…#tr3"     else the 12th w:p or 3rd w:tr of the part (from 0)
    #   PDF   "page3#b7"                            the 7th block (from 0) read on page 3
    #   text  "line12"                              the line (from 1) the paragraph starts on
    anchor: str | None = None
    ocr: bool = False  # read by OCR from a scanned page (a PDF page without a usable text layer)


Side = Literal["before", "after"]  # a tracked-change document as it was, or with every change accepted
RevisionKind = Literal["insertion", "deletion", "move-from", "move-to",
                       "paragraph-mark-insertion", "paragraph-mark-deletion",
                       "row-insertion", "row-deletion", "cell-insertion", "cell-deletion"]
# the kinds whose words stand only in the text before the changes; the others only in the text after
REMOVALS: frozenset[str] = frozenset({"deletion", "move-from", "paragraph-mark-deletion", "row-deletion",
                                      "cell-deletion"})


@dataclass(frozen=True, slots=True)
class Revision:
    """One tracked change of a DOCX's content (formatting changes are not content and have none).

    Adjacent pieces of one change in one paragraph (Word splits a deletion wherever the formatting
    changes) are one revision. A paragraph-mark change has no text: a deleted mark joins the
    paragraph to the next one after the changes, an inserted one split a paragraph in two. A row or
    cell change's text is the row's (cells joined by " | ") or cell's text."""

    kind: RevisionKind
    author: str | None  # w:author
    # w:date, parsed (aware when it gives "Z" or an offset, as Word does); None when missing or unreadable
    date: datetime | None
    # the words inserted, deleted or moved, whitespace collapsed (an insertion's words that someone deleted
    # again are the deletion's, not the insertion's)
    text: str
    # where it stands: the block holding its words on its side (before the changes for a removal,
    # after them for an addition; see Block.anchor: the same element has the same anchor on both
    # sides) with that block's section, heading and page; None where no block holds it
    anchor: str | None = None
    section: str | None = None
    heading: str | None = None
    page: int | None = None
    id: str | None = None  # the w:id of its (first) element
    move: str | None = None  # a move's name (w:moveFromRangeStart/w:moveToRangeStart w:name): pairs from and to

    @property
    def side(self) -> Side:
        """The side whose text holds the change's words: "before" for a removal, else "after"."""
        return "before" if self.kind in REMOVALS else "after"


@dataclass(frozen=True, slots=True)
class Document:
    """A document as the reader found it; nothing later in the pipeline changes it.

    A DOCX with tracked changes is read as the changes propose it (every change accepted: the
    default side "after") or as it was before them (side "before", every change rejected); both
    carry the same ``revisions``. Every other document has none, and both its sides are one."""

    path: str
    format: Literal["pdf", "docx", "txt", "md"]
    blocks: list[Block]
    pages: int | None = None
    warnings: tuple[str, ...] = ()  # what the reader had to say about the file
    revisions: tuple[Revision, ...] = ()  # the tracked changes, in reading order
    side: Side = "after"
    ocr: Any = None  # ingest.ocr.OcrReport: the pages read by OCR and their confidence; None when none was


@dataclass(frozen=True, slots=True)
class Party:
    """A party the contract's opening names, with the role the contract defines for it."""

    name: str
    role: str | None = None

    def as_json(self) -> dict[str, str | None]:
        return {"name": self.name, "role": self.role}


@dataclass(slots=True)
class Sentence:
    text: str
    clause_index: int
    start: int  # character offsets in the clause text
    end: int
    page: int | None
    section: str | None
    lead: int = 0  # > 0: a list item matched together with its lead-in; text[:lead] is the lead-in
    kind: str = "text"  # "text" | "heading" | "definition"
    anchor: str | None = None  # the anchor of the block the sentence stands in


@dataclass(slots=True)
class Clause:
    """Consecutive blocks that share a section number: the unit a requirement is decided in."""

    section: str | None
    heading: str | None
    blocks: list[Block]
    text: str
    block_starts: list[int]  # character offset of each block in ``text``
    sentences: list[Sentence] = field(default_factory=list)

    def page_at(self, offset: int) -> int | None:
        page = self.blocks[0].page if self.blocks else None
        for start, block in zip(self.block_starts, self.blocks):
            if start > offset:
                break
            page = block.page
        return page


@dataclass(frozen=True, slots=True)
class TermUse:
    """A defined term a match was read through: '"Occurrence" (defined in 1.1) read as "security incident"'."""

    term: str
    read_as: str
    section: str | None  # where the contract defines it
    page: int | None

    def as_json(self) -> dict[str, Any]:
        return {"term": self.term, "read_as": self.read_as, "section": self.section, "page": self.page}


@dataclass(slots=True)
class Evidence:
    text: str
    page: int | None
    section: str | None
    heading: str | None = None
    rule: str | None = None
    matched: str | None = None  # the words the rule's pattern matched
    pattern: str | None = None  # that pattern, as written in the rule file (word lists spelt out)
    anchor: str | None = None  # the sentence's block (see Block.anchor); not in the JSON
    terms: tuple[TermUse, ...] = ()  # defined terms the match was read through (in the JSON when any)
    element: str | None = None  # the aspect this sentence is the evidence of (Art. 28(3)'s points; in the JSON when set)
    ocr: bool = False  # its block was read by OCR (in the JSON when true)

    def as_json(self) -> dict[str, Any]:
        out = {"text": self.text, "page": self.page, "section": self.section,
               "heading": self.heading, "rule": self.rule, "matched": self.matched,
               "pattern": self.pattern}
        if self.terms:
            out["terms"] = [t.as_json() for t in self.terms]
        if self.element:
            out["element"] = self.element
        if self.ocr:
            out["ocr"] = True
        return out


@dataclass(slots=True)
class Match:
    rule_id: str
    requirement: str  # the ID of the requirement or flag the rule serves
    signal: str
    clause: Clause
    sentence: Sentence
    matched: str  # the words the pattern matched
    pattern: str  # the pattern that matched, as written in the rule file (word lists spelt out)
    values: dict[str, Any] = field(default_factory=dict)
    terms: tuple[TermUse, ...] = ()  # defined terms the match was read through ("Occurrence" as an incident)

    def evidence(self) -> Evidence:
        return Evidence(text=self.sentence.text, page=self.sentence.page,
                        section=self.sentence.section, heading=self.clause.heading,
                        rule=self.rule_id, matched=self.matched, pattern=self.pattern,
                        anchor=self.sentence.anchor, terms=self.terms)


@dataclass(slots=True)
class Finding:
    id: str
    theme: int
    title: str
    status: Status
    values: dict[str, Any]
    evidence: list[Evidence]
    message: str
    suggestion: str
    rules: list[str] = field(default_factory=list)
    required: bool = True  # False: the policy does not ask for it here; reported, but no gap
    fallback: str = ""  # the fallback position beside the suggestion (the preferred one), when the rule has one

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "theme": self.theme, "title": self.title, "status": self.status,
                "values": self.values, "evidence": [e.as_json() for e in self.evidence],
                "message": self.message, "suggestion": self.suggestion, "fallback": self.fallback,
                "rules": self.rules, "required": self.required}


def revision_json(rev: Revision) -> dict[str, Any]:
    return {"kind": rev.kind, "author": rev.author, "date": rev.date.isoformat() if rev.date else None,
            "text": rev.text, "section": rev.section, "page": rev.page}


@dataclass(slots=True)
class Refusal:
    """One change that refuses a security clause (the flag ``requirements.REFUSAL``): a requirement
    the changes weaken (met to weak or missing, weak to missing), or an inserted clause that
    expressly excludes one (a DPA, the liability limitation, breach notification …)."""

    kind: Literal["weakened", "excluded"]
    topic: str  # the requirement's ID for "weakened"; what is excluded for "excluded" (dpa, liability …)
    requirement: str | None  # the requirement concerned, when the catalogue checks one
    before: str  # the text before the changes ("" for a clause inserted whole)
    after: str  # the text after them ("" for a clause deleted whole)
    status_before: Status | None = None
    status_after: Status | None = None
    section: str | None = None
    heading: str | None = None
    page: int | None = None
    anchor: str | None = None
    revisions: tuple[Revision, ...] = ()  # the tracked changes behind it (none when two versions are compared)

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "topic": self.topic, "requirement": self.requirement,
                "status_before": self.status_before, "status_after": self.status_after,
                "before": self.before, "after": self.after, "section": self.section, "heading": self.heading,
                "page": self.page, "revisions": [revision_json(r) for r in self.revisions]}


@dataclass(slots=True)
class FlagFinding:
    id: str
    title: str
    evidence: list[Evidence]
    message: str = ""
    rules: list[str] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)  # the refusal flag: the changes that raised it

    def as_json(self) -> dict[str, Any]:
        out = {"id": self.id, "title": self.title,
               "evidence": [e.as_json() for e in self.evidence],
               "message": self.message, "rules": self.rules}
        if self.refusals:
            out["changes"] = [r.as_json() for r in self.refusals]
        return out


@dataclass(slots=True)
class RequirementChange:
    """A requirement whose status or values the changes move: its finding before them (the finding
    after them is the result's own), and the tracked changes that touch its evidence."""

    id: str
    before: Finding
    revisions: tuple[Revision, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"status": self.before.status, "values": self.before.values,
                "evidence": [e.as_json() for e in self.before.evidence], "message": self.before.message,
                "revisions": [revision_json(r) for r in self.revisions]}


@dataclass(slots=True)
class Markup:
    """What a markup (or a returned version) does: its tracked changes, the requirements whose
    status or values it moves, and the refusals of security clauses among them (they raise the flag
    ``requirements.REFUSAL``)."""

    revisions: tuple[Revision, ...]
    changes: list[RequirementChange]
    refusals: list[Refusal]

    def authors(self) -> list[str]:
        return list(dict.fromkeys(r.author for r in self.revisions if r.author))


@dataclass(slots=True)
class CheckResult:
    """A check of one document: the document as read, what the check found about it (its language,
    the clauses matched in each language, its parties, warnings), and the findings, worded in
    ``report_language``."""

    document: Document
    requirements: list[Finding]
    flags: list[FlagFinding]
    report_language: str = "en"
    language: str = "en"
    section_languages: dict[str, int] = field(default_factory=dict)  # clauses matched in each language
    parties: list[Party] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the reader's, then the check's
    markup: Markup | None = None  # a DOCX with tracked changes: what they change (checked on both sides)

    def as_json(self) -> dict[str, Any]:
        doc = self.document
        out = {
            "schema": "ddcontract/check/v1",
            "document": {"path": doc.path, "language": self.language, "pages": doc.pages,
                         "format": doc.format, "warnings": self.warnings,
                         "section_languages": self.section_languages,
                         "parties": [p.as_json() for p in self.parties]},
            "report_language": self.report_language,
            "requirements": [f.as_json() for f in self.requirements],
            "flags": [f.as_json() for f in self.flags],
        }
        if doc.ocr is not None:
            out["document"]["ocr"] = doc.ocr.as_json()
        if self.markup is not None:
            out["document"]["revisions"] = {"count": len(self.markup.revisions), "authors": self.markup.authors()}
            changed = {c.id: c for c in self.markup.changes}
            for req in out["requirements"]:
                if req["id"] in changed:
                    req["before"] = changed[req["id"]].as_json()
        return out
