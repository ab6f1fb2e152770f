"""The command line (ddcontract.cli.app) through typer's CliRunner, plus one real subprocess.

click >= 8.2's CliRunner keeps stderr apart from stdout (result.stdout / result.stderr)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ddcontract import __version__
from conftest import SAMPLES
from ddcontract.cli import app

REQUIREMENT_IDS = [
    "DD-4.1", "DD-4.2", "DD-4.3", "DD-4.4", "DD-4.5", "DD-4.6", "DD-4.7",
    "DD-5.1", "DD-5.2", "DD-5.3", "DD-5.4",
    "DD-6.1", "DD-6.2", "DD-6.3", "DD-6.4",
    "DD-7.1", "DD-7.2", "DD-7.3",
    "DD-8.1", "DD-8.2", "DD-8.3", "DD-8.4", "DD-8.5",
]

CONTRACT = """MASTER SERVICES AGREEMENT

1. Support

1.1 The Supplier shall respond to Priority 1 incidents within 4 hours.

2. Security Incidents

2.1 The Supplier shall notify the Customer of any Security Incident within twenty-four (24) hours of
becoming aware of it.

3. Limitation of Liability

3.1 The Supplier's total aggregate liability under this Agreement shall not exceed EUR 1,000,000.
"""



@pytest.fixture
def contract(tmp_path: Path) -> Path:
    path = tmp_path / "contract.txt"
    path.write_text(CONTRACT, encoding="utf-8")
    return path


def _json(result) -> dict:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _finding(data: dict, req_id: str) -> dict:
    return next(f for f in data["requirements"] if f["id"] == req_id)


def _assert_one_line_error(result, path: Path) -> None:
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0]
    assert lines[0].startswith("ddcontract: error: ")
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- basics


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"ddcontract {__version__}"


def test_help_lists_the_commands(runner):
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "check" in result.stdout and "rules" in result.stdout


def test_check_help(runner):
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    for option in ("--format", "--policy", "--fail-on", "--rules"):
        assert option in result.stdout


HELP_PAGES = ([], ["check"], ["compare"], ["init"], ["generate"], ["scan"], ["rules"], ["rules", "list"], ["rules", "test"],
              ["templates"], ["templates", "list"])


@pytest.mark.parametrize("command", HELP_PAGES, ids=lambda c: " ".join(c) or "ddcontract")
def test_help_reads_well(runner, command):
    """Issue 14: no Python types (<list[Path]>, <str>, <int range>), no doubled brackets ([[ID]]), no
    bare "[default: 0]", and the command lists say what each command does in full."""
    result = runner.invoke(app, [*command, "--help"], terminal_width=80)
    assert result.exit_code == 0, result.output
    text = result.stdout
    for bad in ("<list[", "<path>", "<str>", "<int", "[[", "x>=", "[default: 0]"):
        assert bad not in text, f"{bad!r} in the help of {' '.join(command) or 'ddcontract'}:\n{text}"
    if "Commands:" in text:
        listed = text.split("Commands:", 1)[1]
        assert "..." not in listed and "…" not in listed, listed
        assert all(line.rstrip().endswith(".") for line in listed.strip().splitlines()
                   if line.startswith("  ") and not line.startswith("    ")), listed


def test_help_usage_lines(runner):
    def usage(*command: str) -> str:
        return runner.invoke(app, [*command, "--help"]).stdout.splitlines()[0]

    assert usage("scan") == "Usage: ddcontract scan [OPTIONS] PATH..."
    assert usage("check") == "Usage: ddcontract check [OPTIONS] FILE"
    assert usage("init") == "Usage: ddcontract init [OPTIONS] [FILE]"
    assert usage("rules", "test") == "Usage: ddcontract rules test [OPTIONS] [ID]"
    scan = runner.invoke(app, ["scan", "--help"], terminal_width=200).stdout
    assert "0 (the default) starts one per CPU" in scan


def test_no_flags_raised_explains_wf1(runner):
    """The console names WF-1 (not checked) in words a user can act on, in both languages."""
    for lang, words in (("en", "compar"), ("da", "sammenlign")):
        result = runner.invoke(app, ["check", str(SAMPLES / "msa_provider.pdf"), "--no-color", "--report-lang", lang])
        flags = result.stdout.rsplit("\n\n", 2)[-2]  # the flags, before the summary line
        assert "WF-1" in flags and words in flags and "markup comparison" not in flags, flags
    result = runner.invoke(app, ["check", str(SAMPLES / "customer_redflags.pdf"), "--no-color"])
    assert "WF-1" in result.stdout.split("Warning flags", 1)[1]  # said when other flags are raised too


def _agrees(shown, actual, where="") -> list[str]:
    """Where the README's example (shown) says something the output (actual) does not; "…" stands
    for any text, and a list shows the output's first items."""
    if shown == "…":
        return [] if isinstance(actual, str) else [f"{where}: {actual!r} is not text"]
    if isinstance(shown, dict):
        if not isinstance(actual, dict):
            return [f"{where}: {actual!r} is not an object"]
        return [p for k, v in shown.items()
                for p in (_agrees(v, actual[k], f"{where}.{k}") if k in actual else [f"{where}.{k}: not in the output"])]
    if isinstance(shown, list):
        if not isinstance(actual, list) or len(actual) < len(shown) or (not shown and actual):
            return [f"{where}: {actual!r} against {shown!r}"]
        if shown and isinstance(shown[0], dict) and "id" in shown[0]:
            by_id = {a.get("id"): a for a in actual}
            return [p for v in shown for p in _agrees(v, by_id.get(v["id"]), f"{where}[{v['id']}]")]
        return [p for i, v in enumerate(shown) for p in _agrees(v, actual[i], f"{where}[{i}]")]
    return [] if shown == actual else [f"{where}: the README says {shown!r}, the tool gives {actual!r}"]


