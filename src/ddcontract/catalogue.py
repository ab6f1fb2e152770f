"""The requirement catalogue (../shared/REQUIREMENTS.md): stable IDs, titles, and the signals
rules may send to each requirement. IDs never change meaning; a new requirement gets a new ID.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Requirement:
    id: str
    theme: int
    title: str
    signals: tuple[str, ...] = ("present",)
    aspects: tuple[str, ...] = ()  # for requirements met when every aspect is covered

    def title_in(self, lang: str) -> str:
        return TITLES_DA.get(self.id, self.title) if lang == "da" else self.title


@dataclass(frozen=True, slots=True)
class Flag:
    id: str
    title: str

    def title_in(self, lang: str) -> str:
        return TITLES_DA.get(self.id, self.title) if lang == "da" else self.title


THEMES = {
    4: "Contractual protections",
    6: "Insurance and financial risk",
    8: "Notification of security breaches",
}

REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement("DD-4.1", 4, "Data ownership"),
    Requirement("DD-4.2", 4, "Obligations when data is compromised"),
    Requirement("DD-4.3", 4, "Data storage, transfer and deletion rules",
                aspects=("storage", "transfer", "deletion")),
    Requirement("DD-4.4", 4, "Acceptable use of the systems and services"),
    Requirement("DD-4.5", 4, "Restrictions on automated access, data mining and redistribution",
                aspects=("automated-access", "data-mining", "redistribution")),
    Requirement("DD-4.6", 4, "Liability limitation with a maximum",
                signals=("cap", "exclusion", "time-limit", "unlimited")),
    Requirement("DD-4.7", 4, "Termination rights on security breaches",
                signals=("security-breach", "material-breach")),
    Requirement("DD-6.1", 6, "Cyber insurance", signals=("insurance",)),
    Requirement("DD-6.2", 6, "Proof of active insurance coverage"),
    Requirement("DD-6.3", 6, "Financial liability for a security breach"),
    Requirement("DD-6.4", 6, "Compensation and cost coverage for loss or damage"),
    Requirement("DD-8.1", 8, "Deadline for notifying a security breach", signals=("deadline",)),
    Requirement("DD-8.2", 8, "Mutual notification duty", signals=("mutual", "one-way")),
    Requirement("DD-8.3", 8, "Content of the notification",
                aspects=("description", "affected", "measures")),
    Requirement("DD-8.4", 8, "Notification channel"),
    Requirement("DD-8.5", 8, "Recipients of the notification"),
)

FLAGS: tuple[Flag, ...] = (
    Flag("WF-1", "The customer refuses security clauses"),
    Flag("WF-2", "Exceptions from basic security practices"),
    Flag("WF-3", "Deep system access without oversight"),
)

# the procedure's own Danish wording (seeds/), for reports in Danish
THEMES_DA = {
    4: "Kontraktuelle beskyttelser",
    6: "Forsikring og finansiel risiko",
    8: "Underretning ved sikkerhedsbrud",
}
TITLES_DA = {
    "DD-4.1": "Ejerskab til data",
    "DD-4.2": "Forpligtelser, hvis data kompromitteres",
    "DD-4.3": "Regler for opbevaring, overførsel og sletning af data",
    "DD-4.4": "Acceptabel brug af systemer og tjenester",
    "DD-4.5": "Begrænsninger for automatiseret adgang, datamining og videredistribution",
    "DD-4.6": "Ansvarsbegrænsning med et maksimum",
    "DD-4.7": "Ret til at opsige eller ophæve ved sikkerhedsbrud",
    "DD-6.1": "Cyberforsikring",
    "DD-6.2": "Dokumentation for aktiv forsikringsdækning",
    "DD-6.3": "Økonomisk ansvar for et sikkerhedsbrud",
    "DD-6.4": "Erstatning og dækning af omkostninger ved tab eller skade",
    "DD-8.1": "Frist for underretning om sikkerhedsbrud",
    "DD-8.2": "Gensidig underretningspligt",
    "DD-8.3": "Underretningens indhold",
    "DD-8.4": "Kanal for underretning",
    "DD-8.5": "Modtagere af underretningen",
    "WF-1": "Kunden afviser sikkerhedsklausuler",
    "WF-2": "Undtagelser fra grundlæggende sikkerhedspraksis",
    "WF-3": "Dyb systemadgang uden tilsyn",
}


def theme_title(theme: int, lang: str) -> str:
    return THEMES_DA[theme] if lang == "da" else THEMES[theme]


BY_ID: dict[str, Requirement] = {r.id: r for r in REQUIREMENTS}
FLAG_BY_ID: dict[str, Flag] = {f.id: f for f in FLAGS}
# values each requirement reports under the v1 JSON schema; key -> default when nothing is found
VALUE_KEYS: dict[str, dict[str, object]] = {
    "DD-8.1": {"hours": None, "vague": False},
    "DD-4.6": {"amount": None, "currency": None, "formula": None},
    "DD-6.1": {"amount": None, "currency": None, "types": []},
    "DD-4.3": {"aspects": []},
    "DD-4.5": {"aspects": []},
    "DD-8.3": {"elements": []},
    "DD-8.4": {"channels": []},
}
