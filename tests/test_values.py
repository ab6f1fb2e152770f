"""Unit tests for ddcontract.values: deadlines, money, cap formulas, insurance, channels,
content elements and data owner, each read from one sentence of text."""

from __future__ import annotations

import pytest

from ddcontract import rules, values
from ddcontract.amounts import extract_money, find_money, parse_number, word_to_number
from ddcontract.values import (
    extract_cap_formula,
    extract_channels,
    extract_deadline,
    extract_elements,
    extract_insurance,
    extract_owner,
)

# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(("text", "expected"), [
    ("seven", 7),
    ("eleven", 11),
    ("twenty", 20),
    ("twenty-four", 24),
    ("seventy two", 72),
    ("one hundred", 100),
    ("Forty-Eight", 48),
    ("fireogtyve", 24),  # Danish 4 + 20
    ("tolv", 12),
    ("banana", None),
    ("twenty-banana", None),
])
def test_word_to_number(text, expected):
    assert word_to_number(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2,000,000", 2_000_000),
    ("2.000.000", 2_000_000),  # Danish/German thousands separators
    ("2 000 000", 2_000_000),
    ("2.5", 2.5),
    ("2,5", 2.5),  # decimal comma
    ("1,000,000.50", 1_000_000.5),
    ("1.000.000,00", 1_000_000),
    ("2.500", 2500),  # three digits after one separator: thousands, not a decimal
    ("", None),
    ("abc", None),
])
def test_parse_number(text, expected):
    assert parse_number(text) == expected


# ---------------------------------------------------------------- deadlines


@pytest.mark.parametrize(("text", "hours", "unit"), [
    ("The Supplier shall notify the Customer within twenty-four (24) hours.", 24, "hours"),
    ("Incidents must be reported within 72 hours.", 72, "hours"),
    ("Any data breach must be reported within 2 business days.", 48, "business days"),
    ("The Processor shall notify the Controller within two (2) working days.", 48, "business days"),
    ("Security incidents shall be notified within seven (7) days.", 168, "days"),
    ("notify within 3 calendar days", 72, "days"),
    ("notify within seventy-two hours", 72, "hours"),
    ("notify within forty-eight (48) hours", 48, "hours"),
    ("notify within 24 hrs", 24, "hours"),
    ("notify within 36h", 36, "hours"),
    ("notify within 1 week", 168, "weeks"),
    ("notify within 1.5 days", 36, "days"),
    ("notify within 2 Business Days", 48, "business days"),
    ("Leverandøren skal underrette Kunden inden for 24 timer.", 24, "hours"),
    # a template's bracketed figure
    ("The Processor shall notify the Controller within [48] hours.", 48, "hours"),
    ("Databehandleren underretter senest inden for [36] timer.", 36, "hours"),
    # a figure in parentheses without its word
    ("The Host will notify Members within (3) business days of discovering a breach.", 72, "business days"),
    ("Udbyderen underretter Kunden inden for (48) timer.", 48, "hours"),
    # a day in words, and the end of the next working day
    ("If there is ever a breach that touches your data, we'll tell you within a day of finding out.", 24, "days"),
    ("Databehandleren underretter inden udløbet af næste hverdag efter, at bruddet er konstateret.", 24,
     "business days"),
])
def test_deadline_in_hours(text, hours, unit):
    got = extract_deadline(text)
    assert got["hours"] == hours
    assert got["unit"] == unit
    assert got["vague"] is False


def test_deadline_keeps_the_stated_words():
    got = extract_deadline("shall notify the Customer within twenty-four (24) hours of becoming aware")
    assert got["stated"] == "twenty-four (24) hours"


@pytest.mark.parametrize("text", [
    "The Processor shall notify the Controller without undue delay after becoming aware of a breach.",
    "The Supplier shall promptly inform the Customer.",
    "The Supplier shall notify the Customer as soon as reasonably practicable.",
    "Customers will be told of a breach as soon as the compromise is confirmed.",
    "The Host shall inform the Member as soon as it has become aware of the incident.",
    "Members must tell the club straight away if a key card goes missing.",
    # the adjective before the notice: "immediate notification", "prompt written notice"
    "Members must give immediate notification to the Club of any misuse of their login.",
    "The Host will give prompt written notice of any breach of its systems.",
    "Leverandøren skal underrette Kunden uden unødig forsinkelse.",
    # a period named elsewhere in the contract (its cover page)
    "The Provider will report each breach of unsecured PHI within the Breach Notification Period.",
])
def test_vague_deadline_has_no_hours(text):
    got = extract_deadline(text)
    assert {k: got[k] for k in ("hours", "vague")} == {"hours": None, "vague": True}
    assert got["stated"].lower() in text.lower()  # the vague words, for the message


def test_vague_words_with_a_hard_limit_give_the_hard_limit():
    got = extract_deadline("without undue delay and in any event within 48 hours")
    assert got["hours"] == 48
    assert got["vague"] is False


@pytest.mark.parametrize("text", [
    "The Supplier shall give ninety (90) days' notice of any price change.",
    "The Supplier shall give 90 days' notice of a price change.",
    "The Supplier shall notify the Customer of any fee increase at least thirty (30) days in advance.",
    "The Supplier shall notify the Customer 30 days prior to any change of subcontractor.",
    "The Supplier shall notify the Customer within a reasonable time.",
    "The Supplier shall notify the Customer within 0 hours.",
    # the period a cap is counted over
    "Liability is capped at the fees paid in the twelve (12) months preceding the claim, of which the Supplier shall "
    "notify the Customer.",
])
def test_not_a_notification_deadline(text):
    assert extract_deadline(text) == {}


