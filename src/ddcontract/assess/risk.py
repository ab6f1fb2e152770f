"""The risk profile as data (``questionnaire/risk_profile.yaml``, or a company's own file): rules
that raise a customer's risk level from the answers, and :func:`evaluate`, which applies them.

A rule has an ID, the ``level`` it raises the customer to, its conditions (``when``: one, or a list
that must all hold) and its ``reason`` in every language. A condition names a question and one
operator — ``equals`` (a choice ID or a number), ``in`` (choice IDs) or ``at_least`` (a number) —
validated against the questionnaire: the question exists, the operator suits its type, every value
is one of its choices or a number. For a multiple-choice question a condition holds when any of the
choices answered satisfies it.

The level is the profile's ``default`` raised by every rule that fires; each rule that fired is a
:class:`Reason` with the answers it rests on. An unknown answer never raises or lowers the level: a
condition on it does not hold, and a rule that only unknown answers keep from firing is listed as
:class:`Undecided` with the questions to ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from . import LEVELS, data_dir
from .answers import Answer, Answers
from .questions import (DataFileError, Questionnaire, Texts, load_questionnaire, load_rules_file, no_id_twice,
                        only_known)

class RiskProfileError(DataFileError):
    """A risk profile file is invalid."""

    code = "RiskProfileError"


def _level(v: Any) -> str:
    if v not in LEVELS:
        raise ValueError(f"must be one of {', '.join(LEVELS)}, not {v!r}")
    return v


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)


class Condition(_Model):
    """A question and one operator with its value."""

    question: str
    equals: Any = None
    in_: Optional[list[str]] = Field(None, alias="in", min_length=1)
    at_least: Optional[float] = Field(None, allow_inf_nan=False)

    @field_validator("equals")
    @classmethod
    def _scalar(cls, v: Any) -> Any:
        if v is not None and (isinstance(v, bool) or not isinstance(v, (str, int, float))):
            raise ValueError(f"a choice ID or a number, not {v!r} (for several choices use in: [...])")
        return v

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> Condition:
        given = [op for op, v in (("equals", self.equals), ("in", self.in_), ("at_least", self.at_least))
                 if v is not None]
        if len(given) != 1:
            raise ValueError("give exactly one operator: equals, in or at_least"
                             + (f" (given: {', '.join(given)})" if given else ""))
        questionnaire: Questionnaire | None = (info.context or {}).get("questionnaire")
        question = questionnaire.question(self.question) if questionnaire else None
        if questionnaire is not None and question is None:
            ids = questionnaire.ids
            raise ValueError(f"question {self.question!r} is not in the questionnaire ({ids[0]} … {ids[-1]})")
        if question is not None:
            _suits(question, given[0], self.equals if given[0] == "equals" else self.in_)
        return self

    @property
    def operator(self) -> str:
        return "equals" if self.equals is not None else "in" if self.in_ is not None else "at_least"

    def holds(self, answer: Answer) -> bool | None:
        """Does ``answer`` satisfy the condition? None when it is unknown."""
        if not answer.known:
            return None
        if self.at_least is not None:
            return answer.value >= self.at_least
        if answer.question.options:
            wanted = set(self.in_) if self.in_ is not None else {self.equals}
            return any(c in wanted for c in answer.chosen)
        return answer.value == self.equals


def _suits(question: Any, operator: str, value: Any) -> None:
    """The operator suits the question's type, and its values are the question's choices or a number."""
    if question.type in ("text", "date"):
        raise ValueError(f"{question.id} is a {question.type} question: no condition can be put on it")
    if operator == "at_least" and question.type != "number":
        raise ValueError(f"at_least is for a number question; {question.id} is a {question.type} question")
    if question.type == "number":
        if operator == "in" or isinstance(value, str):
            raise ValueError(f"{question.id} is a number question: use equals or at_least with a number")
        return
    values = value if isinstance(value, list) else [value]
    known = [c.id for c in question.options]
    only_known(values, known, f"choice of {question.id}", ", ".join(known))


class Rule(_Model):
    """One rule of the risk profile."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    level: str
    when: list[Condition] = Field(min_length=1)
    reason: Texts

    _level = field_validator("level")(_level)

    @field_validator("when", mode="before")
    @classmethod
    def _one_or_a_list(cls, v: Any) -> Any:
        return [v] if isinstance(v, dict) else v


class RiskProfile(_Model):
    """The default level and the rules; ``source`` is the file it was read from."""

    default: str = LEVELS[0]
    rules: list[Rule] = Field(min_length=1)
    source: str = ""

    _default = field_validator("default")(_level)

    @model_validator(mode="after")
    def _check(self) -> RiskProfile:
        no_id_twice([r.id for r in self.rules])
        return self

    def evaluate(self, answers: Answers) -> RiskResult:
        return evaluate(self, answers)


@dataclass(frozen=True)
class Reason:
    """A rule that fired: the rule, the level it raises to, and the answers it rests on."""

    rule: Rule
    answers: tuple[Answer, ...]

    @property
    def level(self) -> str:
        return self.rule.level

    def text(self, lang: str) -> str:
        return self.rule.reason[lang]


@dataclass(frozen=True)
class Undecided:
    """A rule that could raise the level above the result's, were its unknown answers known."""

    rule: Rule
    questions: tuple[str, ...]


@dataclass(frozen=True)
class RiskResult:
    """The customer's risk level, the reasons that placed it there (highest level first, then in the
    profile's order), and the rules that unknown answers left undecided."""

    level: str
    default: str
    reasons: tuple[Reason, ...]
    undecided: tuple[Undecided, ...]
    source: str = ""


def evaluate(profile: RiskProfile, answers: Answers) -> RiskResult:
    """Apply ``profile``'s rules to ``answers`` (see the module's docs)."""
    fired: list[Reason] = []
    open_rules: list[Undecided] = []
    for rule in profile.rules:
        results = [(c, c.holds(answers[c.question])) for c in rule.when]
        if all(ok for _, ok in results):
            fired.append(Reason(rule, tuple(answers[c.question] for c in rule.when)))
        elif not any(ok is False for _, ok in results):
            open_rules.append(Undecided(rule, tuple(dict.fromkeys(c.question for c, ok in results if ok is None))))
    rank = LEVELS.index
    level = max([profile.default, *(r.level for r in fired)], key=rank)
    fired.sort(key=lambda r: -rank(r.level))
    undecided = tuple(u for u in open_rules if rank(u.rule.level) > rank(level))
    return RiskResult(level, profile.default, tuple(fired), undecided, profile.source)


def bundled_risk_profile_path() -> Path:
    return data_dir("questionnaire") / "risk_profile.yaml"


def load_risk_profile(path: Path | None = None, questionnaire: Questionnaire | None = None) -> RiskProfile:
    """The risk profile in ``path`` (the bundled one for None), validated against ``questionnaire``
    (the bundled one for None). A :class:`RiskProfileError` lists every problem with its line."""
    target = path or bundled_risk_profile_path()
    profile, root = load_rules_file(target, "risk profile", RiskProfile, RiskProfileError, "'default' and 'rules'",
                                    questionnaire or load_questionnaire())
    low = [(r, i) for i, r in enumerate(profile.rules) if LEVELS.index(r.level) <= LEVELS.index(profile.default)]
    if low:
        from ..yamlfile import line_of

        raise RiskProfileError(str(target), [(line_of(root, ("rules", i, "level")),
                                              f"rules[{i}].level: {r.level} never raises the level above the "
                                              f"default, {profile.default}") for r, i in low])
    return profile
