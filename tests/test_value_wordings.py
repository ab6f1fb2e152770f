"""The value reader on wordings met in the value probes of the twenty-second and twenty-third rounds (written here in
our own words). Twenty-second: deadlines in minutes, weeks in Danish and "the second business day"; a written
confirmation after a telephone notice; a deadline for repairing rather than telling; who is told when the parties have
names; and caps in Danish words, with the multiplier before "kr.", in Danish text with English thousands, and the
current size of the charges a cap is a multiple of. Twenty-third: a deadline of the day after or the end of the day it is found, a deadline stated
as the longest allowed, "without delay" and "as soon as we can"; a platform's customer by its role without an article;
caps in English words with "hundred and", a per-claim cap before the aggregate one, a cap beside one kind of liability
left unlimited, Danish caps by the price or the fees paid; channels, contents, and a party told through its desk.
Twenty-fourth: one business day in the singular, an authority told by a verb after the deadline, the Danish annual cap
for all events of a calendar year, a cap by the price of a subscription, Danish amounts in words with millions before
and tens after "og", a deadline for the breach beside one for an outage."""

from __future__ import annotations

import pytest

from ddcontract.amounts import extract_money
from ddcontract.notices import extract_notice_parties
from ddcontract.values import extract_cap_formula, extract_channels, extract_deadline, extract_elements

# ---------------------------------------------------------------- deadlines


@pytest.mark.parametrize("text, lang, hours", [
    ("The Host shall alert the Client by phone within ninety (90) minutes of confirming a Security Incident.", "en", 1.5),
    ("Leverandøren underretter Kunden inden for 30 minutter efter, at et sikkerhedsbrud er konstateret.", "da", 0.5),
    ("Senest 3 uger efter, at Leverandøren har opdaget et sikkerhedsbrud, underrettes Kunden skriftligt.", "da", 504),
    ("Databehandleren giver den dataansvarlige besked om bruddet inden for 1 uge.", "da", 168),
    ("The Vendor shall tell the Agency about any data breach no later than the third business day after detecting it.",
     "en", 72),
    ("Leverandøren skal underrette Kunden om sikkerhedsbrud senest anden arbejdsdag efter opdagelsen.", "da", 48),
])
def test_minutes_weeks_and_the_nth_business_day(text, lang, hours):
    found = extract_deadline(text, lang=lang)
    assert found["hours"] == hours and not found.get("not_to_customer")


def test_to_turn_to_the_customer_is_to_tell_it():
    # "rette henvendelse til" (to contact), not "rette" (to correct)
    text = "Ved et sikkerhedsbrud skal Leverandøren rette henvendelse til Kunden senest 24 timer efter opdagelsen."
    assert extract_deadline(text, lang="da")["hours"] == 24


def test_minutes_without_a_breach_named_are_a_service_desk_measure():
    # the status page of an outage, not the notice of a breach
    assert extract_deadline("First status update: within 20 minutes of detection.") == {}


