"""The value reader and the check on wordings met in the real sets that arrived in the thirtieth round (real-dev165 to
real-dev171), written here in our own words: a breach notice's "likely consequences" said of the breach just named,
and a cap whose long list of parties and losses stands between "liability" and "exceed"."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcontract.check import CheckOptions, check_file
from ddcontract.values import extract_elements


@pytest.mark.parametrize("text, lang, element", [
    ("We will notify the Club of any personal data breach, with the details of the breach we then have and its likely "
     "consequences.", "en", "description"),
    ("Each breach notice gives what is known of the breach, their probable effects and the corrective actions begun.",
     "en", "description"),
])
def test_likely_consequences_of_the_breach_just_named_describe_it(text, lang, element):
    assert element in extract_elements(text, lang=lang)["elements"]


def test_likely_consequences_alone_in_a_sentence_without_its_pronoun_name_no_description():
    # "consequences" with no "its/their" and no "of the breach" is not read as the incident's description
    found = extract_elements("Late payment has consequences for the discount.", lang="en").get("elements", [])
    assert "description" not in found


def _dd46(tmp_path: Path, library, text: str) -> dict:
    path = tmp_path / "cap.txt"
    path.write_text(f"9. Limitation of Liability\n\n{text}\n", encoding="utf-8")
    finding = next(f for f in check_file(path, library, CheckOptions(language="en")).as_json()["requirements"]
                   if f["id"] == "DD-4.6")
    return finding


def test_a_cap_with_a_long_subject_is_found_with_its_amount(tmp_path, library):
    text = ("IN NO EVENT WILL THE TOTAL LIABILITY OF THE STUDIO, ITS OWNERS, STAFF, FREELANCERS, SUBCONTRACTORS AND "
            "SUPPLIERS, TO THE CLIENT OR TO ANYONE CLAIMING THROUGH THE CLIENT, FOR ANY AND ALL LOSSES, INJURIES, COSTS "
            "AND EXPENSES ARISING OUT OF, CONNECTED WITH OR IN ANY WAY RESULTING FROM THE BOOKING OR ITS CANCELLATION, "
            "EXCEED USD 2,500.")
    finding = _dd46(tmp_path, library, text)
    assert finding["status"] == "met"
    assert finding["values"]["amount"] == 2500 and finding["values"]["currency"] == "USD"


def test_a_long_sentence_about_losses_that_exceed_a_threshold_is_no_cap(tmp_path, library):
    text = ("The studio will tell the client at once where the losses, costs and expenses of a cancelled booking are "
            "likely to exceed the deposit, so that the client can decide whether to go on.")
    assert _dd46(tmp_path, library, text)["status"] == "missing"
