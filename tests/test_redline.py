"""``check --redline`` and ``compare --redline``: the customer's DOCX with our comments and tracked
changes (src/ddcontract/report/redline.py, redline_compare.py, office/redline*.py).

The produced XML is checked directly: our insertions and comments (author ``ddcontract``), where the
comments stand (on the paragraphs the evidence's anchors name), the customer's own revisions and
comments kept, styles and numbering untouched, every w:id unique, and the result read back by
python-docx and by ddcontract's own reader (whose side before the changes must be the original).
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ddcontract.check import check_file
from ddcontract.cli import app
from ddcontract.compare import compare_files
from ddcontract.office.reader import read_docx_sides
from ddcontract.office.redline import Redline
from ddcontract.office.redline_places import places, sections
from ddcontract.report.redline import write_check_redline
from ddcontract.requirements import REQUIREMENTS
from conftest import libreoffice_resolve

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX = 100_000_000
REVISION_TAGS = tuple(W + t for t in ("ins", "del", "moveFrom", "moveTo"))


def part(path: Path, name: str) -> bytes | None:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name) if name in zf.namelist() else None


def xml(path: Path, name: str = "word/document.xml"):
    data = part(path, name)
    return etree.fromstring(data) if data is not None else None


def ours(el) -> bool:
    return el.get(W + "author") == "ddcontract"


def inserted_paragraph(p) -> bool:
    """A paragraph we added: its mark a tracked insertion by ddcontract."""
    mark = p.find(f"{W}pPr/{W}rPr/{W}ins")
    return mark is not None and ours(mark)


def original_paragraphs(root) -> list:
    """The output's paragraphs that were in the input, in order: index i is the input's "#p{i}"."""
    return [p for p in root.iter(W + "p") if not inserted_paragraph(p)]


def comments(path: Path) -> dict[str, etree._Element]:
    root = xml(path, "word/comments.xml")
    return {} if root is None else {c.get(W + "id"): c for c in root.iter(W + "comment")}


def comment_text(c) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W + "p"))


def comments_on(p, found: dict) -> list[str]:
    """The notes on paragraph ``p``: each line of its comments that opens a note (a second note on a
    paragraph joins the first comment, after a blank line)."""
    texts = [comment_text(found[s.get(W + "id")]) for s in p.iter(W + "commentRangeStart") if s.get(W + "id") in found]
    return [note for t in texts for note in t.split("\n\n")]


def paragraph_of(root, anchor: str):
    m = re.search(r"#p(\d+)$", anchor)
    if m:
        return original_paragraphs(root)[int(m.group(1))]
    para_id = anchor.rsplit("=", 1)[1]
    return next(p for p in root.iter(W + "p") if p.get("{http://schemas.microsoft.com/office/word/2010/wordml}paraId") == para_id)


def run_cli(*args: str):
    from typer.testing import CliRunner

    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def checked(library):
    return {name: check_file(SAMPLES / f"{name}.docx", library)
            for name in ("saas_terms_thin", "da_kundevilkaar", "markup_msa")}


@pytest.fixture(scope="module")
def redlines(checked, tmp_path_factory):
    out = tmp_path_factory.mktemp("redlines")
    made = {}
    for name, result in checked.items():
        made[name] = out / f"{name}.docx"
        made[name + ".summary"] = write_check_redline(result, made[name])
    return made


def gaps(result):
    return [f for f in result.requirements if f.required and f.status != "met"]


# ---------------------------------------------------------------- the XML of check --redline


@pytest.mark.parametrize("name", ["saas_terms_thin", "da_kundevilkaar", "markup_msa"])
def test_one_tracked_insertion_by_ddcontract_per_suggested_clause(name, checked, redlines):
    root = xml(redlines[name])
    added = [p for p in root.iter(W + "p") if inserted_paragraph(p)]
    suggested = [f for f in gaps(checked[name]) if f.suggestion]
    texts = [" ".join("".join(t.text or "" for t in p.iter(W + "t")).split()) for p in added]
    for f in suggested:  # each suggested clause inserted once, whole, by ddcontract
        assert sum(1 for t in texts if t.endswith(" ".join(f.suggestion.split()))) == 1, f.id
    headings = len(added) - len(suggested)  # the rest are the headings of new clauses at the end
    assert 0 <= headings <= len(places()["topics"])
    for p in added:
        assert all(ours(ins) for ins in p.iter(W + "ins"))
        assert p.find(f"{W}pPr/{W}rPr/{W}ins") is not None  # the paragraph mark too: rejecting removes it whole


@pytest.mark.parametrize("name", ["saas_terms_thin", "da_kundevilkaar"])
def test_comments_stand_on_each_weak_requirements_evidence(name, checked, redlines):
    root, found = xml(redlines[name]), comments(redlines[name])
    for f in gaps(checked[name]):
        if f.status != "weak":
            continue
        for ev in f.evidence:
            said = comments_on(paragraph_of(root, ev.anchor), found)
            assert any(c.startswith(f"{f.id} {f.title}") for c in said), (f.id, ev.anchor)
    assert all(c.get(W + "author") == "ddcontract" for c in found.values())


def test_a_missing_requirement_is_commented_at_the_heading_of_its_section(checked, redlines):
    result = checked["saas_terms_thin"]
    root, found = xml(redlines["saas_terms_thin"]), comments(redlines["saas_terms_thin"])
    heads = {s.heading: s.head for s in sections(result.document.blocks)}
    insurance = next(f for f in result.requirements if f.id == "DD-6.1")
    assert insurance.status == "missing" and "Insurance" not in heads  # no section: a new clause at the end
    liability = next(f for f in result.requirements if f.id == "DD-6.3")
    assert liability.status == "missing" and not liability.evidence
    said = comments_on(paragraph_of(root, heads["Limitation of Liability"].anchor), found)
    assert any(c.startswith("DD-6.3 ") for c in said)
    new_heading = next(p for p in root.iter(W + "p") if inserted_paragraph(p)
                       and "".join(t.text for t in p.iter(W + "t")) == "15. Insurance")
    assert new_heading.find(f"{W}pPr/{W}pStyle").get(W + "val") == "Heading1"  # like the document's headings
    assert any(c.startswith("DD-6.1 ") for c in comments_on(new_heading, found))


def test_the_comment_names_the_fallback_position(checked, redlines):
    result = checked["saas_terms_thin"]
    f = next(f for f in result.requirements if f.id == "DD-8.1")
    assert f.status == "weak" and f.fallback
    said = comments_on(paragraph_of(xml(redlines["saas_terms_thin"]), f.evidence[0].anchor), comments(redlines["saas_terms_thin"]))
    text = next(c for c in said if c.startswith("DD-8.1"))
    assert "Fallback position if the customer refuses it: " + f.fallback in text
    body = " ".join(xml(redlines["saas_terms_thin"]).itertext())
    assert f.suggestion in body  # the preferred text is the one inserted


def test_danish_comments_and_clauses(checked, redlines):
    result = checked["da_kundevilkaar"]
    assert result.report_language == "da"
    said = "\n".join(comment_text(c) for c in comments(redlines["da_kundevilkaar"]).values())
    assert ": svag. " in said and ": mangler. " in said and "Reserveforslag, hvis kunden afviser det: " in said
    assert "registreret ændring" in said
    body = " ".join(xml(redlines["da_kundevilkaar"]).itertext())
    for f in gaps(result):
        if f.suggestion:
            assert f.suggestion in body


@pytest.mark.parametrize("name", ["saas_terms_thin", "da_kundevilkaar", "markup_msa"])
def test_styles_numbering_and_other_parts_are_kept_byte_for_byte(name, redlines):
    src, out = SAMPLES / f"{name}.docx", redlines[name]
    with zipfile.ZipFile(src) as zf:
        names = zf.namelist()
    changed = {"word/document.xml", "word/settings.xml", "word/comments.xml", "[Content_Types].xml",
               "word/_rels/document.xml.rels"}
    for n in names:
        if n not in changed:
            assert part(src, n) == part(out, n), n
    assert part(src, "word/styles.xml") == part(out, "word/styles.xml")
    assert part(src, "word/numbering.xml") == part(out, "word/numbering.xml")


@pytest.mark.parametrize("name", ["saas_terms_thin", "da_kundevilkaar", "markup_msa"])
def test_every_w_id_is_unique_and_the_result_reads_back(name, redlines):
    out = redlines[name]
    root = xml(out)
    ids = [el.get(W + "id") for el in root.iter(*REVISION_TAGS)] + list(comments(out))
    assert len(ids) == len(set(ids))
    import docx

    docx.Document(str(out))  # python-docx opens it
    before, after = read_docx_sides(out, MAX)  # and so does our reader: rejecting everything gives the input back
    original_before, original_after = read_docx_sides(SAMPLES / f"{name}.docx", MAX)
    assert [b.text for b in before.blocks] == [b.text for b in original_before.blocks]
    assert len(after.blocks) > len(original_after.blocks)
    assert {r.author for r in after.revisions} >= {"ddcontract"}


def test_the_settings_show_the_markup_and_track_further_changes(redlines):
    settings = xml(redlines["saas_terms_thin"], "word/settings.xml")
    assert settings.find(W + "revisionView") is None  # the sample hid insertions and comments
    assert settings.find(W + "trackRevisions") is not None
    assert b"revisionView" in part(SAMPLES / "saas_terms_thin.docx", "word/settings.xml")


def test_requirements_the_policy_does_not_ask_for_get_nothing(tmp_path, library):
    from ddcontract.check import CheckOptions
    from ddcontract.policy import load_policy

    policy = tmp_path / "policy.yaml"
    policy.write_text("monitoring_required: [DD-5.2]\n", encoding="utf-8")
    result = check_file(SAMPLES / "saas_terms_thin.docx", library, CheckOptions(policy=load_policy(policy)))
    skipped = [f for f in result.requirements if not f.required]
    assert {f.id for f in skipped} == {"DD-5.1", "DD-5.3", "DD-5.4"}
    out = tmp_path / "out.docx"
    summary = write_check_redline(result, out)
    said = "\n".join(comment_text(c) for c in comments(out).values())
    assert "DD-5.2 " in said and not any(f"{f.id} " in said for f in skipped)
    assert not set(summary.inserted) & {f.id for f in skipped}


# ---------------------------------------------------------------- a markup: the customer's changes kept


def test_a_markups_revisions_are_kept_and_each_refusal_is_commented(checked, redlines):
    src, out = SAMPLES / "markup_msa.docx", redlines["markup_msa"]
    theirs = [(t, a, i) for t, a, i in ((etree.QName(el).localname, el.get(W + "author"), el.get(W + "id"))
                                         for el in xml(src).iter(*REVISION_TAGS))]
    kept = [(etree.QName(el).localname, el.get(W + "author"), el.get(W + "id")) for el in xml(out).iter(*REVISION_TAGS)
            if not ours(el)]
    assert kept == theirs and len(theirs) > 10
    refusals = checked["markup_msa"].markup.refusals
    said = [note for c in comments(out).values() for note in comment_text(c).split("\n\n")]
    flagged = [c for c in said if c.startswith("WF-1 The customer refuses security clauses: ")]
    assert len(flagged) == len(refusals) == 6
    assert any("Why it matters: Deadline for notifying a security breach goes from met to missing." in c for c in flagged)
    assert any("excludes a data processing agreement" in c for c in flagged)


def test_the_customers_own_comments_are_kept(tmp_path, library):
    import docx

    src = tmp_path / "commented.docx"
    d = docx.Document(str(SAMPLES / "markup_msa.docx"))
    para = next(p for p in d.paragraphs if p.runs and "Customer Data" in p.text)
    d.add_comment(para.runs, text="Please check this with our DPO.", author="Maria Lund", initials="ML")
    d.save(str(src))
    before = comments(src)
    out = tmp_path / "out.docx"
    write_check_redline(check_file(src, library), out)
    after = comments(out)
    for cid, c in before.items():
        assert etree.tostring(after[cid]) == etree.tostring(c)
    assert len(after) > len(before)
    assert part(src, "word/styles.xml") == part(out, "word/styles.xml")
    root = xml(out)
    assert [s.get(W + "id") for s in root.iter(W + "commentRangeStart")].count(next(iter(before))) == 1


def test_a_clause_goes_after_the_paragraphs_the_customers_changes_join(tmp_path):
    from test_docx_revisions import ANNA, dele, make_docx
    from test_docx_revisions import p as para
    from test_docx_revisions import r as run

    src = make_docx(tmp_path / "joined.docx", "".join([
        para(run("Security"), num=0),
        para(run("The Supplier shall notify the Customer "), dele("promptly.", 1), num=1,
             mark=f'<w:del w:id="2" {ANNA}/>'),
        para(run("of any Security Incident."), num=1),
        para(run("End."))]))
    block = read_docx_sides(src, MAX)[1].blocks[1]
    assert block.text == "The Supplier shall notify the Customer of any Security Incident."
    doc = Redline(src)
    point = doc.after_point(block.anchor)
    assert doc.paragraph_text(point) == "of any Security Incident."  # not between the two it joins
    doc.insert_after(point, "Each party shall notify the other.", doc.paragraph(block.anchor))
    doc.save(tmp_path / "out.docx")
    after = [b.text for b in read_docx_sides(tmp_path / "out.docx", MAX)[1].blocks]
    assert after[1:3] == [block.text, "Each party shall notify the other."]


def test_new_ids_are_above_every_id_in_the_document(tmp_path):
    doc = Redline(SAMPLES / "markup_msa.docx")
    highest = max(int(el.get(W + "id")) for el in xml(SAMPLES / "markup_msa.docx").iter() if
                  isinstance(el.tag, str) and (el.get(W + "id") or "").isdigit())
    assert int(doc.new_id()) > highest


# ---------------------------------------------------------------- the command line


def test_cli_check_redline_english(tmp_path):
    out = tmp_path / "redline.docx"
    result = run_cli("check", str(SAMPLES / "saas_terms_thin.docx"), "--redline", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)
    assert re.search(r"wrote .*redline\.docx: \d+ comments, \d+ suggested clauses", result.stderr)
    assert out.exists()
    again = run_cli("check", str(SAMPLES / "saas_terms_thin.docx"), "--redline", str(out))
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_cli_check_redline_danish_in_english(tmp_path):
    out = tmp_path / "redline.docx"
    result = run_cli("check", str(SAMPLES / "da_kundevilkaar.docx"), "--redline", str(out), "--report-lang", "en")
    assert result.exit_code == 0, result.output
    said = "\n".join(comment_text(c) for c in comments(out).values())
    assert ": weak. " in said and "Fallback position" in said and ": svag. " not in said


@pytest.mark.parametrize("source", ["saas_terms_thin.pdf", "../samples/it_support_agreement.md"])
def test_cli_a_redline_needs_the_docx(tmp_path, source):
    out = tmp_path / "redline.docx"
    result = run_cli("check", str(SAMPLES / source), "--redline", str(out))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "needs the DOCX" in lines[0] and "Traceback" not in result.output
    assert not out.exists()


def test_cli_a_redline_is_written_as_docx_only(tmp_path):
    result = run_cli("check", str(SAMPLES / "saas_terms_thin.docx"), "--redline", str(tmp_path / "out.pdf"))
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1 and ".docx" in result.stderr


def test_cli_compare_redline_needs_their_docx(tmp_path):
    result = run_cli("compare", str(SAMPLES / "saas_terms_thin.docx"), str(SAMPLES / "saas_terms_thin.pdf"),
                     "--redline", str(tmp_path / "out.docx"))
    assert result.exit_code == 2 and "needs the DOCX" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# ---------------------------------------------------------------- compare --redline


@pytest.mark.parametrize("name", ["markup_msa", "markup_da"])
def test_compare_redline_puts_our_security_clauses_back(name, ours_dir, tmp_path, library):
    ours_path, theirs_path = ours_dir / f"{name}_ours.docx", SAMPLES / f"{name}_theirs.docx"
    out = tmp_path / "answer.docx"
    result = run_cli("compare", str(ours_path), str(theirs_path), "--redline", str(out))
    assert result.exit_code == 0, result.output
    cmp = compare_files(ours_path, theirs_path, library)
    assert cmp.markup.refusals
    before, after = read_docx_sides(out, MAX)
    assert [b.text for b in before.blocks] == [b.text for b in read_docx_sides(theirs_path, MAX)[1].blocks]
    assert {r.author for r in after.revisions} == {"ddcontract"}
    answered = check_file(out, library)  # every change accepted: our security clauses are back
    assert [f.status for f in answered.requirements] == [f.status for f in cmp.ours.requirements]
    assert not any(f.id == "WF-1" for f in answered.flags)
    said = [comment_text(c) for c in comments(out).values()]
    assert said and all(c.startswith("WF-1 ") for c in said)
    assert all(("Our wording is reinstated" in c) or ("Vores formulering er genindsat" in c) for c in said)
    assert part(theirs_path, "word/numbering.xml") == part(out, "word/numbering.xml")


def test_compare_redline_marks_their_words_deleted_and_ours_inserted(ours_dir, tmp_path, library):
    out = tmp_path / "answer.docx"
    cmp = compare_files(ours_dir / "markup_msa_ours.docx", SAMPLES / "markup_msa_theirs.docx", library)
    from ddcontract.report.redline_compare import write_compare_redline

    write_compare_redline(cmp, out)
    root = xml(out)
    cap = next(p for p in root.iter(W + "p") if "total aggregate liability" in "".join(p.itertext()))
    deleted = "".join(t.text for t in cap.iter(W + "delText"))
    inserted = "".join(t.text for ins in cap.iter(W + "ins") for t in ins.iter(W + "t"))
    assert deleted.strip() == "the amount agreed by the parties." and inserted == "EUR 2,000,000 (two million euros)."
    kept = "".join(t.text for r in cap.findall(W + "r") for t in r.iter(W + "t"))
    assert kept.startswith("Each party's total aggregate liability")  # the words they kept stay as they are


def test_compare_redline_puts_a_deleted_clause_back_where_it_stood(ours_dir, tmp_path, library):
    from ddcontract.report.redline_compare import write_compare_redline

    out = tmp_path / "answer.docx"
    cmp = compare_files(ours_dir / "markup_msa_ours.docx", SAMPLES / "markup_msa_theirs.docx", library)
    assert any(c.kind == "deleted" for c in cmp.changes)
    write_compare_redline(cmp, out)
    body = [p for p in xml(out).iter(W + "p")]
    at = next(i for i, p in enumerate(body) if "".join(p.itertext()) == "Security Incidents")
    back = body[at + 1]
    assert inserted_paragraph(back) and "".join(back.itertext()).startswith("Each party shall notify the other party")
    assert back.find(f"{W}pPr/{W}numPr/{W}ilvl").get(W + "val") == "1"  # a clause under the heading, not a heading
    assert comments_on(back, comments(out))[0].startswith("WF-1 ")


def test_compare_redline_on_a_version_with_tracked_changes_of_its_own(ours_dir, tmp_path, library):
    """Their version may itself be a markup: ours goes on top, theirs stays, and accepting everything
    gives our security clauses (a change of ours inside one of theirs cuts it in two)."""
    from ddcontract.report.redline_compare import write_compare_redline

    out, theirs = tmp_path / "answer.docx", SAMPLES / "markup_msa.docx"
    cmp = compare_files(ours_dir / "markup_msa_ours.docx", theirs, library)
    write_compare_redline(cmp, out)
    before = read_docx_sides(out, MAX)[0]
    assert [b.text for b in before.blocks] == [b.text for b in read_docx_sides(theirs, MAX)[0].blocks]
    answered = check_file(out, library)
    was = {f.id: f.status for f in cmp.ours.requirements}
    assert {f.id: f.status for f in answered.requirements} == was
    texts = [b.text for b in answered.document.blocks]
    assert any(t.startswith("The Supplier shall maintain cyber liability insurance covering") for t in texts)


# ---------------------------------------------------------------- the data


def test_every_requirement_has_a_place_and_every_topic_a_title_in_both_languages():
    data = places()
    assert {r.id for r in REQUIREMENTS} <= set(data["requirements"])
    for topics in [*data["requirements"].values(), data["default"]]:
        assert topics and all(t in data["topics"] for t in topics)
    for topic in data["topics"].values():
        assert set(topic["title"]) == set(topic["headings"]) == {"en", "da"}


# ---------------------------------------------------------------- LibreOffice agrees

@pytest.mark.parametrize("name", ["saas_terms_thin", "da_kundevilkaar"])
def test_libreoffice_accepting_our_redline_meets_what_was_inserted_and_rejecting_gives_the_original(
        name, checked, redlines, tmp_path, library):
    accepted = libreoffice_resolve(redlines[name], tmp_path, "Accept")
    rejected = libreoffice_resolve(redlines[name], tmp_path, "Reject")
    original = read_docx_sides(SAMPLES / f"{name}.docx", MAX)[1]
    assert [b.text for b in read_docx_sides(rejected, MAX)[1].blocks] == [b.text for b in original.blocks]
    after = check_file(accepted, library)
    assert not after.document.revisions  # LibreOffice accepted every change
    was = {f.id: f.status for f in checked[name].requirements}
    now = {f.id: f.status for f in after.requirements}
    inserted = set(redlines[name + ".summary"].inserted)
    assert inserted
    assert all(now[i] != "missing" for i in inserted), {i: now[i] for i in inserted}
    improved = [i for i in inserted if now[i] == "met"]
    assert len(improved) >= len(inserted) * 3 // 4, {i: (was[i], now[i]) for i in inserted}
    assert all(now[i] == "met" for i in was if was[i] == "met")  # nothing that was met is lost


@pytest.mark.parametrize("name", ["markup_msa", "markup_da"])
def test_libreoffice_accepting_our_counter_markup_gives_our_clauses_and_rejecting_gives_theirs(
        name, ours_dir, tmp_path, library):
    """LibreOffice accepts every change of a compare --redline: our draft's statuses and no WF-1; it
    rejects every change: their version's text."""
    ours_path, theirs_path = ours_dir / f"{name}_ours.docx", SAMPLES / f"{name}_theirs.docx"
    out = tmp_path / "answer.docx"
    assert run_cli("compare", str(ours_path), str(theirs_path), "--redline", str(out)).exit_code == 0
    accepted = libreoffice_resolve(out, tmp_path, "Accept")
    rejected = libreoffice_resolve(out, tmp_path, "Reject")
    theirs = read_docx_sides(theirs_path, MAX)[1]
    assert [b.text for b in read_docx_sides(rejected, MAX)[1].blocks] == [b.text for b in theirs.blocks]
    answered = check_file(accepted, library)
    assert not answered.document.revisions
    ours = compare_files(ours_path, theirs_path, library).ours
    assert [f.status for f in answered.requirements] == [f.status for f in ours.requirements]
    assert not any(f.id == "WF-1" for f in answered.flags)
