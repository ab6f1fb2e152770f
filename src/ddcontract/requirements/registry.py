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
