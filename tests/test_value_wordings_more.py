"""The value reader on wordings met in the probes of the twenty-third round (written here in our own words): a
deadline of the day after or the end of the day it is found, a deadline stated as the longest allowed, "without
delay" and "as soon as we can"; a platform's customer by its role without an article; caps in English words with
"hundred and", a per-claim cap before the aggregate one, and a cap beside one kind of liability left unlimited."""

from __future__ import annotations

import pytest

from ddcontract.amounts import extract_money
from ddcontract.notices import extract_notice_parties
from ddcontract.values import extract_cap_formula, extract_channels, extract_deadline, extract_elements

# ---------------------------------------------------------------- deadlines


@pytest.mark.parametrize("text, lang, hours", [
    ("Kunden skal have besked om et databrud senest dagen efter, at Leverandøren har opdaget det.", "da", 24),
    ("Et formodet sikkerhedsbrud meddeles Kunden inden udgangen af den arbejdsdag, hvor det er konstateret.", "da", 24),
    ("The Host shall notify the Client by close of business on the business day following detection of a breach.",
     "en", 24),
    ("Fristen herfor er i intet tilfælde længere end otte timer fra konstateringen af sikkerhedsbruddet.", "da", 8),
])
def test_the_day_after_and_the_longest_time_allowed(text, lang, hours):
    assert extract_deadline(text, lang=lang)["hours"] == hours


@pytest.mark.parametrize("text, lang", [
    ("Leverandøren skal uden forsinkelse informere Kunden om ethvert sikkerhedsbrud.", "da"),
    ("If our servers are ever hacked, we will tell you as soon as we can.", "en"),
    ("Bliver webshoppen hacket, skriver vi til dig så hurtigt vi kan.", "da"),
])
def test_without_delay_and_as_soon_as_we_can_are_vague(text, lang):
    found = extract_deadline(text, lang=lang)
    assert found["vague"] is True and found["hours"] is None


@pytest.mark.parametrize("text, lang, theirs", [
    # a platform's customer by its role, with no article, tells the platform by its name: toward the provider
    ("Merchant shall notify Tradepoint within 12 hours of discovering any breach of its shop account.", "en", True),
    # the platform (a name that ends as a Danish role would, in English text) tells its partner: toward the customer
    ("Cloudvane will notify Partner of any breach affecting Partner's data within 36 hours.", "en", False),
    ("Markedia underretter Sælgeren inden for 72 timer, hvis et brud omfatter Sælgerens oplysninger.", "da", False),
])
def test_a_platform_and_its_customer_by_role(text, lang, theirs):
    assert bool(extract_deadline(text, lang=lang).get("not_to_customer")) is theirs


# ---------------------------------------------------------------- caps


@pytest.mark.parametrize("text, amount, currency", [
    ("The Consultant's liability is limited to two hundred and fifty thousand pounds sterling.", 250000, "GBP"),
    ("Liability shall not exceed one hundred and twenty thousand euros in any year.", 120000, "EUR"),
    ("The Vendor's liability is limited to USD 100,000 per claim and USD 400,000 in the aggregate.", 400000, "USD"),
    ("Except for fraud, for which liability is unlimited, each party's liability shall not exceed three hundred "
     "thousand US dollars (US$300,000).", 300000, "USD"),
])
def test_cap_amounts_in_words_and_with_a_per_claim_cap_first(text, amount, currency):
    assert extract_money(text) == {"amount": amount, "currency": currency}


def test_a_danish_cap_beside_unlimited_liability_for_one_kind():
    text = "Ansvaret for brud på fortroligheden er ubegrænset; for alle andre krav er ansvaret begrænset til 250.000 kr."
    assert extract_money(text, lang="da") == {"amount": 250000, "currency": "DKK"}


# ---------------------------------------------------------------- channels


@pytest.mark.parametrize("text, channels", [
    ("Mistanke om uautoriseret adgang meldes straks til Leverandørens døgnbemandede vagtnummer.", ["phone"]),
    ("Kompromitterede adgangsoplysninger indberettes på formularen »Anmeld misbrug« på hjemmesiden.", ["portal"]),
    ("Ved et brud på dine oplysninger giver vi dig besked via e-mail og med en meddelelse i appen.", ["email", "portal"]),
    ("If a breach affects your bookings, we'll tell you by e-mail and with a message in the app.", ["email", "portal"]),
])
def test_a_duty_number_a_form_and_a_message_in_the_app_are_channels(text, channels):
    assert extract_channels(text)["channels"] == channels


@pytest.mark.parametrize("text, lang, elements", [
    ("Meddelelsen skal oplyse, hvilke datasæt der er kompromitteret, og det formodede tidspunkt for bruddet.", "da",
     ["description", "affected"]),
    ("The notice shall set out the likely consequences of the security breach.", "en", ["description"]),
])
def test_the_time_of_a_breach_its_consequences_and_what_was_compromised_are_contents(text, lang, elements):
    assert extract_elements(text, lang=lang)["elements"] == elements


@pytest.mark.parametrize("text, formula", [
    ("Vores samlede ansvar kan ikke overstige købesummen for den vare, kravet vedrører.",
     "købesummen for den vare, kravet vedrører"),
    ("Ansvaret kan højst udgøre de servicegebyrer, du har betalt til os i de seneste 6 måneder.",
     "de servicegebyrer, du har betalt til os i de seneste 6 måneder"),
    ("Vores erstatningsansvar er begrænset til fakturabeløbet.", "fakturabeløbet"),
    ("Sælgers ansvar kan aldrig overstige varens pris.", "varens pris"),
])
def test_a_danish_cap_by_the_price_or_the_fees_paid_is_a_formula(text, formula):
    assert extract_cap_formula(text, lang="da")["formula"] == formula


# ---------------------------------------------------------------- who notifies whom (DD-8.2)


@pytest.mark.parametrize("text, lang, parties", [
    ("Bliver Kunden opmærksom på et brud, skal Kunden straks underrette Leverandørens servicedesk.", "da",
     {"notifier": "kunden", "recipient": "leverandøren"}),
    ("The Host shall notify the Customer's security officer of any breach within 24 hours.", "en",
     {"notifier": "host", "recipient": "customer"}),
])
def test_the_party_told_through_its_desk_or_officer_is_the_party(text, lang, parties):
    assert extract_notice_parties(text, lang=lang) == parties
