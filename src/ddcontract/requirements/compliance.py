"""Theme 7 — compliance and regulatory obligations: a data processing agreement as part of the
contract (DD-7.1), the completeness of its terms under GDPR Art. 28(3)(a)-(h) (DD-7.2), and a
named security certification or assurance report (DD-7.3)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from ..i18n import Names, Note, note
from ..model import Match
from .base import Case, Decision, Family, Hit, Requirement, Setting, Theme

if TYPE_CHECKING:
    from ..policy import Policy

# GDPR Art. 28(3)(a)-(h), in the order of the Article (the letters follow it)
ELEMENTS = ("instructions", "confidentiality", "security", "subprocessors", "data-subject-rights", "assistance",
            "deletion-return", "audits")
# the names DD-7.3 reports, as the values extractor normalises them
CERTIFICATIONS = ("ISO 27001", "ISO 27017", "ISO 27018", "ISO 27701", "SOC 2", "SOC 1", "ISAE 3402", "ISAE 3000",
                  "PCI DSS", "BSI C5", "CSA STAR", "Cyber Essentials", "HITRUST")
ROLES = ("controller", "processor", "sub-processor")
Certification = Literal["ISO 27001", "ISO 27017", "ISO 27018", "ISO 27701", "SOC 2", "SOC 1", "ISAE 3402",
                        "ISAE 3000", "PCI DSS", "BSI C5", "CSA STAR", "Cyber Essentials", "HITRUST"]


def _no_personal_data(matches: list[Match], policy: Policy) -> tuple[Note, ...]:
    """The note that the contract shows no personal data, when the policy asks a DPA only then."""
    if policy.dpa_only_with_personal_data and not matches:
        return (note("dpa.no_personal_data"),)
    return ()


def decide_dpa(req: Requirement, matches: list[Match], policy: Policy) -> Decision:
    """Met when a DPA is part of the contract or processing terms state the parties' roles; weak
    when a DPA is only to be agreed later or "if required"; the roles stated are listed."""
    # "The parties shall enter into a separate DPA on the processing of personal data on the
    # Customer's behalf" defers the DPA: the sentence that does so sets out no roles or terms
    deferred = {(m.sentence.clause_index, m.sentence.start) for m in matches if m.signal == "later"}
    found = [m for m in matches if m.signal in ("dpa", "roles")
             and (m.sentence.clause_index, m.sentence.start) not in deferred]
    roles = [r for r in ROLES if any(r in m.values.get("roles", []) for m in matches)]
    if found:
        dpa = [m for m in found if m.signal == "dpa"]
        return Decision("met", dpa + [m for m in found if m.signal == "roles"], {"roles": roles})
    later = [m for m in matches if m.signal == "later"]
    if later:
        return Decision("weak", later, {"roles": roles}, (note("dpa.later"),), lead=False)
    personal = [m for m in matches if m.signal == "personal-data"]
    unasked = _no_personal_data(personal, policy)
    return Decision("missing", values={"roles": []}, notes=(note("dpa.none"), *unasked), lead=False,
                    required=not unasked)


def decide_elements(req: Requirement, matches: list[Match], policy: Policy) -> Decision:
    """Met when the processing terms state all eight points of Art. 28(3), weak when they state some;
    the evidence is one sentence per point found, in the Article's order. With none, the message
    points to DD-7.1 (and says when the contract shows no personal data)."""
    first: dict[str, Match] = {}
    # a clause's own sentence says a point better than its heading ("Security of processing")
    for m in sorted(matches, key=lambda m: m.sentence.kind == "heading"):
        for element in m.values.get("elements", []):
            if element in ELEMENTS and element not in first:
                first[element] = m
    covered = [e for e in ELEMENTS if e in first]
    personal = _no_personal_data([m for m in matches if m.signal == "personal-data"], policy)
    if not covered:
        return Decision("missing", values={"elements": []}, notes=(note("elements.none"), *personal), lead=False,
                        required=not personal)
    lacking = [e for e in ELEMENTS if e not in first]
    evidence = [first[e] for e in covered]
    if not lacking:
        return Decision("met", evidence, {"elements": covered}, (note("elements.all"),), lead=False)
    said = note("elements.some", n=str(len(covered)), found=Names(tuple(covered), joined=True),
                lacking=Names(tuple(lacking), joined=True))
    return Decision("weak", evidence, {"elements": covered}, (said, *personal), lead=False, required=not personal)


def decide_certification(req: Requirement, matches: list[Match], policy: Policy) -> Decision:
    """Met when a named standard (ISO 27001, SOC 2, ISAE 3402 …) is required or stated — every one
    the policy's ``required_certifications`` lists; weak when only "industry-standard security" or
    an unnamed certification is, or when the contract names others than the policy requires."""
    named = [m for m in matches if m.signal == "named" and m.values.get("certifications")]
    certs: list[str] = []
    for m in named:
        for c in m.values["certifications"]:
            if c not in certs:
                certs.append(c)
    required = list(policy.required_certifications or [])
    lacking = [c for c in required if c not in certs]
    if certs and not lacking:
        return Decision("met", named, {"certifications": certs})
    if certs:
        return Decision("weak", named, {"certifications": certs},
                        (note("cert.lacking", lacking=Names(tuple(lacking), joined=True)),))
    unnamed = [m for m in matches if m.signal == "unnamed"]
    if unnamed:
        return Decision("weak", unnamed, {"certifications": []}, (note("cert.unnamed"),), lead=False)
    return Decision("missing", values={"certifications": []})


def _dpa_line(policy: Policy) -> Note:
    return note("report.policy.dpa" if policy.dpa_only_with_personal_data else "report.policy.dpa_always")


def _cert_line(policy: Policy) -> Note:
    if policy.required_certifications:
        return note("report.policy.cert", names=Names(tuple(policy.required_certifications), joined=True))
    return note("report.policy.cert_any")


def _el(*names: str) -> Hit:
    return Hit(values={"elements": list(names)})


REQUIREMENTS = (
    Requirement("DD-7.1", 7, {"en": "Data processing agreement", "da": "Databehandleraftale"},
                priority=35, decide=decide_dpa, signals=("dpa", "roles", "later", "personal-data"),
                values={"roles": []}, summary=("roles",),
                settings=(Setting("dpa_only_with_personal_data", bool, True,
                                  "DD-7.1/7.2 matter only when the contract involves personal data (the message says "
                                  "when it shows none)", _dpa_line),),
                cases=(
                    Case("dpa-part-of-contract", (Hit("dpa"), Hit("roles", {"roles": ["processor", "controller"]})),
                         "met", {"roles": ["controller", "processor"]}, evidence=2),
                    Case("deferring-sentence-states-no-roles", (Hit("later", sentence=1), Hit("roles", sentence=1)),
                         "weak", {"roles": []}, "A data processing agreement is only to be agreed later or if "
                         "required; it is not part of the contract.", evidence=1),
                    Case("only-later", (Hit("later"), Hit("personal-data")), "weak", {"roles": []},
                         "A data processing agreement is only to be agreed later or if required; it is not part of "
                         "the contract.",
                         "En databehandleraftale skal først indgås senere eller efter behov; den er ikke en del af "
                         "kontrakten."),
                    Case("personal-data-no-dpa", (Hit("personal-data"),), "missing", {"roles": []},
                         "No data processing agreement is part of the contract, and it sets out no processing terms "
                         "with the parties' roles."),
                    Case("no-personal-data", (), "missing", {"roles": []},
                         "No data processing agreement is part of the contract, and it sets out no processing terms "
                         "with the parties' roles. The contract shows no processing of personal data; the policy asks "
                         "for a DPA only when personal data is processed."),
                    Case("always-required", (), "missing", {},
                         "No data processing agreement is part of the contract, and it sets out no processing terms "
                         "with the parties' roles.", policy={"dpa_only_with_personal_data": False}),
                )),
    Requirement("DD-7.2", 7, {"en": "Completeness of the processing terms (GDPR Art. 28(3))",
                              "da": "Databehandlingsvilkårenes fuldstændighed (GDPR art. 28, stk. 3)"},
                priority=75, decide=decide_elements, signals=("present", "personal-data"), aspects=ELEMENTS,
                values={"elements": []}, summary=("elements",), evidence_per_aspect=True,
                cases=(
                    Case("one-without-personal-data", (_el("deletion-return"),), "weak", {"elements": ["deletion-return"]},
                         "States 1 of the 8 points of Art. 28(3): (g) deletion or return at the end; missing: (a) "
                         "documented instructions, (b) confidentiality of personnel, (c) security measures (Art. 32), (d) "
                         "sub-processors, (e) assistance with data subjects' rights, (f) assistance with Art. 32-36 and (h) "
                         "information, audits and inspections. The contract shows no processing of personal data; the "
                         "policy asks for a DPA only when personal data is processed."),
                    Case("all-eight", (_el("audits", "instructions"), _el(*ELEMENTS[1:7])), "met",
                         {"elements": list(ELEMENTS)}, "States all eight points of Art. 28(3), (a) to (h).",
                         "Indeholder alle otte punkter i art. 28, stk. 3, litra a-h.", evidence=8),
                    Case("some", (_el("security"), _el("instructions", "deletion-return"), Hit("personal-data")), "weak",
                         {"elements": ["instructions", "security", "deletion-return"]},
                         "States 3 of the 8 points of Art. 28(3): (a) documented instructions, (c) security measures "
                         "(Art. 32) and (g) deletion or return at the end; missing: (b) confidentiality of personnel, "
                         "(d) sub-processors, (e) assistance with data subjects' rights, (f) assistance with Art. 32-36 "
                         "and (h) information, audits and inspections.", evidence=3),
                    Case("none-with-personal-data", (Hit("personal-data"),), "missing", {"elements": []},
                         "The contract sets out no processing terms under GDPR Art. 28(3); see DD-7.1 (data processing "
                         "agreement)."),
                    Case("none", (), "missing", {"elements": []},
                         "The contract sets out no processing terms under GDPR Art. 28(3); see DD-7.1 (data processing "
                         "agreement). The contract shows no processing of personal data; the policy asks for a DPA only "
                         "when personal data is processed.",
                         "Kontrakten indeholder ingen databehandlingsvilkår efter GDPR art. 28, stk. 3; se DD-7.1 "
                         "(databehandleraftale). Kontrakten viser ingen behandling af personoplysninger; politikken "
                         "kræver kun en databehandleraftale, når der behandles personoplysninger."),
                )),
    Requirement("DD-7.3", 7, {"en": "Security certification", "da": "Sikkerhedscertificering"},
                priority=125, decide=decide_certification, signals=("named", "unnamed"),
                values={"certifications": []}, summary=("certifications",),
                settings=(Setting("required_certifications", list[Certification], Field(default_factory=list),
                                  "certifications the contract must name, all of them (e.g. [ISO 27001]); empty: any "
                                  "named standard", _cert_line),),
                cases=(
                    Case("named", (Hit("named", {"certifications": ["ISO 27001"]}),
                                   Hit("named", {"certifications": ["SOC 2", "ISO 27001"]})), "met",
                         {"certifications": ["ISO 27001", "SOC 2"]}, evidence=2),
                    Case("unnamed-only", (Hit("unnamed"),), "weak", {"certifications": []},
                         "Only industry-standard security or an unnamed certification is required; no recognised "
                         "standard (ISO 27001, SOC 2, ISAE 3402 …) is named."),
                    Case("policy-requires-another", (Hit("named", {"certifications": ["SOC 2"]}),), "weak",
                         {"certifications": ["SOC 2"]}, " The policy also requires ISAE 3402.",
                         " Politikken kræver også ISAE 3402.", policy={"required_certifications": ["ISAE 3402"]}),
                    Case("policy-met", (Hit("named", {"certifications": ["ISAE 3402", "ISO 27001"]}),), "met",
                         {"certifications": ["ISAE 3402", "ISO 27001"]}, policy={"required_certifications": ["ISAE 3402"]}),
                    Case("nothing", (), "missing", {"certifications": []}),
                )),
)

TEXTS = {
    "en": {
        "vkey.roles": "Roles",
        "vkey.DD-7.2.elements": "Points of Art. 28(3)",
        "vkey.certifications": "Certifications",
        "name.controller": "controller",
        "name.processor": "processor",
        "name.sub-processor": "sub-processor",
        "name.instructions": "(a) documented instructions",
        "name.confidentiality": "(b) confidentiality of personnel",
        "name.security": "(c) security measures (Art. 32)",
        "name.subprocessors": "(d) sub-processors",
        "name.data-subject-rights": "(e) assistance with data subjects' rights",
        "name.assistance": "(f) assistance with Art. 32-36",
        "name.deletion-return": "(g) deletion or return at the end",
        "name.audits": "(h) information, audits and inspections",
        "dpa.none": "No data processing agreement is part of the contract, and it sets out no processing terms with "
                    "the parties' roles.",
        "dpa.later": "A data processing agreement is only to be agreed later or if required; it is not part of the "
                     "contract.",
        "dpa.no_personal_data": " The contract shows no processing of personal data; the policy asks for a DPA only "
                                "when personal data is processed.",
        "elements.none": "The contract sets out no processing terms under GDPR Art. 28(3); see DD-7.1 (data "
                         "processing agreement).",
        "elements.all": "States all eight points of Art. 28(3), (a) to (h).",
        "elements.some": "States {n} of the 8 points of Art. 28(3): {found}; missing: {lacking}.",
        "cert.unnamed": "Only industry-standard security or an unnamed certification is required; no recognised "
                        "standard (ISO 27001, SOC 2, ISAE 3402 …) is named.",
        "cert.lacking": " The policy also requires {lacking}.",
        "report.policy.dpa": "A data processing agreement with all eight points of GDPR Art. 28(3) when the contract "
                             "involves personal data (DD-7.1, DD-7.2)",
        "report.policy.dpa_always": "A data processing agreement with all eight points of GDPR Art. 28(3) in every "
                                    "contract (DD-7.1, DD-7.2)",
        "report.policy.cert": "Required security certification: {names} (DD-7.3)",
        "report.policy.cert_any": "A named security certification or assurance report (DD-7.3)",
    },
    "da": {
        "vkey.roles": "Roller",
        "vkey.DD-7.2.elements": "Punkter i art. 28, stk. 3",
        "vkey.certifications": "Certificeringer",
        "name.controller": "dataansvarlig",
        "name.processor": "databehandler",
        "name.sub-processor": "underdatabehandler",
        "name.instructions": "a) dokumenteret instruks",
        "name.confidentiality": "b) fortrolighed for personer med adgang",
        "name.security": "c) sikkerhedsforanstaltninger (art. 32)",
        "name.subprocessors": "d) underdatabehandlere",
        "name.data-subject-rights": "e) bistand med de registreredes rettigheder",
        "name.assistance": "f) bistand med art. 32-36",
        "name.deletion-return": "g) sletning eller tilbagelevering ved ophør",
        "name.audits": "h) oplysninger, revision og inspektion",
        "dpa.none": "Ingen databehandleraftale er en del af kontrakten, og den fastsætter ingen databehandlingsvilkår "
                    "med parternes roller.",
        "dpa.later": "En databehandleraftale skal først indgås senere eller efter behov; den er ikke en del af "
                     "kontrakten.",
        "dpa.no_personal_data": " Kontrakten viser ingen behandling af personoplysninger; politikken kræver kun en "
                                "databehandleraftale, når der behandles personoplysninger.",
        "elements.none": "Kontrakten indeholder ingen databehandlingsvilkår efter GDPR art. 28, stk. 3; se DD-7.1 "
                         "(databehandleraftale).",
        "elements.all": "Indeholder alle otte punkter i art. 28, stk. 3, litra a-h.",
        "elements.some": "Indeholder {n} af de 8 punkter i art. 28, stk. 3: {found}; mangler: {lacking}.",
        "cert.unnamed": "Der kræves kun sikkerhed efter branchestandard eller en unavngiven certificering; ingen "
                        "anerkendt standard (ISO 27001, SOC 2, ISAE 3402 …) er nævnt.",
        "cert.lacking": " Politikken kræver også {lacking}.",
        "report.policy.dpa": "En databehandleraftale med alle otte punkter i GDPR art. 28, stk. 3, når kontrakten "
                             "omfatter personoplysninger (DD-7.1, DD-7.2)",
        "report.policy.dpa_always": "En databehandleraftale med alle otte punkter i GDPR art. 28, stk. 3, i alle "
                                    "kontrakter (DD-7.1, DD-7.2)",
        "report.policy.cert": "Krævet sikkerhedscertificering: {names} (DD-7.3)",
        "report.policy.cert_any": "En navngiven sikkerhedscertificering eller revisorerklæring (DD-7.3)",
    },
}

# the standards are named alike in every language
for _lang in TEXTS:
    TEXTS[_lang].update({f"name.{c}": c for c in CERTIFICATIONS})

FAMILY = Family("compliance", Theme(7, {"en": "Compliance and regulatory obligations",
                                        "da": "Compliance og lovgivningsmæssige forpligtelser"}),
                REQUIREMENTS, texts=TEXTS)
