"""Fixes of the thirty-fifth round, each failing on the code before it (docs/accuracy.md, "Thirty-fifth round").

- A ceiling on service credits, service-level compensation or a penalty is not the liability cap beside it: the cap on
  liability leads the evidence and gives the formula or amount, and a contract whose only maximum is such a ceiling
  says so.
- Danish "ejerret" is another word for "ejendomsret": "Medlemmet beholder ejerretten til sine opslag" allocates
  ownership.
- The statistical model does not find insurance (DD-6.1) in a sentence that names no insurance.
"""

from __future__ import annotations

import pytest
from conftest import finding_in

from ddcontract.amounts import remedy_cap
from ddcontract.matching.statistical import SUBJECT

HEADING = {"da": "Vilkår", "en": "Terms"}


def _status(tmp_path, library, lang: str, sentence: str, req: str) -> str:
    """The status of ``req`` for a one-sentence text under a plain heading."""
    return finding_in(tmp_path, library, f"{HEADING[lang]}\n\n{sentence}\n", lang, req).status


@pytest.mark.parametrize("text", [
    "Service credits in any month are capped at ten per cent of that month's subscription fee.",
    "The maximum total credit for a billing period is 50% of the fees for that period.",
    "Compensation for missed response times shall not exceed EUR 5,000 per quarter.",
    "Ved manglende oppetid ydes en kompensation på 3 % af månedens vederlag, dog højst 30 %.",
    "Boden for et kvartal kan ikke overstige 20 % af kvartalets vederlag.",
    "Servicekreditter udgør samlet højst 10 % af det årlige abonnement.",
])
def test_a_ceiling_on_a_remedy_is_recognised(text):
    assert remedy_cap(text)


@pytest.mark.parametrize("text", [
    "The Supplier's total liability for failing the service levels is limited to the service credits.",
    "Compensation for any loss is limited to the fees paid in the twelve months before the claim.",
    "Each party's aggregate liability shall not exceed EUR 100,000.",
    "Leverandørens erstatningsansvar kan ikke overstige det samlede vederlag for det seneste år.",
    "Kompensationen for tab af data er begrænset til 50.000 kr.",
])
def test_a_cap_on_liability_is_no_remedy_ceiling(text):
    assert not remedy_cap(text)


DA_BOTH = """Abonnementsvilkår

4. Oppetid
4.1 Tjenesten er tilgængelig 99,8 % af tiden målt pr. måned.
4.2 Er oppetiden lavere, ydes en kompensation på 4 % af månedens vederlag for hver påbegyndt halve procent, dog højst 20 % af månedens vederlag.

11. Ansvar
11.1 Leverandørens samlede erstatningsansvar kan ikke overstige det vederlag, Kunden har betalt i de seneste 6 måneder før kravet.
"""

EN_BOTH = """Service Terms

3. Availability
3.1 Service credits in any month shall not exceed twenty per cent (20%) of the Subscription Fees for that month.

9. Liability
9.1 Each party's total liability under these terms shall not exceed the fees paid by the Customer in the 12 months before the claim.
"""

EN_CREDITS_ONLY = """Service Level Terms

1. Credits
1.1 Where availability falls below 99.5%, the Customer receives a service credit of 5% of the monthly fee.
1.2 Service credits in any month shall not exceed 25% of the monthly fee.
"""


def test_the_liability_cap_leads_before_a_compensation_ceiling_da(tmp_path, library):
    f = finding_in(tmp_path, library, DA_BOTH, "da", "DD-4.6")
    assert f.status == "met"
    assert f.evidence[0].text.startswith("11.1")
    assert "6 måneder" in f.values["formula"]


def test_the_liability_cap_leads_before_a_credit_ceiling_en(tmp_path, library):
    f = finding_in(tmp_path, library, EN_BOTH, "en", "DD-4.6")
    assert f.status == "met"
    assert f.evidence[0].text.startswith("9.1")
    assert "12 months" in f.values["formula"]
    assert "only for service credits" not in f.message


def test_a_contract_whose_only_maximum_is_on_credits_says_so(tmp_path, library):
    f = finding_in(tmp_path, library, EN_CREDITS_ONLY, "en", "DD-4.6")
    assert f.status == "weak"
    assert "liability in general is not capped" in f.message


