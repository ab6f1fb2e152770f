"""Every block a reader makes has an anchor: where it stands in its file, the same on every read and
unique in the document, so that a comment or a tracked change can later be placed on the evidence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ddcontract.check import CheckOptions, check_file
from ddcontract.ingest import load_document

from conftest import SAMPLES

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
FORMATS = {
    "docx": re.compile(r"word/document\.xml#(?:paraId=[0-9A-F]{8}|p\d+|tr\d+)"),
    "pdf": re.compile(r"page\d+#b\d+"),
    "txt": re.compile(r"line\d+(?::\d+)?"),
    "md": re.compile(r"line\d+(?::\d+)?"),
}
SAMPLE_FILES = sorted(p for p in SAMPLES.glob("*.*") if p.name != "README.md")


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_block_has_a_unique_stable_anchor(path: Path) -> None:
    doc = load_document(path)
    anchors = [b.anchor for b in doc.blocks]
    assert all(a is not None and FORMATS[doc.format].fullmatch(a) for a in anchors), anchors
    assert len(set(anchors)) == len(anchors)
    assert [b.anchor for b in load_document(path).blocks] == anchors


def test_pdf_anchor_names_the_page_of_the_block() -> None:
    doc = load_document(SAMPLES / "msa_provider.pdf")
    for b in doc.blocks:
        assert b.anchor.startswith(f"page{b.page}#b")


def test_text_anchor_is_the_line_the_paragraph_starts_on(tmp_path: Path) -> None:
    path = tmp_path / "terms.md"
    path.write_bytes(b"# Terms\r\n\r\n1. First clause\r\nwraps here.\r\n2. Second clause.\n\n\n\x0cPage two\n\n"
                     b"| a | b |\n|---|---|\n| c | d |\n")
    blocks = load_document(path).blocks
    assert [(b.anchor, b.text) for b in blocks] == [
        ("line1", "Terms"), ("line3", "1. First clause wraps here."), ("line5", "2. Second clause."),
        ("line8", "Page two"), ("line10", "a | b"), ("line12", "c | d")]


def test_text_blocks_on_one_line_split_by_a_form_feed_get_distinct_anchors(tmp_path: Path) -> None:
    path = tmp_path / "feed.txt"
    path.write_text("The first page ends here.\x0cThe second page starts on the same line.\n")
    assert [b.anchor for b in load_document(path).blocks] == ["line1", "line1:2"]


def _docx_with_para_ids(path: Path) -> None:
    """Two paragraphs and a table row with a w14:paraId, a paragraph without one, and a paragraph
    that repeats an id already used (a copy-paste in a damaged file)."""
    import docx

    d = docx.Document()
    first = d.add_paragraph("The Supplier shall notify the Customer of any breach.")
    second = d.add_paragraph("The Customer may audit the Supplier once a year.")
    d.add_paragraph("This paragraph has no paraId.")
    repeat = d.add_paragraph("This paragraph repeats the first one's paraId.")
    table = d.add_table(rows=2, cols=2)
    for i, row in enumerate(table.rows):
        for j, cell in enumerate(row.cells):
            cell.text = f"cell {i}{j}"
    first._p.set(f"{{{W14}}}paraId", "1A2B3C4D")
    second._p.set(f"{{{W14}}}paraId", "00C0FFEE")
    repeat._p.set(f"{{{W14}}}paraId", "1A2B3C4D")
    table.rows[0]._tr.set(f"{{{W14}}}paraId", "7E57AB1E")
    d.save(str(path))


def test_docx_anchor_is_the_para_id_when_word_wrote_one(tmp_path: Path) -> None:
    path = tmp_path / "ids.docx"
    _docx_with_para_ids(path)
    blocks = load_document(path).blocks
    assert [(b.anchor, b.text) for b in blocks] == [
        ("word/document.xml#paraId=1A2B3C4D", "The Supplier shall notify the Customer of any breach."),
        ("word/document.xml#paraId=00C0FFEE", "The Customer may audit the Supplier once a year."),
        ("word/document.xml#p2", "This paragraph has no paraId."),
        ("word/document.xml#p3", "This paragraph repeats the first one's paraId."),
        ("word/document.xml#paraId=7E57AB1E", "cell 00 | cell 01"),
        ("word/document.xml#tr1", "cell 10 | cell 11"),
    ]
    assert [b.anchor for b in load_document(path).blocks] == [b.anchor for b in blocks]


def test_docx_positional_anchor_finds_its_paragraph(tmp_path: Path) -> None:
    """"…#p12" is the 12th w:p of the part in document order: the element a writer would annotate."""
    import zipfile

    from lxml import etree

    path = SAMPLES / "msa_provider.docx"
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    paragraphs = list(root.iter(w + "p"))
    for b in load_document(path).blocks:
        kind, index = re.fullmatch(r"word/document\.xml#(p|tr)(\d+)", b.anchor).groups()
        if kind == "p":
            words = "".join(t.text or "" for t in paragraphs[int(index)].iter(w + "t")).split()
            assert words and words[-1] in b.text


def test_anchor_goes_from_block_to_sentence_and_evidence_but_not_to_json(library) -> None:
    path = SAMPLES / "msa_provider.docx"
    anchors = {b.anchor for b in load_document(path).blocks}
    result = check_file(path, library, CheckOptions())
    evidence = [e for f in result.requirements for e in f.evidence] + [e for f in result.flags for e in f.evidence]
    assert evidence and all(e.anchor in anchors for e in evidence)
    assert "anchor" not in str(result.as_json())
