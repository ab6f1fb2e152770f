"""Theme 8 — notification of security breaches: the deadline, a mutual duty, the content of a
notification, its channel and its recipients."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from ..i18n import Note, Num, Quantity, note
from ..model import Match
from .base import MISSING, Case, Decision, Family, Hit, Requirement, Setting, Theme
from .generic import decide_aspects, decide_listed

if TYPE_CHECKING:
    from ..policy import Policy


MAX_HOURS = 8760  # a policy's deadlines are at most a year


def suggested_hours(policy: Policy) -> int:
    """The deadline suggested clauses propose: the setting, 24 h by default, never above the maximum."""
    hours = policy.suggested_notification_hours or 24
    return int(min(hours, policy.notification_max_hours))


def fallback_deadline(policy: Policy) -> Quantity | None:
    """The deadline a fallback clause concedes: the policy's maximum in whole hours; None (no fallback
    to offer) when that is no longer than the deadline suggested clauses propose."""
    hours = int(policy.notification_max_hours)
    return Quantity(hours, "hour") if hours > suggested_hours(policy) else None


def decide_deadline(req: Requirement, matches: list[Match], policy: Policy) -> Decision:
    """Met when the shortest stated deadline is within the policy's maximum; weak when it is longer
    or only vague ("without undue delay"); missing when a duty to notify states no deadline. A deadline set only for
    other notices ("you must notify us within 24 hours"; a report to the authority) is not the deadline
    toward the customer: weak, with no hours, and the note says what it is."""
    all_timed = [m for m in matches if m.values.get("hours") is not None]
    timed = [m for m in all_timed if not m.values.get("not_to_customer")]
    theirs = [m for m in all_timed if m.values.get("not_to_customer")]
    limit = Num(policy.notification_max_hours)
    if theirs and not timed:
        first = min(theirs, key=lambda m: m.values["hours"])
        vague = [m for m in matches if m.values.get("vague") and m.values.get("hours") is None]
        said = note("deadline.customer_only", hours=Num(first.values["hours"]), limit=limit)
        return Decision("weak", vague + [first] + [m for m in theirs if m is not first],
                        {"hours": None, "vague": bool(vague)}, (said,))
    if timed:
        best = min(timed, key=lambda m: m.values["hours"])
        hours = best.values["hours"]
        values = {"hours": hours, "vague": False}
        if best.values.get("unit"):
            values["unit"] = best.values["unit"]
        unit_note = Note("deadline.business_days") if best.values.get("unit") == "business days" else ""
        chosen = [best] + [m for m in timed if m is not best] + theirs
        if hours <= policy.notification_max_hours:
            return Decision("met", chosen, values, (note("deadline.within", limit=limit, unit_note=unit_note),))
        said = note("deadline.longer", hours=Num(hours), unit_note=unit_note, limit=limit)
        return Decision("weak", chosen, values, (said,))
    vague = [m for m in matches if m.values.get("vague")]
    if vague:
        return Decision("weak", vague, {"hours": None, "vague": True}, (note("deadline.vague", limit=limit),))
    if matches:
        return Decision("missing", matches, notes=(note("deadline.none"),), lead=False, evidence_when_missing=True)
    return MISSING


def decide_mutual(req: Requirement, matches: list[Match], policy: Policy) -> Decision:
    """Met when the duty runs both ways (one clause, or one clause each way); a one-way duty is missing."""
    mutual = [m for m in matches if m.signal == "mutual"]
    if mutual:
        return Decision("met", mutual)
    one_way = [m for m in matches if m.signal == "one-way"]
    duties = {(m.values.get("notifier"), m.values.get("recipient")): m for m in one_way
              if m.values.get("notifier") and m.values.get("recipient")}
    for (who, whom), m in duties.items():
        back = duties.get((whom, who))
        if back is not None:  # one clause each way: "Supplier notifies Customer", "Customer notifies Supplier"
            return Decision("met", [m, back], notes=(note("mutual.both", who=who, whom=whom),), lead=False)
    if one_way:
        return Decision("missing", one_way, notes=(note("mutual.one_way"),), lead=False, evidence_when_missing=True)
    return MISSING


def _deadline_line(policy: Policy) -> Note:
    return note("report.policy.deadline", hours=Num(policy.notification_max_hours))


def _suggested_line(policy: Policy) -> Note:
    return note("report.policy.suggested", hours=suggested_hours(policy))


def _hours(n: float, **more: object) -> Hit:
    return Hit("deadline", {"hours": n, **more})


_VAGUE = Hit("deadline", {"hours": None, "vague": True})

REQUIREMENTS = (
    Requirement("DD-8.1", 8, {"en": "Deadline for notifying a security breach",
                              "da": "Frist for underretning om sikkerhedsbrud"},
                priority=10, decide=decide_deadline, signals=("deadline",),
                values={"hours": None, "vague": False}, summary=("hours",),
                settings=(Setting("notification_max_hours", float, Field(72, gt=0, le=MAX_HOURS),
                                  "the longest breach-notification deadline accepted, in hours (a longer one is weak)",
                                  _deadline_line),
                          Setting("suggested_notification_hours", int | None, Field(None, gt=0, le=MAX_HOURS),
                                  "the deadline suggested clauses propose (24 hours when unset; at most the maximum)",
                                  _suggested_line, drafting=True)),
                placeholders={"notice_deadline": lambda policy: Quantity(suggested_hours(policy), "hour"),
                              "notice_deadline_max": fallback_deadline},
                cases=(
                    Case("within-policy", (_hours(24),), "met", {"hours": 24, "vague": False},
                         "Within the policy maximum of 72 hours.", "Inden for politikkens maksimum på 72 timer."),
                    Case("exactly-the-maximum", (_hours(72),), "met", {"hours": 72},
                         "Within the policy maximum of 72 hours."),
                    Case("shortest-deadline-decides", (_hours(96), _VAGUE, _hours(48)), "met", {"hours": 48},
                         "Within the policy maximum of 72 hours.", evidence=2),
                    Case("longer-than-policy", (_hours(96),), "weak", {"hours": 96},
                         "96 hours is longer than the policy maximum of 72 hours."),
                    Case("policy-of-12-hours", (_hours(24),), "weak", {"hours": 24},
                         "24 hours is longer than the policy maximum of 12 hours.",
                         policy={"notification_max_hours": 12}),
                    Case("business-days", (_hours(48, unit="business days"),), "met",
                         {"hours": 48, "unit": "business days"},
                         "Within the policy maximum of 72 hours (stated in business days, counted at 24 hours a day).",
                         "Inden for politikkens maksimum på 72 timer (angivet i arbejdsdage, regnet som 24 timer "
                         "pr. dag)."),
                    Case("fractional-policy-in-danish", (_hours(96),), "weak", {"hours": 96},
                         "96 hours is longer than the policy maximum of 36.5 hours.",
                         "96 timer er længere end politikkens maksimum på 36,5 timer.",
                         policy={"notification_max_hours": 36.5}),
                    Case("vague-only", (_VAGUE,), "weak", {"hours": None, "vague": True},
                         "Only a vague deadline (e.g. \"without undue delay\"); the policy asks for notice within "
                         "72 hours."),
                    Case("customer-to-provider-only", (_hours(24, not_to_customer=True),), "weak",
                         {"hours": None, "vague": False},
                         "A deadline (24 hours) is stated only for other notices (the customer's to the provider, or "
                         "a notice to an authority); none for notices to the customer. The policy asks for notice "
                         "within 72 hours.",
                         "Der er kun en frist (24 timer) for andre underretninger (kundens til leverandøren eller en "
                         "underretning af en myndighed); ingen for underretning af kunden. Politikken kræver "
                         "underretning inden for 72 timer.", evidence=1),
                    Case("customer-deadline-beside-vague-duty", (_hours(24, not_to_customer=True), _VAGUE), "weak",
                         {"hours": None, "vague": True},
                         "A deadline (24 hours) is stated only for other notices (the customer's to the provider, or "
                         "a notice to an authority); none for notices to the customer. The policy asks for notice "
                         "within 72 hours.", evidence=2),
                    Case("deadline-toward-customer-decides", (_hours(24, not_to_customer=True), _hours(48)), "met",
                         {"hours": 48}, "Within the policy maximum of 72 hours.", evidence=2),
                    Case("duty-without-deadline", (Hit("deadline", {"hours": None}),), "missing", {"hours": None},
                         "A notification duty exists, but it states no deadline.", evidence=1),
                    Case("nothing", (), "missing", {"hours": None, "vague": False}),
                )),
    Requirement("DD-8.2", 8, {"en": "Mutual notification duty", "da": "Gensidig underretningspligt"},
                priority=50, decide=decide_mutual, signals=("mutual", "one-way"),
                cases=(
                    Case("mutual-clause", (Hit("one-way"), Hit("mutual")), "met", evidence=1),
                    Case("one-clause-each-way",
                         (Hit("one-way", {"notifier": "Supplier", "recipient": "Customer"}),
                          Hit("one-way", {"notifier": "Customer", "recipient": "Supplier"})), "met", {},
                         "Each party must notify the other (Supplier → Customer and Customer → Supplier).",
                         "Begge parter skal underrette hinanden (Supplier → Customer og Customer → Supplier).",
                         evidence=2),
                    Case("one-way-only", (Hit("one-way", {"notifier": "Supplier", "recipient": "Customer"}),),
                         "missing", {},
                         "The notification duty runs one way only; the other party has no duty to notify.",
                         evidence=1),
                    Case("nothing", (), "missing"),
                )),
    Requirement("DD-8.3", 8, {"en": "Content of the notification", "da": "Underretningens indhold"},
                priority=90, decide=decide_aspects, aspects=("description", "affected", "measures"),
                values={"elements": []},
                cases=(Case("description-and-measures", (Hit(values={"elements": ["measures", "description"]}),),
                            "weak", {"elements": ["description", "measures"]},
                            "Covers description and measures; not covered: affected data and systems.",
                            "Dækker beskrivelse og foranstaltninger; ikke dækket: berørte data og systemer."),)),
    Requirement("DD-8.4", 8, {"en": "Notification channel", "da": "Kanal for underretning"},
                priority=110, decide=decide_listed, values={"channels": []},
                cases=(Case("channels-in-order", (Hit(), Hit(values={"channels": ["email", "phone"]}),
                                                  Hit(values={"channels": ["phone", "portal"]})),
                            "met", {"channels": ["email", "phone", "portal"]}, evidence=2),
                       Case("duty-without-channel", (Hit(),), "missing", {"channels": []}))),
    Requirement("DD-8.5", 8, {"en": "Recipients of the notification", "da": "Modtagere af underretningen"},
                priority=100),
)

TEXTS = {
    "en": {
        "vkey.hours": "Notice deadline",
        "vkey.vague": "Vague deadline",
        "vkey.elements": "Content",
        "vkey.channels": "Channels",
        "vkey.unit": "Stated in",
        "name.web": "web page (link)",
        "name.affected": "affected data and systems",
        "name.in-writing": "in writing",
        "name.support": "customer service or help centre",
        "report.policy.deadline": "Breach notification within at most {hours} hours (DD-8.1)",
        "report.policy.suggested": "Suggested clauses propose notification within {hours} hours",
        "deadline.business_days": " (stated in business days, counted at 24 hours a day)",
        "deadline.within": "Within the policy maximum of {limit} hours{unit_note}.",
        "deadline.longer": "{hours} hours{unit_note} is longer than the policy maximum of {limit} hours.",
        "deadline.vague": "Only a vague deadline (e.g. \"without undue delay\"); the policy asks for notice within "
                          "{limit} hours.",
        "deadline.none": "A notification duty exists, but it states no deadline.",
        "deadline.customer_only": "A deadline ({hours} hours) is stated only for other notices (the customer's to "
                                  "the provider, or a notice to an authority); none for notices to the customer. "
                                  "The policy asks for notice within {limit} hours.",
        "mutual.both": "Each party must notify the other ({who} → {whom} and {whom} → {who}).",
        "mutual.one_way": "The notification duty runs one way only; the other party has no duty to notify.",
    },
    "da": {
        "vkey.hours": "Frist for underretning",
        "vkey.vague": "Upræcis frist",
        "vkey.elements": "Indhold",
        "vkey.channels": "Kanaler",
        "vkey.unit": "Angivet i",
        "report.policy.deadline": "Underretning om sikkerhedsbrud senest inden for {hours} timer (DD-8.1)",
        "report.policy.suggested": "Forslagene til bestemmelser foreslår underretning inden for {hours} timer",
        "deadline.business_days": " (angivet i arbejdsdage, regnet som 24 timer pr. dag)",
        "deadline.within": "Inden for politikkens maksimum på {limit} timer{unit_note}.",
        "deadline.longer": "{hours} timer{unit_note} er længere end politikkens maksimum på {limit} timer.",
        "deadline.vague": "Kun en upræcis frist (fx »uden unødig forsinkelse«); politikken kræver underretning "
                          "inden for {limit} timer.",
        "deadline.none": "Der er en pligt til at underrette, men ingen frist.",
        "deadline.customer_only": "Der er kun en frist ({hours} timer) for andre underretninger (kundens til "
                                  "leverandøren eller en underretning af en myndighed); ingen for underretning af "
                                  "kunden. Politikken kræver underretning inden for {limit} timer.",
        "mutual.both": "Begge parter skal underrette hinanden ({who} → {whom} og {whom} → {who}).",
        "mutual.one_way": "Underretningspligten gælder kun den ene vej; den anden part har ingen pligt til at "
                          "underrette.",
        "name.description": "beskrivelse",
        "name.affected": "berørte data og systemer",
        "name.measures": "foranstaltninger",
        "name.email": "e-mail",
        "name.phone": "telefon",
        "name.portal": "portal",
        "name.post": "brev",
        "name.in-writing": "skriftligt",
        "name.support": "kundeservice eller hjælpecenter",
        "name.web": "webside (link)",
        "name.minutes": "minutter",
        "name.hours": "timer",
        "name.days": "dage",
        "name.business days": "arbejdsdage",
        "name.weeks": "uger",
        "name.months": "måneder",
    },
}

FAMILY = Family("notification", Theme(8, {"en": "Notification of security breaches",
                                          "da": "Underretning ved sikkerhedsbrud"}),
                REQUIREMENTS, texts=TEXTS)
