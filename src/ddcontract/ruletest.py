"""Run every rule's example sentences, like ``semgrep --test``: a positive example must fire the
rule (with the expected values), a negative example must not."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .model import Block, Match
from .rules import Library, Rule


@dataclass(frozen=True)
class ExampleCase:
    rule: Rule
    lang: str
    kind: str  # "positive" | "negative"
    index: int
    text: str
    expected: dict[str, Any]

    @property
    def name(self) -> str:
        return f"{self.rule.target}:{self.rule.id}:{self.lang}:{self.kind}{self.index + 1}"


@dataclass(frozen=True)
class CaseResult:
    case: ExampleCase
    ok: bool
    problem: str = ""


def iter_cases(library: Library, target: str | None = None) -> Iterator[ExampleCase]:
    for rule in library.rules:
        if target and target not in (rule.target, rule.id):
            continue
        for lang, block in rule.model.languages.items():
            for i, ex in enumerate(block.examples.positive):
                yield ExampleCase(rule, lang, "positive", i, ex.text, dict(ex.values))
            for i, text in enumerate(block.examples.negative):
                yield ExampleCase(rule, lang, "negative", i, text, {})


def matches_for(text: str, library: Library, lang: str) -> list[Match]:
    from .ingest.sections import assign_sections
    from .matching.match import match_clauses
    from .segment import clauses_of

    blocks = list(assign_sections([Block(text=part) for part in text.split("\n") if part.strip()]))
    return match_clauses(clauses_of(blocks), library, lang)


def run_case(case: ExampleCase, library: Library) -> CaseResult:
    hits = [m for m in matches_for(case.text, library, case.lang) if m.rule_id == case.rule.id]
    if case.kind == "negative":
        if hits:
            return CaseResult(case, False, f"fired on a negative example (matched {hits[0].matched!r})")
        return CaseResult(case, True)
    if not hits:
        return CaseResult(case, False, "did not fire on a positive example")
    problems = []
    for key, want in case.expected.items():
        got = _merged(hits, key)
        if not _same(got, want):
            problems.append(f"{key}: expected {want!r}, got {got!r}")
    return CaseResult(case, not problems, "; ".join(problems))


def _merged(hits: list[Match], key: str) -> Any:
    values = [h.values.get(key) for h in hits if h.values.get(key) is not None]
    if not values:
        return None
    if isinstance(values[0], list):
        out: list[Any] = []
        for v in values:
            out.extend(x for x in v if x not in out)
        return out
    return values[0]


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, list) and isinstance(got, list):
        return sorted(map(str, got)) == sorted(map(str, want))
    if isinstance(want, (int, float)) and isinstance(got, (int, float)) and not isinstance(want, bool):
        return abs(float(got) - float(want)) < 1e-9
    return got == want


def failures(cases: list[ExampleCase], library: Library) -> list[str]:
    """``rules test``: a line for each example that fails ("FAIL name: problem" and the sentence)."""
    out = []
    for case in cases:
        res = run_case(case, library)
        if not res.ok:
            out.append(f"FAIL {case.name}: {res.problem}\n     {case.text}")
    return out


def listing(library: Library) -> str:
    """``rules list``: a line per rule: the requirement or flag, ID, signal, languages, file."""
    from pathlib import Path

    width = max(len(r.id) for r in library.rules)
    return "\n".join(f"{r.target:<7} {r.id:<{width}}  {r.model.signal:<15} {','.join(sorted(r.model.languages)):<6} "
                     f"{Path(r.file).name}" for r in sorted(library.rules, key=lambda r: (r.target, r.id)))