def test_a_contract_whose_only_maximum_is_a_penalty_says_so_da(tmp_path, library):
    text = ("Servicevilkår\n\n5. Bod\n5.1 Overskrides svartiden, betaler Leverandøren en bod på 2.000 kr. pr. "
            "påbegyndt time.\n5.2 Boden for en måned kan ikke overstige 10 % af månedens vederlag.\n")
    f = finding_in(tmp_path, library, text, "da", "DD-4.6")
    assert f.status == "met" and f.evidence[0].text.startswith("5.2")
    assert "kun for servicekreditter" in f.message


@pytest.mark.parametrize("text", [
    "Medlemmet beholder ejerretten til sine opslag og billeder.",
    "Skolen har ejerretten til de elevdata, der registreres i portalen.",
])
def test_ejerret_allocates_ownership(tmp_path, library, text):
    assert _status(tmp_path, library, "da", text, "DD-4.1") != "missing"


def test_ejerret_to_a_thing_is_no_data_ownership(tmp_path, library):
    text = "Udlejer beholder ejerretten til cyklen, indtil lejeperioden er slut."
    assert _status(tmp_path, library, "da", text, "DD-4.1") == "missing"


@pytest.mark.parametrize(("lang", "text"), [
    ("da", "Administratoren skal have en gyldig adgangskode og være mindst 16 år."),
    ("da", "Holdlederen skal have et gyldigt telefonnummer og være mindst 18 år."),
    ("en", "The club secretary must hold a valid membership card and be at least 21 years old."),
])
def test_the_model_finds_no_insurance_in_a_sentence_without_insurance(tmp_path, library, lang, text):
    assert _status(tmp_path, library, lang, text, "DD-6.1") == "missing"


@pytest.mark.parametrize("text", ["Leverandøren tegner en cyberforsikring.", "The policy covers data breaches.",
                                  "Ansvarsdækningen skal være mindst 5 mio. kr.", "proof of insurance"])
def test_the_insurance_subject_is_seen_in_both_languages(text):
    assert SUBJECT["DD-6.1"].search(text) and SUBJECT["DD-6.2"].search(text)


@pytest.mark.parametrize(("lang", "text", "amount"), [
    ("da", "Vores samlede ansvar over for gratis brugere er begrænset til 250 TL.", 250),
    ("en", "The Provider's aggregate liability shall not exceed 20,000 TL.", 20000),
])
def test_the_turkish_lira_abbreviation_is_a_currency(tmp_path, library, lang, text, amount):
    f = finding_in(tmp_path, library, f"{HEADING[lang]}\n\n{text}\n", lang, "DD-4.6")
    assert (f.status, f.values["amount"], f.values["currency"]) == ("met", amount, "TRY")


@pytest.mark.parametrize(("lang", "text"), [
    ("da", "Vi lover, at vi aldrig sælger, udlejer eller låner dine kontaktoplysninger ud til andre."),
    ("da", "Vi bruger medlemmernes data til at drive bookingen — ikke til videresalg, ikke til reklame."),
    ("en", "We use your data to run the bookings, with no resale and no advertising."),
])
def test_the_providers_promise_not_to_sell_data_is_no_redistribution_rule(tmp_path, library, lang, text):
    assert _status(tmp_path, library, lang, text, "DD-4.5") == "missing"


@pytest.mark.parametrize(("lang", "text"), [
    ("da", "Du må ikke videresælge de oplysninger, du henter fra tjenesten."),
    ("en", "You may not resell the data you download from the service."),
])
def test_the_users_ban_on_reselling_data_still_counts(tmp_path, library, lang, text):
    assert _status(tmp_path, library, lang, text, "DD-4.5") == "weak"


@pytest.mark.parametrize(("lang", "text", "status"), [
    ("da", "Køber er forpligtet til at opbevare maskinen tørt og forsikre den mod brand og indbrud.", "weak"),
    ("da", "Sælger har ingen pligt til at forsikre købers varer mod brand.", "missing"),
    ("en", "The buyer is obliged to store the machine dry and insure it against fire and burglary.", "weak"),
    ("en", "The seller is not required to insure the buyer's goods against fire.", "missing"),
])
def test_a_duty_to_insure_written_as_an_obligation(tmp_path, library, lang, text, status):
    assert _status(tmp_path, library, lang, text, "DD-6.1") == status


