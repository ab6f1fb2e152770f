"""A Danish "§" divided into numbered paragraphs ("Stk. 1.", "Stk. 2."): a finding is cited as Danish lawyers cite it,
"§ 9, stk. 3", and the paragraphs of one § are still read together. The examples are written for this project."""

from __future__ import annotations

from pathlib import Path

from ddcontract.check import CheckOptions, check_file
from ddcontract.ingest import load_document

CONTRACT = """\
DRIFTSAFTALE

§ 8. Sikkerhed

Stk. 1. Leverandøren skal opfylde kravene i bilag 3.

§ 9. Brud på sikkerheden

Stk. 1. Leverandøren skal underrette Kunden om ethvert sikkerhedsbrud senest 24 timer efter, at Leverandøren er blevet
opmærksom på det.

Stk. 2. Underretningen skal beskrive bruddets karakter, de berørte data og systemer og de trufne foranstaltninger.

Stk. 3. Underretningen sker telefonisk og bekræftes pr. e-mail til Kundens kontaktperson i bilag 1.

§ 10. Ansvar

Leverandørens samlede ansvar er begrænset til 500.000 kr. pr. kontraktår.
"""


def _check(tmp_path: Path, library, text: str):
    path = tmp_path / "driftsaftale.txt"
    path.write_text(text, encoding="utf-8")
    return path, {f.id: f for f in check_file(path, library, CheckOptions(language="da")).requirements}


def test_each_stk_is_cited_under_its_paragraph(tmp_path: Path, library):
    path, found = _check(tmp_path, library, CONTRACT)
    sections = [b.section for b in load_document(path).blocks if b.text.strip()]
    assert "§ 9, stk. 1" in sections and "§ 9, stk. 3" in sections and "§ 10" in sections
    assert found["DD-8.1"].status == "met" and found["DD-8.1"].evidence[0].section == "§ 9, stk. 1"
    assert found["DD-8.1"].evidence[0].heading == "Brud på sikkerheden"
    assert found["DD-8.3"].evidence[0].section == "§ 9, stk. 2"
    assert found["DD-8.4"].evidence[0].section == "§ 9, stk. 3"
    # a § without numbered paragraphs is cited as before
    assert found["DD-4.6"].evidence[0].section == "§ 10"


def test_a_deadline_in_the_next_stk_is_read_with_the_duty_in_the_first(tmp_path: Path, library):
    """ "Underretningen skal ske senest 24 timer efter opdagelsen" under a heading that names no breach is a breach
    notice's deadline only beside a duty to notify a breach: the duty is in stk. 1, the deadline in stk. 2 of the same
    §."""
    text = CONTRACT.replace("§ 9. Brud på sikkerheden", "§ 9. Underretning").replace(
        "Stk. 1. Leverandøren skal underrette Kunden om ethvert sikkerhedsbrud senest 24 timer efter, at Leverandøren er "
        "blevet\nopmærksom på det.",
        "Stk. 1. Leverandøren skal underrette Kunden om ethvert sikkerhedsbrud.").replace(
        "Stk. 2. Underretningen skal beskrive",
        "Stk. 2. Underretningen skal ske senest 24 timer efter opdagelsen og skal beskrive")
    _, found = _check(tmp_path, library, text)
    deadline = found["DD-8.1"]
    assert deadline.status == "met" and deadline.values["hours"] == 24, deadline
    assert any(e.section == "§ 9, stk. 2" for e in deadline.evidence)
