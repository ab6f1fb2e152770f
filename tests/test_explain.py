"""``ddcontract check FILE --explain ID``: why a requirement got its status, in both languages."""

from __future__ import annotations

import json

import pytest
from pathlib import Path

from ddcontract.cli import app

EN = """\
1. Term and Termination

1.1 Either party may terminate this Agreement if the other party materially breaches it and does not cure the \
breach within 30 days.

1.2 Either party may terminate this Agreement for convenience if it gives 90 days' notice, even where the other \
party has materially breached it.

2. Security

2.1 The Supplier shall notify the Customer of any Security Incident within 24 hours.
"""

DA = """\
1. Sikkerhedsbrud

1.1 Leverandøren skal underrette Kunden om ethvert sikkerhedsbrud senest 48 timer efter, at Leverandøren er \
blevet bekendt med det.

1.2 Underretningen sendes til Kundens it-sikkerhedsansvarlige.
"""


def _explain(runner, tmp_path: Path, text: str, target: str, *options: str) -> dict:
    path = tmp_path / "contract.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "json", "--explain", target, *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["explain"]


def test_explain_shows_the_deciding_match_the_veto_and_the_near_miss(runner, tmp_path: Path):
    got = _explain(runner, tmp_path, EN, "DD-4.7")
    assert got["status"] == "weak" and "termination-material-breach" in got["rules"]
    outcomes = {(m["rule"], m["section"]): m for m in got["matches"]}
    # the sentence that decides is quoted once, by the first of the rules that found it; the others are listed as matched
    decides = [m for m in got["matches"] if m["section"] == "1.1" and m["outcome"] == "evidence"]
    assert len(decides) == 1 and "materially breaches" in decides[0]["matched"]
    assert outcomes[("termination-material-breach", "1.1")]["outcome"] in ("evidence", "matched")
    vetoed = outcomes[("termination-material-breach", "1.2")]
    assert vetoed["outcome"] == "vetoed" and vetoed["why"].startswith("convenience ~25 even")
    # a right to terminate for breach, lacking only the security words of the security-breach rule
    near = [n for n in got["near_misses"] if n["rule"] == "termination-security-breach" and n["section"] == "1.1"]
    assert near and any("security" in word for word in near[0]["lacking"])


def test_explain_a_missing_requirement_in_danish(runner, tmp_path: Path):
    got = _explain(runner, tmp_path, DA, "DD-8.2")
    assert got["status"] == "missing"
    assert [m["rule"] for m in got["matches"] if m["outcome"] == "evidence"] == ["notify-one-way"]
    # the duty is there; what a mutual duty says is not
    assert any(n["rule"] == "notify-mutual" and n["section"] == "1.1" and n["lacking"] for n in got["near_misses"])


def test_explain_on_the_console_in_the_report_language(runner, tmp_path: Path):
    path = tmp_path / "aftale.txt"
    path.write_text(DA, encoding="utf-8")
    danish = runner.invoke(app, ["check", str(path), "--explain", "DD-8.1", "--no-color"])
    assert danish.exit_code == 0
    assert "Hvorfor DD-8.1: opfyldt" in danish.output and "[afgør] notify-deadline" in danish.output
    english = runner.invoke(app, ["check", str(path), "--explain", "DD-8.1", "--no-color", "--report-lang", "en"])
    assert "Why DD-8.1: met" in english.output and "[decides] notify-deadline" in english.output


def test_explain_a_flag_that_is_not_raised(runner, tmp_path: Path):
    got = _explain(runner, tmp_path, EN, "WF-2")
    assert got["status"] is None and got["matches"] == [] and got["rules"]


def test_explain_an_unknown_id_is_a_one_line_error(runner, tmp_path: Path):
    path = tmp_path / "contract.txt"
    path.write_text(EN, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--explain", "DD-9.9"])
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "DD-9.9" in lines[0] and "not a requirement or flag ID" in lines[0]


def test_a_near_miss_names_the_lacking_words_as_the_rule_writes_them(runner, tmp_path: Path):
    """The matcher compares lemmas ("datum" for "data"); the explanation shows the rule's own words."""
    path = tmp_path / "contract.txt"
    path.write_text("1.1 The Supplier shall notify the Customer of any compromise within 24 hours.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--explain", "DD-8.1", "--format", "json"])
    near = json.loads(result.output)["explain"]["near_misses"]
    lacking = [w for n in near if n["rule"] == "notify-deadline" for w in n["lacking"]]
    assert any("data" in w.split("|") and "security" in w.split("|") for w in lacking), lacking
    assert not any("datum" in w.split("|") for w in lacking), lacking


