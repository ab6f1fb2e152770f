"""``ddcontract assess run``: findings and flags from the answers (every rule of
questionnaire/findings.yaml, each flag raised by its answers and not without them), the
recommendation rules of questionnaire/decision.yaml (unknown answers never make it better), a
contract and its DPA read as one agreement, the three samples end to end against their reviewed
expected results, bad input, and the DOCX report (converted to PDF by LibreOffice)."""

from __future__ import annotations

import dataclasses
import json
import shutil
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddcontract.assess.answers import Collector
from ddcontract.assess.decision import DecisionError, Facts, load_decision, recommend
from ddcontract.assess.findings import FindingsError, evaluate_findings, load_findings
from ddcontract.assess.questions import load_questionnaire
from ddcontract.assess.risk import load_risk_profile
from ddcontract.assess.run import merge, run_assessment
from ddcontract.cli import app
from ddcontract.model import CheckResult, Document, Evidence, Finding

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
ASSESS = SAMPLES / "assess"
QUESTIONNAIRE = load_questionnaire()
RULES = load_findings()
DECISION = load_decision()
PROFILE = load_risk_profile()
runner = CliRunner()

# the three samples: answers, contracts (in order), expected result
CASES = {
    "webshop_lav_risiko": ["da_abonnementsaftale.pdf"],
    "saas_medium": ["msa_provider.pdf", "dpa.docx"],
    "health_high": ["customer_redflags.pdf"],
}


def _answers(given: dict):
    found = Collector(QUESTIONNAIRE)
    for qid, raw in given.items():
        found.answer(qid, raw, None, "test")
    return found.result("test")


def _value(c):
    value = c.equals if c.operator == "equals" else c.in_[0] if c.operator == "in" else c.at_least
    return [value] if QUESTIONNAIRE.question(c.question).type == "multiple" else value


def _satisfying(rule) -> dict:
    return {c.question: _value(c) for c in rule.when}


def _other(c):
    """An answer to ``c``'s question that does not meet ``c``."""
    q = QUESTIONNAIRE.question(c.question)
    if q.type == "number":
        return (q.min or 0) if c.at_least is not None else c.equals + 1
    wanted = set(c.in_ or [c.equals])
    other = next(o.id for o in q.options if o.id not in wanted)
    return [other] if q.type == "multiple" else other


# --------------------------------------------------------------------------- findings


@pytest.mark.parametrize("rule", RULES.findings, ids=lambda r: r.id)
def test_every_finding_rule_holds_on_its_answers(rule):
    found = evaluate_findings(RULES, _answers(_satisfying(rule)), "en")
    finding = found.by_id(rule.question)
    if rule.status == "concern" or finding.status != "concern":
        assert finding.status == rule.status
        assert rule.id in [b.rule for b in finding.because]
        assert all(b.reason["en"] and b.reason["da"] for b in finding.because)


@pytest.mark.parametrize("rule", RULES.findings, ids=lambda r: r.id)
def test_no_finding_rule_holds_without_its_answers(rule):
    for c in rule.when:  # each condition answered otherwise, and left blank
        for given in ({**_satisfying(rule), c.question: _other(c)},
                      {k: v for k, v in _satisfying(rule).items() if k != c.question}):
            finding = evaluate_findings(RULES, _answers(given), "en").by_id(rule.question)
            assert rule.id not in [b.rule for b in finding.because], given


def test_a_blank_answer_is_unknown_never_ok():
    found = evaluate_findings(RULES, _answers({}), "en")
    assert {f.status for f in found.questions} == {"unknown"}
    # except where a rule makes the blank fine: Q-3.3 without third parties
    found = evaluate_findings(RULES, _answers({"Q-3.2": "no", "Q-3.4": "none"}), "en")
    assert found.by_id("Q-3.3").status == "ok" and found.by_id("Q-3.5").status == "ok"