def test_the_readme_json_example_is_what_the_tool_prints(runner):
    readme = (SAMPLES.parent / "README.md").read_text(encoding="utf-8")
    command = "ddcontract check samples/dpa.docx --format json"
    block = readme.split(command + "\n```", 1)[1].split("```json\n", 1)[1].split("```", 1)[0]
    shown = json.loads(block)
    result = runner.invoke(app, command.split()[1:])
    assert result.exit_code == 0, result.output
    assert _agrees(shown, json.loads(result.stdout)) == []


def test_rules_list_lists_every_requirement(runner):
    result = runner.invoke(app, ["rules", "list"])
    assert result.exit_code == 0
    targets = {line.split()[0] for line in result.stdout.splitlines() if line.strip()}
    assert set(REQUIREMENT_IDS) <= targets
    assert "notify-deadline" in result.stdout and "liability-cap" in result.stdout


def test_rules_test_passes_for_a_requirement(runner):
    result = runner.invoke(app, ["rules", "test", "DD-8.1"])
    assert result.exit_code == 0, result.output
    last = result.stdout.strip().splitlines()[-1]
    assert last.endswith("passed, 0 failed")
    assert int(last.split()[0]) > 0


def test_rules_test_unknown_target(runner):
    result = runner.invoke(app, ["rules", "test", "DD-9.9"])
    assert result.exit_code == 2
    assert "DD-9.9" in result.stderr


def test_rules_test_reports_a_failing_user_example(runner, tmp_path: Path):
    rules_dir = tmp_path / "rules"
    rules_dir.mkdir()
    (rules_dir / "mine.yaml").write_text("""family: mine
rules:
  - id: my-deadline
    requirement: DD-8.1
    signal: deadline
    extract: [deadline]
    message: "x"
    languages:
      en:
        patterns: ["notify ~5 incident"]
        examples:
          positive:
            - text: "The Supplier shall notify the Customer of an incident within 24 hours."
              values: {hours: 12}
          negative: ["The Supplier shall pay."]
""", encoding="utf-8")
    result = runner.invoke(app, ["rules", "test", "my-deadline", "--rules", str(rules_dir)])
    assert result.exit_code == 1
    assert "FAIL DD-8.1:my-deadline:en:positive1: hours: expected 12, got 24" in result.stdout
    assert "1 passed, 1 failed" in result.stdout


