"""The report's own words in English and Danish: status names, labels and the evaluator's messages.

Rule messages and suggested clause text live with the rules (each language block of a rule may
carry its own); this module holds what the evaluator and the reports add around them. Every key
exists in every language (a test checks it), with the same ``{placeholders}``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

REPORT_LANGS = ("en", "da")

TEXT: dict[str, dict[str, str]] = {
    "en": {
        # statuses and labels
        "status.met": "met",
        "status.weak": "weak",
        "status.missing": "missing",
        "label.flags": "Warning flags",
        "label.no_flags": "none raised (WF-2, WF-3 checked; WF-1 needs a markup comparison)",
        "label.flag_count": "flag(s)",
        "label.theme": "Theme",
        "label.unknown_place": "location unknown",
        "label.page": "p.",
        "label.section": "§",
        "label.suggestion": "suggested clause",
        "label.values": "values",
        "label.format": "format {format}{pages}, language {language}",
        "label.pages": ", {pages} pages",
        "label.summary": "Summary",
        "label.warning": "warning",
        "value.not_stated": "not stated",
        "value.yes": "yes",
        "value.no": "no",
        "value.no_amount": "no amount stated",
        "value.hours": "{hours} hours",
        "report.policy.source": "Policy: {source}",
        "report.policy.builtin": "the built-in default policy",
        "report.policy.deadline": "Breach notification within at most {hours} hours (DD-8.1)",
        "report.policy.cap": "A liability cap must state an amount or a fee-based formula (DD-4.6)",
        "report.policy.cap_any": "A liability cap is accepted without an amount or formula (DD-4.6)",
        "report.policy.insurance": "Minimum cyber insurance cover: {cover} (DD-6.1)",
        "report.policy.no_minimum": "no minimum set",
        "report.policy.suggested": "Suggested clauses propose notification within {hours} hours",
        "report.parties_unknown": "not identified in the opening of the contract",
        "report.sections_in": "{n} sections in {lang}",
        "vkey.hours": "Notice deadline",
        "vkey.vague": "Vague deadline",
        "vkey.amount": "Amount",
        "vkey.formula": "Formula",
        "vkey.types": "Insurance types",
        "vkey.aspects": "Covers",
        "vkey.elements": "Content",
        "vkey.channels": "Channels",
        "vkey.owner": "Owner",
        # evaluator messages
        "missing.generic": "Nothing in the contract addresses this requirement ({title}).",
        "aspects.all": "Covers all of: {found}.",
        "aspects.some": "Covers {found}; not covered: {lacking}.",
        "cap.unlimited_note": " Note: the contract also states that some liability is unlimited (section {section}).",
        "cap.met": "A maximum is stated.",
        "cap.no_amount_ok": "Liability is capped; the policy accepts a cap without a stated amount.",
        "cap.no_amount": "Liability is limited, but no maximum amount or fee-based formula is stated.",
        "cap.limits_only": "Liability is limited only by {kinds}, without any maximum amount.",
        "cap.kind.exclusion": "excluded kinds of damage",
        "cap.kind.time": "a time limit for claims",
        "cap.and": " and ",
        "cap.unlimited": "Liability is stated to be unlimited; there is no cap.",
        "term.general_only": "Only a general right to terminate for material breach; no express right to terminate "
                             "for a security breach or a breach of security obligations.",
        "ins.not_cyber": "Insurance is required, but not cyber cover (types: {kinds}).",
        "ins.unspecified": "unspecified",
        "ins.no_amount": "Cyber insurance is required, but no minimum amount is stated.",
        "ins.below": "The cyber cover of {amount} is below the policy minimum of {minimum}.",
        "deadline.business_days": " (stated in business days, counted at 24 hours a day)",
        "deadline.within": "Within the policy maximum of {limit} hours{unit_note}.",
        "deadline.longer": "{hours} hours{unit_note} is longer than the policy maximum of {limit} hours.",
        "deadline.vague": "Only a vague deadline (e.g. \"without undue delay\"); the policy asks for notice within "
                          "{limit} hours.",
        "deadline.none": "A notification duty exists, but it states no deadline.",
        "mutual.both": "Each party must notify the other ({who} → {whom} and {whom} → {who}).",
        "mutual.one_way": "The notification duty runs one way only; the other party has no duty to notify.",
        "lang.no_rules": "the clause library has no rules in language {lang!r}; using English rules",
    },
    "da": {
        "status.met": "opfyldt",
        "status.weak": "svag",
        "status.missing": "mangler",
        "label.flags": "Advarselsflag",
        "label.no_flags": "ingen (WF-2 og WF-3 er kontrolleret; WF-1 kræver en sammenligning af ændringer)",
        "label.flag_count": "flag",
        "label.theme": "Tema",
        "label.unknown_place": "placering ukendt",
        "label.page": "s.",
        "label.section": "pkt.",
        "label.suggestion": "forslag til bestemmelse",
        "label.values": "værdier",
        "label.format": "format {format}{pages}, sprog {language}",
        "label.pages": ", {pages} sider",
        "label.summary": "Sammenfatning",
        "label.warning": "advarsel",
        "value.not_stated": "ikke angivet",
        "value.yes": "ja",
        "value.no": "nej",
        "value.no_amount": "intet beløb angivet",
        "value.hours": "{hours} timer",
        "report.policy.source": "Politik: {source}",
        "report.policy.builtin": "den indbyggede standardpolitik",
        "report.policy.deadline": "Underretning om sikkerhedsbrud senest inden for {hours} timer (DD-8.1)",
        "report.policy.cap": "En ansvarsbegrænsning skal angive et beløb eller en beregning ud fra vederlaget (DD-4.6)",
        "report.policy.cap_any": "En ansvarsbegrænsning accepteres uden beløb eller beregning (DD-4.6)",
        "report.policy.insurance": "Mindste dækning for cyberforsikring: {cover} (DD-6.1)",
        "report.policy.no_minimum": "intet minimum fastsat",
        "report.policy.suggested": "Forslagene til bestemmelser foreslår underretning inden for {hours} timer",
        "report.parties_unknown": "ikke identificeret i kontraktens indledning",
        "report.sections_in": "{n} afsnit på {lang}",
        "vkey.hours": "Frist for underretning",
        "vkey.vague": "Upræcis frist",
        "vkey.amount": "Beløb",
        "vkey.formula": "Beregning",
        "vkey.types": "Forsikringstyper",
        "vkey.aspects": "Dækker",
        "vkey.elements": "Indhold",
        "vkey.channels": "Kanaler",
        "vkey.owner": "Ejer",
        "missing.generic": "Kontrakten indeholder intet om dette krav ({title}).",
        "aspects.all": "Dækker alle punkter: {found}.",
        "aspects.some": "Dækker {found}; ikke dækket: {lacking}.",
        "cap.unlimited_note": " Bemærk: kontrakten fastsætter også et ubegrænset ansvar for visse forhold (pkt. {section}).",
        "cap.met": "Der er fastsat et maksimum.",
        "cap.no_amount_ok": "Ansvaret er begrænset; politikken accepterer en begrænsning uden angivet beløb.",
        "cap.no_amount": "Ansvaret er begrænset, men der er hverken angivet et maksimalt beløb eller en "
                         "beregning ud fra vederlaget.",
        "cap.limits_only": "Ansvaret er kun begrænset ved {kinds}, uden noget maksimum.",
        "cap.kind.exclusion": "udelukkelse af bestemte tabstyper",
        "cap.kind.time": "en frist for at rejse krav",
        "cap.and": " og ",
        "cap.unlimited": "Ansvaret er angivet som ubegrænset; der er ingen ansvarsbegrænsning.",
        "term.general_only": "Kun en generel ret til ophævelse ved væsentlig misligholdelse; ingen udtrykkelig ret "
                             "til at ophæve ved sikkerhedsbrud eller brud på sikkerhedsforpligtelserne.",
        "ins.not_cyber": "Der kræves forsikring, men ikke cyberforsikring (typer: {kinds}).",
        "ins.unspecified": "ikke angivet",
        "ins.no_amount": "Der kræves cyberforsikring, men der er ikke angivet en minimumsdækning.",
        "ins.below": "Cyberdækningen på {amount} er under politikkens minimum på {minimum}.",
        "deadline.business_days": " (angivet i arbejdsdage, regnet som 24 timer pr. dag)",
        "deadline.within": "Inden for politikkens maksimum på {limit} timer{unit_note}.",
        "deadline.longer": "{hours} timer{unit_note} er længere end politikkens maksimum på {limit} timer.",
        "deadline.vague": "Kun en upræcis frist (fx \"uden unødig forsinkelse\"); politikken kræver underretning "
                          "inden for {limit} timer.",
        "deadline.none": "Der er en pligt til at underrette, men ingen frist.",
        "mutual.both": "Begge parter skal underrette hinanden ({who} → {whom} og {whom} → {who}).",
        "mutual.one_way": "Underretningspligten gælder kun den ene vej; den anden part har ingen pligt til at "
                          "underrette.",
        "name.storage": "opbevaring",
        "name.transfer": "overførsel",
        "name.deletion": "sletning",
        "name.automated-access": "automatiseret adgang",
        "name.data-mining": "datamining",
        "name.redistribution": "videredistribution",
        "name.description": "beskrivelse",
        "name.affected": "berørte data og systemer",
        "name.measures": "foranstaltninger",
        "name.email": "e-mail",
        "name.phone": "telefon",
        "name.portal": "portal",
        "name.post": "brev",
        "name.in-writing": "skriftligt",
        "name.cyber": "cyber",
        "name.professional": "professionelt ansvar",
        "name.general": "erhvervsansvar",
        "name.product": "produktansvar",
        "name.employers": "arbejdsskade",
        "name.property": "ting",
        "name.auto": "motorkøretøjer",
        "name.crime": "kriminalitet",
        "lang.no_rules": "regelbiblioteket har ingen regler på sproget {lang!r}; de engelske regler bruges",
    },
}

_FIELD = re.compile(r"\{(\w+)(![rs])?\}")


def tr(lang: str, key: str, /, **params: Any) -> str:
    """The text for ``key`` in ``lang`` (English when the language is not known)."""
    table = TEXT.get(lang, TEXT["en"])
    template = table.get(key) or TEXT["en"][key]

    def repl(m: re.Match[str]) -> str:
        v = params.get(m.group(1), "")
        return repr(v) if m.group(2) == "!r" else str(v)

    return _FIELD.sub(repl, template)


def name(lang: str, value: str) -> str:
    """A value identifier ("deletion", "email") as a word of the report's language."""
    return TEXT.get(lang, {}).get(f"name.{value}", value)


