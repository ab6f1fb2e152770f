"""The notification deadline of a sentence: the hours within which a breach must be notified, or "vague" when only
"without undue delay" and the like is said, read by :func:`extract_deadline` for the rules on the breach-notice
deadline.

Of the deadlines in the text, the one toward the customer comes before one toward an authority or from the customer
(:mod:`ddcontract.notices` tells which is which), a notice before a later written report, one introduced by
"within"/"senest" before a bare figure, and then the nearest after the rule's anchor. A frequency ("every 12 months",
"at intervals of 72 hours") and how long something lasts ("an outage exceeding four hours") are not deadlines.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from .amounts import NUMBER_WORD, NUMBER_WORD_DA, parse_number, plain_number, word_to_number
from .notices import not_to_customer


def _deadline_regex(number_word: str, units: str = "") -> re.Pattern[str]:
    return re.compile(
        # a template's figure in brackets counts as written: "senest inden for [24] timer", "within [72] hours"; so does
        # a figure in parentheses without its word: "within (3) business days"
        r"(?<![\w.,])[\[(]?(?P<num>\d{1,4}(?:[.,]\d+)?|" + number_word + r")[\])]?"
        r"(?:\s*\((?P<paren>\d{1,4}|" + number_word + r")\))?"
        r"(?:\s*|-)(?P<qual>business|working|calendar|bank|arbejds|hverdags|kalender)?(?:\s*|-)?"
        r"(?P<unit>hours?|hrs?\.?|h\b|minutes?|minutter|days?|weeks?|months?|timers|timer?|dages|dage?|døgns|døgn|"
        r"hverdages|hverdage?|arbejdsdages|arbejdsdage?|uger?|måneders|måneder?" + units + r")\b",
        re.IGNORECASE)


_DEADLINE = _deadline_regex(NUMBER_WORD)
# (Danish writes "t." for timer: "besked til kunden inden 24 t.", and names the deadline in one word: "48-timersfristen
# for underretning af Kunden løber fra …")
_DEADLINE_DA = _deadline_regex(NUMBER_WORD_DA, r"|t(?=\.)|timers-?frist\w*|døgns-?frist\w*")
_DEADLINE_LEAD = re.compile(
    r"(?:within|no later than|not later than|not more than|no more than|no longer than|not longer than|inside|at the latest|"
    r"in any event|in no event later than|maximum of|max\.?|senest|inden for|indenfor|inden|"
    # "meddelelse om bruddet i løbet af 24 timer"
    r"i løbet af|in the course of|"
    # "Fristen herfor er i intet tilfælde længere end seks timer"
    r"længere end|mere end)\W*(?:\w+\W+){0,3}$",
    re.IGNORECASE)
_VAGUE = re.compile(
    r"without undue delay|undue delay|promptly|immediately|immediate (?:notice|notification|written notice)|prompt "
    r"(?:notice|notification|written notice)|forthwith|as soon as (?:reasonably )?"
    r"(?:practicable|possible|feasible)|as soon as is reasonably practicable|without delay|"
    r"in a timely manner|timely|expeditiously|without unreasonable delay|at once|right away|straight ?away|"
    r"uden unødig forsinkelse|uden unødigt ophold|uden ugrundet ophold|straks|hurtigst muligt|"
    r"så hurtigt som (?:muligt|praktisk muligt)|omgående|snarest(?: muligt)?|umiddelbart|uopholdeligt|"
    r"uden ophold|uden forsinkelse|øjeblikkeligt|øjeblikkelig (?:underretning|meddelelse|besked)|med det samme|"
    # "as soon as we can", "så hurtigt vi kan"
    r"as soon as (?:we|it|they|he|she|the \w+) (?:reasonably )?(?:can|are able)\b|så (?:hurtigt|snart) (?:vi|den|de|det) (?:kan|overhovedet kan)\b|"
    # as soon as the incident is known: "as soon as the compromise is confirmed", "så snart bruddet er konstateret"
    r"as soon as (?:\w+ ){0,3}(?:is |are |has been |have been |was |were |becomes? |become )?"
    r"(?:confirmed|discovered|detected|identified|verified|known|aware)|"
    r"så snart (?:\w+ ){0,3}(?:er |bliver |blev |har )?(?:bekræftet|konstateret|opdaget|kendt|bekendt|identificeret)|"
    # a period the contract names elsewhere (a cover page, an order form): "within the Breach Notification Period"
    r"within the (?:[A-Z]\w+ ){1,3}(?:Period|Timeframe|Deadline)\b|inden for (?:den |det )?(?:aftalte )?(?:[A-ZÆØÅ]\w+ ){0,2}(?:[Ff]rist|[Pp]eriode)\b",
    re.IGNORECASE)
_HOURS_PER = {"minute": 1 / 60, "minutt": 1 / 60, "hour": 1, "hr": 1, "h": 1, "t": 1, "time": 1, "day": 24,
              "dag": 24, "døgn": 24, "week": 168, "uge": 168, "ug": 168, "month": 720, "måned": 720}


def _unit_hours(unit: str, qual: str | None) -> tuple[int, str]:
    u = re.sub(r"-?frist\w*$", "", unit.lower().rstrip("."))
    if u.endswith("s") and u[:-1] in ("timer", "dage", "døgn", "hverdage", "arbejdsdage", "måneder"):
        u = u[:-1]  # Danish genitive: "48 timers frist"
    if u in ("hverdage", "arbejdsdage", "hverdag", "arbejdsdag"):  # "1 hverdag"
        return 24, "business days"
    base = re.sub(r"(?:s|e|r|er)$", "", u) if u not in ("h", "t", "hrs", "hr", "døgn", "timer", "time") else u
    base = {"hrs": "hr", "timer": "time"}.get(base, base)
    hours = _HOURS_PER.get(base, _HOURS_PER.get(u, 24))
    name = {1 / 60: "minutes", 1: "hours", 24: "days", 168: "weeks", 720: "months"}[hours]
    if qual and qual.lower() in ("business", "working", "bank", "arbejds", "hverdags") and hours == 24:
        name = "business days"
    return hours, name


_FREQUENCY = re.compile(r"(?:\bin\s+any|\bper|\bevery|\beach|\bonce\s+(?:in|per|every|a)|\bhver|\bpr\.?|\bi\s+enhver|"
                        r"\bén\s+gang\s+(?:om|pr\.?|hver)|"
                        # "status updates at intervals of no more than 72 hours", "med højst 24 timers mellemrum"
                        r"\bintervals?\s+of(?:\s+(?:no|not)\s+(?:more|longer)\s+than|\s+at\s+(?:most|least))?|"
                        r"\bmed\s+(?:højst\s+|mindst\s+)?)\s*$", re.IGNORECASE)
_FREQUENCY_AFTER = re.compile(r"^\W*(?:intervals?|mellemrum)\b", re.IGNORECASE)
# a later report or confirmation, not the notice: "and shall within 24 hours thereafter provide a written incident report",
# "senest 10 arbejdsdage efter hændelsens afslutning fremsende en afsluttende rapport", "sender … en endelig
# hændelsesrapport"
_FOLLOW_UP = re.compile(r"\b(?:provides?|submits?|delivers?|sends?|furnish(?:es)?|fremsender|fremsende|sender|sende|afleverer|"
                        r"aflevere|leverer|levere|udarbejder|udarbejde)\s+"
                        # (a compound too: "en endelig hændelsesrapport", "a status update")
                        r"(?:\w+\s+){0,3}?\w*(?:report|rapport|redegørelse|update|opdatering)\w*", re.IGNORECASE)
# a notice by telephone confirmed in writing later: "og skal bekræfte meddelelsen skriftligt senest den følgende
# arbejdsdag", "to be confirmed in writing within 24 hours" — after a fixed deadline for the first notice, not before
# one that is only "promptly" (then the written confirmation's deadline is the one there is)
_CONFIRMATION = re.compile(r"\b(?:confirm|confirmed|bekræfte|bekræftes)\s+(?:[\wæøå]+\s+){0,3}?(?:in\s+writing|skriftligt)|"
                           r"\b(?:skriftligt|written)\s+(?:bekræfte|bekræftes|confirmation|bekræftelse)", re.IGNORECASE)


# a deadline that runs from the first notice is the time for a later report, never the notice's own: "a written account
# … no later than 10 working days after the initial notification", "senest 10 arbejdsdage efter den første underretning"
_AFTER_FIRST_NOTICE = re.compile(
    r"\W*(?:after|of|following|from)\s+(?:the\s+|its\s+|that\s+|such\s+)?(?:first|initial|original|preliminary)\s+"
    r"(?:notice|notification|report|alert)|"
    r"\W*(?:efter|fra)\s+(?:den\s+|det\s+)?(?:første|indledende|oprindelige|foreløbige)\s+"
    r"(?:underretning|meddelelse|anmeldelse|varsling|besked|orientering|indberetning)", re.IGNORECASE)
# "within the same period", "inden for samme frist": the deadline just stated before, now for another party's notice
# ("… it shall notify the Supplier within 24 hours, and the Supplier shall notify the Trust within the same period")
_SAME_PERIOD = re.compile(r"\b(?:within|in)\s+the\s+same\s+(?:period|time(?:\s+limit|frame)?|deadline|timeframe)\b|"
                          r"\b(?:inden\s+for|indenfor|inden|med)\s+(?:den\s+|det\s+)?samme\s+(?:frist|tidsfrist|periode|tidsrum)\b",
                          re.IGNORECASE)


_DURATION = re.compile(r"(?:\bexceed(?:s|ing)?|\blasting(?:\s+(?:more|longer)\s+than)?|\bin\s+excess\s+of|"
                       r"\bvarer\s+(?:mere|længere)\s+end|\boverstiger|\bud\s+over)\W*(?:[\w-]+\W+)?$", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|ikke|aldrig)\b", re.IGNORECASE)


_NEXT_DAY = re.compile(r"(?:(?:within|by|no\s+later\s+than|not\s+later\s+than|before\s+the\s+end\s+of|on)\s+the\s+"
                       r"(?:next|following|subsequent)\s+(?:business|working|bank|calendar)?\s*day|"
                       # "within a day of finding out", "inden for et døgn"
                       r"within\s+a\s+(?:business\s+|working\s+|calendar\s+)?day(?!\s+or\b)|inden\s+for\s+(?:et\s+døgn|en\s+(?:arbejds|hver)?dag)(?!\s+eller\b)|"
                       r"(?:senest|inden)\s+(?:udløbet\s+af\s+)?(?:den\s+)?"
                       r"(?:førstkommende|næstkommende|følgende|næste)\s+"
                       r"(?:arbejdsdag|hverdag|bankdag|dag)|"
                       # the day after, or the end of the day it is found: "senest dagen efter, at bruddet er konstateret",
                       # "inden udgangen af den arbejdsdag, hvor den er opdaget", "by close of business on the business day
                       # following"
                       r"senest\s+(?:dagen|døgnet|hverdagen|arbejdsdagen)\s+efter|"
                       r"(?:inden|senest\s+ved)\s+udgangen\s+af\s+(?:den\s+|samme\s+)(?:arbejdsdag|hverdag|dag)(?=,?\s+(?:hvor|hvorpå|da))|"
                       r"(?:by|before|no\s+later\s+than)\s+(?:the\s+)?(?:close|end)\s+of\s+business\s+on\s+the\s+"
                       r"(?:next\s+|following\s+)?(?:business|working)\s+day(?:\s+(?:following|after))?|"
                       r"(?:by|before)\s+the\s+end\s+of\s+the\s+(?:same\s+)?(?:business|working)\s+day\s+(?:on|in)\s+which)\b",
                       re.IGNORECASE)


# "no later than the second business day after the incident is detected", "senest tredje arbejdsdag efter": that many days
_NTH = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5,
        "anden": 2, "2.": 2, "tredje": 3, "3.": 3, "fjerde": 4, "4.": 4, "femte": 5, "5.": 5}
_NTH_DAY = re.compile(
    r"(?:(?:within|by|no\s+later\s+than|not\s+later\s+than|before\s+the\s+end\s+of|on|until)\s+the\s+"
    r"(?P<en>second|2nd|third|3rd|fourth|4th|fifth|5th)\s+(?:(?:business|working|bank|calendar)\s+)?day|"
    r"(?:senest|inden)\s+(?:udløbet\s+af\s+)?(?:den\s+)?(?P<da>anden|tredje|fjerde|femte|[2-5]\.)\s*(?:arbejdsdag|hverdag|bankdag|dag))\b",
    re.IGNORECASE)


_A_WEEK = re.compile(r"\b(?:within|in\s+no\s+more\s+than|no\s+later\s+than)\s+a\s+(?:calendar\s+)?(?P<unit>week|fortnight)\b"
                     r"(?!\s+or\b)", re.IGNORECASE)


# a half or one and a half of a unit: "inden for halvandet døgn" (36 hours), "et halvt døgn" (12), "half an hour"
_HALF = re.compile(r"\b(?:(?P<more>halvanden|halvandet|one\s+and\s+a\s+half)|(?:et\s+halvt|en\s+halv|half\s+an?))\s+"
                   r"(?P<unit>døgn|dag|time|uge|day|hour|week)\b", re.IGNORECASE)
# a count of days written as a product: "inden for 2 x 24 timer" (48 hours)
_TIMES_BEFORE = re.compile(r"(?<![\w.,])(?P<n>[1-9])\s*[x×]\s*$")
_PART_START = re.compile(r"[,;:]|\b(?:and|og|samt)\b")
_PART_END = re.compile(r"[,;:.]|\b(?:and|og|samt)\b")


# a deadline for doing something else than telling: "shall restore the affected systems within 4 hours and shall
# forthwith inform the Employer", "skal udbedre fejlen inden for 8 timer og straks orientere Kunden", a response time
_OTHER_ACTION = re.compile(r"\b(?:restore|restores|recover|recovers|resolve|resolves|remedy|remedies|rectify|rectifies|"
                           r"repair|repairs|fix|fixes|mitigate|mitigates|patch|patches|rotate|rotates|replace|replaces|"
                           # data returned or deleted at the end: "return or delete all Personal Data within 30 days"
                           r"return|returns|delete|deletes|erase|erases|destroy|destroys|"
                           r"slette|sletter|slettes|tilbagelevere|tilbageleverer|returnere|returnerer|destruere|destruerer|"
                           r"genoprette|genopretter|udbedre|udbedrer|afhjælpe|afhjælper|løse|løser|retablere|retablerer|"
                           r"reetablere|reetablerer|rette|retter|skifte|skifter|udskifte|udskifter|"
                           # a time to answer or to start work is a response time: "vi besvarer henvendelser inden for 24
                           # timer", "respond to Priority 1 tickets within one hour"
                           r"respond|responds|answer|answers|reply|replies|acknowledge|acknowledges|"
                           r"svare|svarer|besvare|besvarer|besvares|reagere|reagerer|påbegynde|påbegynder|påbegyndes|"
                           r"igangsætte|igangsætter|igangsættes)\b", re.IGNORECASE)
_TELLING = re.compile(r"\b(?:notif\w*|inform\w*|report\w*|tell|tells|alert\w*|advis\w*|notice|contact\w*|"
                      # ("rette henvendelse til" is to contact, not to correct)
                      r"underret\w*|orienter\w*|meddel\w*|varsl\w*|besked|kontakt\w*|indberet\w*|anmeld\w*|henvendelse\s+til)",
                      re.IGNORECASE)


_SECURITY_WORD = re.compile(r"secur|breach|compromis|attack|intrusion|unauthori[sz]ed|sikkerhed|(?<!ned)brud|kompromitt|angreb|"
                            r"uvedkommende|uautoriseret|exfiltrat|udslip|\bleak|\blæk|ransomware|malware|hack", re.IGNORECASE)


_BUSINESS_DAY = re.compile(r"business|working|bank|arbejds|hverdag", re.IGNORECASE)


class _Candidate(NamedTuple):
    """A deadline read in the text, with what ranks it (the fields before ``hours``, in order; see ``add``)."""
    no_lead: bool
    theirs: bool
    follow_up: int  # 0 the notice, 1 a written confirmation, 2 a later report, 3 counted from the first notice
    other: bool
    before_anchor: bool
    distance: int
    hours: float
    unit: str
    stated: str
    start: int

    def rank(self) -> tuple:
        return self[:6]


def _own_part(text: str, start: int, end: int) -> str:
    """The part of the sentence a deadline stands in: from the last comma, semicolon or "and"/"og" before it to the next
    after it."""
    left = max((m.end() for m in _PART_START.finditer(text, 0, start)), default=0)
    right = _PART_END.search(text, end)
    return text[left:right.start() if right else len(text)]


# the words between a deadline and the report it is set for: "…, within 10 days, provide a written report"
_REPORT_AFTER = re.compile(r"[\s,)]*(?:(?:shall|will|must|skal|vil)\s+)?")
_AND = re.compile(r"\b(?:and|og|samt)\b", re.IGNORECASE)


def _later_report(text: str, start: int, end: int) -> bool:
    """Whether the deadline at ``start``–``end`` is set for a report that follows a notice told of before it, joined by
    "and": "shall immediately notify Customer and shall, within 10 days, provide a written report", "orienterer Kunden
    hurtigst muligt … og sender en skriftlig rapport om årsag og tiltag inden 5 hverdage" (not "shall promptly, and in
    any event within 24 hours, provide a written report", where the report is the notice)."""
    after = _FOLLOW_UP.match(text, _REPORT_AFTER.match(text, end).end())
    before = list(_FOLLOW_UP.finditer(text, max(0, start - 80), start))
    report = after or (before[-1] if before else None)
    if report is None:
        return False
    told = [t for t in _TELLING.finditer(text, 0, min(report.start(), start)) if t.end() <= report.start()]
    return bool(told and _AND.search(text, told[-1].end(), report.start()))


