"""Values and wordings of the thirty-fourth round (the passages are written for this test).

- A deadline set for a report that follows a notice told of before it ("shall immediately notify … and shall, within 10
  days, provide a written report", "orienterer … hurtigst muligt … og sender en skriftlig rapport … inden 5 hverdage")
  is the report's, not the notice's: the notice is only prompt. Where the report is the notice itself ("shall promptly,
  and in any event within 24 hours, provide a written report") its deadline stays.
- Danish "i løbet af 24 timer", "24 t.", "48-timersfristen", "senest næstkommende arbejdsdag".
- A sub-processor's deadline toward the processor in a Danish subordinate clause ("sikrer, at disse underretter
  Databehandleren senest 24 timer efter …") is not the customer's.
- Caps said with "liable for at most", "will pay at most … for all claims", "the maximum compensation payable … is",
  Danish "hæfter maks.", and liability limited to what the insurance covers.
- Danish wordings: termination for security reasons, a breach notice's channel to people whose data it touched, a
  security mailbox, insurance one must "være i besiddelse af", scraping made a breach, data destroyed, stored encrypted
  or opened to a subcontractor, use against the rules, and what the heading names said of as "den".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import finding_in
from ddcontract.deadlines import extract_deadline


def _finding(tmp_path: Path, library, text: str, lang: str, req: str):
    """The finding for ``req`` in a passage, under a neutral heading unless it brings its own ("Heading\n\nText")."""
    if "\n\n" not in text:
        text = ("Vilkår" if lang == "da" else "Terms") + "\n\n" + text + "\n"
    return finding_in(tmp_path, library, text, lang, req)


@pytest.mark.parametrize("lang, text", [
    ("en", "On discovering a Security Incident, the Host shall promptly notify the Client and shall, within 14 days, "
           "deliver a written report on its cause."),
    ("da", "Udbyderen giver Foreningen besked om et sikkerhedsbrud straks og udarbejder en rapport om forløbet "
           "og de trufne tiltag inden 10 hverdage."),
])
def test_a_later_reports_deadline_is_not_the_notices(lang, text):
    found = extract_deadline(text, 0, lang)
    assert found.get("hours") is None and found.get("vague") is True


@pytest.mark.parametrize("lang, text, hours", [
    ("en", "On discovering a Security Incident, the Host shall promptly, and in any event within 36 hours, deliver a "
           "written report to the Client.", 36),
    ("en", "The Host shall notify the Client of a Security Incident within 12 hours and shall deliver a written report "
           "within 14 days.", 12),
    ("da", "Foreningen skal have besked om bruddet i løbet af 30 timer, mens den endelige rapport følger senest 8 "
           "hverdage derefter.", 30),
    ("da", "Ved sikkerhedsbrud giver vi Kunden besked inden 36 t. efter opdagelsen.", 36),
    ("da", "36-timersfristen for underretning af Kunden løber fra Leverandørens kendskab til bruddet.", 36),
    ("da", "Brud på persondatasikkerheden indberettes til Kunden senest næstkommende arbejdsdag.", 24),
])
def test_deadlines_in_other_words(lang, text, hours):
    assert extract_deadline(text, 0, lang).get("hours") == hours


def test_a_sub_processors_deadline_in_a_subordinate_clause_is_not_the_customers():
    text = ("Leverandøren sikrer, at disse underretter Leverandøren senest 12 timer efter, at de er blevet bekendt med et "
            "brud, og Leverandøren orienterer derefter Kunden uden unødig forsinkelse.")
    found = extract_deadline(text, 0, "da")
    assert found.get("not_to_customer") or found.get("hours") is None


@pytest.mark.parametrize("lang, text, hours", [
    ("da", "Får nogen uberettiget adgang til dine kundedata, hører du fra os inden for 48 timer.", 48),
    ("da", "Vi giver dig besked senest 2 hverdage efter, at dine personoplysninger er blevet tilgængelige for "
           "uvedkommende.", 48),
    ("da", "Indberetter en underleverandør et brud til os, videresender vi meldingen til Kunden inden 24 timer.", 24),
    ("da", "Hændelser, der kan true integriteten af Kundens data, meddeles Kunden inden 6 timer.", 6),
    ("en", "If a subcontractor reports a data breach to the Host, the Host will forward it to the Client within 12 "
           "hours.", 12),
])
def test_breach_notices_in_other_words(tmp_path: Path, library, lang, text, hours):
    finding = _finding(tmp_path, library, text, lang, "DD-8.1")
    assert finding.status == "met" and finding.values.get("hours") == hours


@pytest.mark.parametrize("lang, text, amount, currency", [
    ("en", "The Host is liable for at most GBP 60,000 in any contract year.", 60000, "GBP"),
    ("en", "In a calendar year the Host will pay at most EUR 25,000 for all claims under this Agreement.", 25000, "EUR"),
    ("en", "The maximum compensation payable by the Host is USD 80,000 per year.", 80000, "USD"),
    ("da", "Foreningen hæfter maks. 15.000 kr. for tab, uanset årsagen.", 15000, "DKK"),
])
def test_caps_in_other_words(tmp_path: Path, library, lang, text, amount, currency):
    finding = _finding(tmp_path, library, text, lang, "DD-4.6")
    assert finding.status == "met"
    assert (finding.values.get("amount"), finding.values.get("currency")) == (amount, currency)


@pytest.mark.parametrize("lang, text", [
    ("da", "Bureauets erstatningsansvar begrænses til den dækning, som bureauets ansvarsforsikring giver."),
    ("da", "Uanset grundlaget erstattes driftstab ikke."),
    ("da", "Medlemmet kan ikke rejse krav mod klubben for tabt fortjeneste eller andre følgetab."),
])
def test_limits_without_a_sum_are_addressed(tmp_path: Path, library, lang, text):
    assert _finding(tmp_path, library, text, lang, "DD-4.6").status == "weak"


@pytest.mark.parametrize("lang, text, req, status", [
    # the channel of a notice to people whose data a breach touched, and a security mailbox as e-mail
    ("da", "Er dine kundeoplysninger ramt af et brud, skriver vi til dig på e-mail samme dag.", "DD-8.4", "met"),
    ("da", "Leverandøren underretter Kunden om sikkerhedsbrud via Kundens sikkerhedspostkasse.", "DD-8.4", "met"),
    # insurance a party must be "i besiddelse af"
    ("da", "Montøren skal under hele aftalen være i besiddelse af en erhvervsansvarsforsikring.", "DD-6.1", "weak"),
    # scraping made a breach, and scripts that fetch data automatically
    ("da", "Crawling af kataloget og automatiseret indsamling af priser betragtes som misbrug.", "DD-4.5", "weak"),
    ("da", "Kunden sørger for, at ingen af dets underleverandører anvender scripts eller makroer til automatisk at hente "
           "fakturaer fra Portalen.", "DD-4.5", "weak"),
    # Danish data rules: destruction, storage encrypted, a subcontractor given access
    ("da", "Oplysninger om tidligere medlemmer bortskaffes, når opbevaringsfristen er udløbet.", "DD-4.3", "weak"),
    ("da", "Foreningens data krypteres ved lagring på vores servere.", "DD-4.3", "weak"),
    ("da", "Ingen underleverandør får adgang til Kundens data uden Kundens godkendelse.", "DD-4.3", "weak"),
    # use rules: use against the rules, use for another purpose
    ("da", "Anvendelse af Portalen i strid med Kommunens retningslinjer kan medføre lukning af adgangen.", "DD-4.4", "met"),
    ("da", "Ønsker Kunden at bruge Systemet til andet end lønbehandling, kræver det en ny aftale.", "DD-4.4", "met"),
    # the processing moved to another country, files exchanged encrypted, a list of sub-processors
    ("da", "Behandlingen flyttes ikke til et andet land, før Foreningen er varslet.", "DD-4.3", "weak"),
    ("da", "Udveksling af lønfiler mellem parterne sker krypteret via SFTP.", "DD-4.3", "weak"),
    ("da", "Databehandleren holder en liste over sine underdatabehandlere ajour.", "DD-4.3", "weak"),
    # material that may not be downloaded or exported
    ("da", "Kursusvideoerne må ikke downloades eller vises for andre.", "DD-4.5", "weak"),
    # a leak, and "you hear from us" by a channel
    ("da", "Er dine kortoplysninger blevet lækket, hører du fra os i en sms.", "DD-8.4", "met"),
    # no right to compensation; what a party covers at most
    ("da", "Flyttes et kursus, har deltagerne ikke krav på erstatning.", "DD-4.6", "weak"),
    ("da", "Udlejeren dækker højst 30.000 kr. for skader på lejers gods.", "DD-4.6", "met"),
    # said of what the heading names
    ("da", "Ophævelse\n\nDen kan finde sted, hvis Leverandøren væsentligt misligholder kontrakten.\n", "DD-4.7", "weak"),
    ("da", "Erstatning\n\nDen kan aldrig overstige 40.000 kr. pr. år.\n", "DD-4.6", "met"),
    ("da", "Brug af portalen\n\nDen er alene beregnet til foreningens egne arrangementer.\n", "DD-4.4", "met"),
    ("da", "Dit indhold\n\nDet må ikke krænke andres rettigheder eller indeholde reklame.\n", "DD-4.4", "met"),
    ("da", "Tab af data\n\nDet dækker vi ikke. Tag selv en kopi af dine filer.\n", "DD-4.6", "weak"),
    ("en", "Loss of data\n\nWe do not cover it, so keep copies of your files.\n", "DD-4.6", "weak"),
])
def test_danish_wordings_of_the_round(tmp_path: Path, library, lang, text, req, status):
    assert _finding(tmp_path, library, text, lang, req).status == status


def test_a_countrys_authority_is_an_authority():
    text = ("The Host shall report significant incidents to the Irish authority named under the NIS2 rules within 24 "
            "hours, and shall inform the Client without undue delay.")
    assert extract_deadline(text, 0, "en").get("not_to_customer") is True


def test_the_contracting_authority_is_the_customer():
    assert not extract_deadline("The Supplier shall notify the Contracting Authority of any security incident within 24 "
                                "hours.", 0, "en").get("not_to_customer")


@pytest.mark.parametrize("lang, text, amount", [
    ("en", "Each party's liability is limited to the fees for one year, but never less than EUR 200,000 and never more "
           "than EUR 900,000.", 900000),
    ("da", "Ansvaret er begrænset til vederlaget, dog mindst 300.000 kr. og højst 1,2 mio. kr.", 1200000),
    ("da", "Ansvaret er begrænset til 20 % af kontraktsummen, dog mindst 400.000 kr.", 400000),
])
def test_a_floor_beside_a_ceiling_is_not_the_cap(lang, text, amount):
    from ddcontract.amounts import extract_money
    assert extract_money(text, 0, lang)["amount"] == amount


# the rules alone (the model off): a security reason is met, a breach in general weak
@pytest.mark.parametrize("text, status", [
    ("Efter gentagne sikkerhedshændelser hos Udbyderen kan Foreningen afslutte samarbejdet uden varsel.", "met"),
    ("Kunden kan ophæve aftalen, hvis Leverandørens ISO 27001-certificering bortfalder.", "met"),
    ("Overfører Leverandøren personoplysninger til et tredjeland uden samtykke, kan Kunden ophæve aftalen.", "met"),
    ("Manglende overholdelse af Kommunens instrukser om behandlingen giver Kommunen adgang til ophævelse af kontrakten.",
     "met"),
    ("Misbrug af foreningens både, herunder sejlads i beruset tilstand eller udlån af nøglen til personer uden for "
     "klubben, medfører eksklusion.", "weak"),
    ("Når vi lukker din konto\n\nDet kan ske, hvis du overtræder reglerne for opslag.\n", "weak"),
    ("Misbrug af bookingsystemet\n\nSom misbrug regnes dobbeltbooking af baner.\n\nI sådanne tilfælde kan klubben "
     "nedlægge din profil.\n", "weak"),
])
def test_danish_termination(tmp_path: Path, library, text, status):
    if "\n\n" not in text:
        text = f"Vilkår\n\n{text}\n"
    assert finding_in(tmp_path, library, text, "da", "DD-4.7", model=False).status == status


@pytest.mark.parametrize("lang, text, status", [
    # data affected by a breach as the condition of the notice is not what the notice contains
    ("da", "Vi skriver til dig på e-mail, hvis dine medlemsoplysninger har været ramt af et databrud.", "missing"),
    # content stated after such a condition still counts
    ("da", "Hvis Kundens data er berørt af bruddet, skal underretningen beskrive bruddet og de trufne foranstaltninger.",
     "met"),
])
def test_a_breach_that_touched_data_as_the_notices_condition(tmp_path: Path, library, lang, text, status):
    assert _finding(tmp_path, library, text, lang, "DD-8.3").status == status
