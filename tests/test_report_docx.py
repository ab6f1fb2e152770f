"""The DOCX gap report (`check --report`), the parties read from a contract's opening, and
suggested clauses filled from the policy."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from conftest import docx_text, libreoffice_pdfs
from ddcontract.check import CheckOptions, check_document, check_file
from ddcontract.cli import app
from ddcontract.generate import bundled_template
from ddcontract.office.template import undeclared_variables
from ddcontract.ingest import load_document
from ddcontract.model import Block, Document
from ddcontract.parties import find_parties
from ddcontract.policy import Policy
from ddcontract.wording import fill_suggestion
from ddcontract.report.docx import report_context
from ddcontract.requirements import REQUIREMENTS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"




def _status_cells(path: Path) -> dict[str, tuple[str, str]]:
    """requirement id -> (status text, cell fill) from the theme tables."""
    out = {}
    for table in docx.Document(str(path)).tables:
        for row in table.rows[1:]:
            cells = row.cells
            if len(cells) == 4 and cells[0].text.startswith("DD-"):
                shd = cells[2]._tc.tcPr.find(
                    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}shd")
                fill = shd.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill") if shd is not None else ""
                out.setdefault(cells[0].text, (cells[2].text, fill))
    return out


def _boxes(path: Path) -> list[str]:
    """The suggested clauses: the report's one-cell tables."""
    return [t.cell(0, 0).text for t in docx.Document(str(path)).tables if len(t.rows) == 1 and len(t.columns) == 1]


def _report_text(runner, contract: Path, out: Path, *options: str) -> str:
    """Run ``check CONTRACT --report OUT [options]``; the report's text."""
    result = runner.invoke(app, ["check", str(contract), "--report", str(out), *options])
    assert result.exit_code == 0, result.output
    return docx_text(out)


def test_gap_report_in_english(runner, tmp_path, library):
    out = tmp_path / "gap.docx"
    text = _report_text(runner, SAMPLES / "customer_redflags.pdf", out)
    assert "customer_redflags.pdf" in text
    assert "Nordhavn Energi A/S (Customer); Corvane IT Services ApS (Supplier)" in text
    assert "WF-2" in text and "WF-3" in text
    cells = _status_cells(out)
    assert len(cells) == len(REQUIREMENTS)
    assert "Theme 5 – Monitoring and ongoing controls" in text
    json_result = check_file(SAMPLES / "customer_redflags.pdf", library, CheckOptions())
    for f in json_result.requirements:
        assert cells[f.id][0] == f.status
        assert cells[f.id][1] == {"met": "C6EFCE", "weak": "FFEB9C", "missing": "FFC7CE"}[f.status]
    counts = {s: sum(f.status == s for f in json_result.requirements) for s in ("met", "weak", "missing")}
    assert f"{counts['met']} of {len(REQUIREMENTS)} requirements are met, {counts['weak']} are weak and {counts['missing']} are missing" in text
    # every weak or missing requirement has its clause to paste, with the policy's deadline
    for f in json_result.requirements:
        if f.status != "met":
            assert f"{f.id} {f.title} ({f.status})" in text, f.id
    boxes = _boxes(out)
    # one box per clause to paste, and one more for each fallback position
    assert len(boxes) == sum((f.status != "met") + bool(f.fallback) for f in json_result.requirements)
    assert any("within twenty-four (24) hours" in b for b in boxes)


def test_gap_report_in_danish_follows_the_document(runner, tmp_path):
    out = tmp_path / "rapport.docx"
    text = _report_text(runner, SAMPLES / "da_kundevilkaar.docx", out)
    assert "Mangelrapport for kontrakt" in text
    assert "Kattegatlinjen A/S (Kunden); Drifthuset Nord ApS (Leverandøren)" in text
    assert "Forslag til bestemmelser" in text
    assert set(s for s, _ in _status_cells(out).values()) <= {"opfyldt", "svag", "mangler"}
    assert any("senest 24 timer" in b for b in _boxes(out))


def test_report_language_can_be_chosen(runner, tmp_path):
    out = tmp_path / "gap.docx"
    text = _report_text(runner, SAMPLES / "da_kundevilkaar.docx", out, "--report-lang", "en")
    assert "Contract gap report" in text and "Danish" in text


