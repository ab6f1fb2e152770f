"""Property-based tests (hypothesis) of the files an assessment reads from outside: a customer's
answers (YAML, or bytes claiming to be a workbook) and a company's risk profile.

Property: whatever the file holds, ``ddcontract assess risk`` either says the risk level (exit 0) or
lists the problems, each on a line of its own naming the file, exit code 2 — never a traceback.
Bounded like tests/test_fuzz_loaders.py (``DDCONTRACT_FUZZ_EXAMPLES=5000`` searches longer).
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
import yaml

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ddcontract.cli import app  # noqa: E402

EXAMPLES = int(os.environ.get("DDCONTRACT_FUZZ_EXAMPLES", "100"))
BOUNDED = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

WORDS = ["Q-1.1", "Q-1.2", "Q-1.3", "Q-2.6", "Q-3.4", "Q-3.5", "Q-5.3", "Q-9.9", "answers", "answer", "note",
         "customer", "date", "language", "energy", "personal", "api", "yes", "no", "partly", "Ja", "12", "-1",
         "1e309", "2026-13-01", "2026-12-01", "", " ", "æøå", "level", "when", "question", "in", "equals",
         "at_least", "rules", "default", "high", "low", "reason", "en", "da"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-(10 ** 30), 10 ** 30), st.floats(),
                    st.text(max_size=12), st.sampled_from(WORDS), st.dates(min_value=dt.date(1, 1, 1)))
keys = st.one_of(st.sampled_from(WORDS), st.text(max_size=6), st.integers(-3, 3))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                        st.dictionaries(keys, inner, max_size=3)), max_leaves=8)
answers_data = st.one_of(values, st.dictionaries(st.sampled_from(["answers", "customer", "date", "language", "x"]),
                                                 st.one_of(values, st.dictionaries(keys, values, max_size=6)),
                                                 max_size=4))


def _run(runner, *args: str) -> None:
    result = runner.invoke(app, ["assess", "risk", *args])
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        lines = result.stderr.splitlines()
        assert lines and all(line.startswith("ddcontract: error: ") for line in lines), result.stderr


@BOUNDED
@given(data=answers_data)
def test_any_answers_file_is_read_or_refused_in_lines(runner, tmp_path, data):
    path = tmp_path / "customer.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _run(runner, str(path))


@BOUNDED
@given(text=st.text(alphabet=st.sampled_from(list("Q-1.2: []{},'\"!&*|>#%\nanswersyes")), max_size=80))
def test_any_text_as_answers_is_read_or_refused_in_lines(runner, tmp_path, text):
    path = tmp_path / "customer.yaml"
    path.write_text(text, encoding="utf-8")
    _run(runner, str(path))


@BOUNDED
@given(data=st.binary(max_size=200))
def test_any_bytes_as_a_workbook_are_refused_in_one_line(runner, tmp_path, data):
    path = tmp_path / "questionnaire.xlsx"
    path.write_bytes(b"PK\x03\x04" + data)
    _run(runner, str(path))


@BOUNDED
@given(data=st.one_of(values, st.fixed_dictionaries({"rules": st.lists(st.dictionaries(keys, values, max_size=5),
                                                                                      max_size=3)})))
def test_any_risk_profile_is_used_or_refused_in_lines(runner, tmp_path, data):
    profile, answers = tmp_path / "risk.yaml", tmp_path / "customer.yaml"
    profile.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    answers.write_text("answers:\n  Q-1.1: energy\n", encoding="utf-8")
    _run(runner, str(answers), "--risk-profile", str(profile))