@pytest.mark.parametrize("text", [
    "You must notify us immediately (in any event within 24 hours) of any unauthorised use of your login.",
    "While you hold an account you agree to: (c) notify us promptly, and where you can within 24 hours, of any misuse.",
    "You shall report any suspected misuse of the Portal, data breaches included, within 2 business days.",
    "The Customer shall, without undue delay, tell the Host within 12 hours if its passphrase is stolen.",
    "Du skal underrette os senest 24 timer efter, at du har opdaget et brud på din konto.",
    "Kunden skal straks og senest inden for 12 timer orientere Leverandøren om misbrug af adgangskoder.",
    # the verb second, after a condition: "Har du mistanke om …, skal du straks …"
    "Har du mistanke om, at din konto er kompromitteret, skal du straks og senest inden 24 timer kontakte Værten.",
    # the controller's own notice to the authority, timed from its own awareness
    "The report to the authority is filed no later than seventy-two (72) hours after the Controller becomes aware "
    "of the breach.",
    "Anmeldelsen indgives senest 72 timer efter, at den dataansvarlige er blevet bekendt med bruddet.",
])
def test_a_deadline_for_the_customers_own_notice_runs_to_the_provider(text):
    lang = "da" if any(w in text for w in (" skal ", "indgives")) else "en"
    found = extract_deadline(text, lang=lang)
    assert found["hours"] is not None and found.get("not_to_customer") is True


@pytest.mark.parametrize("text, lang", [
    ("The Host tells the supervisory authority of a personal data breach within 72 hours, as Article 33 asks.", "en"),
    ("Notification to the competent data protection authority is made within 72 hours of discovery.", "en"),
    ("The Host shall report the incident to the regulator within 48 hours.", "en"),
    ("Værten anmelder bruddet til Datatilsynet senest 72 timer efter, at det er opdaget.", "da"),
])
def test_a_deadline_for_a_notice_to_an_authority_is_not_toward_the_customer(text, lang):
    found = extract_deadline(text, lang=lang)
    assert found["hours"] is not None and found.get("not_to_customer") is True


@pytest.mark.parametrize("text", [
    "The Host shall notify the Club and the supervisory authority within 24 hours of any breach.",
    "The Host shall report the incident to the Club within 24 hours.",
])
def test_a_deadline_that_also_tells_the_customer_is_toward_the_customer(text):
    found = extract_deadline(text)
    assert found["hours"] == 24 and "not_to_customer" not in found


@pytest.mark.parametrize("text", [
    "We will notify you within 24 hours of becoming aware of a security breach.",
    "The Supplier shall notify the Customer of any Security Incident within 48 hours of discovery.",
    "If the Customer asks, the Host shall inform the Customer within 24 hours of any breach.",
    "Vi underretter dig senest 24 timer efter, at vi er blevet bekendt med et sikkerhedsbrud.",
    "Leverandøren skal underrette Kunden senest 36 timer efter at have konstateret bruddet.",
    "The Processor shall notify the Controller no later than 48 hours after the Processor becomes aware of it.",
    "Databehandleren skal underrette den dataansvarlige senest 24 timer efter, at databehandleren er blevet bekendt "
    "med bruddet.",
    # the customer as the subject of a passive is the one told, also with the verb second
    "Konstaterer Leverandøren et sikkerhedsbrud, skal Kunden orienteres hurtigst muligt og senest inden for 48 timer.",
    "After an incident the Customer shall be notified within 24 hours.",
])
def test_a_deadline_toward_the_customer_is_not_marked(text):
    lang = "da" if any(w in text for w in (" skal ", "underretter")) else "en"
    found = extract_deadline(text, lang=lang)
    assert found["hours"] is not None and "not_to_customer" not in found


@pytest.mark.parametrize("text, lang", [
    ("The Processor helps the Controller meet its duty to notify the Danish Data Protection Agency within 72 hours "
     "of a breach and informs the Controller of any breach without undue delay.", "en"),
    ("The Vendor reports the breach to the Information Commissioner within 72 hours.", "en"),
    ("Databehandleren underretter den dataansvarlige uden unødig forsinkelse, så den dataansvarlige kan overholde "
     "sin frist på 72 timer over for tilsynsmyndigheden.", "da"),
    ("The Processor informs the Controller promptly so that the Controller can keep its 72-hour deadline towards "
     "the supervisory authority.", "en"),
])
def test_an_authority_named_after_the_deadline_or_by_its_name_is_not_the_customer(text, lang):
    found = extract_deadline(text, lang=lang)
    assert found["hours"] == 72 and found.get("not_to_customer") is True


@pytest.mark.parametrize("text, anchor_word, lang, hours", [
    # the rule matched near the second deadline; the one toward the customer is still the value
    ("We will notify you within 24 hours of confirming a Security Incident, and we will notify the relevant "
     "regulators within 72 hours where we must.", "Security", "en", 24),
    ("Where Vendor must report a breach to a supervisory authority, it does so within 72 hours; Vendor shall in all "
     "cases notify Customer within twelve (12) hours.", "breach", "en", 12),
    ("Anmelder Databehandleren bruddet til Datatilsynet, sker det inden for 72 timer; Kunden underrettes under alle "
     "omstændigheder senest 12 timer efter opdagelsen.", "bruddet", "da", 12),
])
def test_the_deadline_toward_the_customer_wins_over_one_toward_the_authority(text, anchor_word, lang, hours):
    found = extract_deadline(text, text.index(anchor_word), lang=lang)
    assert found["hours"] == hours and "not_to_customer" not in found


