"""End to end: run the CLI on every bundled sample (PDF and DOCX, and Markdown/text where present)
and compare its JSON with the expected results in samples/expected/<name>.json, which were written
from ../shared/REQUIREMENTS.md by reading the contracts, not from the tool's output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddcontract.cli import app
from ddcontract.requirements import REQUIREMENTS
from ddcontract.testing.expected import compare

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
EXPECTED = sorted((SAMPLES / "expected").glob("*.json"))
CASES = [(exp, doc) for exp in EXPECTED
         for doc in sorted(SAMPLES.glob(exp.stem + ".*")) if doc.suffix in (".pdf", ".docx", ".md", ".txt")]

_runner = CliRunner()
_cache: dict[Path, dict] = {}


def run_check(path: Path) -> dict:
    if path not in _cache:
        result = _runner.invoke(app, ["check", str(path), "--format", "json"])
        assert result.exit_code == 0, result.output
        _cache[path] = json.loads(result.stdout)
    return _cache[path]


def test_there_are_samples_in_pdf_and_docx():
    both = [e.stem for e in EXPECTED if (SAMPLES / f"{e.stem}.pdf").is_file() and (SAMPLES / f"{e.stem}.docx").is_file()]
    assert len(both) >= 4, both
    for exp in EXPECTED:
        assert any(doc.stem == exp.stem for _, doc in CASES), f"no document for {exp.name}"


def _ids(cases):
    return [f"{doc.name}" for _, doc in cases]


@pytest.mark.parametrize(("expected_file", "doc"), CASES, ids=_ids(CASES))
def test_sample_statuses_values_and_evidence(expected_file: Path, doc: Path):
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    got = run_check(doc)
    assert got["schema"] == "ddcontract/check/v1"
    assert got["document"]["format"] == doc.suffix.lstrip(".")
    assert len({r["id"] for r in got["requirements"]}) == len(got["requirements"]) == len(REQUIREMENTS)
    problems = [d.message for d in compare(expected, got)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("expected_file", "doc"), [c for c in CASES if c[1].suffix == ".pdf"],
                         ids=_ids([c for c in CASES if c[1].suffix == ".pdf"]))
def test_pdf_evidence_has_pages(expected_file: Path, doc: Path):
    got = run_check(doc)
    assert got["document"]["pages"] and got["document"]["pages"] > 1
    pages = [e["page"] for r in got["requirements"] for e in r["evidence"]]
    assert pages and all(isinstance(p, int) and 1 <= p <= got["document"]["pages"] for p in pages)


def test_pdf_engines_agree_on_a_sample():
    pdf = SAMPLES / "msa_provider.pdf"
    fast = run_check(pdf)
    result = _runner.invoke(app, ["check", str(pdf), "--format", "json", "--pdf-engine", "pdfplumber"])
    assert result.exit_code == 0, result.output
    slow = json.loads(result.stdout)
    assert [(r["id"], r["status"], r["values"]) for r in slow["requirements"]] == \
        [(r["id"], r["status"], r["values"]) for r in fast["requirements"]]


def test_danish_contract_reports_in_danish_with_an_english_annex_read_in_english():
    got = run_check(SAMPLES / "da_abonnementsaftale.pdf")
    assert got["document"]["language"] == "da" and got["report_language"] == "da"
    assert got["document"]["section_languages"]["da"] > got["document"]["section_languages"]["en"] > 0
    by_id = {r["id"]: r for r in got["requirements"]}
    assert by_id["DD-8.1"]["title"] == "Frist for underretning om sikkerhedsbrud"
    assert "politikken kræver underretning inden for 72 timer" in by_id["DD-8.1"]["message"]
    # the channel is only stated in the English annex, which the English rules read
    assert by_id["DD-8.4"]["status"] == "met"
    assert all(e["section"].startswith("Annex 2") for e in by_id["DD-8.4"]["evidence"])
    assert "Leverandøren" in by_id["DD-6.2"]["suggestion"]


def test_report_language_can_be_chosen():
    result = _runner.invoke(app, ["check", str(SAMPLES / "da_kundevilkaar.docx"), "--format", "json",
                                  "--report-lang", "en"])
    assert result.exit_code == 0, result.output
    got = json.loads(result.stdout)
    assert got["document"]["language"] == "da" and got["report_language"] == "en"
    by_id = {r["id"]: r for r in got["requirements"]}
    assert by_id["DD-8.1"]["title"] == "Deadline for notifying a security breach"
    assert "longer than the policy maximum of 72 hours" in by_id["DD-8.1"]["message"]
    # the same statuses as the Danish report
    danish = {r["id"]: r["status"] for r in run_check(SAMPLES / "da_kundevilkaar.docx")["requirements"]}
    assert {k: v["status"] for k, v in by_id.items()} == danish


def test_console_report_in_danish():
    result = _runner.invoke(app, ["check", str(SAMPLES / "da_databehandleraftale.docx"), "--no-color"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Tema 8 — Underretning ved sikkerhedsbrud" in out
    assert "opfyldt" in out and "mangler" in out and "Sammenfatning:" in out
    assert "forslag til bestemmelse:" in out


def test_forcing_the_language_reads_every_section_with_it():
    result = _runner.invoke(app, ["check", str(SAMPLES / "da_abonnementsaftale.docx"), "--format", "json",
                                  "--lang", "da"])
    got = json.loads(result.stdout)
    assert got["document"]["section_languages"] == {"da": sum(got["document"]["section_languages"].values())}
