"""The report's own words in English and Danish, and how numbers, amounts, dates and lists are written.

Three kinds of text make a report: rule messages and suggested clause text live with the rules
(each language block of a rule may carry its own); what a requirement's decision says (its
messages, the names of its values, its policy lines) lives with the requirement, in its family
(:mod:`ddcontract.requirements`); the labels every report shares are :data:`BASE_TEXT` here.
:func:`tr` reads all of them as one table. Every key exists in every language (a test checks it),
with the same ``{placeholders}``; ``name.*`` keys (a value identifier as a word) are needed only
where the identifier is not already the word.

A decision does not word itself: it says :class:`Note` (a text key with parameters), and the
parameters are phrases too (:class:`Num`, :class:`Money`, :class:`Names`, :class:`Joined`, or plain
text), so the same decision is worded in any report language by :func:`word`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

BASE_TEXT: dict[str, dict[str, str]] = {
    "en": {
        # statuses and labels
        "status.met": "met",
        "status.weak": "weak",
        "status.missing": "missing",
        "label.flags": "Warning flags",
        "label.flag_count": "flags",
        "label.flag_count_one": "flag",
        "label.theme": "Theme",
        "label.unknown_place": "location unknown",
        "label.page": "p.",
        "label.section": "§",
        "label.suggestion": "suggested clause",
        "label.fallback": "fallback if refused",
        "label.values": "values",
        "label.format": "format {format}{pages}, language {language}",
        "label.pages": ", {pages} pages",
        "label.summary": "Summary",
        "label.warning": "warning",
        "label.quoted": "“{text}”",
        "label.term_read": "“{term}” read as {read_as} (defined in {where})",
        "label.ocr": "read by OCR",
        "label.ocr_pages": "read by OCR: {pages} (mean confidence {confidence} of 100)",
        "value.not_stated": "not stated",
        "value.yes": "yes",
        "value.no": "no",
        "value.no_amount": "no amount stated",
        "value.hours": "{hours} hours",
        "report.policy.source": "Policy: {source}",
        "report.policy.builtin": "the built-in default policy",
        "report.parties_unknown": "not identified in the opening of the contract",
        "report.sections_in": "{n} sections in {lang}",
        "vkey.amount": "Amount",
        "missing.generic": "Nothing in the contract addresses this requirement ({title}).",
        "model.found": "No rule matched, but the statistical model finds that this sentence is about the requirement "
                       "(score {score}). Read it before relying on it.",
        "aspects.all": "Covers all of: {found}.",
        "aspects.some": "Covers {found}; not covered: {lacking}.",
        "lang.no_rules": "the clause library has no rules in language {lang!r}; using English rules",
        "explain.title": "Why",
        "explain.rules": "rules",
        "explain.no_match": "no rule of this requirement matched any sentence",
        "explain.near": "nearest misses",
        "explain.lacks": "lacks",
        "explain.order": "nothing: the words are there, but not in the pattern's order or within its gaps",
        "redline.finding": "{id} {title}: {status}. {message}",
        "redline.after_clause": "A suggested clause is inserted after this clause as a tracked change.",
        "redline.end_of_section": "A suggested clause is inserted at the end of this section as a tracked change.",
        "redline.new_clause": "No section of the contract is about this, so a suggested clause is inserted as a new "
                              "clause at the end, as a tracked change.",
        "redline.fallback": "Fallback position if the customer refuses it: {fallback}",
        "redline.refusal": "{flag}: {head}.",
        "redline.why.weakened": "Why it matters: {title} goes from {before} to {after}. {message}",
        "redline.why.excluded": "Why it matters: the clause takes out {topic}, which the due-diligence policy "
                                "requires.",
        "redline.reinstated": "Our wording is reinstated as a tracked change.",
        "redline.needs_docx": "a redline is written into the customer's Word document, so it needs the DOCX "
                              "(this is a {format} file)",
    },
    "da": {
        "status.met": "opfyldt",
        "status.weak": "svag",
        "status.missing": "mangler",
        "label.flags": "Advarselsflag",
        "label.flag_count": "flag",
        "label.flag_count_one": "flag",
        "label.theme": "Tema",
        "label.unknown_place": "placering ukendt",
        "label.page": "s.",
        "label.section": "pkt.",
        "label.suggestion": "forslag til bestemmelse",
        "label.fallback": "reserveforslag ved afslag",
        "label.values": "værdier",
        "label.format": "format {format}{pages}, sprog {language}",
        "label.pages": ", {pages} sider",
        "label.summary": "Sammenfatning",
        "label.warning": "advarsel",
        "label.quoted": "»{text}«",
        "label.term_read": "»{term}« læst som {read_as} (defineret i {where})",
        "label.ocr": "læst med OCR",
        "label.ocr_pages": "læst med OCR: {pages} (gennemsnitlig sikkerhed {confidence} af 100)",
        "value.not_stated": "ikke angivet",
        "value.yes": "ja",
        "value.no": "nej",
        "value.no_amount": "intet beløb angivet",
        "value.hours": "{hours} timer",
        "report.policy.source": "Politik: {source}",
        "report.policy.builtin": "den indbyggede standardpolitik",
        "report.parties_unknown": "ikke identificeret i kontraktens indledning",
        "report.sections_in": "{n} afsnit på {lang}",
        "vkey.amount": "Beløb",
        "missing.generic": "Kontrakten indeholder intet om dette krav ({title}).",
        "model.found": "Ingen regel passede, men den statistiske model vurderer, at denne sætning handler om kravet "
                       "(score {score}). Læs den, før du lægger vægt på den.",
        "aspects.all": "Dækker alle punkter: {found}.",
        "aspects.some": "Dækker {found}; ikke dækket: {lacking}.",
        "lang.no_rules": "regelbiblioteket har ingen regler på sproget {lang!r}; de engelske regler bruges",
        "explain.title": "Hvorfor",
        "explain.rules": "regler",
        "explain.no_match": "ingen af kravets regler passede på nogen sætning",
        "explain.near": "sætninger, der næsten passede",
        "explain.lacks": "mangler",
        "explain.order": "intet: ordene er der, men ikke i mønsterets rækkefølge eller inden for dets afstande",
        "redline.finding": "{id} {title}: {status}. {message}",
        "redline.after_clause": "Et forslag til bestemmelse er indsat efter denne bestemmelse som en registreret "
                                "ændring.",
        "redline.end_of_section": "Et forslag til bestemmelse er indsat sidst i dette afsnit som en registreret "
                                  "ændring.",
        "redline.new_clause": "Intet afsnit i kontrakten handler om dette, så et forslag til bestemmelse er indsat "
                              "som en ny bestemmelse til sidst, som en registreret ændring.",
        "redline.fallback": "Reserveforslag, hvis kunden afviser det: {fallback}",
        "redline.refusal": "{flag}: {head}.",
        "redline.why.weakened": "Hvorfor det betyder noget: {title} går fra {before} til {after}. {message}",
        "redline.why.excluded": "Hvorfor det betyder noget: bestemmelsen udelukker {topic}, som politikken for "
                                "due diligence kræver.",
        "redline.reinstated": "Vores formulering er genindsat som en registreret ændring.",
        "redline.needs_docx": "en redline skrives i kundens Word-dokument, så den kræver DOCX-filen "
                              "(dette er en {format}-fil)",
    },
}


_FIELD = re.compile(r"\{(\w+)(![rs])?\}")
_TABLES: dict[str, dict[str, str]] = {}


def texts(lang: str) -> dict[str, str]:
    """Every text of ``lang``: :data:`BASE_TEXT` and the requirement families' texts (built once)."""
    table = _TABLES.get(lang)
    if table is None:
        from .requirements import family_texts

        table = {**BASE_TEXT.get(lang, {}), **family_texts(lang)}
        _TABLES[lang] = table
    return table


