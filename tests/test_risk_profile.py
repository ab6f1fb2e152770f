"""The risk profile as data: every rule raises the level on its own, unknown answers never raise
or lower it (they are listed), the rule file is validated against the questionnaire, and each level
selects a shipped policy: the same contract checked under ``--profile low`` and ``--profile high``
gets different statuses where the policies differ."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from ddcontract.assess import LEVELS
from ddcontract.assess.answers import Collector
from ddcontract.assess.questions import load_questionnaire
from ddcontract.assess.risk import RiskProfileError, load_risk_profile
from ddcontract.cli import app
from ddcontract.policy import load_policy, profile_policy_path

QUESTIONNAIRE = load_questionnaire()
PROFILE = load_risk_profile()


def _answers(given: dict):
    """Answers with only ``given`` answered (question ID → a value as a file writes it)."""
    found = Collector(QUESTIONNAIRE)
    for qid, raw in given.items():
        found.answer(qid, raw, None, "test")
    return found.result("test")


def _satisfying(rule) -> dict:
    """An answer to each of ``rule``'s questions that meets its condition."""
    given: dict = {}
    for c in rule.when:
        value = c.equals if c.operator == "equals" else c.in_[0] if c.operator == "in" else c.at_least
        question = QUESTIONNAIRE.question(c.question)
        given[c.question] = [value] if question.type == "multiple" else value
    return given


@pytest.mark.parametrize("rule", PROFILE.rules, ids=[r.id for r in PROFILE.rules])
def test_every_rule_raises_the_level_on_its_own(rule):
    assert LEVELS.index(rule.level) > LEVELS.index(PROFILE.default)
    answers = _answers(_satisfying(rule))
    result = PROFILE.evaluate(answers)
    assert result.level == rule.level
    fired = {r.rule.id: r for r in result.reasons}
    assert rule.id in fired
    assert [a.question.id for a in fired[rule.id].answers] == [c.question for c in rule.when]
    assert all(a.known for a in fired[rule.id].answers)
    for lang in ("en", "da"):
        assert fired[rule.id].text(lang)


@pytest.mark.parametrize("rule", PROFILE.rules, ids=[r.id for r in PROFILE.rules])
def test_an_unknown_answer_never_fires_a_rule_and_is_listed(rule):
    given = _satisfying(rule)
    unknown = next(iter(given))
    del given[unknown]
    result = PROFILE.evaluate(_answers(given))
    assert rule.id not in {r.rule.id for r in result.reasons}
    if LEVELS.index(rule.level) > LEVELS.index(result.level):
        undecided = {u.rule.id: u for u in result.undecided}
        assert unknown in undecided[rule.id].questions


def test_no_answers_is_the_default_level_with_every_rule_undecided():
    result = PROFILE.evaluate(_answers({}))
    assert result.level == PROFILE.default and result.reasons == ()
    assert {u.rule.id for u in result.undecided} == {r.id for r in PROFILE.rules}


def test_unknown_answers_never_lower_the_level():
    high = {"Q-1.1": "healthcare", "Q-1.2": ["personal", "special-category"], "Q-2.6": "refused"}
    result = PROFILE.evaluate(_answers(high))
    assert result.level == "high"
    assert [r.level for r in result.reasons] == sorted((r.level for r in result.reasons), key=LEVELS.index,
                                                       reverse=True)
    assert {r.rule.id for r in result.reasons} >= {"critical-sector", "sensitive-data", "personal-data", "mfa-avoided"}
    assert result.undecided == ()  # nothing unknown can raise it further


def test_a_rule_that_an_answer_refutes_is_not_undecided():
    result = PROFILE.evaluate(_answers({"Q-1.3": ["user-level"], "Q-5.4": "no"}))
    undecided = {u.rule.id for u in result.undecided}
    assert "integration-without-logging" not in undecided and "direct-database-access" not in undecided