@pytest.mark.parametrize("text, lang", [
    ("Provider shall notify Customer of any unplanned outage exceeding four (4) hours and of any Security Incident "
     "without undue delay.", "en"),
    ("Leverandøren underretter Kunden om driftsforstyrrelser, der varer mere end 8 timer, og om sikkerhedsbrud "
     "uden unødig forsinkelse.", "da"),
    ("The Host informs the Club of maintenance lasting longer than 6 hours and of any breach promptly.", "en"),
])
def test_how_long_something_lasts_is_not_a_deadline(text, lang):
    found = extract_deadline(text, lang=lang)
    assert found["hours"] is None and found["vague"] is True


@pytest.mark.parametrize("text, lang, hours", [
    # a later written report is not the notice
    ("The Supplier shall, within one (1) hour of becoming aware of a Critical Incident, notify the Customer's duty "
     "manager by telephone, and shall within twenty-four (24) hours thereafter provide a written incident report.",
     "en", 1),
    ("Leverandøren underretter Kunden om sikkerhedshændelser uden unødigt ophold og skal senest 10 arbejdsdage efter "
     "hændelsens afslutning fremsende en afsluttende rapport.", "da", None),
    # "thereafter" alone counts from awareness: still the notice
    ("Where the Provider becomes aware of a Security Breach, it shall notify the Customer promptly, and in any case no "
     "later than forty-eight (48) hours thereafter.", "en", 48),
    # updates at intervals are a frequency
    ("Vendor will notify Customer of a Security Incident as soon as reasonably practicable and will then provide "
     "status updates at intervals of no more than seventy-two (72) hours.", "en", None),
    # UK and Danish public contracts call the customer "the Authority", "Myndigheden"
    ("The Contractor shall notify the Authority of any Breach of Security within two (2) Business Days of becoming "
     "aware of it.", "en", 48),
    ("Leverandøren skal underrette Myndigheden senest 24 timer efter, at bruddet er konstateret.", "da", 24),
    # a national CERT is an authority
    ("The Vendor reports cyber security incidents to CERT-In within six (6) hours and notifies the Client of any "
     "incident affecting Client Data within twenty-four (24) hours.", "en", 24),
])
def test_the_notice_deadline_among_reports_updates_and_parties(text, lang, hours):
    found = extract_deadline(text, lang=lang)
    assert found["hours"] == hours and "not_to_customer" not in found


@pytest.mark.parametrize("text", [
    "Breaches are reported to the Controller without undue delay; where the supervisory authority must be notified "
    "within 72 hours, that is for the Controller.",
    "The Processor helps the Controller notify the supervisory authority within 72 hours.",
])
def test_a_deadline_the_authority_is_notified_within_is_not_toward_the_customer(text):
    found = extract_deadline(text)
    assert found["hours"] == 72 and found.get("not_to_customer") is True


def test_a_deadline_not_exceeding_a_time_is_a_deadline():
    assert extract_deadline("The Host shall notify the Member within a reasonable time, not exceeding 36 hours.")[
        "hours"] == 36


def test_deadline_prefers_a_number_introduced_by_within():
    # "for a period of 12 months" is a duration, "within 36 hours" the deadline
    got = extract_deadline("For a period of 12 months the Supplier shall notify the Customer within 36 hours.")
    assert got["hours"] == 36


def test_deadline_picks_the_first_of_two_deadlines_from_the_anchor():
    text = "notify within 24 hours and provide a full report within 5 days"
    assert extract_deadline(text, 0)["hours"] == 24


def test_deadline_after_the_notify_verb_wins_over_an_earlier_decoy():
    text = ("The Supplier shall respond to Priority 1 incidents within 4 hours and shall notify the Customer "
            "of any Security Incident within 24 hours.")
    assert extract_deadline(text, text.index("notify"))["hours"] == 24


def test_deadline_digits_then_words_in_brackets():
    assert extract_deadline("notify the Customer within 24 (twenty-four) hours").get("hours") == 24


