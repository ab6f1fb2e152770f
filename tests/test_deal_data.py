"""Deal data as a user writes it (issue 14): every invalid value is a listed problem with its line
and exit code 2, never a traceback (fuzzed with hypothesis); prose given per language; lists joined
by the language's rules in the generated documents; Danish typography in the Danish documents.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
from pathlib import Path

import pytest
import yaml

from ddcontract.cli import app
from ddcontract.deal import DealError, load_deal
from ddcontract.generate import example_data

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

BOUNDED = settings(max_examples=int(os.environ.get("DDCONTRACT_FUZZ_EXAMPLES", "150")), deadline=None,
                   derandomize=True, suppress_health_check=[HealthCheck.too_slow,
                                                            HealthCheck.function_scoped_fixture])


def _example_text(lang: str = "en") -> str:
    return example_data(lang).read_text(encoding="utf-8")


def _problem_lines(result, path: Path) -> list[str]:
    """stderr of a refused `generate`: every line names the file (and, mostly, a line in it)."""
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert lines and all(line.startswith(f"ddcontract: error: {path}") for line in lines), lines
    return lines


# --------------------------------------------------------------------------- item 7: no traceback


def test_an_impossible_date_is_a_listed_problem_with_its_line(runner, tmp_path):
    path = tmp_path / "deal.yaml"
    text = _example_text().replace("effective_date: 2026-12-01", "effective_date: 2026-13-01")
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["generate", "dpa", "--data", str(path), "--check"])
    lines = _problem_lines(result, path)
    line_no = next(i for i, t in enumerate(text.splitlines(), 1) if "effective_date:" in t)
    assert lines == [f"ddcontract: error: {path}:{line_no}: agreement.effective_date: "
                     f"not a date: '2026-13-01' (write YYYY-MM-DD)"]


@pytest.mark.parametrize("value", ["2026-02-30", "!!timestamp 2026-13-01", "2026-1-1x", "13/01/2026", "[2026]",
                                   "{y: 2026}", "yes", "~", "0x1F", ".nan"])
def test_bad_dates_never_end_in_a_traceback(runner, tmp_path, value):
    path = tmp_path / "deal.yaml"
    path.write_text(_example_text().replace("main_agreement_date: 2026-11-02", f"main_agreement_date: {value}"),
                    encoding="utf-8")
    result = runner.invoke(app, ["generate", "dpa", "--data", str(path), "--check"])
    lines = _problem_lines(result, path)
    assert any("agreement.main_agreement_date" in line for line in lines)


def _paths(value, prefix=()):
    """Every place in the example data: mappings' keys and lists' items, leaves and containers."""
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


EXAMPLE = yaml.safe_load(example_data("en").read_text(encoding="utf-8"))
PLACES = [p for p in _paths(EXAMPLE) if p]

wrong_values = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**30, max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.sampled_from(["2026-13-01", "2026-02-30", "", " ", "\n", "da", "xx", "email", "@", "a@b", "∞", "\x00"]),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=8)), max_size=3),
    st.dictionaries(st.sampled_from(["en", "da", "fr", "name", "x"]), st.one_of(st.none(), st.integers(),
                                                                                 st.text(max_size=8)), max_size=3),
)


@BOUNDED
@given(changes=st.lists(st.tuples(st.sampled_from(PLACES), wrong_values), min_size=1, max_size=4),
       extra=st.sampled_from(["", "\nsurprise: 1\n", "\n? [a, b]\n: c\n", "\nagreement: &a [*a]\n", "\n1: 2\n"]))
def test_fuzzed_deal_data_is_refused_one_line_per_problem(tmp_path_factory, changes, extra):
    from typer.testing import CliRunner

    data = copy.deepcopy(EXAMPLE)
    for place, value in changes:
        node = data
        for key in place[:-1]:
            node = node[key] if isinstance(node, dict) or (isinstance(node, list) and key < len(node)) else None
            if not isinstance(node, (dict, list)):
                break
        else:
            if isinstance(node, dict) or (isinstance(node, list) and place[-1] < len(node)):
                node[place[-1]] = value
    path = tmp_path_factory.mktemp("fuzz") / "deal.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + extra, encoding="utf-8")
    result = CliRunner().invoke(app, ["generate", "dpa", "--data", str(path), "--check"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        lines = _problem_lines(result, path)
        try:
            load_deal(path)
        except DealError as exc:
            assert len(lines) == len(exc.problems)
            assert all("\n" not in text for _, text in exc.problems)
            assert all(line is None or line >= 1 for line, _ in exc.problems)
        else:  # valid data, but not usable for the document's language
            assert len(lines) == 1
    else:
        load_deal(path)


def test_deeply_nested_yaml_is_a_problem_not_a_crash(runner, tmp_path):
    path = tmp_path / "deal.yaml"
    path.write_text("agreement: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = runner.invoke(app, ["generate", "dpa", "--data", str(path), "--check"])
    assert re.match(rf"ddcontract: error: {re.escape(str(path))}", _problem_lines(result, path)[0])