def _not_a_notice_time(text: str, m: re.Match[str], per: float) -> bool:
    """Whether the period at ``m`` is some other time than one to notify within: a notice period, a time counted from
    the contract's end, a frequency, how long something lasts, or minutes with no breach named."""
    after = text[m.end():m.end() + 30].lower()
    # "30 days after the invoice", "90 days' notice of price changes", "30 days' written notice before …" are not
    # deadlines to notify; "… the fees paid in the 12 months preceding the claim": a period a cap is counted over
    # (not across a semicolon: "…: 24 hours; notice to the authority: 72 hours" is a list of deadlines)
    if re.match(r"[^\w;]*(?:(?:written|advance|prior|skriftligt?|forudgående)\s+)?(?:notice|prior|in advance|before|"
                r"preceding|immediately preceding|varsel|forud|før|forud for|\w*betalingsfrist|opsigelses)", after):
        return True
    # "within 30 days of termination", "senest 30 dage efter aftalens ophør": a time counted from the contract's end
    if re.match(r"\W*(?:of|after|following|from)\s+(?:the\s+)?(?:termination|expiry|expiration)\b|"
                r"\W*efter\s+(?:aftalens\s+|kontraktens\s+)?(?:ophør|udløb|opsigelse)", after):
        return True
    # "no more than once in any twelve (12) month period", "per month", "hver 12. måned": a frequency, not a deadline
    if _FREQUENCY.search(text[max(0, m.start() - 40):m.start()]) or _FREQUENCY_AFTER.match(text[m.end():]):
        return True
    # "an outage exceeding four (4) hours", "driftsforstyrrelser, der varer mere end 8 timer": how long something
    # lasts, not a time to notify ("not exceeding 36 hours" is a deadline)
    ahead = text[max(0, m.start() - 30):m.start()]
    if _DURATION.search(ahead) and not _NEGATION.search(ahead):
        return True
    # minutes are the measure of service desks and outages ("Initial notification: within 15 minutes of
    # detection"); a breach notice in minutes names the breach in its own sentence
    return per < 1 and not _SECURITY_WORD.search(text)