@pytest.mark.parametrize("rule", RULES.flags, ids=lambda r: r.id)
def test_every_flag_is_raised_by_its_answers_and_not_without_them(rule):
    found = evaluate_findings(RULES, _answers(_satisfying(rule)), "da")
    flag = next(f for f in found.flags if f.id == rule.flag)
    assert rule.id in flag.rules and flag.message and flag.title
    assert {e.section for e in flag.evidence} == {c.question for c in rule.when}
    for c in rule.when:
        other = evaluate_findings(RULES, _answers({**_satisfying(rule), c.question: _other(c)}), "en")
        assert rule.flag not in [f.id for f in other.flags]
        blank = evaluate_findings(RULES, _answers({k: v for k, v in _satisfying(rule).items() if k != c.question}), "en")
        assert rule.flag not in [f.id for f in blank.flags]
        assert (rule.flag, rule.id) in [(o.kind, o.rule) for o in blank.open_flags]  # left open, to ask


def test_flags_from_answers_cover_each_flag():
    assert {r.flag for r in RULES.flags} == {"WF-1", "WF-2", "WF-3"}
    refused = evaluate_findings(RULES, _answers({"Q-7.1": "refused"}), "en")
    assert [f.id for f in refused.flags] == ["WF-1"]
    logged = _answers({"Q-1.3": ["database"], "Q-2.1": ["databases"], "Q-2.4": "yes", "Q-5.4": "yes",
                       "Q-2.6": "required", "Q-2.7": "required", "Q-7.1": "signed"})
    assert evaluate_findings(RULES, logged, "en").flags == []  # deep access, logged and restricted: no flag


def test_findings_file_is_validated_strictly(tmp_path):
    bad = tmp_path / "findings.yaml"
    bad.write_text(textwrap.dedent("""\
        findings:
          - id: x
            question: Q-2.6
            status: concern
            when: {question: Q-2.6, equals: maybe}
            reason: {en: A, da: B}
            colour: red
          - id: z
            question: Q-9.9
            status: concern
            when: {question: Q-2.6, equals: refused}
            reason: {en: A, da: B}
        flags:
          - id: y
            flag: WF-4
            when: {question: Q-2.6, equals: refused}
            reason: {en: A}
        """))
    with pytest.raises(FindingsError) as exc:
        load_findings(bad, QUESTIONNAIRE)
    text = "\n".join(exc.value.lines())
    assert "findings.yaml:5: findings[0].when[0]: 'maybe' is not a choice" in text
    assert "findings.yaml:8" in text and "Q-9.9" in text
    assert "colour: unknown key" in text and "WF-4" in text and "da is missing" in text


# --------------------------------------------------------------------------- the recommendation


def _facts(**changes) -> Facts:
    base = Facts(flags=[], open_flags=[], level="medium", undecided_level=False, requirements={"DD-8.1": "met"},
                 concerns=[], unknown=[], contract=True)
    return dataclasses.replace(base, **changes)


@pytest.mark.parametrize("changes, outcome, rule", [
    ({}, "proceed", None),
    ({"flags": ["WF-2"]}, "escalate", "flag-raised"),
    ({"level": "high", "requirements": {"DD-4.6": "missing"}}, "escalate", "high-risk-key-requirements-missing"),
    ({"level": "medium", "requirements": {"DD-4.6": "missing"}}, "conditions", "requirements-weak-or-missing"),
    ({"level": "high", "requirements": {"DD-4.6": "weak"}}, "conditions", "requirements-weak-or-missing"),
    ({"level": "high", "requirements": {"DD-4.4": "missing"}}, "conditions", "requirements-weak-or-missing"),
    ({"concerns": ["Q-3.4"]}, "escalate", "unresolved-breaches"),
    ({"concerns": ["Q-2.4"]}, "conditions", "concerns"),
    ({"unknown": [f"Q-{i}" for i in range(10)]}, "escalate", "too-many-unknowns"),
    ({"unknown": ["Q-5.2"]}, "conditions", "unknown-answers"),
    ({"open_flags": [("WF-3", ("Q-5.4",))]}, "conditions", "open-flags"),
    ({"undecided_level": True}, "conditions", "undecided-level"),
    ({"contract": False, "requirements": {}}, "conditions", "no-contract"),
])
def test_recommendation_rules(changes, outcome, rule):
    rec = recommend(DECISION, _facts(**changes))
    assert rec.outcome == outcome
    assert (rule is None and not rec.grounds) or rule in [g.rule for g in rec.grounds]


def test_conditions_name_what_to_do():
    rec = recommend(DECISION, _facts(requirements={"DD-8.1": "weak", "DD-4.1": "met"}, unknown=["Q-5.2"]))
    assert rec.outcome == "conditions" and rec.condition_items == ["DD-8.1", "Q-5.2"]


