"""`compare OURS THEIRS` (issue 15, item 3): a returned version without tracked changes compared
with our draft. On every sample markup, our draft (the markup with its changes rejected, written by
scripts/build_markups.py --ours, or as plain text) compared with the customer's clean version
(samples/markup_*_theirs.docx) gives the WF-1 refusals of samples/expected/markup_*.json — the ones
`check` gives on the tracked version — and none for the decoys; renumbered and moved clauses are
aligned, not deleted and inserted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddcontract.check import check_file
from ddcontract.cli import app
from ddcontract.compare import SCHEMA, align, compare_files, diff_text, word_diff
from ddcontract.ingest import load_document
from ddcontract.model import Block
from ddcontract.rules import load_library
from ddcontract.segment import clauses_of

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
MARKUPS = ("markup_msa", "markup_da", "markup_decoys")
LIBRARY = load_library()
runner = CliRunner()


@pytest.fixture(scope="module")
def compared(ours_dir):
    return {name: compare_files(ours_dir / f"{name}_ours.docx", SAMPLES / f"{name}_theirs.docx", LIBRARY)
            for name in MARKUPS}


def _as_text(name: str, out: Path) -> Path:
    """Our draft as plain text, from the markup's side before its changes, clause numbers written."""
    lines, numbered = [], set()
    for b in load_document(SAMPLES / f"{name}.docx", side="before").blocks:
        if b.section and b.section[0].isdigit() and b.section not in numbered and b.kind != "table-row":
            numbered.add(b.section)
            lines.append(f"{b.section}. {b.text}" if b.kind == "heading" else f"{b.section} {b.text}")
        else:
            lines.append(b.text)
    path = out / f"{name}_ours.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


def _refusals(cmp) -> list[list[str]]:
    return [[r.kind, r.topic] for r in cmp.markup.refusals]


def _expected_refusals(name: str) -> list[list[str]]:
    return json.loads((SAMPLES / "expected" / f"{name}.json").read_text(encoding="utf-8"))["markup"]["refusals"]


@pytest.mark.parametrize("name", MARKUPS)
def test_compare_gives_the_expected_wf1_refusals(compared, name):
    cmp = compared[name]
    assert _refusals(cmp) == _expected_refusals(name)
    wf1 = [f for f in cmp.theirs.flags if f.refusals]
    assert len(wf1) == (1 if _expected_refusals(name) else 0)
    if wf1:
        assert [[r.kind, r.topic] for r in wf1[0].refusals] == _expected_refusals(name)


@pytest.mark.parametrize("name", MARKUPS)
def test_compare_gives_the_refusals_check_gives_on_the_tracked_version(compared, name):
    tracked = check_file(SAMPLES / f"{name}.docx", LIBRARY).markup.refusals
    key = lambda r: (r.kind, r.topic, r.requirement, r.status_before, r.status_after)  # noqa: E731
    assert [key(r) for r in compared[name].markup.refusals] == [key(r) for r in tracked]


@pytest.mark.parametrize("name", ("markup_msa", "markup_da"))
def test_our_draft_as_plain_text_against_their_docx_gives_the_same_refusals(tmp_path, name):
    cmp = compare_files(_as_text(name, tmp_path), SAMPLES / f"{name}_theirs.docx", LIBRARY)
    assert cmp.ours.document.format == "txt" and cmp.theirs.document.format == "docx"
    assert _refusals(cmp) == _expected_refusals(name)
    assert cmp.ours.language == cmp.theirs.language == ("da" if name == "markup_da" else "en")


def test_the_decoys_renumbering_and_moved_clause_are_aligned_not_deleted_and_inserted(compared):
    cmp = compared["markup_decoys"]
    assert not cmp.markup.refusals
    assert len(cmp.alignment.moved) >= 10  # the Publicity section deleted renumbers every section after it
    assert all(a.section != b.section for a, b in cmp.alignment.moved)
    deleted = {" ".join(c.before.text.split()) for c in cmp.changes if c.kind == "deleted"}
    inserted = {" ".join(c.after.text.split()) for c in cmp.changes if c.kind == "inserted"}
    assert not deleted & inserted
    # the stricter deadline (72 -> 24 hours) is a changed clause at its new number, not a deletion
    notice = next(c for c in cmp.changes if c.after is not None and "24" in c.after.text and "hours" in c.after.text)
    assert notice.kind == "changed" and notice.before.section != notice.after.section


def _clauses(*numbered: tuple[str, str]):
    return clauses_of([Block(text, section=section, heading="Terms") for section, text in numbered])


def test_align_pairs_moved_renumbered_and_reworded_clauses():
    ours = _clauses(("1.1", "The Supplier shall host the platform in the European Union."),
                    ("1.2", "The Customer shall pay the fees within thirty days of the invoice date."),
                    ("1.3", "Each party shall notify the other of any Security Incident within 24 hours."),
                    ("1.4", "This Agreement is governed by the laws of Denmark."))
    theirs = _clauses(("1.1", "This Agreement is governed by the laws of Denmark."),
                      ("1.2", "The Supplier shall host the platform in the European Union."),
                      ("1.3", "The Customer shall pay the fees within forty-five days of the invoice date."),
                      ("1.4", "The Customer may publish a press release."))
    got = align(ours, theirs)
    assert {(a.section, b.section) for a, b in got.moved} == {("1.1", "1.2"), ("1.4", "1.1")}
    kinds = [(c.kind, c.before.section if c.before else None, c.after.section if c.after else None)
             for c in got.changes]
    assert ("changed", "1.2", "1.3") in kinds
    assert ("deleted", "1.3", None) in kinds and ("inserted", None, "1.4") in kinds
    assert len(kinds) == 3


