"""Findings from the answers (``questionnaire/findings.yaml``, or a company's own file): each question
``ok``, ``concern`` or ``unknown`` with its reasons, and the warning flags the answers raise.

A finding rule names the question it judges, its ``status`` (``concern`` or ``ok``), its conditions
(``when``: the conditions of the risk profile, :class:`.risk.Condition`, validated against the
questionnaire) and its reason per language. A flag rule names the flag (one of the IDs
of :data:`ddcontract.requirements.FLAGS`) instead of a question.

A question is ``concern`` when a concern rule on it holds; otherwise ``ok`` when an ok rule holds or
it is answered; otherwise ``unknown``. An unknown answer makes no condition hold; a rule that only
unknown answers keep from holding is *open* (:class:`OpenRule`): a concern or a flag that asking
could bring. The flags raised are :class:`~ddcontract.model.FlagFinding` s, the shape of the
contract's flags: the evidence of each is the answers the rule rests on (``section`` the question's
ID, ``heading`` its text, ``text`` the answer, ``rule`` the rule's ID).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from ..model import Evidence, FlagFinding
from . import data_dir
from .answers import Answer, Answers
from .questions import DataFileError, Questionnaire, Texts, load_questionnaire, load_rules_file, no_id_twice
from .risk import Condition



def _flag_id(v: str) -> str:
    from ..requirements import FLAG_BY_ID

    if v not in FLAG_BY_ID:
        raise ValueError(f"{v!r} is not a warning flag ({', '.join(FLAG_BY_ID)})")
    return v


class FindingsError(DataFileError):
    """A findings file is invalid."""

    code = "FindingsError"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)


def _one_or_a_list(v: Any) -> Any:
    return [v] if isinstance(v, dict) else v


class FindingRule(_Model):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    question: str
    status: Literal["ok", "concern"]
    when: list[Condition] = Field(min_length=1)
    reason: Texts

    _when = field_validator("when", mode="before")(_one_or_a_list)

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> FindingRule:
        questionnaire: Questionnaire | None = (info.context or {}).get("questionnaire")
        if questionnaire is not None and questionnaire.question(self.question) is None:
            ids = questionnaire.ids
            raise ValueError(f"question {self.question!r} is not in the questionnaire ({ids[0]} … {ids[-1]})")
        return self


class FlagRule(_Model):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    flag: str
    when: list[Condition] = Field(min_length=1)
    reason: Texts

    _when = field_validator("when", mode="before")(_one_or_a_list)
    _flag = field_validator("flag")(_flag_id)


class FindingRules(_Model):
    findings: list[FindingRule] = Field(default_factory=list)
    flags: list[FlagRule] = Field(default_factory=list)
    source: str = ""

    @model_validator(mode="after")
    def _check(self) -> FindingRules:
        no_id_twice([r.id for r in self.findings], "finding rule")
        no_id_twice([r.id for r in self.flags], "flag rule")
        return self


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Because:
    """A rule that holds: its ID and its reason per language."""

    rule: str
    reason: dict[str, str]


@dataclass(frozen=True)
class QuestionFinding:
    """One question's finding: its answer, ``status`` (ok, concern, unknown) and the rules behind it."""

    answer: Answer
    status: str
    because: tuple[Because, ...] = ()

    @property
    def question(self):
        return self.answer.question


@dataclass(frozen=True)
class OpenRule:
    """A rule that unknown answers keep from deciding: what it would find, and the questions to ask."""

    rule: str
    kind: str  # "concern" or a flag ID
    reason: dict[str, str]
    questions: tuple[str, ...]


@dataclass
class AnswerFindings:
    questions: list[QuestionFinding]
    flags: list[FlagFinding]
    open_concerns: list[OpenRule] = field(default_factory=list)
    open_flags: list[OpenRule] = field(default_factory=list)

    def by_id(self, qid: str) -> QuestionFinding:
        return next(f for f in self.questions if f.question.id == qid)

    @property
    def concerns(self) -> list[QuestionFinding]:
        return [f for f in self.questions if f.status == "concern"]


def _holds(when: list[Condition], answers: Answers) -> bool | None:
    """True when every condition holds, False when one does not, None when only unknowns keep it open."""
    results = [c.holds(answers[c.question]) for c in when]
    if all(r is True for r in results):
        return True
    return False if any(r is False for r in results) else None


def _unknown_questions(when: list[Condition], answers: Answers) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.question for c in when if not answers[c.question].known))


def evaluate_findings(rules: FindingRules, answers: Answers, lang: str) -> AnswerFindings:
    """Every question's finding, and the flags the answers raise (worded in ``lang``)."""
    from ..requirements import FLAG_BY_ID

    found: list[QuestionFinding] = []
    open_concerns: list[OpenRule] = []
    for qid, answer in answers.answers.items():
        holding = {"ok": [], "concern": []}
        for rule in (r for r in rules.findings if r.question == qid):
            held = _holds(rule.when, answers)
            if held:
                holding[rule.status].append(Because(rule.id, dict(rule.reason)))
            elif held is None and rule.status == "concern":
                open_concerns.append(OpenRule(rule.id, "concern", dict(rule.reason),
                                              _unknown_questions(rule.when, answers)))
        if holding["concern"]:
            found.append(QuestionFinding(answer, "concern", tuple(holding["concern"])))
        elif holding["ok"]:
            found.append(QuestionFinding(answer, "ok", tuple(holding["ok"])))
        else:
            found.append(QuestionFinding(answer, "ok" if answer.known else "unknown"))
    flags: dict[str, FlagFinding] = {}
    open_flags: list[OpenRule] = []
    for rule in rules.flags:
        held = _holds(rule.when, answers)
        if held is None:
            open_flags.append(OpenRule(rule.id, rule.flag, dict(rule.reason), _unknown_questions(rule.when, answers)))
            continue
        if not held:
            continue
        flag = flags.get(rule.flag)
        if flag is None:
            flag = flags[rule.flag] = FlagFinding(rule.flag, FLAG_BY_ID[rule.flag].title(lang), [], "")
        flag.rules.append(rule.id)
        flag.message = " ".join(filter(None, [flag.message, rule.reason[lang]]))
        for c in rule.when:
            a = answers[c.question]
            if not any(e.section == a.question.id for e in flag.evidence):
                said = a.words(lang) + (f" – {a.note}" if a.note else "")  # the note says why, often
                flag.evidence.append(Evidence(text=said, page=None, section=a.question.id,
                                              heading=a.question.text[lang], rule=rule.id))
    raised = [flags[f] for f in FLAG_BY_ID if f in flags]
    open_flags = [o for o in open_flags if o.kind not in flags]
    return AnswerFindings(found, raised, open_concerns, open_flags)


# --------------------------------------------------------------------------- loading


def bundled_findings_path() -> Path:
    return data_dir("questionnaire") / "findings.yaml"


def load_findings(path: Path | None = None, questionnaire: Questionnaire | None = None) -> FindingRules:
    """The finding rules in ``path`` (the bundled ones for None), validated against ``questionnaire``.
    A :class:`FindingsError` lists every problem with its line."""
    target = path or bundled_findings_path()
    return load_rules_file(target, "findings file", FindingRules, FindingsError, "'findings' and 'flags'",
                           questionnaire or load_questionnaire())[0]
