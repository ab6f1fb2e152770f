"""Value wordings of the thirty-third round (the passages are written for this test; each case failed on the round's
start code).

- Breach deadlines: a half or one and a half of a unit ("halvandet døgn", "et halvt døgn", "half an hour"), a product
  of days ("2 x 24 timer"), a deadline toward the people whose data it is ("affected patients", "de registrerede") is not
  the deadline toward the customer, a telephone call as the notice ("ringer … til Kundens vagttelefon inden for 30
  minutter").
- Liability caps: the aggregate cap stated before a per-claim cap the rule matched after it, and "an overall cap … during
  the Term"; a Danish cap beside a carve-out said with "som ikke er begrænset" (it was read as unlimited liability, so
  no cap at all); "ansvarlig for mere end 25.000 kr."; "yder højst 2.000 kr. i erstatning"; a long subject in capitals
  ("THE ENTIRE LIABILITY …, AND YOUR SOLE REMEDY, … IS SOLELY LIMITED TO THE SUM OF …").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcontract.amounts import extract_money
from conftest import finding_in
from ddcontract.deadlines import extract_deadline


@pytest.mark.parametrize("text, lang, hours, stated", [
    ("Leverandøren giver Skolen besked om sikkerhedsbrud inden for halvandet døgn.", "da", 36, "halvandet døgn"),
    ("Et brud på persondatasikkerheden meddeles Foreningen inden for et halvt døgn.", "da", 12, "et halvt døgn"),
    ("Operatøren underretter Kunden om sikkerhedsbrud inden for 3 x 24 timer efter opdagelsen.", "da", 72, "3 x 24 timer"),
    ("The Host will notify the Club of a security breach within half an hour of detecting it.", "en", 0.5, "half an hour"),
])
def test_halves_and_products_of_a_unit(text, lang, hours, stated):
    found = extract_deadline(text, lang=lang)
    assert (found["hours"], found["stated"]) == (hours, stated)


@pytest.mark.parametrize("text, lang", [
    ("Where the law requires it, the Clinic Portal will notify affected patients within thirty (30) days of discovering "
     "a breach of their health records.", "en"),
    ("Udbyderen underretter de berørte registrerede inden for 20 dage, når bruddet indebærer en høj risiko.", "da"),
])
def test_a_deadline_toward_the_data_subjects_is_not_toward_the_customer(text, lang):
    assert extract_deadline(text, lang=lang).get("not_to_customer") is True


def test_the_customer_told_beside_the_data_subjects_keeps_the_deadline():
    found = extract_deadline("The Host will notify the Club and affected members within 20 hours.")
    assert found["hours"] == 20 and not found.get("not_to_customer")


@pytest.mark.parametrize("text, lang, anchor_word, amount, currency", [
    ("Operatørens ansvar er begrænset til et samlet beløb på DKK 3.000.000, dog således at ansvaret pr. skadebegivenhed "
     "ikke kan overstige DKK 1.000.000.", "da", "overstige", 3000000, "DKK"),
    ("The Host's liability is limited to GBP 50,000 per event, subject to an overall cap of GBP 200,000 during the Term.",
     "en", "limited", 200000, "GBP"),
])
def test_the_aggregate_beats_a_per_claim_cap_either_side_of_the_match(text, lang, anchor_word, amount, currency):
    assert extract_money(text, text.find(anchor_word), lang) == {"amount": amount, "currency": currency}


def _cap(tmp_path: Path, library, text: str, lang: str):
    return finding_in(tmp_path, library, text + "\n", lang, "DD-4.6", name="terms.txt")


@pytest.mark.parametrize("text, lang, amount, currency", [
    ("Bortset fra ansvar for personskade, som ikke er begrænset, kan Campingpladsens samlede ansvar ikke overstige "
     "35.000 kr.", "da", 35000, "DKK"),
    ("Bureauet kan under ingen omstændigheder gøres ansvarlig for mere end 12.000 kr. pr. opgave.", "da", 12000, "DKK"),
    ("Ved skader på lånte cykler yder udlejeren højst 1.500 kr. i erstatning.", "da", 1500, "DKK"),
    ("THE ENTIRE LIABILITY OF THE STUDIO TO YOU AND ANY OTHER PERSON, AND YOUR ONLY REMEDY, WHETHER IN CONTRACT, IN "
     "NEGLIGENCE OR ON ANY OTHER BASIS, FOR ANY CLAIM ABOUT THE GAME, ITS UPDATES OR A BREACH OF THESE TERMS BY THE "
     "STUDIO, IS SOLELY LIMITED TO THE SUM OF TWENTY DOLLARS ($20.00).", "en", 20, "USD"),
])
def test_caps_read_with_their_amount(tmp_path: Path, library, text, lang, amount, currency):
    finding = _cap(tmp_path, library, text, lang)
    assert finding.status == "met"
    assert (finding.values.get("amount"), finding.values.get("currency")) == (amount, currency)


def test_a_breach_notice_by_telephone(tmp_path: Path, library):
    finding = finding_in(tmp_path, library, "Ved et kritisk sikkerhedsbrud ringer Driftscentret til Kundens vagtnummer "
                         "inden for 40 minutter efter opdagelsen.\n", "da", "DD-8.1", name="sla.txt")
    assert finding.status == "met"
    assert finding.values.get("hours") == pytest.approx(40 / 60)


@pytest.mark.parametrize("text, lang", [
    ("Underleverandøren underretter Udbyderen inden for 12 timer om brud på persondatasikkerheden. Udbyderen giver "
     "herefter Foreningen besked uden unødig forsinkelse.", "da"),
    ("Each sub-processor notifies the Host within 10 hours of a breach, and the Host tells the Club without undue delay.",
     "en"),
])
def test_a_sub_processors_deadline_in_the_present_tense_is_not_the_customers(text, lang):
    assert extract_deadline(text, lang=lang).get("not_to_customer") is True


@pytest.mark.parametrize("text, lang, hours", [
    ("Sub-processors must tell the Host within 8 hours of any incident affecting member data. The Host passes what it "
     "learns on to the Controller no later than 20 hours after it first hears of the incident.", "en", 20),
    ("Any exfiltration of member records shall be reported to the Controller's duty manager within thirty (30) minutes "
     "of its detection.", "en", 0.5),
    ("Within two business days after the Studio confirms that player records were accessed without permission, it "
     "will send each club a written notice.", "en", 48),
    ("If the Library finds that a patron's account has been used by an unauthorised person, it will alert the patron "
     "and the Council within one (1) day.", "en", 24),
    ("Kritiske hændelser (bekræftet dataudslip fra Skolens systemer) rapporteres til Kundens it-vagt inden for 45 "
     "minutter.", "da", 0.75),
    ("Er medlemsdata blevet tilgået uden tilladelse, giver Udbyderen foreningen besked inden for 20 timer.", "da", 20),
    ("Underretningsfristen over for Kommunen er fastlagt i driftsbilaget og udgør 20 timer fra registreringen af "
     "hændelsen.", "da", 20),
])
def test_breach_notices_in_other_words(tmp_path: Path, library, text, lang, hours):
    finding = finding_in(tmp_path, library, text + "\n", lang, "DD-8.1", name="dpa.txt")
    assert finding.status != "missing"
    assert finding.values.get("hours") == pytest.approx(hours)


def test_a_defined_cap_named_after_more_than(tmp_path: Path, library):
    text = ('"Liability Cap" means two hundred thousand pounds (GBP 200,000).\n\n'
            "9.1 Neither party's total liability under these Terms will be more than the Liability Cap.")
    finding = _cap(tmp_path, library, text, "en")
    assert (finding.status, finding.values.get("amount"), finding.values.get("currency")) == ("met", 200000, "GBP")


@pytest.mark.parametrize("text, lang, amount", [
    ("Each party's liability is limited to EUR 50,000 in the case of the Customer and EUR 250,000 in the case of the "
     "Supplier.", "en", 250000),
    ("Hver parts ansvar er begrænset til 100.000 kr. for Kunden og 800.000 kr. for Leverandøren.", "da", 800000),
])
def test_the_providers_cap_named_after_the_amount(text, lang, amount):
    assert extract_money(text, 0, lang)["amount"] == amount


@pytest.mark.parametrize("text, lang", [
    ("Underleverandørens ansvar over for Skolen reguleres af ansvarsbestemmelserne i rammeaftalens punkt 7.", "da"),
    ("The Processor's liability under this Addendum is governed by the limits of liability in the Main Agreement.", "en"),
])
def test_liability_left_to_the_main_agreements_limitation_is_addressed(tmp_path: Path, library, text, lang):
    assert _cap(tmp_path, library, text, lang).status == "weak"
