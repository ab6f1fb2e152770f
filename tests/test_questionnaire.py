"""The questionnaire as data: every question of the procedure with both languages, validated
strictly; the answers file and the workbook that ``assess init`` writes, filled and read back; the
problems of an answers file listed together with their lines or cells; hostile workbooks refused
in one line."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
import time
import zipfile
from pathlib import Path

import pytest
import yaml

from ddcontract.assess.answers import parse_value, read_answers
from ddcontract.assess.questions import QuestionnaireError, load_questionnaire
from ddcontract.cli import app
from ddcontract.langs import LANGUAGES
from conftest import cli_errors

REQUIREMENTS = Path(__file__).resolve().parents[2] / "shared" / "REQUIREMENTS.md"
# the questions of ../shared/REQUIREMENTS.md (read from it when it is there)
QUESTION_IDS = ["Q-1.1", "Q-1.2", "Q-1.3", "Q-1.4", "Q-2.1", "Q-2.2", "Q-2.3", "Q-2.4", "Q-2.5", "Q-2.6", "Q-2.7",
                "Q-3.1", "Q-3.2", "Q-3.3", "Q-3.4", "Q-3.5", "Q-5.1", "Q-5.2", "Q-5.3", "Q-5.4", "Q-5.5", "Q-6.1",
                "Q-7.1", "Q-7.2", "Q-8.1"]


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire()


_errors = cli_errors


# --------------------------------------------------------------------------- the schema


def test_every_question_of_the_requirements_is_there_in_order(questionnaire):
    ids = QUESTION_IDS
    if REQUIREMENTS.exists():
        ids = re.findall(r"^\| (Q-\d+\.\d+) \|", REQUIREMENTS.read_text(encoding="utf-8"), re.M)
    assert list(questionnaire.ids) == ids


def test_every_question_speaks_every_language(questionnaire):
    for q in questionnaire.questions:
        assert q.id.startswith(f"Q-{q.theme}.")
        for lang in LANGUAGES:
            assert q.text[lang].strip() and q.help[lang].strip(), (q.id, lang)
            assert questionnaire.themes[q.theme][lang]
            for choice in q.options:
                assert choice.label(lang), (q.id, choice.id)
        assert q.text["en"] != q.text["da"] and q.help["en"] != q.help["da"], q.id


def test_the_procedures_own_wording_is_used(questionnaire):
    """The procedure's questions in its own words, in English and in Danish (../shared/seeds)."""
    assert "Is the customer active in a high-risk industry" in questionnaire.question("Q-1.1").text["en"]
    assert "Er kunden aktiv i en højrisiko-branche" in questionnaire.question("Q-1.1").text["da"]
    assert questionnaire.question("Q-2.6").text["da"].endswith("Skal kunden anvende multifaktorautentificering (MFA)?")
    assert "Er der en proces for vurdering og overvågning af disse tredjeparter?" in \
        questionnaire.question("Q-3.3").text["da"]


def test_every_answer_type_is_used(questionnaire):
    assert {q.type for q in questionnaire.questions} >= {"choice", "multiple", "yes-no", "yes-no-partly", "number",
                                                         "text"}


def test_every_problem_of_a_questionnaire_is_listed_with_its_line(tmp_path):
    path = tmp_path / "questions.yaml"
    path.write_text(textwrap.dedent("""\
        themes:
          1: {en: One, da: Et}
        questions:
          - id: Q-1.1
            theme: 1
            type: choice
            text: {en: "Which?", da: "Hvilken?"}
            help: {en: Choose., da: Vælg.}
            choices:
              - {id: a, en: "A, or B", da: A}
              - {id: a, en: C, da: C}
          - id: Q-1.2
            theme: 2
            type: yes-no
            text: {en: "Yes?"}
            help: {en: Say., da: Sig.}
          - id: Q-1.3
            theme: 1
            type: number
            min: 10
            max: 1
            text: {en: "How many?", da: "Hvor mange?"}
            help: {en: Count., da: Tæl.}
            colour: red
          - id: Q-1.1
            theme: 1
            type: essay
            text: {en: "Why?", da: "Hvorfor?"}
            help: {en: Say., da: Sig.}
        """), encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path)
    lines = caught.value.lines()
    assert [line.split(": ")[0] for line in lines] == [f"{path}:{n}" for n in (10, 13, 15, 24, 25, 27)], lines
    text = "\n".join(lines)
    for words in ("comma", "2 is not among the themes", "the text in da is missing", "unknown key",
                  "Q-1.1 is given twice", "must be one of"):
        assert words in text, text