# ---------------------------------------------------------------- money


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("EUR 2,000,000", 2_000_000, "EUR"),
    ("€2m", 2_000_000, "EUR"),
    ("€ 250k", 250_000, "EUR"),
    ("EUR 2.5 million", 2_500_000, "EUR"),
    ("EUR2,000,000", 2_000_000, "EUR"),
    ("2 000 000 EUR", 2_000_000, "EUR"),
    ("1,000,000 euros", 1_000_000, "EUR"),
    ("£1,000,000", 1_000_000, "GBP"),
    ("GBP 5 million", 5_000_000, "GBP"),
    ("GBP 5mn", 5_000_000, "GBP"),
    ("the sum of 10,000 pounds sterling", 10_000, "GBP"),
    ("USD 100", 100, "USD"),
    ("US$2,000,000", 2_000_000, "USD"),
    ("$1.5 million", 1_500_000, "USD"),
    ("$5M", 5_000_000, "USD"),
    ("USD 2bn", 2_000_000_000, "USD"),
    ("USD 1,000,000.50", 1_000_000.5, "USD"),
    ("a million dollars", 1_000_000, "USD"),
    # amounts written out in words, as in capitals-heavy US terms
    ("ONE HUNDRED DOLLARS", 100, "USD"),
    ("five hundred thousand euros", 500_000, "EUR"),
    ("twenty-five dollars", 25, "USD"),
    ("two hundred pounds sterling", 200, "GBP"),
    ("2.000.000 kr.", 2_000_000, "DKK"),
    ("kr. 100.000", 100_000, "DKK"),
    ("DKK 500.000", 500_000, "DKK"),
    ("EUR 1.000.000,00", 1_000_000, "EUR"),
    ("100 SEK", 100, "SEK"),
    # the dollars of other countries, not read as US dollars
    ("AU$1,000", 1_000, "AUD"),
    ("A$ 50,000", 50_000, "AUD"),
    ("NZ$ 500", 500, "NZD"),
    ("CA$2 million", 2_000_000, "CAD"),
    ("HK$10,000", 10_000, "HKD"),
    # the ISO code written before the dollar sign names the dollar: "CAD $100"
    ("CAD $100", 100, "CAD"),
    ("AUD$ 5,000", 5_000, "AUD"),
    ("USD $250", 250, "USD"),
    # the Canadian abbreviation before the sign: "CDN$ 100"
    ("CDN$ 100", 100, "CAD"),
    ("CDN $2,500", 2_500, "CAD"),
    # named in words: "fifty Canadian dollars ($50)" is one amount in Canadian dollars
    ("fifty Canadian dollars ($50)", 50, "CAD"),
    ("10,000 Australian dollars", 10_000, "AUD"),
    ("two thousand New Zealand dollars", 2_000, "NZD"),
    ("500 U.S. dollars", 500, "USD"),
    # other ISO codes and names: South African rand, Indian rupees
    ("ZAR 250,000", 250_000, "ZAR"),
    ("10 000 rand", 10_000, "ZAR"),
    ("₹500,000", 500_000, "INR"),
    ("INR 2 million", 2_000_000, "INR"),
    # the rupee abbreviated, as Indian terms write it: "Rs. 10,000/-"
    ("Rs. 10,000/-", 10_000, "INR"),
    ("Rs 5000", 5_000, "INR"),
    ("RMB 10,000", 10_000, "CNY"),
    ("5,000 yuan", 5_000, "CNY"),
    # Indian grouping (lakh, crore) and the words themselves
    ("₹5,00,000", 500_000, "INR"),
    ("INR 1,25,00,000", 12_500_000, "INR"),
    ("Rs. 10 lakh", 1_000_000, "INR"),
    ("Rs 2 crores", 20_000_000, "INR"),
    # currency signs of their own: the naira, the peso, the won, the real
    ("₦750,000", 750_000, "NGN"),
    ("₦ 2 million", 2_000_000, "NGN"),
    ("300,000 naira", 300_000, "NGN"),
    ("₱250,000", 250_000, "PHP"),
    ("₩10,000,000", 10_000_000, "KRW"),
    ("R$ 40.000,00", 40_000, "BRL"),
    # the rand written "R" before an amount with thousands or cents, as South African terms do
    ("R2,124.75", 2_124.75, "ZAR"),
    ("R 500 000", 500_000, "ZAR"),
    # "U.S Dollars" with its last full stop lost
    ("100 U.S Dollars", 100, "USD"),
    # the Gulf, East Africa and South-East Asia: ISO codes, local abbreviations before thousands, names in words
    ("OMR 80,000", 80_000, "OMR"),
    ("RO 40,000", 40_000, "OMR"),
    ("120,000 Omani rials", 120_000, "OMR"),
    ("BD 60,000", 60_000, "BHD"),
    ("QAR 3 million", 3_000_000, "QAR"),
    ("QR 900,000", 900_000, "QAR"),
    ("AED 250,000", 250_000, "AED"),
    ("Dhs 75,000", 75_000, "AED"),
    ("KWD 15,000", 15_000, "KWD"),
    ("Kshs. 4,500,000", 4_500_000, "KES"),
    ("KSh 1,200,000", 1_200_000, "KES"),
    ("3,000,000 Kenyan shillings", 3_000_000, "KES"),
    ("TSh 8,000,000", 8_000_000, "TZS"),
    ("GHS 500,000", 500_000, "GHS"),
    ("N45 million", 45_000_000, "NGN"),
    ("RM450,000.00", 450_000, "MYR"),
    ("Ringgit Malaysia 200,000", 200_000, "MYR"),
    ("Php 2,750,000.00", 2_750_000, "PHP"),
    ("THB 3,000,000", 3_000_000, "THB"),
    ("800,000 baht", 800_000, "THB"),
    ("VND 900,000,000", 900_000_000, "VND"),
    ("150,000 Swiss francs", 150_000, "CHF"),
    ("PLN 400 000", 400_000, "PLN"),
    # a bare dollar whose kind is said after it
    ("$750,000 in Canadian funds", 750_000, "CAD"),
    ("$25,000 (Australian dollars)", 25_000, "AUD"),
])
def test_money_amount_and_iso_currency(text, amount, currency):
    found = find_money(f"The limit is {text} in aggregate.")
    assert [(m["amount"], m["currency"]) for m in found] == [(amount, currency)]


