"""`ddcontract scan`: folders in, one JSON line per document out, a CSV summary, duplicates skipped,
broken files recorded, and an interrupted scan resumed to the same results."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ddcontract.requirements import REQUIREMENTS
from ddcontract.scan.inventory import inventory
from ddcontract.scan.options import ScanOptions
from ddcontract.scan.results import read_results
from ddcontract.scan.run import run_scan

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ddcontract", *args], capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    (root / "2024" / "drafts").mkdir(parents=True)
    for name in ("dpa.pdf", "msa_provider.docx", "da_kundevilkaar.pdf", "it_support_agreement.md"):
        shutil.copy(SAMPLES / name, root / name)
    shutil.copy(SAMPLES / "saas_terms_thin.pdf", root / "2024" / "terms v2.pdf")
    shutil.copy(SAMPLES / "dpa.pdf", root / "dpa_copy.pdf")  # a duplicate: found after dpa.pdf
    (root / "2024" / "broken.docx").write_bytes(b"this is not a zip")
    (root / "2024" / "notes.xlsx").write_bytes(b"ignored: not a contract format")
    return root


def _lines(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]


def test_scan_reports_every_file_and_lists_the_broken_one(archive, tmp_path):
    out = tmp_path / "scan"
    run = _cli("scan", str(archive), "--out", str(out), "--workers", "2")
    assert run.returncode == 1, run.stderr  # one file could not be read
    assert f"skipped duplicate: {archive / 'dpa_copy.pdf'} (same content as {archive / 'dpa.pdf'})" in run.stderr
    # not a terminal: one plain progress line per document, the failure named with its cause
    progress = [ln for ln in run.stderr.splitlines() if ln.startswith("[")]
    assert len(progress) == 6 and progress[-1].startswith("[6/6] ")
    assert any("broken.docx: not a DOCX file (not a zip archive)" in ln and " failed " in ln for ln in progress)
    for ln in progress:  # pages for the PDFs, documents for the Markdown and this DOCX, which have none
        if " done " in ln:
            assert ln.endswith(" pages/s)" if ".pdf (" in ln else " documents/s)"), ln
    lines = _lines(out)
    by_name = {Path(o["document"]["path"]).name: o for o in lines}
    assert set(by_name) == {"dpa.pdf", "msa_provider.docx", "da_kundevilkaar.pdf", "it_support_agreement.md",
                            "terms v2.pdf", "broken.docx"}
    assert by_name["broken.docx"]["error"]["message"].startswith("not a DOCX file (not a zip archive): ")
    good = by_name["dpa.pdf"]
    assert good["schema"] == "ddcontract/check/v1" and len(good["requirements"]) == len(REQUIREMENTS)
    assert len(good["document"]["sha256"]) == 64
    assert {f["id"]: f["status"] for f in good["requirements"]}["DD-8.1"] == "met"
    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 6
    row = next(r for r in rows if r["path"].endswith("dpa.pdf"))
    assert row["DD-8.1"] == "met" and row["DD-8.1 hours"] == "48"
    assert row["DD-4.6 amount"] == "1000000" and row["DD-4.6 currency"] == "EUR"
    broken = next(r for r in rows if r["path"].endswith("broken.docx"))
    assert "not a DOCX file (not a zip archive)" in broken["error"] and broken["DD-8.1"] == ""


def test_include_and_exclude(archive, tmp_path):
    out = tmp_path / "scan"
    run = _cli("scan", str(archive), "--out", str(out), "--include", "*.pdf", "--exclude", "2024/*", "--workers", "1")
    assert run.returncode == 0, run.stderr
    assert sorted(Path(o["document"]["path"]).name for o in _lines(out)) == ["da_kundevilkaar.pdf", "dpa.pdf"]


def test_existing_results_need_resume_or_force(archive, tmp_path):
    out = tmp_path / "scan"
    _cli("scan", str(archive / "dpa.pdf"), "--out", str(out))
    again = _cli("scan", str(archive / "dpa.pdf"), "--out", str(out))
    assert again.returncode == 2 and "--resume" in again.stderr and "Traceback" not in again.stderr
    forced = _cli("scan", str(archive / "dpa.pdf"), "--out", str(out), "--force")
    assert forced.returncode == 0 and len(_lines(out)) == 1


def test_a_cut_off_last_line_is_repaired(tmp_path):
    path = tmp_path / "results.jsonl"
    good = json.dumps({"document": {"path": "a.pdf", "sha256": "ab" * 32}})
    path.write_text(good + "\n" + '{"document": {"path": "b.pdf", "sha2', encoding="utf-8")
    assert list(read_results(path, repair=True)) == ["ab" * 32]
    assert path.read_text(encoding="utf-8") == good + "\n"


def _comparable(lines: list[dict]) -> dict[str, object]:
    return {o["document"]["sha256"]: ([(f["id"], f["status"], f["values"]) for f in o.get("requirements", [])],
                                      o.get("error")) for o in lines}


def test_kill_then_resume_gives_the_same_results(archive, tmp_path):
    # more files, so that the kill lands in the middle of the scan
    for i in range(6):
        shutil.copy(SAMPLES / "msa_provider.pdf", archive / f"msa_{i}.pdf")
        with (archive / f"msa_{i}.pdf").open("ab") as fh:
            fh.write(f"\n% copy {i}\n".encode())  # different bytes, same contract
    full = tmp_path / "full"
    assert _cli("scan", str(archive), "--out", str(full), "--workers", "1").returncode == 1
    expected = _comparable(_lines(full))
    assert len(expected) == 12

    out = tmp_path / "killed"
    proc = subprocess.Popen([sys.executable, "-m", "ddcontract", "scan", str(archive), "--out", str(out),
                             "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    results = out / "results.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if results.exists() and results.read_bytes().count(b"\n") >= 3:
            break
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = results.read_bytes().count(b"\n")
    assert 3 <= done_before < 12, "the kill should land in the middle of the scan"
    with results.open("ab") as fh:  # as if the kill had cut a line in half
        fh.write(b'{"schema": "ddcontract/check/v1", "document": {"pa')

    resumed = _cli("scan", str(archive), "--out", str(out), "--workers", "2", "--resume")
    assert resumed.returncode == 1, resumed.stderr
    assert f"{done_before} already done" in resumed.stderr
    assert _comparable(_lines(out)) == expected
    assert len(_lines(out)) == 12  # no document twice


def test_excel_summary(archive, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "scan"
    _cli("scan", str(archive), "--out", str(out), "--workers", "1")
    wb = load_workbook(out / "summary.xlsx")
    assert wb.sheetnames == ["Contracts", "Requirements"]
    ws = wb["Contracts"]
    header = [c.value for c in ws[1]]
    assert header[:5] == ["path", "format", "language", "pages", "error"]
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref.startswith("A1:")
    rows = {r[0]: dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == 6
    dpa = rows[str(archive / "dpa.pdf")]
    assert dpa["DD-8.1"] == "met" and dpa["DD-8.1 hours"] == 48 and dpa["DD-4.6 currency"] == "EUR"
    # statuses are coloured by rules on every requirement column
    ranges = {str(cf.sqref) for cf in ws.conditional_formatting}
    col = header.index("DD-8.1") + 1
    from openpyxl.utils import get_column_letter

    assert f"{get_column_letter(col)}2:{get_column_letter(col)}7" in ranges
    counts = wb["Requirements"]
    by_id = {r[0]: r for r in counts.iter_rows(min_row=2, values_only=True)}
    statuses = [r["DD-8.1"] for r in rows.values()]
    assert by_id["DD-8.1"][2:5] == (statuses.count("met"), statuses.count("weak"), statuses.count("missing"))
    assert by_id["DD-8.1"][5] == 1  # the broken file
    assert len(counts._charts) == 1


def test_scan_on_a_local_dask_cluster_matches_the_local_scan(archive, tmp_path):
    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local"
    _cli("scan", str(archive), "--out", str(local), "--workers", "1")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as cluster:
        out = tmp_path / "dask"
        run = _cli("scan", str(archive), "--out", str(out), "--executor", "dask", "--scheduler",
                   cluster.scheduler_address)
    assert run.returncode == 1, run.stderr  # the broken file, as locally
    assert _comparable(_lines(out)) == _comparable(_lines(local))
    assert sorted(o["document"]["path"] for o in _lines(out)) == sorted(o["document"]["path"] for o in _lines(local))
    assert (out / "summary.csv").read_text(encoding="utf-8-sig") == (local / "summary.csv").read_text(encoding="utf-8-sig")


def test_dask_needs_a_reachable_scheduler(archive, tmp_path):
    pytest.importorskip("distributed")
    run = _cli("scan", str(archive / "dpa.pdf"), "--out", str(tmp_path / "o"), "--executor", "dask",
               "--scheduler", "tcp://127.0.0.1:9")
    assert run.returncode == 2 and "cannot reach the Dask scheduler" in run.stderr
    assert "Traceback" not in run.stderr


def _crash_on_broken(path, sha256, size):
    """A stand-in for the worker function: dies on one file, checks the others."""
    from ddcontract.scan import worker

    if "crash" in path:
        os._exit(3)
    return worker._real_check_one(path, sha256, size)


def test_a_dying_worker_fails_only_its_document(tmp_path, monkeypatch):
    import multiprocessing

    from ddcontract.scan import worker

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("needs fork: the stand-in worker function is patched into the parent")
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.pdf", "crash.pdf", "b.docx", "c.md"):
        src = {"a.pdf": "dpa.pdf", "crash.pdf": "msa_provider.pdf", "b.docx": "msa_provider.docx",
               "c.md": "it_support_agreement.md"}[name]
        shutil.copy(SAMPLES / src, folder / name)
    monkeypatch.setattr(worker, "_real_check_one", worker.check_one, raising=False)
    monkeypatch.setattr(worker, "check_one", _crash_on_broken)
    out = tmp_path / "out"
    out.mkdir()
    report = run_scan(inventory([folder]), out, ScanOptions(), workers=2, resume=False)
    lines = _lines(out)
    by_name = {Path(o["document"]["path"]).name: o for o in lines}
    assert set(by_name) == {"a.pdf", "crash.pdf", "b.docx", "c.md"}
    assert by_name["crash.pdf"]["error"]["code"] == "WorkerDied"
    assert all("error" not in by_name[n] for n in ("a.pdf", "b.docx", "c.md"))
    assert report.failed_total == 1


def test_file_names_are_never_formulas_in_the_summaries(tmp_path):
    from openpyxl import load_workbook

    folder = tmp_path / "in"
    folder.mkdir()
    evil = folder / '=HYPERLINK("x.example","y").txt'
    shutil.copy(SAMPLES / "it_support_agreement.md", evil)
    (folder / "+broken.docx").write_bytes(b"not a zip")
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "ddcontract", "scan", evil.name, "+broken.docx", "--out", str(out),
                    "--workers", "1"], cwd=folder, capture_output=True, timeout=300)
    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert all(not r["path"].startswith(("=", "+")) for r in rows)
    ws = load_workbook(out / "summary.xlsx")["Contracts"]
    cells = [c for row in ws.iter_rows(min_row=2) for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert any(isinstance(c.value, str) and c.value.endswith('"y").txt') for c in cells)


def test_progress_plans_only_what_is_left_and_the_largest_go_first(tmp_path):
    """run_scan announces the files and bytes left to check (a resumed scan's done ones excluded),
    and hands out the largest files first, so that small ones end the scan."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, src in (("small.md", "it_support_agreement.md"), ("big.pdf", "msa_provider.pdf"),
                      ("mid.docx", "dpa.docx")):
        shutil.copy(SAMPLES / src, folder / name)
    out = tmp_path / "out"
    out.mkdir()
    events: list[tuple[str, dict]] = []
    run_scan(inventory([folder]), out, ScanOptions(), workers=1, resume=False,
             progress=lambda event, obj: events.append((event, obj)))
    sizes = {p.name: p.stat().st_size for p in folder.iterdir()}
    assert events[0] == ("planned", {"files": 3, "bytes": sum(sizes.values())})
    order = [Path(obj["document"]["path"]).name for event, obj in events[1:]]
    assert order == sorted(sizes, key=sizes.get, reverse=True)  # one worker: the order handed out

    shutil.copy(SAMPLES / "saas_terms_thin.pdf", folder / "new.pdf")
    events.clear()
    run_scan(inventory([folder]), out, ScanOptions(), workers=1, resume=True,
             progress=lambda event, obj: events.append((event, obj)))
    assert events[0] == ("planned", {"files": 1, "bytes": (folder / "new.pdf").stat().st_size})
    assert [Path(obj["document"]["path"]).name for _, obj in events[1:]] == ["new.pdf"]


