"""A policy (``--policy``) or rule files (``--rules DIR``) with mistakes: every invalid value is a
problem of its own on stderr, with the file and its line, exit code 2 and no traceback; a YAML
syntax error, or a value YAML cannot build (``2026-13-01``), names its line too."""

from __future__ import annotations

import copy
import textwrap
from pathlib import Path

import pytest
import yaml

from ddcontract.cli import app
from conftest import cli_errors

CONTRACT = "1. Security\n\nThe Supplier shall notify the Customer of any Security Incident within 24 hours.\n"


@pytest.fixture
def contract(tmp_path: Path) -> Path:
    path = tmp_path / "contract.txt"
    path.write_text(CONTRACT, encoding="utf-8")
    return path


_errors = cli_errors


def _policy(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "policy.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# ---------------------------------------------------------------- the policy


def test_every_invalid_policy_value_is_listed_with_its_line(runner, tmp_path, contract):
    path = _policy(tmp_path, """\
        # our policy
        notification_max_hours: -4
        cap_requires_amount_or_formula: perhaps
        insurance_min_amount:
          EUR: 1000000
          euro: 500
        suggested_notification_hour: 24
        """)
    errors = _errors(runner.invoke(app, ["check", str(contract), "--policy", str(path)]))
    assert [e.split(": ", 2)[:2] for e in errors] == [
        [f"{path}:2", "notification_max_hours"],
        [f"{path}:3", "cap_requires_amount_or_formula"],
        [f"{path}:6", "insurance_min_amount.euro"],
        [f"{path}:7", "suggested_notification_hour"],
    ], errors
    assert "greater than 0" in errors[0] and "'perhaps'" in errors[1]
    assert "currency code" in errors[2] and "unknown setting" in errors[3]


@pytest.mark.parametrize(("text", "line", "words"), [
    ("notification_max_hours: 48\ninsurance_min_amount: {EUR: 1000000\n", 3, ["not valid YAML"]),
    ("notification_max_hours: 48\n\tinsurance_min_amount: {}\n", 2, ["not valid YAML"]),
    ("cap_requires_amount_or_formula: true\nnotification_max_hours: 2026-13-01\n", 2, ["2026-13-01"]),
    (b"notification_max_hours: 48\n# \xe6\xf8\xe5 \xff\n", 2, ["not UTF-8"]),
])
def test_a_policy_that_is_not_yaml_names_its_line(runner, tmp_path, contract, text, line, words):
    path = _policy(tmp_path, text)
    errors = _errors(runner.invoke(app, ["check", str(contract), "--policy", str(path)]))
    assert len(errors) == 1 and errors[0].startswith(f"{path}:{line}: "), errors
    for word in words:
        assert word in errors[0]


@pytest.mark.parametrize("text", [
    "notification_max_hours: .inf\n",
    "notification_max_hours: .nan\n",
    "notification_max_hours: true\n",  # not one hour
    "notification_max_hours: 100000\n",  # more than a year
    "suggested_notification_hours: 1000000000000000000000000000000\n",
    "suggested_notification_hours: 24.5\n",
    "insurance_min_amount: {EUR: .inf}\n",
    "insurance_min_amount: {EUR: 0}\n",
    "insurance_min_amount: {EURO: 1000000}\n",
    "insurance_min_amount: {'': 1000000}\n",
    "insurance_min_amount: [EUR, 1000000]\n",
    "cap_requires_amount_or_formula: 'no'\n",
    "false\n",
])
def test_a_policy_value_that_makes_no_sense_is_refused(runner, tmp_path, contract, text):
    path = _policy(tmp_path, text)
    errors = _errors(runner.invoke(app, ["check", str(contract), "--policy", str(path)]))
    assert len(errors) == 1 and errors[0].startswith(f"{path}:1: "), errors


def test_an_empty_policy_is_the_default_policy(runner, tmp_path, contract):
    path = _policy(tmp_path, "# nothing set yet\n")
    assert runner.invoke(app, ["check", str(contract), "--policy", str(path)]).exit_code == 0


def test_scan_lists_a_policys_problems_too(runner, tmp_path, contract):
    path = _policy(tmp_path, "notification_max_hours: 0\ninsurance_min_amount: {EUR: -1}\n")
    errors = _errors(runner.invoke(app, ["scan", str(contract), "--out", str(tmp_path / "out"), "--policy", str(path)]))
    assert [e.split(": ")[0] for e in errors] == [f"{path}:1", f"{path}:2"]
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------- rule files

RULE = {
    "id": "my-deadline", "requirement": "DD-8.1", "signal": "deadline", "extract": ["deadline"],
    "message": "Deadline: {stated}.", "suggestion": "Notify within 24 hours.",
    "languages": {"en": {"patterns": ["notify ~5 incident"],
                         "examples": {"positive": ["We shall notify you of an incident within 24 hours."],
                                      "negative": ["We shall pay the invoice."]}}},
}


def _rules(folder: Path, data: dict, name: str = "custom.yaml") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _line(path: Path, text: str, after: int = 0) -> int:
    """The first line of ``path`` after line ``after`` that holds ``text`` (1-based)."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if i > after and text in line)


def _rule_lines(path: Path) -> int:
    """How many lines one rule of the test's takes in ``path``."""
    lines = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith("- id:")]
    return lines[1] - lines[0]


