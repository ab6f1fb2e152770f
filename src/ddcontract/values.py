"""Extract values: deadlines in hours (read by :mod:`.deadlines`), money with ISO 4217 currency (read by
:mod:`.amounts`), fee-based cap formulas, insurance types and the cyber cover's amount, notification channels and
content elements, how long logs are kept (in days) and when an audit may take place.

Every extractor reads only the text it is given — the sentence (or list, or clause) in which the
rule matched — so a support response time or a payment term elsewhere never becomes a breach
deadline. Each returns a dict of normalised values; an empty dict means nothing was found.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .amounts import NUMBER_WORD, NUMBER_WORD_DA, extract_money, find_money, parse_number, word_to_number
from .deadlines import extract_deadline
from .notices import extract_notice_parties, nearest

# ---------------------------------------------------------------- cap formulas

_FEES = r"(?:fees|charges|amounts?|sums|monies|moneys|compensation|payments?|price|consideration|remuneration|vederlag|betaling(?:er)?|beløb)"
_VEDERLAG = (r"(?:\w*vederlag(?:et|ets)?|\w*betaling(?:en|er|erne)?|beløb(?:et|ene)?|fakturering(?:en)?|\w*honorar(?:et|er|erne)?|"
             # "købesummen for den vare, kravet vedrører", "de servicegebyrer, du har betalt", "parkeringsafgifterne", "den
             # abonnementspris, du har betalt"
             r"kontingent(?:et)?|\w*afgift(?:en|er|erne)?|\w*gebyr(?:et|er|erne)?|\w*sum(?:men)?|\w*pris(?:en)?)")
_FORMULA = [
    # "fees paid or payable ... in the twelve (12) months preceding the claim"
    re.compile(r"(?:(?:the\s+)?(?:total|aggregate|annual|yearly)\s+)?(?:amount\s+of\s+(?:the\s+)?)?(?:\w+\s+){0,2}" + _FEES +
               r"\s+(?:actually\s+)?(?:paid|payable|received|due|charged|invoiced|owed|made\s+(?=by|to|under|in|during|over))\b"
               r"[^.;]{0,160}", re.IGNORECASE),
    # "the amount you have paid for the Services in the six months preceding the event", "the amounts Customer actually
    # paid under the Order", "the total Fees Customer paid during the twelve (12) months before the claim"
    re.compile(r"(?:the\s+)?(?:total\s+)?(?:amounts?|fees|charges|sums)\s+(?:that\s+|which\s+)?(?:you|the\s+customer|customer|the\s+client|client|"
               r"the\s+licensee|licensee|the\s+subscriber|subscriber)\s+(?:has\s+|have\s+)?(?:actually\s+)?"
               r"(?:paid|been\s+charged)\b[^.;]{0,160}", re.IGNORECASE),
    # "2x the annual fees", "twice the fees", "150% of the fees", "one times the charges"
    re.compile(r"(?:\d+(?:\.\d+)?\s*(?:x|×|times)|twice|double|(?:one|two|three|four|five)\s+times|"
               r"\d+\s*(?:%|per\s?cent)\s+of|(?:one|two) hundred (?:percent|per cent)\s+of)\s+(?:the\s+)?(?:\w+\s+){0,3}"
               + _FEES + r"[^.;]{0,120}", re.IGNORECASE),
    # "the contract value", "the total value of the order", "the purchase price"
    re.compile(r"(?:the\s+)?(?:total\s+)?(?:contract\s+value|value\s+of\s+(?:the\s+)?(?:contract|order|agreement|"
               r"purchase order|services)|purchase\s+price|contract\s+price|kontraktsummen|kontraktværdien|"
               r"det samlede vederlag)[^.;]{0,80}", re.IGNORECASE),
    # "det samlede vederlag betalt i de 12 måneder forud for kravet", "vederlaget for de seneste 12 måneder"
    re.compile(r"(?:(?:det|de|den)\s+)?(?:samlede\s+|årlige\s+|månedlige\s+|betalte\s+|fakturerede\s+)*" + _VEDERLAG +
               r",?\s+(?:\w+\s+){0,2}?(?:har\s+)?(?:betalt|betales|erlagt|faktureret|modtaget|indbetalt|for|i|som)\b[^.;]{0,160}",
               re.IGNORECASE),
    # "hvad du har betalt til os i de sidste 6 måneder", "12 måneders vederlag", "årsvederlaget",
    # "kontraktens samlede værdi"
    re.compile(r"hvad\s+(?:du|kunden|\w+en)\s+(?:har\s+)?(?:betalt|betaler)[^.;]{0,120}|"
               r"\d+\s+måneders\s+(?:\w*vederlag|\w*betaling|abonnement)\w*[^.;]{0,80}|"
               r"årsvederlag\w*[^.;]{0,80}|et\s+års\s+(?:\w*vederlag|abonnement|\w*betaling)\w*[^.;]{0,80}|"
               # "prisen for den pågældende ydelse", "prisen for din booking", "det, du har betalt for billetten"
               r"kontraktens\s+(?:samlede\s+)?værdi[^.;]{0,80}|prisen\s+(?:for|på)\s+(?:din|dit|dine|jeres|den|det|de)\s+\w+[^.;]{0,80}|"
               # "the fee for that job", "the price of the treatment" ("honoraret for den pågældende sag" is read above, as a
               # fee and "for")
               r"(?:the\s+)?(?:fee|fees|price|charge|charges)\s+(?:for|of)\s+(?:that|this|the|your|each)\s+\w+[^.;]{0,80}|"
               r"det,?\s+(?:du|kunden|i)\s+har\s+betalt[^.;]{0,80}|"
               # "begrænset til fakturabeløbet", "varens pris", "ordrens værdi"
               r"\b(?:faktura|ordre|købs)beløbet\b[^.;]{0,60}|\bvarens\s+(?:pris|værdi|købspris)\b[^.;]{0,60}|"
               # "den samlede ordresum inklusive fragt"
               r"\b(?:den\s+samlede\s+)?(?:ordre|kontrakt|købe)sum(?:men)?\b[^.;]{0,60}|"
               r"\bordrens\s+(?:værdi|samlede\s+beløb)\b[^.;]{0,60}",
               re.IGNORECASE),
    # "what you paid for your membership that year", "the price you paid for the item"
    re.compile(r"what\s+(?:you|the\s+customer|customer|the\s+client|client|the\s+member|members?)\s+(?:have\s+|has\s+)?"
               r"(?:actually\s+)?(?:paid|spent)\b[^.;]{0,120}|"
               r"the\s+price\s+(?:that\s+)?(?:you|the\s+customer|customer)\s+(?:have\s+|has\s+)?paid\b[^.;]{0,80}",
               re.IGNORECASE),
    # "to gange det årlige vederlag", "100 % af vederlaget", "150 procent af de betalte beløb"
    re.compile(r"(?:\d+(?:,\d+)?\s*(?:x|×|gange)|(?:en|to|tre|fire|fem)\s+gange|det dobbelte af|"
               r"\d+\s*(?:%|procent)\s+af)\s+(?:(?:det|de|den)\s+)?(?:\w+\s+){0,3}?" + _VEDERLAG + r"[^.;]{0,120}",
               re.IGNORECASE),
]


_FORMULA_LEAD_EN = "exceed|exceeds|exceeding|to|of|than|be|is|equal|equals|amount|in|excess|or|and|greater|lesser|higher"
_FORMULA_LEAD_DA = "overstige|overstiger|svarende|svarer|til|et|beløb|beløbet|maksimalt|højst|samlet|af|der|som|i|alt"


def extract_cap_formula(text: str, anchor: int = 0, lang: str = "en") -> dict[str, Any]:
    best = nearest(_FORMULA, text, anchor)
    if best is None:
        return {}
    formula = " ".join(best.group(0).split()).strip(" ,;:")
    formula = re.split(r",\s+(?:and|or|but|whichever|provided|except|save|unless|in which|og|eller|dog|"
                       r"medmindre|idet|hvilket)\b|\s+\((?:the|such)\s+\"", formula)[0]
    lead_words = _FORMULA_LEAD_DA if lang == "da" else _FORMULA_LEAD_EN
    formula = re.sub(r"^(?:(?:" + lead_words + r")\s+)+", "", formula, flags=re.IGNORECASE)
    # an inline list item ends before the next one's conjunction: "… PRECEDING THE APPLICABLE CLAIM, OR"
    formula = re.sub(r"[,;]?\s+(?:or|and|og|eller)$", "", formula.strip(" ,;:"), flags=re.IGNORECASE)
    return {"formula": formula.strip(" ,;:")}


# ---------------------------------------------------------------- insurance

INSURANCE_TYPES: list[tuple[str, re.Pattern[str]]] = [
    ("cyber", re.compile(r"cyber|network security|network and information security|privacy (?:and network )?liability|"
                         r"data (?:breach|protection|privacy) (?:liability )?insurance|information security (?:liability )?insurance|"
                         r"technology errors and omissions|tech(?:nology)? e&o|it-?sikkerhed|netværkssikkerhed|"
                         r"databrud|persondataansvar|informationssikkerhed", re.IGNORECASE)),
    ("professional", re.compile(r"professional (?:indemnity|liability|negligence)|errors and omissions|e&o\b|"
                                r"professionel(?:t)? ansvar|rådgiveransvar|professionsansvar", re.IGNORECASE)),
    ("general", re.compile(r"(?:commercial )?general (?:third[- ]party )?liability|public liability|third[- ]party liability|"
                           r"erhvervsansvar|erhvervs-\s+(?:og|eller|samt)\s+\w*ansvar", re.IGNORECASE)),
    ("product", re.compile(r"products? liability|produktansvar", re.IGNORECASE)),
    ("employers", re.compile(r"employers?['’]? liability|workers['’]? compensation|workmen['’]?s compensation|"
                             r"arbejdsskade", re.IGNORECASE)),
    ("property", re.compile(r"property (?:damage )?insurance|all[- ]risks?|fire insurance|tingsforsikring|"
                          r"løsøreforsikring|brandforsikring", re.IGNORECASE)),
    ("auto", re.compile(r"automobile|motor vehicle|auto liability", re.IGNORECASE)),
    ("crime", re.compile(r"crime|fidelity|employee dishonesty|kriminalitetsforsikring|besvigelse", re.IGNORECASE)),
]


_INTRODUCES_COVER = re.compile(r"\s*(?:for|in respect of|covering|til|for dækning af)\b", re.IGNORECASE)


def extract_insurance(text: str, anchor: int = 0, lang: str = "en") -> dict[str, Any]:
    """Insurance types named, and the amount of the cyber cover (or of the only/first cover).

    An amount belongs to the cover it stands next to, within one list item or clause part
    (split at ";" and line breaks), with no other cover named in between: "cyber insurance of
    EUR 5m and general liability of GBP 2m" and "EUR 5m for cyber insurance and EUR 1m for general
    liability" both give EUR 5m. A cyber cover with no amount of its own gets none.
    """
    types = [name for name, rx in INSURANCE_TYPES if rx.search(text)]
    money = find_money(text, lang)
    out: dict[str, Any] = {"types": types}
    if not money:
        return out
    mentions = sorted((m.start(), m.end(), name) for name, rx in INSURANCE_TYPES for m in rx.finditer(text))
    segments = [(m.start(), m.end()) for m in re.finditer(r"[^;\n]+", text)]

    def amount_for(start: int, end: int, kind: str) -> dict[str, Any] | None:
        seg = next(((s, e) for s, e in segments if s <= start < e), (0, len(text)))
        others = [(s, e) for s, e, name in mentions if name != kind and not (s < end and start < e)]
        # "EUR 1m for general liability": an amount followed by "for" belongs to what follows it
        after = [m for m in money if end <= m["start"] < seg[1]
                 and not any(end <= s < m["start"] for s, _ in others)
                 and not _INTRODUCES_COVER.match(text, m["end"])]
        if after:
            return after[0]
        before = [m for m in money if seg[0] <= m["start"] and m["end"] <= start
                  and not any(m["end"] <= s < start for s, _ in others)]
        return before[-1] if before else None

    pick = None
    cyber = [(s, e) for s, e, name in mentions if name == "cyber"]
    if cyber:
        for s, e in cyber:
            pick = amount_for(s, e, "cyber")
            if pick:
                break
    elif mentions:
        pick = amount_for(*mentions[0]) or money[0]
    else:
        pick = money[0]
    if pick is not None:
        out["amount"] = pick["amount"]
        out["currency"] = pick["currency"]
    return out


# ---------------------------------------------------------------- channels, elements, owner

_CHANNELS = [
    # (a security mailbox is an e-mail inbox: "via den krypterede sikkerhedspostkasse")
    ("email", re.compile(r"e-?mail|electronic mail|e-post|(?:pr\.|via|på|per)\s+mail\b|\w*sikkerhedspostkasse(?:n)?\b|"
                         r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)),
    # a call to a number or a centre: "call the Authority's 24/7 operations centre on the number in Schedule 3"
    ("phone", re.compile(r"tele?phone|\bphone|by call(?:ing)?|hotline|telefon|\bsms\b|text messages?|\bopkald|\bringer\b|\bring(?:e)?\s+(?:\w+\s+){0,2}?til\b|"
                         r"\b(?:on|at) the (?:\w+ )?number\b|\bcall(?:ing)? (?:[\w'’/-]+ ){1,5}?(?:cent(?:re|er)|desk|line|number)\b|"
                         r"\bpå (?:nummer|nummeret|tlf)\b|\w*vagtnumme(?:r|ret)\b|\w*vagttelefon(?:en)?\b", re.IGNORECASE)),
    ("portal", re.compile(r"portal|ticketing system|service ?desk|helpdesk|support ?system|web form|online form|(?:online |web )?contact form|\btickets?\b|"
                          r"sagsstyringssystem|ticketsystem|supportsite|\w*formular(?:en)?\b|"
                          # a message in the app: "med en meddelelse i appen", "a message in the app", "in-app notification"
                          r"(?:meddelelse|besked|notifikation)(?:er)?\s+i\s+appen|messages?\s+in\s+the\s+app|in-app\s+(?:messages?|notifications?)|"
                          r"push[- ](?:notifikation|notification)|"
                          # a function of the app named where it is: "via 'Rapportér misbrug' under Indstillinger",
                          # "the 'Report a problem' button under Settings"
                          r"\b(?:under|i)\s+indstillinger(?:ne)?\b|\b(?:under|in)\s+(?:your\s+|the\s+)?settings\b|"
                          r"\b(?:knappen|menupunktet)\s+['‘\"„«]|['’\"”»]\s+(?:button|menu item)\b|"
                          # a secure mailbox in the bank's or the provider's own system: "via din digitale postkasse i netbanken"
                          r"\b(?:digitale?|sikre?)\s+postkasse(?:n)?\b", re.IGNORECASE)),
    # "courier" in lower case only: "Courier" is also a company's name ("by Courier or its employees")
    ("post", re.compile(r"registered (?:mail|post|letter)|by (?:post|letter)|(?-i:courier)|recorded delivery|certified mail|"
                        r"anbefalet brev|\bbrev\b|"
                        # Denmark's official digital mail: "via e-Boks", "med Digital Post"
                        r"\be-?boks\b|\bdigital\s+post\b", re.IGNORECASE)),
    ("in-writing", re.compile(r"in writing|written notice|written notification|skriftligt?", re.IGNORECASE)),
    # a link to a web page (a contact form, a status page): "notify us (https://example.com/contact)"
    ("web", re.compile(r"https?://|\bwww\.", re.IGNORECASE)),
    # a help centre, or customer service as the way a notice goes ("notify our Customer Service team" names who is told)
    ("support", re.compile(r"(?:through|via|using|by) (?:our |the |its |their )?customer (?:service|support|care)\b(?! team)|"
                           r"(?:help|support) ?cent(?:er|re)|(?:via|gennem|igennem) (?:vores |dens |deres )?kunde(?:service|support)|"
                           r"(?:kunde|hjælpe|support)cent(?:er|ret|eret)", re.IGNORECASE)),
]

_ELEMENTS = [
    ("description", re.compile(r"descri(?:be|bing|ption)|nature of the|circumstances|\broot[- ]causes?\b|"
                                # "nature" as an item of a list of contents: "(nature, scope, data affected, …)"
                                r"\(\s*nature\s*[,;]|"
                                # a list's item names it: "Nature of security incident", "Nature of breach"
                                r"nature (?:\w+ ){0,2}?of (?:[\w-]+ ){0,2}?(?:incident|breach|compromise|event)|what (?:has )?happened|what occurred|beskrivelse|beskrive|"
                                # the incident's kind, cause or scope: "the type, scope and consequences of the incident"
                                r"(?:type|scope|extent|(?:root )?causes?) (?:\w+ ){0,4}?of (?:the |a |an |any |this )?(?:[\w-]+ ){0,2}?(?:incident|breach|compromise)|"
                                r"(?:account|summary|explanation) of (?:the |any |each )?(?:[\w-]+ ){0,2}?(?:incident|breach|compromise)|"
                                r"(?:findings|results|outcome) of (?:its |the |any )?(?:[\w-]+ ){0,2}?(?:investigation|analysis)|"
                                r"karakter|omstændigheder|hvad der er sket|forløb|(?:hændelsens|bruddets|episodens)\s+(?:art|omfang)|"
                                # when it happened and what it leads to: "det formodede tidspunkt for bruddet", "the likely
                                # consequences of the breach"
                                r"tidspunkt(?:et)?\s+for\s+(?:bruddet|hændelsen|angrebet)|konsekvens(?:er|erne)?\s+(?:af|for|ved)\s+(?:bruddet|hændelsen)|"
                                r"vurdering\s+af\s+konsekvenserne|(?:likely|probable|possible)\s+consequences\s+of\s+(?:the\s+|a\s+|any\s+)?(?:[\w-]+\s+)?(?:breach|incident)|"
                                # the same said of the breach just named: "details about the breach, its likely consequences"
                                r"\b(?:its|their)\s+(?:likely|probable|possible)\s+(?:consequences|effects)\b|"
                                # information about the incident itself ("timely information about the Security Incident")
                                r"(?:information|details|particulars|updates?)\s+(?:about|regarding|concerning|on|of)\s+"
                                r"(?:the|such|any|that|each|a|an|this)\s+(?:[\w-]+\s+){0,2}?(?:incident|compromise|(?:security|data|privacy)\s+breach)|"
                                # a breach named beside a vulnerability: "provide details of the vulnerability or breach"
                                r"(?:information|details|particulars)\s+(?:about|regarding|concerning|on|of)\s+(?:the|such|any|that|each|a|an|this)\s+"
                                r"vulnerabilit(?:y|ies)\s+(?:or|and)\s+(?:breach|incident)|"
                                r"(?:oplysning(?:er|erne)?|information|detaljer)\s+om\s+sårbarhed(?:en|er|erne)?\s+(?:eller|og)\s+\w*(?:brud|hændelse)|"
                                r"(?:oplysning(?:er|erne)?|information|detaljer|\w*opdateringer)\s+om\s+(?:den\s+|det\s+|denne\s+|dette\s+)?"
                                r"\w*(?:brud|hændelse)", re.IGNORECASE)),
    ("affected", re.compile(r"(?:categor(?:y|ies)|types?|number|volume) of (?:\w+ ){0,2}(?:data|records|individuals|persons|data subjects)|"
                            r"(?:data|systems?|records|information|services|individuals|accounts|files|users)\s+(?:\w+\s+){0,2}?(?:affected|concerned|involved|impacted|compromised|exposed|accessed|stolen)|"
                            r"affected (?:data|systems?|records|individuals|services|users|accounts|files|customers)|berørte?|omfattede|"
                            r"kategorier af (?:\w+ ){0,2}(?:data|oplysninger|personoplysninger|registrerede)|"
                            r"antal(?:let)? (?:af )?(?:\w+ )?(?:registrerede|personer|registreringer|oplysninger)|"
                            r"påvirke(?:de|t)|\bramt(?:e)?\b|\bomfattet\b|kompromitter(?:ede?|et)\b|eksponere(?:t|de)\b|"
                            # what may have reached the wrong people: "hvilke oplysninger der er kommet i forkerte hænder",
                            # "which details may have fallen into the wrong hands"
                            r"\bi\s+(?:forkerte|uvedkommendes|fremmede)\s+hænder|\binto\s+the\s+wrong\s+hands", re.IGNORECASE)),
    ("measures", re.compile(r"measures (?:\w+ ){0,3}(?:taken|undertaken|implemented|proposed|planned|to be taken|adopted)|(?:measures|steps|actions) (?:\w+ ){0,4}?in response to|(?:remedial|corrective|mitigating|"
                            r"containment) (?:measures|actions|steps)|(?:steps|actions?|measures) (?:\w+ ){0,3}(?:taken|taking|take|planned|proposed|implemented|undertaken|adopted)|"
                            r"mitigat|foranstaltning|tiltag|afhjælpende|afbødende|begrænse (?:skaden|skaderne|(?:dets |dens |deres |bruddets |hændelsens )?følger(?:ne)?)|"
                            r"remediation (?:plan|steps|actions|measures)|countermeasures|(?:corrective|preventive) (?:action|measures)|"
                            # what a party (by name too) has done or means to do: "what Acme has already done", "hvad vi gør"
                            r"what (?:\w+ ){1,3}?(?:is|are|has|have|will|plans to|intends to) (?:already |now )?(?:doing|done|do)\b|to contain (?:the|it)|hvad (?:\w+ ){1,3}?(?:gør|gjort|gøre)\b|"
                            # "hvilke skridt Leverandøren har taget for at lukke hullet"
                            r"\bskridt\s+(?:\w+\s+){0,3}?(?:taget|tager|tage|iværksat|iværksætter|planlagt|planlægger)\b", re.IGNORECASE)),
]

_OWNER = [
    re.compile(r"\b(?:the\s+)?(?P<who>[A-Z][A-Za-zæøå]+)\s+(?:shall\s+|will\s+|does\s+|shall\s+at\s+all\s+times\s+)?"
               r"(?:retains?|owns?|holds?|remains?\s+the\s+(?:sole\s+)?owner|is\s+(?:and\s+shall\s+remain\s+)?the\s+(?:sole\s+)?(?:and\s+exclusive\s+)?owner|"
               # "Client is and shall remain exclusively entitled to all right and interest in …"
               r"(?:is\s+(?:and\s+(?:shall\s+|will\s+)?remain\s+)?|remains?\s+)(?:exclusively\s+|solely\s+)?entitled\s+to\s+(?:all\s+)?(?:right|rights|title|ownership)\b|"
               r"ejer|bevarer)\b"),
    re.compile(r"(?:belong|vest)s?\s+(?:solely\s+|exclusively\s+)?(?:with|in|to)\s+(?:the\s+)?(?P<who>[A-Z][A-Za-zæøå]+)"),
    re.compile(r"(?:tilhører|forbliver hos|tilkommer|tilfalder|ligger hos|ejes (?:alene |udelukkende )?af)\s+"
               r"(?:den\s+|det\s+)?(?P<who>[A-ZÆØÅ][A-Za-zæøå]+)"),
    # "Data, som Kunden indlæser, er Kundens."
    re.compile(r"\ber\s+(?:og\s+forbliver\s+)?(?P<who>[A-ZÆØÅ][a-zæøå]+?)s\s*[.;]"),
    re.compile(r"(?:er|forbliver)\s+(?:og\s+forbliver\s+)?(?P<who>[A-ZÆØÅ][a-zæøå]+?)s\s+(?:fulde\s+|eksklusive\s+)?ejendom"),
    # "Myndigheden, som har de immaterielle rettigheder til …", "Kunden bevarer ophavsretten til …"
    re.compile(r"(?P<who>[A-ZÆØÅ][a-zæøå]+)(?:,\s+(?:som|der))?\s+(?:har|bevarer|besidder)\s+(?:de\s+|alle\s+)?"
               r"(?:immaterielle\s+rettigheder|rettighederne|ophavsretten|ophavsret)\b"),
    re.compile(r"(?P<who>[A-ZÆØÅ][a-zæøå]+)\s+(?:har|bevarer|erhverver)\s+(?:den\s+)?"
               r"(?:(?:fulde|fuld|eksklusive|udelukkende|hele)\s+(?:og\s+)?)*ejendomsret"),
    re.compile(r"(?P<who>[A-ZÆØÅ][a-zæøå]+)\s+(?:er|forbliver)\s+(?:og\s+forbliver\s+)?(?:den\s+)?(?:eneste\s+|retmæssige\s+)?"
               r"(?:ene)?ejer(?:en)?\s+af"),
    # "Kunden er og forbliver eneberettiget til alle rettigheder til …"
    re.compile(r"(?P<who>[A-ZÆØÅ][a-zæøå]+)\s+(?:er|forbliver)\s+(?:og\s+forbliver\s+)?(?:ene)?berettiget\s+til\s+(?:alle\s+)?"
               r"(?:rettigheder|rettighederne|ejendomsret|ejendomsretten)\b"),
    re.compile(r"(?:the\s+)?(?:sole\s+and\s+exclusive\s+|sole\s+|exclusive\s+)?property\s+of\s+(?:the\s+)?(?P<who>[A-Z][A-Za-zæøå]+)"),
    re.compile(r"remains?\s+(?:solely\s+|exclusively\s+|at all times\s+)?with\s+(?:the\s+)?(?P<who>[A-Z][A-Za-zæøå]+)"),
]
_NOT_PARTY = {"The", "This", "All", "Such", "Each", "Any", "Neither", "Either", "Nothing", "No", "Data", "Agreement",
              "Party", "Parties", "Den", "Det", "De", "Denne", "Dette", "Alle", "Enhver", "Ingen", "Aftalen", "Aftale",
              "Parterne", "Part", "Parten", "Hver", "Data", "Oplysningerne"}


def extract_channels(text: str, anchor: int = 0, lang: str = "en") -> dict[str, Any]:
    found = [name for name, rx in _CHANNELS if rx.search(text)]
    return {"channels": found} if found else {}


def extract_elements(text: str, anchor: int = 0, lang: str = "en") -> dict[str, Any]:
    found = [name for name, rx in _ELEMENTS if rx.search(text)]
    return {"elements": found} if found else {}


def extract_owner(text: str, anchor: int = 0, lang: str = "en") -> dict[str, Any]:
    for rx in _OWNER:
        for m in rx.finditer(text):
            who = m.group("who")
            if who not in _NOT_PARTY:
                return {"owner": who}
    return {}


# ---------------------------------------------------------------- log retention, audit triggers

_RETENTION = (
    r"(?<![\w.,])(?P<num>\d{1,4}|NW)(?:\s*\((?P<paren>\d{1,4})\))?[\s-]*(?:calendar\s+|kalender)?"
    r"(?P<unit>days?|weeks?|months?|years?|dage|dag|døgn|uger|uge|måneder|måned|år)(?:s|es|ers)?\b")
_RETENTION_EN = re.compile(_RETENTION.replace("NW", NUMBER_WORD), re.IGNORECASE)
_RETENTION_DA = re.compile(_RETENTION.replace("NW", NUMBER_WORD_DA), re.IGNORECASE)
_DAYS_PER = {"day": 1, "dag": 1, "døgn": 1, "week": 7, "uge": 7, "month": 365 / 12, "måned": 365 / 12, "year": 365,
             "år": 365}


_LOG_WORD = re.compile(r"\blog|\w*log(?:s|gen|fil\w*|ge\w*|ning\w*|data|føre\w*)?\b|audit trail|revisionsspor|sporbar",
                       re.IGNORECASE)


def extract_retention(text: str, anchor: int = 0, lang: str = "en") -> dict[str, Any]:
    """How long logs are kept, in days: the period nearest the match in a part of the text (split at
    ";" and line breaks) that speaks of logs: "kept for 12 months" -> 365, "i 6 måneder" -> 183 (a
    month is a twelfth of 365 days, rounded half up). A backup's or a patch's period is not a log's."""
    regex = _RETENTION_DA if lang == "da" else _RETENTION_EN
    found = [m for part in re.finditer(r"[^;\n]+", text) if _LOG_WORD.search(part.group(0))
             for m in regex.finditer(text, part.start(), part.end())]
    if not found:
        return {}
    best = min(found, key=lambda m: abs(m.start() - anchor))
    raw = best.group("paren") or best.group("num")
    value = parse_number(raw, lang) if raw[0].isdigit() else word_to_number(raw)
    unit = best.group("unit").lower()
    unit = {"dage": "dag", "uger": "uge", "måneder": "måned"}.get(unit, unit.rstrip("s"))
    if not value or value <= 0 or unit not in _DAYS_PER:
        return {}
    return {"retention_days": int(value * _DAYS_PER[unit] + 0.5)}