def names(lang: str, values: list[str]) -> str:
    return ", ".join(name(lang, v) for v in values)


def fmt_amount(amount: float | int, currency: str | None, lang: str) -> str:
    """ "EUR 2,000,000" in English, "EUR 2.000.000" in Danish (decimals kept when there are any)."""
    value = int(amount) if float(amount).is_integer() else amount
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"
    if lang == "da":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return f"{currency or ''} {text}".strip()


def fmt_number(value: float | int, lang: str) -> str:
    value = int(value) if float(value).is_integer() else value
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",") if lang == "da" else text


_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "da": ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
           "november", "december"],
}

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def fmt_date(d: dt.date, lang: str) -> str:
    month = _MONTHS[lang][d.month - 1]
    return f"{d.day}. {month} {d.year}" if lang == "da" else f"{d.day} {month} {d.year}"


def english_number(n: int) -> str:
    """0–999 in words ("twenty-four"); larger numbers as digits."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" and {english_number(rest)}" if rest else "")
    return str(n)


def fmt_quantity(n: int, unit: str, lang: str) -> str:
    """"twenty-four (24) hours" in English; "24 timer" in Danish (units: hour, day)."""
    if lang == "da":
        word = {"hour": ("time", "timer"), "day": ("dag", "dage")}[unit][n != 1]
        return f"{n} {word}"
    word = unit if n == 1 else unit + "s"
    return f"{english_number(n)} ({n}) {word}"
