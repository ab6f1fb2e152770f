"""Unnumbered headings in sentence case, as plain-language terms write them ("Use of the booking system", "Brug af
tjenesten"): read as the heading of the paragraph below them in plain text, so a heading rule can read "it" in the
paragraph as what the heading names. Lines with a figure (page footers) and lines over a list are not headings."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcontract.check import CheckOptions, check_file
from ddcontract.ingest import load_document


def _headings(tmp_path: Path, text: str) -> list[tuple[str, str | None]]:
    path = tmp_path / "terms.txt"
    path.write_text(text, encoding="utf-8")
    return [(b.text, b.heading) for b in load_document(path).blocks]


@pytest.mark.parametrize("title, body", [
    ("Use of the booking system", "It may only be used by members to reserve courts for their own games."),
    ("Brug af bookingsystemet", "Det må kun benyttes af medlemmer til at reservere baner til egne kampe."),
    # a title put as a question: its verb ("can't", "må") does not make it a sentence
    ("What happens if you miss a payment?", "We send a reminder and may pause the service after 14 days."),
    ("What you can't do", "You must not open more than one account."),
    ("Hvad sker der, hvis du ikke betaler?", "Vi sender en rykker og kan sætte tjenesten på pause efter 14 dage."),
    ("Hvad du ikke må", "Du må ikke oprette mere end én konto."),
])
def test_a_sentence_case_line_over_a_paragraph_is_its_heading(tmp_path: Path, title: str, body: str):
    blocks = _headings(tmp_path, f"{title}\n\n{body}\n")
    assert blocks[-1] == (body, title)


@pytest.mark.parametrize("text", [
    # a page footer between two paragraphs of one clause
    "Returns\n\nYou may return an item within 30 days.\n\nPrinted on 4 March from the members area\n\n"
    "Refunds are paid to the card used.\n",
    # a line over a bulleted list is its lead-in's business, not a title
    "Returns\n\nYou may return an item within 30 days.\n\nDocuments you need to bring along\n\n- the receipt\n",
    # a question that is not short, or that does not start with a question word, is a sentence of the text
    "Returns\n\nWhat should you do if the parcel arrives damaged and the driver has already left?\n\n"
    "Take a photo and write to us.\n",
    "Returns\n\nDo you have questions?\n\nWrite to us at any time.\n",
])
def test_a_footer_or_a_line_over_a_list_is_not_a_heading(tmp_path: Path, text: str):
    blocks = _headings(tmp_path, text)
    assert all(heading == "Returns" for _, heading in blocks[1:]), blocks


@pytest.mark.parametrize("lang, text, rule", [
    ("en", "Use of the booking system\n\nIt may only be used by members to reserve courts for their own games.\n",
     "acceptable-use-under-heading"),
    ("da", "Brug af bookingsystemet\n\nDet må kun benyttes af medlemmer til at reservere baner til egne kampe.\n",
     "acceptable-use-under-heading"),
    # a ban under a title that asks what users may not do
    ("en", "What you can't do\n\nYou must not pretend to be somebody else.\n", "prohibitions-under-rules-heading"),
    ("da", "Hvad må du ikke?\n\nDu må ikke give dig ud for at være en anden.\n", "prohibitions-under-rules-heading"),
])
def test_the_heading_carries_the_subject_of_it(tmp_path: Path, library, lang: str, text: str, rule: str):
    path = tmp_path / "terms.txt"
    path.write_text(text, encoding="utf-8")
    finding = next(f for f in check_file(path, library, CheckOptions(language=lang)).requirements if f.id == "DD-4.4")
    assert finding.status in ("met", "weak")
    assert finding.evidence[0].rule == rule
    # the evidence is the rule's own sentence; a question over it is read as its lead-in (the answer after its question)
    body = text.split("\n\n")[1].strip()
    assert all(e.text == body or (e.text.endswith(body) and e.text.startswith(text.split("\n")[0] + " "))
               for e in finding.evidence)
    assert all("can't do" not in e.text for e in finding.evidence)


def test_a_lead_in_after_a_finished_item_starts_a_list_of_its_own(tmp_path: Path):
    """"Du må ikke:" after "- … private formål." is the lead-in of the next list, not the wrapped end of the item."""
    path = tmp_path / "terms.txt"
    path.write_text("Du må gerne:\n- bruge appen til private formål.\nDu må ikke:\n- kopiere appen.\n", encoding="utf-8")
    from ddcontract.segment import clauses_of
    sentences = [s.text for c in clauses_of(load_document(path).blocks) for s in c.sentences]
    assert "Du må ikke: - kopiere appen." in sentences
    assert not any("gerne" in s and "kopiere" in s for s in sentences)


@pytest.mark.parametrize("lang, text, heading", [
    ("da", "4. Sådan må du bruge appen\n\nDu må gerne bruge den til private formål.\n", "Sådan må du bruge appen"),
    ("en", "4. How you may use the app\n\nYou may use it for your own household.\n", "How you may use the app"),
])
def test_a_numbered_plain_language_title_over_unnumbered_text_is_its_heading(tmp_path: Path, lang: str, text: str,
                                                                           heading: str):
    blocks = _headings(tmp_path, text)
    assert blocks[-1][1] == heading


def test_a_numbered_clause_that_is_a_sentence_is_not_a_title(tmp_path: Path):
    blocks = _headings(tmp_path, "4. The Supplier shall keep the data in the EU\n\nThis applies to backups too.\n")
    assert blocks[-1][1] != "The Supplier shall keep the data in the EU"



@pytest.mark.parametrize("lang, text", [
    ("en", "Our plans\n\nUnlimited means normal household use, so you can't use the plan to run a call centre.\n"),
    ("da", "Vores abonnementer\n\nFri data betyder almindelig privat brug, så du må ikke bruge abonnementet til at drive et "
     "callcenter.\n"),
])
def test_a_definition_that_goes_on_to_a_duty_is_read(tmp_path: Path, library, lang: str, text: str):
    """"X means …, so you can't …": the sentence defines a word and then states a rule; it is read, not set aside as a
    definition."""
    path = tmp_path / "terms.txt"
    path.write_text(text, encoding="utf-8")
    finding = next(f for f in check_file(path, library, CheckOptions(language=lang)).requirements if f.id == "DD-4.4")
    assert finding.status == "met"
    assert "call" in finding.evidence[0].text


@pytest.mark.parametrize("text, entry", [
    ("Bilag 3\n\nResponstid ved kritisk fejl: 2 timer\nUnderretning af Kunden ved sikkerhedsbrud: 30 timer fra "
     "konstatering\nStatusrapport: senest 5. hverdag i måneden\n", "Underretning af Kunden ved sikkerhedsbrud: 30 timer fra "
     "konstatering"),
    ("Schedule 3\n\nResponse time for critical faults: 2 hours\nBreach notice to the Customer: 30 hours from detection\n"
     "Status report: by the fifth working day of each month\n", "Breach notice to the Customer: 30 hours from detection"),
])
def test_lines_of_labels_and_values_are_entries_of_their_own(tmp_path: Path, text: str, entry: str):
    """A run of "Label: value" lines is a list without bullets: each line is read on its own, so the deadline of one
    entry is not read into another."""
    path = tmp_path / "terms.txt"
    path.write_text(text, encoding="utf-8")
    from ddcontract.segment import clauses_of
    sentences = [s.text for c in clauses_of(load_document(path).blocks) for s in c.sentences]
    assert entry in sentences


def test_a_wrapped_sentence_with_a_colon_is_not_cut(tmp_path: Path):
    path = tmp_path / "terms.txt"
    path.write_text("The Host notifies the Customer of any breach as follows: by email\nwithin 24 hours of detection.\n",
                    encoding="utf-8")
    from ddcontract.segment import clauses_of
    sentences = [s.text for c in clauses_of(load_document(path).blocks) for s in c.sentences]
    assert any("by email within 24 hours" in s for s in sentences)
