"""Property-based tests (hypothesis) of the two YAML files a user hands the command line: the policy
(``--policy``) and rule files (``--rules DIR``), the way tests/test_fuzz.py fuzzes ingest.

Property: whatever a policy or rule file holds — wrong types, wrong values, NaN and infinities,
huge numbers, dates, nesting where a word is expected, YAML that does not parse, bytes that are not
UTF-8 — ``ddcontract`` either runs (exit code 0, or 1 for failing rule examples) or lists the
problems, each on a line of its own naming the file (and, for a value in the file, its line), with
exit code 2 — never a traceback. A policy that loads is then used all the way: the check, its
messages and suggested clauses in both languages, and the policy as the gap report lists it.

Bounded like tests/test_fuzz.py (``DDCONTRACT_FUZZ_EXAMPLES=5000`` searches longer).
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

hypothesis = pytest.importorskip("hypothesis")
from conftest import EXAMPLE_RULE  # noqa: E402
from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ddcontract.cli import app  # noqa: E402
from ddcontract.policy import Policy  # noqa: E402

EXAMPLES = int(os.environ.get("DDCONTRACT_FUZZ_EXAMPLES", "100"))
BOUNDED = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

CONTRACT = """1. Security Incidents

1.1 The Supplier shall notify the Customer of any Security Incident within twenty-four (24) hours.

2. Liability

2.1 The Supplier's total liability shall not exceed EUR 1,000,000. The Supplier shall maintain cyber
insurance of at least EUR 2,000,000.
"""

WORDS = ["EUR", "DKK", "usd", "72", "24", "-1", "0", "1e309", "{", "}", "{stated}", "{hours}", "{0}", "%s",
         "DD-8.1", "DD-4.6", "WF-2", "WF-9", "en", "da", "fr", "deadline", "cap", "present", "sentence",
         "notify ~5 incident", "~99", "@notify", "<NUM>", "=a|b", "", " ", "\t", "yes", "null", "æøå"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10 ** 30), max_value=10 ** 30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12), st.sampled_from(WORDS),
    st.dates(min_value=dt.date(1, 1, 1)), st.just(10 ** 400),
)
keys = st.one_of(st.sampled_from(WORDS), st.text(max_size=6), st.integers(-3, 3), st.booleans())
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                        st.dictionaries(keys, inner, max_size=3)), max_leaves=6)
yaml_text = st.text(alphabet=st.sampled_from(list("abcdEUR:-_ 0123456789.{}[],'\"!&*|>#@%\n\t")), max_size=80)


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _assert_listed_problems(result, path: Path) -> None:
    """Exit 2, nothing on stdout, each line of stderr one problem naming the file; no traceback."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    lines = result.stderr.splitlines()
    assert lines, result.output
    for line in lines:
        assert line.startswith(f"ddcontract: error: {path}"), result.stderr


def _assert_no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


# ---------------------------------------------------------------- the policy