def tr(lang: str, key: str, /, **params: Any) -> str:
    """The text for ``key`` in ``lang`` (English when the language or the key is not there)."""
    template = texts(lang).get(key) or texts("en")[key]

    def repl(m: re.Match[str]) -> str:
        v = params.get(m.group(1), "")
        return repr(v) if m.group(2) == "!r" else str(v)

    return _FIELD.sub(repl, template)


def has_text(key: str) -> bool:
    return key in texts("en")


def name(lang: str, value: str) -> str:
    """A value identifier ("deletion", "email") as a word of the report's language."""
    return texts(lang).get(f"name.{value}", value)


def names(lang: str, values: list[str]) -> str:
    return ", ".join(name(lang, v) for v in values)


# --------------------------------------------------------------------------- lists

_AND = {"en": "and", "da": "og"}


def and_sep(index: int, count: int, lang: str) -> str:
    """What follows item ``index`` (1-based) of ``count`` run into a sentence: ", ", " and " (Danish
    " og ") after the last but one, nothing after the last."""
    if index >= count:
        return ""
    return f" {_AND.get(lang, 'and')} " if index == count - 1 else ", "


def join_and(items: list[str], lang: str) -> str:
    """Items run into a sentence: "Denmark and Finland", "A, B and C"; Danish "A, B og C"."""
    items = [str(i) for i in items]
    return "".join(item + and_sep(i, len(items), lang) for i, item in enumerate(items, 1))


