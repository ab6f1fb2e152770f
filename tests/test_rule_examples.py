"""Every rule's positive and negative example sentences, one test each (``pytest -k DD-8.1``)."""

from __future__ import annotations

import pytest

from ddcontract.rules import load_library
from ddcontract.ruletest import iter_cases, run_case

_LIB = load_library()
_CASES = list(iter_cases(_LIB))


def test_every_rule_has_examples_in_every_language_it_declares():
    for rule in _LIB.rules:
        for lang, block in rule.model.languages.items():
            assert block.examples.positive and block.examples.negative, (rule.id, lang)


def test_every_requirement_and_checked_flag_has_rules():
    from ddcontract.catalogue import REQUIREMENTS

    targets = {r.target for r in _LIB.rules}
    for req in REQUIREMENTS:
        assert req.id in targets, req.id
    assert {"WF-2", "WF-3"} <= targets


@pytest.mark.parametrize("case", _CASES, ids=[c.name for c in _CASES])
def test_rule_example(case):
    result = run_case(case, _LIB)
    assert result.ok, f"{case.name}: {result.problem}\n{case.text}"