@pytest.mark.parametrize("text, lang, hours", [
    # the first notice has its own deadline: the written confirmation after it is not the deadline
    ("The Supplier shall telephone the Customer within 2 hours of a Security Incident and confirm the call in writing "
     "within 24 hours.", "en", 2),
    ("Leverandøren giver Kunden telefonisk besked om sikkerhedsbrud inden for fire timer og bekræfter beskeden "
     "skriftligt senest næste arbejdsdag.", "da", 4),
    # the first notice only "promptly": the written confirmation's deadline is the one there is
    ("On discovering a breach the Host shall promptly call the Client and confirm that call in writing within eight "
     "(8) hours.", "en", 8),
])
def test_a_written_confirmation_follows_the_first_notice(text, lang, hours):
    assert extract_deadline(text, anchor=len(text) // 2, lang=lang)["hours"] == hours


@pytest.mark.parametrize("text, lang", [
    ("If a Security Incident occurs the Operator shall repair the affected servers within 6 hours and shall "
     "immediately inform the Trust.", "en"),
    ("Leverandøren skal genoprette de berørte systemer inden for 12 timer og straks orientere Kommunen om bruddet.",
     "da"),
    # a response time
    ("Ved sikkerhedshændelser besvarer supporten henvendelser inden for 4 timer og giver straks Kunden besked.", "da"),
    ("The Host shall acknowledge each security ticket within 2 hours and shall promptly inform the Client of any breach.",
     "en"),
])
def test_a_deadline_for_repairing_or_answering_is_not_a_deadline_for_telling(text, lang):
    found = extract_deadline(text, lang=lang)
    assert found["hours"] is None and found["vague"]


@pytest.mark.parametrize("text, lang", [
    ("The Operator assists the Council with its report to the regulator within 72 hours; the Operator's own notice "
     "to the Council shall be given within 12 hours of detection.", "en"),
    ("Databehandleren bistår med anmeldelse til Datatilsynet inden for 72 timer; Databehandlerens underretning til "
     "den dataansvarlige sker senest 12 timer efter opdagelsen.", "da"),
])
def test_a_notice_to_the_customer_named_after_the_authority_is_toward_the_customer(text, lang):
    found = extract_deadline(text, lang=lang)
    assert found["hours"] == 12 and not found.get("not_to_customer")


@pytest.mark.parametrize("text, lang, theirs", [
    # a platform's customer (by its role) telling the platform (by its name): toward the provider
    ("The Reseller shall notify Quillbank within 24 hours if its API credentials may have been exposed.", "en", True),
    ("Forhandleren skal underrette Bytorv senest 12 timer efter, at Forhandlerens login kan være kompromitteret.",
     "da", True),
    # the provider by its role telling the customer by its name, or anyone telling the customer by its role
    ("The Supplier shall notify Brightfield Energy within 24 hours of a Security Incident.", "en", False),
    ("Leverandøren skal underrette Region Sydfyn senest 24 timer efter et sikkerhedsbrud.", "da", False),
    ("Quillbank will notify the Reseller within 24 hours of a security incident affecting its data.", "en", False),
    # the platform called "the Company", or told by a notice named by its noun
    ("The Affiliate shall: notify the Company no later than 48 hours after learning of a data breach.", "en", True),
    ("The Courier shall give notice to Parcelo of any lost customer data within 12 hours.", "en", True),
    ("The Supplier shall notify the Company within 24 hours of a Security Incident.", "en", False),
])
def test_who_tells_whom_when_parties_have_names(text, lang, theirs):
    assert bool(extract_deadline(text, lang=lang).get("not_to_customer")) is theirs


@pytest.mark.parametrize("text", [
    "Sikkerhedsbrud meddeles af Leverandøren til Kommunens it-sikkerhedsansvarlige inden for 24 timer.",
    "Meddelelse om brud på sikkerheden gives til Regionen senest 24 timer efter, at bruddet er opdaget.",
])
def test_a_municipality_or_region_told_is_the_customer(text):
    found = extract_deadline(text, lang="da")
    assert found["hours"] == 24 and not found.get("not_to_customer")


# ---------------------------------------------------------------- caps


@pytest.mark.parametrize("text, lang, amount, currency", [
    ("Ansvaret kan højst udgøre seks hundrede tusinde danske kroner.", "da", 600000, "DKK"),
    ("Udbyderen hæfter med indtil firehundredetusinde kroner.", "da", 400000, "DKK"),
    ("Ansvaret kan ikke overstige hundredetusinde euro.", "da", 100000, "EUR"),
    ("Ansvaret er begrænset til to og en halv million kroner.", "da", 2500000, "DKK"),
    ("Ansvaret kan samlet højst udgøre mio. kr. 3,5.", "da", 3500000, "DKK"),
    ("Ansvaret for de engelske selskabers krav er begrænset til GBP 75,000.", "da", 75000, "GBP"),
    ("The Licensor's aggregate liability shall not exceed R1 250 000,00.", "en", 1250000, "ZAR"),
])
def test_cap_amount_forms(text, lang, amount, currency):
    assert extract_money(text, lang=lang) == {"amount": amount, "currency": currency}


@pytest.mark.parametrize("text, lang, amount", [
    ("Liability is subject to a per-claim limit of EUR 50,000 and an annual limit of EUR 200,000.", "en", 200000),
    ("Erstatning udgør højst 100.000 kr. pr. skadetilfælde og samlet højst 400.000 kr. pr. år.", "da", 400000),
])
def test_the_aggregate_cap_beside_a_per_claim_cap(text, lang, amount):
    assert extract_money(text, lang=lang)["amount"] == amount


@pytest.mark.parametrize("text, lang", [
    ("Liability is limited to twice the annual fees, which are currently USD 80,000.", "en"),
    ("Ansvaret er begrænset til 200 % af vederlaget, der p.t. udgør 250.000 kr.", "da"),
    ("Liability is limited to 125% of the Charges. The Charges for the first year are estimated at EUR 90,000.", "en"),
])
def test_the_size_of_the_charges_a_cap_multiplies_is_not_the_cap(text, lang):
    assert extract_money(text, lang=lang) == {}


def test_the_current_figure_of_a_cap_that_is_a_sum_is_the_cap():
    text = "Ansvaret er begrænset til den til enhver tid gældende forsikringssum, p.t. 3 mio. kr."
    assert extract_money(text, lang="da") == {"amount": 3000000, "currency": "DKK"}


@pytest.mark.parametrize("unit", ["minutes", "hours", "days", "business days", "weeks", "months"])
def test_every_deadline_unit_has_a_danish_name(unit):
    # the unit a deadline was stated in is shown in the report's language ("Angivet i: minutter")
    from ddcontract.requirements.notification import TEXTS
    assert TEXTS["da"][f"name.{unit}"] and TEXTS["da"][f"name.{unit}"] != unit


# ================================================================ wordings of the twenty-third round

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


# ---------------------------------------------------------------- twenty-fourth round


@pytest.mark.parametrize("text, hours", [
    ("Fristen for at underrette Kunden om et sikkerhedsbrud er 1 hverdag fra konstateringen.", 24),
    ("Vi giver dig besked om bruddet senest 1 arbejdsdag efter, at vi har opdaget det.", 24),
])
def test_one_business_day_in_the_singular(text, hours):
    found = extract_deadline(text, lang="da")
    assert (found["hours"], found["unit"]) == (hours, "business days")


def test_an_authority_told_by_a_verb_after_the_deadline_is_not_the_customer():
    text = ("The Host shall tell the Client of the breach without undue delay, and the Client shall, if it can within 72 "
            "hours, inform the supervisory authority.")
    assert extract_deadline(text, lang="en").get("not_to_customer")
    assert not extract_deadline("The Host shall, within 72 hours, inform the Client of the breach.",
                                lang="en").get("not_to_customer")


def test_the_danish_cap_for_all_events_of_a_calendar_year_is_the_aggregate():
    text = ("Udlejer hæfter med højst 200.000 kr. pr. skadesbegivenhed og med højst 600.000 kr. for alle hændelser inden "
            "for samme kalenderår.")
    assert extract_money(text, lang="da")["amount"] == 600000


@pytest.mark.parametrize("text, formula", [
    ("Vores ansvar kan aldrig overstige den abonnementspris, du har betalt for den berørte måned.",
     "den abonnementspris, du har betalt for den berørte måned"),
    ("Erstatningen kan i intet tilfælde blive større end den samlede ordresum inklusive moms.",
     "den samlede ordresum inklusive moms"),
])
def test_a_cap_by_the_price_of_a_subscription_or_the_order_sum_is_a_formula(text, formula):
    assert extract_cap_formula(text, lang="da")["formula"] == formula


@pytest.mark.parametrize("text, amount", [
    ("Bureauets ansvar er begrænset til en million femhundredetusinde kroner.", 1500000),
    ("Ansvaret kan ikke overstige to millioner trehundredetusinde kroner.", 2300000),
    ("Erstatningen kan højst udgøre firehundredeogfyrretusinde kroner.", 440000),
])
def test_danish_amounts_in_words_with_millions_and_tens(text, amount):
    assert extract_money(text, lang="da")["amount"] == amount


def test_the_breach_deadline_before_an_outage_deadline_in_one_sentence():
    text = ("Vi orienterer dig om nedbrud inden for 2 timer på statussiden og om sikkerhedsbrud, der rammer dine data, "
            "senest 36 timer efter, at vi har opdaget bruddet.")
    assert extract_deadline(text, lang="da")["hours"] == 36


@pytest.mark.parametrize("text, lang, theirs", [
    ("How quickly will you tell us about a breach? Within one working day of confirming it.", "en", False),
    ("Hvor hurtigt vil I underrette os om et brud? Senest 24 timer efter, at bruddet er konstateret.", "da", False),
    ("Do you have to tell us about a breach? Yes: you must notify us within 24 hours.", "en", True),
])
def test_a_customers_question_answered_with_a_deadline_is_toward_the_customer(text, lang, theirs):
    assert bool(extract_deadline(text, lang=lang).get("not_to_customer")) is theirs


@pytest.mark.parametrize("text, theirs", [
    # a party named by a role that is not the provider's reports to a named party's team: the platform's user telling the
    # platform, not the customer told
    ("The Organisation will report any loss or unauthorised release of the Hub Data to the CityNet team as soon as "
     "possible, and in any event within 24 hours of becoming aware of it.", True),
    ("The Member shall report any suspected misuse of its login to the Padelhub support team within 12 hours.", True),
    # the provider reporting to the customer's own team is toward the customer
    ("The Supplier will report any security breach affecting Customer Data to the Customer's security team within "
     "24 hours.", False),
])
def test_a_role_reporting_to_a_named_partys_team_is_not_toward_the_customer(text, theirs):
    assert bool(extract_deadline(text, lang="en").get("not_to_customer")) is theirs