def test_decision_file_is_validated_strictly(tmp_path):
    bad = tmp_path / "decision.yaml"
    bad.write_text(textwrap.dedent("""\
        recommendation:
          - id: a
            outcome: stop
            when: {level: [extreme], requirements: {status: [met], in: [DD-9.9]}}
            reason: {en: A, da: B}
          - id: b
            outcome: escalate
            when: {}
            reason: {en: A, da: B}
        review_months: {low: 24, medium: 12}
        """))
    with pytest.raises(DecisionError) as exc:
        load_decision(bad)
    text = "\n".join(exc.value.lines())
    for word in ("outcome", "extreme", "DD-9.9", "name at least one fact", "review_months", "met"):
        assert word in text, word


# --------------------------------------------------------------------------- a contract and its DPA


def _finding(rid, status, required=True):
    return Finding(rid, int(rid[3]), rid, status, {}, [Evidence(f"{status} text", 1, "1")], status, "", [], required)


def _result(path, statuses, required=True):
    return CheckResult(Document(path=path, format="pdf", blocks=[], pages=1),
                       [_finding(r, s, required) for r, s in statuses.items()], [])


def test_merge_takes_the_best_status_and_names_its_file():
    contract = _result("contract.pdf", {"DD-8.1": "weak", "DD-7.2": "missing", "DD-4.6": "met", "DD-5.3": "weak"})
    dpa = _result("dpa.docx", {"DD-8.1": "met", "DD-7.2": "weak", "DD-4.6": "missing", "DD-5.3": "weak"}, required=False)
    merged = {g.finding.id: g for g in merge([contract, dpa])}
    assert (merged["DD-8.1"].finding.status, merged["DD-8.1"].file) == ("met", "dpa.docx")
    assert merged["DD-8.1"].finding.evidence[0].text == "met text"
    assert (merged["DD-7.2"].finding.status, merged["DD-7.2"].file) == ("weak", "dpa.docx")
    assert (merged["DD-4.6"].finding.status, merged["DD-4.6"].file) == ("met", "contract.pdf")
    assert merged["DD-5.3"].file == "contract.pdf"  # a tie: the first file
    assert all(g.required for g in merged.values())  # asked for when any file's policy asks


# --------------------------------------------------------------------------- end to end


def project(d: dict) -> dict:
    """The parts of an assessment a reviewer checks (samples/assess/expected/*.json)."""
    return {
        "customer": d["customer"], "language": d["language"],
        "risk": {"level": d["risk"]["level"], "policy_level": d["risk"]["policy_level"],
                 "reasons": [r["rule"] for r in d["risk"]["reasons"]],
                 "undecided": [u["rule"] for u in d["risk"]["undecided"]]},
        "questions": {q["id"]: q["status"] + "".join(f" {r['rule']}" for r in q["reasons"])
                      for t in d["themes"] for q in t["questions"]},
        "requirements": {r["id"]: r["status"] + ("" if r["required"] else " not-required") + f" {Path(r['file']).name}"
                         for t in d["themes"] for r in t["requirements"]},
        "flags": [f"{f['id']} {Path(f['source']).name}" + "".join(f" {x}" for x in (f["rules"] if f["source"] == "answers" else []))
                  for f in d["flags"]],
        "open_flags": [f"{o['id']} {o['rule']}" for o in d["open_flags"]],
        "recommendation": {"outcome": d["recommendation"]["outcome"],
                           "reasons": [g["rule"] for g in d["recommendation"]["reasons"]],
                           "conditions": [c["id"] for c in d["recommendation"]["conditions"]]},
        "open_items": [f"{i['kind']} {i['id']}" for i in d["open_items"]],
        "review": d["review"],
    }


def _run(*args: str):
    return runner.invoke(app, ["assess", "run", *args])


