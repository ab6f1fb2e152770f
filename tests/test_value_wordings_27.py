"""The value reader on wordings met in the value probes studied in the twenty-seventh round (set `twelfth`), written
here in our own words: a mutual duty toward "the other party", a deadline given as "the same period" as the one before,
a time for returning or deleting data, a report counted from the first notice, the controller's own duty to report,
"a fortnight"; caps in English words with "and a half", a Danish per-claim cap "for det enkelte krav", and the
customer's cap beside the provider's."""

from __future__ import annotations

import pytest

from ddcontract.amounts import extract_money
from ddcontract.values import extract_deadline, extract_elements


@pytest.mark.parametrize("text, lang, hours", [
    # a mutual duty: the customer is "the other party" too
    ("Each party shall report any breach of data security to the other party within thirty-six (36) hours.", "en", 36),
    ("Ethvert sikkerhedsbrud meddeles til den anden part senest 48 timer efter opdagelsen.", "da", 48),
    # the deadline stated for the customer's notice, then "within the same period" for the provider's
    ("If the Buyer finds a breach in the Vendor's platform, it shall notify the Vendor within 12 hours, and the Vendor "
     "shall notify the Buyer within the same period of any breach it finds.", "en", 12),
    ("Opdager Kunden et brud, skal Kunden underrette Udbyderen inden for 6 timer, og Udbyderen skal underrette Kunden "
     "inden for samme frist om brud, som Udbyderen opdager.", "da", 6),
    ("The Supplier shall notify the Customer of any Security Incident within a fortnight of its discovery.", "en", 336),
])
def test_deadlines_read_from_the_words_around_them(text, lang, hours):
    found = extract_deadline(text, lang=lang)
    assert found["hours"] == hours and not found.get("not_to_customer")


@pytest.mark.parametrize("text, lang", [
    # the time for returning or deleting data is not the time for telling
    ("The Host shall erase all Member files within 60 days of termination and shall tell the Member of any breach "
     "affecting those files without delay.", "en"),
    ("Databehandleren skal slette alle personoplysninger senest 30 dage efter aftalens ophør og straks underrette den "
     "dataansvarlige om ethvert brud.", "da"),
    # a period of notice before something else, with "written" between
    ("The Host shall give the Member sixty (60) days' written notice before moving its servers, and shall inform the "
     "Member without undue delay of any security breach.", "en"),
    ("Udbyderen giver Kunden mindst 30 dages skriftligt varsel forud for prisændringer og underretter straks Kunden om "
     "sikkerhedsbrud.", "da"),
])
def test_a_time_for_something_else_is_not_the_notice_deadline(text, lang):
    found = extract_deadline(text, lang=lang)
    assert found.get("hours") is None and found.get("vague")


@pytest.mark.parametrize("text, lang", [
    ("The Vendor shall send a written root-cause analysis within five working days after the initial notification of "
     "the Security Incident.", "en"),
    ("Udbyderen fremsender en afsluttende rapport om hændelsen senest 7 dage efter den første underretning.", "da"),
])
def test_a_report_counted_from_the_first_notice_is_not_the_notice_deadline(text, lang):
    assert extract_deadline(text, lang=lang).get("hours") is None


@pytest.mark.parametrize("text, lang", [
    ("Den dataansvarlige skal anmelde bruddet inden for 72 timer.", "da"),
    ("The Controller shall notify the breach within 72 hours where the law requires it.", "en"),
])
def test_the_controllers_own_duty_is_not_toward_the_customer(text, lang):
    found = extract_deadline(text, lang=lang)
    assert found["hours"] == 72 and found.get("not_to_customer")


@pytest.mark.parametrize("text, lang, amount, currency", [
    ("A: Yes, at two and a half million euros in total.", "en", 2500000, "EUR"),
    ("The cap is half a million pounds for all claims together.", "en", 500000, "GBP"),
    # the aggregate for the year, not the cap for each claim
    ("Udbyderens ansvar for det enkelte krav er maksimeret til 100.000 kr., og for alle krav i et kontraktår til "
     "400.000 kr.", "da", 400000, "DKK"),
    # the customer's cap first, then the provider's: the provider's
    ("The Client's liability shall not exceed EUR 20,000. The Consultant's liability shall not exceed EUR 150,000.", "en",
     150000, "EUR"),
    ("Kundens ansvar er begrænset til 50.000 kr. Udbyderens ansvar er begrænset til 1,2 mio. kr.", "da", 1200000, "DKK"),
    # the provider's first stays
    ("The Supplier's liability shall not exceed EUR 1m, and the Customer's liability shall not exceed EUR 200,000.", "en",
     1000000, "EUR"),
])
def test_cap_amounts(text, lang, amount, currency):
    assert extract_money(text, lang=lang) == {"amount": amount, "currency": currency}


@pytest.mark.parametrize("text, lang, element", [
    ("Efter et brud får medlemmerne at vide, hvilke oplysninger der er endt i uvedkommendes hænder.", "da", "affected"),
    ("We will tell you which of your details may have fallen into the wrong hands.", "en", "affected"),
    ("Underretningen skal oplyse, hvilke skridt Udbyderen har taget for at stoppe lækket.", "da", "measures"),
])
def test_notice_contents_named_in_plain_words(text, lang, element):
    assert element in extract_elements(text, lang=lang)["elements"]
