"""Defined terms: a name a contract gives to a security incident or to the customer's data, and the
reading of later sentences with that name understood.

Real drafting defines a name once and uses it alone afterwards: '"Occurrence" means any unauthorised
access to … Customer Personal Data' and, ten pages on, "the Supplier shall inform the Customer of any
Occurrence within 36 hours". The rules cannot know that "Occurrence" is an incident. This stage finds
such definitions (a definition sentence, a parenthesised "(a "Data Event")" after the words it names,
Danish "Ved »Hændelse« forstås …") whose definition is *about* one of four concepts:

- ``incident``: the definition's head is an event (a breach, access, loss, compromise …) and it
  carries a security signal (unauthorised, unlawful destruction, breach of security, attack …);
- ``data``: the definition's head is data, information, content or material that comes from the
  customer ("uploaded by Customer", "your", "provided by or on behalf of the Client");
- ``fault``: the term says "incident" but the definition's head is a failure of the service (a fault, an outage,
  a malfunction) with no security signal, as IT-support terms define it: it is read as a service fault, so a
  duty to report "Incidents" through the service desk is not taken for a breach notice.
- ``bot``: the term names a tool, program or script and the definition says it works by itself (a robot, spider,
  crawler, script, automated): a ban on using an "Extraction Tool" is a ban on automated access.

Matching then reads each sentence with the term replaced by the concept's plain words ("security
incident", "customer data", "robot or crawler"; Danish "sikkerhedsbrud", "kundens data"); :class:`Reading` maps every
offset back, so quotes and values are always taken from the document's own text, and a match that
rests on a defined term names it (term, concept, where it is defined).

A term whose own words already carry the concept ("Security Incident", "Customer Data") is left as it
is: the rules read it already. Confidentiality terms are never read as customer data.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable

from .amounts import DOLLAR_CODES, OTHER_DOLLARS, extract_money, find_money
from .deadlines import defined_period
from .matching.xref import section_titles, title_edits
from .model import Clause, Sentence, TermUse
from .wordjoins import any_joins, joins

# the words a concept is read as, per language
READ_AS = {
    "incident": {"en": "security incident", "da": "sikkerhedsbrud"},
    "data": {"en": "customer data", "da": "kundens data"},
    # an "Incident" that the contract defines as a failure of the service (a support ticket's incident), not a breach
    "fault": {"en": "service fault", "da": "driftsfejl"},
    # a name for programs that use the service by themselves ("Extraction Tool" means any robot, spider or script …)
    "bot": {"en": "robot or crawler", "da": "robot eller crawler"},
}

_Q_OPEN = "\"“”‘'»«„"
_Q_CLOSE = "\"”“’'«»"
# a word of a term: an apostrophe inside it ("Customer's") but not one that closes the quotes ('Liability Cap')
_TERM_WORD = r"[A-ZÆØÅ](?:[\w-]|[’'](?=[^\W\d_]))*"
_TERM = _TERM_WORD + r"(?:\s+(?:" + _TERM_WORD + r"|of|on|and|for|to|af|og|til|for|på)){0,5}"

# '"Term" means …', '1.2 “Term” shall mean …', 'Term means …', '"Term": …' (in a definitions clause)
_DEFINES = re.compile(
    r"^\s*(?:[-•–*]\s+)?(?:\(?[0-9a-z.]{1,6}\)?\s+)?(?:(?:[Aa]n?|[Tt]he|[Ee]n|[Ee]t)\s+(?=[" + _Q_OPEN + r"]))?"
    r"[" + _Q_OPEN + r"]?(?P<term>" + _TERM + r")[" + _Q_CLOSE + r"]?"
    r"\s*(?:\([^)]{0,40}\)\s*)?"
    r"(?:means|shall mean|refers to|shall refer to|is defined as|betyder|forstås(?:\s+som)?|skal forstås som|er defineret som)\s+"
    r"(?P<body>.+)$", re.DOTALL)
_COLON = re.compile(r"^\s*(?:[-•–*]\s+)?(?:\(?[0-9a-z.]{1,6}\)?\s+)?[" + _Q_OPEN + r"]?(?P<term>" + _TERM + r")["
                    + _Q_CLOSE + r"]?\s*:\s+(?P<body>.+)$", re.DOTALL)
# Danish: 'Ved »Hændelse« forstås …', 'I denne aftale forstås ved "Brud" …'
_VED = re.compile(r"\b[Vv]ed\s+(?:(?:en|et)\s+)?(?:[" + _Q_OPEN + r"](?P<term>" + _TERM + r")[" + _Q_CLOSE + r"]|"
                  # without quotes, the noun itself: "Ved en hændelse forstås en uplanlagt afbrydelse af Ydelsen"
                  r"(?:en|et)\s+(?P<noun>hændelse|sikkerhedshændelse|brud|sikkerhedsbrud|databrud))\s+forstås\s+(?:som\s+)?"
                  r"(?P<body>.+)$|"
                  # the verb first: 'I denne aftale forstås ved en »Datahændelse« ethvert brud på …'
                  r"\bforstås\s+ved\s+(?:(?:en|et)\s+)?[" + _Q_OPEN + r"](?P<term2>" + _TERM + r")[" + _Q_CLOSE + r"]\s+"
                  r"(?P<body2>.+)$", re.DOTALL)
# '… of Customer Personal Data (a "Data Event")', '(hereinafter "the Incident")', '(herefter »Hændelsen«)'
_INLINE = re.compile(r"\((?:[^()\"“»]{0,30}?\s)?[" + _Q_OPEN + r"](?P<term>" + _TERM + r")[" + _Q_CLOSE + r"]\s*\)")
_DEFINITIONS_HEADING = re.compile(r"definition|interpretation|begreber|begrebsdefinition|definitioner|ordforklaring",
                                  re.IGNORECASE)

# the head of the definition (its first words) names an event, or data
_EVENT_HEAD = re.compile(
    r"\b(?:breach|breaches|incident|incidents|event|events|occurrence|occurrences|compromise|compromises|attack|"
    r"attacks|intrusion|intrusions|access|disclosure|loss|losses|destruction|acquisition|act|acts|situation|"
    r"circumstance|circumstances|attempt|"
    r"brud|hændelse|hændelser|sikkerhedsbrud|kompromittering|angreb|adgang|videregivelse|tab|tilintetgørelse|"
    r"situation|begivenhed|begivenheder|forhold|indtrængen)\b", re.IGNORECASE)
_SECURITY = re.compile(
    r"(?:\bbreach(?:es)? of (?:the )?(?:security|confidentiality|integrity)|\bsecurity (?:breach|incident|event)|"
    r"\bunauthori[sz]ed\b|\bunlawful\b|\billegitimate\b|\bcompromise of\b|\bcompromised\b|"
    r"\b(?:security|technical|data|system) compromise|\bcyber|\bmalicious|\bmalware|\bransomware|"
    r"\bintrusion|\bhack|\bphishing|\bbreach of (?:the\s+)?(?:\w+['’]s?\s+)?security|"
    r"sikkerhedsbrud|brud på (?:[\w-]+\s+)?[\w-]*sikkerhed(?:en)?\b|\buautoriseret|\buberettiget|\bulovlig|\bhændelig eller ulovlig|"
    r"\bkompromitter|\bcyberangreb|\bindtrængen|\bhacker)", re.IGNORECASE)
_DATA_HEAD = re.compile(
    r"\b(?:data|information|content|contents|materials?|files?|records?|documents?|"
    r"oplysninger|indhold|materiale|filer|dokumenter|registreringer)\b", re.IGNORECASE)
_FROM_CUSTOMER = re.compile(
    r"(?:\b(?:by|from)\s+(?:or\s+(?:on\s+behalf\s+of|for)\s+)?(?:the\s+)?(?:customer|client|licensee|subscriber|user|users|"
    r"you|member|buyer)\b|\b(?:customer|client|licensee|subscriber|user|member|buyer)['’]s\b|\byour\b|"
    r"\b(?:customer|client|licensee|subscriber|user|users|you|member|buyer)\s+(?:or\s+\w+\s+)?(?:uploads?|submits?|"
    r"provides?|enters?|inputs?|transmits?|stores?|posts?|supplies|makes?\s+available|sends?)\b|"
    r"\b(?:kunden|kundens|brugeren|brugerens|abonnenten|abonnentens|dig|du|din|dine)\b)", re.IGNORECASE)
# a name for an event, or for material: "Occurrence", "Data Event", "Event of Compromise", "Client
# Materials", "Submissions", "Brugerindhold" (not "Effective Date" or "Property", whatever words stand
# near their definition)
_EVENT_TERM = re.compile(r"event|occurrence|compromise|incident|attack|intrusion|matter|situation|breach|mishap|"
                         r"hændelse|begivenhed|brud|angreb|kompromittering|indtrængen|uheld", re.IGNORECASE)
_DATA_TERM = re.compile(r"content|material|submission|input|file|record|upload|document|"
                        r"indhold|materiale|fil|dokument", re.IGNORECASE)
# the term's own words already say it: the rules read it without help ("Security Incident", "Data Breach"; not
# "Breach" or "Breach Event", which alone may be a breach of contract)
_SAYS_INCIDENT = re.compile(r"incident|(?:security|data|privacy|cyber)[\s-]+breach|sikkerhedsbrud|databrud|sikkerhedshændelse",
                            re.IGNORECASE)
_SAYS_DATA = re.compile(r"\bdata\b|data\b|information|oplysning|confidential|fortrolig|personal|person", re.IGNORECASE)
# an incident that is a fault of the service: "'Incident' means a failure of the Service to perform materially in
# accordance with the Documentation", "»Hændelse«: en fejl i Systemet, der …"
_INCIDENT_TERM = re.compile(r"incident|hændelse", re.IGNORECASE)
_SECURITY_TERM = re.compile(r"secur|sikkerhed|data|privacy|cyber|breach|brud", re.IGNORECASE)
_FAULT_HEAD = re.compile(
    r"\b(?:failure|failures|fault|faults|malfunction|malfunctions|defect|defects|error|errors|outage|outages|"
    r"interruption|interruptions|degradation|unavailability|disruption|disruptions|"
    r"fejl|svigt|nedbrud|driftsforstyrrelse|driftsforstyrrelser|afbrydelse|afbrydelser|forringelse|utilgængelighed)\b",
    re.IGNORECASE)
# a name for events beyond a party's control ("Force Majeure Event", "Force majeure-hændelse")
_FORCE_MAJEURE = re.compile(r"majeure|force[\s-]+majeur|uforudsete|ekstraordinær", re.IGNORECASE)
# a name for a program that works by itself: '"Extraction Tool" means any robot, spider, crawler, script or other program
# that accesses the Portal without a person making each request' (not "Automated Means", whose own words say it)
_BOT_TERM = re.compile(r"tool|program|software|bot|agent|script|device|værktøj", re.IGNORECASE)
_BOT_BODY = re.compile(r"\b(?:robots?|spiders?|crawlers?|scrapers?|bots?|scripts?|automated|automatic(?:ally)?|robotter|"
                       r"scrapere|automatiseret|automatiserede|automatisk)\b", re.IGNORECASE)
_SAYS_BOT = re.compile(r"automat|robot|crawl|scrap|spider|\bbots?\b", re.IGNORECASE)
# the words every form of definition above needs one of (the quoted forms need a quote instead)
_HINTS = ("mean", "refer", "defined", "betyder", "forstås", "defineret")
_HEAD_WORDS = 8
_INLINE_BODY = 200


@dataclass(frozen=True, slots=True)
class DefinedTerm:
    term: str  # as the contract writes it
    concept: str  # "incident" | "data" | "fault" | "bot"
    section: str | None  # where it is defined
    page: int | None

    def read_as(self, lang: str) -> str:
        return READ_AS[self.concept].get(lang, READ_AS[self.concept]["en"])

    def use(self, lang: str) -> TermUse:
        return TermUse(self.term, self.read_as(lang), self.section, self.page)


def concept_of(term: str, body: str, inline: bool = False) -> str | None:
    """What a definition is about, when it is one of the concepts read here (else None). Its head is
    its first words, or for a parenthesised definition the words just before the parenthesis."""
    if _FORCE_MAJEURE.search(term):
        # events beyond a party's control, however malicious ("fire, flood, … malicious damage"), excuse performance;
        # they are not the security incident a party must report
        return None
    words = body.split()
    head = " ".join(words[-_HEAD_WORDS:] if inline else words[:_HEAD_WORDS])
    if (_EVENT_TERM.search(term) and _EVENT_HEAD.search(head) and _SECURITY.search(head if inline else body)
            and not _SAYS_INCIDENT.search(term)):
        return "incident"
    if (_INCIDENT_TERM.search(term) and not _SECURITY_TERM.search(term) and _FAULT_HEAD.search(head)
            and not _SECURITY.search(body)):
        return "fault"
    if _BOT_TERM.search(term) and _BOT_BODY.search(body) and not _SAYS_BOT.search(term) and not inline:
        return "bot"
    if (_DATA_TERM.search(term) and _DATA_HEAD.search(head) and _FROM_CUSTOMER.search(head if inline else body) and not _SAYS_DATA.search(term)
            and not _SECURITY.search(head)):
        return "data"
    return None


def _definitions(sentence: Sentence, in_definitions: bool) -> Iterable[tuple[str, str, bool]]:
    """(term, definition text, whether parenthesised) for each definition a sentence states."""
    text = sentence.text[sentence.lead:]
    if not (any(q in text for q in _Q_OPEN) or any(h in text for h in _HINTS) or (in_definitions and ":" in text)):
        return  # no quote, no defining verb: most sentences, looked at no further
    for pattern in (_DEFINES, _VED) + ((_COLON,) if in_definitions else ()):
        m = pattern.search(text) if pattern is _VED else pattern.match(text)
        if m:
            found = m.groupdict()
            yield (found.get("term") or found.get("noun") or found.get("term2"),
                   found.get("body") or found.get("body2"), False)
            return
    for m in _INLINE.finditer(text):
        yield m.group("term"), text[max(0, m.start() - _INLINE_BODY):m.start()], True


def _plain(term: str) -> str:
    return term.strip(" .,;:")


def defined_terms(clauses: list[Clause]) -> list[DefinedTerm]:
    """The terms the clauses define as an incident or as the customer's data (the first definition of
    a term counts)."""
    out: dict[str, DefinedTerm] = {}
    for term, body, inline, sentence in _every_definition(clauses):
        if term not in out and (concept := concept_of(term, body, inline)):
            out[term] = DefinedTerm(term, concept, sentence.section, sentence.page)
    return list(out.values())


def _every_definition(clauses: list[Clause]) -> Iterable[tuple[str, str, bool, Sentence]]:
    """(term, definition text, whether parenthesised, the sentence) for each definition of a term of three letters
    or more the clauses state, in reading order."""
    for clause in clauses:
        in_definitions = bool(clause.heading and _DEFINITIONS_HEADING.search(clause.heading))
        for sentence in clause.sentences:
            if sentence.kind == "heading":
                continue
            for term, body, inline in _definitions(sentence, in_definitions):
                term = _plain(term)
                if len(term) >= 3:
                    yield term, body, inline, sentence


def defined_amounts(clauses: list[Clause], lang: str) -> dict[str, tuple[dict, TermUse]]:
    """The terms the clauses define as a sum of money ('"Liability Cap" means the amount of SEK 2 000 000', "Ved
    »Ansvarsbeløbet« forstås 1,5 mio. kr."), each with that sum and where it is defined: a cap stated only by the
    term ("shall not exceed the Liability Cap") is that sum."""
    out: dict[str, tuple[dict, TermUse]] = {}
    for term, body, inline, sentence in _every_definition(clauses):
        if not inline and term[:1].isupper() and term not in out and (money := extract_money(body, 0, lang)):
            out[term] = (money, TermUse(term, _sum_text(body, money, lang), sentence.section, sentence.page))
    return out


# a period for telling of a breach: its name or its definition says so ("Notification Period", "Underretningsfristen",
# '"Response Time" means 24 hours from the detection of a Security Incident'); a "Notice Period" (for termination) or a
# "Reklamationsfrist" that says nothing of it is another period
_NOTICE_PERIOD = re.compile(r"notif|report|inform|alert|underret|meddel|orienter|besked|varsling|incident|breach|brud|"
                            r"hændelse|secur|sikkerhed", re.IGNORECASE)


def defined_periods(clauses: list[Clause], lang: str) -> dict[str, tuple[str, TermUse]]:
    """The terms the clauses define as a length of time for telling of a breach ('"Notification Period" means forty-eight (48) hours from
    …', "«Underretningsfristen» betyder 36 timer", "within 24 hours of a breach (the "Notice Period")"), each with that length as
    written and where it is defined: a deadline stated only by the term ("within the Notification Period") is that
    length."""
    out: dict[str, tuple[str, TermUse]] = {}
    for term, body, inline, sentence in _every_definition(clauses):
        if (term[:1].isupper() and term not in out and _NOTICE_PERIOD.search(term + " " + body)
                and (period := defined_period(body, lang, inline))):
            out[term] = (period, TermUse(term, period, sentence.section, sentence.page))
    return out


@functools.lru_cache(maxsize=64)
def _names_pattern(names: tuple[str, ...], lang: str) -> re.Pattern[str]:
    """The defined names as one pattern, the longest first, with the Danish endings a name takes in use
    ("Underretningsfristen" for "Underretningsfrist"); compiled once per document's set of names."""
    suffix = r"(?:erne|rne|en|et|er|ne|n|t|r|s)?" if lang == "da" else ""
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(r"(?<![\w-])(" + alternatives + r")" + suffix + r"(?![\w-])")


def with_periods(text: str, anchor: int, periods: dict[str, tuple[str, TermUse]],
                 lang: str) -> tuple[str, int, list[TermUse]] | None:
    """``text`` with each defined period named in it replaced by its length ("within the Notification Period" read as
    "within the forty-eight (48) hours"), the anchor moved with it, and the terms used; None when it names none."""
    if not periods:
        return None
    pattern = _names_pattern(tuple(periods), lang)
    used: list[TermUse] = []
    pieces: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        period, use = periods[m.group(1)]
        pieces += [text[pos:m.start()], period]
        if m.end() <= anchor:
            anchor += len(period) - (m.end() - m.start())
        pos = m.end()
        if use not in used:
            used.append(use)
    if not used:
        return None
    return "".join(pieces) + text[pos:], anchor, used


# "All amounts are in New Zealand dollars", "References to $ are to Australian dollars": the dollar a bare "$" is
_DOLLARS_DECLARED = re.compile(
    r"\b(?:amounts?|sums?|prices?|fees|charges|figures|payments?|references\s+to\s+(?:dollars|\$))(?!\w)"
    r"[^.;]{0,80}?\b(?:are|is|shall\s+be|will\s+be|to\s+be|refer\s+to|means?)\b[^.;]{0,40}?"
    r"\b(" + OTHER_DOLLARS + r")\s+dollars", re.IGNORECASE)


def declared_dollar(clauses: list[Clause]) -> str | None:
    """The currency a contract says its "$" amounts are in, when it names one other than the US dollar."""
    for clause in clauses:
        if m := _DOLLARS_DECLARED.search(clause.text):
            return DOLLAR_CODES[m.group(1).lower()]
    return None


def _sum_text(body: str, money: dict, lang: str) -> str:
    """The sum as the definition writes it, for the evidence ("SEK 2 000 000")."""
    return next((m["text"] for m in find_money(body, lang) if m["amount"] == money["amount"]),
                f"{money['currency']} {money['amount']}")


class Reading:
    """A sentence as the rules read it: each defined term replaced by its concept's words, and each pair of
    words a PDF ran together read apart (:mod:`ddcontract.wordjoins`), with the way back to the sentence's own
    offsets."""

    __slots__ = ("text", "lead", "_spans", "_reading_starts")

    def __init__(self, text: str, lead: int, spans: list[tuple[int, int, int, int, DefinedTerm | None]]):
        self.text = text
        self.lead = lead
        self._spans = spans  # (reading start, reading end, original start, original end, term or None)
        self._reading_starts = [s[0] for s in spans]

    def original(self, pos: int, end: bool = False) -> int:
        """The offset in the sentence's own text of reading offset ``pos`` (``end``: of a span's end)."""
        # the last replaced term that starts before pos (for an end: that starts before its last character)
        i = bisect_right(self._reading_starts, pos - 1 if end else pos) - 1
        if i < 0:
            return pos
        r0, r1, o0, o1, _ = self._spans[i]
        if pos < r1 or (end and pos == r1):
            return o1 if end else o0  # inside the term: the whole term
        return pos - r1 + o1

    def terms_in(self, c0: int, c1: int) -> list[DefinedTerm]:
        """The defined terms read inside reading characters ``c0:c1``."""
        return list(dict.fromkeys(t for r0, r1, _, _, t in self._spans if t is not None and r0 < c1 and r1 > c0))


def reader_for(clauses: list[Clause], lang: str) -> TermReader:
    """The reader of a document's sentences: its defined terms, and whether it has words run together."""
    texts = [b.text for c in clauses for b in c.blocks]
    return TermReader(defined_terms(clauses), lang, joined=any_joins(texts, lang), titles=section_titles(clauses))


class TermReader:
    """Reads sentences with a document's defined terms understood, words run together read apart, and a breach of a
    clause cited by its bare number read with the clause's title (:func:`ddcontract.matching.xref.title_edits`)."""

    def __init__(self, terms: list[DefinedTerm], lang: str, joined: bool = True, titles: dict[str, str] | None = None):
        """``joined``: whether the document may have words run together (:func:`ddcontract.wordjoins.any_joins`);
        False skips looking for them sentence by sentence. ``titles``: the numbered sections' titles."""
        self.lang = lang
        self.titles = titles or {}
        self.joined = joined and lang == "en"
        self.terms = {t.term: t for t in terms}
        # a noun defined without quotes ("Ved en hændelse forstås …") is used with a capital at a sentence's start too
        self.terms.update({t.term.capitalize(): t for t in terms if t.term.islower()})
        if terms:
            names = sorted(self.terms, key=len, reverse=True)
            suffix = r"(?P<suffix>erne|rne|en|et|er|ne|n|t|r|s)?" if lang == "da" else r"(?P<suffix>s)?"
            self._pattern = re.compile(r"(?<![\w-])(?P<term>" + "|".join(map(re.escape, names)) + r")" + suffix + r"(?![\w-])")
        else:
            self._pattern = None

    def __bool__(self) -> bool:
        return self._pattern is not None or self.joined or bool(self.titles)

    def _term_edits(self, text: str) -> list[tuple[int, int, str, DefinedTerm | None]]:
        if self._pattern is None:
            return []
        edits: list[tuple[int, int, str, DefinedTerm | None]] = []
        for m in self._pattern.finditer(text):
            if _part_of_longer_name(text, m.start(), m.end()):
                continue
            term = self.terms[m.group("term")]
            words = term.read_as(self.lang) + ("s" if m.group("suffix") == "s" and self.lang == "en" else "")
            edits.append((m.start(), m.end(), words, term))
        return edits

    def heading(self, text: str) -> str:
        """A heading as the rules' ``heading_any`` reads it: its defined terms replaced ("6. Reporting Incidents" where
        an "Incident" is a fault of the service is no clause about breaches)."""
        out = text
        for start, end, words, _ in reversed(self._term_edits(text)):
            out = out[:start] + words + out[end:]
        return out

    def read(self, sentence: Sentence) -> Reading | None:
        """The sentence as the rules read it, or None when it reads as written."""
        if sentence.kind == "definition":
            return None
        text = sentence.text
        edits = self._term_edits(text)
        if self.titles:
            edits += [(a, b, words, None) for a, b, words in title_edits(text, self.titles)
                      if not any(a < y and b > x for x, y, _, _ in edits)]
        taken = [(a, b) for a, b, _, _ in edits]
        if self.joined:
            edits += [(a, b, words, None) for a, b, words in joins(text, self.lang)
                      if not any(a < y and b > x for x, y in taken)]
        if not edits:
            return None
        edits.sort(key=lambda e: e[0])
        pieces: list[str] = []
        spans: list[tuple[int, int, int, int, DefinedTerm | None]] = []
        pos = 0
        length = 0
        for start, end, words, term in edits:
            pieces.append(text[pos:start])
            length += start - pos
            spans.append((length, length + len(words), start, end, term))
            pieces.append(words)
            length += len(words)
            pos = end
        pieces.append(text[pos:])
        return Reading("".join(pieces), reading_offset(spans, sentence.lead), spans)


def reading_offset(spans: list[tuple[int, int, int, int, DefinedTerm | None]], pos: int) -> int:
    """The reading offset of original offset ``pos`` (a position outside the replaced terms)."""
    shift = 0
    for r0, r1, o0, o1, _ in spans:
        if o1 <= pos:
            shift = r1 - o1
        else:
            break
    return pos + shift


_CAPITAL_WORD = re.compile(r"([A-ZÆØÅ][\w’'-]*)\s+$")
_NAME_GOES_ON = re.compile(r"\s+(?:of\s+|af\s+)?[A-ZÆØÅ][a-zæøå]")


def _part_of_longer_name(text: str, start: int, end: int) -> bool:
    """'Event' inside 'Force Majeure Event' or 'Event of Default' is another term."""
    if _NAME_GOES_ON.match(text, end):
        return True
    before = text[:start]
    m = _CAPITAL_WORD.search(before)
    return bool(m and before[:m.start()].strip())  # a capitalised word before it, not the sentence's first
