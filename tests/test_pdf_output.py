"""The output's name decides its format: ``check --report`` and ``generate -o`` write a DOCX for
.docx, a real PDF for .pdf (converted by LibreOffice, when it is installed; otherwise a one-line
error saying LibreOffice is needed, exit code 2), and refuse any other name — never a file whose
content contradicts its name."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ddcontract.cli import app
from ddcontract.office import pdf as office_pdf

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT / "samples" / "it_support_agreement.md"
DOCUMENTS = ("dpa", "notification-annex")

needs_libreoffice = pytest.mark.skipif(office_pdf.find_soffice() is None, reason="LibreOffice is not installed")


def _one_line_error(result, path: Path, *words: str) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("ddcontract: error: ") and str(path) in lines[0]
    assert "Traceback" not in result.output
    for word in words:
        assert word in lines[0]
    return lines[0]


def _pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


@pytest.fixture
def deal(runner, tmp_path) -> Path:
    path = tmp_path / "deal.yaml"
    assert runner.invoke(app, ["init", str(path)]).exit_code == 0
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# ---------------------------------------------------------------- with LibreOffice


@needs_libreoffice
def test_check_report_pdf_is_a_pdf(runner, tmp_path):
    out = tmp_path / "gap.pdf"
    result = runner.invoke(app, ["check", str(CONTRACT), "--report", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:5] == b"%PDF-"
    text = _pdf_text(out)
    assert "DD-8.1" in text and CONTRACT.name in text
    assert _leftovers(tmp_path) == []


@needs_libreoffice
@pytest.mark.parametrize("document", DOCUMENTS)
def test_generate_pdf_is_a_pdf(runner, tmp_path, deal, document):
    out = tmp_path / f"{document}.PDF"  # the suffix in any case
    result = runner.invoke(app, ["generate", document, "--data", str(deal), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:5] == b"%PDF-"
    from ddcontract.deal import load_deal

    assert load_deal(deal).controller.name.any("en") in " ".join(_pdf_text(out).split())
    again = runner.invoke(app, ["generate", document, "--data", str(deal), "-o", str(out)])
    _one_line_error(again, out, "already exists")
    assert _leftovers(tmp_path) == []


def test_docx_is_still_a_docx(runner, tmp_path, deal):
    report, dpa = tmp_path / "gap.docx", tmp_path / "dpa.docx"
    assert runner.invoke(app, ["check", str(CONTRACT), "--report", str(report)]).exit_code == 0
    assert runner.invoke(app, ["generate", "dpa", "--data", str(deal), "-o", str(dpa)]).exit_code == 0
    for out in (report, dpa):
        assert zipfile.is_zipfile(out) and "word/document.xml" in zipfile.ZipFile(out).namelist()


# ---------------------------------------------------------------- without LibreOffice


@pytest.fixture
def no_libreoffice(monkeypatch):
    monkeypatch.setattr(office_pdf, "find_soffice", lambda: None)


def test_check_report_pdf_without_libreoffice_is_a_one_line_error(runner, tmp_path, no_libreoffice):
    out = tmp_path / "gap.pdf"
    result = runner.invoke(app, ["check", str(CONTRACT), "--report", str(out)])
    _one_line_error(result, out, "LibreOffice")
    assert result.stdout == ""  # refused before the check, not after it
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("document", DOCUMENTS)
def test_generate_pdf_without_libreoffice_is_a_one_line_error(runner, tmp_path, deal, document, no_libreoffice):
    out = tmp_path / f"{document}.pdf"
    result = runner.invoke(app, ["generate", document, "--data", str(deal), "-o", str(out)])
    _one_line_error(result, out, "LibreOffice")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deal.yaml"]


def test_a_failing_conversion_is_a_one_line_error_and_leaves_nothing(runner, tmp_path, deal, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setattr(office_pdf, "find_soffice", lambda: str(fake))
    out = tmp_path / "dpa.pdf"
    result = runner.invoke(app, ["generate", "dpa", "--data", str(deal), "-o", str(out)])
    _one_line_error(result, out, "LibreOffice could not convert", "source file could not be loaded")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deal.yaml", "soffice"]


# ---------------------------------------------------------------- other names


@pytest.mark.parametrize("name", ["gap.doc", "gap.txt", "gap", "gap.pdf.tmp", "gap.odt"])
def test_check_report_refuses_other_names(runner, tmp_path, name):
    out = tmp_path / name
    result = runner.invoke(app, ["check", str(CONTRACT), "--report", str(out)])
    _one_line_error(result, out, ".docx or .pdf")
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["dpa.doc", "dpa.rtf", "dpa"])
def test_generate_refuses_other_names(runner, tmp_path, deal, name):
    out = tmp_path / name
    result = runner.invoke(app, ["generate", "dpa", "--data", str(deal), "-o", str(out)])
    _one_line_error(result, out, ".docx or .pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deal.yaml"]
