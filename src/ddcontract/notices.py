"""Who is told: whether the duty to notify that a deadline is set for is the duty toward the customer, and who
must notify whom (:func:`extract_notice_parties`, for the duty to notify both ways).

The breach-notification deadline the requirements ask about is the one toward the customer. Other deadlines are
not it: the customer's own duty to tell the provider ("You must notify us immediately (in any event within 24
hours)", "Du skal underrette os senest 24 timer efter"), the customer's report to the authority as controller ("no
later than 72 hours after the Client becomes aware of a breach"), and any notice to an authority ("We notify the
supervisory authority … within 72 hours"). :func:`ddcontract.values.extract_deadline` marks those
``not_to_customer``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# the passive of telling ("Kunden underrettes senest …", "the Customer shall be notified within …"): its subject is told
_PASSIVE = ("underrettes", "orienteres", "informeres", "notified", "informed", "advised")
# the verbs of telling, with the word after them (its object, when it is one)
_TELL = (r"notify|notifies|inform|informs|tell|tells|alert|alerts|advise|advises|contact|contacts|report|reports|"
         r"underrette|underretter|orientere|orienterer|informere|informerer|kontakte|kontakter|meddele|meddeler|give|giver|"
         # passing a report on ("the Host will forward it to the Client", "videresender vi meldingen til Kunden")
         r"forward|forwards|relay|relays|videresende|videresender|"
         + "|".join(_PASSIVE))
_DUTY_VERB = re.compile(rf"\b(?:{_TELL})\b(?:\s+(?:the\s+)?(?P<obj>[\wæøåÆØÅ]+))?", re.IGNORECASE)
# the provider told (by its sub-processor, or by the customer): "Each Sub-processor shall notify the Processor within 24
# hours", "skal underrette Leverandøren inden for 12 timer"
_PROVIDER_DA = frozenset(("leverandøren", "databehandleren", "udbyderen"))
# a question a customer asks the provider, in terms written as questions and answers: "will you tell us", "vil I
# underrette os"
_ASKED_OF_PROVIDER = re.compile(r"\b(?:will|would|do|does|can|shall|must)\s+you\s+(?:\w+\s+)?$|"
                                r"\b(?:vil|skal|kan)\s+(?:i|du)\s+(?:\w+\s+)?$", re.IGNORECASE)
# a Danish subordinate clause has its subject before the verb, so the name after the verb is the one told: "sikrer, at
# disse underretter Databehandleren senest 24 timer efter", "underdatabehandlere, som underretter Leverandøren"
_SUBJECT_BEFORE_DA = re.compile(r"(?:\b(?:at|som)\s+(?:[\wæøå]+\s+){0,2}|\b(?:disse|de|denne|dette)\s+)$",
                                re.IGNORECASE)
_TO_PROVIDER_OBJECT = {"us", "os", "processor", "supplier", "provider", "vendor", "contractor"} | _PROVIDER_DA
# the customer as the subject of a duty: "You shall", "the Customer agrees to", "Kunden skal straks"
_CUSTOMER_DA = r"du|i|kunden|brugeren|medlemmet|licenstageren|abonnenten"
_SUBJECT = (
    r"\b(?:(?:you|the\s+customer|customers?|the\s+client|clients?|the\s+user|users?|the\s+licensee|licensees?|the\s+member|"
    rf"members?|the\s+subscriber|subscribers?|{_CUSTOMER_DA}|brugerne|medlemmerne|kunderne)\s+"
    r"(?:shall|must|will|should|agrees?\s+to|undertakes?\s+to|(?:is|are)\s+(?:required|obliged|obligated)\s+to|"
    r"skal|forpligter\s+sig\s+til\s+at|er\s+forpligtet\s+til\s+at)"
    # Danish with the verb second, after a condition: "Har du mistanke om …, skal du straks …"
    rf"|(?:skal|må)\s+(?:{_CUSTOMER_DA}))\s*,?\s+"
    r"(?:(?:promptly|immediately|also|without\s+undue\s+delay|straks|omgående|også|uden\s+unødig\s+forsinkelse)"
    r"\s*,?\s+)?")
# … right before the verb
_CUSTOMER_SUBJECT = re.compile(_SUBJECT + "$", re.IGNORECASE)
_SUBPROCESSOR = r"\b(?:sub-?processors?|sub-?contractors?|underdatabehandler\w*|underbehandler\w*|underleverandør\w*)\s+"
_SUBPROCESSOR_SUBJECT = re.compile(
    _SUBPROCESSOR + r"(?:shall|must|will|is\s+required\s+to|are\s+required\s+to|skal|forpligter\s+sig\s+til\s+at)\b[^;]{0,80}$",
    re.IGNORECASE)
# … as the subject right before the verb, in the present tense: "Underdatabehandleren underretter Databehandleren inden for
# 24 timer", "Each sub-processor notifies the Processor within 12 hours"
_SUBPROCESSOR_BEFORE = re.compile(_SUBPROCESSOR + r"(?:also\s+|then\s+|også\s+|straks\s+|herefter\s+)?$", re.IGNORECASE)
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
_AUTHORITY = (r"(?:(?:(?:the|any|a|an|relevant|competent|applicable|appropriate|responsible|lead|national|den|de|en|relevante|"
              # a country's ("the Danish authority designated under the NIS2 act"; not "the Contracting Authority", the
              # customer of a public contract)
              r"danish|european|eu|uk|irish|german|dutch|french|swedish|norwegian|danske|europæiske|"
              r"kompetente|ansvarlige)\s+){0,3}(?:(?:supervisory|data\s+protection|regulatory|privacy|government(?:al)?)\s+)?"
              r"(?:authority|authorities|regulator|regulators|ico|datatilsynet|datatilsyn|tilsynsmyndighed(?:en|er|erne)?|"
              r"myndighed(?:en|er|erne)?|cert-in|csirt|ncsc|cfcs|center\s+for\s+cybersikkerhed|police|politiet|commission)\b"
              # a national body by its name: "the Danish Data Protection Agency", "the Information Commissioner"
              r"|(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:data(?:\s+protection)?|privacy|information)\s+"
              r"(?:agency|commissioner|commission|inspectorate|board)\b)")
_AUTHORITY_TOLD = re.compile(
    rf"\b(?:{_TELL}|notifying|anmelde|anmelder|anmeldes|indberette|indberetter)\s+"
    # a few words between ("report the breach to the authority"), none of them the customer or an "and" ("notify the
    # Club and the authority" tells the customer too)
    rf"(?:(?!(?:customers?|clients?|controllers?|you|us|and|kunden|kunder|dig|jer|os|dataansvarlige|og)\b)\w+\s+){{0,4}}?"
    rf"(?:to\s+|til\s+)?{_AUTHORITY}|"
    rf"\b(?:notification|notice|report|reporting|anmeldelsen?|underretningen?|indberetningen?)\s+(?:to|of|til)\s+{_AUTHORITY}|"
    # the authority as the subject of a passive: "where the supervisory authority must be notified within 72 hours"
    rf"{_AUTHORITY}\s+(?:must|shall|should|will|is\s+to|skal)?\s*(?:be\s+)?(?:notified|informed|told|alerted|advised|"
    rf"underrettes|orienteres|informeres)\b",
    re.IGNORECASE)


# the deadline named as the authority's: "its deadline of 72 hours toward the supervisory authority", "sin frist på 72
# timer over for tilsynsmyndigheden"
_AUTHORITY_VERB = r"(?:notify|inform|alert|report\s+to|underrette|orientere|anmelde\s+til)\s+"
_AUTHORITY_DEADLINE = re.compile(rf"^\W*(?:(?:[\wæøå]+\W+){{0,2}}?(?:over\s*for|til|to|towards?|vis-à-vis|with)\s+"
                                 # "its 72-hour obligation to notify the supervisory authority"
                                 rf"(?:{_AUTHORITY_VERB})?|"
                                 # the verb after the deadline: "the Controller shall, where feasible within 72 hours,
                                 # notify the Supervisory Authority"
                                 rf"{_AUTHORITY_VERB}){_AUTHORITY}",
                                 re.IGNORECASE)


# "the Authority", "Myndigheden" with a capital and no word naming a regulator is the customer in public contracts
# (UK call-off terms, Danish public procurement), not a supervisory authority
_PARTY_AUTHORITY = re.compile(r"\b(?:Authority|Myndigheden)\b")
_REGULATOR_WORD = re.compile(r"supervisory|data\s+protection|regulat|privacy|competent|relevant|national|government|"
                             r"tilsyn|kompetente|relevante|offentlige|authorities|myndigheder", re.IGNORECASE)


def _is_authority(match: re.Match[str]) -> bool:
    said = match.group(0)
    return not (_PARTY_AUTHORITY.search(said) and not _REGULATOR_WORD.search(said))


# a notice sent, in the passive, to someone named ("must be reported to the Company", "skal meddeles Selskabet", "skal
# indberettes til vores support"): told is the customer only when the one named is the customer
_SENT_TO = re.compile(
    r"\b(?:reported|notified|sent|given|submitted|communicated|addressed|escalated)\s+to\s+(?:the\s+|our\s+|its\s+|a\s+)?"
    r"(?P<whom>[\w-]+)|"
    # Danish: "til" and the one told, or the one told as the object, a name with its capital ("meddeles Selskabet"; not
    # "gives senest …", "gives telefonisk til …")
    r"\b(?:meddeles|indberettes|rapporteres|anmeldes|sendes|gives|oplyses|meldes)\s+(?:[\wæøå]+\s+){0,2}?til\s+"
    r"(?:den\s+|det\s+|de\s+|vores\s+)?(?P<whom_da>[\wæøåÆØÅ'’-]+)|"
    r"\b(?:meddeles|indberettes|rapporteres|anmeldes|sendes|gives|oplyses|meldes)\s+(?P<whom_name>(?-i:[A-ZÆØÅ])[\wæøåÆØÅ-]+)|"
    # the notice as a noun with the one it goes to: "Underleverandørens underretning til Leverandøren skal ske inden for 12
    # timer", "the sub-processor's notice to the Processor"
    r"\b(?:underretning|meddelelse|indberetning|notifikation|notice|notification)\s+(?:til|to)\s+"
    r"(?:den\s+|det\s+|the\s+|our\s+|its\s+)?(?P<whom_noun>[\wæøåÆØÅ'’-]+)",
    re.IGNORECASE)
_AUTHORITY_WORD = re.compile(r"(?:authorit|regulator|ico$|datatilsyn|tilsynsmyndighed|myndighed|supervisory|competent)",
                             re.IGNORECASE)
_CUSTOMER_TOLD = frozenset(
    "you your customer customers client clients controller controllers member members user users subscriber "
    "subscribers licensee licensees dig jer du kunden kunder kunderne kundens dataansvarlige medlemmet medlemmer "
    "medlemmerne brugeren brugerne abonnenten abonnenterne licenstageren "
    # the public customer by its name in public contracts ("meddeles … til Kommunens koordinator", "notify the Council")
    "council buyer purchaser kommunen regionen ordregiveren køberen bestilleren".split())

# the customer of a platform by its role in the platform's terms ("Cloudvane will notify Partner within 36 hours"), as
# _bare leaves it (no plural or genitive "s")
_PLATFORM_CUSTOMER = frozenset("partner merchant publisher seller advertiser reseller affiliate partneren forhandleren "
                               "sælgeren".split())


def _sent_to_other(text: str, at: int, since: int = 0) -> bool:
    """Whether the notice the deadline at ``at`` is set for is sent, in the passive or named by its noun, to someone
    other than the customer: the last such notice before the deadline (after ``since``, the last notifying verb: "the sub-processor's
    notice to the Supplier …, and the Supplier shall then notify the Customer within 36 hours" is the Supplier's duty),
    or else the first after it."""
    sent = list(_SENT_TO.finditer(text))
    near = [m for m in sent if since <= m.start() < at][-1:] or [m for m in sent if m.start() >= at][:1]
    if not near:
        return False
    m = near[0]
    if m.group("whom_noun"):
        # a notice named by its noun goes to the provider only when the provider is named: "notice to Company" may be to
        # the customer under its own name — unless a party named by another role gives it to a party named by its own
        # name ("The Transport Operator shall give notice to FREE NOW", a platform's customer telling the platform)
        whom = m.group("whom_noun")
        return whom.lower() in _TO_PROVIDER_OBJECT or (_names_a_party(whom)
                                                        and _role_subject_not_provider(text, m.start()))
    whom = _bare(m.group("whom") or m.group("whom_da") or m.group("whom_name") or "")
    # "reported to the other party", "meddeles den anden part", "til modparten": in a mutual duty the customer is told too
    if whom == "modparten" or (whom in ("other", "anden") and re.match(r"\s*part", text[m.end():], re.IGNORECASE)):
        return False
    return bool(whom) and whom not in _CUSTOMER_TOLD and whom not in _PLATFORM_CUSTOMER and not _AUTHORITY_WORD.match(whom)


def _bare(whom: str) -> str:
    """The one told without a genitive or plural "s" ("the Customer's contact", "Kundens", "medlemmernes")."""
    return re.sub(r"(?:['’]s|s)$", "", whom.lower())


def _is_customer(whom: str) -> bool:
    """Whether the one told is the customer ("the Controller", "Kundens", "medlemmerne")."""
    return _bare(whom) in _CUSTOMER_TOLD or whom.lower() in _CUSTOMER_TOLD


def _sent_to_customer(text: str, since: int, at: int) -> bool:
    """Whether a notice named after ``since`` and before the deadline at ``at`` goes to the customer: "assist the
    Controller in notifying the supervisory authority within 72 hours; the Processor's own notice to the Controller
    shall be given within 24 hours" sets the 24 hours toward the customer."""
    return any(_is_customer(m.group("whom") or m.group("whom_da") or m.group("whom_name") or m.group("whom_noun") or "")
               for m in _SENT_TO.finditer(text, since, at))


# a party by its role, as the subject of a duty: "The Merchant shall", "Forhandleren skal straks og senest"
_ROLE_SUBJECT = re.compile(
    r"(?:(?:\b[Tt]he\s+(?P<en>(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?)|"
    # a role without its article, as many English contracts write it: "Merchant shall notify Tradepoint" ("Partner" is
    # left out: a partner may as well be the one supplying the platform)
    r"\b(?P<bare>(?-i:Merchant|Publisher|Seller|Reseller|Member|Advertiser|Licensee|Subscriber|Affiliate)))\s+"
    r"(?:shall|must|will|agrees\s+to|undertakes\s+to)|"
    # (the Danish role by its definite ending, with a Danish verb: "Cloudvane will" is a name, not a role)
    r"\b(?P<da>(?-i:[A-ZÆØÅ])[\wæøå-]+(?:en|et|ne))\s+(?:skal|forpligter\s+sig\s+til\s+at))\b[^.;]{0,60}$")
# the roles a provider has: a duty of theirs is toward the customer whoever is named as told
_PROVIDER_ROLE = frozenset(
    "supplier provider processor sub-processor subprocessor contractor vendor licensor host company consultant developer "
    "agency importer leverandøren databehandleren underdatabehandleren udbyderen konsulenten selskabet værten "
    "leverandør databehandler udbyder".split())
_NAME_WORD = re.compile(r"(?-i:[A-ZÆØÅ])[\w.&-]*")


def _role_subject_not_provider(text: str, at: int) -> bool:
    """Whether the duty just before ``at`` is that of a party named by a role that is not the provider's ("The Merchant
    shall", "Forhandleren skal straks")."""
    subject = _ROLE_SUBJECT.search(text[max(0, at - 120):at])
    if not subject:
        return False
    role = (subject.group("en") or subject.group("da") or subject.group("bare")).lower()
    return (not any(word in _PROVIDER_ROLE or word.endswith(("leverandøren", "udbyderen", "databehandleren"))
                    for word in role.split()) and role not in _CUSTOMER_TOLD)


def _names_a_party(word: str) -> bool:
    """A party by a name of its own ("Orbitly", "FREE"), not a word of ours for the customer or the provider."""
    name = word.lower()
    return bool(_NAME_WORD.fullmatch(word)) and not (name in _CUSTOMER_TOLD or name in _TO_PROVIDER_OBJECT
                                                     or name in _PROVIDER_ROLE or name in ("the", "den", "det"))


# the one told as a named team or desk after "to": "report any loss … to the GovWifi team", "give besked om misbrug … til
# Nordplads sikkerhedsteam"
_TO_NAMED_TEAM = re.compile(r"\b(?:to|til)\s+(?:the\s+)?(?P<name>(?-i:[A-ZÆØÅ])[\w.&-]+?)(?:['’]s?)?\s+"
                            r"(?:(?:security|support|operations|incident)\s+)?(?:team|desk|helpdesk|teamet|supportteam|"
                            r"supportteamet|sikkerhedsteam|sikkerhedsteamet)\b", re.IGNORECASE)


def _role_tells_named_party(text: str, verb: re.Match[str]) -> bool:
    """Whether a party named by a role other than the provider's must tell a party named by its own name: in a
    platform's terms, "The Merchant shall notify Orbitly within 24 hours", "Partneren skal underrette Nordplads senest
    12 timer efter", "the Advertiser shall notify the Company" — the platform's customer telling the platform (the
    provider, which such terms call by its name or "the Company"), not the customer told."""
    obj = verb.group("obj")
    # the one told right after the verb by a name of its own, not by a role with its article ("the Partner"), or a
    # team of a named party after "to" ("The Organisation will report any loss … to the GovWifi team")
    named = bool(obj) and (obj.lower() == "company" or (not re.search(r"\bthe\s", verb.group(0), re.IGNORECASE)
                                                        and _names_a_party(obj)))
    if not named:
        team = _TO_NAMED_TEAM.search(text, verb.end(), verb.end() + 160)
        named = bool(team) and _names_a_party(team.group("name"))
    return named and _role_subject_not_provider(text, verb.start())


_SUBJECTS_TOLD = re.compile(
    r"\s+(?:the\s+|any\s+|all\s+|each\s+|de\s+|den\s+|alle\s+)?(?:affected\s+|impacted\s+|relevant\s+|concerned\s+|berørte\s+|"
    r"pågældende\s+|relevante\s+)?(?:patients?|individuals?|data\s+subjects?|persons|people|consumers|registrerede|"
    r"personer|patienter|borgere|borgerne)\b", re.IGNORECASE)


def not_to_customer(text: str, at: int) -> bool:
    """Whether the duty to notify that governs the deadline at ``at`` is not the duty toward the customer: the
    deadline runs from the customer's awareness; or the last notifying words before it tell an authority; or the
    last notifying verb before the deadline (or else the first after it) has "us" as its object, or the customer as
    its subject."""
    after = _after_deadline(text, at)
    named = _AUTHORITY_DEADLINE.search(after)
    if _CUSTOMER_AWARE.search(after) or (named and _is_authority(named)):
        return True
    verbs = list(_DUTY_VERB.finditer(text))
    before = [v for v in verbs if v.start() < at]
    if _sent_to_other(text, at, before[-1].start() if before else 0):
        return True
    # (not across a semicolon when the customer is told after it: "the Controller notifies the authority within 72
    # hours; to enable this, the Processor shall, within 48 hours, notify the Controller" sets the 48 hours for the
    # Processor's own notice; "… til Datatilsynet; anmeldelsen sker inden for 72 timer" is still the authority's)
    told = [m for m in _AUTHORITY_TOLD.finditer(text) if m.start() < at and _is_authority(m)
            and not (";" in text[m.end():at] and _customer_told_after(text, text.rfind(";", m.end(), at), at))]
    if told and (not before or told[-1].end() > before[-1].start()) and not _sent_to_customer(text, told[-1].end(), at):
        return True
    # the controller reporting the breach itself, to the authority: "den dataansvarlige skal anmelde bruddet inden for 72
    # timer", "the Controller shall notify the breach within 72 hours"
    if _CONTROLLER_REPORTS.search(text[max(0, at - 160):at]):
        return True
    verb = before[-1] if before else next(iter(verbs), None)
    if verb is None:
        return False
    if _ASKED_OF_PROVIDER.search(text[max(0, verb.start() - 20):verb.start()]) and "?" in text[verb.end():at]:
        return False  # a customer's question, the answer a deadline: "How quickly will you tell us …? Within a day."
    # the people whose data it is, told by the provider ("will notify affected patients within sixty (60) days", "underretter
    # de registrerede inden for …"): a duty toward them, not toward the customer
    if _SUBJECTS_TOLD.match(text, verb.start() + len(verb.group(0).split()[0])):
        return True
    obj = (verb.group("obj") or "").lower()
    # (a Danish present tense puts its subject after the verb: "giver Databehandleren den dataansvarlige meddelelse" has
    # the provider as subject; only after an infinitive is it the one told: "skal underrette Databehandleren")
    # (… nor after its subject in a subordinate clause: "sikrer, at disse underretter Databehandleren")
    subject_first = _SUBJECT_BEFORE_DA.search(text[max(0, verb.start() - 40):verb.start()])
    if obj in _TO_PROVIDER_OBJECT and not (obj in _PROVIDER_DA and verb.group(0).split()[0].lower().endswith("r")
                                           and not subject_first):
        return True
    if verb.group(0).split()[0].lower() in _PASSIVE:
        return False  # the customer as the subject of a passive is the one told: "skal Kunden orienteres senest …"
    if _role_tells_named_party(text, verb):
        return True
    # a sub-processor's own duty (toward the provider): "Each sub-processor shall notify …", "Hver underbehandler
    # forpligter sig til at: … underrette AlphaAi om databrud"
    if _SUBPROCESSOR_SUBJECT.search(text[max(0, verb.start() - 120):verb.start()]) or _SUBPROCESSOR_BEFORE.search(
            text[max(0, verb.start() - 40):verb.start()]):
        return True
    if not before:
        return bool(_CUSTOMER_SUBJECT_AHEAD.search(text[max(0, at - 100):at]))
    return bool(_CUSTOMER_SUBJECT.search(text[max(0, verb.start() - 60):verb.start()]))


def _customer_told_after(text: str, start: int, at: int) -> bool:
    """Whether a notifying verb between ``start`` and the end of the part that holds the deadline at ``at`` has the
    customer as its object ("… within 48 hours, notify the Controller")."""
    end = text.find(";", at)
    return any(_is_customer(verb.group("obj") or "") for verb in _DUTY_VERB.finditer(text, start, end if end > 0 else len(text)))


# the controller's own duty to report the breach (its duty toward the authority, never one toward the customer)
_CONTROLLER_REPORTS = re.compile(
    r"\b(?:den\s+dataansvarlige|the\s+controller)\s+(?:skal|shall|must|will|is\s+to)\s+(?:[\wæøå]+\s+){0,2}?"
    r"(?:anmelde|notify|report)\s+(?:bruddet|sikkerhedsbruddet|the\s+(?:personal\s+data\s+)?breach|it)\b[^.;?]{0,60}$",
    re.IGNORECASE)


def _after_deadline(text: str, at: int) -> str:
    """The words after the deadline that starts at ``at`` ("72 hours after …"): from its unit on, a short stretch."""
    unit = re.match(r"\S*\s*(?:\([^)]{0,12}\)\s*)?\S+", text[at:])
    start = at + (unit.end() if unit else 0)
    # up to a semicolon: the next item of a list of deadlines is another's ("underretning af Kunden: 48 timer;
    # anmeldelse til Datatilsynet: 72 timer")
    if ";" in text[at:start]:
        return ""
    return text[start:start + 80].split(";", 1)[0]


# ---------------------------------------------------------------- who notifies whom

_NOTICE_DUTY = re.compile(
    r"\b(?:the\s+|den\s+|det\s+)?(?P<who>[A-Za-zÆØÅæøå]+)(?:['’]s)?\s+(?:shall|will|must|agrees? to|undertakes? to|"
    r"is obliged to|skal|er forpligtet til at|forpligter sig til at)\s+"
    r"(?:(?:promptly|immediately|without undue delay|also|in turn|uden unødig forsinkelse|uden ugrundet ophold|straks|"
    r"også|ligeledes|tilsvarende|omgående|skriftligt),?\s+){0,2}"
    r"(?:notify|inform|alert|advise|tell|give (?:written )?notice to|report (?:it |this )?to|underrette|orientere|"
    r"give besked til|give meddelelse til|informere|fortælle|give)\s+"
    r"(?:the\s+|den\s+|det\s+)?(?P<whom>[A-Za-zÆØÅæøå]+)", re.IGNORECASE)
# Danish present tense without a modal: "Vi giver dig besked", "Leverandøren underretter Kunden"
_NOTICE_DUTY_DA = re.compile(
    r"\b(?:den\s+|det\s+)?(?P<who>[A-Za-zÆØÅæøå]+)\s+(?:(?:underretter|orienterer|informerer|varsler)\s+"
    r"(?:(?:straks|omgående|også|ligeledes|tilsvarende),?\s+)?(?:den\s+|det\s+)?(?P<whom>[A-Za-zÆØÅæøå]+)|"
    r"giver\s+(?:(?:straks|omgående|også|ligeledes|tilsvarende)\s+)?(?:den\s+|det\s+)?(?P<whom2>[A-Za-zÆØÅæøå]+)\s+"
    r"(?:besked|meddelelse|underretning))", re.IGNORECASE)
# Danish puts the verb second after a condition or an adverbial, the subject after it ("Hvis der sker et brud, skal
# Leverandøren straks underrette Kunden", "Har du mistanke om misbrug, skal du straks skifte koden og give os besked",
# "… giver vi dig besked", "Ved et brud underretter Leverandøren Kunden"). The subject is a pronoun or a party named
# with its capital, so a plain "Leverandøren skal straks underrette Kunden" is not read this way.
_PARTY_DA = r"(?:du|vi|Du|Vi|(?:den|det)\s+[\wæøå]+|[A-ZÆØÅ][\wæøå-]+)"
_NOTICE_DUTY_DA_V2 = re.compile(
    rf"\b(?:skal|vil|må)\s+(?P<who>{_PARTY_DA})\s+(?:[\wæøå]+,?\s+){{0,5}}?(?:underrette|orientere|informere|kontakte|"
    r"varsle|give\s+(?:besked|meddelelse)\s+til|give)\s+(?:den\s+|det\s+)?(?P<whom>[\wæøåÆØÅ]+)|"
    rf"\b(?:underretter|orienterer|informerer|varsler|giver)\s+(?P<who2>{_PARTY_DA})\s+"
    r"(?:(?:straks|omgående|også|derefter|hurtigst\s+muligt),?\s+)?(?:den\s+|det\s+)?(?P<whom2>dig|os|jer|[A-ZÆØÅ][\wæøå-]+)")
_PRONOUNS = {"us": "we", "our": "we", "your": "you", "os": "vi", "jer": "i", "dig": "du"}
_NOT_A_PARTY = {"it", "which", "that", "who", "party", "parties", "each", "either", "both", "any",
                "hver", "begge", "enhver", "part", "parten", "parterne", "hinanden", "den", "det", "om", "herom"}


def extract_notice_parties(text: str, anchor: int = 0, lang: str = "en") -> dict[str, Any]:
    """Who must notify whom: "The Supplier shall notify the Customer" -> supplier, customer."""
    best = (nearest((_NOTICE_DUTY_DA_V2,), text, anchor) if lang == "da" else None) or nearest(
        (_NOTICE_DUTY, _NOTICE_DUTY_DA) if lang == "da" else (_NOTICE_DUTY,), text, anchor)
    if best is None:
        return {}
    groups = best.groupdict()
    whom_raw = groups.get("whom") or groups.get("whom2") or ""
    who_raw = re.sub(r"^(?:den|det)\s+", "", groups.get("who") or groups.get("who2") or "")
    who = _PRONOUNS.get(who_raw.lower(), _party(who_raw))
    whom = _PRONOUNS.get(whom_raw.lower(), _party(whom_raw))
    if who in _NOT_A_PARTY or whom in _NOT_A_PARTY or who == whom:
        return {}
    return {"notifier": who, "recipient": whom}


def _party(word: str) -> str:
    """A party's word without its genitive: "Leverandørens servicedesk" is told the supplier's way, as "the
    Customer's contact" is the customer's ("leverandørens" -> "leverandøren", "customer's" -> "customer")."""
    low = word.lower()
    low = re.sub(r"['’]s$", "", low)
    return low[:-1] if len(low) > 4 and re.search(r"(?:en|et|ne)s$", low) else low


def nearest(regexes: Iterable[re.Pattern[str]], text: str, anchor: int) -> re.Match[str] | None:
    """The match of any of ``regexes`` that starts closest to ``anchor`` (the first on a tie)."""
    best = None
    for regex in regexes:
        for m in regex.finditer(text):
            if best is None or abs(m.start() - anchor) < abs(best.start() - anchor):
                best = m
    return best