ALONE = {
    "en": "12. Term\n\n12.1 Either party may end this Agreement by written notice.\n\n"
          "12.2 Such notice shall be given within 30 days of the anniversary.\n",
    "da": "12. Løbetid\n\n12.1 Hver part kan bringe Aftalen til ophør skriftligt.\n\n"
          "12.2 Meddelelsen skal gives senest 30 dage før aftaleårets afslutning.\n",
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_rule_that_needs_company_says_so_when_alone(runner, tmp_path, lang):
    explained = _explain(runner, tmp_path, ALONE[lang], "DD-8.1")
    assert explained["status"] == "missing"
    alone = [m for m in explained["matches"] if m["outcome"] == "alone"]
    assert [m["rule"] for m in alone] == ["notify-deadline-follow-up"]
    assert alone[0]["why"] == "notify-deadline"


BAA = """\
1. Services

The Provider hosts the Member Portal for the Plan.

2. {parent}

2.1 Permitted Uses

The Business Associate may use health information only to run the Member Portal.

2.2 Prohibited Uses

The Business Associate shall not sell health information.
"""


def test_a_sub_heading_is_read_in_the_sense_of_a_vetoed_parent_heading(runner, tmp_path: Path):
    """"2.1 Permitted Uses" under "2. Permitted Uses and Disclosures of Health Information" is about the
    business associate's uses of health data (the parent's veto), not how the customer may use the service."""
    got = _explain(runner, tmp_path, BAA.format(parent="Permitted Uses and Disclosures of Health Information"),
                   "DD-4.4")
    assert got["status"] == "missing"
    outcomes = {m["section"]: m for m in got["matches"] if m["rule"] == "acceptable-use"}
    assert outcomes["2"]["outcome"] == "vetoed"
    assert outcomes["2.1"]["outcome"] == outcomes["2.2"]["outcome"] == "parent"
    assert outcomes["2.1"]["why"] == "2"
    # under a parent heading that nothing vetoes, the same sub-headings count
    got = _explain(runner, tmp_path, BAA.format(parent="Use of the Portal"), "DD-4.4")
    assert got["status"] == "met"
    assert {m["outcome"] for m in got["matches"]
            if m["section"] in ("2.1", "2.2") and m["rule"] == "acceptable-use"} <= {"evidence", "matched"}


@pytest.mark.parametrize("lang, text, words", [
    ("en", "1. Security Incidents\n\n1.1 The Supplier shall notify the Customer of any Security Incident within 24 "
           "hours.\n\n1.2 The notice shall include the name and telephone number of a contact person.\n",
     "names none of (description, affected data and systems, measures)"),
    ("da", "1. Sikkerhedsbrud\n\n1.1 Leverandøren skal underrette Kunden om ethvert sikkerhedsbrud senest 24 timer "
           "efter, at Leverandøren er blevet bekendt med det.\n\n1.2 Underretningen skal indeholde navn og "
           "telefonnummer på en kontaktperson.\n",
     "nævner intet af (beskrivelse, berørte data og systemer, foranstaltninger)"),
])
def test_a_match_that_names_none_of_the_aspects_says_so(runner, tmp_path: Path, lang, text, words):
    """DD-8.3 counts the elements a notice's content names: a match on "the notice shall include" that
    names none of them cannot make the requirement addressed, and --explain says why."""
    got = _explain(runner, tmp_path, text, "DD-8.3")
    assert got["status"] == "missing"
    names = [m for m in got["matches"] if m["outcome"] == "names"]
    assert [m["section"] for m in names] == ["1.2"]
    assert names[0]["why"] == "description, affected, measures"
    path = tmp_path / "contract.txt"
    result = runner.invoke(app, ["check", str(path), "--explain", "DD-8.3"])
    assert result.exit_code == 0 and words in " ".join(result.output.split())


def test_explain_names_the_paragraph_that_vetoes_a_run_in_title(runner, tmp_path: Path):
    text = ("1. Scope. The Host runs the booking platform for the Club.\n\n2. Authorized Use. The member records shared "
            "under this Agreement shall be used for no purpose other than running the platform.\n")
    got = _explain(runner, tmp_path, text, "DD-4.4")
    assert got["status"] == "missing"
    title = [m for m in got["matches"] if m["outcome"] == "title"]
    assert title and title[0]["section"] == "2" and title[0]["matched"] == "Authorized Use"
    assert "purpose" in title[0]["why"]
