"""OCR of scanned contracts (issue 18): image-only PDFs made from the samples (pages rendered at 200
dpi, turned slightly, speckled and JPEG-compressed: ddcontract.testing.scanned) are checked with
the same statuses and key values as the typed PDFs; a mixed PDF (typed pages and scanned ones) is
read right under ``--ocr auto``; what was read by OCR is marked in the JSON, the console and the gap
report; a scan records the pages read by OCR and keeps going past a page over its time limit.

The default run reads a mixed English PDF (3 scanned pages) and a scanned Danish contract (6
pages); every sample scanned whole, ``--ocr always`` on a typed PDF and a page upside down run with
``-m slow``. The tests skip, saying why, when Tesseract or its data is not installed (``.ci/run``
installs it).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ddcontract.check import CheckOptions, check_file
from ddcontract.cli import app
from ddcontract.ingest import ocr as ocr_mod
from ddcontract.testing.scanned import make_mixed, make_scanned, save_pdf, scanned_pages

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

_MISSING = ocr_mod.unavailable()
needs_ocr = pytest.mark.skipif(
    _MISSING is not None or not {"eng", "dan"} <= ocr_mod.languages_installed(),
    reason=f"OCR not available here ({_MISSING or 'eng or dan data missing'}): "
           "apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-dan; pip install 'ddcontract[ocr]'")

# the pages (from 0) of msa_provider.pdf scanned in the mixed PDF: the breach notice (p. 4), the
# liability cap and insurance (p. 5), and the signature page (p. 8)
MIXED_PAGES = (3, 4, 7)
KEY_VALUES = {"DD-8.1": ("hours",), "DD-4.6": ("amount", "currency"), "DD-6.1": ("amount", "currency")}


@pytest.fixture(scope="module")
def scans(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("scans")


@pytest.fixture(scope="module")
def mixed(scans) -> Path:
    return make_mixed(SAMPLES / "msa_provider.pdf", scans / "msa_mixed.pdf", MIXED_PAGES)


@pytest.fixture(scope="module")
def danish(scans) -> Path:
    return make_scanned(SAMPLES / "da_kundevilkaar.pdf", scans / "da_kundevilkaar_scan.pdf")


def _compare(typed, scanned) -> tuple[float, list[str]]:
    """The share of requirements with the same status, and the key values that differ."""
    same = sum(a.status == b.status for a, b in zip(typed.requirements, scanned.requirements))
    diffs = []
    for a, b in zip(typed.requirements, scanned.requirements):
        for key in KEY_VALUES.get(a.id, ()):
            if a.values.get(key) != b.values.get(key):
                diffs.append(f"{a.id} {key}: {a.values.get(key)!r} typed, {b.values.get(key)!r} scanned")
    assert [f.id for f in typed.flags] == [f.id for f in scanned.flags]
    return same / len(typed.requirements), diffs


# ---------------------------------------------------------------- without an engine (always run)


def test_scanned_pdf_without_ocr_says_how_to_install(tmp_path, monkeypatch, runner):
    scan = save_pdf(scanned_pages(SAMPLES / "saas_terms_thin.pdf", pages=[0]), tmp_path / "scan.pdf")
    monkeypatch.setattr(ocr_mod, "unavailable", lambda: "no OCR engine is installed")
    result = runner.invoke(app, ["check", str(scan)])
    assert result.exit_code == 2
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1
    assert "has no text layer" in err and "apt-get install tesseract-ocr" in err and "ddcontract[ocr]" in err


@pytest.mark.parametrize("mode", ["always", "auto"])
def test_ocr_asked_for_without_an_engine_is_a_usage_error(tmp_path, monkeypatch, runner, mode):
    monkeypatch.setattr(ocr_mod, "unavailable", lambda: "no OCR engine is installed")
    for command in (["check", str(SAMPLES / "saas_terms_thin.pdf")],
                    ["scan", str(SAMPLES / "saas_terms_thin.pdf"), "--out", str(tmp_path / "out")]):
        result = runner.invoke(app, [*command, "--ocr", mode])
        assert result.exit_code == 2
        assert result.stderr.strip() == (f"ddcontract: error: --ocr {mode}: no OCR engine is installed; "
                                         f"{ocr_mod.INSTALL}")
    assert not (tmp_path / "out").exists()


def test_low_confidence_and_timed_out_pages_are_named():
    report = ocr_mod.OcrReport("auto", "tesseract 5", "eng", [
        ocr_mod.OcrPage(1, [], 93.0, 1.0), ocr_mod.OcrPage(2, [], 41.5, 1.0),
        ocr_mod.OcrPage(3, [], None, 60.0, timed_out=True)])
    assert report.warnings() == [
        "page 2 was read by OCR with low confidence (mean 42 of 100): check its text against the scan",
        "page 3 was not read by OCR within the time allowed per page; it is left out (raise --ocr-timeout to read it)"]
    report.mode = "always"  # a typed page whose OCR ran out of time keeps its text layer
    assert report.warnings()[1].endswith("its text layer, if it has one, is read instead (raise --ocr-timeout to read it)")
    assert report.as_json() == {"pages": [1, 2], "engine": "tesseract 5", "languages": "eng",
                                "mean_confidence": 67.2, "page_confidence": {"1": 93.0, "2": 41.5},
                                "low_confidence_pages": [2], "timed_out_pages": [3]}


def test_lines_put_a_clause_number_read_as_its_own_column_back_in_front():
    number = [("7.3", (100, 500, 140, 520), 90.0)]
    text = [("Provider", (200, 498, 300, 522), 95.0), ("shall", (310, 498, 360, 522), 95.0)]
    below = [("notify", (200, 530, 280, 552), 95.0)]
    lines = ocr_mod._lines([text, below, number])
    assert [t for t, *_ in lines] == ["7.3 Provider shall", "notify"]


def test_a_header_ocr_reads_differently_on_each_page_is_still_dropped():
    from ddcontract.ingest.pdf import Line, _drop_headers_footers

    heads = ["Tallyfox Terms of Service - CONFIDENTIAL", "Tallytox Terms of Service — CONFIDENTIAL",
             "Tallyfox Terms of Service - CONFIDENTIAI"]
    pages = [[Line(head, 20, 30, 72), Line(f"{n}.1 The Service is provided as is.", 200, 210, 72)]
             for n, head in enumerate(heads, start=1)]
    assert [[ln.text for ln in p] for p in _drop_headers_footers(pages, loose=True)] == [
        ["1.1 The Service is provided as is."], ["2.1 The Service is provided as is."],
        ["3.1 The Service is provided as is."]]
    typed = _drop_headers_footers(pages)  # a typed PDF's headers must match exactly
    assert [len(p) for p in typed] == [2, 2, 2]


def test_a_huge_page_is_rendered_within_the_pixel_limit():
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(14400, 14400)  # 200 inches square: 1.6 billion pixels at 200 dpi
    img = ocr_mod.render(page)
    assert img.width * img.height <= ocr_mod.MAX_PIXELS and img.width > 5000
    normal = ocr_mod.render(pdf.new_page(595, 842))
    assert normal.size == (round(595 * 200 / 72), round(842 * 200 / 72))


# ---------------------------------------------------------------- with Tesseract


@pytest.fixture(scope="module")
def mixed_result(mixed, library):
    return check_file(mixed, library, CheckOptions(ocr="auto"))


@pytest.fixture(scope="module")
def danish_result(danish, library):
    return check_file(danish, library, CheckOptions(ocr="auto"))


@needs_ocr
def test_mixed_pdf_reads_typed_pages_as_text_and_scanned_ones_by_ocr(mixed_result, library):
    typed = check_file(SAMPLES / "msa_provider.pdf", library)
    result = mixed_result
    doc = result.document
    assert doc.ocr.numbers == [n + 1 for n in MIXED_PAGES]
    assert {b.page for b in doc.blocks if b.ocr} == {n + 1 for n in MIXED_PAGES}
    assert not any(b.ocr for b in doc.blocks if b.page not in doc.ocr.numbers)
    share, diffs = _compare(typed, result)
    assert share >= 0.95 and not diffs, diffs
    by_id = {f.id: f for f in result.requirements}
    assert by_id["DD-8.1"].values["hours"] == 24
    assert (by_id["DD-4.6"].values["amount"], by_id["DD-4.6"].values["currency"]) == (250000, "EUR")
    cap = by_id["DD-4.6"].evidence[0]
    assert cap.page == 5 and cap.ocr
    # evidence from a typed page is not marked
    assert not any(e.ocr for f in result.requirements for e in f.evidence if e.page not in doc.ocr.numbers)


@needs_ocr
def test_scanned_danish_contract_gets_the_typed_statuses(danish_result, library):
    typed = check_file(SAMPLES / "da_kundevilkaar.pdf", library)
    result = danish_result
    assert result.document.ocr.numbers == list(range(1, 7))
    assert result.document.ocr.languages == "dan"  # the first page's words told the language
    assert result.language == "da"
    share, diffs = _compare(typed, result)
    assert share >= 0.95 and not diffs, diffs
    assert result.document.ocr.mean_confidence() > 80
    assert all(b.ocr for b in result.document.blocks)


def _console(result) -> str:
    from rich.console import Console

    from ddcontract.report.console import render

    console = Console(no_color=True, highlight=False, soft_wrap=False, width=200, record=True,
                      file=open("/dev/null", "w"))
    render(result, console)
    return console.export_text()


@needs_ocr
def test_json_console_and_gap_report_say_read_by_ocr(mixed_result, danish_result, tmp_path):
    from ddcontract.policy import Policy
    from ddcontract.report import to_json
    from ddcontract.report.docx import write_report

    obj = json.loads(to_json(mixed_result))
    ocr = obj["document"]["ocr"]
    assert ocr["pages"] == [4, 5, 8] and ocr["languages"] == "eng"
    assert set(ocr["page_confidence"]) == {"4", "5", "8"} and ocr["mean_confidence"] > 80
    assert ocr["low_confidence_pages"] == [] and ocr["timed_out_pages"] == []
    marked = [e for r in obj["requirements"] for e in r["evidence"] if e.get("ocr")]
    assert marked and all(e["page"] in (4, 5, 8) for e in marked)
    assert all("ocr" not in e for r in obj["requirements"] for e in r["evidence"] if e["page"] not in (4, 5, 8))

    console = _console(mixed_result)
    assert "read by OCR: p. 4–5, 8 (mean confidence" in console
    assert "p. 5, § 13.3, Limitation of Liability · read by OCR" in console

    da = _console(danish_result)
    assert "læst med OCR: s. 1–6 (gennemsnitlig sikkerhed" in da and " · læst med OCR" in da

    from conftest import docx_text

    report = tmp_path / "gap.docx"
    write_report(mixed_result, report, Policy())
    text = docx_text(report)
    assert "read by OCR: p. 4–5, 8" in text and "· read by OCR" in text


@needs_ocr
def test_never_reads_no_page_by_ocr(mixed, danish, library, runner):
    result = check_file(mixed, library, CheckOptions(ocr="never"))
    assert result.document.ocr is None and not any(b.ocr for b in result.document.blocks)
    assert {b.page for b in result.document.blocks} == {1, 2, 3, 6, 7}  # the scanned pages have no text
    refused = runner.invoke(app, ["check", str(danish), "--ocr", "never"])
    assert refused.exit_code == 2
    assert "has no text layer (a scanned image?): read it by OCR with --ocr auto" in refused.stderr


@needs_ocr
def test_a_page_over_the_time_limit_is_named_and_the_rest_goes_on(mixed, library):
    result = check_file(mixed, library, CheckOptions(ocr="auto", ocr_timeout=0.001))
    assert result.document.ocr.timed_out() == [4, 5, 8]
    assert any("page 4 was not read by OCR within the time allowed" in w for w in result.warnings)
    assert result.document.ocr.numbers == [] and not any(b.ocr for b in result.document.blocks)
    assert {b.page for b in result.document.blocks} == {1, 2, 3, 6, 7}


@needs_ocr
def test_scan_reads_scanned_pages_in_the_workers_and_resumes(mixed, tmp_path):
    import csv
    import shutil

    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(mixed, folder / "signed.pdf")
    shutil.copy(SAMPLES / "saas_terms_thin.pdf", folder / "typed.pdf")
    out = tmp_path / "scan"
    run = subprocess.run([sys.executable, "-m", "ddcontract", "scan", str(folder), "--out", str(out),
                          "--workers", "2", "--ocr", "auto"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "signed.pdf (8 pages, 3 read by OCR," in run.stderr
    lines = [json.loads(ln) for ln in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    by_name = {Path(o["document"]["path"]).name: o for o in lines}
    assert by_name["signed.pdf"]["document"]["ocr"]["pages"] == [4, 5, 8]
    assert "ocr" not in by_name["typed.pdf"]["document"]
    with (out / "summary.csv").open(encoding="utf-8-sig") as fh:
        rows = {Path(r["path"]).name: r for r in csv.DictReader(fh)}
    assert rows["signed.pdf"]["ocr pages"] == "3" and rows["typed.pdf"]["ocr pages"] == ""
    # --resume: nothing left to do, the OCR results kept as they were
    before = (out / "results.jsonl").read_bytes()
    again = subprocess.run([sys.executable, "-m", "ddcontract", "scan", str(folder), "--out", str(out),
                            "--resume", "--workers", "2"], capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert "2 already done" in again.stderr
    assert (out / "results.jsonl").read_bytes() == before
    # a page over the time limit in a worker: reported, and the document is checked without it
    late = tmp_path / "late"
    run = subprocess.run([sys.executable, "-m", "ddcontract", "scan", str(folder / "signed.pdf"), "--out", str(late),
                          "--workers", "1", "--ocr-timeout", "0.001"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    (obj,) = [json.loads(ln) for ln in (late / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert obj["document"]["ocr"]["timed_out_pages"] == [4, 5, 8] and obj["document"]["ocr"]["pages"] == []
    assert any(w.startswith("page 5 was not read by OCR within the time allowed") for w in obj["document"]["warnings"])
    assert len(obj["requirements"]) == len(by_name["typed.pdf"]["requirements"])


# ---------------------------------------------------------------- slow: every sample, always, orientation

SCANNED = ["customer_redflags", "da_abonnementsaftale", "da_databehandleraftale", "da_kundevilkaar", "dpa",
           "msa_provider", "saas_terms_thin"]


@needs_ocr
@pytest.mark.slow
def test_every_sample_scanned_gets_the_typed_statuses(scans, library):
    total = same = 0
    diffs = []
    for name in SCANNED:
        typed = check_file(SAMPLES / f"{name}.pdf", library)
        scanned = check_file(make_scanned(SAMPLES / f"{name}.pdf", scans / f"{name}_all.pdf"), library,
                             CheckOptions(ocr="auto"))
        share, d = _compare(typed, scanned)
        total += len(typed.requirements)
        same += round(share * len(typed.requirements))
        diffs += [f"{name}: {x}" for x in d]
    assert same / total >= 0.95, (same, total)
    assert not diffs, diffs


@needs_ocr
@pytest.mark.slow
def test_always_reads_every_page_of_a_typed_pdf(library):
    typed = check_file(SAMPLES / "saas_terms_thin.pdf", library)
    result = check_file(SAMPLES / "saas_terms_thin.pdf", library, CheckOptions(ocr="always"))
    assert result.document.ocr.numbers == [1, 2, 3] and all(b.ocr for b in result.document.blocks)
    share, diffs = _compare(typed, result)
    assert share >= 0.95 and not diffs, diffs


@needs_ocr
@pytest.mark.slow
def test_a_scan_three_degrees_askew_is_levelled(scans, library):
    typed = check_file(SAMPLES / "msa_provider.pdf", library)
    askew = make_scanned(SAMPLES / "msa_provider.pdf", scans / "msa_askew.pdf", angle=3.0)
    result = check_file(askew, library, CheckOptions(ocr="auto"))
    share, diffs = _compare(typed, result)
    assert share >= 0.95 and not diffs, diffs


@needs_ocr
@pytest.mark.slow
@pytest.mark.parametrize("turned", [90, 180, 270])
def test_a_page_scanned_sideways_or_upside_down_is_read_upright(tmp_path, turned):
    page = scanned_pages(SAMPLES / "msa_provider.pdf", pages=[4])[0].rotate(turned, expand=True)
    pdf = save_pdf([page], tmp_path / "turned.pdf")
    from ddcontract.ingest import load_document

    doc = load_document(pdf, ocr="auto")
    assert doc.ocr.pages[0].rotated == (360 - turned) % 360  # turned back
    assert doc.ocr.pages[0].confidence > 85
    assert any(b.section == "13.3" and "EUR 250,000" in b.text for b in doc.blocks)