def test_policy_values_fill_the_suggested_clauses(runner, tmp_path):
    policy = tmp_path / "policy.yaml"
    policy.write_text("suggested_notification_hours: 48\ninsurance_min_amount: {EUR: 5000000}\n", encoding="utf-8")
    out = tmp_path / "gap.docx"
    text = _report_text(runner, SAMPLES / "saas_terms_thin.pdf", out, "--policy", str(policy))
    assert any("forty-eight (48) hours" in b for b in _boxes(out))
    assert any("EUR 5,000,000 per claim" in b for b in _boxes(out))
    assert str(policy) in text


def test_report_is_not_overwritten_without_force(runner, tmp_path):
    out = tmp_path / "gap.docx"
    out.write_bytes(b"keep me")
    result = runner.invoke(app, ["check", str(SAMPLES / "dpa.pdf"), "--report", str(out)])
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert out.read_bytes() == b"keep me"
    assert runner.invoke(app, ["check", str(SAMPLES / "dpa.pdf"), "--report", str(out), "--force"]).exit_code == 0
    assert "Halden Care Services ApS" in docx_text(out)


def test_report_survives_xml_characters_in_the_contract(runner, tmp_path):
    contract = tmp_path / "odd <name> & co.txt"
    contract.write_text(
        "SERVICES AGREEMENT\n\nThis Agreement is made between Smith & Sons A/S (the \"Customer\") and "
        "Fjeld & Co ApS (the \"Supplier\").\n\n5. Security Incidents\n\n5.1 The Supplier shall notify the "
        "Customer of any Security Incident within 24 hours by email to <security@smith.example> & phone.\n\n"
        "9. Liability\n\n9.1 The Supplier's total liability shall not exceed EUR 500,000.\n",
        encoding="utf-8")
    out = tmp_path / "gap.docx"
    assert runner.invoke(app, ["check", str(contract), "--report", str(out)]).exit_code == 0
    text = docx_text(out)
    assert "odd <name> & co.txt" in text
    assert "Smith & Sons A/S (Customer)" in text
    assert "<security@smith.example> & phone" in text
    assert "About this report" in text  # nothing was cut off after the first "<"


@pytest.mark.parametrize("lang", ["en", "da"])
def test_gap_report_template_uses_only_context_variables(lang, library):
    result = check_file(SAMPLES / "dpa.pdf", library, CheckOptions(report_language=lang))
    context = report_context(result, Policy())
    tpl = bundled_template("gap-report", lang)
    assert undeclared_variables(tpl, context) == set()
    assert {"doc", "counts", "themes", "suggestions", "flags", "top_gaps"} <= undeclared_variables(tpl)


def test_own_report_template(runner, tmp_path):
    d = docx.Document()
    d.add_paragraph("{{ doc.name }}: {{ counts.missing }} missing")
    tpl = tmp_path / "mine.docx"
    d.save(str(tpl))
    out = tmp_path / "gap.docx"
    assert _report_text(runner, SAMPLES / "saas_terms_thin.pdf", out, "--report-template", str(tpl)) \
        .startswith("saas_terms_thin.pdf: ")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_gap_report_opens_in_libreoffice(runner, tmp_path):
    import pypdfium2 as pdfium

    out = tmp_path / "gap.docx"
    runner.invoke(app, ["check", str(SAMPLES / "msa_provider.pdf"), "--report", str(out)])
    [rendered] = libreoffice_pdfs([out], tmp_path, timeout=180)
    pdf = pdfium.PdfDocument(str(rendered))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert len(pdf) >= 3 and "Theme 8" in text and "DD-8.5" in text
    pdf.close()


