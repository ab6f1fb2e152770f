"""``compare``: our version of a contract and the customer's returned version, without tracked
changes, in any mix of formats (PDF, DOCX, TXT, MD) and languages.

Each version is read and checked on its own; their clauses (:func:`ddcontract.segment.clauses_of`)
are aligned (:func:`align`): first the clauses whose text is the same (wherever they stand, so a
renumbered or moved clause is no change), then the same section number with similar text, then the
most similar text left (difflib), the rest deleted (ours only) or inserted (theirs only). The
changed clauses are the :class:`~ddcontract.markup.Passage` pairs that
:func:`ddcontract.markup.compare_results` takes, as for a tracked-change DOCX, so the refusal flag is decided
the same way as by ``check``. A change touches a requirement when the requirement's evidence stands in it (on
either side) or when it is a refusal's; the others are counted, not listed.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .check import CheckOptions, check_document
from .markup import Passage, compare_results
from .model import STATUS_ORDER, CheckResult, Clause, Document, Finding, Markup
from .rules import Library

SCHEMA = "ddcontract/compare/v1"
SAME_SECTION = 0.5  # the least similarity of a clause kept under its number
SAME_HEADING = 0.3  # … under its number and heading
ELSEWHERE = 0.6  # the least similarity of a clause paired with one at another number
_LEADING_NUMBER = re.compile(r"^\s*(?:§\s*)?\d+(?:\.\d+)*\.?\s+")


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def words(text: str) -> str:
    """A clause's words as compared and shown: whitespace collapsed, a leading clause number and
    table cell separators dropped (a PDF writes the number into the text, a DOCX table row reads
    "a | b")."""
    return " ".join(w for w in _LEADING_NUMBER.sub("", _squeezed(text)).split() if w != "|")


def _key(clause: Clause) -> str:
    return words(clause.text).casefold()


def similarity(a: str, b: str) -> float:
    """How alike two texts are, word by word (0 to 1)."""
    matcher = difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False)
    return matcher.ratio() if matcher.real_quick_ratio() and matcher.quick_ratio() else 0.0


@dataclass(slots=True)
class Change:
    """One changed clause: ``before`` ours, ``after`` theirs (None on a side that lacks it)."""

    before: Clause | None
    after: Clause | None
    requirements: list[str] = field(default_factory=list)  # the requirements it touches
    excludes: list[str] = field(default_factory=list)  # what an exclusion it inserts excludes (dpa, liability …)

    @property
    def kind(self) -> str:
        return "inserted" if self.before is None else "deleted" if self.after is None else "changed"

    def passage(self) -> Passage:
        where = self.after or self.before
        return Passage(self.before.text if self.before else "", self.after.text if self.after else "",
                       where.section, where.heading, where.blocks[0].page if where.blocks else None,
                       where.blocks[0].anchor if where.blocks else None)


@dataclass(slots=True)
class Alignment:
    """The clauses of two versions paired: the same text (``moved`` when it stands at another
    number), and the changes."""

    same: list[tuple[Clause, Clause]]
    moved: list[tuple[Clause, Clause]]
    changes: list[Change]


def units(clauses: list[Clause]) -> list[Clause]:
    """The clauses to align: consecutive clauses with the same number (or none) as one (a PDF may
    split a clause where a DOCX does not: a table's cells, a page break)."""
    out: list[Clause] = []
    for c in clauses:
        last = out[-1] if out else None
        if last is not None and last.section == c.section:
            out[-1] = Clause(last.section, last.heading, last.blocks + c.blocks, f"{last.text}\n{c.text}", [])
        else:
            out.append(c)
    return out


def align(ours: list[Clause], theirs: list[Clause]) -> Alignment:
    """Pair the clauses of our version with theirs: same text first, then the same number with
    similar text, then the most similar text; what is left was deleted or inserted."""
    keys_o, keys_t = [_key(c) for c in ours], [_key(c) for c in theirs]
    pair: dict[int, int] = {}
    free_t = set(range(len(theirs)))
    by_text: dict[str, list[int]] = {}
    for j, k in enumerate(keys_t):
        by_text.setdefault(k, []).append(j)
    for i, k in enumerate(keys_o):  # the same words: prefer the same number, then the first
        cands = [j for j in by_text.get(k, ()) if j in free_t]
        if cands:
            j = next((j for j in cands if theirs[j].section == ours[i].section), cands[0])
            pair[i] = j
            free_t.discard(j)
    for i, c in enumerate(ours):  # the same number, similar words
        if i in pair or not c.section:
            continue
        j = next((j for j in sorted(free_t) if theirs[j].section == c.section), None)
        least = SAME_HEADING if j is not None and theirs[j].heading == c.heading else SAME_SECTION
        if j is not None and similarity(keys_o[i], keys_t[j]) >= least:
            pair[i] = j
            free_t.discard(j)
    scored = sorted(((similarity(keys_o[i], keys_t[j]), i, j) for i in range(len(ours)) if i not in pair
                     for j in free_t), reverse=True)
    for score, i, j in scored:  # the most similar words anywhere
        if score < ELSEWHERE:
            break
        if i not in pair and j in free_t:
            pair[i] = j
            free_t.discard(j)
    return _alignment(ours, theirs, keys_o, keys_t, pair, free_t)


def _alignment(ours, theirs, keys_o, keys_t, pair, free_t) -> Alignment:
    """The pairs sorted out; the changes in the order of their version, a deleted clause after the
    clause of theirs that its predecessor in ours became."""
    same, moved, placed = [], [], []
    at = -1.0
    for i, c in enumerate(ours):
        j = pair.get(i)
        if j is None:
            at += 1e-3
            placed.append((at, Change(c, None)))
            continue
        at = float(j)
        if keys_o[i] != keys_t[j]:
            placed.append((at, Change(c, theirs[j])))
        else:
            (same if c.section == theirs[j].section else moved).append((c, theirs[j]))
    placed.extend((float(j), Change(None, theirs[j])) for j in sorted(free_t))
    placed.sort(key=lambda p: p[0])
    return Alignment(same, moved, [c for _, c in placed])


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """The words of ``before`` and ``after`` as pieces: ("=", words) kept, ("-", words) deleted,
    ("+", words) inserted."""
    a, b = words(before).split(), words(after).split()
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(a[i1:i2])))
        if op in ("delete", "replace"):
            out.append(("-", " ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            out.append(("+", " ".join(b[j1:j2])))
    return out


def diff_text(pieces: list[tuple[str, str]]) -> str:
    """A word diff as plain text: [-deleted-]{+inserted+}."""
    return " ".join(w if op == "=" else f"[-{w}-]" if op == "-" else f"{{+{w}+}}" for op, w in pieces)


@dataclass(slots=True)
class Comparison:
    """Two versions compared: each one's check, the aligned clauses, and what the changes do
    (``markup``: the requirements moved and the refusals; the refusal flag is among ``theirs.flags``)."""

    ours: CheckResult
    theirs: CheckResult
    alignment: Alignment
    markup: Markup

    @property
    def changes(self) -> list[Change]:
        return self.alignment.changes

    def security_changes(self) -> list[Change]:
        return [c for c in self.changes if c.requirements or c.excludes]

    def as_json(self, all_changes: bool = True) -> dict[str, Any]:
        return comparison_json(self, all_changes)


def _evidence_in(finding: Finding, text: str) -> bool:
    said = _squeezed(text)
    return bool(said) and any(_squeezed(e.text) and _squeezed(e.text) in said for e in finding.evidence)


def _touches(change: Change, ours: CheckResult, theirs: CheckResult, markup: Markup) -> list[str]:
    before = change.before.text if change.before else ""
    after = change.after.text if change.after else ""
    ids = [f.id for f in ours.requirements if _evidence_in(f, before)]
    ids += [f.id for f in theirs.requirements if _evidence_in(f, after)]
    for r in markup.refusals:
        if r.kind == "weakened" and (_squeezed(r.before) and _squeezed(r.before) in _squeezed(before)
                              or _squeezed(r.after) and _squeezed(r.after) in _squeezed(after)):
            ids.append(r.requirement)
    return list(dict.fromkeys(ids))


def _excludes(change: Change, markup: Markup) -> list[str]:
    after = _squeezed(change.after.text) if change.after else ""
    return [r.topic for r in markup.refusals if r.kind == "excluded" and after and _squeezed(r.after) == after]


def compare_documents(ours: Document, theirs: Document, library: Library, options: CheckOptions) -> Comparison:
    """Check both versions (ours in the report language of theirs) and compare them."""
    from dataclasses import replace

    from .requirements import FLAGS
    from .segment import clauses_of
    from .wording import word_refusals

    after = check_document(theirs, library, options)
    before = check_document(ours, library, replace(options, report_language=after.report_language))
    alignment = align(units(clauses_of(ours.blocks)), units(clauses_of(theirs.blocks)))
    markup = compare_results(before, after, (), [c.passage() for c in alignment.changes])
    for change in alignment.changes:
        change.requirements = _touches(change, before, after, markup)
        change.excludes = _excludes(change, markup)
    if markup.refusals:
        flags = after.flags + [word_refusals(markup.refusals, after.report_language)]
        order = {f.id: i for i, f in enumerate(FLAGS)}
        after.flags = sorted(flags, key=lambda f: order.get(f.id, len(order)))
    return Comparison(before, after, alignment, markup)


def read_version(path: str | Path, options: CheckOptions) -> Document:
    """One version as read (a DOCX with tracked changes: as they propose it); any failure of a
    library on a malformed file as an InputError."""
    from .errors import DDContractError, InputError, failure
    from .ingest import MAX_PAGES, load_document

    try:
        return load_document(path, pdf_engine=options.pdf_engine, max_pages=options.max_pages or MAX_PAGES,
                             password=options.password)
    except DDContractError:
        raise
    except Exception as exc:  # a library failing on a malformed file: still one line, exit 2
        raise InputError(str(path), failure(exc)[1]) from None


def compare_files(ours: str | Path, theirs: str | Path, library: Library,
                  options: CheckOptions | None = None) -> Comparison:
    options = options or CheckOptions()
    return compare_documents(read_version(ours, options), read_version(theirs, options), library, options)


def compare_paths(ours: str | Path, theirs: str | Path, policy: Path | None = None, language: str | None = None,
                  report_language: str | None = None) -> Comparison:
    """``ddcontract compare``: the two files compared with the bundled rules and the policy file."""
    from .policy import load_policy
    from .rules import load_library

    options = CheckOptions(language=language, report_language=report_language, policy=load_policy(policy))
    return compare_files(ours, theirs, load_library(), options)


def trend(before: str, after: str) -> str:
    """"weakened", "strengthened" or "same" (the status did not move)."""
    if before == after:
        return "same"
    return "weakened" if STATUS_ORDER[after] < STATUS_ORDER[before] else "strengthened"


def _side(result: CheckResult) -> dict[str, Any]:
    doc = result.document
    return {"path": doc.path, "format": doc.format, "pages": doc.pages, "language": result.language,
            "section_languages": result.section_languages, "warnings": result.warnings}


def _change_json(change: Change) -> dict[str, Any]:
    b, a = change.before, change.after
    where = a or b
    return {"kind": change.kind, "section_before": b.section if b else None, "section_after": a.section if a else None,
            "heading": where.heading, "page": where.blocks[0].page if where.blocks else None,
            "before": _squeezed(b.text) if b else "", "after": _squeezed(a.text) if a else "",
            "diff": diff_text(word_diff(b.text if b else "", a.text if a else "")),
            "requirements": change.requirements, "excludes": change.excludes}


def comparison_json(cmp: Comparison, all_changes: bool = True) -> dict[str, Any]:
    was = {f.id: f for f in cmp.ours.requirements}
    reqs = []
    for f in cmp.theirs.requirements:
        then = was[f.id]
        reqs.append({"id": f.id, "theme": f.theme, "title": f.title, "required": f.required,
                     "before": {"status": then.status, "values": then.values},
                     "after": {"status": f.status, "values": f.values},
                     "trend": trend(then.status, f.status), "message": f.message})
    listed = cmp.changes if all_changes else cmp.security_changes()
    return {"schema": SCHEMA, "ours": _side(cmp.ours), "theirs": _side(cmp.theirs),
            "report_language": cmp.theirs.report_language, "requirements": reqs,
            "counts": {"changes": len(cmp.changes), "security": len(cmp.security_changes()),
                       "other": len(cmp.changes) - len(cmp.security_changes()),
                       "moved": len(cmp.alignment.moved), "unchanged": len(cmp.alignment.same)},
            "changes": [_change_json(c) for c in listed],
            "flags": [f.as_json() for f in cmp.theirs.flags]}