_TRIGGERS = [
    ("periodic", re.compile(
        r"\b(?:annual(?:ly)?|yearly|quarterly|periodic(?:al)?(?:ly)?|regular(?:ly)?|once\s+(?:a|per|in\s+(?:any|each)|"
        r"each|every|during\s+(?:any|each))\s+(?:\w+\s+){0,2}?(?:year|quarter|month|period)|(?:each|every)\s+"
        r"(?:calendar\s+|contract\s+)?(?:year|quarter)|årlig(?:t|e)?|periodisk(?:e)?|regelmæssig(?:t|e)?|"
        r"(?:en|én)\s+gang\s+(?:om|pr\.?|per|hvert|i)\s+(?:\w+\s+)?(?:år(?:et)?|kvartal(?:et)?)|hvert\s+(?:\w+\s+)?"
        r"(?:år|kvartal)|kvartalsvis)\b", re.IGNORECASE)),
    ("on-request", re.compile(
        r"\b(?:(?:up)?on\s+(?:[\w'’()]+\s+){0,5}?(?:notice|request|demand)|at\s+(?:the\s+)?(?:\w+['’]s\s+)?request|"
        r"at\s+any\s+(?:\w+\s+)?times?|at\s+all\s+(?:\w+\s+)?times|from\s+time\s+to\s+time|when(?:ever)?\s+"
        r"(?:\w+\s+){0,3}?(?:needed|required|necessary|requested)|as\s+(?:\w+\s+)?(?:needed|required)|"
        r"(?:prior|advance|reasonable|written|days['’]?)\s+(?:written\s+)?notice|anmodning|forlangende|opfordring|påkrav|varsel|"
        r"til\s+enhver\s+tid|efter\s+behov|når\s+(?:\w+\s+){0,4}?(?:nødvendigt|behov|ønsker))\b", re.IGNORECASE)),
    ("incident", re.compile(
        r"\b(?:(?:security|data|personal\s+data)\s+(?:incident|breach)|incident|(?:suspected|actual|alleged)\s+"
        r"(?:\w+\s+)?(?:breach|non-?compliance|violation)|reason\s+to\s+(?:believe|suspect)|reasonably\s+suspects?|"
        r"\w*sikkerhedsbrud\w*|\w*databrud\w*|\w*hændelse\w*|brud\s+på\s+persondatasikkerheden|mistanke\w*|"
        r"formodning)\b", re.IGNORECASE)),
]