# what may come before the length of time a definition states: '"Notification Period" means a period of 48 hours'
_PERIOD_START = re.compile(r"\W*(?:(?:a|the|en|et|a\s+period\s+of|the\s+period\s+of|a\s+maximum\s+of|no\s+more\s+than|"
                           r"up\s+to|en\s+periode\s+på|en\s+frist\s+på|højst|maksimalt|op\s+til)\s+){0,2}", re.IGNORECASE)


def defined_period(body: str, lang: str = "en", inline: bool = False) -> str | None:
    """The length of time a definition states, as written ("forty-eight (48) hours"): at the start of its body
    ('"Notification Period" means forty-eight (48) hours from …', "«Fristen» betyder 36 timer"), or, for a term named
    in parentheses after it, near the end of the words before ("within 24 hours of discovery (the "Notice Period")")."""
    regex = _DEADLINE_DA if lang == "da" else _DEADLINE
    if inline:
        found = list(regex.finditer(body))
        # the last length of time, a few words before the parentheses at most ("within 20 hours of detecting it")
        m = found[-1] if found and len(body[found[-1].end():].split()) <= 5 else None
    else:
        m = regex.match(body, _PERIOD_START.match(body).end())
    return " ".join(m.group(0).split()) if m else None


def _led(text: str, start: int) -> bool:
    """Whether the length of time at ``start`` is introduced as a deadline ("within", "no later than", "senest" …)."""
    return bool(_DEADLINE_LEAD.search(text[max(0, start - 40):start]))