def _body_words_per_page(pdf_path: Path) -> list[int]:
    """Words on each page of a PDF, leaving out the running header and footer (the top and bottom
    50 pt: the bundled templates' header and footer sit within 1.6 cm of the page's edge)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        counts = []
        for i in range(len(pdf)):
            page = pdf[i]
            width, height = page.get_size()
            counts.append(len(page.get_textpage().get_text_bounded(0, 50, width, height - 50).split()))
        return counts
    finally:
        pdf.close()


BLANK_PAGE_SAMPLES = ("customer_redflags.pdf", "da_abonnementsaftale.pdf", "msa_provider.pdf",
                      "da_kundevilkaar.pdf", "dpa.docx", "it_support_agreement.md")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_gap_reports_have_no_blank_page(runner, tmp_path):
    """Issue 14: a page holding only a page break (or an empty paragraph after the last theme
    table) rendered as an empty page 4 in the report on customer_redflags.pdf."""
    reports = []
    for name in BLANK_PAGE_SAMPLES:
        for lang in ("en", "da"):
            out = tmp_path / f"{Path(name).stem}_{Path(name).suffix[1:]}.{lang}.docx"
            result = runner.invoke(app, ["check", str(SAMPLES / name), "--report", str(out),
                                         "--report-lang", lang])
            assert result.exit_code == 0, result.output
            reports.append(out)
    blank = {}
    for report, rendered in zip(reports, libreoffice_pdfs(reports, tmp_path)):
        words = _body_words_per_page(rendered)
        assert len(words) >= 3, report.name
        empty = [n for n, count in enumerate(words, 1) if count == 0]
        if empty:
            blank[report.name] = empty
    assert not blank, f"pages without text (report: pages): {blank}"


# --------------------------------------------------------------------------- parties


def _doc(*paragraphs: str) -> Document:
    return Document(path="x.txt", format="txt", blocks=[Block(text=p) for p in paragraphs])


@pytest.mark.parametrize("paragraphs, expected", [
    (["This Agreement is made between:", "(1) NORTHWIND TRADING LIMITED, company number 123, whose registered "
      "office is at 1 Quay Street (\"Supplier\"); and", "(2) Fjordkraft Data AS (the \"Customer\")."],
     [("Northwind Trading Limited", "Supplier"), ("Fjordkraft Data AS", "Customer")]),
    (["DATABEHANDLERAFTALE", "Aftalen er indgået mellem:", "Sønderå Regnskab ApS, CVR-nr. 12 34 56 78 "
      "(\"den Dataansvarlige\")", "og", "Bølgetop IT A/S, CVR-nr. 87 65 43 21 (herefter \"Databehandleren\")"],
     [("Sønderå Regnskab ApS", "den Dataansvarlige"), ("Bølgetop IT A/S", "Databehandleren")]),
    (["Terms of Service", "These terms are provided by Quillon Software Inc. (\"Quillon\", \"we\")."],
     [("Quillon Software Inc.", "Quillon")]),
    (["MASTER AGREEMENT", "1. Definitions", "1.1 \"Services\" means the services."], []),
])
def test_parties_from_the_opening(paragraphs, expected):
    assert [(p.name, p.role) for p in find_parties(_doc(*paragraphs))] == expected


def test_parties_named_only_in_later_clauses_are_not_parties():
    blocks = [Block(text="SERVICES AGREEMENT"), Block(text="1. Scope", section="1"),
              Block(text="3.1 Hosting is provided by Nordlys Hosting A/S as sub-processor.", section="3.1")]
    assert find_parties(Document(path="x", format="txt", blocks=blocks)) == []


def test_parties_appear_in_the_json(library):
    result = check_document(load_document(SAMPLES / "da_databehandleraftale.docx"), library, CheckOptions())
    assert result.as_json()["document"]["parties"] == [
        {"name": "Skovbryn Boligadministration A/S", "role": "den Dataansvarlige"},
        {"name": "Lindgaard Cloud ApS", "role": "Databehandleren"}]


# --------------------------------------------------------------------------- policy in suggestions


@pytest.mark.parametrize("policy, lang, expected", [
    (Policy(), "en", "within twenty-four (24) hours; EUR [amount]"),
    (Policy(), "da", "within 24 timer; DKK [beløb]"),
    (Policy(suggested_notification_hours=48), "en", "within forty-eight (48) hours; EUR [amount]"),
    (Policy(notification_max_hours=12), "en", "within twelve (12) hours; EUR [amount]"),
    (Policy(insurance_min_amount={"EUR": 2e6, "DKK": 15e6}), "da", "within 24 timer; DKK 15.000.000"),
    (Policy(insurance_min_amount={"USD": 3e6}), "en", "within twenty-four (24) hours; USD 3,000,000"),
])
def test_fill_suggestion(policy, lang, expected):
    assert fill_suggestion("within {notice_deadline}; {insurance_minimum}", policy, lang) == expected
