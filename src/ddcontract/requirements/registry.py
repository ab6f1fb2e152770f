"""The one place the requirement families are listed. Everything else — the rule schema, the
evaluator, the JSON, the console, the gap report, the scan summary, the policy — reads the
requirements, flags, themes, texts, policy settings and suggestion placeholders from here.

A new requirement goes into its family's module; a new family is one more module and one more
entry in :data:`FAMILIES`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import compliance, flags, insurance, monitoring, notification, protections
from .base import Family, Flag, Requirement, Setting, Theme

FAMILIES: tuple[Family, ...] = (protections.FAMILY, monitoring.FAMILY, insurance.FAMILY, compliance.FAMILY,
                                notification.FAMILY, flags.FAMILY)


def _unique(kind: str, keys: list[str]) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise ValueError(f"the requirement families declare {kind} {key!r} twice")
        seen.add(key)


# the statistical model (matching/statistical.py) is trained on the examples of the requirements the real-contract
# sets label (so its effect on each is measured), each one's positives the others' negatives, and asked only about
# those whose status rests on what a sentence is about: not about a deadline (DD-8.1), a notice's content (DD-8.3)
# or channel (DD-8.4), or a maximum (DD-4.6), which a bag of words cannot check. Measured: on the development sets it
# added only false positives for DD-8.4; for DD-4.6 it cost precision on the CUAD filings (0.950 -> 0.889).
MODEL_TRAINED: tuple[str, ...] = ("DD-4.1", "DD-4.3", "DD-4.4", "DD-4.5", "DD-4.6", "DD-4.7", "DD-6.1", "DD-6.2",
                                  "DD-8.1", "DD-8.3", "DD-8.4")
MODEL_ASKED: tuple[str, ...] = ("DD-4.1", "DD-4.3", "DD-4.4", "DD-4.5", "DD-4.7", "DD-6.1", "DD-6.2")
# of those, the ones whose subject has a closed vocabulary, which the model finds only in a sentence that names it
# (the words per subject are in matching/statistical.py: insurance is not held in a sentence without an insurance word)
MODEL_SUBJECT: dict[str, str] = {"DD-6.1": "insurance", "DD-6.2": "insurance"}

THEMES: tuple[Theme, ...] = tuple(sorted((f.theme for f in FAMILIES if f.theme), key=lambda t: t.number))
REQUIREMENTS: tuple[Requirement, ...] = tuple(r for f in FAMILIES for r in f.requirements)
FLAGS: tuple[Flag, ...] = tuple(x for f in FAMILIES for x in f.flags)
BY_ID: dict[str, Requirement] = {r.id: r for r in REQUIREMENTS}
FLAG_BY_ID: dict[str, Flag] = {x.id: x for x in FLAGS}
THEME_BY_NUMBER: dict[int, Theme] = {t.number: t for t in THEMES}

# the policy's settings, listed as a reader meets them: the thresholds of the requirements that
# matter most first, then the settings for the clauses ddcontract proposes
_BY_PRIORITY = sorted(REQUIREMENTS, key=lambda r: r.priority)
SETTINGS: tuple[Setting, ...] = tuple(
    [s for r in _BY_PRIORITY for s in r.settings if not s.drafting]
    + [s for r in _BY_PRIORITY for s in r.settings if s.drafting])
PLACEHOLDERS: dict[str, Callable[[Any], Any]] = {k: v for r in REQUIREMENTS for k, v in r.placeholders.items()}

_unique("the ID", [r.id for r in REQUIREMENTS] + [x.id for x in FLAGS])
_unique("the theme", [str(t.number) for t in THEMES])
for _id in MODEL_TRAINED:
    if _id not in BY_ID:
        raise ValueError(f"the statistical model names {_id}, which no family declares")
if not set(MODEL_ASKED) <= set(MODEL_TRAINED):
    raise ValueError("the statistical model is asked about a requirement it is not trained on")
if not set(MODEL_SUBJECT) <= set(MODEL_ASKED):
    raise ValueError("the statistical model names a subject for a requirement it is not asked about")
_unique("the policy setting", [s.name for s in SETTINGS])
_unique("the suggestion placeholder", [k for r in REQUIREMENTS for k in r.placeholders])
for _req in REQUIREMENTS:
    if _req.theme not in THEME_BY_NUMBER:
        raise ValueError(f"{_req.id}: theme {_req.theme} is not declared by any family")


def family_texts(lang: str) -> dict[str, str]:
    """Every family's texts in ``lang``; two families may share a key only with the same text."""
    out: dict[str, str] = {}
    for family in FAMILIES:
        for key, text in family.texts.get(lang, {}).items():
            if out.get(key, text) != text:
                raise ValueError(f"the text {key!r} ({lang}) differs between requirement families")
            out[key] = text
    return out