def test_invalid_user_rules_exit_2_naming_the_file(runner, tmp_path: Path, contract: Path):
    rules_dir = tmp_path / "rules"
    rules_dir.mkdir()
    bad = rules_dir / "bad.yaml"
    bad.write_text("family: x\nrules:\n  - id: x\n    colour: red\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(contract), "--rules", str(rules_dir)])
    # every problem of the file on a line of its own, with the line it is on
    assert result.exit_code == 2 and result.stdout == "" and "Traceback" not in result.output
    assert result.stderr.splitlines() == [
        f"ddcontract: error: {bad}:3: rule 'x': field 'message': required field is missing",
        f"ddcontract: error: {bad}:3: rule 'x': field 'languages': required field is missing",
        f"ddcontract: error: {bad}:4: rule 'x': field 'colour': unknown key (check the spelling; allowed keys "
        "are listed in the module docs of ddcontract.rules)"]


# ---------------------------------------------------------------- check


def test_check_json(runner, contract: Path):
    data = _json(runner.invoke(app, ["check", str(contract), "--format", "json"]))
    assert data["schema"] == "ddcontract/check/v1"
    assert data["document"]["path"] == str(contract)
    assert data["document"]["format"] == "txt"
    assert data["document"]["language"] == "en"
    ids = [f["id"] for f in data["requirements"]]
    assert sorted(ids) == sorted(REQUIREMENT_IDS)  # each exactly once
    assert all(f["status"] in ("met", "weak", "missing") for f in data["requirements"])

    deadline = _finding(data, "DD-8.1")
    assert deadline["status"] == "met"
    assert deadline["values"]["hours"] == 24  # not the support decoy's 4 hours
    assert deadline["values"]["vague"] is False
    assert deadline["evidence"][0]["section"] == "2.1"
    assert "twenty-four (24) hours" in deadline["evidence"][0]["text"]

    cap = _finding(data, "DD-4.6")
    assert cap["status"] == "met"
    assert (cap["values"]["amount"], cap["values"]["currency"]) == (1_000_000, "EUR")
    assert cap["evidence"][0]["section"] == "3.1"

    insurance = _finding(data, "DD-6.1")
    assert insurance["status"] == "missing" and insurance["evidence"] == []
    assert insurance["suggestion"]  # missing requirements come with clause text to propose


def test_check_console(runner, contract: Path):
    result = runner.invoke(app, ["check", str(contract), "--no-color"])
    assert result.exit_code == 0
    for req_id in REQUIREMENT_IDS:
        assert req_id in result.stdout


@pytest.mark.parametrize(("threshold", "code"), [("missing", 1), ("weak", 1)])
def test_fail_on(runner, contract: Path, threshold: str, code: int):
    # the contract misses most requirements (no insurance clause, no data clauses)
    result = runner.invoke(app, ["check", str(contract), "--format", "json", "--fail-on", threshold])
    assert result.exit_code == code
    data = json.loads(result.stdout)  # the report is still written
    assert _finding(data, "DD-6.1")["status"] == "missing"


def test_without_fail_on_missing_requirements_exit_0(runner, contract: Path):
    assert runner.invoke(app, ["check", str(contract)]).exit_code == 0


def test_policy_turns_24_hours_weak(runner, contract: Path, tmp_path: Path):
    policy = tmp_path / "policy.yaml"
    policy.write_text("notification_max_hours: 12\n", encoding="utf-8")
    data = _json(runner.invoke(app, ["check", str(contract), "--format", "json", "--policy", str(policy)]))
    deadline = _finding(data, "DD-8.1")
    assert deadline["status"] == "weak"
    assert deadline["values"]["hours"] == 24
    assert "12 hours" in deadline["message"]


def test_policy_cap_without_amount(runner, tmp_path: Path):
    path = tmp_path / "c.txt"
    path.write_text("1. Liability\n\n1.1 The Supplier's liability shall be limited to direct damages and "
                    "shall not exceed the limits in this clause.\n", encoding="utf-8")
    policy = tmp_path / "policy.yaml"
    policy.write_text("cap_requires_amount_or_formula: false\n", encoding="utf-8")
    default = _finding(_json(runner.invoke(app, ["check", str(path), "-f", "json"])), "DD-4.6")
    relaxed = _finding(_json(runner.invoke(app, ["check", str(path), "-f", "json", "--policy", str(policy)])), "DD-4.6")
    assert default["status"] == "weak"
    assert relaxed["status"] == "met"


@pytest.mark.parametrize("content", [
    "notification_max_hour: 12\n",  # misspelt key
    "notification_max_hours: -1\n",
    "notification_max_hours: [1, 2\n",  # not YAML
    "- a list\n",
])
def test_invalid_policy_exits_2(runner, contract: Path, tmp_path: Path, content: str):
    policy = tmp_path / "policy.yaml"
    policy.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["check", str(contract), "--policy", str(policy)])
    _assert_one_line_error(result, policy)


