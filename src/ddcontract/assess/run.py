"""``ddcontract assess run``: the whole procedure for one customer, as one :class:`Assessment`.

    answers ─► findings.evaluate_findings ─► each question ok / concern / unknown, flags from answers
    answers ─► risk.evaluate ─► level; the policy level = the level raised by every rule unknown
               answers leave undecided (unknown answers never loosen the policy)
    contract(s) ─► check.check_file with that level's policy ─► merge (one agreement: the best status
               per requirement, its evidence and the file it came from; the flags of every file)
    all of it ─► decision.recommend ─► proceed / proceed with conditions / escalate, with grounds
               ─► open items, and the review date (decision.yaml's review_months per level)

The console and JSON of the result are :mod:`.runshow`, the DOCX report :mod:`.runreport`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..model import CheckResult, FlagFinding, Finding
from . import LEVELS
from .answers import Answers
from .decision import DecisionRules, Facts, Recommendation, recommend
from .findings import AnswerFindings, FindingRules, evaluate_findings
from .risk import RiskProfile, RiskResult

STATUS_RANK = {"missing": 0, "weak": 1, "met": 2}
ANSWERS_SOURCE = "answers"


@dataclass(frozen=True)
class AgreedFinding:
    """A requirement of the agreement (a contract and its DPA read as one): the best finding among
    the files, and the file it came from."""

    finding: Finding
    file: str
    required: bool
    not_asked: str = ""  # why the answers make it unnecessary (in the assessment's language), or ""


@dataclass(frozen=True)
class RaisedFlag:
    """A flag raised, and by what: ``answers`` or a contract's path."""

    flag: FlagFinding
    source: str


@dataclass(frozen=True)
class OpenItem:
    kind: str   # flag, open-flag, requirement, concern, unknown
    id: str
    text: str


@dataclass
class Assessment:
    answers: Answers
    lang: str
    risk: RiskResult
    policy_level: str
    policy: Any
    findings: AnswerFindings
    contracts: list[CheckResult]
    requirements: list[AgreedFinding]
    flags: list[RaisedFlag]
    recommendation: Recommendation
    review_months: int
    date: dt.date
    open_items: list[OpenItem] = field(default_factory=list)

    @property
    def review_date(self) -> dt.date:
        return add_months(self.date, self.review_months)


def add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def policy_level(risk: RiskResult) -> str:
    """The strictest level the answers leave open: the level, raised by every undecided rule."""
    return max([risk.level, *(u.rule.level for u in risk.undecided)], key=LEVELS.index)


def merge(results: list[CheckResult]) -> list[AgreedFinding]:
    """The requirements of the agreement the files make together: per requirement the best status
    among the files (met over weak over missing; on a tie the earlier file), with that file's
    evidence and values. A requirement is asked for when any file's policy asks for it (a DPA
    showing personal data makes the DPA requirements count for the main contract too)."""
    out = []
    for index, finding in enumerate(results[0].requirements):
        candidates = [(r.requirements[index], r.document.path) for r in results]
        assert all(f.id == finding.id for f, _ in candidates)
        best, path = max(candidates, key=lambda c: STATUS_RANK[c[0].status])  # max keeps the first on a tie
        out.append(AgreedFinding(best, path, any(f.required for f, _ in candidates)))
    return out