def test_a_low_risk_customer():
    answers = {"Q-1.1": "none", "Q-1.2": ["business"], "Q-1.3": ["user-level"], "Q-1.4": ["gdpr"],
               "Q-2.1": ["service"], "Q-2.6": "required", "Q-3.4": "none", "Q-5.3": 12, "Q-5.4": "yes"}
    result = PROFILE.evaluate(_answers(answers))
    assert result.level == "low" and result.reasons == () and result.undecided == ()


# --------------------------------------------------------------------------- the rule file


def test_every_problem_of_a_risk_profile_is_listed_with_its_line(tmp_path):
    path = tmp_path / "risk.yaml"
    path.write_text(textwrap.dedent("""\
        default: low
        rules:
          - id: a
            level: extreme
            when: {question: Q-1.1, in: [banking]}
            reason: {en: x, da: y}
          - id: b
            level: high
            when: {question: Q-5.3, at_least: many}
            reason: {en: x}
          - id: c
            level: high
            when: {question: Q-9.1, equals: x}
            reason: {en: x, da: y}
          - id: d
            level: high
            when:
              - {question: Q-3.5, equals: x}
              - {question: Q-1.2, equals: personal, in: [financial]}
              - {question: Q-1.1, at_least: 3}
              - {question: Q-5.3, in: [1, 2]}
            reason: {en: x, da: y}
            colour: red
        """), encoding="utf-8")
    with pytest.raises(RiskProfileError) as caught:
        load_risk_profile(path)
    lines = caught.value.lines()
    assert [line.split(": ")[0] for line in lines] == [f"{path}:{n}" for n in (4, 5, 9, 10, 13, 18, 19, 20, 21, 21, 23)], lines
    text = "\n".join(lines)
    for words in ("must be one of low, medium, high", "'banking' is not a choice of Q-1.1", "valid number",
                  "the text in da is missing", "'Q-9.1' is not in the questionnaire", "Q-3.5 is a text question",
                  "exactly one operator", "at_least is for a number question", "valid string", "unknown key"):
        assert words in text, words


def test_a_rule_that_cannot_raise_the_level_is_refused(tmp_path):
    path = tmp_path / "risk.yaml"
    path.write_text("default: medium\nrules:\n  - id: a\n    level: medium\n    when: {question: Q-1.1, equals: energy}\n"
                    "    reason: {en: x, da: y}\n", encoding="utf-8")
    with pytest.raises(RiskProfileError) as caught:
        load_risk_profile(path)
    assert caught.value.lines() == [f"{path}:4: rules[0].level: medium never raises the level above the default, medium"]


