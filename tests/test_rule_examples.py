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
    from ddcontract.requirements import REQUIREMENTS

    targets = {r.target for r in _LIB.rules}
    for req in REQUIREMENTS:
        assert req.id in targets, req.id
    assert {"WF-2", "WF-3"} <= targets


@pytest.mark.parametrize("case", _CASES, ids=[c.name for c in _CASES])
def test_rule_example(case):
    result = run_case(case, _LIB)
    assert result.ok, f"{case.name}: {result.problem}\n{case.text}"


def test_every_bundled_rule_speaks_english_and_danish():
    for rule in _LIB.rules:
        assert {"en", "da"} <= set(rule.model.languages), f"{rule.id} lacks a language block"
        da = rule.lang("da")
        assert len(da.examples.positive) >= 2 and len(da.examples.negative) >= 2, rule.id
        assert da.message, f"{rule.id} has no Danish message"


def test_every_requirement_has_suggested_clause_text_in_both_languages():
    from ddcontract.requirements import REQUIREMENTS

    for req in REQUIREMENTS:
        rules = _LIB.for_target(req.id)
        for lang in ("en", "da"):
            texts = [r.suggestion(lang) for r in rules if r.suggestion(lang)]
            assert texts, (req.id, lang)
            if lang == "da":  # written in Danish, not the English text falling through
                assert any(t != r.model.suggestion.strip() for r in rules for t in [r.suggestion("da")] if t), req.id


def test_danish_examples_pass_inside_each_family_alone():
    """The Danish lemma table holds only the rules' words, so a family's words must not change how
    another family's examples are read: each family also passes on its own."""
    from pathlib import Path

    from ddcontract.rules import load_file, Library

    for file in sorted({r.file for r in _LIB.rules}):
        lib = Library(rules=load_file(Path(file)))
        for case in iter_cases(lib):
            if case.lang == "da":
                result = run_case(case, lib)
                assert result.ok, f"{Path(file).name} alone — {case.name}: {result.problem}\n{case.text}"