@pytest.mark.parametrize("text", [
    "The Supplier shall notify the Customer within 30 days.",
    "Priority 1 incidents are handled under clause 12.",
    "The Customer may order 5 million units.",
    "Prices are stated in EUR.",
    "The first hundred dollars of each invoice are waived.",
    "Tips of a dollars value are not counted.",
    # "hrs." and "Mrs." are not rupees
    "Support answers within 4 hrs. 10 minutes at most, says Mrs. 5 Smith.",
    # a bare "R" before a small number is a label, not rand
    "Requirement R 12 and rule R2.1 apply to release R3.",
    # local abbreviations that are also labels, versions and codes: only before thousands or a multiplier
    "The site runs on PHP 8.1 and staff wear N95 masks in room RO 5, section BD 12.",
    "Tests cover 95% of the code (SR 2 of the plan).",
])
def test_no_money_without_an_amount_and_a_currency(text):
    assert find_money(text) == []


def test_find_money_returns_every_amount_in_order_with_offsets():
    text = "public liability of GBP 2,000,000 and cyber cover of EUR 3 million"
    found = find_money(text)
    assert [(m["amount"], m["currency"]) for m in found] == [(2_000_000, "GBP"), (3_000_000, "EUR")]
    assert [text[m["start"]:m["end"]] for m in found] == ["GBP 2,000,000", "EUR 3 million"]


def test_amount_in_words_and_figures_extracts_one_amount():
    assert extract_money("shall not exceed Two Million Dollars ($2,000,000) in aggregate") == {
        "amount": 2_000_000, "currency": "USD"}


def test_amount_in_words_and_figures_is_one_amount():
    assert len(find_money("shall not exceed Two Million Dollars ($2,000,000) in aggregate")) == 1


def test_figures_in_brackets_decide_an_amount_in_words():
    text = "limited to the sum of two hundred and fifty thousand pounds sterling (£250,000) in aggregate"
    assert [(m["amount"], m["currency"]) for m in find_money(text)] == [(250_000, "GBP")]


def test_danish_mio_kr():
    assert [(m["amount"], m["currency"]) for m in find_money("højst 5 mio. kr. pr. skade")] == [(5_000_000, "DKK")]


def test_extract_money_prefers_the_first_amount_after_the_anchor():
    text = "A one-off fee of EUR 5m applies; liability shall not exceed EUR 1m."
    assert extract_money(text, text.index("liability")) == {"amount": 1_000_000, "currency": "EUR"}
    assert extract_money(text, 0) == {"amount": 5_000_000, "currency": "EUR"}
    # nothing after the anchor: the first amount in the text
    assert extract_money(text, len(text)) == {"amount": 5_000_000, "currency": "EUR"}


# ---------------------------------------------------------------- cap formulas


def test_cap_formula_fees_paid_in_twelve_months():
    text = ("In no event shall either party be liable for any amount in excess of the fees paid by the "
            "Customer in the twelve (12) months preceding the claim.")
    assert extract_money(text) == {}
    assert extract_cap_formula(text, text.index("liable")) == {
        "formula": "the fees paid by the Customer in the twelve (12) months preceding the claim"}


def test_cap_formula_multiple_of_annual_fees():
    text = "Liability of the Vendor shall be capped at 2x the annual fees."
    assert extract_cap_formula(text) == {"formula": "2x the annual fees"}


@pytest.mark.parametrize(("text", "formula"), [
    ("liability shall not exceed twice the fees paid in the preceding year", "twice the fees paid in the preceding year"),
    ("liability shall not exceed 150% of the annual charges", "150% of the annual charges"),
    ("liability shall not exceed the contract value", "the contract value"),
    ("liability will be limited to the amount you have paid in the six months before the event",
     "the amount you have paid in the six months before the event"),
    ("liability is limited to the amounts the Customer actually paid under the Order",
     "the amounts the Customer actually paid under the Order"),
    ("liability shall not exceed the total Fees Customer paid during the twelve (12) months before the claim",
     "the total Fees Customer paid during the twelve (12) months before the claim"),
    ("responsibility is capped at the amount of payments made by the Member over the last six months",
     "payments made by the Member over the last six months"),
    ("liable for (b) any amount in excess of the fees paid in the six months before the claim, or",
     "the fees paid in the six months before the claim"),
])
def test_cap_formula_variants(text, formula):
    assert extract_cap_formula(text) == {"formula": formula}


def test_cap_with_amount_and_formula_gives_both():
    text = ("The Provider's liability is limited to the greater of USD 100 or the amounts paid for the "
            "Services during the six months before the event.")
    anchor = text.index("liability")
    assert extract_money(text, anchor) == {"amount": 100, "currency": "USD"}
    formula = extract_cap_formula(text, anchor)["formula"]
    assert formula.startswith("the amounts paid for the Services")
    assert "six months before the event" in formula
    assert "USD" not in formula


@pytest.mark.parametrize("text", [
    "The Customer shall pay the fees within 30 days.",
    "The Supplier's total aggregate liability under this Agreement shall not exceed EUR 2,000,000.",
    "Service credits are the Customer's sole remedy.",
])
def test_no_cap_formula(text):
    assert extract_cap_formula(text) == {}


# ---------------------------------------------------------------- insurance


def test_insurance_takes_the_cyber_covers_amount_after_other_covers():
    text = ("Contractor shall carry commercial general liability insurance of GBP 2,000,000 and network "
            "security and privacy liability insurance of EUR 3 million.")
    got = extract_insurance(text)
    assert got["amount"] == 3_000_000 and got["currency"] == "EUR"
    assert set(got["types"]) == {"cyber", "general"}


