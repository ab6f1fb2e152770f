"""Theme 6 — insurance and financial risk: cyber insurance with a minimum cover, proof of cover,
liability for a security breach, compensation and cost coverage."""

from __future__ import annotations

from dataclasses import dataclass
import re
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import AfterValidator, Field

from ..i18n import Money, Names, Note, fmt_amount, note, tr
from ..model import Match
from .base import MISSING, Case, Decision, Family, Hit, Requirement, Setting, Theme

if TYPE_CHECKING:
    from ..policy import Policy


def minimum_cover(policy: Policy, lang: str) -> tuple[float, str] | None:
    """The minimum cyber cover to state: in DKK for Danish text and EUR for English when the policy
    sets those, else the first currency it sets; None when it sets none."""
    amounts = policy.insurance_min_amount
    if not amounts:
        return None
    preferred = "DKK" if lang == "da" else "EUR"
    currency = preferred if preferred in amounts else next(iter(amounts))
    return amounts[currency], currency


def _currency_code(code: str) -> str:
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ValueError(f"{code!r} is not a currency code; write its three capital letters (ISO 4217), e.g. EUR or DKK")
    return code


# the policy's minimum cover per currency: {EUR: 1000000}
MINIMUM_COVERS = dict[Annotated[str, AfterValidator(_currency_code)], Annotated[float, Field(gt=0)]]


@dataclass(frozen=True, slots=True)
class MinimumCover:
    """The policy's minimum cyber cover as a phrase; ``otherwise``: the text key said when it sets none."""

    policy: Any
    otherwise: str

    def word(self, lang: str) -> str:
        minimum = minimum_cover(self.policy, lang)
        return fmt_amount(minimum[0], minimum[1], lang) if minimum else tr(lang, self.otherwise)


def decide_insurance(req: Requirement, matches: list[Match], policy: Policy) -> Decision:
    """Met when cyber cover is required with a stated minimum at or above the policy's; weak when
    the insurance is not cyber, states no amount, or is below the policy's minimum."""
    if not matches:
        return MISSING
    types: list[str] = []
    for m in matches:
        for t in m.values.get("types", []):
            if t not in types:
                types.append(t)
    cyber = [m for m in matches if "cyber" in m.values.get("types", [])]
    ranked = sorted(cyber, key=lambda m: m.values.get("amount") is None) + [m for m in matches if m not in cyber]
    amount, currency = ranked[0].values.get("amount"), ranked[0].values.get("currency")
    values = {"types": types, "amount": amount, "currency": currency}
    if not cyber:
        kinds = Names(tuple(types)) if types else Note("ins.unspecified")
        return Decision("weak", ranked, values, (note("ins.not_cyber", kinds=kinds),), lead=False)
    if amount is None:
        return Decision("weak", ranked, values, (note("ins.no_amount"),), lead=False)
    minimum = policy.insurance_min_amount.get(currency or "")
    if minimum is not None and amount < minimum:
        said = note("ins.below", amount=Money(amount, currency), minimum=Money(minimum, currency))
        return Decision("weak", ranked, values, (said,))
    return Decision("met", ranked, values)


def _insurance_line(policy: Policy) -> Note:
    return note("report.policy.insurance", cover=MinimumCover(policy, "report.policy.no_minimum"))


_CYBER_2M = {"types": ["cyber"], "amount": 2000000, "currency": "EUR"}

