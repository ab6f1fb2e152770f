"""What a requirement is, as one unit: its ID and theme, its titles, the values it reports, its
columns in the scan summary, its rank in the gap report, its policy settings, its decision and
the cases that test the decision.

A family module (``protections.py``, ``insurance.py``, ``notification.py``, ``flags.py``) declares a
:class:`Family`: its theme, its requirements (or flags) and the texts they say, in every language.
The registry (:mod:`ddcontract.requirements.registry`) gathers the families; the evaluator, the
JSON, the console, the gap report, the scan summary and the policy all read it from there.

A decision is typed (:class:`Decision`) and says no words of its own: its messages are
:class:`~ddcontract.i18n.Note` objects, worded in the report's language afterwards
(:mod:`ddcontract.wording`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..i18n import Note
from ..model import Match, Status

if TYPE_CHECKING:
    from ..policy import Policy

Decider = Callable[["Requirement", list[Match], "Policy"], "Decision"]


@dataclass(frozen=True, slots=True)
class Theme:
    number: int
    titles: Mapping[str, str]  # language -> title

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or self.titles["en"]


@dataclass(frozen=True, slots=True)
class Decision:
    """A requirement's status and why, before any words.

    ``evidence``: the matches it rests on, the deciding one first (for a missing status, what was
    found that does not count, shown only with ``evidence_when_missing``). ``values``: the values
    it found (the requirement's defaults fill in the rest). ``notes``: what the decision adds to the
    deciding rule's message, joined without spaces (a note that follows starts with its own).
    ``lead``: whether the deciding rule's own message comes first. ``required``: False when the
    policy does not ask for the requirement in this contract (a Theme 5 requirement it leaves out, a
    DPA where the contract shows no personal data): it is still reported, but it is no gap — not
    among the most serious gaps, no clause is proposed for it, and ``--fail-on`` ignores it."""

    status: Status
    evidence: list[Match] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    notes: tuple[Note, ...] = ()
    lead: bool = True
    evidence_when_missing: bool = False
    required: bool = True


MISSING = Decision("missing")


@dataclass(frozen=True, slots=True)
class Setting:
    """One key of ``policy.yaml``, owned by the requirement it sets a threshold for.

    ``annotation`` and ``default`` make the pydantic field (``default`` may be a ``Field(...)``
    with constraints). ``line`` says the setting in the gap report's policy list; a ``drafting``
    setting is about the clauses ddcontract proposes, not a threshold, and is listed after them."""

    name: str
    annotation: Any
    default: Any
    help: str
    line: Callable[[Policy], Note] | None = None
    drafting: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """A match as a decision case gives it: the signal, the values, the section it is in, and which
    sentence (two hits with the same ``sentence`` number are in one sentence; by default each hit
    has its own)."""

    signal: str = "present"
    values: Mapping[str, Any] = field(default_factory=dict)
    sentence: int | None = None
    section: str | None = "1"


@dataclass(frozen=True, slots=True)
class Case:
    """A decision test: these hits (and policy settings) in, this status, these values and these
    words out (``message``: the decision's notes in English, "" for none; ``message_da`` likewise
    in Danish when given; ``evidence``: how many hits the decision rests on, when given)."""

    name: str
    hits: tuple[Hit, ...]
    status: Status
    values: Mapping[str, Any] = field(default_factory=dict)
    message: str = ""
    message_da: str | None = None
    policy: Mapping[str, Any] = field(default_factory=dict)
    evidence: int | None = None


def decide_present(req: Requirement, matches: list[Match], policy: Policy) -> Decision:
    """Met when any rule matched; the values are the first stated value of each key."""
    if not matches:
        return MISSING
    values: dict[str, Any] = {}
    for m in matches:
        for key, val in m.values.items():
            if key not in values and val is not None:
                values[key] = val
    return Decision("met", matches, values)


@dataclass(frozen=True, slots=True)
class Requirement:
    """One contract requirement of ../shared/REQUIREMENTS.md.

    ``signals``: what a rule's match may tell it (the first is its main signal); ``aspects``: for a
    requirement met when every aspect is covered; ``values``: the keys it reports under the v1 JSON
    schema with their defaults; ``summary``: the value keys shown as columns of the scan summary;
    ``priority``: its rank among the gaps a reader needs first (lower first); ``placeholders``:
    the ``{fields}`` of suggested clause text it fills from the policy; ``evidence_per_aspect``: its
    decision gives one match per aspect found, in the order of its list value, and each is quoted
    as the evidence of that aspect (``Evidence.element``)."""

    id: str
    theme: int
    titles: Mapping[str, str]
    priority: int
    decide: Decider = decide_present
    signals: tuple[str, ...] = ("present",)
    aspects: tuple[str, ...] = ()
    values: Mapping[str, Any] = field(default_factory=dict)
    summary: tuple[str, ...] = ()
    settings: tuple[Setting, ...] = ()
    placeholders: Mapping[str, Callable[[Policy], Any]] = field(default_factory=dict)
    cases: tuple[Case, ...] = ()
    evidence_per_aspect: bool = False

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or self.titles["en"]

    def default_values(self) -> dict[str, Any]:
        return {k: (list(v) if isinstance(v, list) else v) for k, v in self.values.items()}

    def list_key(self) -> str | None:
        """The value key that lists what was found (aspects, channels), if the requirement has one."""
        return next((k for k, v in self.values.items() if isinstance(v, list)), None)


@dataclass(frozen=True, slots=True)
class Flag:
    """A warning flag: raised when one of its rules matches."""

    id: str
    titles: Mapping[str, str]

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or self.titles["en"]


@dataclass(frozen=True, slots=True)
class Family:
    """A family module's declarations: its theme (None for the flags), its requirements or flags,
    and every text they say, per language."""

    name: str
    theme: Theme | None
    requirements: tuple[Requirement, ...] = ()
    flags: tuple[Flag, ...] = ()
    texts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
