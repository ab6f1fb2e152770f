"""Values: a liability cap set at the insurance sum, with the sum stated elsewhere in the contract.

"Docura's liability is in all cases limited to the amount stated under 'Insurance sums'", "limited to the lesser of
the fees and the insured sum": the cap sentence names no amount, but the contract states the insurance cover in
another clause ("We hold insurance with total cover of DKK 10 million per claim"). The maximum a lawyer reads first is
that sum, so the cap takes it, and its finding says where it was read. Only one insurance sum may be stated: where the
contract gives several (per claim and per year, two policies), which one is the cap is a reading for a lawyer, and the
cap keeps no amount.
"""

from __future__ import annotations

import re

from .amounts import find_money
from .model import Clause, Match
from .requirements import LIABILITY_CAP

# the cap sentence names the insurance sum itself: "the insured sum", "the sum insured", "the limit of its insurance",
# "the amount stated under 'Insurance'", "forsikringssummen", "beløbet angivet under »Forsikringssummer«" — not what
# an insurer pays out ("the amount recovered under the insurance", "det beløb, der udbetales under forsikringen"),
# which can be less than the sum
_REFERS = {
    "en": re.compile(
        r"\b(?:insured\s+sum|sum\s+insured|insurance\s+(?:sum|limits?|cover\s+amount)"
        r"|limits?\s+of\s+(?:(?:the|its|our|their|such|that)\s+)?(?:[\w-]+\s+){0,3}(?:insurance|polic(?:y|ies))"
        r"|(?:amount|sum)\s+(?:stated|set\s+out|specified|given)\s+(?:under|in)\s+[^.]{0,40}insurance)\b", re.IGNORECASE),
    "da": re.compile(
        r"forsikringssum|dækningssum|forsikringens\s+(?:maksimum|dækningsbeløb)"
        r"|\b(?:beløb|beløbet|summen)\s+(?:som\s+er\s+|der\s+er\s+)?(?:angivet|anført|nævnt|fastsat|oplyst)\s+(?:under|i)\s+"
        r"[^.]{0,40}forsikring", re.IGNORECASE),
}
# a sentence about the insurance, and what an amount in it must not be: the excess, the premium
_INSURANCE = {"en": re.compile(r"\binsur", re.IGNORECASE), "da": re.compile(r"forsikr", re.IGNORECASE)}
_NOT_COVER = {
    "en": re.compile(r"\b(?:deductible|excess|premiums?|retention)\b[^.]{0,40}$", re.IGNORECASE),
    "da": re.compile(r"\b(?:selvrisiko\w*|præmie\w*|egenbetaling\w*)\b[^.]{0,40}$", re.IGNORECASE),
}


def _lang(code: str) -> str:
    """The language whose words are read here: English where there are none for ``code``."""
    return code if code in _INSURANCE else "en"


def insurance_sum(clauses: list[Clause], languages: list[str],
                  skip: set[tuple[int, int]]) -> tuple[dict, tuple[str | None, str | None]] | None:
    """The one insurance sum the contract states, and where (its section and heading), or None when it states none or
    several different ones. ``skip``: the sentences (clause index, start) of the caps themselves."""
    found: dict[tuple[float, str | None], tuple[str | None, str | None]] = {}
    for index, (clause, code) in enumerate(zip(clauses, languages)):
        lang = _lang(code)
        for sentence in clause.sentences:
            if sentence.kind != "text" or (index, sentence.start) in skip:
                continue
            text = sentence.text
            if not _INSURANCE[lang].search(text):
                continue
            for money in find_money(text, lang):
                if money.get("currency") is None or _NOT_COVER[lang].search(text[:money["start"]]):
                    continue
                found.setdefault((money["amount"], money["currency"]), (sentence.section, clause.heading))
    if len(found) != 1:
        return None
    (amount, currency), where = next(iter(found.items()))
    return {"amount": amount, "currency": currency}, where


def resolve_insurance_caps(matches: list[Match], clauses: list[Clause], languages: list[str]) -> None:
    """A cap set at the insurance sum takes the sum the contract states elsewhere (see the module); in place."""
    open_caps = [m for m in matches if m.requirement == LIABILITY_CAP and m.signal == "cap"
                 and m.values.get("amount") is None and not m.values.get("formula")]
    refers = [m for m in open_caps
              if _REFERS[_lang(languages[m.sentence.clause_index])].search(m.sentence.text)]
    if not refers:
        return
    caps = {(m.sentence.clause_index, m.sentence.start) for m in matches if m.requirement == LIABILITY_CAP}
    found = insurance_sum(clauses, languages, caps)
    if found is None:
        return
    money, where = found
    for m in refers:
        m.values.update(money)
        m.values["amount_from"] = where
