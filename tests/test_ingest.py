"""Unit tests for ddcontract.ingest: DOCX (numbering, tracked changes, tables), text and Markdown,
PDF (bundled samples and a PDF written byte by byte here) and unreadable input.

Every fixture file is built in tmp_path at test time; no binary fixture is committed.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from ddcontract.errors import InputError
from ddcontract.ingest import load_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


# ================================================================ DOCX

_ABSTRACT = f"""<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>"""
_BULLETS = f"""<w:abstractNum {nsdecls("w")} w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl>
</w:abstractNum>"""


def _new_docx():
    """A python-docx document whose numbering part has our multi-level list (numId 90) and bullets (92).

    python-docx's default template already contains word/numbering.xml; the abstractNums go before
    its first w:num, as the schema orders them."""
    d = docx.Document()
    numbering = d.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(parse_xml(_ABSTRACT))
    first_num.addprevious(parse_xml(_BULLETS))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="92"><w:abstractNumId w:val="91"/></w:num>'))
    return d


def _numbered(d, text: str, ilvl: int, num_id: int = 90):
    p = d.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


_REV = 'w:author="Reviewer" w:date="2024-01-01T00:00:00Z"'


def _insert(p, text: str, rev_id: int = 1) -> None:
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="{rev_id}" {_REV}><w:r>'
                          f'<w:t xml:space="preserve">{text}</w:t></w:r></w:ins>'))


def _delete(p, text: str, rev_id: int = 2) -> None:
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="{rev_id}" {_REV}><w:r>'
                          f'<w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'))


@pytest.fixture
def contract_docx(tmp_path: Path) -> Path:
    d = _new_docx()
    _numbered(d, "Definitions", 0)
    _numbered(d, "In this Agreement capitalised words have the meanings given below.", 1)
    _numbered(d, "Clause headings do not affect interpretation.", 1)
    _numbered(d, "Security", 0)
    p = _numbered(d, "The Supplier shall notify the Customer of any Security Incident", 1)
    _insert(p, " within twenty-four (24) hours")
    _delete(p, " within thirty (30) days")
    p.add_run(".")
    _numbered(d, "encrypt Customer Data at rest;", 2)
    _numbered(d, "keep audit logs.", 2)
    table = d.add_table(rows=2, cols=3)
    for r, row in enumerate([["Cover", "Minimum", "Insurer"], ["Cyber liability", "EUR 5,000,000", "Acme Re"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "contract.docx"
    d.save(str(path))
    return path


def test_docx_word_numbering_gives_sections(contract_docx: Path):
    doc = load_document(contract_docx)
    assert doc.format == "docx"
    paragraphs = [b for b in doc.blocks if b.kind != "table-row"]
    assert [b.section for b in paragraphs] == ["1", "1.1", "1.2", "2", "2.1", "2.1", "2.1"]
    # the number is not part of the text: Word renders it from numbering.xml
    assert paragraphs[1].text == "In this Agreement capitalised words have the meanings given below."
    assert paragraphs[0].kind == "heading" and paragraphs[0].heading == "Definitions"
    assert paragraphs[4].heading == "Security"


def test_docx_letter_items_keep_their_label_in_the_text(contract_docx: Path):
    items = [b for b in load_document(contract_docx).blocks if b.text.startswith("(")]
    assert [(b.text, b.section) for b in items] == [
        ("(a) encrypt Customer Data at rest;", "2.1"), ("(b) keep audit logs.", "2.1")]


def test_docx_tracked_insertion_kept_and_deletion_dropped(contract_docx: Path):
    block = next(b for b in load_document(contract_docx).blocks if b.section == "2.1")
    assert block.text == ("The Supplier shall notify the Customer of any Security Incident within "
                          "twenty-four (24) hours.")
    assert "thirty" not in " ".join(b.text for b in load_document(contract_docx).blocks)


def test_docx_table_rows_become_blocks(contract_docx: Path):
    rows = [b for b in load_document(contract_docx).blocks if b.kind == "table-row"]
    assert [b.text for b in rows] == ["Cover | Minimum | Insurer", "Cyber liability | EUR 5,000,000 | Acme Re"]
    assert all(b.section == "2.1" for b in rows)  # a table belongs to the clause above it


def test_docx_table_skips_empty_cells_and_keeps_insertions(tmp_path: Path):
    d = docx.Document()
    table = d.add_table(rows=1, cols=3)
    table.cell(0, 0).text = "Security contact"
    cell = table.cell(0, 2).paragraphs[0]
    cell.add_run("soc@example.com")
    _insert(cell, " / +45 70 00 00 00")
    _delete(cell, " / old@example.com")
    path = tmp_path / "t.docx"
    d.save(str(path))
    assert [b.text for b in load_document(path).blocks] == ["Security contact | soc@example.com / +45 70 00 00 00"]


def test_docx_bullets_give_no_section(tmp_path: Path):
    d = _new_docx()
    _numbered(d, "Security", 0)
    _numbered(d, "The Supplier shall keep logs.", 0, num_id=92)
    path = tmp_path / "b.docx"
    d.save(str(path))
    blocks = load_document(path).blocks
    assert [(b.text, b.section) for b in blocks] == [("Security", "1"), ("The Supplier shall keep logs.", "1")]


def test_docx_explicit_page_breaks_alone_give_no_page_numbers(tmp_path: Path):
    # A hard page break is only a lower bound of the page: without Word's rendered page breaks
    # the page of a paragraph is unknown, and a wrong page number is worse than none.
    d = docx.Document()
    d.add_paragraph("1. The Supplier shall keep logs.")
    d.add_paragraph("The logs are kept for a year.").add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("2. The Customer shall pay the fees.")
    path = tmp_path / "pages.docx"
    d.save(str(path))
    doc = load_document(path)
    assert [(b.page, b.section) for b in doc.blocks] == [(None, "1"), (None, "1"), (None, "2")]


def test_docx_rendered_page_breaks_give_pages(tmp_path: Path):
    d = docx.Document()
    d.add_paragraph("1. The Supplier shall keep logs.")
    d.add_paragraph("The logs are kept for a year.")
    p = d.add_paragraph("2. The Customer shall pay the fees.")
    p.runs[0]._r.insert(0, parse_xml(f'<w:lastRenderedPageBreak {nsdecls("w")}/>'))
    path = tmp_path / "pages.docx"
    d.save(str(path))
    doc = load_document(path)
    assert [(b.page, b.section) for b in doc.blocks] == [(1, "1"), (1, "1"), (2, "2")]
    assert doc.pages == 2


def test_docx_without_page_marks_has_no_page_numbers(contract_docx: Path):
    assert {b.page for b in load_document(contract_docx).blocks} == {None}


def test_docx_start_override_restarts_numbering(tmp_path: Path):
    d = _new_docx()
    d.part.numbering_part.element.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="93"><w:abstractNumId w:val="90"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    _numbered(d, "Services", 0)
    _numbered(d, "Fees", 0)
    d.add_paragraph("Schedule 1 Security Measures")
    _numbered(d, "Encryption", 0, num_id=93)
    path = tmp_path / "restart.docx"
    d.save(str(path))
    assert [b.section for b in load_document(path).blocks] == ["1", "2", "Schedule 1", "Schedule 1, 1"]


# ================================================================ text and Markdown

_TEXT = """MASTER SERVICES AGREEMENT