REQUIREMENTS = (
    Requirement("DD-6.1", 6, {"en": "Cyber insurance", "da": "Cyberforsikring"}, priority=40,
                decide=decide_insurance, signals=("insurance",),
                values={"amount": None, "currency": None, "types": []}, summary=("amount", "currency"),
                settings=(Setting("insurance_min_amount", MINIMUM_COVERS, Field(default_factory=dict),
                                  "the smallest cyber cover accepted, per currency (a smaller one is weak)",
                                  _insurance_line),),
                placeholders={"insurance_minimum": lambda policy: MinimumCover(policy, "ins.amount_to_fill")},
                cases=(
                    Case("cyber-with-amount", (Hit("insurance", _CYBER_2M),), "met",
                         {"amount": 2000000, "currency": "EUR", "types": ["cyber"]}),
                    Case("cyber-below-minimum", (Hit("insurance", _CYBER_2M),), "weak", {"amount": 2000000},
                         "The cyber cover of EUR 2,000,000 is below the policy minimum of EUR 5,000,000.",
                         "Cyberdækningen på EUR 2.000.000 er under politikkens minimum på EUR 5.000.000.",
                         policy={"insurance_min_amount": {"EUR": 5000000}}),
                    Case("minimum-in-another-currency-does-not-apply", (Hit("insurance", _CYBER_2M),), "met",
                         policy={"insurance_min_amount": {"DKK": 50000000}}),
                    Case("cyber-without-amount", (Hit("insurance", {"types": ["cyber"]}),), "weak",
                         {"amount": None, "types": ["cyber"]},
                         "Cyber insurance is required, but no minimum amount is stated."),
                    Case("amount-found-in-a-later-cyber-clause",
                         (Hit("insurance", {"types": ["cyber"]}), Hit("insurance", _CYBER_2M)), "met",
                         {"amount": 2000000}, evidence=2),
                    Case("not-cyber", (Hit("insurance", {"types": ["professional", "general"], "amount": 1000000,
                                                         "currency": "EUR"}),), "weak",
                         {"types": ["professional", "general"], "amount": 1000000},
                         "Insurance is required, but not cyber cover (types: professional liability, general liability).",
                         "Der kræves forsikring, men ikke cyberforsikring (typer: professionelt ansvar, "
                         "erhvervsansvar)."),
                    Case("type-unstated", (Hit("insurance"),), "weak", {"types": []},
                         "Insurance is required, but not cyber cover (types: unspecified)."),
                    Case("nothing", (), "missing", {"types": [], "amount": None}),
                )),
    Requirement("DD-6.2", 6, {"en": "Proof of active insurance coverage",
                              "da": "Dokumentation for aktiv forsikringsdækning"}, priority=130),
    Requirement("DD-6.3", 6, {"en": "Financial liability for a security breach",
                              "da": "Økonomisk ansvar for et sikkerhedsbrud"}, priority=70),
    Requirement("DD-6.4", 6, {"en": "Compensation and cost coverage for loss or damage",
                              "da": "Erstatning og dækning af omkostninger ved tab eller skade"}, priority=120),
)

TEXTS = {
    "en": {
        "vkey.types": "Insurance types",
        "name.professional": "professional liability",
        "name.general": "general liability",
        "name.product": "product liability",
        "name.employers": "employers' liability",
        "name.auto": "motor",
        "report.policy.insurance": "Minimum cyber insurance cover: {cover} (DD-6.1)",
        "report.policy.no_minimum": "no minimum set",
        "ins.not_cyber": "Insurance is required, but not cyber cover (types: {kinds}).",
        "ins.unspecified": "unspecified",
        "ins.no_amount": "Cyber insurance is required, but no minimum amount is stated.",
        "ins.below": "The cyber cover of {amount} is below the policy minimum of {minimum}.",
        "ins.amount_to_fill": "EUR [amount]",
    },
    "da": {
        "vkey.types": "Forsikringstyper",
        "report.policy.insurance": "Mindste dækning for cyberforsikring: {cover} (DD-6.1)",
        "report.policy.no_minimum": "intet minimum fastsat",
        "ins.not_cyber": "Der kræves forsikring, men ikke cyberforsikring (typer: {kinds}).",
        "ins.unspecified": "ikke angivet",
        "ins.no_amount": "Der kræves cyberforsikring, men der er ikke angivet en minimumsdækning.",
        "ins.below": "Cyberdækningen på {amount} er under politikkens minimum på {minimum}.",
        "ins.amount_to_fill": "DKK [beløb]",
        "name.cyber": "cyber",
        "name.professional": "professionelt ansvar",
        "name.general": "erhvervsansvar",
        "name.product": "produktansvar",
        "name.employers": "arbejdsskade",
        "name.property": "ting",
        "name.auto": "motorkøretøjer",
        "name.crime": "kriminalitet",
    },
}

FAMILY = Family("insurance", Theme(6, {"en": "Insurance and financial risk", "da": "Forsikring og finansiel risiko"}),
                REQUIREMENTS, texts=TEXTS)
