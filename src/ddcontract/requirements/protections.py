"""Theme 4 — contractual protections: data ownership, compromise, storage/transfer/deletion,
acceptable use, automated access, the liability cap, termination for a security breach."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..amounts import cap_holder, remedy_cap, sentence_scope, special_cap
from ..i18n import Joined, Note, note
from ..model import Match
from .base import MISSING, Case, Decision, Family, Hit, Requirement, Setting, Theme, decide_present
from .generic import decide_aspects

if TYPE_CHECKING:
    from ..policy import Policy


# the liability cap, whose amount the values stage may read from the insurance sum stated elsewhere (capref)
LIABILITY_CAP = "DD-4.6"


def decide_cap(req: Requirement, matches: list[Match], policy: Policy) -> Decision:
    """Met when a cap states an amount or a fee-based formula; weak when liability is limited
    without either (unless the policy accepts that), or only by excluded kinds of damage or a time
    limit; missing when liability is stated to be unlimited, which is noted in every case."""
    unlimited = [m for m in matches if m.signal == "unlimited"]
    # "No limitation applies to X's liability, which covers indirect loss" limits nothing:
    # a sentence that declares liability unlimited cannot also count as a cap or an exclusion.
    open_sentences = {(m.sentence.clause_index, m.sentence.start) for m in unlimited}
    kept = [m for m in matches if m.signal == "unlimited"
            or (m.sentence.clause_index, m.sentence.start) not in open_sentences]
    caps = [m for m in kept if m.signal == "cap"]
    limits = [m for m in kept if m.signal in ("exclusion", "time-limit")]
    also: tuple[Note, ...] = ()
    if unlimited:
        also = (note("cap.unlimited_note", section=unlimited[0].sentence.section or "?"),)
    with_value = [m for m in caps if m.values.get("amount") is not None or m.values.get("formula")]
    if with_value:
        # the general cap before one for data-protection or confidentiality claims only, stated in another sentence; a cap
        # for all claims together before one per claim ("liability in relation to any event … will not exceed £10" and
        # "aggregate liability … will not exceed £100"): the aggregate is the most owed
        # (and the provider's cap, or a cap of both, before one on the customer's own liability stated in another sentence:
        # "Kundens ansvar er begrænset til kr. 100.000. Leverandørens ansvar er begrænset til det samlede vederlag …")
        # (and a cap on liability before a ceiling on service credits or a penalty, even one with an amount: "Service
        # credits … shall not exceed 15% of the monthly fees" is not the liability cap beside it)
        best = sorted(with_value, key=lambda m: (cap_holder(m.sentence.text) == "customer",
                                                  remedy_cap(m.sentence.text),
                                                  m.values.get("amount") is None,
                                                  special_cap(m.sentence.text) and m.values.get("amount") is not None,
                                                  sentence_scope(m.sentence.text) == "claim",
                                                  not m.values.get("formula")))[0]
        values = {k: best.values.get(k) for k in ("amount", "currency", "formula")}
        said = note("cap.met")
        if best.values.get("amount_from") is not None:  # the insurance sum stated elsewhere (capref)
            section, heading = best.values["amount_from"]
            where = (Note("cap.where_section", {"section": section}) if section
                     else Note("cap.where_heading", {"heading": heading}) if heading else Note("cap.where_elsewhere"))
            said = note("cap.insurance_sum", where=where)
        elif remedy_cap(best.sentence.text):
            said = note("cap.remedy_only")
        return Decision("met", [best] + [m for m in with_value if m is not best], values, (said, *also))
    if caps and not policy.cap_requires_amount_or_formula:
        return Decision("met", caps, notes=(note("cap.no_amount_ok"), *also))
    if caps:
        caps.sort(key=lambda m: remedy_cap(m.sentence.text))  # a limit on liability before one on service credits
        said = note("cap.remedy_only_no_amount") if remedy_cap(caps[0].sentence.text) else note("cap.no_amount")
        return Decision("weak", caps + limits, notes=(said, *also))
    if limits:
        kinds = sorted({"cap.kind.exclusion" if m.signal == "exclusion" else "cap.kind.time" for m in limits})
        said = note("cap.limits_only", kinds=Joined(tuple(Note(k) for k in kinds), "cap.and"))
        return Decision("weak", limits, notes=(said, *also), lead=False)
    if unlimited:
        return Decision("missing", unlimited, notes=(note("cap.unlimited"),), lead=False, evidence_when_missing=True)
    return MISSING


def decide_ownership(req: Requirement, matches: list[Match], policy: Policy) -> Decision:
    """Met when the contract says who owns data; weak when it allocates only intellectual property (the supplier's
    service, software, content or deliverables, or each party keeping its own), which leaves the customer's data
    unsaid."""
    data = [m for m in matches if m.signal != "ip"]
    if data:
        return decide_present(req, data, policy)
    ip = [m for m in matches if m.signal == "ip"]
    if ip:
        return Decision("weak", ip, notes=(note("own.ip_only"),), lead=False)
    return MISSING


def decide_termination(req: Requirement, matches: list[Match], policy: Policy) -> Decision:
    """Met on a right to terminate for a security breach; weak on a general right for material breach."""
    security = [m for m in matches if m.signal == "security-breach"]
    if security:
        return Decision("met", security)
    general = [m for m in matches if m.signal == "material-breach"]
    if general:
        return Decision("weak", general, notes=(note("term.general_only"),), lead=False)
    return MISSING


def _cap_line(policy: Policy) -> Note:
    return note("report.policy.cap" if policy.cap_requires_amount_or_formula else "report.policy.cap_any")


_EUR_CAP = {"amount": 500000, "currency": "EUR"}

REQUIREMENTS = (
    Requirement("DD-4.1", 4, {"en": "Data ownership", "da": "Ejerskab til data"}, priority=140,
                decide=decide_ownership, signals=("present", "ip"),
                cases=(Case("owner-stated", (Hit(values={"owner": "Customer"}),), "met", {"owner": "Customer"}),
                       Case("owner-and-ip", (Hit(signal="ip"), Hit(values={"owner": "Customer"})), "met",
                            {"owner": "Customer"}),
                       Case("ip-only", (Hit(signal="ip"),), "weak", {},
                            "Only intellectual property (the supplier's service, software or deliverables) is allocated; "
                            "the contract does not say who owns the customer's data.",
                            "Kun immaterielle rettigheder (leverandørens tjeneste, software eller leverancer) er "
                            "fordelt; kontrakten siger ikke, hvem der ejer kundens data."),
                       Case("nothing", (), "missing"))),
    Requirement("DD-4.2", 4, {"en": "Obligations when data is compromised",
                              "da": "Forpligtelser, hvis data kompromitteres"}, priority=80),
    Requirement("DD-4.3", 4, {"en": "Data storage, transfer and deletion rules",
                              "da": "Regler for opbevaring, overførsel og sletning af data"},
                priority=60, decide=decide_aspects, aspects=("storage", "transfer", "deletion"),
                values={"aspects": []},
                cases=(Case("all-three", (Hit(values={"aspects": ["deletion"]}),
                                          Hit(values={"aspects": ["storage", "transfer"]})),
                            "met", {"aspects": ["storage", "transfer", "deletion"]},
                            "Covers all of: storage, transfer and deletion.",
                            "Dækker alle punkter: opbevaring, overførsel og sletning."),
                       Case("deletion-only", (Hit(values={"aspects": ["deletion"]}),), "weak",
                            {"aspects": ["deletion"]}, "Covers deletion; not covered: storage and transfer.",
                            "Dækker sletning; ikke dækket: opbevaring og overførsel."),
                       Case("nothing", (), "missing", {"aspects": []}))),
    Requirement("DD-4.4", 4, {"en": "Acceptable use of the systems and services",
                              "da": "Acceptabel brug af systemer og tjenester"}, priority=150),
    Requirement("DD-4.5", 4, {"en": "Restrictions on automated access, data mining and redistribution",
                              "da": "Begrænsninger for automatiseret adgang, datamining og videredistribution"},
                priority=160, decide=decide_aspects,
                aspects=("automated-access", "data-mining", "redistribution"), values={"aspects": []},
                cases=(Case("two-of-three", (Hit(values={"aspects": ["redistribution", "automated-access"]}),),
                            "weak", {"aspects": ["automated-access", "redistribution"]},
                            "Covers automated access and redistribution; not covered: data mining."),)),
    Requirement(LIABILITY_CAP, 4, {"en": "Liability limitation with a maximum", "da": "Ansvarsbegrænsning med et maksimum"},
                priority=20, decide=decide_cap, signals=("cap", "exclusion", "time-limit", "unlimited"),
                values={"amount": None, "currency": None, "formula": None},
                summary=("amount", "currency", "formula"),
                settings=(Setting("cap_requires_amount_or_formula", bool, True,
                                  "a cap without an amount or a fee-based formula is weak", _cap_line),),
                cases=(
                    Case("amount", (Hit("cap", _EUR_CAP),), "met",
                         {"amount": 500000, "currency": "EUR", "formula": None}, "A maximum is stated."),
                    Case("amount-preferred-to-formula",
                         (Hit("cap", {"formula": "fees paid in 12 months"}), Hit("cap", _EUR_CAP)), "met",
                         {"amount": 500000, "formula": None}, "A maximum is stated.", evidence=2),
                    Case("cap-without-amount", (Hit("cap"), Hit("exclusion")), "weak", {"amount": None},
                         "Liability is limited, but no maximum amount or fee-based formula is stated.", evidence=2),
                    Case("policy-accepts-a-bare-cap", (Hit("cap"),), "met", {},
                         "Liability is capped; the policy accepts a cap without a stated amount.",
                         policy={"cap_requires_amount_or_formula": False}),
                    Case("exclusions-and-time-limit", (Hit("time-limit"), Hit("exclusion")), "weak", {},
                         "Liability is limited only by excluded kinds of damage and a time limit for claims, "
                         "without any maximum amount.",
                         "Ansvaret er kun begrænset ved udelukkelse af bestemte tabstyper og en frist for at "
                         "rejse krav, uden noget maksimum."),
                    Case("unlimited-only", (Hit("unlimited"),), "missing", {},
                         "Liability is stated to be unlimited; there is no cap.", evidence=1),
                    Case("unlimited-sentence-is-no-cap", (Hit("unlimited", sentence=1), Hit("cap", _EUR_CAP, sentence=1)),
                         "missing", {"amount": None}, "Liability is stated to be unlimited; there is no cap."),
                    Case("cap-and-unlimited-elsewhere", (Hit("cap", _EUR_CAP), Hit("unlimited")), "met",
                         {"amount": 500000},
                         "A maximum is stated. Note: the contract also states that some liability is unlimited "
                         "(section 1)."),
                )),
    Requirement("DD-4.7", 4, {"en": "Termination rights on security breaches",
                              "da": "Ret til at opsige eller ophæve ved sikkerhedsbrud"},
                priority=30, decide=decide_termination, signals=("security-breach", "material-breach"),
                cases=(Case("security-breach", (Hit("material-breach"), Hit("security-breach")), "met", evidence=1),
                       Case("material-breach-only", (Hit("material-breach"),), "weak", {},
                            "Only a general right to terminate for material breach; no express right to terminate "
                            "for a security breach or a breach of security obligations."),
                       Case("nothing", (), "missing"))),
)

TEXTS = {
    "en": {
        "vkey.formula": "Formula",
        "vkey.aspects": "Covers",
        "vkey.owner": "Owner",
        "name.automated-access": "automated access",
        "name.data-mining": "data mining",
        "report.policy.cap": "A liability cap must state an amount or a fee-based formula (DD-4.6)",
        "report.policy.cap_any": "A liability cap is accepted without an amount or formula (DD-4.6)",
        "cap.unlimited_note": " Note: the contract also states that some liability is unlimited (section {section}).",
        "cap.met": "A maximum is stated.",
        "cap.insurance_sum": "The maximum is the insurance sum, stated {where}.",
        "cap.remedy_only": "A maximum is stated, but only for service credits, service-level compensation or a "
                           "penalty; no maximum on liability in general is stated.",
        "cap.where_section": "in section {section}",
        "cap.where_heading": "under \u201c{heading}\u201d",
        "cap.where_elsewhere": "elsewhere in the contract",
        "cap.no_amount_ok": "Liability is capped; the policy accepts a cap without a stated amount.",
        "cap.no_amount": "Liability is limited, but no maximum amount or fee-based formula is stated.",
        "cap.remedy_only_no_amount": "Only service credits, service-level compensation or a penalty are limited, "
                                     "without an amount or fee-based formula read; liability in general is not capped.",
        "cap.limits_only": "Liability is limited only by {kinds}, without any maximum amount.",
        "cap.kind.exclusion": "excluded kinds of damage",
        "cap.kind.time": "a time limit for claims",
        "cap.and": " and ",
        "cap.unlimited": "Liability is stated to be unlimited; there is no cap.",
        "term.general_only": "Only a general right to terminate for material breach; no express right to terminate "
                             "for a security breach or a breach of security obligations.",
        "own.ip_only": "Only intellectual property (the supplier's service, software or deliverables) is allocated; the "
                       "contract does not say who owns the customer's data.",
    },
    "da": {
        "vkey.formula": "Beregning",
        "vkey.aspects": "Dækker",
        "vkey.owner": "Ejer",
        "report.policy.cap": "En ansvarsbegrænsning skal angive et beløb eller en beregning ud fra vederlaget (DD-4.6)",
        "report.policy.cap_any": "En ansvarsbegrænsning accepteres uden beløb eller beregning (DD-4.6)",
        "cap.unlimited_note": " Bemærk: kontrakten fastsætter også et ubegrænset ansvar for visse forhold (pkt. {section}).",
        "cap.met": "Der er fastsat et maksimum.",
        "cap.insurance_sum": "Maksimum er forsikringssummen, som er angivet {where}.",
        "cap.remedy_only": "Der er fastsat et maksimum, men kun for servicekreditter, kompensation for serviceniveauer "
                           "eller bod; der er ikke fastsat et maksimum for ansvaret i øvrigt.",
        "cap.where_section": "i pkt. {section}",
        "cap.where_heading": "under \u00bb{heading}\u00ab",
        "cap.where_elsewhere": "et andet sted i kontrakten",
        "cap.no_amount_ok": "Ansvaret er begrænset; politikken accepterer en begrænsning uden angivet beløb.",
        "cap.no_amount": "Ansvaret er begrænset, men der er hverken angivet et maksimalt beløb eller en "
                         "beregning ud fra vederlaget.",
        "cap.remedy_only_no_amount": "Kun servicekreditter, kompensation for serviceniveauer eller bod er begrænset, "
                                     "uden at et beløb eller en beregning ud fra vederlaget er læst; ansvaret i øvrigt "
                                     "er ikke begrænset.",
        "cap.limits_only": "Ansvaret er kun begrænset ved {kinds}, uden noget maksimum.",
        "cap.kind.exclusion": "udelukkelse af bestemte tabstyper",
        "cap.kind.time": "en frist for at rejse krav",
        "cap.and": " og ",
        "cap.unlimited": "Ansvaret er angivet som ubegrænset; der er ingen ansvarsbegrænsning.",
        "term.general_only": "Kun en generel ret til ophævelse ved væsentlig misligholdelse; ingen udtrykkelig ret "
                             "til at ophæve ved sikkerhedsbrud eller brud på sikkerhedsforpligtelserne.",
        "own.ip_only": "Kun immaterielle rettigheder (leverandørens tjeneste, software eller leverancer) er fordelt; "
                       "kontrakten siger ikke, hvem der ejer kundens data.",
        "name.storage": "opbevaring",
        "name.transfer": "overførsel",
        "name.deletion": "sletning",
        "name.automated-access": "automatiseret adgang",
        "name.data-mining": "datamining",
        "name.redistribution": "videredistribution",
    },
}

FAMILY = Family("protections", Theme(4, {"en": "Contractual protections", "da": "Kontraktuelle beskyttelser"}),
                REQUIREMENTS, texts=TEXTS)