def test_a_questionnaire_that_is_not_yaml_names_its_line(tmp_path):
    path = tmp_path / "questions.yaml"
    path.write_text("themes: {1: {en: One, da: Et}\nquestions: []\n", encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path)
    assert len(caught.value.lines()) == 1 and "not valid YAML" in caught.value.lines()[0]


# --------------------------------------------------------------------------- one value


DATE_QUESTIONNAIRE = """\
themes:
  1: {en: One, da: Et}
questions:
  - id: Q-1.1
    theme: 1
    type: date
    text: {en: "When?", da: "Hvornår?"}
    help: {en: The day., da: Dagen.}
  - id: Q-1.2
    theme: 1
    type: number
    min: 0
    max: 10
    text: {en: "How many?", da: "Hvor mange?"}
    help: {en: Count., da: Tæl.}
"""


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "questions.yaml"
    path.write_text(DATE_QUESTIONNAIRE, encoding="utf-8")
    return load_questionnaire(path)


@pytest.mark.parametrize(("qid", "raw", "value"), [
    ("Q-1.1", "2026-12-01", dt.date(2026, 12, 1)),
    ("Q-1.1", dt.datetime(2026, 12, 1, 0, 0), dt.date(2026, 12, 1)),
    ("Q-1.1", "  ", None),
    ("Q-1.2", 3, 3),
    ("Q-1.2", "2.5", 2.5),
    ("Q-1.2", 4.0, 4),
    ("Q-1.2", None, None),
])
def test_a_value_is_read_by_its_questions_type(small, qid, raw, value):
    assert parse_value(small.question(qid), raw) == value


@pytest.mark.parametrize(("qid", "raw", "words"), [
    ("Q-1.1", "2026-13-01", "not a date"),
    ("Q-1.1", "1 December 2026", "not a date"),
    ("Q-1.1", 20261201, "not a date"),
    ("Q-1.2", "three", "not a number"),
    ("Q-1.2", 11, "above the most allowed"),
    ("Q-1.2", -1, "below the least allowed"),
    ("Q-1.2", float("nan"), "not a number"),
    ("Q-1.2", [1, 2], "not a list"),
])
def test_a_value_its_question_cannot_take_is_refused(small, qid, raw, words):
    with pytest.raises(ValueError, match=words):
        parse_value(small.question(qid), raw)


def test_choices_are_read_by_id_or_label_in_any_language(questionnaire):
    sector, data, mfa = (questionnaire.question(x) for x in ("Q-1.1", "Q-1.2", "Q-2.4"))
    assert parse_value(sector, "healthcare") == parse_value(sector, "Sundhedsvæsen") == "healthcare"
    assert parse_value(data, "Personoplysninger; financial") == ("personal", "financial")
    assert parse_value(data, ["financial", "personal", "personal"]) == ("personal", "financial")
    assert parse_value(mfa, "ja") == parse_value(mfa, "Yes") == "yes"
    with pytest.raises(ValueError, match="not one of the choices"):
        parse_value(sector, "banking")
    with pytest.raises(ValueError, match="one answer is asked"):
        parse_value(sector, ["finance", "energy"])


# --------------------------------------------------------------------------- round trips


