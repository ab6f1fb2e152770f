"""`check` on a markup (issue 15, item 2): a DOCX with tracked changes is checked on both sides, the
requirements whose status the changes move are reported with their status before, and WF-1 is
raised when the changes refuse security clauses — a requirement weakened (met to weak or missing,
weak to missing) or an inserted clause that expressly excludes one — and not for edits that keep
every requirement's status (price, dates, governing law, rewording, a stricter duty, moves,
renumbering).

The documents are written as WordprocessingML the way Word writes tracked changes (the helpers of
tests/test_docx_revisions.py); the samples' end-to-end results are in tests/test_samples_e2e.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddcontract.check import CheckOptions, check_document, check_file
from ddcontract.cli import app
from ddcontract.ingest import load_document
from ddcontract.markup import Passage, compare_results, find_exclusions
from ddcontract.model import Revision
from ddcontract.rules import load_library
from ddcontract.testing.expected import compare
from test_docx_revisions import ANNA, ANNA_DATE, dele, ins, make_docx, p, r

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
LIBRARY = load_library()
runner = CliRunner()

INTRO = p(r('This Agreement is made between Alder Systems ApS ("Supplier") and Birch Foods A/S ("Customer").'))
NOTICE = "Each party shall notify the other party of any Security Incident affecting the other party's data within twenty-four (24) hours."
CAP = "Each party's total liability under this Agreement shall not exceed EUR 1,000,000."
CYBER = "The Supplier shall maintain cyber liability insurance with a limit of not less than EUR 5,000,000 per claim."
FEES = "The Customer shall pay a monthly fee of EUR 4,000. Invoices are payable within thirty (30) days."
LAW = "This Agreement is governed by the laws of Denmark."


def clause(*runs: str, mark: str = "") -> str:
    return p(*runs, num=1, mark=mark)


def heading(text: str) -> str:
    return p(r(text), num=0)


def draft(*middle: str) -> str:
    """Our draft: a heading and a clause per concern, with ``middle`` in place of the security clauses
    given (each argument a paragraph or several)."""
    return INTRO + "".join(middle)


def checked(tmp_path: Path, body: str, name: str = "m.docx"):
    return check_file(make_docx(tmp_path / name, body), LIBRARY)


def wf1(result):
    return next((f for f in result.flags if f.id == "WF-1"), None)


def status(result, rid: str) -> str:
    return next(f.status for f in result.requirements if f.id == rid)


def before_status(result, rid: str) -> str | None:
    change = next((c for c in result.markup.changes if c.id == rid), None)
    return change.before.status if change else None


# ---------------------------------------------------------------- weakened: a requirement's status falls


def test_a_deleted_notification_clause_raises_wf1_with_its_text_author_date_and_clause(tmp_path):
    body = draft(heading("Fees"), clause(r(FEES)), heading("Security Incidents"),
                 clause(dele(NOTICE, 1), mark=f'<w:del w:id="2" {ANNA}/>'),
                 clause(r("The notice shall describe the incident and the data affected.")))
    result = checked(tmp_path, body)
    assert (before_status(result, "DD-8.1"), status(result, "DD-8.1")) == ("met", "missing")
    flag = wf1(result)
    assert flag is not None
    refusal = next(x for x in flag.refusals if x.topic == "DD-8.1")
    assert (refusal.kind, refusal.requirement, refusal.status_before, refusal.status_after) == \
        ("weakened", "DD-8.1", "met", "missing")
    assert refusal.before == NOTICE and refusal.after == ""
    assert (refusal.section, refusal.heading) == ("2.1", "Security Incidents")
    deletion = next(v for v in refusal.revisions if v.kind == "deletion")
    assert (deletion.author, deletion.date, deletion.text) == ("Anna Berg (Customer)", ANNA_DATE, NOTICE)
    # the mutual duty went with it
    assert any(x.topic == "DD-8.2" and x.kind == "weakened" for x in flag.refusals)


def test_a_deadline_made_vague_raises_wf1(tmp_path):
    body = draft(heading("Security Incidents"), clause(
        r("Each party shall notify the other party of any Security Incident affecting the other party's data "),
        dele("within twenty-four (24) hours", 1), ins("without undue delay", 2), r(".")))
    result = checked(tmp_path, body)
    assert (before_status(result, "DD-8.1"), status(result, "DD-8.1")) == ("met", "weak")
    refusal = next(x for x in wf1(result).refusals if x.topic == "DD-8.1")
    assert "within twenty-four (24) hours" in refusal.before and "without undue delay" in refusal.after
    assert [v.kind for v in refusal.revisions] == ["deletion", "insertion"]


def test_a_struck_cap_amount_raises_wf1(tmp_path):
    body = draft(heading("Liability"), clause(
        r("Each party's total liability under this Agreement shall not exceed "),
        dele("EUR 1,000,000", 1), ins("the amount agreed by the parties", 2), r(".")))
    result = checked(tmp_path, body)
    assert (before_status(result, "DD-4.6"), status(result, "DD-4.6")) == ("met", "weak")
    assert result.markup.changes[0].before.values["amount"] == 1000000
    assert [x.topic for x in wf1(result).refusals] == ["DD-4.6"]


def test_cyber_insurance_softened_to_customary_insurance_raises_wf1(tmp_path):
    body = draft(heading("Insurance"), clause(
        r("The Supplier shall maintain "),
        dele("cyber liability insurance with a limit of not less than EUR 5,000,000 per claim", 1),
        ins("customary insurance", 2), r(".")))
    result = checked(tmp_path, body)
    assert (before_status(result, "DD-6.1"), status(result, "DD-6.1")) == ("met", "weak")
    assert [x.topic for x in wf1(result).refusals] == ["DD-6.1"]


def test_a_mutual_duty_made_one_way_raises_wf1_in_danish(tmp_path):
    body = (p(r('Denne aftale er indgået mellem Fjeldsoft ApS ("Leverandøren") og Kornblomst A/S ("Kunden").'))
            + heading("Sikkerhedshændelser") + clause(
                dele("Hver part skal underrette den anden part", 1), ins("Leverandøren skal underrette Kunden", 2),
                r(" om ethvert sikkerhedsbrud senest 24 timer efter at være blevet opmærksom på det.")))
    result = checked(tmp_path, body)
    assert result.report_language == "da"
    assert (before_status(result, "DD-8.2"), status(result, "DD-8.2")) == ("met", "missing")
    assert status(result, "DD-8.1") == "met"
    flag = wf1(result)
    assert flag.title == "Kunden afviser sikkerhedsklausuler"
    assert [x.topic for x in flag.refusals] == ["DD-8.2"]
    assert "sletter eller svækker 1 sikkerhedskrav" in flag.message


def test_weak_to_missing_raises_and_a_strengthening_does_not(tmp_path):
    vague = ("Each party shall notify the other party of any Security Incident affecting the other party's data "
             "without undue delay.")
    weak_gone = checked(tmp_path, draft(heading("Incidents"), clause(dele(vague, 1), mark=f'<w:del w:id="2" {ANNA}/>')),
                        "a.docx")
    assert (before_status(weak_gone, "DD-8.1"), status(weak_gone, "DD-8.1")) == ("weak", "missing")
    assert "DD-8.1" in [x.topic for x in wf1(weak_gone).refusals]
    stronger = checked(tmp_path, draft(heading("Incidents"), clause(
        r("Each party shall notify the other party of any Security Incident affecting the other party's data "),
        dele("without undue delay", 1), ins("within twenty-four (24) hours", 2), r("."))), "b.docx")
    assert (before_status(stronger, "DD-8.1"), status(stronger, "DD-8.1")) == ("weak", "met")
    assert wf1(stronger) is None


# ---------------------------------------------------------------- excluded: an inserted clause excludes one


EXCLUSIONS = [
    ("en", "No data processing agreement shall be required for the Services.", "dpa", None),
    ("en", "The Supplier's liability shall be unlimited.", "liability", "DD-4.6"),
    ("en", "The Customer shall have no obligation to notify the Supplier of any Security Incident.", "notification",
     "DD-8.1"),
    ("en", "The Supplier shall not be required to maintain any insurance.", "insurance", "DD-6.1"),
    ("en", "The security obligations in Schedule 3 shall not apply to the Customer.", "security", None),
    ("da", "Der kræves ingen databehandleraftale mellem parterne.", "dpa", None),
    ("da", "Leverandørens ansvar er ubegrænset.", "liability", "DD-4.6"),
    ("da", "Kunden har ingen pligt til at underrette Leverandøren om sikkerhedshændelser.", "notification", "DD-8.1"),
    ("da", "Leverandøren er ikke forpligtet til at tegne forsikring.", "insurance", "DD-6.1"),
]


@pytest.mark.parametrize(("lang", "sentence", "topic", "requirement"), EXCLUSIONS,
                         ids=[f"{e[0]}-{e[2]}" for e in EXCLUSIONS])
def test_an_inserted_exclusion_raises_wf1(tmp_path, lang, sentence, topic, requirement):
    body = draft(heading("General"), clause(r(FEES)),
                 clause(ins(sentence, 1), mark=f'<w:ins w:id="2" {ANNA}/>'), clause(r(LAW)))
    result = checked(tmp_path, body)
    refusals = [x for x in wf1(result).refusals if x.kind == "excluded"]
    assert [(x.topic, x.requirement) for x in refusals] == [(topic, requirement)]
    assert refusals[0].after == sentence and refusals[0].before == "" and refusals[0].section == "1.2"
    assert refusals[0].revisions[0].author == "Anna Berg (Customer)"


def test_an_exclusion_made_by_inserting_one_word_counts(tmp_path):
    body = draft(heading("Incidents"), clause(
        r("The Customer shall have "), dele("an", 1), ins("no", 2), r(" obligation to notify the Supplier of incidents.")))
    refusals = wf1(checked(tmp_path, body)).refusals
    assert [(x.kind, x.topic) for x in refusals] == [("excluded", "notification")]


def test_an_exclusion_already_in_our_draft_or_only_deleted_is_no_refusal():
    already = Passage("The Supplier's liability shall be unlimited.", "The Supplier's liability shall be unlimited!",
                      revisions=(Revision("insertion", "X", None, "!"),))
    removed = Passage("No data processing agreement shall be required.", "",
                      revisions=(Revision("deletion", "X", None, "No data processing agreement shall be required."),))
    assert find_exclusions([already, removed]) == []


# ---------------------------------------------------------------- decoys: no WF-1


DECOYS = {
    "price": (clause(r("The Customer shall pay a monthly fee of "), dele("EUR 4,000", 1), ins("EUR 3,600", 2), r("."))),
    "payment-and-date": (clause(r("Invoices are payable within "), dele("thirty (30)", 1), ins("sixty (60)", 2),
                                r(" days. The Agreement starts on "), dele("1 May 2027", 3), ins("1 June 2027", 4),
                                r("."))),
    "governing-law": clause(r("This Agreement is governed by the laws of "), dele("Denmark", 1), ins("Sweden", 2), r(".")),
    "stricter-duty": clause(r("Each party shall notify the other party of any Security Incident affecting the other "
                              "party's data within "), dele("seventy-two (72)", 1), ins("twenty-four (24)", 2),
                            r(" hours.")),
    "rewording": clause(r("The Supplier shall "), dele("maintain", 1), ins("hold and keep in force", 2),
                        r(" cyber liability insurance with a limit of not less than EUR 5,000,000 per claim.")),
    "carve-out": clause(ins("Each party's liability for death or personal injury caused by its negligence, or for "
                            "fraud, shall not be limited.", 1), mark=f'<w:ins w:id="2" {ANNA}/>'),
    "danish-carve-out": clause(ins("Ansvarsbegrænsningen gælder ikke ved svig eller forsæt.", 1),
                               mark=f'<w:ins w:id="2" {ANNA}/>'),
    "renumbering": clause(dele("The Supplier may name the Customer as a reference customer.", 1),
                          mark=f'<w:del w:id="2" {ANNA}/>'),
    "danish-price": clause(r("Kunden betaler et månedligt gebyr på "), dele("4.000 kr.", 1), ins("3.800 kr.", 2),
                           r(" Fakturaer betales senest 30 dage efter fakturadatoen.")),
}


def _move(text: str) -> tuple[str, str]:
    src = (f'<w:moveFromRangeStart w:id="10" w:name="move1" {ANNA}/>'
           f'<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:rPr><w:moveFrom w:id="11" {ANNA}/>'
           f'</w:rPr></w:pPr><w:moveFrom w:id="12" {ANNA}><w:r><w:t>{text}</w:t></w:r></w:moveFrom></w:p>'
           '<w:moveFromRangeEnd w:id="10"/>')
    dst = (f'<w:moveToRangeStart w:id="13" w:name="move1" {ANNA}/>'
           f'<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:rPr><w:moveTo w:id="14" {ANNA}/>'
           f'</w:rPr></w:pPr><w:moveTo w:id="15" {ANNA}><w:r><w:t>{text}</w:t></w:r></w:moveTo></w:p>'
           '<w:moveToRangeEnd w:id="13"/>')
    return src, dst


@pytest.mark.parametrize("decoy", sorted(DECOYS) + ["move"])
def test_decoy_edits_do_not_raise_wf1(tmp_path, decoy):
    security = [heading("Security"), clause(r(NOTICE)), heading("Liability"), clause(r(CAP)), clause(r(CYBER))]
    if decoy == "move":
        src, dst = _move("The Supplier's liability for wilful misconduct shall be unlimited.")
        body = draft(heading("Liability"), src, clause(r(CAP)), clause(r(CYBER)), heading("Security"),
                     clause(r(NOTICE)), dst)
    elif decoy == "danish-price":
        body = (p(r('Denne aftale er indgået mellem Fjeldsoft ApS ("Leverandøren") og Kornblomst A/S ("Kunden").'))
                + heading("Priser") + DECOYS[decoy] + heading("Sikkerhed")
                + clause(r("Hver part skal underrette den anden part om ethvert sikkerhedsbrud senest 24 timer efter "
                           "at være blevet opmærksom på det.")))
    elif decoy == "danish-carve-out":
        body = (p(r('Denne aftale er indgået mellem Fjeldsoft ApS ("Leverandøren") og Kornblomst A/S ("Kunden").'))
                + heading("Ansvar") + clause(r("Parternes samlede ansvar er begrænset til 1.000.000 kr."))
                + DECOYS[decoy])
    elif decoy in ("renumbering", "carve-out"):
        body = draft(heading("Publicity"), DECOYS[decoy], clause(r(FEES)), *security)
    else:
        body = draft(heading("Terms"), DECOYS[decoy] if decoy not in ("stricter-duty", "rewording") else "",
                     heading("Security"), DECOYS[decoy] if decoy == "stricter-duty" else clause(r(NOTICE)),
                     heading("Liability"), clause(r(CAP)), DECOYS[decoy] if decoy == "rewording" else clause(r(CYBER)))
    result = checked(tmp_path, body)
    assert result.markup is not None and result.markup.revisions
    assert wf1(result) is None, [(x.kind, x.topic) for x in wf1(result).refusals]
    assert all(c.before.status == status(result, c.id) for c in result.markup.changes)
    if decoy == "stricter-duty":  # the value moved, the status did not
        change = next(c for c in result.markup.changes if c.id == "DD-8.1")
        assert (change.before.values["hours"], status(result, "DD-8.1")) == (72, "met")


# ---------------------------------------------------------------- the API item 3 (compare) reuses


def test_compare_results_works_on_two_separately_read_documents(tmp_path):
    ours = tmp_path / "ours.txt"
    theirs = tmp_path / "theirs.txt"
    ours.write_text(f"1. Security\n\n1.1 {NOTICE}\n\n2. Liability\n\n2.1 {CAP}\n", encoding="utf-8")
    theirs.write_text("1. Security\n\n1.1 The Supplier shall keep records.\n\n2. Liability\n\n"
                      f"2.1 {CAP}\n\n2.2 No data processing agreement shall be required.\n", encoding="utf-8")
    before = check_document(load_document(ours), LIBRARY, CheckOptions())
    after = check_document(load_document(theirs), LIBRARY, CheckOptions())
    passages = [Passage(f"1.1 {NOTICE}", "1.1 The Supplier shall keep records.", section="1.1"),
                Passage("", "No data processing agreement shall be required.", section="2.2")]
    markup = compare_results(before, after, passages=passages)
    assert markup.revisions == ()
    assert {(x.kind, x.topic) for x in markup.refusals} == {("weakened", "DD-8.1"), ("weakened", "DD-8.2"),
                                                            ("excluded", "dpa")}
    weakened = next(x for x in markup.refusals if x.topic == "DD-8.1")
    assert weakened.before.endswith(NOTICE) and weakened.revisions == () and weakened.section == "1.1"
    assert weakened.after == "1.1 The Supplier shall keep records."  # from the aligned passage
    assert compare_results(before, before).refusals == [] and compare_results(before, before).changes == []


# ---------------------------------------------------------------- JSON, console, gap report


def _json(path: Path, *extra: str) -> dict:
    result = runner.invoke(app, ["check", str(path), "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_keys_of_a_markup():
    got = _json(SAMPLES / "markup_msa.docx")
    assert got["schema"] == "ddcontract/check/v1"
    assert got["document"]["revisions"] == {"count": 17, "authors": ["Maria Lund (Harbour Freight Legal)"]}
    by_id = {r["id"]: r for r in got["requirements"]}
    assert {k for k, r in by_id.items() if "before" in r} == {"DD-4.6", "DD-6.1", "DD-8.1", "DD-8.2"}
    before = by_id["DD-4.6"]["before"]
    assert set(before) == {"status", "values", "evidence", "message", "revisions"}
    assert (before["status"], before["values"]["amount"], by_id["DD-4.6"]["status"]) == ("met", 2000000, "weak")
    assert "EUR 2,000,000" in before["evidence"][0]["text"]
    assert {"kind": "deletion", "author": "Maria Lund (Harbour Freight Legal)", "date": "2026-11-18T10:12:00+00:00",
            "text": "EUR 2,000,000 (two million euros)", "section": "5.2", "page": None} in before["revisions"]
    flag = next(f for f in got["flags"] if f["id"] == "WF-1")
    assert set(flag) == {"id", "title", "evidence", "message", "rules", "changes"}
    change = next(c for c in flag["changes"] if c["topic"] == "DD-8.1")
    assert set(change) == {"kind", "topic", "requirement", "status_before", "status_after", "before", "after",
                           "section", "heading", "page", "revisions"}
    assert (change["status_before"], change["status_after"], change["after"]) == ("met", "missing", "")
    assert change["before"].startswith("Each party shall notify the other party")
    # a document without tracked changes gains no key
    plain = _json(SAMPLES / "msa_provider.docx")
    assert "revisions" not in plain["document"] and not any("before" in r for r in plain["requirements"])


def test_json_of_a_markup_with_decoys_only_has_no_wf1_and_keeps_the_key_for_a_value_change():
    got = _json(SAMPLES / "markup_decoys.docx")
    assert got["flags"] == [] and got["document"]["revisions"]["count"] == 22
    moved = [r for r in got["requirements"] if "before" in r]
    assert [(r["id"], r["before"]["status"], r["status"], r["before"]["values"]["hours"]) for r in moved] == \
        [("DD-8.1", "met", "met", 72)]


def _console(path: Path, lang: str) -> str:
    """The console report, its lines run together (the console wraps them at its width)."""
    result = runner.invoke(app, ["check", str(path), "--no-color", "--report-lang", lang])
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())


def test_console_shows_the_changes_and_wf1_in_english_and_danish():
    en = _console(SAMPLES / "markup_msa.docx", "en")
    part = en.split("Changed by the markup", 1)[1].split("Warning flags", 1)[0]
    assert "17 tracked changes by Maria Lund (Harbour Freight Legal)" in part
    assert "DD-8.1 Deadline for notifying a security breach: met → missing (weakened)" in part
    assert "deleted by Maria Lund (Harbour Freight Legal), 18 November 2026" in part
    flags = en.split("Warning flags", 1)[1]
    assert "⚑ WF-1 The customer refuses security clauses" in flags
    assert "DD-6.1: met → weak — § 6.1, Insurance" in flags
    assert "after: “The Supplier shall maintain customary insurance throughout the term.”" in flags
    assert "inserted clause excludes a data processing agreement — § 7.2, Data Protection" in flags
    assert "before: (not in the text)" in flags and "not checked" not in en
    assert "The changes delete or weaken 4 security requirements and insert 2 clauses that exclude one." in flags
    da = _console(SAMPLES / "markup_msa.docx", "da")
    assert "Ændret af markeringerne" in da and "opfyldt → mangler (svækket)" in da
    assert "slettet af Maria Lund (Harbour Freight Legal), 18. november 2026" in da
    assert "⚑ WF-1 Kunden afviser sikkerhedsklausuler" in da and "kontrolleres ikke" not in da
    assert "indsat bestemmelse udelukker en databehandleraftale" in da
    assert "17 registrerede ændringer af Maria Lund" in da
    assert "Ændringerne sletter eller svækker 4 sikkerhedskrav og indsætter 2 bestemmelser, der udelukker et." in da


def test_console_of_decoys_only_and_of_a_plain_document():
    en = _console(SAMPLES / "markup_decoys.docx", "en")
    assert "No requirement changes status" in en and "(same status, other values)" in en
    assert "none raised (WF-1 in the tracked changes, WF-2 and WF-3 were checked)" in en and "not checked" not in en
    da = _console(SAMPLES / "markup_decoys.docx", "da")
    assert "Intet krav skifter status" in da and "WF-1 i de registrerede ændringer" in da
    plain = _console(SAMPLES / "msa_provider.docx", "en")
    assert "Changed by the markup" not in plain and "is not checked" in plain


def _docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    return "\n".join([p.text for p in doc.paragraphs]
                     + [c.text for t in doc.tables for row in t.rows for c in row.cells])


def test_gap_report_shows_wf1_with_the_changes(tmp_path):
    out = tmp_path / "gap.docx"
    result = runner.invoke(app, ["check", str(SAMPLES / "markup_da.docx"), "--report", str(out)])
    assert result.exit_code == 0, result.output
    text = _docx_text(out)
    assert "Kunden afviser sikkerhedsklausuler" in text
    assert "DD-8.2: opfyldt → mangler" in text and "før: »Hver part skal underrette den anden part" in text
    assert "slettet af Jens Bak (Kvist Byg A/S), 19. november 2026" in text
    assert "indsat bestemmelse udelukker en databehandleraftale" in text
    decoys = tmp_path / "decoys.docx"
    assert runner.invoke(app, ["check", str(SAMPLES / "markup_decoys.docx"), "--report", str(decoys)]).exit_code == 0
    text = _docx_text(decoys)
    assert "refuse no security clause (WF-1)" in text and "shows only when drafts are compared" not in text


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_markups_gap_report_opens_in_libreoffice(tmp_path):
    import pypdfium2

    from conftest import libreoffice_pdfs

    out = tmp_path / "gap.docx"
    assert runner.invoke(app, ["check", str(SAMPLES / "markup_msa.docx"), "--report", str(out)]).exit_code == 0
    (pdf,) = libreoffice_pdfs([out], tmp_path)
    doc = pypdfium2.PdfDocument(str(pdf))
    text = " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    words = " ".join(text.split())
    assert "WF-1" in words and "The customer refuses security clauses" in words
    assert "DD-8.1: met → missing" in words and "Maria Lund (Harbour Freight Legal)" in words


# ---------------------------------------------------------------- the samples


def test_the_markup_samples_are_built_by_their_script(tmp_path):
    built = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_markups.py"), "--out", str(tmp_path)],
                           capture_output=True, text=True, check=True)
    names = sorted(Path(line).name for line in built.stdout.split())
    assert len(names) >= 6 and all((SAMPLES / n).read_bytes() == (tmp_path / n).read_bytes() for n in names), names


def test_every_markup_sample_has_its_clean_version_with_the_same_statuses_and_no_tracked_changes():
    markups = sorted(p for p in SAMPLES.glob("markup_*.docx") if not p.stem.endswith("_theirs"))
    assert len(markups) >= 3
    languages = set()
    for markup in markups:
        got, clean = _json(markup), _json(markup.with_name(markup.stem + "_theirs.docx"))
        languages.add(got["document"]["language"])
        assert "revisions" not in clean["document"] and got["document"]["revisions"]["count"] > 0
        assert [(r["id"], r["status"]) for r in clean["requirements"]] == [(r["id"], r["status"]) for r in got["requirements"]]
        assert not any(f["id"] == "WF-1" for f in clean["flags"])
        expected = json.loads((SAMPLES / "expected" / f"{markup.stem}.json").read_text(encoding="utf-8"))
        assert "markup" in expected  # so the e2e comparison checks the statuses before and the refusals
        assert (expected["flags"] == ["WF-1"]) == bool(expected["markup"]["refusals"])
    assert languages == {"en", "da"}


def test_the_expected_markup_comparison_fails_when_wf1_or_a_status_before_is_wrong():
    expected = json.loads((SAMPLES / "expected" / "markup_msa.json").read_text(encoding="utf-8"))
    got = _json(SAMPLES / "markup_msa.docx")
    assert compare(expected, got) == []
    no_flag = {**got, "flags": []}
    assert {d.kind for d in compare(expected, no_flag)} == {"flags", "refusals"}
    requirements = [{k: v for k, v in r.items() if k != "before"} for r in got["requirements"]]
    assert {d.requirement for d in compare(expected, {**got, "requirements": requirements})} == \
        {"DD-4.6", "DD-6.1", "DD-8.1", "DD-8.2"}


def test_the_markup_samples_carry_every_kind_of_change_word_writes():
    import zipfile

    from ddcontract.office.reader import read_docx_sides

    kinds: set[str] = set()
    authors: set[str] = set()
    for markup in sorted(SAMPLES.glob("markup_*.docx")):
        xml = zipfile.ZipFile(markup).read("word/document.xml").decode("utf-8")
        _, after = read_docx_sides(markup, 50_000_000)
        if markup.stem.endswith("_theirs"):
            assert after.revisions == () and "<w:ins " not in xml and "<w:del " not in xml
            continue
        assert all(r.author and r.date for r in after.revisions)
        kinds |= {r.kind for r in after.revisions}
        authors |= {r.author for r in after.revisions}
        if "moveFrom" in xml:
            assert "<w:moveFromRangeStart" in xml and "<w:moveToRangeStart" in xml
        assert "<w:delText" in xml
        rows = {b.anchor for b in after.blocks if b.kind == "table-row"}
        assert any(r.anchor in rows for r in after.revisions), f"{markup.name}: no change in a table cell"
    assert {"insertion", "deletion", "move-from", "move-to", "paragraph-mark-deletion", "paragraph-mark-insertion",
            "row-insertion"} <= kinds, kinds
    assert len(authors) >= 4


def test_the_build_script_also_writes_our_draft_as_the_markups_side_before_its_changes(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_markups.py"), "--ours", "--out", str(tmp_path)],
                   capture_output=True, text=True, check=True)
    for markup in sorted(SAMPLES.glob("markup_*.docx")):
        if markup.stem.endswith("_theirs"):
            continue
        ours = load_document(tmp_path / f"{markup.stem}_ours.docx")
        before = load_document(markup, side="before")
        assert ours.revisions == ()
        assert [(b.text, b.section) for b in ours.blocks] == [(b.text, b.section) for b in before.blocks]
        theirs = load_document(markup.with_name(markup.stem + "_theirs.docx"))
        after = load_document(markup)
        assert [(b.text, b.section) for b in theirs.blocks] == [(b.text, b.section) for b in after.blocks]