def test_typed_options_reach_the_workers(tmp_path):
    """ScanOptions go to the worker processes as they are: the policy, the report language and the
    page limit all act there."""
    import pickle

    from ddcontract.policy import Policy

    options = ScanOptions(report_language="da", policy=Policy(notification_max_hours=12), max_pages=7)
    assert pickle.loads(pickle.dumps(options)) == options
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "dpa.docx", folder / "dpa.docx")
    shutil.copy(SAMPLES / "msa_provider.pdf", folder / "long.pdf")
    out = tmp_path / "out"
    out.mkdir()
    run_scan(inventory([folder]), out, options, workers=1, resume=False)
    by_name = {Path(o["document"]["path"]).name: o for o in _lines(out)}
    assert by_name["long.pdf"]["error"]["code"] == "InputError"  # 8 pages, over max_pages
    assert "--max-pages" in by_name["long.pdf"]["error"]["message"]
    dpa = by_name["dpa.docx"]
    assert dpa["report_language"] == "da"
    notice = next(r for r in dpa["requirements"] if r["id"] == "DD-8.1")
    assert notice["values"]["hours"] == 48 and notice["status"] == "weak"  # met under the default 72 hours


# --------------------------------------------------------------------------- what a scan picks up (issue 14)


def test_the_samples_folder_holds_only_contracts():
    """`scan samples/` checks the bundled contracts: no build sources, and samples/README.md is
    documentation, skipped like any README."""
    inv = inventory([SAMPLES])
    found = sorted(f.path.relative_to(SAMPLES).as_posix() for f in inv.files)
    assert all("/" not in name for name in found), found  # nothing from a subfolder (build sources)
    assert {Path(name).stem for name in found} == {p.stem for p in (SAMPLES / "expected").glob("*.json")}
    assert len(found) == 15 and [p.name for p in inv.skipped] == ["README.md"]


