"""Defined terms (``ddcontract.terms``): a name the contract gives to a security incident or to the
customer's data is understood where it is used alone later, in English and Danish; quotes and values
still come from the contract's own words, and the finding names the term and where it is defined."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ddcontract.cli import app
from ddcontract.model import Block
from ddcontract.segment import clauses_of
from ddcontract.terms import TermReader, concept_of, defined_periods, defined_terms

EN = """\
1. Definitions

1.1 "Occurrence" means any accidental or unlawful destruction, loss or alteration of, or unauthorised access to, \
Client Personal Data.

1.2 "Client Materials" means all files, records and content that the Client uploads to the Platform.

4. Ownership

4.1 The Client retains all right, title and interest in the Client Materials.

5. Notice

5.1 The Vendor shall inform the Client of any Occurrence within 36 hours of becoming aware of it.
"""

DA = """\
1. Definitioner

1.1 Ved »Hændelse« forstås enhver uautoriseret adgang til eller hændelig eller ulovlig tilintetgørelse af \
Kundens personoplysninger.

5. Underretning

5.1 Leverandøren skal underrette Kunden om enhver Hændelse senest 30 timer efter, at Leverandøren er blevet \
bekendt med den.
"""


def _clauses(*paragraphs: str, heading: str | None = None):
    blocks = [Block(text=p, page=None, section="1", heading=heading) for p in paragraphs]
    return clauses_of(blocks)


def _check(runner, tmp_path: Path, text: str, *options: str) -> dict:
    path = tmp_path / "contract.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "json", *options])
    assert result.exit_code == 0, result.output
    return {f["id"]: f for f in json.loads(result.output)["requirements"]}


@pytest.mark.parametrize("term, body, inline, concept", [
    ("Occurrence", "any unauthorised access to, or disclosure of, Customer Data", False, "incident"),
    ("Event of Compromise", "an event that compromises the security of the Hosted Systems", False, None),
    ("Event of Compromise", "an actual or reasonably suspected compromise of the Hosted Systems by a malicious "
                            "third party", False, "incident"),
    ("Data Event", "the loss of any Supplier-held records through unlawful access", True, "incident"),
    ("Hændelse", "enhver uautoriseret adgang til Kundens data", False, "incident"),
    ("Client Materials", "all files and content that the Client uploads", False, "data"),
    ("Submissions", "the records entered into the Portal by or on behalf of the Member", False, "data"),
    ("Brugerindhold", "alt indhold, du sender til tjenesten", True, "data"),
    # not a security incident, though the words stand near: the head is no event, or no security word
    ("Security Measures", "the technical and organisational measures that protect against unauthorised access",
     False, None),
    ("Service Event", "any interruption of the Service lasting more than five minutes", False, None),
    ("Loss", "all damages and amounts paid in compromise or settlement of a claim", False, None),
    ("Property", "a facility secured against unauthorised access or viewing", True, None),
    # not the customer's data: confidentiality, the supplier's deliverables, a date
    ("Confidential Information", "all information that the Customer discloses to the Supplier", False, None),
    ("Deliverables", "the documents and files provided by the Supplier to the Customer", False, None),
    ("Effective Date", "the date on which the Client's records have been converted", True, None),
    # the term's own words already say it: the rules read it as written
    ("Security Incident", "any unauthorised access to Customer Data", False, None),
    ("Data Breach", "any breach of security that affects Customer Data", False, None),
    # "Breach" alone may be a breach of contract: a term built on it is read when its definition is about security
    ("Breach Event", "a breach of security leading to the loss or unlawful disclosure of Personal Data", False,
     "incident"),
    ("Brud", "ethvert brud på sikkerheden, der fører til tab af Kundens data", False, "incident"),
    ("Breach", "any failure by a party to perform a material obligation under this Agreement", False, None),
    # force majeure excuses performance, whatever malicious acts it lists
    ("Force Majeure Event", "an event beyond the reasonable control of the Affected Party, including fire, flood, "
                            "malicious damage or a cyber attack", False, None),
    ("Force Majeure-hændelse", "en begivenhed uden for partens kontrol, herunder brand, oversvømmelse, "
                               "hærværk eller cyberangreb", False, None),
    # an "Incident" that is a failure of the service (IT support) is read as a fault, not as a breach
    ("Incident", "a failure of the Service to perform materially in accordance with the Documentation", False,
     "fault"),
    ("Support Incident", "any outage or degradation of the Hosted Application reported by a User", False, "fault"),
    ("Hændelse", "en fejl i Systemet, som hindrer Kunden i at bruge det som beskrevet", False, "fault"),
    ("Incident", "a failure of the Service caused by unauthorised access to it", False, None),
    ("Security Incident", "a failure of the security controls protecting Customer Data", False, None),
    # a tool that works by itself is read as a robot; one whose own name says so is read as it is
    ("Harvesting Tool", "any robot, spider, script or other program that reads the Site without a person", False, "bot"),
    ("Indsamlingsværktøj", "ethvert program eller script, der automatisk henter oplysninger fra Portalen", False,
     "bot"),
    ("Automated Means", "any robot, spider or script", False, None),
    ("Booking Tool", "the calendar in the app where a member reserves a court", False, None),
])
def test_what_a_definition_is_about(term, body, inline, concept):
    assert concept_of(term, body, inline) == concept


def test_definitions_are_found_in_every_form():
    clauses = _clauses(
        '"Occurrence" means any unauthorised access to Customer Data.',
        "Client Materials means all files that the Client uploads to the Platform.",
        'Each party shall keep records of any unlawful access to Customer Data (a "Data Event").',
        "Ved »Hændelse« forstås enhver uautoriseret adgang til Kundens data.",
        "The Provider shall protect all records and files the Customer uploads (the “Customer Files”).",
    )
    found = {t.term: t.concept for t in defined_terms(clauses)}
    assert found == {"Occurrence": "incident", "Client Materials": "data", "Data Event": "incident",
                     "Hændelse": "incident", "Customer Files": "data"}
    # a colon definition counts only in a clause about definitions
    assert not defined_terms(_clauses("Occurrence: any unauthorised access to Customer Data."))
    found = defined_terms(_clauses("Occurrence: any unauthorised access to Customer Data.", heading="Definitions"))
    assert [t.term for t in found] == ["Occurrence"]


def test_the_reading_maps_back_to_the_sentence():
    clauses = _clauses('"Occurrence" means any unauthorised access to Customer Data.',
                       "The Vendor shall tell the Client of two Occurrences and of an Occurrence, but not of the "
                       "Force Majeure Occurrence.")
    reader = TermReader(defined_terms(clauses), "en")
    sentence = clauses[0].sentences[1]
    reading = reader.read(sentence)
    assert reading.text == ("The Vendor shall tell the Client of two security incidents and of an security incident, "
                            "but not of the Force Majeure Occurrence.")
    start = reading.text.index("of two")
    end = reading.text.index(" and of")
    assert sentence.text[reading.original(start):reading.original(end, end=True)] == "of two Occurrences"
    inside = reading.text.index("incidents")  # an offset inside the replaced words: the whole term
    assert sentence.text[reading.original(inside):reading.original(inside + 3, end=True)] == "Occurrences"
    tail = reading.text.index("but not")
    assert sentence.text[reading.original(tail):] == "but not of the Force Majeure Occurrence."
    assert [t.term for t in reading.terms_in(start, end)] == ["Occurrence"]
    assert reader.read(clauses[0].sentences[0]) is None  # the definition itself is not re-read


def test_danish_forms_of_a_term_are_read():
    clauses = _clauses("Ved »Hændelse« forstås enhver uautoriseret adgang til Kundens data.",
                       "Hændelsen skal straks meddeles Kunden.")
    reading = TermReader(defined_terms(clauses), "da").read(clauses[0].sentences[1])
    assert reading.text == "sikkerhedsbrud skal straks meddeles Kunden."
    # a term ending in -e takes -r, -rne in the plural: "Hændelser", "Hændelserne"
    plural = _clauses("Ved »Hændelse« forstås enhver uautoriseret adgang til Kundens data.",
                      "Hændelser skal straks meddeles Kunden, og Hændelserne logges.")
    reading = TermReader(defined_terms(plural), "da").read(plural[0].sentences[1])
    assert reading.text == "sikkerhedsbrud skal straks meddeles Kunden, og sikkerhedsbrud logges."


@pytest.mark.parametrize("text, lang, hours", [(EN, "en", 36), (DA, "da", 30)])
def test_a_defined_incident_term_carries_the_deadline(runner, tmp_path, text, lang, hours):
    found = _check(runner, tmp_path, text)
    deadline = found["DD-8.1"]
    assert deadline["status"] == "met"
    assert deadline["values"]["hours"] == hours
    ev = deadline["evidence"][0]
    assert ev["section"] == "5.1"
    assert ev["text"].startswith("5.1 ")  # the contract's own words, not the reading
    term = "Occurrence" if lang == "en" else "Hændelse"
    assert ev["matched"].endswith(term)
    assert ev["terms"] == [{"term": term, "read_as": "security incident" if lang == "en" else "sikkerhedsbrud",
                            "section": "1.1", "page": None}]
    # without the definition the same sentence says nothing the rules can read
    undefined = "\n".join(line for line in text.splitlines() if not line.startswith(("1.1", "1.2")))
    assert _check(runner, tmp_path, undefined)["DD-8.1"]["status"] == "missing"


def test_a_defined_data_term_carries_ownership(runner, tmp_path):
    found = _check(runner, tmp_path, EN)
    owner = found["DD-4.1"]
    assert owner["status"] == "met"
    assert owner["values"]["owner"] == "Client"
    assert owner["evidence"][0]["terms"][0]["term"] == "Client Materials"
    # evidence without a defined term carries no "terms" key
    plain = EN.replace("the Client Materials", "the Client's data")
    assert "terms" not in _check(runner, tmp_path, plain)["DD-4.1"]["evidence"][0]


@pytest.mark.parametrize("text, lang, shown", [
    (EN, "en", "“Occurrence” read as security incident (defined in § 1.1)"),
    (DA, "da", "»Hændelse« læst som sikkerhedsbrud (defineret i pkt. 1.1)"),
])
def test_the_report_says_how_a_term_was_read(runner, tmp_path, text, lang, shown):
    path = tmp_path / "contract.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert shown in result.output
    explained = runner.invoke(app, ["check", str(path), "--format", "json", "--explain", "DD-8.1"])
    seen = json.loads(explained.output)["explain"]["matches"]
    assert any(s["outcome"] == "evidence" and s["matched"].endswith(("Occurrence", "Hændelse")) for s in seen)


FAULTS = {
    "en": ('6. Reporting Incidents\n\n6.1 "Incident" means a failure of the Service to perform materially in accordance '
           "with the Documentation.\n\n6.2 Incidents shall be reported through the support portal or by telephone to the "
           "service desk.\n"),
    "da": ("6. Fejlmelding\n\n6.1 »Hændelse« betyder en fejl i Systemet, som hindrer Kunden i at bruge det som beskrevet."
           "\n\n6.2 Hændelser meldes via supportportalen eller på telefon til servicedesken.\n"),
}


def test_a_danish_noun_defined_without_quotes_is_read_as_defined(runner, tmp_path):
    text = ("7. Hændelser og fejl\n\n7.1 Ved en hændelse forstås en uplanlagt afbrydelse eller forringelse af Ydelsen.\n\n"
            "7.2 Hændelser anmeldes til Leverandørens servicedesk på telefon 70 20 30 40 eller via supportportalen.\n")
    assert _check(runner, tmp_path, text, "--lang", "da")["DD-8.4"]["status"] == "missing"
    clauses = _clauses("Ved et brud forstås enhver uautoriseret adgang til Kundens data.",
                       "Brud meddeles Kunden straks.")
    assert [(t.term, t.concept) for t in defined_terms(clauses)] == [("brud", "incident")]


@pytest.mark.parametrize("lang", ["en", "da"])
def test_an_incident_defined_as_a_fault_of_the_service_is_no_breach(runner, tmp_path, lang):
    assert _check(runner, tmp_path, FAULTS[lang], "--lang", lang)["DD-8.4"]["status"] == "missing"
    # the same duty for incidents defined as breaches of security names the breach notice's channel
    security = FAULTS[lang].replace("a failure of the Service to perform materially in accordance with the "
                                    "Documentation", "any unauthorised access to Customer Data")
    security = security.replace("en fejl i Systemet, som hindrer Kunden i at bruge det som beskrevet",
                                "enhver uautoriseret adgang til Kundens data")
    assert _check(runner, tmp_path, security, "--lang", lang)["DD-8.4"]["status"] in ("met", "weak")


def test_a_term_defined_after_an_article_is_found():
    """'A "Critical Event" means …', 'Ved en »Kritisk Hændelse« forstås …': the article before the quoted term is
    not part of the term, and does not hide the definition."""
    clauses = _clauses(
        'A "Critical Event" means any unauthorised access to, loss of or change to Customer data.',
        "Ved en »Kritisk Hændelse« forstås enhver uautoriseret adgang til, tab af eller ændring i Kundens data.",
        "The “Records” means all files that the Client uploads to the Platform.",
    )
    found = {t.term: t.concept for t in defined_terms(clauses)}
    assert found == {"Critical Event": "incident", "Kritisk Hændelse": "incident", "Records": "data"}


@pytest.mark.parametrize("text, lang", [
    ("16. Critical Events\n\n16.1 A \"Critical Event\" means any unauthorised access to, loss of or change to Customer "
     "data caused by the Supplier.\n\n16.2 Should a Critical Event occur, the Customer may terminate the agreement.\n", "en"),
    ("16. Kritiske Hændelser\n\n16.1 Ved en »Kritisk Hændelse« forstås enhver uautoriseret adgang til, tab af eller "
     "ændring i Kundens data, som skyldes Leverandøren.\n\n16.2 Indtræffer en Kritisk Hændelse, kan Kunden ophæve "
     "aftalen.\n", "da"),
])
def test_termination_on_a_term_defined_after_an_article_is_met(runner, tmp_path, text, lang):
    path = tmp_path / "terms.md"
    path.write_text("1. Scope\n\nThese terms apply.\n\n" + text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--lang", lang, "--format", "json"])
    assert result.exit_code == 0, result.output
    found = {r["id"]: r for r in json.loads(result.output)["requirements"]}
    assert found["DD-4.7"]["status"] == "met"
    assert found["DD-4.7"]["evidence"][0]["rule"] == "termination-security-breach"


@pytest.mark.parametrize("text, lang, amount, currency, term, read_as", [
    ('1. Definitions\n\n1.1 "Maximum Liability Amount" means the sum of NOK 750 000.\n\n9. Liability\n\n'
     "9.1 The Host's aggregate liability under these Terms shall not exceed the Maximum Liability Amount.\n",
     "en", 750000, "NOK", "Maximum Liability Amount", "NOK 750 000"),
    ("1. Begreber\n\n1.1 Ved »Erstatningsloftet« forstås et beløb på 400.000 kr.\n\n11. Ansvar\n\n"
     "11.1 Udbyderens samlede erstatningsansvar kan ikke overstige Erstatningsloftet.\n",
     "da", 400000, "DKK", "Erstatningsloftet", "400.000 kr."),
])
def test_a_cap_named_by_a_term_defined_as_a_sum_is_that_sum(runner, tmp_path, text, lang, amount, currency, term,
                                                            read_as):
    cap = _check(runner, tmp_path, text)["DD-4.6"]
    assert cap["status"] == "met"
    assert (cap["values"]["amount"], cap["values"]["currency"]) == (amount, currency)
    used = [e for e in cap["evidence"] if e["section"] and e["section"].endswith(".1") and e.get("terms")]
    assert used and used[0]["terms"][0]["term"] == term and used[0]["terms"][0]["read_as"] == read_as
    # a term defined as something other than a sum gives no amount
    other = text.replace("the sum of NOK 750 000", "the cap in the Order Form").replace(
        "et beløb på 400.000 kr.", "beløbet i ordrebekræftelsen")
    assert _check(runner, tmp_path, other)["DD-4.6"]["values"].get("amount") is None


@pytest.mark.parametrize("text", [
    '5. Access\n\n5.1 "Harvesting Tool" means any robot, spider, script or other program that reads the Site without a '
    "person making each request.\n\n5.2 Members shall not use a Harvesting Tool on the Site.\n",
    "5. Adgang\n\n5.1 Ved »Indsamlingsværktøj« forstås ethvert program eller script, der automatisk henter oplysninger fra "
    "Portalen.\n\n5.2 Brugeren må ikke anvende et Indsamlingsværktøj på Portalen.\n",
])
def test_a_ban_on_a_tool_defined_as_a_robot_is_a_ban_on_automated_access(runner, tmp_path, text):
    found = _check(runner, tmp_path, text)["DD-4.5"]
    assert found["status"] != "missing" and "automated-access" in found["values"]["aspects"]
    assert any(e.get("terms") and e["section"] == "5.2" for e in found["evidence"])


@pytest.mark.parametrize("declared, currency", [
    ("All amounts in these Terms are in Australian dollars and exclude GST.", "AUD"),
    ("Fees are invoiced monthly.", "USD"),
])
def test_a_bare_dollar_is_the_dollar_the_contract_names(runner, tmp_path, declared, currency):
    text = (f"1. Fees\n\n1.1 {declared}\n\n9. Liability\n\n"
            "9.1 The Host's total liability under these Terms shall not exceed $150,000.\n")
    cap = _check(runner, tmp_path, text)["DD-4.6"]
    assert (cap["values"]["amount"], cap["values"]["currency"]) == (150000, currency)
    # a dollar the cap names itself stays
    named = text.replace("$150,000", "US$150,000")
    assert _check(runner, tmp_path, named)["DD-4.6"]["values"]["currency"] == "USD"


@pytest.mark.parametrize("text, lang, hours, term", [
    ('1. Definitions\n\n1.1 "Alert Window" means thirty (30) hours from the moment the Host learns of a Security '
     "Incident.\n\n8. Incidents\n\n8.1 The Host shall tell the Member of every Security Incident within the Alert "
     "Window.\n", "en", 30, "Alert Window"),
    ("1. Begreber\n\n1.1 «Varslingsfristen» betyder 30 timer regnet fra konstateringen af et sikkerhedsbrud.\n\n"
     "8. Brud\n\n8.1 Udbyderen underretter Medlemmet om ethvert sikkerhedsbrud inden for Varslingsfristen.\n",
     "da", 30, "Varslingsfristen"),
])
def test_a_deadline_named_by_a_term_defined_as_a_period_is_that_period(runner, tmp_path, text, lang, hours, term):
    notice = _check(runner, tmp_path, text, "--lang", lang)["DD-8.1"]
    assert notice["status"] == "met" and notice["values"]["hours"] == hours
    assert any(t["term"] == term for e in notice["evidence"] for t in e.get("terms") or [])


@pytest.mark.parametrize("text, lang", [
    # a period the contract defines for something else: a termination notice, a complaint period
    ('1. Definitions\n\n1.1 "Notice Period" means thirty (30) days.\n\n8. Incidents\n\n8.1 The Host shall tell the '
     "Member of every Security Incident promptly, and in any case before the end of the Notice Period.\n", "en"),
    ("1. Begreber\n\n1.1 «Reklamationsfristen» betyder 14 dage fra leveringen.\n\n8. Brud\n\n8.1 Udbyderen "
     "underretter straks Medlemmet om ethvert sikkerhedsbrud, og i alle tilfælde inden for Reklamationsfristen.\n", "da"),
])
def test_a_period_defined_for_something_else_is_not_the_notice_deadline(runner, tmp_path, text, lang):
    notice = _check(runner, tmp_path, text, "--lang", lang)["DD-8.1"]
    assert notice["values"]["hours"] is None


@pytest.mark.parametrize("text, lang, amount, currency", [
    # in single straight quotes: the closing quote is no part of the term
    ("1. Definitions\n\n1.1 'Host Cap' means two hundred thousand pounds (GBP 200,000).\n\n9. Liability\n\n9.1 The "
     "Host's total liability in any year shall not exceed the Host Cap.\n", "en", 200000, "GBP"),
    # an amount closed by a letter ends its sentence: "… (b) €300k. The Host's …"
    ("9. Liability\n\n9.1 'Cap' means the higher of (a) the fees of the last year and (b) €300k. The Host's total "
     "liability shall not exceed the Cap.\n", "en", 300000, "EUR"),
])
def test_a_defined_cap_in_single_quotes_or_closed_by_k_is_read(runner, tmp_path, text, lang, amount, currency):
    cap = _check(runner, tmp_path, text, "--lang", lang)["DD-4.6"]
    assert cap["status"] == "met" and (cap["values"]["amount"], cap["values"]["currency"]) == (amount, currency)


@pytest.mark.parametrize("text, lang", [
    ('1. Definitions\n\n1.1 "Excess" means GBP 5,000 per claim.\n\n9. Liability\n\n9.1 The Host\'s liability is limited '
     "to twice the annual fees, and the Member bears the Excess.\n", "en"),
    ("1. Begreber\n\n1.1 «Selvrisikoen» betyder 10.000 kr. pr. skade.\n\n9. Ansvar\n\n9.1 Udbyderens ansvar er "
     "begrænset til to gange årets vederlag, og Medlemmet bærer Selvrisikoen.\n", "da"),
])
def test_a_sum_defined_for_something_else_is_not_the_cap(runner, tmp_path, text, lang):
    cap = _check(runner, tmp_path, text, "--lang", lang)["DD-4.6"]
    assert cap["status"] == "met" and cap["values"]["amount"] is None and cap["values"]["formula"]


def test_a_period_named_in_parentheses_after_its_words_is_defined():
    clauses = _clauses('The Host reports a breach of security to the Member within 20 hours of detecting it (the '
                       '"Reporting Time"). A "Cure Period" means 30 days.')
    assert {term: period for term, (period, _) in defined_periods(clauses, "en").items()} == {"Reporting Time": "20 hours"}