def _answer_for(q, lang: str, workbook: bool):
    """A valid answer for ``q`` as a person writes it: (what to write, the value read back)."""
    if q.options:
        chosen = q.options[-1:] if q.type != "multiple" else q.options[1:3]
        ids = tuple(c.id for c in chosen)
        if workbook:
            return ", ".join(c.label(lang) for c in chosen), ids if q.type == "multiple" else ids[0]
        return (list(ids) if q.type == "multiple" else ids[0]), (ids if q.type == "multiple" else ids[0])
    if q.type == "number":
        return 12, 12
    if q.type == "date":
        return dt.date(2026, 12, 1), dt.date(2026, 12, 1)
    return "Fixed by rotating keys: a 'note'.", "Fixed by rotating keys: a 'note'."


def _fill_yaml(path: Path, questionnaire, lang: str) -> dict:
    text = path.read_text(encoding="utf-8")
    expected = {}
    for q in questionnaire.questions:
        written, value = _answer_for(q, lang, workbook=False)
        expected[q.id] = value
        dumped = yaml.safe_dump(written, default_flow_style=True, allow_unicode=True).strip().removesuffix("...").strip()
        text = text.replace(f"\n  {q.id}:\n", f"\n  {q.id}: {dumped}\n", 1)
    text = text.replace("\ncustomer:", "\ncustomer: Halvmåne Logistik A/S", 1)
    text = text.replace("\ndate:", "\ndate: 2026-12-01", 1)
    path.write_text(text, encoding="utf-8")
    return expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_answers_file_round_trip(runner, tmp_path, questionnaire, lang):
    path = tmp_path / "customer.yaml"
    result = runner.invoke(app, ["assess", "init", str(path), "--lang", lang])
    assert result.exit_code == 0, result.output
    blank = read_answers(path)
    assert blank.unknown == questionnaire.ids and blank.language == lang
    text = path.read_text(encoding="utf-8")
    for q in questionnaire.questions:
        assert q.text[lang][:40] in " ".join(line.strip("# ") for line in text.splitlines()), q.id
    expected = _fill_yaml(path, questionnaire, lang)
    answers = read_answers(path)
    assert {qid: a.value for qid, a in answers.answers.items()} == expected
    assert answers.unknown == () and answers.customer == "Halvmåne Logistik A/S"
    assert answers.date == dt.date(2026, 12, 1)


def test_a_blank_answer_is_unknown_never_guessed(tmp_path, questionnaire):
    path = tmp_path / "customer.yaml"
    path.write_text("answers:\n  Q-1.1: energy\n  Q-1.2:\n  Q-2.6: ''\n  Q-1.3: []\n", encoding="utf-8")
    answers = read_answers(path)
    assert answers["Q-1.1"].value == "energy" and answers["Q-1.1"].where == "line 2"
    assert answers.unknown == tuple(q for q in questionnaire.ids if q != "Q-1.1")
    assert not answers["Q-5.3"].known and answers["Q-5.3"].where == ""


def test_an_answer_may_carry_a_note(tmp_path):
    path = tmp_path / "customer.yaml"
    path.write_text('answers:\n  Q-6.1: {answer: customer, note: "EUR 5,000,000"}\n', encoding="utf-8")
    answer = read_answers(path)["Q-6.1"]
    assert answer.value == "customer" and answer.note == "EUR 5,000,000"