def test_a_companys_own_risk_profile_is_used(runner, tmp_path):
    profile = tmp_path / "ours.yaml"
    profile.write_text("default: medium\nrules:\n  - id: energy\n    level: high\n"
                       "    when: {question: Q-1.1, equals: energy}\n    reason: {en: Energy., da: Energi.}\n",
                       encoding="utf-8")
    answers = tmp_path / "customer.yaml"
    answers.write_text("answers:\n  Q-1.2: [special-category]\n", encoding="utf-8")
    result = runner.invoke(app, ["assess", "risk", str(answers), "--risk-profile", str(profile), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["level"] == "medium" and data["reasons"] == [] and data["undecided"][0]["questions"] == ["Q-1.1"]
    bundled = json.loads(runner.invoke(app, ["assess", "risk", str(answers), "--format", "json"]).stdout)
    assert bundled["level"] == "high" and bundled["reasons"][0]["answers"][0]["value"] == ["special-category"]


def test_the_risk_command_in_danish(runner, tmp_path):
    answers = tmp_path / "kunde.yaml"
    answers.write_text("language: da\nanswers:\n  Q-3.4: Ja og ikke afklaret\n", encoding="utf-8")
    result = runner.invoke(app, ["assess", "risk", str(answers)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Risikoniveau: HØJ\n")
    assert "Kunden har haft sikkerhedsbrud, der ikke er afklaret." in result.stdout
    assert "Q-3.4: Ja og ikke afklaret" in result.stdout and "--profile high" in result.stdout


# --------------------------------------------------------------------------- the policy per level


@pytest.mark.parametrize("level", LEVELS)
def test_every_level_has_a_shipped_policy(level):
    assert profile_policy_path(level).is_file()
    policy = load_policy(None, level)
    assert policy.notification_max_hours <= 72


def test_the_policies_grow_stricter_with_the_level():
    low, medium, high = (load_policy(None, level) for level in LEVELS)
    assert low.notification_max_hours > medium.notification_max_hours > high.notification_max_hours == 24
    assert not low.insurance_min_amount and high.insurance_min_amount["EUR"] > medium.insurance_min_amount["EUR"]
    assert high.required_certifications and set(low.monitoring_required) < set(high.monitoring_required)
    assert "DD-5.3" in high.monitoring_required  # the audit right


CONTRACT = """\
1. Security Incidents

1.1 The Supplier shall notify the Customer of any Security Incident within 48 hours of becoming aware of it.

1.2 The Supplier shall maintain cyber liability insurance with a minimum cover of EUR 2,000,000 per claim.
"""


def _statuses(runner, path: Path, *options: str) -> dict[str, dict]:
    result = runner.invoke(app, ["check", str(path), "--format", "json", *options])
    assert result.exit_code == 0, result.output
    return {f["id"]: f for f in json.loads(result.stdout)["requirements"]}


def test_the_same_contract_under_profile_low_and_high(runner, tmp_path):
    path = tmp_path / "contract.txt"
    path.write_text(CONTRACT, encoding="utf-8")
    low, medium, high = (_statuses(runner, path, "--profile", level) for level in LEVELS)
    assert low["DD-8.1"]["status"] == medium["DD-8.1"]["status"] == "met" and high["DD-8.1"]["status"] == "weak"
    assert low["DD-8.1"]["values"]["hours"] == high["DD-8.1"]["values"]["hours"] == 48
    assert "24 hours" in high["DD-8.1"]["message"]
    assert low["DD-6.1"]["status"] == medium["DD-6.1"]["status"] == "met" and high["DD-6.1"]["status"] == "weak"
    assert low["DD-5.1"]["required"] is False and high["DD-5.1"]["required"] is True
    assert _statuses(runner, path, "--policy", str(profile_policy_path("high"))) == high  # a preset is a policy file
    assert _statuses(runner, path)["DD-8.1"]["status"] == "met"  # no profile: the default policy, 72 hours


def test_profile_and_policy_together_are_refused_in_one_line(runner, tmp_path):
    path = tmp_path / "contract.txt"
    path.write_text(CONTRACT, encoding="utf-8")
    policy = tmp_path / "policy.yaml"
    policy.write_text("notification_max_hours: 48\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--profile", "high", "--policy", str(policy)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "--policy and --profile high cannot be used together" in result.stderr
    result = runner.invoke(app, ["check", str(path), "--profile", "extreme"])
    assert result.exit_code == 2 and "extreme" in result.stderr


def test_a_gap_report_says_which_profile_set_the_policy(runner, tmp_path):
    from ddcontract.report.docx import report_context
    from ddcontract.check import CheckOptions, check_file
    from ddcontract.rules import load_library

    path = tmp_path / "contract.txt"
    path.write_text(CONTRACT, encoding="utf-8")
    policy = load_policy(None, "high")
    result = check_file(path, load_library(), CheckOptions(policy=policy))
    lines = report_context(result, policy, "--profile high")["doc"]["policy"]
    assert lines[0] == "Policy: --profile high" and any("24 hours" in line for line in lines)


def test_a_number_condition_on_a_number_question(tmp_path):
    path = tmp_path / "risk.yaml"
    path.write_text("rules:\n  - id: a\n    level: high\n    when: {question: Q-5.3, in: [rare]}\n"
                    "    reason: {en: x, da: y}\n", encoding="utf-8")
    with pytest.raises(RiskProfileError) as caught:
        load_risk_profile(path)
    assert "Q-5.3 is a number question" in caught.value.lines()[0]
