"""Theme 5 — monitoring and ongoing controls, as far as a contract allows them: monitoring of the
customer's accounts for suspicious activity, logging of activity and access (and how long logs are
kept), a right to audit or inspect the other party, and a periodic review of access rights and
security measures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from ..i18n import Names, Note, note
from ..model import Match
from .base import MISSING, Case, Decision, Family, Hit, Requirement, Setting, Theme, decide_present

if TYPE_CHECKING:
    from ..policy import Policy

IDS = ("DD-5.1", "DD-5.2", "DD-5.3", "DD-5.4")
TRIGGERS = ("periodic", "on-request", "incident")


def _not_required(req: Requirement, decision: Decision, policy: Policy) -> Decision:
    """A requirement the policy does not require keeps its status (what the contract says), and says
    that the policy does not ask for it when the contract does not meet it."""
    if req.id in policy.monitoring_required or decision.status == "met":
        return decision
    said = note("mon.not_required" if decision.status != "missing" else "mon.not_required_missing")
    return Decision(decision.status, decision.evidence, decision.values, decision.notes + (said,),
                    decision.lead, decision.evidence_when_missing, required=False)


def decide_monitoring(req: Requirement, matches: list[Match], policy: Policy) -> Decision:
    """Met on any match (DD-5.1, DD-5.2, DD-5.4; DD-5.2 reports the shortest stated log retention)."""
    kept = [m for m in matches if m.values.get("retention_days") is not None]
    if kept:  # the retention period's sentence decides, so the quote shows the period
        best = min(kept, key=lambda m: m.values["retention_days"])
        matches = [best] + [m for m in matches if m is not best]
    return _not_required(req, decide_present(req, matches, policy), policy)


def _sentence(m: Match) -> tuple[int, int]:
    return (m.sentence.clause_index, m.sentence.start)


def decide_audit(req: Requirement, matches: list[Match], policy: Policy) -> Decision:
    """Met when a party may audit or inspect the other's security, systems or premises (``audit``) or
    its compliance with the agreement (``general``, unless that sentence is about financial records);
    weak when the contract only gives reports or certificates, or an audit of financial records
    (books, accounts, royalties). ``triggers``: when the audit may take place, over the deciding matches."""
    financial = {_sentence(m) for m in matches if m.signal == "financial"}
    audits = [m for m in matches if m.signal == "audit" or (m.signal == "general" and _sentence(m) not in financial)]
    limited = [m for m in matches if m.signal in ("financial", "reports")]
    chosen = audits or limited
    if not chosen:
        return _not_required(req, MISSING, policy)
    found = {t for m in chosen for t in m.values.get("triggers", [])}
    values = {"triggers": [t for t in TRIGGERS if t in found]}
    if audits:
        return _not_required(req, Decision("met", audits, values), policy)
    kinds = [s for s in ("financial", "reports") if any(m.signal == s for m in limited)]
    said = note("audit.limited", limits=Names(tuple(f"audit-{k}" for k in kinds), joined=True))
    return _not_required(req, Decision("weak", limited, values, (said,), lead=False), policy)


def _required_line(policy: Policy) -> Note:
    wanted = [i for i in IDS if i in policy.monitoring_required]
    return note("report.policy.monitoring", ids=", ".join(wanted) if wanted else Note("report.policy.none"))


_REQUIRED = Setting("monitoring_required", list[Literal[IDS]], Field(default_factory=lambda: list(IDS)),
                    "the Theme 5 requirements the policy asks for (default: all four); a requirement left out is "
                    "still reported, and its message says the policy does not ask for it", _required_line)

REQUIREMENTS = (
    Requirement("DD-5.1", 5, {"en": "Monitoring of customer accounts", "da": "Overvågning af kundens konti"},
                priority=140, decide=decide_monitoring, settings=(_REQUIRED,),
                cases=(Case("monitoring-stated", (Hit(),), "met", evidence=1),
                       Case("not-required", (), "missing", {}, "Not found in the contract; the policy does not require it.",
                            "Ikke fundet i kontrakten; politikken kræver det ikke.", policy={"monitoring_required": ["DD-5.3"]}),
                       Case("nothing", (), "missing"))),
    Requirement("DD-5.2", 5, {"en": "Logging of activity and access", "da": "Logning af aktivitet og adgang"},
                priority=115, decide=decide_monitoring, values={"retention_days": None}, summary=("retention_days",),
                cases=(Case("logging-without-retention", (Hit(),), "met", {"retention_days": None}),
                       Case("shortest-retention-decides",
                            (Hit(), Hit(values={"retention_days": 365}), Hit(values={"retention_days": 90})),
                            "met", {"retention_days": 90}, evidence=3),
                       Case("nothing", (), "missing", {"retention_days": None}))),
    Requirement("DD-5.3", 5, {"en": "Audit right", "da": "Ret til revision"}, priority=80, decide=decide_audit,
                signals=("audit", "general", "financial", "reports"), values={"triggers": []}, summary=("triggers",),
                cases=(
                    Case("audit-with-triggers", (Hit("audit", {"triggers": ["incident"]}),
                                                 Hit("audit", {"triggers": ["on-request", "periodic"]})),
                         "met", {"triggers": ["periodic", "on-request", "incident"]}, evidence=2),
                    Case("audit-beats-financial", (Hit("financial"), Hit("audit")), "met", evidence=1),
                    Case("general-audit", (Hit("general", {"triggers": ["on-request"]}),), "met",
                         {"triggers": ["on-request"]}),
                    Case("general-audit-of-financial-records", (Hit("general", sentence=1), Hit("financial", sentence=1)),
                         "weak", {}, "The audit right is limited to financial records (books, accounts, royalties).",
                         evidence=1),
                    Case("financial-records-only", (Hit("financial", {"triggers": ["periodic"]}),), "weak",
                         {"triggers": ["periodic"]},
                         "The audit right is limited to financial records (books, accounts, royalties).",
                         "Revisionsretten er begrænset til regnskabsmateriale (bøger, regnskaber, royalties)."),
                    Case("reports-and-financial", (Hit("reports"), Hit("financial")), "weak", {"triggers": []},
                         "The audit right is limited to financial records (books, accounts, royalties) and "
                         "reports or certificates.", evidence=2),
                    Case("not-required-weak", (Hit("reports"),), "weak", {},
                         "The audit right is limited to reports or certificates. The policy does not require it.",
                         policy={"monitoring_required": []}),
                    Case("nothing", (), "missing", {"triggers": []}),
                )),
    Requirement("DD-5.4", 5, {"en": "Periodic review of access rights and security measures",
                              "da": "Periodisk gennemgang af adgangsrettigheder og sikkerhedsforanstaltninger"},
                priority=125, decide=decide_monitoring,
                cases=(Case("review-stated", (Hit(),), "met"), Case("nothing", (), "missing"))),
)

TEXTS = {
    "en": {
        "vkey.retention_days": "Log retention (days)",
        "vkey.triggers": "Audit triggers",
        "name.periodic": "periodic",
        "name.on-request": "on request",
        "name.incident": "after an incident",
        "name.audit-financial": "financial records (books, accounts, royalties)",
        "name.audit-reports": "reports or certificates",
        "audit.limited": "The audit right is limited to {limits}.",
        "mon.not_required": " The policy does not require it.",
        "mon.not_required_missing": "Not found in the contract; the policy does not require it.",
        "report.policy.monitoring": "Monitoring, logging, audit and review requirements asked for: {ids} (Theme 5)",
        "report.policy.none": "none",
    },
    "da": {
        "vkey.retention_days": "Opbevaring af log (dage)",
        "vkey.triggers": "Anledning til revision",
        "name.periodic": "periodisk",
        "name.on-request": "på anmodning",
        "name.incident": "efter en hændelse",
        "name.audit-financial": "regnskabsmateriale (bøger, regnskaber, royalties)",
        "name.audit-reports": "rapporter eller certifikater",
        "audit.limited": "Revisionsretten er begrænset til {limits}.",
        "mon.not_required": " Politikken kræver det ikke.",
        "mon.not_required_missing": "Ikke fundet i kontrakten; politikken kræver det ikke.",
        "report.policy.monitoring": "Krav om overvågning, logning, revision og gennemgang, som politikken stiller: "
                                    "{ids} (tema 5)",
        "report.policy.none": "ingen",
    },
}

FAMILY = Family("monitoring", Theme(5, {"en": "Monitoring and ongoing controls",
                                        "da": "Overvågning og løbende kontrol"}),
                REQUIREMENTS, texts=TEXTS)
