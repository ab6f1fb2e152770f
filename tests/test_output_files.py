"""Output files: written atomically (a temporary file renamed onto the target) and ending with the
permissions a plain write would have given them — 0666 less the umask for a new file, the old mode
for a file replaced — not the 0600 of a temporary file. Every writer shares one helper,
``ddcontract.office.output.write_atomic``; the tests set the umask explicitly."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ddcontract.cli import app
from ddcontract.office.output import write_atomic

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.fixture
def umask():
    """Set the process umask for a test, and put the old one back afterwards."""
    old = os.umask(0o022)
    yield lambda value: os.umask(value)
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_gets_the_mode_of_a_plain_write(tmp_path, umask, mask, expected):
    umask(mask)
    out = tmp_path / "out.bin"
    write_atomic(out, lambda tmp: tmp.write_bytes(b"data"))
    assert out.read_bytes() == b"data"
    assert _mode(out) == expected
    plain = tmp_path / "plain.bin"
    plain.write_bytes(b"data")
    assert _mode(plain) == expected
    assert [p.name for p in tmp_path.iterdir()] and not list(tmp_path.glob(".*.tmp"))


def test_a_replaced_file_keeps_its_mode(tmp_path, umask):
    umask(0o022)
    out = tmp_path / "shared.docx"
    out.write_bytes(b"old")
    out.chmod(0o664)
    write_atomic(out, lambda tmp: tmp.write_bytes(b"new"))
    assert out.read_bytes() == b"new" and _mode(out) == 0o664


def test_a_failed_write_leaves_nothing(tmp_path, umask):
    def fail(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_atomic(tmp_path / "out.docx", fail)
    assert list(tmp_path.iterdir()) == []


def test_reports_documents_and_deal_data_are_readable_by_the_group_and_others(runner, tmp_path, umask):
    umask(0o022)
    report = tmp_path / "gap.docx"
    result = runner.invoke(app, ["check", str(SAMPLES / "it_support_agreement.md"), "--report", str(report)])
    assert result.exit_code == 0, result.output
    deal = tmp_path / "deal.yaml"
    assert runner.invoke(app, ["init", str(deal)]).exit_code == 0
    outs = [report, deal]
    for name in ("dpa", "notification-annex"):
        out = tmp_path / f"{name}.docx"
        result = runner.invoke(app, ["generate", name, "--data", str(deal), "-o", str(out)])
        assert result.exit_code == 0, result.output
        outs.append(out)
    assert {p.name: oct(_mode(p)) for p in outs} == {p.name: oct(0o644) for p in outs}


def test_scan_summaries_are_readable_by_the_group_and_others(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "contract.txt").write_text("1. Security\n\nThe Supplier shall notify the Customer of any "
                                         "Security Incident within 24 hours.\n", encoding="utf-8")
    out = tmp_path / "scan"
    run = subprocess.run([sys.executable, "-m", "ddcontract", "scan", str(archive), "--out", str(out),
                          "--workers", "1"], capture_output=True, text=True, timeout=300,
                         preexec_fn=lambda: os.umask(0o022))
    assert run.returncode == 0, run.stderr
    modes = {p.name: oct(_mode(p)) for p in out.iterdir() if not p.name.startswith(".")}
    assert modes["summary.csv"] == modes["summary.xlsx"] == modes["results.jsonl"] == oct(0o644), modes


def test_cache_files_get_the_mode_of_a_plain_write(tmp_path, monkeypatch, umask):
    """The two caches (compiled patterns, the Danish lemma selection) write through the same helper."""
    from ddcontract.matching import diskcache, nlp

    umask(0o022)
    monkeypatch.setattr(diskcache, "_prune_markers", lambda marker: None)
    marker = tmp_path / "validated" / "custom-abc.json"
    diskcache._write_compiled(marker, {})
    assert marker.exists() and _mode(marker) == 0o644
    monkeypatch.setenv("DDCONTRACT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(nlp, "_select", lambda path, words: {"ord": "ord"})
    table = nlp.selective_table("da", frozenset({"ord"}))
    files = list((tmp_path / "cache").rglob("lemmas-da-*.json"))
    if nlp._table_path("da") is not None:  # with spacy-lookups-data installed
        assert table == {"ord": "ord"} and files and all(_mode(p) == 0o644 for p in files)


def test_the_compiled_pattern_cache_follows_the_currency_words(monkeypatch):
    """<CUR> stands for the currency words of amounts.py: a change there must not reuse patterns compiled before it."""
    from pathlib import Path

    from ddcontract.matching import diskcache

    diskcache._compiler_digest.cache_clear()
    before = diskcache._compiler_digest()
    real = Path.read_bytes

    def changed(path):
        data = real(path)
        return data + b"\n# another currency\n" if path.name == "amounts.py" else data

    monkeypatch.setattr(Path, "read_bytes", changed)
    diskcache._compiler_digest.cache_clear()
    try:
        assert diskcache._compiler_digest() != before
    finally:
        monkeypatch.undo()
        diskcache._compiler_digest.cache_clear()