def run_assessment(answers: Answers, contracts: list[Path], *, lang: str, profile: RiskProfile,
                   finding_rules: FindingRules, decision: DecisionRules, library: Any,
                   check: Any = None, today: dt.date | None = None) -> Assessment:
    """The assessment of the customer whose ``answers`` are given, with its ``contracts`` (none, one,
    or a contract and its DPA …) checked against the policy of the risk level. ``check`` is the
    function that checks one file (path, library, options) -> CheckResult."""
    from ..check import CheckOptions, check_file
    from ..policy import load_policy

    risk = profile.evaluate(answers)
    level = policy_level(risk)
    policy = load_policy(None, level)
    found = evaluate_findings(finding_rules, answers, lang)
    options = CheckOptions(report_language=lang, policy=policy)
    results = [(check or check_file)(path, library, options) for path in contracts]
    agreed = merge(results) if results else []
    for rule in decision.not_asked:
        if all(c.holds(answers[c.question]) for c in rule.when):
            agreed = [replace(g, required=False, not_asked=rule.reason[lang]) if g.finding.id in rule.requirements
                      else g for g in agreed]
    flags = [RaisedFlag(f, ANSWERS_SOURCE) for f in found.flags]
    for result in results:
        flags += [RaisedFlag(f, result.document.path) for f in result.flags]
    flags.sort(key=lambda r: r.flag.id)
    raised = {r.flag.id for r in flags}  # a flag already raised (by a contract too) is not open
    found.open_flags = [o for o in found.open_flags if o.kind not in raised]
    facts = Facts(flags=sorted({r.flag.id for r in flags}),
                  open_flags=[(o.kind, o.questions) for o in found.open_flags],
                  level=level, undecided_level=level != risk.level,
                  requirements={a.finding.id: a.finding.status for a in agreed if a.required},
                  concerns=[f.question.id for f in found.concerns], unknown=unknown_questions(found),
                  contract=bool(results))
    rec = recommend(decision, facts)
    assessment = Assessment(answers, lang, risk, level, policy, found, results, agreed, flags, rec,
                            decision.review_months[level], answers.date or today or dt.date.today())
    assessment.open_items = open_items(assessment)
    return assessment


def unknown_questions(found: AnswerFindings) -> list[str]:
    """The questions whose finding is unknown: not answered, and no rule makes the blank fine (a
    question about third parties needs no answer when the customer uses none)."""
    return [f.question.id for f in found.questions if f.status == "unknown"]


def open_items(a: Assessment) -> list[OpenItem]:
    """What is still open, most serious first: the flags raised, the flags unknown answers leave open,
    the weak or missing requirements the policy asks for, the concerns, the unknown answers."""
    from .texts import t

    lang = a.lang
    items = [OpenItem("flag", r.flag.id, f"{r.flag.title} ({t(lang, 'run.source_answers') if r.source == ANSWERS_SOURCE else Path(r.source).name})")
             for r in a.flags]
    for o in a.findings.open_flags:
        items.append(OpenItem("open-flag", o.kind, t(lang, "run.open_flag", reason=o.reason[lang],
                                                     questions=", ".join(o.questions))))
    for g in sorted((x for x in a.requirements if x.required and x.finding.status != "met"),
                    key=lambda x: (x.finding.status != "missing", x.finding.id)):
        items.append(OpenItem("requirement", g.finding.id,
                              f"{g.finding.title} ({t(lang, 'status.' + g.finding.status)})"))
    for f in a.findings.concerns:
        items += [OpenItem("concern", f.question.id, b.reason[lang]) for b in f.because]
    for qid in unknown_questions(a.findings):
        items.append(OpenItem("unknown", qid, a.answers[qid].question.text[lang]))
    return items


def condition_texts(a: Assessment) -> list[OpenItem]:
    """The conditions of a "proceed with conditions": each item of its conditions rules as a thing to
    do (agree a clause, address a concern, get an answer)."""
    from .texts import t

    out: list[OpenItem] = []
    for item in a.recommendation.condition_items:
        for kind in ("requirement", "concern", "unknown", "open-flag", "flag"):
            hit = [i for i in a.open_items if i.id == item and i.kind == kind]
            if hit:
                for i in hit:
                    done = OpenItem(i.kind, i.id, t(a.lang, f"run.do.{i.kind}", text=i.text))
                    if done not in out:
                        out.append(done)
                break
    for g in a.recommendation.grounds:  # rules without items (the level, no contract) say themselves
        if g.outcome == "conditions" and not g.items:
            out.append(OpenItem("rule", g.rule, g.reason[a.lang]))
    return out