@pytest.fixture
def contract(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("contract") / "contract.txt"
    path.write_text(CONTRACT, encoding="utf-8")
    return path


@pytest.fixture
def quick_library(monkeypatch, library):
    """The bundled library loaded once, not once per example."""
    import ddcontract.cli

    monkeypatch.setattr(ddcontract.cli, "_library", lambda rules, only=False: library)


policy_keys = st.one_of(st.sampled_from(list(Policy.model_fields)), keys)
policies = st.dictionaries(policy_keys, values, max_size=4)


def _run_policy(runner, path: Path, contract: Path, lang: str) -> None:
    from ddcontract.policy import load_policy
    from ddcontract.wording import policy_lines

    result = runner.invoke(app, ["check", str(contract), "--policy", str(path), "--report-lang", lang, "-f", "json"])
    _assert_no_traceback(result)
    if result.exit_code != 0:
        _assert_listed_problems(result, path)
        return
    policy = load_policy(path)
    # a policy that loads makes sense: finite positive hours of at most a year, a yes or no, currency
    # codes with positive finite amounts
    assert 0 < policy.notification_max_hours <= 8760 and type(policy.notification_max_hours) in (int, float)
    assert policy.suggested_notification_hours is None or (
        type(policy.suggested_notification_hours) is int and 0 < policy.suggested_notification_hours <= 8760)
    assert type(policy.cap_requires_amount_or_formula) is bool
    for currency, amount in policy.insurance_min_amount.items():
        assert re.fullmatch("[A-Z]{3}", currency) and 0 < amount < float("inf"), (currency, amount)
    for report_lang in ("en", "da"):
        assert all(isinstance(line, str) for line in policy_lines(policy, str(path), report_lang))


@BOUNDED
@given(data=policies, lang=st.sampled_from(["en", "da"]))
@example(data={"notification_max_hours": float("nan")}, lang="en")
@example(data={"notification_max_hours": float("inf")}, lang="da")
@example(data={"notification_max_hours": 10 ** 30}, lang="en")
@example(data={"suggested_notification_hours": 10 ** 30}, lang="en")
@example(data={"suggested_notification_hours": 10 ** 12}, lang="da")
@example(data={"suggested_notification_hours": 100, "notification_max_hours": 12}, lang="en")
@example(data={"insurance_min_amount": {"EUR": float("inf")}}, lang="en")
@example(data={"insurance_min_amount": {"EUR": 10 ** 30}}, lang="da")
@example(data={"insurance_min_amount": {"EURO": 1000}}, lang="en")
@example(data={"insurance_min_amount": {"": 1000, 1: 2}}, lang="en")
@example(data={"insurance_min_amount": {"EUR": -5}}, lang="en")
@example(data={"insurance_min_amount": ["EUR", 1000]}, lang="en")
@example(data={"cap_requires_amount_or_formula": "maybe"}, lang="en")
@example(data={1: 2, None: 3, False: "x"}, lang="en")
@example(data={"notification_max_hours": dt.date(2026, 1, 1)}, lang="en")
def test_any_policy_data_runs_or_lists_its_problems(runner, tmp_path_factory, contract, quick_library, data, lang):
    path = tmp_path_factory.mktemp("policy") / "policy.yaml"
    path.write_text(_dump(data), encoding="utf-8")
    _run_policy(runner, path, contract, lang)


@BOUNDED
@given(text=yaml_text)
@example(text="notification_max_hours: [1, 2\n")
@example(text="notification_max_hours: 12\n\tinsurance_min_amount: 3\n")
@example(text="a: &x [*x]\n")
@example(text="!!python/object:os.system {}\n")
@example(text="notification_max_hours: 2026-13-01\n")
@example(text="notification_max_hours: 1\nnotification_max_hours: 2\n")
def test_any_policy_text_runs_or_lists_its_problems(runner, tmp_path_factory, contract, quick_library, text):
    path = tmp_path_factory.mktemp("policy") / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    _run_policy(runner, path, contract, "en")


@pytest.mark.parametrize("content", [b"notification_max_hours: 12 \xff\xfe\n", b"\x00\x01\x02", b"\xef\xbb\xbf"])
def test_policy_bytes_that_are_not_text(runner, tmp_path, contract, quick_library, content):
    path = tmp_path / "policy.yaml"
    path.write_bytes(content)
    _run_policy(runner, path, contract, "en")


# ---------------------------------------------------------------- rule files

RULE: dict[str, Any] = copy.deepcopy(EXAMPLE_RULE)
_en = RULE["languages"]["en"]
RULE["languages"]["en"] = {"patterns": _en["patterns"], "unless": ["authority"], "examples": _en["examples"]}
FILE: dict[str, Any] = {"family": "custom", "words": {"en": {"notify": "notify|inform"}},
                        "rules": [RULE, {**copy.deepcopy(RULE), "id": "my-flag", "requirement": None, "flag": "WF-2",
                                         "signal": "present", "extract": [],
                                         "languages": {"en": {**copy.deepcopy(RULE["languages"]["en"]),
                                                              "patterns": ["@notify ~5 incident"],
                                                              "examples": {"positive": ["We notify you of an incident."],
                                                                           "negative": ["We pay."]}}}}]}
EN = ("languages", "en")
PLACES = [("family",), ("words",), ("words", "en"), ("words", "en", "notify"), ("words", "da"), ("rules",),
          ("description",), ("version",), ("rules", 0), ("rules", 1), ("rules", 2)] + [
    ("rules", i, *p) for i in (0, 1) for p in [
        ("id",), ("requirement",), ("flag",), ("signal",), ("window",), ("extract",), ("extract", 0), ("sets",),
        ("sets", "aspects"), ("message",), ("suggestion",), ("description",), ("languages",), EN, ("languages", "da"),
        (*EN, "patterns"), (*EN, "patterns", 0), (*EN, "unless"), (*EN, "unless", 0), (*EN, "heading_any"),
        (*EN, "message"), (*EN, "suggestion"), (*EN, "examples"), (*EN, "examples", "positive"),
        (*EN, "examples", "positive", 0), (*EN, "examples", "positive", 0, "text"),
        (*EN, "examples", "positive", 0, "values"), (*EN, "examples", "positive", 0, "values", "hours"),
        (*EN, "examples", "negative"), (*EN, "examples", "negative", 0), ("colour",)]]
DELETE = object()


def _mutate(data: Any, place: tuple, value: Any) -> Any:
    """``data`` with the value at ``place`` replaced (or deleted); a place a mutation before removed
    is skipped."""
    node = data
    for key in place[:-1]:
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
        else:
            return data
    last = place[-1]
    if isinstance(node, dict):
        if value is DELETE:
            node.pop(last, None)
        else:
            node[last] = value
    elif isinstance(node, list) and isinstance(last, int):
        if last < len(node):
            if value is DELETE:
                del node[last]
            else:
                node[last] = value
        elif value is not DELETE:
            node.append(value)
    return data


mutations = st.lists(st.tuples(st.sampled_from(PLACES), st.one_of(st.just(DELETE), values)), min_size=1, max_size=3)
LINE = re.compile(r"^ddcontract: error: (?P<file>[^:]+\.yaml)(:(?P<line>\d+))?: ")


def _run_rules(runner, folder: Path, path: Path, contract: Path) -> None:
    for args in (["check", str(contract), "--rules", str(folder), "--only-rules", "-f", "json"],
                 ["rules", "test", "--rules", str(folder), "--only-rules"]):
        result = runner.invoke(app, args)
        _assert_no_traceback(result)
        if result.exit_code == 2:
            _assert_listed_problems(result, path)
            for line in result.stderr.splitlines():
                assert LINE.match(line), line
        else:
            assert result.exit_code in (0, 1), result.output


@BOUNDED
@given(changes=mutations)
@example(changes=[(("rules", 0, "message"), "Deadline: {nothing}.")])
@example(changes=[(("rules", 0, "message"), "{")])
@example(changes=[(("rules", 0, *EN, "suggestion"), "Notify within {0} hours.")])
@example(changes=[(("rules", 0, *EN, "examples", "positive", 0, "values", "hours"), [1, 2])])
@example(changes=[(("rules", 0, *EN, "examples", "positive", 0, "values"), {1: 2, None: "x"})])
@example(changes=[(("rules", 0, "id"), 5), (("rules", 1, "id"), 5)])
@example(changes=[(("rules", 0, "id"), ["a"])])
@example(changes=[(("rules", 0, "languages"), {1: {}, None: 2})])
@example(changes=[(("words",), {"en": {"notify": "notify"}, 1: 2, "fr": {}})])
@example(changes=[(("version",), 1), ((1,), 2)])
@example(changes=[(("rules", 0, "sets"), {"aspects": "deletion"})])
@example(changes=[(("rules", 0, "extract"), ["deadline", "magic", "money", "more"]),
                  (("rules", 0, "sets"), {"colours": ["red"]}), (("rules", 1, "flag"), "WF-9")])
def test_any_rule_file_runs_or_lists_its_problems(runner, tmp_path_factory, contract, changes):
    folder = tmp_path_factory.mktemp("rules")
    data = copy.deepcopy(FILE)
    for place, value in changes:
        data = _mutate(data, place, value)
    path = folder / "custom.yaml"
    path.write_text(_dump(data), encoding="utf-8")
    _run_rules(runner, folder, path, contract)


@BOUNDED
@given(text=yaml_text)
@example(text="family: x\nrules:\n  - id: a\n    message: [unclosed\n")
@example(text="family: x\nrules:\n\t- id: a\n")
@example(text="family: x\nfamily: y\nrules: []\n")
@example(text="{1: 2, a: 3}")
def test_any_rule_file_text_runs_or_lists_its_problems(runner, tmp_path_factory, contract, text):
    folder = tmp_path_factory.mktemp("rules")
    path = folder / "custom.yaml"
    path.write_text(text, encoding="utf-8")
    _run_rules(runner, folder, path, contract)


def test_rule_file_bytes_that_are_not_text(runner, tmp_path, contract):
    path = tmp_path / "custom.yaml"
    path.write_bytes(_dump(FILE).encode("utf-8") + b"# \xff\xfe\n")
    _run_rules(runner, tmp_path, path, contract)
