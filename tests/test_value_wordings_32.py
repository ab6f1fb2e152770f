"""The breach deadline of the first notice, not of the later report, when the report is named by a compound word
("hændelsesrapport", "statusopdatering") and the first notice's deadline stands in a relative clause. Written for
this test."""

from __future__ import annotations

import pytest

from ddcontract.deadlines import extract_deadline


@pytest.mark.parametrize("text, lang, hours", [
    ("Efter den indledende underretning, som skal gives inden for otte timer, sender Databehandleren en endelig "
     "hændelsesrapport senest 14 dage efter bruddets afslutning.", "da", 8),
    ("Leverandøren underretter Kunden senest 24 timer efter opdagelsen og sender en skriftlig hændelsesrapport inden "
     "for 5 arbejdsdage.", "da", 24),
    ("Ved et sikkerhedsbrud, som Kunden skal have besked om inden for 12 timer, udarbejder Leverandøren en "
     "statusopdatering senest tre dage efter.", "da", 12),
    ("After the first notice, which is due within six hours, the Provider sends a final status update no later than "
     "ten days after the incident is closed.", "en", 6),
])
def test_the_first_notice_deadline_beats_a_report_named_by_a_compound(text, lang, hours):
    assert extract_deadline(text, lang=lang)["hours"] == hours


def test_a_report_deadline_alone_is_still_read():
    # with no earlier notice, the report's deadline is the one there is
    found = extract_deadline("Leverandøren sender en hændelsesrapport til Kunden senest 48 timer efter bruddet.", lang="da")
    assert found["hours"] == 48