def test_word_diff_marks_deleted_and_inserted_words():
    pieces = word_diff("shall not exceed EUR 2,000,000 in total", "shall not exceed the amount agreed in total")
    assert diff_text(pieces) == "shall not exceed [-EUR 2,000,000-] {+the amount agreed+} in total"
    assert diff_text(word_diff("", "No DPA shall be required.")) == "{+No DPA shall be required.+}"


def _invoke(*args: str):
    return runner.invoke(app, ["compare", *args])


def test_json_follows_the_compare_schema(ours_dir):
    result = _invoke(str(ours_dir / "markup_msa_ours.docx"), str(SAMPLES / "markup_msa_theirs.docx"), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == SCHEMA == "ddcontract/compare/v1"
    assert set(data) == {"schema", "ours", "theirs", "report_language", "requirements", "counts", "changes", "flags"}
    assert data["ours"]["path"].endswith("markup_msa_ours.docx") and data["theirs"]["language"] == "en"
    assert set(data["ours"]) == {"path", "format", "pages", "language", "section_languages", "warnings"}
    req = next(r for r in data["requirements"] if r["before"]["status"] != r["after"]["status"])
    assert set(req) == {"id", "theme", "title", "required", "before", "after", "trend", "message"}
    assert req["trend"] == "weakened"
    change = data["changes"][0]
    assert set(change) == {"kind", "section_before", "section_after", "heading", "page", "before", "after", "diff",
                           "requirements", "excludes"}
    assert all(c["requirements"] or c["excludes"] for c in data["changes"])  # the others only counted
    assert data["counts"]["changes"] == data["counts"]["security"] + data["counts"]["other"] > len(data["changes"])
    wf1 = [f for f in data["flags"] if "changes" in f]
    assert [[c["kind"], c["topic"]] for c in wf1[0]["changes"]] == _expected_refusals("markup_msa")


def test_all_changes_lists_the_changes_that_touch_no_requirement(ours_dir):
    args = (str(ours_dir / "markup_decoys_ours.docx"), str(SAMPLES / "markup_decoys_theirs.docx"), "--format", "json")
    some, every = (json.loads(_invoke(*args, *more).stdout) for more in ((), ("--all-changes",)))
    assert len(every["changes"]) == every["counts"]["changes"] > len(some["changes"])
    assert any(not c["requirements"] and not c["excludes"] for c in every["changes"])


def test_console_in_english_shows_the_table_the_word_diff_and_wf1(ours_dir):
    result = _invoke(str(ours_dir / "markup_msa_ours.docx"), str(SAMPLES / "markup_msa_theirs.docx"), "--no-color")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "Requirements: ours → theirs" in out
    assert "(weakened)" in out and "WF-1" in out
    assert "[-EUR 2,000,000 (two million euros).-] {+the amount agreed by the parties.+}" in out
    assert "1 changed clause touches no requirement (--all-changes lists it)" in out


def test_console_in_danish(ours_dir):
    result = _invoke(str(ours_dir / "markup_da_ours.docx"), str(SAMPLES / "markup_da_theirs.docx"), "--no-color")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "Krav: vores → deres" in out and "(svækket)" in out and "WF-1" in out
    assert "Kunden afviser sikkerhedsklausuler" in out
    english = _invoke(str(ours_dir / "markup_da_ours.docx"), str(SAMPLES / "markup_da_theirs.docx"), "--no-color",
                      "--report-lang", "en")
    assert "Requirements: ours → theirs" in english.stdout


def test_decoys_console_raises_no_flag(ours_dir):
    result = _invoke(str(ours_dir / "markup_decoys_ours.docx"), str(SAMPLES / "markup_decoys_theirs.docx"), "--no-color")
    assert result.exit_code == 0, result.output
    assert "WF-1" not in result.stdout.replace("WF-1 between", "")


def test_fail_on_exits_1_when_theirs_is_at_or_below_the_status(ours_dir):
    args = (str(ours_dir / "markup_msa_ours.docx"), str(SAMPLES / "markup_msa_theirs.docx"), "--format", "json")
    assert _invoke(*args, "--fail-on", "missing").exit_code == 1  # DD-8.1 deleted
    assert _invoke(*args).exit_code == 0


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    theirs = str(SAMPLES / "markup_msa_theirs.docx")
    picture = tmp_path / "scan.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    for args in ((str(tmp_path / "nope.docx"), theirs), (theirs, str(tmp_path)), (str(picture), theirs)):
        result = _invoke(*args)
        assert result.exit_code == 2, (args, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("ddcontract: error: "), result.stderr


@pytest.mark.parametrize("name", ("msa_provider", "da_kundevilkaar"))
def test_the_same_contract_as_pdf_and_docx_has_no_change_that_matters(name):
    """The PDF splits clauses where the DOCX does not (table cells, page breaks) and writes the
    clause numbers into the text: none of that is a change of substance."""
    cmp = compare_files(SAMPLES / f"{name}.pdf", SAMPLES / f"{name}.docx", LIBRARY)
    assert cmp.ours.document.format == "pdf" and cmp.theirs.document.format == "docx"
    assert len(cmp.changes) <= 3, [(c.kind, c.before and c.before.section) for c in cmp.changes]
    assert not cmp.security_changes() and not cmp.markup.refusals
    assert len(cmp.alignment.same) > 50