PAGE_DATA = """export const legal = {
  terms: {
    title: 'Vilkår for brug',
    sections: [
      {
        h: '9. Ansvar',
        blocks: [
          { t: 'p', x: 'Vi er ikke ansvarlige for indirekte tab.' },
          { t: 'p', x: 'Vores samlede ansvar kan i en periode på 12 måneder aldrig overstige 800 kr.' },
        ],
      },
      {
        h: '10. Ophør',
        blocks: [
          { t: 'p', x: 'Vi kan lukke din konto, hvis du overtræder disse vilkår.' },
          { t: 'ul', x: ['Du må ikke dele dit login.', 'Du må ikke kopiere appen.'] },
        ],
      },
    ],
  },
};
"""


def test_objects_written_on_one_line_are_read_as_their_words(tmp_path, library):
    """A page's blocks kept as one-line objects ("{ t: 'p', x: '…' },"): the sentence is the string, not the code."""
    f = finding_in(tmp_path, library, PAGE_DATA, "da", "DD-4.6", name="legal.ts.md")
    assert f.status == "met" and (f.values["amount"], f.values["currency"]) == (800, "DKK")
    quote = f.evidence[0].text
    assert "'" not in quote and "}" not in quote and "t: " not in quote


def test_the_inline_object_reader_keeps_text_and_drops_kinds():
    from ddcontract.ingest.textutil import _inline_words

    assert _inline_words("    { t: 'p', x: 'Vi kan lukke kontoen.' },") == "    Vi kan lukke kontoen."
    assert _inline_words('  { type: "note", text: "Read \\"this\\" first" }') == '  Read "this" first'
    assert _inline_words("{ id: 'ansvar', title: 'Ansvar og erstatning' },") == "Ansvar og erstatning"
    assert _inline_words("{ a: compute(x), b: 'y' }") is None
    assert _inline_words("Almindelig tekst { i krølleparentes }") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("da", "Skriv straks til klubben på kontor@klubben.dk, hvis nogen har brugt dit login uden din tilladelse."),
    ("en", "Write to the club straight away at desk@club.example if anyone used your login without your permission."),
])
def test_writing_at_once_about_use_of_an_account_without_leave(tmp_path, library, lang, text):
    assert _status(tmp_path, library, lang, text, "DD-8.1") == "weak"
    assert _status(tmp_path, library, lang, text, "DD-8.4") == "met"


@pytest.mark.parametrize(("lang", "text", "status"), [
    ("da", "Vi gemmer holdets oplysninger i en database, som kun trænerne har adgang til.", "weak"),
    ("en", "We keep the members' details in a database that only the coaches can open.", "weak"),
    ("en", "Servers listed in public spam databases are suspended at once.", "missing"),
])
def test_data_kept_in_a_database_is_storage(tmp_path, library, lang, text, status):
    assert _status(tmp_path, library, lang, text, "DD-4.3") == status


@pytest.mark.parametrize("text", [
    "Webshoppen dækker ikke returneringsomkostninger.",
    "Vi dækker ikke udgifter til returforsendelse, når du fortryder.",
    "Foreningen er ikke ansvarlig for forhold uden for foreningens rimelige kontrol, fx lynnedslag.",
])
def test_return_costs_and_force_majeure_limit_no_liability(tmp_path, library, text):
    assert _status(tmp_path, library, "da", text, "DD-4.6") == "missing"


def test_a_loss_not_covered_is_still_an_exclusion(tmp_path, library):
    text = "Vi dækker ikke tab af data eller udgifter til at gendanne data."
    assert _status(tmp_path, library, "da", text, "DD-4.6") == "weak"


@pytest.mark.parametrize(("lang", "text"), [
    ("da", "Udleverede materialer og stiger forbliver firmaets ejendom, indtil regningen er betalt."),
    ("en", "Any materials or ladders supplied remain the contractor's property until the invoice has been paid."),
])
def test_retention_of_title_until_payment_is_no_data_ownership(tmp_path, library, lang, text):
    assert _status(tmp_path, library, lang, text, "DD-4.1") == "missing"


def test_rights_in_a_deliverable_until_payment_are_still_allocated(tmp_path, library):
    text = "Alle immaterielle rettigheder til hjemmesiden tilhører bureauet, indtil fuld betaling er sket."
    assert _status(tmp_path, library, "da", text, "DD-4.1") == "weak"
