"""The value reader on wordings met in the value probes and real sets studied in the twenty-eighth round, written here in
our own words: the authority's deadline and, after a semicolon, the provider's own notice to the customer; a general cap
beside one for data-protection claims only."""

from __future__ import annotations

import json

import pytest

from ddcontract.cli import app
from ddcontract.values import extract_deadline


@pytest.mark.parametrize("text, lang, hours, theirs", [
    # the authority's deadline, then after a semicolon the provider's own notice to the customer
    ("The Member reports breaches to the supervisory authority within 72 hours; so that it can, the Host shall, "
     "within 30 hours of learning of a breach, tell the Member of it.", "en", 30, False),
    ("Kunden anmelder brud til Datatilsynet inden for 72 timer; for at Kunden kan det, skal Udbyderen senest 20 timer "
     "efter opdagelsen underrette Kunden om bruddet.", "da", 20, False),
    # after the semicolon the authority's notice goes on: still the authority's
    ("Udbyderen bistår Kunden med anmeldelsen til Datatilsynet; anmeldelsen skal ske inden for 72 timer.", "da", 72, True),
])
def test_a_semicolon_ends_the_authoritys_deadline_only_when_the_customer_is_told_after_it(text, lang, hours, theirs):
    found = extract_deadline(text, text.index(";"), lang=lang)
    assert found["hours"] == hours and bool(found.get("not_to_customer")) == theirs


@pytest.mark.parametrize("text, lang, amount", [
    ("9. Liability\n\n9.1 The Host's total liability for claims arising from its breach of the data protection laws "
     "shall not exceed GBP 60,000.\n\n9.2 Subject to 9.1, the Host's total liability under these Terms shall not "
     "exceed GBP 900.\n", "en", 900),
    ("9. Ansvar\n\n9.1 For krav om brud på persondatasikkerheden gælder et særskilt ansvarsloft på 3 mio. kr.\n\n"
     "9.2 Udbyderens samlede ansvar efter aftalen kan i øvrigt ikke overstige 400.000 kr.\n", "da", 400000),
])
def test_the_general_cap_is_read_before_one_for_data_protection_claims(runner, tmp_path, text, lang, amount):
    path = tmp_path / "terms.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--lang", lang, "--format", "json"])
    assert result.exit_code == 0, result.output
    cap = {r["id"]: r for r in json.loads(result.output)["requirements"]}["DD-4.6"]
    assert cap["status"] == "met" and cap["values"]["amount"] == amount


@pytest.mark.parametrize("text, lang, amount, formula", [
    ("9. Liability\n\n9.1 The Customer's liability is limited to GBP 20,000.\n\n9.2 The Host's liability is limited to "
     "the fees paid in the last twelve months.\n", "en", None, True),
    ("9. Ansvar\n\n9.1 Medlemmets ansvar er begrænset til 20.000 kr.\n\n9.2 Udbyderens ansvar er begrænset til det "
     "samlede vederlag for de seneste 12 måneder.\n", "da", None, True),
    # a cap of both parties is read before a sum for the customer alone
    ("9. Liability\n\n9.1 The Customer's liability is limited to GBP 20,000.\n\n9.2 Each party's total liability "
     "shall not exceed GBP 250,000.\n", "en", 250000, False),
])
def test_the_providers_cap_is_read_before_the_customers(runner, tmp_path, text, lang, amount, formula):
    path = tmp_path / "terms.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--lang", lang, "--format", "json"])
    assert result.exit_code == 0, result.output
    cap = {r["id"]: r for r in json.loads(result.output)["requirements"]}["DD-4.6"]
    assert cap["status"] == "met" and cap["values"]["amount"] == amount and bool(cap["values"]["formula"]) == formula
