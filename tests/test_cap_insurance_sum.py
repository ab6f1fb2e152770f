"""A liability cap set at the insurance sum takes the sum the contract states elsewhere (``capref.py``), in both
languages; several different sums, or none, leave the cap without an amount, and an excess is no sum insured."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcontract.check import CheckOptions, check_file

CASES = [
    ("en", """# Terms of service

## 8. Insurance

The Studio holds professional indemnity insurance with cover of GBP 1,500,000 per claim.

## 9. Liability

The Studio's total liability under these terms is limited to the insured sum.
""", 1500000, "GBP", "stated in section 8"),
    ("da", """# Forretningsbetingelser

## Forsikringssummer

Bureauet har en ansvarsforsikring med en samlet dækning på 5 millioner kroner pr. skade.

## Ansvar

Bureauets ansvar er i alle tilfælde begrænset til beløbet angivet under "Forsikringssummer".
""", 5000000, "DKK", "angivet under »Forsikringssummer«"),
    ("en", """# Services agreement

1. The Contractor is insured against professional negligence to a value of EUR 800,000.

2. In any event, the Contractor's total liability under this agreement is limited to the lesser of:
   1. the fees paid in the year before the claim; and
   2. the insured sum.
""", 800000, "EUR", "stated in section 1"),
]


@pytest.mark.parametrize(("lang", "text", "amount", "currency", "where"), CASES)
def test_a_cap_set_at_the_insurance_sum_takes_the_sum(tmp_path: Path, library, lang, text, amount, currency, where):
    path = tmp_path / "terms.md"
    path.write_text(text, encoding="utf-8")
    finding = next(f for f in check_file(path, library, CheckOptions(language=lang)).requirements if f.id == "DD-4.6")
    assert finding.status == "met"
    assert (finding.values["amount"], finding.values["currency"]) == (amount, currency)
    # the finding says where the sum was read
    assert where in finding.message


@pytest.mark.parametrize(("lang", "text"), [
    # two different sums: which one caps is a reading for a lawyer
    ("en", """# Terms

## Insurance

The Studio holds professional indemnity insurance of GBP 1,000,000 and public liability insurance of GBP 5,000,000.

## Liability

The Studio's total liability is limited to the insured sum.
"""),
    # only the excess is an amount
    ("da", """# Vilkår

## Forsikring

Bureauet er forsikret mod ansvar med en selvrisiko på 10.000 kr. pr. skade.

## Ansvar

Bureauets ansvar er begrænset til forsikringssummen.
"""),
    # what the insurer pays out can be less than the sum: no fixed maximum
    ("en", """# Terms

## Insurance

The Studio holds professional indemnity insurance with cover of GBP 1,000,000 per claim.

## Liability

The Studio's liability is limited to the amount paid out under that insurance for the claim.
"""),
    ("da", """# Vilkår

## Forsikring

Bureauet har en erhvervsansvarsforsikring på 3 mio. kr. pr. skade.

## Ansvar

Bureauets ansvar er begrænset til det beløb, der udbetales under forsikringen i den enkelte sag.
"""),
])
def test_no_single_insurance_sum_leaves_the_cap_without_an_amount(tmp_path: Path, library, lang, text):
    path = tmp_path / "terms.md"
    path.write_text(text, encoding="utf-8")
    finding = next(f for f in check_file(path, library, CheckOptions(language=lang)).requirements if f.id == "DD-4.6")
    assert finding.values["amount"] is None


def test_a_cap_with_its_own_amount_keeps_it(tmp_path: Path, library):
    path = tmp_path / "terms.md"
    path.write_text("""# Terms

## Insurance

The Studio holds professional indemnity insurance of GBP 1,000,000.

## Liability

The Studio's liability is limited to the amount paid by its insurer, subject to a maximum of GBP 250,000.
""", encoding="utf-8")
    finding = next(f for f in check_file(path, library, CheckOptions(language="en")).requirements if f.id == "DD-4.6")
    assert (finding.values["amount"], finding.values["currency"]) == (250000, "GBP")