def test_insurance_takes_the_cyber_covers_amount_among_three():
    text = ("The Supplier shall maintain professional indemnity insurance of EUR 1,000,000, public liability "
            "insurance of EUR 5,000,000 and cyber insurance of EUR 2,000,000.")
    got = extract_insurance(text)
    assert (got["amount"], got["currency"]) == (2_000_000, "EUR")
    assert set(got["types"]) == {"cyber", "professional", "general"}


def test_insurance_without_cyber_has_no_cyber_type():
    text = ("The Consultant shall hold professional indemnity insurance of at least USD 1,000,000 and "
            "product liability insurance.")
    got = extract_insurance(text)
    assert "cyber" not in got["types"]
    assert set(got["types"]) == {"professional", "product"}
    assert (got["amount"], got["currency"]) == (1_000_000, "USD")


def test_insurance_without_amount():
    assert extract_insurance("The Supplier shall maintain cyber insurance.") == {"types": ["cyber"]}


def test_insurance_cyber_without_amount_does_not_borrow_another_covers_amount():
    text = ("The Supplier shall maintain: (a) employers liability insurance of GBP 10 million; (b) cyber "
            "liability insurance; (c) professional indemnity insurance of GBP 1 million.")
    got = extract_insurance(text)
    assert "cyber" in got["types"]
    assert got.get("amount") is None


def test_insurance_amount_before_the_cyber_cover():
    got = extract_insurance("EUR 5,000,000 for cyber insurance and EUR 1,000,000 for general liability insurance")
    assert got["amount"] == 5_000_000


# ---------------------------------------------------------------- channels, elements, owner


@pytest.mark.parametrize(("text", "channels"), [
    ("notified by telephone and confirmed by e-mail to the security contact", {"phone", "email"}),
    ("reported through the secure incident portal", {"portal"}),
    ("sent by registered mail", {"post"}),
    ("given by written notice", {"in-writing"}),
    ("by email, then in writing", {"email", "in-writing"}),
    ("must tell the marketplace at once through its customer service", {"support"}),
    ("report it through the Help Centre or by phone", {"support", "phone"}),
    ("skal straks give besked via kundeservice", {"support"}),
    ("meld det i hjælpecentret", {"support"}),
    ("please notify our Customer Service team immediately", set()),
    # a call to a centre or a number is a telephone notice; a count of things is not a number to call
    ("call the Council's duty security desk on the number in Annex 4", {"phone"}),
    ("reach the vendor's incident line at the number on its website", {"phone"}),
    ("ring til kundens vagtcentral på nummeret i bilag 2", {"phone"}),
    ("call the Customer's on-call number listed in Schedule 1 within four hours", {"phone"}),
    ("state the number of records affected and call a meeting of the steering group", set()),
    # Denmark's official digital mail, and a secure mailbox in the provider's own system
    ("kommunen underretter borgeren via e-Boks", {"post"}),
    ("vi sender besked med Digital Post", {"post"}),
    ("banken kontakter dig i din digitale postkasse i netbanken", {"portal"}),
    ("du kan tømme din postkasse i opgangen hver dag", set()),
])
def test_channels(text, channels):
    assert set(extract_channels(text).get("channels", [])) == channels


def test_no_channel():
    assert extract_channels("The Supplier shall notify the Customer of any Security Incident.") == {}


def test_a_company_called_courier_is_no_courier():
    """"courier" the delivery is a channel; "Courier" the company's name is not ("by Courier or its employees")."""
    assert extract_channels("Courier will notify the Customer of any breach by Courier or its employees.") == {}
    assert extract_channels("Notices of a breach are sent by courier.") == {"channels": ["post"]}


def test_an_inline_list_of_a_notices_contents_names_its_elements():
    from ddcontract.values import extract_elements

    got = extract_elements("the Supplier shall provide an initial assessment (nature, scope, data affected, "
                           "containment measures, expected timeline)")
    assert got == {"elements": ["description", "affected", "measures"]}


@pytest.mark.parametrize(("text", "elements"), [
    ("The notice shall include a description of the nature of the incident, the categories of data "
     "affected and the measures taken to mitigate its effects.", ["description", "affected", "measures"]),
    ("Such notification shall describe the nature of the breach.", ["description"]),
    ("the number of data subjects concerned", ["affected"]),
    ("the corrective actions the Supplier has taken", ["measures"]),
    # the root cause named alone describes what happened
    ("a written report that sets out the root cause and the systems affected", ["description", "affected"]),
])
def test_elements(text, elements):
    assert extract_elements(text) == {"elements": elements}


def test_no_elements():
    assert extract_elements("The Supplier shall notify the Customer within 24 hours.") == {}


@pytest.mark.parametrize(("text", "owner"), [
    ("The Customer retains all right, title and interest in the Customer Data.", "Customer"),
    ("The Customer owns all Customer Data and all data generated from it.", "Customer"),
    ("As between the parties, Customer owns all Customer Data.", "Customer"),
    ("All Customer Data shall belong to the Customer.", "Customer"),
    ("Aggregated usage data shall vest in the Provider.", "Provider"),
    ("Alle data tilhører Kunden.", "Kunden"),
    ("The Member is and will remain solely entitled to all right and interest in its own records.", "Member"),
    ("Medlemmet er og forbliver eneberettiget til alle rettigheder til sine egne optegnelser.", "Medlemmet"),
])
def test_owner(text, owner):
    assert extract_owner(text) == {"owner": owner}