def test_readme_changelog_and_license_files_are_skipped_unless_asked(tmp_path):
    root = tmp_path / "contracts"
    (root / "docs").mkdir(parents=True)
    shutil.copy(SAMPLES / "it_support_agreement.md", root / "agreement.md")
    for name in ("README.md", "docs/readme.txt", "CHANGELOG.md", "License.TXT", "licence.md"):
        (root / name).write_text(f"# {name}\n\n| cap | EUR 250,000 |\n", encoding="utf-8")
    (root / "readme_not.md").write_text("Readme in the name but not the name: a contract file.\n", encoding="utf-8")
    inv = inventory([root])
    assert sorted(f.path.name for f in inv.files) == ["agreement.md", "readme_not.md"]
    assert sorted(p.name for p in inv.skipped) == ["CHANGELOG.md", "License.TXT", "README.md", "licence.md", "readme.txt"]
    assert len(inventory([root], include_readme=True).files) == 7
    assert [f.path.name for f in inventory([root / "README.md"]).files] == ["README.md"]  # named: checked

    out = tmp_path / "scan"
    run = _cli("scan", str(root), "--out", str(out), "--workers", "1")
    assert run.returncode == 0, run.stderr
    assert "skipped 5 README, CHANGELOG and LICENSE files (--include-readme checks them)" in run.stderr
    assert "5 README, CHANGELOG and LICENSE files skipped" in run.stderr.splitlines()[-1]
    assert len(_lines(out)) == 2
    run = _cli("scan", str(root), "--out", str(out), "--workers", "1", "--force", "--include-readme")
    assert run.returncode == 0, run.stderr
    assert "skipped" not in run.stderr and len(_lines(out)) == 7