def extract_audit_triggers(text: str, anchor: int = 0, lang: str = "en") -> dict[str, Any]:
    """When an audit may be made: ``periodic`` (once a year, annually), ``on-request`` (on notice, at
    any time, when needed) and ``incident`` (after a security incident or a suspected breach)."""
    return {"triggers": [name for name, rx in _TRIGGERS if rx.search(text)]}


# ---------------------------------------------------------------- certifications and roles (Theme 7)

_CERTS = [
    ("ISO 27001", re.compile(r"\b(?:ISO|DS|EN|DS/EN)?[/ ]?(?:ISO[/ ]?)?(?:IEC[ /]?)?27001\b", re.IGNORECASE)),
    ("ISO 27017", re.compile(r"\b27017\b")),
    ("ISO 27018", re.compile(r"\b27018\b")),
    ("ISO 27701", re.compile(r"\b27701\b")),
    ("SOC 2", re.compile(r"\bSOC[ -]?(?:2|II)\b", re.IGNORECASE)),
    ("SOC 1", re.compile(r"\bSOC[ -]?(?:1|I)\b", re.IGNORECASE)),
    ("ISAE 3402", re.compile(r"\bISAE[ -]?3402\b", re.IGNORECASE)),
    ("ISAE 3000", re.compile(r"\bISAE[ -]?3000\b", re.IGNORECASE)),
    ("PCI DSS", re.compile(r"\bPCI[ -]?DSS\b", re.IGNORECASE)),
    ("BSI C5", re.compile(r"\bBSI[ -]?C5\b|\bC5[ -](?:attestation|catalogue|criteria)", re.IGNORECASE)),
    ("CSA STAR", re.compile(r"\bCSA[ -]?STAR\b", re.IGNORECASE)),
    ("Cyber Essentials", re.compile(r"\bCyber Essentials\b", re.IGNORECASE)),
    ("HITRUST", re.compile(r"\bHITRUST\b", re.IGNORECASE)),
]
_ROLES = [
    ("controller", re.compile(r"\b(?:data[ -]?)?controllers?\b|\bdataansvarlige?\b|\bdataansvarliges\b|"
                              r"\bdata exporter\b", re.IGNORECASE)),
    ("processor", re.compile(r"(?<![-\w])(?:data[ -]?)?processors?\b|\bdatabehandler(?:en|e|ne|s|ens)?\b|"
                             r"\bdata importer\b", re.IGNORECASE)),
    ("sub-processor", re.compile(r"\bsub-?processors?\b|\bunder(?:data)?behandler(?:en|e|ne|s)?\b", re.IGNORECASE)),
]


def extract_certifications(text: str, anchor: int = 0, lang: str = "en") -> dict[str, Any]:
    """Named security standards and assurance reports, normalised: "ISO/IEC 27001:2022" -> ISO 27001,
    "SOC 2 Type II" -> SOC 2, "ISAE 3402 type 2-erklæring" -> ISAE 3402."""
    found = [name for name, rx in _CERTS if rx.search(text)]
    return {"certifications": found} if found else {}


def extract_roles(text: str, anchor: int = 0, lang: str = "en") -> dict[str, Any]:
    """The data protection roles a sentence names: controller, processor, sub-processor."""
    found = [name for name, rx in _ROLES if rx.search(text)]
    return {"roles": found} if found else {}


EXTRACTOR_FUNCS: dict[str, Callable[[str, int, str], dict[str, Any]]] = {
    "deadline": extract_deadline,
    "money": extract_money,
    "cap_formula": extract_cap_formula,
    "insurance": extract_insurance,
    "channels": extract_channels,
    "elements": extract_elements,
    "owner": extract_owner,
    "notice_parties": extract_notice_parties,
    "retention": extract_retention,
    "audit_triggers": extract_audit_triggers,
    "certifications": extract_certifications,
    "roles": extract_roles,
}
