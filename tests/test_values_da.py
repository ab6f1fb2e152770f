"""Danish values: deadlines, amounts written the Danish way, fee formulas, owners, parties."""

import pytest

from ddcontract.amounts import find_money, parse_number
from ddcontract.values import (
    extract_cap_formula,
    extract_deadline,
    extract_elements,
    extract_insurance,
    extract_notice_parties,
    extract_owner,
)


@pytest.mark.parametrize("text,hours,unit", [
    ("Databehandleren underretter senest 24 timer efter, at bruddet er konstateret.", 24, "hours"),
    ("senest 72 timer efter opdagelsen", 72, "hours"),
    ("inden for to arbejdsdage", 48, "business days"),
    ("inden for en arbejdsdag", 24, "business days"),
    ("inden 3 hverdage", 72, "business days"),
    ("inden for fireogtyve (24) timer", 24, "hours"),
    ("senest otteogfyrre timer efter", 48, "hours"),
    ("inden for et døgn", 24, "days"),
    ("straks og senest inden for 36 timer", 36, "hours"),
])
def test_danish_deadlines(text, hours, unit):
    got = extract_deadline(text, 0, "da")
    assert got["hours"] == hours and got["unit"] == unit and got["vague"] is False


@pytest.mark.parametrize("text", ["uden unødig forsinkelse", "uden ugrundet ophold", "straks", "omgående",
                                  "hurtigst muligt", "umiddelbart", "uopholdeligt", "uden ophold", "øjeblikkeligt",
                                  "med det samme",
                                  "så snart bruddet er konstateret", "så snart det er bekræftet"])
def test_danish_vague_deadlines(text):
    assert extract_deadline(f"Leverandøren skal underrette Kunden {text}.", 0, "da") == {
        "hours": None, "vague": True, "stated": text}


def test_notice_periods_are_not_deadlines():
    assert extract_deadline("Aftalen kan opsiges med tre måneders varsel.", 0, "da") == {}
    assert extract_deadline("Priserne kan reguleres med 30 dages varsel.", 0, "da") == {}
    # "to" is two only in Danish text
    assert extract_deadline("up to days of work", 0, "en") == {}


@pytest.mark.parametrize("text,amount,currency", [
    ("DKK 500.000", 500_000, "DKK"),
    ("500.000 kr.", 500_000, "DKK"),
    ("kr. 1,5 mio.", 1_500_000, "DKK"),
    ("1.000.000,00 DKK", 1_000_000, "DKK"),
    ("5 mio. kr.", 5_000_000, "DKK"),
    ("EUR 2.000.000", 2_000_000, "EUR"),
    ("DKK 2 mio.", 2_000_000, "DKK"),
    ("kr. 250.000,-", 250_000, "DKK"),
    ("to millioner kroner", 2_000_000, "DKK"),
    ("en million kroner", 1_000_000, "DKK"),
    ("halvanden million kroner", 1_500_000, "DKK"),
    ("en halv million kroner", 500_000, "DKK"),
    ("2 mio. svenske kroner", 2_000_000, "SEK"),
    ("750.000 norske kroner", 750_000, "NOK"),
    ("2 millioner danske kroner", 2_000_000, "DKK"),
    # a dash for no øre before the currency, and thousands of kroner
    ("300.000,- kr.", 300_000, "DKK"),
    ("EUR 25.000,-", 25_000, "EUR"),
    ("1.500,-- kr.", 1_500, "DKK"),
    ("250 t.kr.", 250_000, "DKK"),
    ("500 tkr.", 500_000, "DKK"),
    ("1½ mio. kr.", 1_500_000, "DKK"),
])
def test_danish_money(text, amount, currency):
    got = find_money(f"Ansvaret kan ikke overstige {text} pr. år.", "da")
    assert [(m["amount"], m["currency"]) for m in got] == [(amount, currency)]


def test_separators_follow_the_language():
    assert parse_number("1.500", "da") == 1500
    assert parse_number("1,5", "da") == 1.5
    assert parse_number("1,500", "da") == 1.5
    assert parse_number("1,500", "en") == 1500
    assert parse_number("1.000.000,00", "da") == 1_000_000


@pytest.mark.parametrize("text,formula", [
    ("Leverandørens samlede ansvar er begrænset til et beløb svarende til det samlede vederlag betalt i de "
     "12 måneder forud for kravet.", "det samlede vederlag betalt i de 12 måneder forud for kravet"),
    ("Ansvaret kan ikke overstige vederlaget for de seneste 12 måneder.", "vederlaget for de seneste 12 måneder"),
    ("Ansvaret er begrænset til to gange det årlige vederlag.", "to gange det årlige vederlag"),
    ("Erstatningen kan maksimalt udgøre 100 % af det årlige abonnementsvederlag.",
     "100 % af det årlige abonnementsvederlag"),
])
def test_danish_cap_formulas(text, formula):
    assert extract_cap_formula(text, 0, "da") == {"formula": formula}


@pytest.mark.parametrize("text", ["Alle data tilhører Kunden.", "Kundens data er og forbliver Kundens ejendom.",
                                  "Kunden bevarer den fulde ejendomsret til sine data."])
def test_danish_owner(text):
    assert extract_owner(text, 0, "da") == {"owner": "Kunden"}


