"""Decide: each requirement's status from its matches, against the policy, by the requirement's own
decision (:mod:`ddcontract.requirements`); each flag raised when any of its rules matched.

Statuses follow ../shared/REQUIREMENTS.md. A decision carries the matches it rests on and the
values it found, and says no words yet: :mod:`ddcontract.wording` words it in a language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import Match
from .requirements import FLAGS, REQUIREMENTS, Decision, Flag, Requirement


@dataclass(slots=True)
class Decided:
    """A requirement with its decision; ``values``: the decision's values over the requirement's defaults."""

    requirement: Requirement
    decision: Decision
    values: dict[str, Any]


@dataclass(slots=True)
class Raised:
    """A raised flag with the matches that raised it."""

    flag: Flag
    matches: list[Match]


def by_target(matches: list[Match]) -> dict[str, list[Match]]:
    out: dict[str, list[Match]] = {}
    for m in matches:
        out.setdefault(m.requirement, []).append(m)
    return out


def decide_one(req: Requirement, matches: list[Match], policy: Any) -> Decided:
    decision = req.decide(req, matches, policy)
    return Decided(req, decision, {**req.default_values(), **decision.values})


def decide(matches: list[Match], policy: Any) -> tuple[list[Decided], list[Raised]]:
    """Every requirement decided, in catalogue order, and the flags that are raised."""
    grouped = by_target(matches)
    decided = [decide_one(req, grouped.get(req.id, []), policy) for req in REQUIREMENTS]
    raised = [Raised(flag, grouped[flag.id]) for flag in FLAGS if grouped.get(flag.id)]
    return decided, raised
