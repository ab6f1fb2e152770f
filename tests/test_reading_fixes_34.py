"""Reading fixes of the thirty-fourth round (the passages are written for this test).

- A company form that closes a name ("… operated by Hollin Tech Inc. All rights reserved.", "… Fyrreby ApS. Du kan …")
  ends its sentence when a word that opens sentences follows; "Inc. Customer Support" and "Co. Ltd." stay whole.
- "maks." (maksimalt) is an abbreviation: "Vi hæfter maks. 10.000 kr." was cut after "maks." and its amount lost.
- A label line and its value ("Frist: Senest 24 timer efter konstatering", "Channel: telephone, then e-mail") is not a
  heading: a table written as lines under an annex's title was read as a new clause headed by its first row, and the
  rows lost the title ("Bilag 4 – Sikkerhedsbrud") that says what they are about.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import finding_in
from ddcontract.ingest.sections import looks_like_heading, sentence_case_title
from ddcontract.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize("text, first", [
    ("This site is run by Hollin Tech Inc. All rights reserved.", "This site is run by Hollin Tech Inc."),
    ("Provided by Marrow Data LLC. If you breach these terms, we may close your account.", "Provided by Marrow Data LLC."),
    ("Tjenesten drives af Fyrreby ApS. Du kan skrive til os på mail.", "Tjenesten drives af Fyrreby ApS."),
    ("Leverandør er Kobbervig A/S. Kunden betaler månedsvis.", "Leverandør er Kobbervig A/S."),
])
def test_a_company_form_ends_its_sentence_before_an_opening_word(text, first):
    assert _sentences(text)[0] == first


@pytest.mark.parametrize("text", [
    "Write to Hollin Tech Inc. Customer Support at the address below.",
    "The supplier is Tanaka Trading Co. Ltd. of Osaka.",
    "Kobbervig A/S. CVR 12 34 56 78.",
])
def test_a_company_form_inside_a_sentence_stays(text):
    assert len(_sentences(text)) == 1


def test_maks_is_an_abbreviation():
    assert len(_sentences("Vi hæfter maks. 25.000 kr. for tab, der skyldes fejl i appen.")) == 1


@pytest.mark.parametrize("line", [
    "Frist: Senest 24 timer efter konstatering",
    "Channel: Telephone, then encrypted e-mail",
    "Kontaktpunkt Hos Kunden: IT-sikkerhedsansvarlig",
])
def test_a_label_line_is_not_a_heading(line):
    assert not looks_like_heading(line)
    assert not sentence_case_title(line)


@pytest.mark.parametrize("line", ["Schedule 2: Security Measures", "Bilag 4: Sikkerhed", "LIABILITY: LIMITS"])
def test_a_parts_title_with_a_colon_is_still_a_heading(line):
    assert looks_like_heading(line)


@pytest.mark.parametrize("lang, text, req", [
    ("da", "Bilag 6 – Sikkerhedsbrud\n\nFrist: Senest 36 timer efter konstatering\n\nIndhold: En beskrivelse af "
           "hændelsen, de berørte registre og de trufne tiltag\n", "DD-8.3"),
    ("da", "Bilag 6 – Eskalation ved sikkerhedshændelser\n\nFrist: Senest 12 timer efter konstatering\n\n"
           "Kanal: Telefon, derefter krypteret e-mail\n", "DD-8.4"),
    ("en", "Schedule 7 - Breach escalation\n\nDeadline: Within 12 hours of detection\n\n"
           "Channel: Telephone, then encrypted e-mail\n", "DD-8.4"),
])
def test_label_lines_are_read_under_the_annexs_title(tmp_path: Path, library, lang, text, req):
    assert finding_in(tmp_path, library, text, lang, req, name="annex.txt").status != "missing"
