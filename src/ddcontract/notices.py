"""Who is told: whether the duty to notify that a deadline is set for is the duty toward the customer.

The breach-notification deadline the requirements ask about is the one toward the customer. Other deadlines are
not it: the customer's own duty to tell the provider ("You must notify us immediately (in any event within 24
hours)", "Du skal underrette os senest 24 timer efter"), the customer's report to the authority as controller ("no
later than 72 hours after the Client becomes aware of a breach"), and any notice to an authority ("We notify the
supervisory authority … within 72 hours"). :func:`ddcontract.values.extract_deadline` marks those
``not_to_customer``.
"""

from __future__ import annotations

import re

# the verbs of telling, with the word after them (its object, when it is one)
_TELL = (r"notify|inform|tell|alert|advise|contact|report|underrette|underretter|orientere|orienterer|informere|"
         r"informerer|kontakte|kontakter|give|giver")
_DUTY_VERB = re.compile(rf"\b(?:{_TELL})\b(?:\s+(?P<obj>[\wæøåÆØÅ]+))?", re.IGNORECASE)
_TO_PROVIDER_OBJECT = {"us", "os"}
# the customer as the subject of a duty: "You shall", "the Customer agrees to", "Kunden skal straks"
_SUBJECT = (
    r"\b(?:you|the\s+customer|customer|the\s+client|client|the\s+user|user|the\s+licensee|licensee|the\s+member|member|"
    r"the\s+subscriber|subscriber|du|i|kunden|brugeren|medlemmet|licenstageren|abonnenten)\s+"
    r"(?:shall|must|will|should|agrees?\s+to|undertakes?\s+to|(?:is|are)\s+(?:required|obliged|obligated)\s+to|"
    r"skal|forpligter\s+sig\s+til\s+at|er\s+forpligtet\s+til\s+at)\s*,?\s+"
    r"(?:(?:promptly|immediately|also|without\s+undue\s+delay|straks|omgående|også|uden\s+unødig\s+forsinkelse)"
    r"\s*,?\s+)?")
# … right before the verb
_CUSTOMER_SUBJECT = re.compile(_SUBJECT + "$", re.IGNORECASE)
# … a few words before the deadline, the verb after it: "Kunden skal straks og senest inden for 12 timer orientere …"
_CUSTOMER_SUBJECT_AHEAD = re.compile(_SUBJECT + r"(?:[\wæøå]+\s+){0,5}$", re.IGNORECASE)
# a deadline that runs from the customer's own awareness is the customer's: "no later than 72 hours after the Client
# becomes aware of a breach", "senest 72 timer efter, at den dataansvarlige er blevet bekendt med bruddet"
_CUSTOMER_AWARE = re.compile(
    r"^\W*(?:[\wæøå]+\W+){0,3}?(?:after|from|of|once|when|efter|fra)\W+(?:that\s+|at\s+)?(?:the\s+|den\s+)?"
    r"(?:customer|client|controller|you|kunden|dataansvarlige|du)\s+"
    r"(?:becomes?|became|has\s+become|have\s+become|is\s+made|are\s+made|first\s+becomes?|bliver|er\s+blevet|har\s+fået)\s+"
    r"(?:aware|bekendt|opmærksom|kendskab)", re.IGNORECASE)


# an authority told, not the customer: "notify the supervisory authority … within 72 hours", "notification to the
# competent authority", "anmelde bruddet til Datatilsynet"
_AUTHORITY = (r"(?:(?:the|any|a|an|relevant|competent|applicable|appropriate|responsible|lead|national|den|de|en|relevante|"
              r"kompetente|ansvarlige)\s+){0,3}(?:(?:supervisory|data\s+protection|regulatory|privacy|government(?:al)?)\s+)?"
              r"(?:authority|authorities|regulator|regulators|ico|datatilsynet|datatilsyn|tilsynsmyndighed(?:en|er|erne)?|"
              r"myndighed(?:en|er|erne)?)\b")
_AUTHORITY_TOLD = re.compile(
    rf"\b(?:{_TELL}|notifies|notified|notifying|informs|reports|tells|alerts|advises|anmelde|anmelder|anmeldes|"
    rf"indberette|indberetter)\s+"
    # a few words between ("report the breach to the authority"), none of them the customer or an "and" ("notify the
    # Club and the authority" tells the customer too)
    rf"(?:(?!(?:customers?|clients?|controllers?|you|us|and|kunden|kunder|dig|jer|os|dataansvarlige|og)\b)\w+\s+){{0,4}}?"
    rf"(?:to\s+|til\s+)?{_AUTHORITY}|"
    rf"\b(?:notification|notice|report|reporting|anmeldelse|underretning|indberetning)\s+(?:to|of|til)\s+{_AUTHORITY}",
    re.IGNORECASE)


def not_to_customer(text: str, at: int) -> bool:
    """Whether the duty to notify that governs the deadline at ``at`` is not the duty toward the customer: the
    deadline runs from the customer's awareness; or the last notifying words before it tell an authority; or the
    last notifying verb before the deadline (or else the first after it) has "us" as its object, or the customer as
    its subject."""
    if _CUSTOMER_AWARE.search(_after_deadline(text, at)):
        return True
    verbs = list(_DUTY_VERB.finditer(text))
    before = [v for v in verbs if v.start() < at]
    told = [m for m in _AUTHORITY_TOLD.finditer(text) if m.start() < at]
    if told and (not before or told[-1].start() >= before[-1].start()):
        return True
    verb = before[-1] if before else next(iter(verbs), None)
    if verb is None:
        return False
    if (verb.group("obj") or "").lower() in _TO_PROVIDER_OBJECT:
        return True
    if not before:
        return bool(_CUSTOMER_SUBJECT_AHEAD.search(text[max(0, at - 100):at]))
    return bool(_CUSTOMER_SUBJECT.search(text[max(0, verb.start() - 60):verb.start()]))


def _after_deadline(text: str, at: int) -> str:
    """The words after the deadline that starts at ``at`` ("72 hours after …"): from its unit on, a short stretch."""
    unit = re.match(r"\S*\s*(?:\([^)]{0,12}\)\s*)?\S+", text[at:])
    start = at + (unit.end() if unit else 0)
    return text[start:start + 80]
