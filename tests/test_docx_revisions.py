"""Both sides of a tracked-change DOCX: the text before the changes and after them, and each change
as a :class:`~ddcontract.model.Revision` (kind, author, date, text, where it stands).

Every document is written here as WordprocessingML, the way Word writes tracked changes, inside a
minimal .docx package; no binary fixture is committed.
"""

from __future__ import annotations

import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from ddcontract.errors import InputError
from ddcontract.ingest import load_document
from ddcontract.office import reader
from ddcontract.office.reader import read_docx, read_docx_sides
from conftest import libreoffice_resolve

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
ANNA = 'w:author="Anna Berg (Customer)" w:date="2024-03-05T09:30:00Z"'
BO = 'w:author="Bo Holm" w:date="2024-03-06T14:00:00Z"'
ANNA_DATE = datetime(2024, 3, 5, 9, 30, tzinfo=timezone.utc)
BO_DATE = datetime(2024, 3, 6, 14, 0, tzinfo=timezone.utc)
MAX = 100_000_000
SAMPLES = Path(__file__).resolve().parent.parent / "samples"

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {NS}>
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml"
   ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
  <Override PartName="/word/numbering.xml"
   ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
   Target="word/document.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
   Target="numbering.xml"/>
</Relationships>"""


def make_docx(path: Path, body: str, prolog: str = "") -> Path:
    """A minimal Word package whose body is ``body`` (WordprocessingML paragraphs and tables)."""
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}\n'
                f'<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("word/_rels/document.xml.rels", DOC_RELS)
        zf.writestr("word/numbering.xml", NUMBERING)
        zf.writestr("word/document.xml", document)
    return path


def p(*runs: str, num: int | None = None, mark: str = "", para_id: str | None = None) -> str:
    """A paragraph of ``runs``; ``num``: its list level in list 1; ``mark``: the paragraph mark's
    change (``<w:del …/>``)."""
    ppr = ""
    if num is not None or mark:
        numpr = f'<w:numPr><w:ilvl w:val="{num}"/><w:numId w:val="1"/></w:numPr>' if num is not None else ""
        ppr = f"<w:pPr>{numpr}{f'<w:rPr>{mark}</w:rPr>' if mark else ''}</w:pPr>"
    pid = f' w14:paraId="{para_id}"' if para_id else ""
    return f"<w:p{pid}>{ppr}{''.join(runs)}</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def ins(text: str, rid: int, who: str = ANNA) -> str:
    return f'<w:ins w:id="{rid}" {who}><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>'


def dele(text: str, rid: int, who: str = ANNA) -> str:
    return f'<w:del w:id="{rid}" {who}><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'


def texts(doc) -> list[str]:
    return [b.text for b in doc.blocks]


def summary(doc) -> list[tuple]:
    return [(v.kind, v.author, v.date, v.text, v.anchor, v.section) for v in doc.revisions]


# ---------------------------------------------------------------- run-level changes


def test_insertion_and_deletion_in_a_numbered_clause(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", "".join([
        p(r("Security"), num=0),
        p(r("The Supplier shall notify the Customer of a Security Incident "),
          dele("within twenty-four (24) hours", 1), ins("without undue delay", 2), r("."), num=1),
        p(r("The Supplier shall keep logs."), num=1),
    ]))
    before, after = read_docx_sides(path, MAX)
    assert texts(before) == ["Security",
                             "The Supplier shall notify the Customer of a Security Incident within twenty-four "
                             "(24) hours.", "The Supplier shall keep logs."]
    assert texts(after) == ["Security",
                            "The Supplier shall notify the Customer of a Security Incident without undue delay.",
                            "The Supplier shall keep logs."]
    assert [b.section for b in before.blocks] == [b.section for b in after.blocks] == ["1", "1.1", "1.2"]
    assert before.side == "before" and after.side == "after"
    assert summary(after) == [
        ("deletion", "Anna Berg (Customer)", ANNA_DATE, "within twenty-four (24) hours", "word/document.xml#p1", "1.1"),
        ("insertion", "Anna Berg (Customer)", ANNA_DATE, "without undue delay", "word/document.xml#p1", "1.1"),
    ]
    assert before.revisions == after.revisions
    deletion, insertion = after.revisions
    assert (deletion.side, insertion.side) == ("before", "after")
    assert (deletion.id, insertion.id, deletion.heading, deletion.page) == ("1", "2", "Security", None)
    # the default reading is the one after the changes; "before" on request
    assert texts(read_docx(path, MAX)) == texts(after)
    assert texts(load_document(path)) == texts(after)
    assert texts(load_document(path, side="before")) == texts(before)
    assert load_document(path, side="before").side == "before"


def test_pieces_of_one_deletion_are_one_revision_and_other_authors_stay_apart(tmp_path: Path) -> None:
    split = (f'<w:del w:id="1" {ANNA}><w:r><w:rPr><w:b/></w:rPr><w:delText>EUR </w:delText></w:r></w:del>'
             '<w:proofErr w:type="spellStart"/>'
             f'<w:del w:id="2" {ANNA}><w:r><w:delText>5,000,000</w:delText></w:r></w:del>')
    path = make_docx(tmp_path / "a.docx", p(
        r("The liability cap is "), split, ins("the fees paid", 3, BO), r(" "), dele("per year", 4, BO), r(".")))
    after = read_docx(path, MAX)
    before = read_docx(path, MAX, side="before")
    assert texts(before) == ["The liability cap is EUR 5,000,000 per year."]
    assert texts(after) == ["The liability cap is the fees paid ."]
    assert [(v.kind, v.author, v.text, v.id) for v in after.revisions] == [
        ("deletion", "Anna Berg (Customer)", "EUR 5,000,000", "1"),
        ("insertion", "Bo Holm", "the fees paid", "3"),
        ("deletion", "Bo Holm", "per year", "4"),
    ]
    assert after.revisions[1].date == BO_DATE


def test_missing_author_and_date_are_allowed_and_a_bad_date_is_none(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", p(
        r("Notice within "), '<w:del w:id="7"><w:r><w:delText>24</w:delText></w:r></w:del>',
        '<w:ins w:id="8" w:author="X" w:date="yesterday"><w:r><w:t>72</w:t></w:r></w:ins>', r(" hours.")))
    doc = read_docx(path, MAX)
    assert texts(doc) == ["Notice within 72 hours."]
    assert [(v.kind, v.author, v.date, v.text) for v in doc.revisions] == [
        ("deletion", None, None, "24"), ("insertion", "X", None, "72")]


# ---------------------------------------------------------------- paragraph marks


def test_deleted_paragraph_mark_joins_the_paragraphs_after_the_changes(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", "".join([
        p(r("The Supplier shall notify the Customer."), mark=f'<w:del w:id="5" {ANNA}/>', para_id="0A000001"),
        p(r("Notice shall be given in writing."), para_id="0A000002"),
        p(r("Fees are due monthly.")),
    ]))
    before, after = read_docx_sides(path, MAX)
    assert texts(before) == ["The Supplier shall notify the Customer.", "Notice shall be given in writing.",
                             "Fees are due monthly."]
    assert texts(after) == ["The Supplier shall notify the Customer. Notice shall be given in writing.",
                            "Fees are due monthly."]
    # the joined paragraph is anchored where it starts, as the first paragraph is on the other side
    assert [b.anchor for b in after.blocks] == ["word/document.xml#paraId=0A000001", "word/document.xml#p2"]
    assert [b.anchor for b in before.blocks] == ["word/document.xml#paraId=0A000001",
                                                 "word/document.xml#paraId=0A000002", "word/document.xml#p2"]
    assert summary(after) == [("paragraph-mark-deletion", "Anna Berg (Customer)", ANNA_DATE, "",
                               "word/document.xml#paraId=0A000001", None)]


def test_a_deleted_numbered_paragraph_vanishes_and_the_numbers_close_up(tmp_path: Path) -> None:
    mark = f'<w:del w:id="3" {ANNA}/>'
    path = make_docx(tmp_path / "a.docx", "".join([
        p(r("Security"), num=0),
        p(r("The Supplier shall encrypt Customer Data."), num=1),
        p(dele("The Supplier shall notify the Customer of a Security Incident within 24 hours.", 2),
          num=1, mark=mark),
        p(r("The Supplier shall keep audit logs."), num=1),
    ]))
    before, after = read_docx_sides(path, MAX)
    assert [(b.section, b.text) for b in before.blocks] == [
        ("1", "Security"), ("1.1", "The Supplier shall encrypt Customer Data."),
        ("1.2", "The Supplier shall notify the Customer of a Security Incident within 24 hours."),
        ("1.3", "The Supplier shall keep audit logs.")]
    assert [(b.section, b.text) for b in after.blocks] == [
        ("1", "Security"), ("1.1", "The Supplier shall encrypt Customer Data."),
        ("1.2", "The Supplier shall keep audit logs.")]
    assert [(v.kind, v.text, v.anchor, v.section, v.heading) for v in after.revisions] == [
        ("deletion", "The Supplier shall notify the Customer of a Security Incident within 24 hours.",
         "word/document.xml#p2", "1.2", "Security"),
        ("paragraph-mark-deletion", "", "word/document.xml#p2", "1.2", "Security")]


def test_an_inserted_numbered_paragraph_exists_only_after_the_changes(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", "".join([
        p(r("Data protection"), num=0),
        p(r("The Supplier processes personal data on instructions."), num=1, mark=f'<w:ins w:id="1" {BO}/>'),
        p(ins("No data processing agreement shall be required.", 2, BO), num=1),
    ]))
    before, after = read_docx_sides(path, MAX)
    assert [(b.section, b.text) for b in before.blocks] == [
        ("1", "Data protection"), ("1.1", "The Supplier processes personal data on instructions.")]
    assert [(b.section, b.text) for b in after.blocks] == [
        ("1", "Data protection"), ("1.1", "The Supplier processes personal data on instructions."),
        ("1.2", "No data processing agreement shall be required.")]
    assert [(v.kind, v.author, v.text, v.anchor, v.section) for v in after.revisions] == [
        ("paragraph-mark-insertion", "Bo Holm", "", "word/document.xml#p1", "1.1"),
        ("insertion", "Bo Holm", "No data processing agreement shall be required.", "word/document.xml#p2", "1.2")]


def test_an_inserted_paragraph_mark_splits_what_was_one_paragraph(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", "".join([
        p(r("The Customer may audit the Supplier"), mark=f'<w:ins w:id="1" {ANNA}/>'),
        p(r(" once a year."))]))
    before, after = read_docx_sides(path, MAX)
    assert texts(before) == ["The Customer may audit the Supplier once a year."]
    assert texts(after) == ["The Customer may audit the Supplier", "once a year."]


# ---------------------------------------------------------------- moves


def test_a_moved_paragraph_stands_in_its_old_place_before_and_its_new_place_after(tmp_path: Path) -> None:
    moved = "The Supplier shall maintain cyber insurance of EUR 5,000,000."
    path = make_docx(tmp_path / "a.docx", "".join([
        p(r("Insurance"), num=0),
        f'<w:moveFromRangeStart w:id="10" w:name="move157" {ANNA}/>',
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'
        f'<w:rPr><w:moveFrom w:id="11" {ANNA}/></w:rPr></w:pPr>'
        f'<w:moveFrom w:id="12" {ANNA}><w:r><w:delText>{moved}</w:delText></w:r></w:moveFrom></w:p>',
        '<w:moveFromRangeEnd w:id="10"/>',
        p(r("Each party carries its own insurance."), num=1),
        p(r("Liability"), num=0),
        f'<w:moveToRangeStart w:id="13" w:name="move157" {ANNA}/>',
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'
        f'<w:rPr><w:moveTo w:id="14" {ANNA}/></w:rPr></w:pPr>'
        f'<w:moveTo w:id="15" {ANNA}><w:r><w:t>{moved}</w:t></w:r></w:moveTo></w:p>',
        '<w:moveToRangeEnd w:id="13"/>',
        p(r("Liability is capped at the fees paid."), num=1),
    ]))
    before, after = read_docx_sides(path, MAX)
    assert [(b.section, b.text) for b in before.blocks] == [
        ("1", "Insurance"), ("1.1", moved), ("1.2", "Each party carries its own insurance."),
        ("2", "Liability"), ("2.1", "Liability is capped at the fees paid.")]
    assert [(b.section, b.text) for b in after.blocks] == [
        ("1", "Insurance"), ("1.1", "Each party carries its own insurance."),
        ("2", "Liability"), ("2.1", moved), ("2.2", "Liability is capped at the fees paid.")]
    assert [(v.kind, v.text, v.move, v.anchor, v.section, v.heading) for v in after.revisions] == [
        ("move-from", moved, "move157", "word/document.xml#p1", "1.1", "Insurance"),
        ("move-to", moved, "move157", "word/document.xml#p4", "2.1", "Liability")]


# ---------------------------------------------------------------- lists and tables


def test_a_change_in_a_lettered_list_item(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", "".join([
        p(r("Security"), num=0),
        p(r("The Supplier shall:"), num=1),
        p(r("encrypt Customer Data "), dele("at rest and", 1), r(" in transit;"), num=2),
        p(ins("where commercially reasonable, ", 2), r("keep audit logs."), num=2),
    ]))
    before, after = read_docx_sides(path, MAX)
    assert texts(before)[2:] == ["(a) encrypt Customer Data at rest and in transit;", "(b) keep audit logs."]
    assert texts(after)[2:] == ["(a) encrypt Customer Data in transit;",
                                "(b) where commercially reasonable, keep audit logs."]
    assert [(v.kind, v.text, v.anchor, v.section) for v in after.revisions] == [
        ("deletion", "at rest and", "word/document.xml#p2", "1.1"),
        ("insertion", "where commercially reasonable,", "word/document.xml#p3", "1.1")]


def _row(*cells: str, trpr: str = "", para_id: str | None = None) -> str:
    pid = f' w14:paraId="{para_id}"' if para_id else ""
    return f"<w:tr{pid}>{trpr}" + "".join(f"<w:tc><w:p>{c}</w:p></w:tc>" for c in cells) + "</w:tr>"


def test_changes_in_a_table_cell_and_deleted_and_inserted_rows(tmp_path: Path) -> None:
    table = "<w:tbl>" + "".join([
        _row(r("Cover"), r("Minimum")),
        _row(r("Cyber liability"), r("EUR ") + dele("5,000,000", 1) + ins("1,000,000", 2)),
        _row(dele("Professional indemnity", 3), dele("EUR 2,000,000", 4),
             trpr=f'<w:trPr><w:del w:id="5" {ANNA}/></w:trPr>'),
        _row(ins("Customary insurance", 6, BO), ins("as the Supplier sees fit", 7, BO),
             trpr=f'<w:trPr><w:ins w:id="8" {BO}/></w:trPr>'),
    ]) + "</w:tbl>"
    path = make_docx(tmp_path / "a.docx", p(r("Insurance"), num=0) + table)
    before, after = read_docx_sides(path, MAX)
    assert texts(before) == ["Insurance", "Cover | Minimum", "Cyber liability | EUR 5,000,000",
                             "Professional indemnity | EUR 2,000,000"]
    assert texts(after) == ["Insurance", "Cover | Minimum", "Cyber liability | EUR 1,000,000",
                            "Customary insurance | as the Supplier sees fit"]
    assert all(b.kind == "table-row" for b in after.blocks[1:])
    assert [(v.kind, v.author, v.text, v.anchor, v.section) for v in after.revisions] == [
        ("deletion", "Anna Berg (Customer)", "5,000,000", "word/document.xml#tr1", "1"),
        ("insertion", "Anna Berg (Customer)", "1,000,000", "word/document.xml#tr1", "1"),
        ("row-deletion", "Anna Berg (Customer)", "Professional indemnity | EUR 2,000,000", "word/document.xml#tr2",
         "1"),
        ("deletion", "Anna Berg (Customer)", "Professional indemnity", "word/document.xml#tr2", "1"),
        ("deletion", "Anna Berg (Customer)", "EUR 2,000,000", "word/document.xml#tr2", "1"),
        ("row-insertion", "Bo Holm", "Customary insurance | as the Supplier sees fit", "word/document.xml#tr3", "1"),
        ("insertion", "Bo Holm", "Customary insurance", "word/document.xml#tr3", "1"),
        ("insertion", "Bo Holm", "as the Supplier sees fit", "word/document.xml#tr3", "1"),
    ]


def test_a_row_marked_deleted_is_gone_after_even_when_its_text_is_not_marked(tmp_path: Path) -> None:
    gone = f'<w:trPr><w:del w:id="1" {ANNA}/></w:trPr>'
    table = "<w:tbl>" + _row(r("Keep")) + _row(r("Gone"), trpr=gone) + "</w:tbl>"
    before, after = read_docx_sides(make_docx(tmp_path / "a.docx", table), MAX)
    assert (texts(before), texts(after)) == (["Keep", "Gone"], ["Keep"])
    assert [(v.kind, v.text) for v in after.revisions] == [("row-deletion", "Gone")]


def test_cells_marked_inserted_or_deleted_stand_on_one_side_only(tmp_path: Path) -> None:
    row = ('<w:tr><w:tc><w:p><w:r><w:t>Cyber</w:t></w:r></w:p></w:tc>'
           f'<w:tc><w:tcPr><w:cellDel w:id="1" {ANNA}/></w:tcPr><w:p><w:r><w:t>EUR 5,000,000</w:t></w:r></w:p>'
           f'<w:p><w:r><w:t>per claim</w:t></w:r></w:p></w:tc>'
           f'<w:tc><w:tcPr><w:cellIns w:id="2" {BO}/></w:tcPr><w:p><w:r><w:t>customary</w:t></w:r></w:p></w:tc></w:tr>')
    before, after = read_docx_sides(make_docx(tmp_path / "a.docx", f"<w:tbl>{row}</w:tbl>"), MAX)
    assert (texts(before), texts(after)) == (["Cyber | EUR 5,000,000 per claim"], ["Cyber | customary"])
    assert [(v.kind, v.author, v.text, v.anchor) for v in after.revisions] == [
        ("cell-deletion", "Anna Berg (Customer)", "EUR 5,000,000 per claim", "word/document.xml#tr0"),
        ("cell-insertion", "Bo Holm", "customary", "word/document.xml#tr0")]


def test_text_inserted_by_one_author_and_deleted_by_another_is_on_neither_side(tmp_path: Path) -> None:
    inserted_then_deleted = (f'<w:ins w:id="1" {ANNA}><w:del w:id="2" {BO}><w:r><w:delText>never </w:delText>'
                             '</w:r></w:del></w:ins>')
    path = make_docx(tmp_path / "a.docx", p(r("The Supplier shall "), inserted_then_deleted, r("notify.")))
    before, after = read_docx_sides(path, MAX)
    assert texts(before) == texts(after) == ["The Supplier shall notify."]
    # both changes are recorded; the insertion leaves no words after the changes, the deletion took "never"
    assert [(v.kind, v.author, v.text) for v in after.revisions] == [("insertion", "Anna Berg (Customer)", ""),
                                                                       ("deletion", "Bo Holm", "never")]


def test_paragraphs_wrapped_in_a_block_level_insertion_are_read_after_only(tmp_path: Path) -> None:
    wrapped = f'<w:ins w:id="1" {ANNA}>{p(r("Inserted clause."))}</w:ins>'
    wrapped_del = f'<w:del w:id="2" {ANNA}>{p(r("Deleted clause."))}</w:del>'
    before, after = read_docx_sides(make_docx(tmp_path / "a.docx", p(r("Kept.")) + wrapped + wrapped_del), MAX)
    assert (texts(before), texts(after)) == (["Kept.", "Deleted clause."], ["Kept.", "Inserted clause."])
    assert [(v.kind, v.text, v.anchor) for v in after.revisions] == [
        ("insertion", "Inserted clause.", "word/document.xml#p1"), ("deletion", "Deleted clause.", "word/document.xml#p2")]


# ---------------------------------------------------------------- not content changes


def test_formatting_changes_are_no_revisions_and_change_no_text(tmp_path: Path) -> None:
    body = (
        '<w:p><w:pPr><w:pStyle w:val="Normal"/>'
        f'<w:pPrChange w:id="1" {ANNA}><w:pPr><w:jc w:val="center"/></w:pPr></w:pPrChange></w:pPr>'
        f'<w:r><w:rPr><w:b/><w:rPrChange w:id="2" {ANNA}><w:rPr/></w:rPrChange></w:rPr>'
        '<w:t>The Supplier shall notify the Customer within 24 hours.</w:t></w:r></w:p>'
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>'
        f'<w:tblPrChange w:id="3" {ANNA}><w:tblPr/></w:tblPrChange></w:tblPr>'
        f'<w:tr><w:trPr><w:trPrChange w:id="4" {ANNA}><w:trPr/></w:trPrChange></w:trPr>'
        f'<w:tc><w:tcPr><w:tcPrChange w:id="5" {ANNA}><w:tcPr/></w:tcPrChange></w:tcPr>'
        '<w:p><w:r><w:t>Cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
        # the old properties of a paragraph mark may themselves hold a mark change: still formatting
        f'<w:p><w:pPr><w:rPr><w:rPrChange w:id="6" {ANNA}><w:rPr><w:del w:id="7" {ANNA}/></w:rPr>'
        '</w:rPrChange></w:rPr></w:pPr><w:r><w:t>Last.</w:t></w:r></w:p>'
    )
    before, after = read_docx_sides(make_docx(tmp_path / "a.docx", body), MAX)
    assert texts(after) == texts(before) == ["The Supplier shall notify the Customer within 24 hours.", "Cell",
                                              "Last."]
    assert after.revisions == before.revisions == ()


def test_a_document_without_changes_reads_the_same_on_both_sides(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", p(r("Definitions"), num=0) + p(r("Words mean what they say."), num=1))
    before, after = read_docx_sides(path, MAX)
    assert after.revisions == before.revisions == ()
    assert [(b.text, b.section, b.heading, b.anchor) for b in before.blocks] == \
           [(b.text, b.section, b.heading, b.anchor) for b in after.blocks] == [
               ("Definitions", "1", "Definitions", "word/document.xml#p0"),
               ("Words mean what they say.", "1.1", "Definitions", "word/document.xml#p1")]
    assert (before.side, after.side) == ("before", "after")


def test_a_bundled_sample_without_changes_has_no_revisions_and_reads_the_same_before() -> None:
    sample = SAMPLES / "msa_provider.docx"
    before, after = read_docx_sides(sample, MAX)
    assert after.revisions == () and texts(before) == texts(after) == texts(load_document(sample))


def test_other_formats_read_the_same_on_both_sides(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("1. Security\n\n1.1 The Supplier shall notify the Customer within 24 hours.\n", encoding="utf-8")
    after, before = load_document(path), load_document(path, side="before")
    assert (after.side, before.side, before.revisions) == ("after", "before", ())
    assert texts(before) == texts(after) and len(texts(after)) == 2


def test_the_bundled_dpa_sample_carries_a_customers_markup() -> None:
    before, after = read_docx_sides(SAMPLES / "dpa.docx", MAX)
    who = {v.author for v in after.revisions}
    assert who == {"Line Holm (Halden Care)"}
    assert [(v.kind, v.text[:40], v.section) for v in after.revisions] == [
        ("deletion", "without undue delay", "10.1"),
        ("insertion", "within forty-eight (48) hours", "10.1"),
        ("insertion", "The Controller shall notify the Processo", "10.6"),
        ("deletion", "EUR 500,000", "14.2"),
        ("insertion", "EUR 1,000,000 (one million euros)", "14.2")]
    at = {b.anchor: b.text for b in after.blocks}
    was = {b.anchor: b.text for b in before.blocks}
    notice = after.revisions[0].anchor
    assert "Personal Data Breach without undue delay after" in was[notice]
    assert "Personal Data Breach within forty-eight (48) hours after" in at[notice]
    assert after.revisions[2].anchor in at and after.revisions[2].anchor not in was
    assert len(after.blocks) == len(before.blocks) + 1


# ---------------------------------------------------------------- the pipeline on both sides


def test_both_sides_go_through_the_check_unchanged(tmp_path: Path, library) -> None:
    from ddcontract.check import CheckOptions, check_document

    path = make_docx(tmp_path / "a.docx", "".join([
        p(r("Security incidents"), num=0),
        p(r("The Supplier shall notify the Customer of any Security Incident "),
          dele("within twenty-four (24) hours", 1), ins("without undue delay", 2), r("."), num=1),
    ]))
    before, after = read_docx_sides(path, MAX)
    results = {side.side: check_document(side, library, CheckOptions()) for side in (before, after)}
    hours = {side: next(f for f in res.requirements if f.id == "DD-8.1").values.get("hours")
             for side, res in results.items()}
    assert hours == {"before": 24, "after": None}
    evidence = next(f for f in results["before"].requirements if f.id == "DD-8.1").evidence[0]
    deletion = after.revisions[0]
    assert (evidence.anchor, evidence.section) == (deletion.anchor, deletion.section)


# ---------------------------------------------------------------- hostile files


def test_the_before_reading_keeps_the_xml_protections(tmp_path: Path, monkeypatch) -> None:
    prolog = '<!DOCTYPE w:document [<!ENTITY boom "EXPANDED-ENTITY">]>'
    path = make_docx(tmp_path / "a.docx", p(r("Keep "), dele("&boom; deleted", 1)), prolog=prolog)
    before, after = read_docx_sides(path, MAX)
    assert "EXPANDED" not in " ".join(texts(before) + texts(after) + [v.text for v in after.revisions])
    monkeypatch.setattr(reader, "MAX_TAGS", 10)
    with pytest.raises(InputError, match="XML tags"):
        read_docx(path, MAX, side="before")


# ---------------------------------------------------------------- LibreOffice agrees

def _libreoffice_resolves(src: Path, outdir: Path) -> dict[str, Path]:
    """``src`` with every tracked change accepted ("after") and rejected ("before") by LibreOffice."""
    return {"after": libreoffice_resolve(src, outdir, "Accept"), "before": libreoffice_resolve(src, outdir, "Reject")}


def test_libreoffice_accepting_and_rejecting_every_change_gives_our_two_sides(tmp_path: Path) -> None:
    moved = "The Supplier shall maintain cyber insurance."
    src = make_docx(tmp_path / "markup.docx", "".join([
        p(r("Security"), num=0),
        p(r("The Supplier shall notify the Customer of a Security Incident "),
          dele("within twenty-four (24) hours", 1), ins("without undue delay", 2), r("."), num=1),
        p(dele("The Supplier shall keep audit logs.", 3), num=1, mark=f'<w:del w:id="4" {ANNA}/>'),
        p(r("The Supplier shall encrypt Customer Data."), num=1),
        p(r("The Customer may audit the Supplier."), mark=f'<w:del w:id="5" {BO}/>'),
        p(r("Audits take place once a year.")),
        f'<w:moveFromRangeStart w:id="6" w:name="move1" {ANNA}/>',
        f'<w:p><w:pPr><w:rPr><w:moveFrom w:id="7" {ANNA}/></w:rPr></w:pPr><w:moveFrom w:id="8" {ANNA}>'
        f'<w:r><w:delText>{moved}</w:delText></w:r></w:moveFrom></w:p>',
        '<w:moveFromRangeEnd w:id="6"/>',
        p(r("Insurance"), num=0),
        f'<w:moveToRangeStart w:id="9" w:name="move1" {ANNA}/>',
        f'<w:p><w:pPr><w:rPr><w:moveTo w:id="10" {ANNA}/></w:rPr></w:pPr><w:moveTo w:id="11" {ANNA}>'
        f'<w:r><w:t>{moved}</w:t></w:r></w:moveTo></w:p>',
        '<w:moveToRangeEnd w:id="9"/>',
        "<w:tbl>" + _row(r("Cover"), r("EUR ") + dele("5,000,000", 12) + ins("1,000,000", 13))
        + _row(dele("Cyber", 14), dele("EUR 2,000,000", 15), trpr=f'<w:trPr><w:del w:id="16" {ANNA}/></w:trPr>')
        + "</w:tbl>",
        p(r("End.")),
    ]))
    before, after = read_docx_sides(src, MAX)
    assert len(before.blocks) == 11 and len(after.blocks) == 8
    resolved = _libreoffice_resolves(src, tmp_path)
    for side, ours in (("before", before), ("after", after)):
        theirs = read_docx(resolved[side], MAX)
        assert theirs.revisions == ()
        # LibreOffice runs joined paragraphs together without a space after the first one's full stop
        assert [(b.section, "".join(b.text.split())) for b in theirs.blocks] == \
               [(b.section, "".join(b.text.split())) for b in ours.blocks], side