def test_danish_notice_parties_both_ways():
    one = extract_notice_parties("Databehandleren skal uden unødig forsinkelse underrette den dataansvarlige.", 0, "da")
    back = extract_notice_parties("Den dataansvarlige skal ligeledes underrette databehandleren.", 0, "da")
    assert one == {"notifier": "databehandleren", "recipient": "dataansvarlige"}
    assert back == {"notifier": "dataansvarlige", "recipient": "databehandleren"}


@pytest.mark.parametrize("text, who, whom", [
    ("Hvis der sker et brud, skal Leverandøren straks underrette Kunden.", "leverandøren", "kunden"),
    ("Ved et sikkerhedsbrud underretter Hostingfirmaet straks Kunden.", "hostingfirmaet", "kunden"),
    ("Bliver vi opmærksomme på et brud, giver vi dig besked uden unødig forsinkelse.", "vi", "du"),
    ("Har du mistanke om misbrug, skal du straks skifte adgangskoden og give os besked.", "du", "vi"),
    ("Konstaterer den dataansvarlige et brud, skal den dataansvarlige underrette Databehandleren.", "dataansvarlige",
     "databehandleren"),
    # the subject first, in small letters too, is read as before
    ("leverandøren underretter kunden straks om bruddet.", "leverandøren", "kunden"),
])
def test_danish_notice_parties_with_the_verb_second(text, who, whom):
    """Danish puts the verb before the subject after a condition or an adverbial ("…, skal Leverandøren straks
    underrette Kunden"); who notifies whom is still read, so a mutual duty (DD-8.2) is seen from both sides."""
    assert extract_notice_parties(text, 0, "da") == {"notifier": who, "recipient": whom}


def test_danish_insurance_takes_the_cyber_cover():
    text = ("Leverandøren skal tegne en erhvervsansvarsforsikring på DKK 5.000.000 og en cyberforsikring med en "
            "dækning på mindst DKK 10.000.000.")
    assert extract_insurance(text, 0, "da") == {"types": ["cyber", "general"], "amount": 10_000_000, "currency": "DKK"}
    assert extract_insurance("professionel ansvarsforsikring på mindst 5 mio. kr.", 0, "da") == {
        "types": ["professional"], "amount": 5_000_000, "currency": "DKK"}


def test_danish_notification_content():
    text = ("Underretningen skal indeholde en beskrivelse af bruddets karakter, kategorierne og det omtrentlige "
            "antal berørte registrerede samt de foranstaltninger, der er truffet.")
    assert extract_elements(text, 0, "da") == {"elements": ["description", "affected", "measures"]}


@pytest.mark.parametrize("text,who,whom", [
    ("Vi giver dig besked, hvis dine data bliver berørt af et databrud.", "vi", "du"),
    ("Du skal straks fortælle os, hvis du opdager et brud.", "du", "vi"),
    ("Leverandøren underretter Kunden om sikkerhedsbrud.", "leverandøren", "kunden"),
])
def test_danish_present_tense_and_du_vi_notice_parties(text, who, whom):
    assert extract_notice_parties(text, 0, "da") == {"notifier": who, "recipient": whom}


def test_more_danish_wordings_of_content_and_deadlines():
    text = "Af meddelelsen skal fremgå hændelsens art, de påvirkede systemer og de afhjælpende tiltag."
    assert extract_elements(text, 0, "da") == {"elements": ["description", "affected", "measures"]}
    assert extract_deadline("Der gælder en 48 timers frist for underretning.", 0, "da")["hours"] == 48
    assert extract_deadline("Vi underretter så hurtigt som muligt.", 0, "da")["vague"] is True
    assert extract_deadline("Aftalen kan opsiges med 30 dages varsel.", 0, "da") == {}


@pytest.mark.parametrize("text,owner", [
    ("Data, som Kunden indlæser i systemet, er Kundens.", {"owner": "Kunden"}),
    ("Kunden har den fulde og eksklusive ejendomsret til alle data.", {"owner": "Kunden"}),
    ("Alle rettigheder til Kundens materiale tilfalder Kunden.", {"owner": "Kunden"}),
    ("Ejendomsretten til data ligger hos Kunden.", {"owner": "Kunden"}),
    ("Kundedata ejes af Kunden.", {"owner": "Kunden"}),
    ("Det er Kundens ansvar at tage sikkerhedskopier.", {}),
    ("Foreningen, som har de immaterielle rettigheder til registret, giver brugsret til data.", {"owner": "Foreningen"}),
    ("Kunden bevarer ophavsretten til alle data, Kunden lægger ind.", {"owner": "Kunden"}),
])
def test_more_danish_ownership_wordings(text, owner):
    assert extract_owner(text, 0, "da") == owner


@pytest.mark.parametrize("text,formula", [
    ("Vores ansvar kan dog højst udgøre det beløb, du har betalt for Tjenesten i de seneste 12 måneder.",
     "det beløb, du har betalt for Tjenesten i de seneste 12 måneder"),
    ("Ansvaret er begrænset til et beløb svarende til, hvad du har betalt til os i de sidste 6 måneder.",
     "hvad du har betalt til os i de sidste 6 måneder"),
    ("Ansvaret kan ikke overstige 12 måneders vederlag.", "12 måneders vederlag"),
    ("Ansvaret er begrænset til årsvederlaget.", "årsvederlaget"),
    ("Ansvaret kan ikke overstige kontraktens samlede værdi.", "kontraktens samlede værdi"),
])
def test_more_danish_fee_formulas(text, formula):
    assert extract_cap_formula(text, 0, "da") == {"formula": formula}