def item_end(index: int, count: int, lang: str) -> str:
    """The end of item ``index`` (1-based) of an enumeration of ``count`` items: ";" after each, and
    "; and" (Danish "; og") after the last but one only, "." after the last."""
    if index >= count:
        return "."
    return f"; {_AND.get(lang, 'and')}" if index == count - 1 else ";"


# --------------------------------------------------------------------------- phrases


class Phrase(Protocol):
    """Something said without a language yet, worded when a language is chosen."""

    def word(self, lang: str) -> str: ...


def word(value: Any, lang: str) -> str:
    """A phrase in ``lang``; plain text and numbers as they are."""
    return value.word(lang) if hasattr(value, "word") else str(value)


@dataclass(frozen=True, slots=True)
class Note:
    """A text key and its parameters (phrases or plain values)."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def word(self, lang: str) -> str:
        return tr(lang, self.key, **{k: word(v, lang) for k, v in self.params.items()})


def note(key: str, /, **params: Any) -> Note:
    return Note(key, params)


@dataclass(frozen=True, slots=True)
class Num:
    """A number as the language writes it ("2.5", "2,5")."""

    value: float

    def word(self, lang: str) -> str:
        return fmt_number(self.value, lang)


@dataclass(frozen=True, slots=True)
class Money:
    amount: float
    currency: str | None

    def word(self, lang: str) -> str:
        return fmt_amount(self.amount, self.currency, lang)


@dataclass(frozen=True, slots=True)
class Names:
    """Value identifiers as words of the language, comma-separated (or joined by the language's
    "and" before the last)."""

    values: tuple[str, ...]
    joined: bool = False  # run into a sentence: "storage, transfer and deletion"

    def word(self, lang: str) -> str:
        if self.joined:
            return join_and([name(lang, v) for v in self.values], lang)
        return names(lang, list(self.values))


@dataclass(frozen=True, slots=True)
class Joined:
    """Phrases joined by the text of ``separator`` (a key, e.g. " and ")."""

    parts: tuple[Any, ...]
    separator: str

    def word(self, lang: str) -> str:
        return tr(lang, self.separator).join(word(p, lang) for p in self.parts)


@dataclass(frozen=True, slots=True)
class Quantity:
    """"twenty-four (24) hours" in English, "24 timer" in Danish."""

    n: int
    unit: str  # hour | day

    def word(self, lang: str) -> str:
        return fmt_quantity(self.n, self.unit, lang)


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