@pytest.mark.parametrize("text", [
    "The Agreement shall remain in force for two years.",
    "This Agreement holds the entire understanding.",
])
def test_no_owner(text):
    assert extract_owner(text) == {}


@pytest.mark.parametrize(("text", "owner"), [
    ("Customer Data shall at all times remain the property of the Client.", "Client"),
    ("All right, title and interest in and to the Customer Data shall remain with the Customer.", "Customer"),
])
def test_owner_property_of(text, owner):
    assert extract_owner(text) == {"owner": owner}


def test_every_extractor_a_rule_may_name_exists():
    assert set(rules.EXTRACTORS) == set(values.EXTRACTOR_FUNCS)


@pytest.mark.parametrize("text, hours", [
    # how often, not how soon: an audit window beside a breach, status reports every day
    ("Audits take place no more than once in any twelve (12) month period, unless a Personal Data Breach makes one "
     "necessary.", None),
    ("The Supplier notifies the Customer of a breach within 24 hours and audits once in any 12 month period.", 24),
    ("Leverandøren underretter Kunden senest 36 timer efter bruddet; revision sker én gang om året.", 36),
])
def test_a_frequency_is_no_deadline(text: str, hours):
    got = extract_deadline(text, lang="da" if "Leverandøren" in text else "en")
    assert got.get("hours") == hours


@pytest.mark.parametrize("text, amount, currency", [
    ("Liability shall not exceed Baht 1,500,000 in any year.", 1500000, "THB"),
    ("The cap is 750 000 Kč for all claims together.", 750000, "CZK"),
    ("Liability is limited to 300 000 zł per year.", 300000, "PLN"),
])
def test_baht_before_and_koruna_and_zloty_after_a_figure(text: str, amount: int, currency: str):
    found = find_money(text)
    assert [(m["amount"], m["currency"]) for m in found] == [(amount, currency)]


def test_a_deadline_in_a_list_of_deadlines_is_not_the_next_items():
    """The authority named in the next item of a list ("…: 48 timer; anmeldelse til Datatilsynet: 72 timer") does not
    make the first item's deadline the authority's."""
    text = ("Frister ved sikkerhedsbrud – underretning af Kunden: 12 timer; anmeldelse til Datatilsynet: 72 timer; "
            "slutrapport: 10 dage.")
    assert extract_deadline(text, 0, "da")["hours"] == 12
    assert not extract_deadline(text, 0, "da").get("not_to_customer")
    english = "Breach notice to Customer: 24 hours; notice to the supervisory authority: 72 hours."
    assert extract_deadline(english, 0, "en") == {"hours": 24, "vague": False, "unit": "hours", "stated": "24 hours"}


def test_a_data_commissioner_is_an_authority():
    text = ("The Processor shall inform the Controller within 48 hours, so that the Controller can notify the Data "
            "Commissioner within 72 hours.")
    assert extract_deadline(text, 0, "en")["hours"] == 48


@pytest.mark.parametrize("text, lang", [
    ("Any unauthorised use of your account must be reported to the Company within 24 hours of discovery.", "en"),
    ("Security incidents affecting your account should be reported to our support team within 24 hours.", "en"),
    ("Members shall report any suspected security breach to the club within 24 hours.", "en"),
    ("Uautoriseret brug af din konto skal meddeles Selskabet senest 24 timer efter, at du har opdaget det.", "da"),
    ("Mistanke om sikkerhedsbrud skal indberettes til vores support inden for 24 timer.", "da"),
])
def test_a_notice_sent_to_the_provider_is_not_the_deadline_toward_the_customer(text: str, lang: str):
    assert extract_deadline(text, 0, lang).get("not_to_customer") is True


@pytest.mark.parametrize("text, lang", [
    ("A breach must be reported to the Customer within 24 hours of discovery.", "en"),
    ("Brud skal meddeles Kunden senest 24 timer efter, at de er opdaget.", "da"),
    ("Orienteringen gives senest en uge efter, at bestyrelsen er blevet bekendt med bruddet.", "da"),
    ("Besked gives telefonisk til den Dataansvarliges kontaktperson senest 36 timer efter bruddet.", "da"),
])
def test_a_notice_sent_to_the_customer_keeps_its_deadline(text: str, lang: str):
    assert not extract_deadline(text, 0, lang).get("not_to_customer")


def test_within_a_week_is_a_week():
    assert extract_deadline("We will tell members within a week of learning of the breach.", 0, "en")["hours"] == 168
    assert extract_deadline("We will reply within a week or two.", 0, "en") == {}


@pytest.mark.parametrize("text, lang, formula", [
    ("If something goes wrong, the most we will ever pay you is what you paid for your membership that year.", "en",
     "what you paid for your membership that year"),
    ("The most we will pay is the price you paid for the lamp.", "en", "the price you paid for the lamp"),
    ("Uanset årsagen kan du højst få erstatning svarende til prisen for din booking.", "da", "prisen for din booking"),
    ("Erstatningen kan højst udgøre det, du har betalt for kurset.", "da", "det, du har betalt for kurset"),
])
def test_a_cap_at_what_the_customer_paid_is_a_formula(text: str, lang: str, formula: str):
    assert extract_cap_formula(text, 0, lang) == {"formula": formula}