def extract_deadline(text: str, anchor: int = 0, lang: str = "en") -> dict[str, Any]:
    """The notification deadline in hours, or ``vague`` when only "without undue delay" etc.; ``not_to_customer`` when
    the duty it is set for is not the duty toward the customer (see :mod:`ddcontract.notices`)."""
    candidates: list[_Candidate] = []
    last_end = 0  # where the deadline read before the one being added ends

    def add(m: re.Match[str], lead: bool, hours: float, unit: str, part: str | None = None, stated: str | None = None) -> None:
        nonlocal last_end
        # the deadline toward the customer before one toward the authority or from the customer, wherever the rule
        # matched ("We notify you within 24 hours …, and the regulator within 72 hours"); the notice before a later
        # report; then before the anchor or after it ("respond to P1 incidents within 4 hours and notify … within 24
        # hours"), and the nearest
        theirs = not_to_customer(text, m.start())
        part = part if part is not None else _own_part(text, m.start(), m.end())
        follow_up = (3 if _AFTER_FIRST_NOTICE.match(text, m.end())
                     else 2 if _FOLLOW_UP.search(part) or _later_report(text, m.start(), m.end())
                     else 1 if _CONFIRMATION.search(part) else 0)
        # a deadline whose own words (since the deadline before it) name the breach before one for something else in
        # the sentence ("om alvorlige driftsforstyrrelser inden for 1 time … og om sikkerhedsbrud … senest 24 timer")
        other = not _SECURITY_WORD.search(text[min(last_end, m.start()):m.start()] + part)
        last_end = m.end()
        candidates.append(_Candidate(not lead, theirs, follow_up, other, m.start() < anchor, abs(m.start() - anchor),
                                     hours, unit, stated or m.group(0), m.start()))

    for m in (_DEADLINE_DA if lang == "da" else _DEADLINE).finditer(text):
        digits = [g for g in (m.group("paren"), m.group("num")) if g and g[0].isdigit()]
        raw = digits[0] if digits else m.group("num")
        value = parse_number(raw, lang) if raw[0].isdigit() else word_to_number(raw)
        if value is None or value <= 0:
            continue
        per, unit = _unit_hours(m.group("unit"), m.group("qual"))
        stated = None
        if times := _TIMES_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            value *= int(times.group("n"))
            stated = text[times.start():m.end()]
        lead = _led(text, m.start())
        if _not_a_notice_time(text, m, per):
            continue
        part = _own_part(text, m.start(), m.end())
        if _OTHER_ACTION.search(part) and not _TELLING.search(part):
            continue
        add(m, lead, value * per, unit, part, stated)
    # "no later than the next business day", "senest førstkommende arbejdsdag": one (business) day
    for m in _NEXT_DAY.finditer(text):
        add(m, True, 24, "business days" if _BUSINESS_DAY.search(m.group(0)) else "days")
    for m in _NTH_DAY.finditer(text):
        add(m, True, 24 * _NTH[(m.group("en") or m.group("da")).lower()],
            "business days" if _BUSINESS_DAY.search(m.group(0)) else "days")
    for m in _HALF.finditer(text):
        per, unit = _unit_hours(m.group("unit"), None)
        if not _not_a_notice_time(text, m, per):
            add(m, _led(text, m.start()), per * (1.5 if m.group("more") else 0.5), unit)
    # "within a week of learning of it" (the Danish "en uge" is a number word and a unit)
    for m in _A_WEEK.finditer(text):
        add(m, True, 336 if m.group("unit").lower() == "fortnight" else 168, "weeks")
    # "… within 24 hours, and the Supplier shall notify the Trust within the same period": the deadline stated last before
    for m in _SAME_PERIOD.finditer(text):
        before = [c for c in candidates if c.start < m.start() and c.follow_up != 3]
        if before:
            earlier = max(before, key=lambda c: c.start)
            add(m, True, earlier.hours, earlier.unit)
    candidates = [c for c in candidates if c.follow_up != 3]
    vague_match = _VAGUE.search(text)
    if candidates and vague_match and all(c.follow_up == 2 for c in candidates):
        candidates = []  # notice "without undue delay", a report within ten days: the notice has no fixed deadline
    if candidates:
        best = min(candidates, key=_Candidate.rank)
        found = {"hours": plain_number(best.hours), "vague": False, "unit": best.unit,
                 "stated": " ".join(best.stated.split())}
        if best.theirs:
            found["not_to_customer"] = True
        return found
    if vague_match:
        return {"hours": None, "vague": True, "stated": vague_match.group(0)}
    return {}
