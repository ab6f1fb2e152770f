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
    "en": {"label.no_flags": "none raised (WF-2 and WF-3 were checked)",
           "label.flags_unchecked": "WF-1 (the customer refuses security clauses) is not checked: it shows in what "
                                    "the customer strikes out or rewrites in a draft, so it needs two versions "
                                    "compared, which ddcontract does not do yet."},
    "da": {"label.no_flags": "ingen (WF-2 og WF-3 er kontrolleret)",
           "label.flags_unchecked": "WF-1 (kunden afviser sikkerhedsklausuler) kontrolleres ikke: det ses af, hvad "
                                    "kunden stryger eller omskriver i et udkast, så det kræver, at to versioner "
                                    "sammenlignes, og det gør ddcontract endnu ikke."},
}

FAMILY = Family("flags", None, flags=FLAGS, texts=TEXTS)