@pytest.mark.parametrize("text, lang, amount, currency", [
    # the words read short ("fifty thousand euros" of "seven hundred and fifty thousand"): the figures in brackets decide
    ("capped at seven hundred and fifty thousand euros (€750,000) in total", "en", 750000, "EUR"),
    # "MM" for million, as US finance writes it
    ("shall not exceed USD 2MM in the aggregate", "en", 2000000, "USD"),
    # the currency's name before the figure
    ("shall in no case exceed Euro 1.5 million for the assignment", "en", 1500000, "EUR"),
    # thousands of kroner written before the figure
    ("kan højst udgøre t.kr. 750 pr. år", "da", 750000, "DKK"),
])
def test_amount_forms_read_whole(text, lang, amount, currency):
    found = find_money(text, lang)
    assert [(m["amount"], m["currency"]) for m in found] == [(amount, currency)]


@pytest.mark.parametrize("text, lang, hours, theirs", [
    # a sub-processor's deadline toward the provider is not the one toward the customer
    ("Every sub-processor must notify the Supplier of a data breach within 12 hours; the Supplier then informs the "
     "Customer without undue delay.", "en", 12, True),
    ("Hver underdatabehandler skal underrette Databehandleren om et brud inden for 6 timer.", "da", 6, True),
    # the sub-processor's notice as a noun, then the provider's own duty toward the customer: the latter counts
    ("The sub-processor's notice to the Supplier is due within 8 hours, and the Supplier shall then notify the "
     "Customer within 30 hours.", "en", 30, False),
    ("Underdatabehandlerens underretning til Leverandøren skal ske inden for 8 timer, og Leverandøren skal derefter "
     "underrette Kunden senest 30 timer efter konstateringen.", "da", 30, False),
    # "meldes" is a notice too
    ("Sikkerhedsbrud meldes til Udbyderen inden for 4 timer.", "da", 4, True),
])
def test_a_deadline_toward_the_provider_is_not_toward_the_customer(text, lang, hours, theirs):
    found = extract_deadline(text, 0, lang)
    assert found["hours"] == hours
    assert found.get("not_to_customer", False) is theirs


@pytest.mark.parametrize("text, lang, amount, currency", [
    # a cap per claim and one for all claims together: the aggregate, in either order
    ("Liability for each claim is limited to EUR 80,000 and total liability in any contract year to EUR 300,000.",
     "en", 300000, "EUR"),
    ("Liability is limited to GBP 20k per incident, save that liability for all incidents in a year is limited to GBP 60k.",
     "en", 60000, "GBP"),
    ("Ansvaret er begrænset til kr. 100.000 pr. skadestilfælde, dog maksimalt kr. 250.000 pr. år.", "da", 250000, "DKK"),
    ("Sælger hæfter med højst 2 mio. kr. pr. skadestilfælde og samlet højst 5 mio. kr. i aftalens løbetid.", "da",
     5000000, "DKK"),
    # one cap only
    ("Liability is limited to USD 50,000 per claim.", "en", 50000, "USD"),
    # thousands of kroner before the figure without a full stop
    ("Det samlede ansvar kan ikke overstige tkr. 900.", "da", 900000, "DKK"),
])
def test_the_cap_for_all_claims_is_the_cap(text, lang, amount, currency):
    assert extract_money(text, 0, lang) == {"amount": amount, "currency": currency}


@pytest.mark.parametrize("text, lang", [
    ("Liability is capped at what the insurer pays out, and the insurance shall be not less than GBP 2m.", "en"),
    ("Liability shall not exceed the fees paid; the minimum annual fee is USD 9,000.", "en"),
    ("Ansvaret er begrænset til vederlaget, og Kunden kan kræve en bod på 5.000 kr.", "da"),
])
def test_a_floor_a_fee_or_a_penalty_is_not_the_cap(text, lang):
    assert extract_money(text, 0, lang) == {}


@pytest.mark.parametrize("text, lang", [
    ("Each sub-processor shall notify us of any personal data breach within 12 hours.", "en"),
    ("Hver underbehandler forpligter sig til at: 4. underrette Leverandøren om brud senest 12 timer efter opdagelsen.",
     "da"),
])
def test_a_sub_processors_own_deadline_is_not_toward_the_customer(text, lang):
    assert extract_deadline(text, 0, lang)["not_to_customer"] is True


@pytest.mark.parametrize("lang, text, amount", [
    ("en", "12. Liability\n\n12.1 Our liability in relation to any event will not exceed GBP 10,000.\n\n"
           "12.2 Our aggregate liability under these terms will not exceed GBP 40,000.\n", 40000),
    ("da", "12. Ansvar\n\n12.1 Vores ansvar pr. skadestilfælde kan ikke overstige 10.000 kr.\n\n"
           "12.2 Vores samlede ansvar efter disse vilkår kan ikke overstige 40.000 kr.\n", 40000),
])
def test_the_aggregate_cap_in_its_own_sentence_is_the_value(tmp_path, library, lang, text, amount):
    from ddcontract.check import CheckOptions, check_file
    path = tmp_path / "terms.md"
    path.write_text(text, encoding="utf-8")
    cap = next(f for f in check_file(path, library, CheckOptions(language=lang)).requirements if f.id == "DD-4.6")
    assert cap.status == "met" and cap.values["amount"] == amount