9. Security

9.1 The Supplier shall notify the Customer of any
Security Incident within twenty-four (24) hours of
becoming aware of it.

9.2 The Supplier shall keep logs.

- 3 -

Section 12 Liability

The total liability of either party shall not exceed EUR 1,000,000.

17

§ 5 Confidentiality

Each party shall keep the other party's information confidential.

Page 4 of 10

Schedule 3 Data Processing

The Processor shall process personal data only on documented instructions.
"""


@pytest.fixture
def text_doc(tmp_path: Path):
    path = tmp_path / "contract.txt"
    path.write_text(_TEXT, encoding="utf-8")
    return load_document(path)


def test_text_sections(text_doc):
    assert text_doc.format == "txt" and text_doc.pages is None
    by_text = {b.text: b.section for b in text_doc.blocks}
    assert by_text["9.2 The Supplier shall keep logs."] == "9.2"
    assert by_text["The total liability of either party shall not exceed EUR 1,000,000."] == "Section 12"
    assert by_text["Each party shall keep the other party's information confidential."] == "§ 5"
    assert by_text["The Processor shall process personal data only on documented instructions."] == "Schedule 3"
    assert by_text["MASTER SERVICES AGREEMENT"] is None


def test_text_headings(text_doc):
    headings = [(b.section, b.heading) for b in text_doc.blocks if b.kind == "heading"]
    assert headings == [(None, "MASTER SERVICES AGREEMENT"), ("9", "Security"), ("Section 12", "Liability"),
                        ("§ 5", "Confidentiality"), ("Schedule 3", "Data Processing")]
    clause = next(b for b in text_doc.blocks if b.section == "9.1")
    assert clause.heading == "Security"


def test_text_hard_wrapped_paragraph_is_joined(text_doc):
    assert ("9.1 The Supplier shall notify the Customer of any Security Incident within twenty-four (24) "
            "hours of becoming aware of it.") in [b.text for b in text_doc.blocks]


def test_text_page_number_lines_are_dropped(text_doc):
    texts = [b.text for b in text_doc.blocks]
    assert len(texts) == 10
    for t in texts:
        assert not re.fullmatch(r"(?:-\s*\d+\s*-|\d+|Page \d+ of \d+)", t)
        assert "Page 4" not in t and "- 3 -" not in t


def test_text_lines_starting_new_clauses_split_a_paragraph(tmp_path: Path):
    path = tmp_path / "c.txt"
    path.write_text("4.1 The Supplier shall keep logs.\n4.2 The Customer shall pay.\n(a) on time;\n", encoding="utf-8")
    assert [(b.text, b.section) for b in load_document(path).blocks] == [
        ("4.1 The Supplier shall keep logs.", "4.1"), ("4.2 The Customer shall pay.", "4.2"), ("(a) on time;", "4.2")]


def test_text_wrapped_line_starting_with_a_duration_is_not_a_clause(tmp_path: Path):
    path = tmp_path / "c.txt"
    path.write_text("7.1 The Customer shall pay each invoice within\n30 days of receipt.\n", encoding="utf-8")
    assert [(b.text, b.section) for b in load_document(path).blocks] == [
        ("7.1 The Customer shall pay each invoice within 30 days of receipt.", "7.1")]


def test_text_wrapped_cross_reference_is_not_a_clause(tmp_path: Path):
    path = tmp_path / "c.txt"
    path.write_text("15.5 Provider may suspend any user whose use of the Services breaches\n"
                    "Clause 4, or that poses an immediate threat to the Services.\n", encoding="utf-8")
    assert [b.section for b in load_document(path).blocks] == ["15.5"]


def test_text_windows_1252_is_decoded(tmp_path: Path):
    path = tmp_path / "c.txt"
    path.write_bytes("1.1 The cap is \u20ac1,000,000 \u2013 per year.".encode("cp1252"))
    assert load_document(path).blocks[0].text == "1.1 The cap is \u20ac1,000,000 \u2013 per year."


def test_markdown(tmp_path: Path):
    path = tmp_path / "dpa.md"
    path.write_text(
        "# Data Processing Agreement\n\n## 9. Security\n\n9.1 The Processor shall **notify** the Controller\n"
        "without undue delay.\n\n| Cover | Amount |\n|---|---|\n| Cyber | EUR 5,000,000 |\n\n- item one\n- item two\n",
        encoding="utf-8")
    doc = load_document(path)
    assert doc.format == "md"
    assert [(b.kind, b.section, b.text) for b in doc.blocks] == [
        ("heading", None, "Data Processing Agreement"),
        ("heading", "9", "9. Security"),
        ("paragraph", "9.1", "9.1 The Processor shall notify the Controller without undue delay."),
        ("table-row", "9.1", "Cover | Amount"),
        ("table-row", "9.1", "Cyber | EUR 5,000,000"),
        ("list-item", "9.1", "item one"),
        ("list-item", "9.1", "item two"),
    ]


# ================================================================ PDF

SAMPLE_PDFS = sorted(SAMPLES.glob("*.pdf"))


def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def _edge_lines(path: Path) -> tuple[list[str], list[str]]:
    """The first and last text line of every page, straight from pdfium."""
    import pypdfium2 as pdfium

    firsts, lasts = [], []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            lines = [ln for ln in pdf[i].get_textpage().get_text_range().splitlines() if ln.strip()]
            if lines:
                firsts.append(_norm(lines[0]))
                lasts.append(_norm(lines[-1]))
    finally:
        pdf.close()
    return firsts, lasts


@pytest.mark.skipif(not SAMPLE_PDFS, reason="no samples/*.pdf")
@pytest.mark.parametrize("path", SAMPLE_PDFS, ids=lambda p: p.name)
def test_sample_pdf_pages_and_clean_blocks(path: Path):
    doc = load_document(path)
    assert doc.format == "pdf"
    assert doc.pages is not None and doc.pages > 1
    assert {b.page for b in doc.blocks} <= set(range(1, doc.pages + 1))
    for b in doc.blocks:
        assert not re.fullmatch(r"\s*(?:page\s*)?[-–—]?\s*\d+\s*[-–—]?(?:\s*(?:of|/)\s*\d+)?\s*", b.text, re.I), b.text
    firsts, lasts = _edge_lines(path)
    repeated = {t for t, n in Counter(firsts + lasts).items() if n >= max(2, doc.pages // 2)}
    for b in doc.blocks:
        for line in repeated:
            assert line not in _norm(b.text), (line, b.text)
    assert any(re.fullmatch(r"\d+\.\d+", b.section or "") for b in doc.blocks)


@pytest.mark.skipif(not (SAMPLES / "msa_provider.pdf").exists(), reason="no samples/msa_provider.pdf")
def test_sample_msa_clause_sections():
    doc = load_document(SAMPLES / "msa_provider.pdf")
    sections = {b.section for b in doc.blocks}
    assert {"9.3", "13.3", "14.1", "Schedule 1"} <= sections
    cap = [b for b in doc.blocks if b.section == "13.3"]
    assert cap[0].text.startswith("13.3 ")
    assert cap[0].heading == "Limitation of Liability"
    # this sample has a running header and footer on every page; neither reaches a block
    firsts, lasts = _edge_lines(SAMPLES / "msa_provider.pdf")
    header, footer = Counter(firsts).most_common(1)[0], Counter(lasts).most_common(1)[0]
    assert header[1] == footer[1] == doc.pages
    assert not any(header[0] in _norm(b.text) or footer[0] in _norm(b.text) for b in doc.blocks)


@pytest.mark.skipif(not SAMPLE_PDFS, reason="no samples/*.pdf")
def test_sample_pdfs_have_no_pdfium_hyphen_markers():
    for path in SAMPLE_PDFS:
        assert not [b.text for b in load_document(path).blocks if "\ufffe" in b.text], path


def make_pdf(pages: list[list[tuple[int, int, str]]]) -> bytes:
    """A minimal PDF: each page a list of (x, y, text) lines in Helvetica, y from the bottom."""
    objs: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    kids = []
    next_id = 4
    for lines in pages:
        page_id, content_id = next_id, next_id + 1
        next_id += 2
        kids.append(page_id)
        ops = []
        for x, y, text in lines:
            esc = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"BT /F1 10 Tf {x} {y} Td ({esc}) Tj ET")
        stream = "\n".join(ops).encode("cp1252")
        objs[content_id] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objs[page_id] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                         b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_id)
    objs[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(f"{k} 0 R" for k in kids).encode(), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for i in sorted(objs):
        offsets[i] = len(out)
        out += b"%d 0 obj\n" % i + objs[i] + b"\nendobj\n"
    xref = len(out)
    count = max(objs) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % count
    for i in range(1, count):
        out += b"%010d 00000 n \n" % offsets[i]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count, xref)
    return bytes(out)


HEADER = "Acme Cloud Ltd - Master Services Agreement - CONFIDENTIAL"


def _page(number: int, total: int, lines: list[str]) -> list[tuple[int, int, str]]:
    items = [(72, 760, HEADER)]
    y = 700
    for line in lines:
        items.append((72, y, line))
        y -= 22 if line.endswith(".") or line[:1].isdigit() and len(line) < 40 else 14
    items.append((300, 40, f"Page {number} of {total}"))
    return items


@pytest.fixture
def small_pdf(tmp_path: Path) -> Path:
    body = [
        ["12. Security",
         "12.1 The Supplier shall notify the Customer of any Security Incident within",
         "twenty-four (24) hours of becoming aware of it.",
         "12.2 The Supplier shall cooperate with the Customer in the"],
        ["investigation of any Security Incident.",
         "13. Limitation of Liability",
         "13.3 Each party's total aggregate liability shall not exceed EUR 1,000,000."],
        ["14. Insurance",
         "14.1 The Supplier shall maintain cyber liability insurance of EUR 5,000,000."],
    ]
    path = tmp_path / "small.pdf"
    path.write_bytes(make_pdf([_page(i, len(body), lines) for i, lines in enumerate(body, 1)]))
    return path


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_generated_pdf(small_pdf: Path, engine: str):
    doc = load_document(small_pdf, pdf_engine=engine)
    assert doc.format == "pdf" and doc.pages == 3
    assert [(b.page, b.section, b.text) for b in doc.blocks] == [
        (1, "12", "12. Security"),
        (1, "12.1", "12.1 The Supplier shall notify the Customer of any Security Incident within twenty-four "
                    "(24) hours of becoming aware of it."),
        # a paragraph running over the page break is joined, without the header between
        (1, "12.2", "12.2 The Supplier shall cooperate with the Customer in the investigation of any Security "
                    "Incident."),
        (2, "13", "13. Limitation of Liability"),
        (2, "13.3", "13.3 Each party's total aggregate liability shall not exceed EUR 1,000,000."),
        (3, "14", "14. Insurance"),
        (3, "14.1", "14.1 The Supplier shall maintain cyber liability insurance of EUR 5,000,000."),
    ]


def _hyphen_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "hyphen.pdf"
    path.write_bytes(make_pdf([[
        (72, 700, "9.1 The Supplier shall give notifi-"),
        (72, 686, "cation of any Security Incident and keep all third-"),
        (72, 672, "party software up to date."),
    ]]))
    return path


@pytest.mark.parametrize("engine", [
    "pdfium",
    "pdfplumber",
])
def test_pdf_line_break_hyphens(tmp_path: Path, engine: str):
    doc = load_document(_hyphen_pdf(tmp_path), pdf_engine=engine)
    assert [b.text for b in doc.blocks] == [
        "9.1 The Supplier shall give notification of any Security Incident and keep all third-party software "
        "up to date."]


def test_pdf_unknown_engine(small_pdf: Path):
    with pytest.raises(InputError, match="unknown PDF engine"):
        load_document(small_pdf, pdf_engine="magic")


def test_pdf_without_text_layer(tmp_path: Path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[], []]))
    with pytest.raises(InputError) as exc:
        load_document(path)
    assert str(path) in str(exc.value) and "no text layer" in str(exc.value)


# ================================================================ unreadable input


def _zip_without_document(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/styles.xml", "<styles/>")


@pytest.mark.parametrize(("name", "make", "cause"), [
    ("empty.txt", lambda p: p.write_bytes(b""), "empty"),
    ("empty.pdf", lambda p: p.write_bytes(b""), "empty"),
    ("really_text.pdf", lambda p: p.write_text("This is a contract in plain text.\n"), "not a PDF"),
    ("truncated.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj garbage"), "PDF"),
    ("not_a_zip.docx", lambda p: p.write_text("This is not a zip archive.\n"), "zip"),
    ("no_document.docx", _zip_without_document, "word/document.xml"),
    ("table.xls", lambda p: p.write_bytes(b"A,B\n1,2\n"), "unsupported"),
    ("binary.txt", lambda p: p.write_bytes(b"abc\x00def"), "binary"),
    ("blank.txt", lambda p: p.write_text("\n\n   \n"), "no text"),
])
def test_bad_input_raises_input_error_naming_the_file(tmp_path: Path, name, make, cause):
    path = tmp_path / name
    make(path)
    with pytest.raises(InputError) as exc:
        load_document(path)
    assert exc.value.path == str(path)
    assert str(exc.value).startswith(f"{path}: ")
    assert cause.lower() in str(exc.value).lower()
    assert "\n" not in exc.value.one_line()


def test_missing_file_and_directory(tmp_path: Path):
    with pytest.raises(InputError) as exc:
        load_document(tmp_path / "missing.pdf")
    assert str(tmp_path / "missing.pdf") in str(exc.value)
    with pytest.raises(InputError) as exc:
        load_document(tmp_path)
    assert str(tmp_path) in str(exc.value)


def test_docx_with_malformed_xml(tmp_path: Path):
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document><unclosed>")
    with pytest.raises(InputError) as exc:
        load_document(path)
    assert str(path) in str(exc.value) and "word/document.xml" in str(exc.value)


@pytest.mark.parametrize("heading, label", [
    ("Annex A – Security Measures", "Annex A"), ("SCHEDULE 3 Services", "SCHEDULE 3"), ("Bilag 2. Sikkerhed", "Bilag 2"),
    ("Appendix IV", "Appendix IV"), ("Schedule 12b Prices", "Schedule 12b"),
    ("Annex on the Notification of Security Incidents", None), ("Annex to the Data Processing Agreement", None),
])
def test_annex_labels_need_an_identifier(heading, label):
    from ddcontract.ingest.sections import _ANNEX

    m = _ANNEX.match(heading)
    assert (m.group("num") if m else None) == label