def test_missing_policy_file_exits_2(runner, contract: Path, tmp_path: Path):
    result = runner.invoke(app, ["check", str(contract), "--policy", str(tmp_path / "nope.yaml")])
    _assert_one_line_error(result, tmp_path / "nope.yaml")


# ---------------------------------------------------------------- input errors


def test_nonexistent_file_exits_2(runner, tmp_path: Path):
    path = tmp_path / "does-not-exist.pdf"
    _assert_one_line_error(runner.invoke(app, ["check", str(path)]), path)


@pytest.mark.parametrize(("name", "content"), [
    ("corrupt.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without xref"),
    ("text.pdf", b"This is not a PDF at all.\n"),
    ("broken.docx", b"PK\x03\x04 not really a zip"),
    ("empty.txt", b""),
    ("sheet.xls", b"a,b\n1,2\n"),
])
def test_unreadable_file_exits_2(runner, tmp_path: Path, name: str, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    _assert_one_line_error(runner.invoke(app, ["check", str(path)]), path)


def test_unknown_option_value_is_a_usage_error(runner, contract: Path):
    result = runner.invoke(app, ["check", str(contract), "--format", "xml"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- the real entry point


def test_python_m_ddcontract_help():
    proc = subprocess.run([sys.executable, "-m", "ddcontract", "--help"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "check" in proc.stdout


def test_max_pages_refuses_a_longer_pdf_in_one_line(runner):
    samples = Path(__file__).resolve().parent.parent / "samples"
    result = runner.invoke(app, ["check", str(samples / "dpa.pdf"), "--max-pages", "3"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"ddcontract: error: {samples / 'dpa.pdf'}: the PDF has 7 pages, more than "
                                     "the limit of 3 (raise it with --max-pages)")
    assert runner.invoke(app, ["check", str(samples / "dpa.pdf"), "--max-pages", "7"]).exit_code == 0


_GC_PROBE = """
import gc, sys
from ddcontract import gcpolicy
from ddcontract.rules import load_library
default = gc.get_threshold()
if sys.argv[1] == "cli":
    gcpolicy.hold()
    assert not gc.isenabled(), "collection is held while the pipeline loads"
load_library().matcher("en")
if sys.argv[1] == "cli":
    assert gc.isenabled() and gc.get_threshold() == gcpolicy.THRESHOLDS and gc.get_freeze_count() > 10_000
else:
    assert gc.isenabled() and gc.get_threshold() == default and gc.get_freeze_count() == 0
print("ok")
"""


@pytest.mark.parametrize("mode", ["cli", "library"])
def test_garbage_collection_is_tuned_only_for_the_command_line(mode):
    """The command line freezes the loaded pipeline and collects in larger rounds; a program that
    uses ddcontract as a library keeps its own collector settings."""
    out = subprocess.run([sys.executable, "-c", _GC_PROBE, mode], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr


def test_language_choices_are_the_known_languages(runner, tmp_path):
    """--lang and --report-lang offer exactly langs.LANGUAGES, and an unknown one is refused."""
    from ddcontract.cli import Lang
    from ddcontract.langs import LANGUAGES

    assert tuple(lang.value for lang in Lang) == LANGUAGES
    path = tmp_path / "c.txt"
    path.write_text(CONTRACT)
    run = runner.invoke(app, ["check", str(path), "--report-lang", "xx"])
    assert run.exit_code == 2 and "'xx' is not one of " + ", ".join(repr(x) for x in LANGUAGES) in run.output


def test_the_summary_counts_flags_in_words(runner):
    """"0 flags", "2 flags" and "1 flag" in English; Danish "flag" is the same in both numbers."""
    none = runner.invoke(app, ["check", str(SAMPLES / "msa_provider.pdf"), "--no-color"])
    assert none.stdout.rstrip().endswith("0 flags"), none.stdout[-80:]
    some = runner.invoke(app, ["check", str(SAMPLES / "customer_redflags.pdf"), "--no-color"])
    last = some.stdout.rstrip().splitlines()[-1]
    assert "flag(s)" not in last and (last.endswith(" flags") or last.endswith(" 1 flag")), last
    danish = runner.invoke(app, ["check", str(SAMPLES / "msa_provider.pdf"), "--no-color", "--report-lang", "da"])
    assert danish.stdout.rstrip().endswith("0 flag"), danish.stdout[-80:]
