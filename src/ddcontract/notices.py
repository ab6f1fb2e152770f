"""Who gives a notice: whether the duty to notify that a deadline is set for runs from the customer to the provider.

The breach-notification deadline the requirements ask about is the one toward the customer; the customer's own
duty to tell the provider ("You must notify us immediately (in any event within 24 hours)", "Du skal underrette os
senest 24 timer efter") is another deadline, and :func:`ddcontract.values.extract_deadline` marks it
``to_provider``.
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


def to_provider(text: str, at: int) -> bool:
    """Whether the duty to notify that governs the deadline at ``at`` runs from the customer to the provider: the
    last notifying verb before the deadline (or else the first after it) has "us" as its object, or the customer as
    its subject."""
    verbs = list(_DUTY_VERB.finditer(text))
    before = [v for v in verbs if v.start() < at]
    verb = before[-1] if before else next(iter(verbs), None)
    if verb is None:
        return False
    if (verb.group("obj") or "").lower() in _TO_PROVIDER_OBJECT:
        return True
    if not before:
        return bool(_CUSTOMER_SUBJECT_AHEAD.search(text[max(0, at - 100):at]))
    return bool(_CUSTOMER_SUBJECT.search(text[max(0, verb.start() - 60):verb.start()]))
