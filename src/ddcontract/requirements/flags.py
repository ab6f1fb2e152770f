"""The warning flags: raised when one of their rules matches (WF-1 needs a markup comparison)."""

from __future__ import annotations

from .base import Family, Flag

FLAGS = (
    Flag("WF-1", {"en": "The customer refuses security clauses", "da": "Kunden afviser sikkerhedsklausuler"}),
    Flag("WF-2", {"en": "Exceptions from basic security practices",
                  "da": "Undtagelser fra grundlæggende sikkerhedspraksis"}),
    Flag("WF-3", {"en": "Deep system access without oversight", "da": "Dyb systemadgang uden tilsyn"}),
)

TEXTS = {
    "en": {"label.no_flags": "none raised (WF-2, WF-3 checked; WF-1 needs a markup comparison)"},
    "da": {"label.no_flags": "ingen (WF-2 og WF-3 er kontrolleret; WF-1 kræver en sammenligning af ændringer)"},
}

FAMILY = Family("flags", None, flags=FLAGS, texts=TEXTS)