def test_progress_words_pages_and_documents(capsys):
    """Issue 14: "1 pages", and "0 pages, 0 pages/s" for documents that have no pages (TXT, MD, most
    DOCX): pages are counted where a document has them, documents where it has not."""
    from ddcontract.scan.display import Display, closing_line
    from ddcontract.scan.results import ScanReport

    display = Display(4, time.monotonic() - 2.0)  # not a terminal here: one line per document
    display("planned", {"files": 4, "bytes": 4000})
    for path, pages in (("one.pdf", 1), ("five.pdf", 5), ("notes.txt", None), ("terms.docx", None)):
        display("done", {"document": {"path": path, "pages": pages, "bytes": 1000}})
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("[1/4] done one.pdf (1 page, ") and lines[0].endswith(" pages/s)")
    assert lines[1].startswith("[2/4] done five.pdf (5 pages, ")
    for line in lines[2:]:
        assert "page" not in line and line.endswith(" documents/s)"), line
    closing = closing_line(ScanReport(checked=4, pages=6, paged=2), Path("out"), 2.0)
    assert closing.startswith("scanned 4 files in 2.0 s (6 pages in the 2 documents with pages)")
    one = closing_line(ScanReport(checked=1, pages=1, paged=1), Path("out"), 2.0)
    assert one.startswith("scanned 1 file in 2.0 s (1 page)")
    assert closing_line(ScanReport(checked=2), Path("out"), 2.0).startswith("scanned 2 files in 2.0 s;")