def _workbook_sheet(path: Path, lang: str):
    import openpyxl

    wb = openpyxl.load_workbook(path)
    return wb, wb["Questionnaire" if lang == "en" else "Spørgeskema"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_workbook_round_trip(runner, tmp_path, questionnaire, lang):
    yaml_path, xlsx = tmp_path / "customer.yaml", tmp_path / "questionnaire.xlsx"
    result = runner.invoke(app, ["assess", "init", str(yaml_path), "--lang", lang, "--xlsx", str(xlsx)])
    assert result.exit_code == 0, result.output
    assert read_answers(xlsx).unknown == questionnaire.ids
    wb, ws = _workbook_sheet(xlsx, lang)
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    expected = {}
    for q in questionnaire.questions:
        written, expected[q.id] = _answer_for(q, lang, workbook=True)
        ws.cell(row=rows[q.id], column=6, value=written)
        ws.cell(row=rows[q.id], column=7, value=f"note on {q.id}")
    ws.cell(row=rows["customer"], column=6, value="Halvmåne Logistik A/S")
    ws.cell(row=rows["date"], column=6, value=dt.datetime(2026, 12, 1))
    wb.save(xlsx)
    answers = read_answers(xlsx)
    assert {qid: a.value for qid, a in answers.answers.items()} == expected
    assert answers["Q-3.5"].note == "note on Q-3.5" and answers["Q-1.1"].where == f"{ws.title}!F{rows['Q-1.1']}"
    assert answers.customer == "Halvmåne Logistik A/S" and answers.date == dt.date(2026, 12, 1)
    assert answers.language == lang


def test_the_workbook_locks_the_questions_and_offers_the_choices(runner, tmp_path, questionnaire):
    xlsx = tmp_path / "spoergeskema.xlsx"
    assert runner.invoke(app, ["assess", "init", str(tmp_path / "k.yaml"), "--lang", "da", "--xlsx", str(xlsx)]).exit_code == 0
    wb, ws = _workbook_sheet(xlsx, "da")
    assert wb.sheetnames == ["Vejledning", "Spørgeskema", "lists"] and wb["lists"].sheet_state == "hidden"
    assert "ukendt" in " ".join(str(c.value) for c in wb["Vejledning"]["A"])
    assert [c.value for c in ws[1]] == ["ID", "Tema", "Spørgsmål", "Hjælp", "Tilladte svar", "Svar", "Bemærkning"]
    assert ws.protection.sheet and wb["Vejledning"].protection.sheet
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    assert set(questionnaire.ids) <= set(rows)
    for qid, row in rows.items():
        assert ws.cell(row=row, column=3).protection.locked, qid
        assert not ws.cell(row=row, column=6).protection.locked and not ws.cell(row=row, column=7).protection.locked
    validations = {str(ref): dv for dv in ws.data_validations.dataValidation for ref in dv.sqref.ranges}
    for q in questionnaire.questions:
        ref = f"F{rows[q.id]}"
        if q.type in ("choice", "yes-no", "yes-no-partly"):
            dv = validations[ref]
            assert dv.type == "list"
            column = re.match(r"lists!\$([A-Z]+)\$1:\$\1\$(\d+)", dv.formula1)
            labels = [c.value for c in wb["lists"][column.group(1)] if c.value is not None]
            assert labels == [c.label("da") for c in q.options], q.id
        elif q.type == "number":
            assert validations[ref].type == "decimal" and validations[ref].formula2 == f"{q.max:g}"
        else:
            assert ref not in validations, q.id
    assert ws.cell(row=rows["Q-2.6"], column=3).value == questionnaire.question("Q-2.6").text["da"]


# --------------------------------------------------------------------------- problems, listed together


def test_every_problem_of_an_answers_file_is_listed_with_its_line(runner, tmp_path):
    path = tmp_path / "customer.yaml"
    path.write_text(textwrap.dedent("""\
        customer: Acme
        date: 2026-13-01
        colour: blue
        answers:
          Q-1.1: banking
          Q-1.2: [personal, gossip]
          Q-1.3: {answer: api, remark: x}
          Q-2.4: [yes, no]
          Q-5.3: twelve
          Q-9.9: yes
          Q-3.5: fine
          Q-1.1: energy
        """), encoding="utf-8")
    errors = _errors(runner.invoke(app, ["assess", "risk", str(path)]))
    assert [e.split(": ")[0] for e in errors] == [f"{path}:{n}" for n in (2, 3, 5, 6, 7, 8, 9, 10, 12)], errors
    for words, error in zip(("not a date", "unknown key", "'banking' is not one of the choices", "'gossip'",
                             "remark", "one answer is asked", "not a number", "not a question", "answered twice"),
                            errors):
        assert words in error, error


@pytest.mark.parametrize(("text", "words"), [
    ("answers: [Q-1.1]\n", "expected a mapping of question IDs"),
    ("- Q-1.1\n", "expected a mapping with 'answers'"),
    ("answers:\n  Q-1.1: {answer: energy\n", "not valid YAML"),
    (b"answers:\n  Q-3.5: \xff\n", "not UTF-8"),
])
def test_an_answers_file_that_is_not_one_says_so_in_one_line(runner, tmp_path, text, words):
    path = tmp_path / "customer.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    errors = _errors(runner.invoke(app, ["assess", "risk", str(path)]))
    assert len(errors) == 1 and words in errors[0] and errors[0].startswith(str(path)), errors


def test_every_problem_of_a_workbook_is_listed_with_its_cell(runner, tmp_path):
    xlsx = tmp_path / "questionnaire.xlsx"
    assert runner.invoke(app, ["assess", "init", str(tmp_path / "c.yaml"), "--xlsx", str(xlsx)]).exit_code == 0
    wb, ws = _workbook_sheet(xlsx, "en")
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    ws.cell(row=rows["date"], column=6, value="soon")
    ws.cell(row=rows["Q-1.1"], column=6, value="Banking")
    ws.cell(row=rows["Q-1.2"], column=6, value="Personal data, Rumours")
    ws.cell(row=rows["Q-5.3"], column=6, value="monthly")
    ws.cell(row=rows["Q-5.3"] + 1, column=1, value="Q-9.9")  # a question the questionnaire does not have
    wb.save(xlsx)
    errors = _errors(runner.invoke(app, ["assess", "risk", str(xlsx)]))
    assert [e.split(": ")[1] for e in errors] == [f"Questionnaire!F{rows[k]}" for k in ("date", "Q-1.1", "Q-1.2", "Q-5.3")] + \
        [f"Questionnaire!F{rows['Q-5.3'] + 1}"], errors
    assert all(e.startswith(f"{xlsx}: ") for e in errors)


# --------------------------------------------------------------------------- hostile workbooks


def _zip(path: Path, parts: dict[str, bytes | str], compress=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compress) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


SHEET = '<?xml version="1.0"?>{doctype}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>'


def _hostile(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    cases = {}
    text = tmp_path / "text.xlsx"
    text.write_text("Q-1.1: energy\n", encoding="utf-8")
    cases["not-a-zip"] = (text, "not a zip archive")
    cases["bomb"] = (_zip(tmp_path / "bomb.xlsx", {"xl/worksheets/sheet1.xml": b"<" + b"a" * 60_000_000}), "zip bomb")
    cases["ratio"] = (_zip(tmp_path / "ratio.xlsx", {"xl/sharedStrings.xml": "<sst>" + "A" * 5_000_000}), "zip bomb")
    cases["entries"] = (_zip(tmp_path / "entries.xlsx", {f"x/{i}.xml": "<a/>" for i in range(1_001)}), "1,000 files")
    laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    cases["dtd"] = (_zip(tmp_path / "dtd.xlsx", {"xl/worksheets/sheet1.xml": SHEET.format(doctype=laughs, rows="")}),
                    "declares a DTD")
    tags = _zip(tmp_path / "tags.xlsx", {"xl/worksheets/sheet1.xml": SHEET.format(doctype="", rows="<row/>" * 1_100_000)},
                compress=zipfile.ZIP_STORED)
    cases["tags"] = (tags, "XML tags")
    cases["no-workbook"] = (_zip(tmp_path / "empty.xlsx", {"hello.txt": "hi"}), "cannot be read as a workbook")
    return cases


@pytest.mark.parametrize("name", ["not-a-zip", "bomb", "ratio", "entries", "dtd", "tags", "no-workbook"])
def test_a_hostile_workbook_is_one_line_and_exit_2(runner, tmp_path, name):
    path, words = _hostile(tmp_path)[name]
    start = time.monotonic()
    errors = _errors(runner.invoke(app, ["assess", "risk", str(path)]))
    assert time.monotonic() - start < 10
    assert len(errors) == 1 and errors[0].startswith(f"{path}: ") and words in errors[0], errors


def test_a_huge_sheet_is_refused(runner, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Questionnaire"
    ws.append(["ID", "Theme", "Question", "Help", "Allowed answers", "Answer", "Note"])
    for i in range(1_200):
        ws.append([f"Q-1.{i}", None, None, None, None, "x"])
    path = tmp_path / "huge.xlsx"
    wb.save(path)
    errors = _errors(runner.invoke(app, ["assess", "risk", str(path)]))
    assert len(errors) == 1 and "more than 1,000 rows" in errors[0], errors


def test_a_workbook_without_the_questionnaire_sheet_says_so(runner, tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "other.xlsx"
    Workbook().save(path)
    errors = _errors(runner.invoke(app, ["assess", "risk", str(path)]))
    assert len(errors) == 1 and "no sheet named" in errors[0]


def test_init_refuses_to_overwrite_and_writes_nothing_then(runner, tmp_path):
    path, xlsx = tmp_path / "c.yaml", tmp_path / "q.xlsx"
    path.write_text("mine\n", encoding="utf-8")
    errors = _errors(runner.invoke(app, ["assess", "init", str(path), "--xlsx", str(xlsx)]))
    assert "already exists" in errors[0] and not xlsx.exists() and path.read_text(encoding="utf-8") == "mine\n"
    errors = _errors(runner.invoke(app, ["assess", "init", str(tmp_path / "d.yaml"), "--xlsx", str(tmp_path / "q.xls")]))
    assert ".xlsx" in errors[0] and not (tmp_path / "d.yaml").exists()


BASE_QUESTION = {"id": "Q-1.1", "theme": 1, "type": "text", "text": {"en": "What?", "da": "Hvad?"},
                 "help": {"en": "Say.", "da": "Sig."}}
_AB = [{"id": "a", "en": "A", "da": "A"}, {"id": "b", "en": "B", "da": "B"}]


@pytest.mark.parametrize(("change", "words"), [
    ({"type": "number", "min": 10, "max": 1}, "min 10 is above max 1"),
    ({"type": "choice", "choices": [_AB[0], {**_AB[1], "id": "a"}]}, "choice id given twice"),
    ({"type": "choice", "choices": [_AB[0], {**_AB[1], "da": "a"}]}, "da label given twice"),
    ({"type": "choice", "choices": _AB[:1]}, "at least two choices"),
    ({"type": "yes-no", "choices": _AB}, "has no choices of its own"),
    ({"min": 1}, "for a number question only"),
    ({"type": "choice", "choices": [{**_AB[0], "id": "A b"}, _AB[1]]}, "write a-z"),
    ({"id": "Q1"}, "write Q-<theme>.<number>"),
    ({"text": {"en": "x", "da": "y", "de": "z"}}, "not a language"),
    ({"help": {"en": "x", "da": "  "}}, "the text in da is missing"),
    ({"theme": "1"}, "valid integer"),
])
def test_a_question_that_makes_no_sense_is_refused(tmp_path, change, words):
    path = tmp_path / "questions.yaml"
    data = {"themes": {1: {"en": "One", "da": "Et"}}, "questions": [{**BASE_QUESTION, **change}]}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path)
    assert len(caught.value.lines()) == 1 and words in caught.value.lines()[0], caught.value.lines()


@pytest.mark.parametrize("command", [["assess"], ["assess", "init"], ["assess", "risk"]], ids=" ".join)
def test_the_assess_help_reads_well(runner, command):
    """As every other help page (tests/test_cli.py): no Python types, commands listed in full."""
    result = runner.invoke(app, [*command, "--help"], terminal_width=80)
    assert result.exit_code == 0, result.output
    text = result.stdout
    for bad in ("<list[", "<path>", "<str>", "<int", "[[", "x>=", "[default: 0]"):
        assert bad not in text, text
    if "Commands:" in text:
        listed = text.split("Commands:", 1)[1]
        assert "..." not in listed and "…" not in listed, listed
    top = runner.invoke(app, ["--help"], terminal_width=80).stdout.split("Commands:", 1)[1]
    assert "assess" in top and "..." not in top, top