def test_every_problem_of_a_rule_file_is_listed_with_its_line(runner, tmp_path, contract):
    second = copy.deepcopy(RULE) | {"id": "my-second", "window": "page", "extract": ["deadline", "magic"]}
    second["languages"]["en"]["patterns"] = ["notify ~99 incident"]
    third = copy.deepcopy(RULE) | {"id": "my-third"}
    third["languages"]["en"]["patterns"] = ["notify ~99 incident", "=notify|inform incident"]
    path = _rules(tmp_path / "rules", {"family": "custom", "version": 2,
                                       "words": {"en": {"unused": "inform"}, "fr": {"x": "y"}},
                                       "rules": [copy.deepcopy(RULE), second, "not a rule", third]})
    result = runner.invoke(app, ["check", str(contract), "--rules", str(tmp_path / "rules")])
    errors = _errors(result)
    third_at = _line(path, "id: my-third")
    expected = sorted([
        (_line(path, "version:"), None, "version", "unknown top-level key"),
        (_line(path, "fr:"), None, "words.fr", "unknown language 'fr'"),
        (_line(path, "window: page"), "my-second", "window", "'sentence', 'list' or 'clause'"),
        (_line(path, "- magic") - 2, "my-second", "extract", "unknown extractor 'magic'"),
        (_line(path, "not a rule"), "#3", None, "a rule must be a mapping"),
        # a valid rule's patterns are checked too, though the file has other problems
        (_line(path, "~99", after=third_at), "my-third", "languages.en.patterns[0]", "~99"),
        (_line(path, "=notify", after=third_at), "my-third", "languages.en.patterns[1]", "mixes exact"),
    ], key=lambda e: e[0])
    # (a word list that no valid rule uses is not called unused while a rule is invalid)
    assert len(errors) == len(expected), errors
    for error, (line, rule, field, words) in zip(errors, expected):
        where = f"{path}:{line}" + (f": rule {rule!r}" if rule else "") + (f": field {field!r}" if field else "")
        assert error.startswith(where + ": ") and words in error, (error, where)


def test_every_bad_pattern_is_listed_with_its_line(runner, tmp_path, contract):
    rule = copy.deepcopy(RULE)
    rule["languages"]["en"]["patterns"] = ["notify ~99 incident", "notify incident", "=notify|inform incident"]
    path = _rules(tmp_path / "rules", {"family": "custom", "rules": [rule]})
    errors = _errors(runner.invoke(app, ["rules", "list", "--rules", str(tmp_path / "rules")]))
    assert [e.split(": field ")[0] for e in errors] == [
        f"{path}:{_line(path, '~99')}: rule 'my-deadline'", f"{path}:{_line(path, '=notify')}: rule 'my-deadline'"]
    assert "languages.en.patterns[0]" in errors[0] and "languages.en.patterns[2]" in errors[1]


def test_problems_in_several_rule_files_are_all_listed(runner, tmp_path, contract):
    folder = tmp_path / "rules"
    def rule(**changes):
        return copy.deepcopy(RULE) | changes

    a = _rules(folder, {"family": "a", "rules": [rule(colour="red")]}, "a.yaml")
    b = _rules(folder, {"family": "b", "rules": [rule(id="other", signal="cap")]}, "b.yaml")
    c = _rules(folder, {"family": "c", "rules": [rule(id="third"), rule(), rule()]}, "c.yaml")
    errors = _errors(runner.invoke(app, ["rules", "test", "--rules", str(folder), "--only-rules"]))
    assert [e.split(": ")[0] for e in errors] == [f"{a}:{_line(a, 'colour')}", f"{b}:{_line(b, 'signal: cap')}",
                                                  f"{c}:{_line(c, 'id: my-deadline') + _rule_lines(c)}"], errors
    assert "duplicate rule id" in errors[2]


def test_a_rule_file_that_is_not_yaml_names_its_line(runner, tmp_path, contract):
    folder = tmp_path / "rules"
    path = _rules(folder, {"family": "custom", "rules": [RULE]})
    path.write_text(path.read_text(encoding="utf-8").replace("'Deadline: {stated}.'", "2026-13-01"), encoding="utf-8")
    errors = _errors(runner.invoke(app, ["check", str(contract), "--rules", str(folder)]))
    assert errors == [f"{path}:{_line(path, '2026-13-01')}: not a valid value '2026-13-01' "
                      "(month must be in 1..12)"]
    lines = len(path.read_text(encoding="utf-8").splitlines())
    path.write_bytes(path.read_bytes() + b"# \xff\n")
    errors = _errors(runner.invoke(app, ["check", str(contract), "--rules", str(folder)]))
    assert errors == [f"{path}:{lines + 1}: not UTF-8 text"]


def test_a_suggestion_with_an_unknown_placeholder_is_refused(runner, tmp_path, contract):
    """A misspelt placeholder would otherwise go into the proposed clause as "{notice_deadlin}"."""
    rule = copy.deepcopy(RULE) | {"suggestion": "Notify within {notice_deadlin}."}
    rule["languages"]["en"]["suggestion"] = "Notify within {notice_deadline}, insured for {insurance_min}."
    path = _rules(tmp_path / "rules", {"family": "custom", "rules": [rule]})
    errors = _errors(runner.invoke(app, ["check", str(contract), "--rules", str(tmp_path / "rules")]))
    may_use = "a suggestion may use {insurance_minimum}, {notice_deadline}, {notice_deadline_max}"
    assert errors == [
        f"{path}:{_line(path, '{notice_deadlin}')}: rule 'my-deadline': field 'suggestion': unknown placeholder "
        f"{{notice_deadlin}}; {may_use}",
        f"{path}:{_line(path, '{insurance_min}')}: rule 'my-deadline': field 'languages.en.suggestion': unknown "
        f"placeholder {{insurance_min}}; {may_use}",
    ]
