"""The recommendation of an assessment and when to review the customer again, as data
(``questionnaire/decision.yaml``, or a company's own file; the file's comments document its facts).

:func:`recommend` applies the rules to :class:`Facts` (what the answers, the risk profile and the
contract check found): the outcome is the most serious of the rules that hold — ``escalate``, then
``conditions`` (proceed with conditions) — and ``proceed`` when none holds. Each rule that holds is a
:class:`Ground` with the items it rests on (flags, requirements, questions), and the conditions of a
``proceed with conditions`` are the items of its ``conditions`` rules.

Unknown answers never make the outcome better: they never satisfy a rule's fact in the customer's
favour (every fact is "something is wrong or unknown"), the contract is checked against the
strictest level they leave open, and rules on unknown answers, open flags and an undecided level
add conditions (see the data file).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from . import LEVELS, data_dir
from .questions import (DataFileError, Questionnaire, Texts, load_questionnaire, load_rules_file, no_id_twice,
                        only_known)
from .risk import Condition

OUTCOMES = ("proceed", "conditions", "escalate")  # least serious first
STATUSES = ("met", "weak", "missing")


class DecisionError(DataFileError):
    """A decision file is invalid."""

    code = "DecisionError"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class RequirementsFact(_Model):
    status: list[Literal["weak", "missing"]] = Field(min_length=1)
    in_: Optional[list[str]] = Field(None, alias="in", min_length=1)

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)

    @field_validator("in_")
    @classmethod
    def _known(cls, v: Optional[list[str]]) -> Optional[list[str]]:
        from ..requirements import BY_ID

        only_known(v, BY_ID, "requirement ID", f"{next(iter(BY_ID))} …")
        return v


class UnknownFact(_Model):
    at_least: int = Field(ge=1)


class When(_Model):
    flags: Optional[list[str]] = Field(None, min_length=1)
    open_flags: Optional[Literal[True]] = None
    level: Optional[list[str]] = Field(None, min_length=1)
    undecided_level: Optional[Literal[True]] = None
    requirements: Optional[RequirementsFact] = None
    concerns: Union[Literal[True], list[str], None] = None
    unknown: Optional[UnknownFact] = None
    no_contract: Optional[Literal[True]] = None

    @model_validator(mode="before")
    @classmethod
    def _true(cls, v: Any) -> Any:  # the plain YAML reader keeps `true` as text
        if isinstance(v, dict):
            return {k: True if x in ("true", "True", "yes") else x for k, x in v.items()}
        return v

    @field_validator("flags")
    @classmethod
    def _flags(cls, v: Optional[list[str]]) -> Optional[list[str]]:
        from ..requirements import FLAG_BY_ID

        only_known(v, FLAG_BY_ID, "warning flag", ", ".join(FLAG_BY_ID))
        return v

    @field_validator("level")
    @classmethod
    def _levels(cls, v: Optional[list[str]]) -> Optional[list[str]]:
        only_known(v, LEVELS, "risk level", ", ".join(LEVELS))
        return v

    @field_validator("concerns")
    @classmethod
    def _questions(cls, v: Any) -> Any:
        import re

        if isinstance(v, list):
            bad = [x for x in v if not re.fullmatch(r"Q-[0-9]+\.[0-9]+", x)]
            if bad or not v:
                raise ValueError("true, or a list of question IDs")
        return v

    @model_validator(mode="after")
    def _something(self) -> When:
        if not self.model_fields_set:
            raise ValueError("name at least one fact (flags, open_flags, level, undecided_level, requirements, "
                             "concerns, unknown, no_contract)")
        return self


class DecisionRule(_Model):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    outcome: Literal["escalate", "conditions"]
    when: When
    reason: Texts


class NotAsked(_Model):
    requirements: list[str] = Field(min_length=1)
    when: list[Condition] = Field(min_length=1)
    reason: Texts

    @field_validator("when", mode="before")
    @classmethod
    def _one_or_a_list(cls, v: Any) -> Any:
        return [v] if isinstance(v, dict) else v

    @field_validator("requirements")
    @classmethod
    def _known(cls, v: list[str]) -> list[str]:
        from ..requirements import BY_ID

        only_known(v, BY_ID, "requirement ID", f"{next(iter(BY_ID))} …")
        return v


class DecisionRules(_Model):
    recommendation: list[DecisionRule] = Field(min_length=1)
    not_asked: list[NotAsked] = Field(default_factory=list)
    review_months: dict[str, int]
    source: str = ""

    @model_validator(mode="after")
    def _check(self) -> DecisionRules:
        no_id_twice([r.id for r in self.recommendation])
        return self

    @field_validator("review_months")
    @classmethod
    def _months(cls, v: dict[str, int]) -> dict[str, int]:
        if sorted(v) != sorted(LEVELS):
            raise ValueError(f"give the months for each level ({', '.join(LEVELS)})")
        if any(not 1 <= m <= 120 for m in v.values()):
            raise ValueError("from 1 to 120 months")
        return v


# --------------------------------------------------------------------------- deciding


@dataclass
class Facts:
    """What the recommendation is decided on: IDs only, so the rules stay independent of wording."""

    flags: list[str]                          # flags raised (answers or contracts)
    open_flags: list[tuple[str, tuple[str, ...]]]  # (flag, questions to ask) left open by unknown answers
    level: str                                # the level the contract was checked against
    undecided_level: bool                     # unknown answers could raise the level
    requirements: dict[str, str]              # required requirement -> status (empty: no contract)
    concerns: list[str]                       # questions whose answer is a concern
    unknown: list[str]                        # questions not answered
    contract: bool                            # a contract was checked


@dataclass(frozen=True)
class Ground:
    """A rule that holds: its outcome, reason and the items (IDs) it rests on."""

    rule: str
    outcome: str
    reason: dict[str, str]
    items: tuple[str, ...] = ()


@dataclass
class Recommendation:
    outcome: str
    grounds: list[Ground] = field(default_factory=list)

    @property
    def condition_items(self) -> list[str]:
        """The items of the conditions rules, once each, in rule order (what to do to proceed)."""
        out: list[str] = []
        for g in self.grounds:
            if g.outcome == "conditions":
                out += [i for i in g.items if i not in out]
        return out


def _holds(when: When, facts: Facts) -> tuple[bool, tuple[str, ...]]:
    """Whether every fact of ``when`` holds, and the items they rest on."""
    items: list[str] = []
    if when.flags is not None:
        hit = [f for f in when.flags if f in facts.flags]
        if not hit:
            return False, ()
        items += hit
    if when.open_flags:
        if not facts.open_flags:
            return False, ()
        items += [q for _, qs in facts.open_flags for q in qs]
    if when.level is not None and facts.level not in when.level:
        return False, ()
    if when.undecided_level and not facts.undecided_level:
        return False, ()
    if when.requirements is not None:
        wanted = when.requirements
        hit = [r for r, s in facts.requirements.items() if s in wanted.status and (wanted.in_ is None or r in wanted.in_)]
        if not hit:
            return False, ()
        items += hit
    if when.concerns is not None:
        hit = [q for q in facts.concerns if when.concerns is True or q in when.concerns]
        if not hit:
            return False, ()
        items += hit
    if when.unknown is not None:
        if len(facts.unknown) < when.unknown.at_least:
            return False, ()
        items += facts.unknown
    if when.no_contract and facts.contract:
        return False, ()
    return True, tuple(dict.fromkeys(items))


def recommend(rules: DecisionRules, facts: Facts) -> Recommendation:
    grounds = []
    for rule in rules.recommendation:
        ok, items = _holds(rule.when, facts)
        if ok:
            grounds.append(Ground(rule.id, rule.outcome, dict(rule.reason), items))
    outcome = max((g.outcome for g in grounds), key=OUTCOMES.index, default="proceed")
    grounds.sort(key=lambda g: -OUTCOMES.index(g.outcome))
    return Recommendation(outcome, grounds)


# --------------------------------------------------------------------------- loading


def bundled_decision_path() -> Path:
    return data_dir("questionnaire") / "decision.yaml"


def load_decision(path: Path | None = None, questionnaire: Questionnaire | None = None) -> DecisionRules:
    """The decision rules in ``path`` (the bundled ones for None); a :class:`DecisionError` lists
    every problem with its line."""
    target = path or bundled_decision_path()
    return load_rules_file(target, "decision file", DecisionRules, DecisionError,
                           "'recommendation' and 'review_months'", questionnaire or load_questionnaire())[0]