@pytest.mark.parametrize("name", CASES)
def test_samples_end_to_end(name):
    args = [str(ASSESS / f"{name}.yaml")]
    for c in CASES[name]:
        args += ["--contract", str(SAMPLES / c)]
    out = _run(*args, "--format", "json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["schema"] == "ddcontract/assessment/v1"
    assert [t["number"] for t in data["themes"]] == list(range(1, 9))
    expected = json.loads((ASSESS / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    assert project(data) == expected
    console = _run(*args)
    assert console.exit_code == 0
    words = ("Anbefaling", "Åbne punkter", "Tema 8") if data["language"] == "da" else \
        ("Recommendation", "Open items", "Theme 8")
    assert all(w in console.stdout for w in words)


def test_the_three_samples_give_three_outcomes():
    outcomes = [json.loads((ASSESS / "expected" / f"{n}.json").read_text())["recommendation"]["outcome"] for n in CASES]
    assert outcomes == ["conditions", "proceed", "escalate"]


class _Checks:
    """check_file, each (file, policy) checked once: unknown-answer tests run the same contracts often."""

    def __init__(self):
        from ddcontract.check import check_file

        self.check_file, self.seen = check_file, {}

    def __call__(self, path, library, options):
        key = (str(path), options.policy.model_dump_json(), options.report_language)
        if key not in self.seen:
            self.seen[key] = self.check_file(path, library, options)
        return self.seen[key]


@pytest.mark.parametrize("name", ["saas_medium", "webshop_lav_risiko"])
def test_unknown_answers_never_make_the_recommendation_better(name):
    """Each answer of a sample blanked in turn: never `proceed`, never a better outcome, never a
    looser policy, never fewer open items about the contract."""
    from ddcontract.assess import LEVELS
    from ddcontract.assess.answers import read_answers
    from ddcontract.assess.decision import OUTCOMES
    from ddcontract.rules import load_library

    library, checks = load_library([], include_default=True), _Checks()
    answers = read_answers(ASSESS / f"{name}.yaml", QUESTIONNAIRE)
    contracts = [SAMPLES / c for c in CASES[name]]

    def assess(ans):
        return run_assessment(ans, contracts, lang="en", profile=PROFILE, finding_rules=RULES, decision=DECISION,
                              library=library, check=checks)

    def gaps(a):
        return {i.id for i in a.open_items if i.kind == "requirement"}

    full = assess(answers)
    for qid in answers.answers:
        if not answers[qid].known:
            continue
        blanked = dataclasses.replace(answers, answers={**answers.answers, qid: dataclasses.replace(answers[qid], value=None)})
        a = assess(blanked)
        assert a.recommendation.outcome != "proceed", qid
        assert OUTCOMES.index(a.recommendation.outcome) >= OUTCOMES.index(full.recommendation.outcome), qid
        assert LEVELS.index(a.policy_level) >= LEVELS.index(full.policy_level), qid
        assert gaps(a) >= gaps(full), qid


def test_unknown_answers_check_the_contract_against_the_strictest_level_left_open():
    out = _run(str(_write_answers({"Q-1.1": "none", "Q-1.3": ["api"]})), "--format", "json")
    data = json.loads(out.stdout)
    assert data["risk"]["level"] == "medium" and data["risk"]["policy_level"] == "high"
    assert "undecided-level" in [g["rule"] for g in data["recommendation"]["reasons"]]
    assert data["recommendation"]["outcome"] == "escalate"  # more than ten answers unknown
    assert "no-contract" in [g["rule"] for g in data["recommendation"]["reasons"]]


_TMP: list[Path] = []


def _write_answers(given: dict, lang: str = "en") -> Path:
    import tempfile

    import yaml

    folder = Path(tempfile.mkdtemp())
    _TMP.append(folder)
    path = folder / "answers.yaml"
    path.write_text(yaml.safe_dump({"language": lang, "customer": "Smith & Sons <Nordic>", "date": "2026-11-30",
                                    "answers": given}, allow_unicode=True), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- bad input


def test_bad_input_is_one_line_naming_the_file(tmp_path):
    answers = ASSESS / "saas_medium.yaml"
    cases = [
        ([str(tmp_path / "nope.yaml")], "nope.yaml"),
        ([str(answers), "--contract", str(tmp_path / "missing.pdf")], "missing.pdf"),
        ([str(answers), "--report", str(tmp_path / "dd.txt")], "dd.txt"),
    ]
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    cases.append(([str(answers), "--contract", str(broken)], "broken.pdf"))
    bad_answers = tmp_path / "bad.yaml"
    bad_answers.write_text("answers:\n  Q-2.6: sometimes\n")
    cases.append(([str(bad_answers)], "bad.yaml:2"))
    bad_findings = tmp_path / "f.yaml"
    bad_findings.write_text("findings: [\n")
    cases.append(([str(answers), "--findings", str(bad_findings)], "f.yaml"))
    for args, name in cases:
        out = _run(*args)
        assert out.exit_code == 2, (args, out.output)
        lines = [line for line in out.stderr.splitlines() if line]
        assert len(lines) == 1 and lines[0].startswith("ddcontract: error:") and name in lines[0], out.stderr


# --------------------------------------------------------------------------- the DOCX report


def _report_text(path: Path) -> str:
    from docx import Document as Docx

    doc = Docx(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    for section in doc.sections:
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts)


@pytest.mark.parametrize("name, words", [
    ("health_high", ["Due-diligence assessment", "escalate", "Sign-off", "Decision", "WF-3", "Theme 8",
                     "Meridian Health Partners A/S", "Q-2.6", "DD-8.1", "Open items"]),
    ("webshop_lav_risiko", ["Due diligence-vurdering", "fortsæt på betingelser", "Godkendelse", "Beslutning",
                            "Tema 4", "Brødrene Kjærsgaard Engros A/S", "Aftal en klausul", "2028"]),
])
def test_report_docx(tmp_path, name, words):
    out = tmp_path / "dd.docx"
    args = [str(ASSESS / f"{name}.yaml"), "--report", str(out)]
    for c in CASES[name]:
        args += ["--contract", str(SAMPLES / c)]
    result = _run(*args)
    assert result.exit_code == 0, result.output
    text = _report_text(out)
    for w in words:
        assert w in text, w
    assert "{{" not in text and "{%" not in text


def test_report_escapes_what_the_answers_say(tmp_path):
    out = tmp_path / "dd.docx"
    result = _run(str(_write_answers({"Q-2.6": "refused"}, "da")), "--report", str(out))
    assert result.exit_code == 0, result.output
    text = _report_text(out)
    assert "Smith & Sons <Nordic>" in text
    assert "Der er ikke kontrolleret nogen kontrakt for temaets krav." in text  # no contract given
    assert "Ingen kontrakt er kontrolleret" in text  # the condition it sets


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice (soffice) is not installed: the PDF report cannot be converted")
@pytest.mark.parametrize("lang", ["en", "da"])
def test_report_pdf_with_libreoffice(tmp_path, lang):
    import pypdfium2

    out = tmp_path / "dd.pdf"
    result = _run(str(ASSESS / "health_high.yaml"), "--contract", str(SAMPLES / "customer_redflags.pdf"),
                  "--lang", lang, "--report", str(out))
    assert result.exit_code == 0, result.output
    pdf = pypdfium2.PdfDocument(str(out))
    text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert len(pdf) >= 4
    for word in (("Sign-off", "escalate", "WF-2") if lang == "en" else ("Godkendelse", "eskalér", "WF-2")):
        assert word in text, word


def test_a_filled_workbook_gives_the_same_assessment_as_its_yaml(tmp_path):
    """The Danish webshop's answers typed into the workbook of `assess init --xlsx` (labels, as a
    customer chooses them from the drop-downs; several choices separated by commas)."""
    import datetime as dt

    import openpyxl

    from ddcontract.assess.answers import read_answers

    xlsx = tmp_path / "spoergeskema.xlsx"
    assert runner.invoke(app, ["assess", "init", str(tmp_path / "k.yaml"), "--lang", "da", "--xlsx", str(xlsx)]).exit_code == 0
    source = read_answers(ASSESS / "webshop_lav_risiko.yaml", QUESTIONNAIRE)
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Spørgeskema"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    for qid, answer in source.answers.items():
        if answer.known:
            ws.cell(row=rows[qid], column=6, value=answer.words("da") if answer.question.options else answer.value)
            ws.cell(row=rows[qid], column=7, value=answer.note or None)
    ws.cell(row=rows["customer"], column=6, value=source.customer)
    ws.cell(row=rows["assessed_by"], column=6, value=source.assessed_by)
    ws.cell(row=rows["date"], column=6, value=dt.datetime(2026, 11, 23))
    wb.save(xlsx)
    out = _run(str(xlsx), "--contract", str(SAMPLES / "da_abonnementsaftale.pdf"), "--format", "json")
    assert out.exit_code == 0, out.output
    expected = json.loads((ASSESS / "expected" / "webshop_lav_risiko.json").read_text(encoding="utf-8"))
    assert project(json.loads(out.stdout)) == expected
