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
       extra=st.sampled_from(["", "\nsurprise: 1\n", "\n? [a, b]\n: c\n", "\nagreement: &a [*a]\n", "\n1: 2\n",
                                       "\nlanguage: !!int abc\n", "\nlanguage: !!bool maybe\n"]))
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



# --------------------------------------------------------------------------- item 2: list joining


def _paragraphs(path: Path) -> list[str]:
    import docx

    return [" ".join(p.text.split()) for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def _render(name: str, lang: str, out: Path, change=None) -> Path:
    from ddcontract.deal import template_context, validate_deal
    from ddcontract.generate import bundled_template
    from ddcontract.office.template import render_docx

    data = yaml.load(example_data(lang).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    if change:
        change(data)
    render_docx(bundled_template(name, lang), template_context(validate_deal(data, "deal.yaml"), lang), out)
    return out


def test_join_and_item_end_follow_the_language():
    from ddcontract.i18n import item_end, join_and

    assert join_and(["Denmark"], "en") == "Denmark"
    assert join_and(["Denmark", "Finland"], "en") == "Denmark and Finland"
    assert join_and(["A", "B", "C"], "da") == "A, B og C"
    assert [item_end(i, 4, "en") for i in range(1, 5)] == [";", ";", "; and", "."]
    assert [item_end(i, 2, "da") for i in range(1, 3)] == ["; og", "."]


CONTENT_LEAD = {"dpa": "A notification shall contain at least:",
                "notification-annex": "A notification shall contain at least:"}


@pytest.mark.parametrize("name", ["dpa", "notification-annex"])
@pytest.mark.parametrize("extra", [0, 1, 3])
def test_and_comes_before_the_last_item_of_the_content_list(tmp_path, name, extra):
    def change(data):
        data["notification"]["content"] = data["notification"]["content"][:extra]

    paras = _paragraphs(_render(name, "en", tmp_path / f"{name}.docx", change))
    start = paras.index(CONTENT_LEAD[name]) + 1
    items = paras[start:start + 4 + extra]
    assert items[0].startswith("a description of the Security Incident")
    assert [re.search(r"(; and|;|\.)$", p).group(1) for p in items] == [";"] * (2 + extra) + ["; and", "."], items


def test_lists_in_sentences_are_joined_with_and(tmp_path):
    text = " ".join(_paragraphs(_render("dpa", "en", tmp_path / "dpa.docx")))
    assert "in the following countries: Denmark and Finland." in text


@pytest.mark.parametrize("name", ["dpa", "notification-annex"])
def test_danish_content_list_has_og_before_its_last_item_only(tmp_path, name):
    paras = _paragraphs(_render(name, "da", tmp_path / f"{name}.docx"))
    start = next(i for i, p in enumerate(paras) if p.startswith("Underretningen skal, i det omfang")) + 1
    items = paras[start:start + 8]
    ends = [re.search(r"(; og|;|\.)$", p).group(1) for p in items]
    assert ends == [";"] * 6 + ["; og", "."], items


# --------------------------------------------------------------------------- item 6: no English internals

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def danish_check(tmp_path_factory):
    from typer.testing import CliRunner

    out = tmp_path_factory.mktemp("gap") / "mangelrapport.docx"
    result = CliRunner().invoke(app, ["check", str(ROOT / "samples" / "da_kundevilkaar.pdf"), "--report", str(out)])
    assert result.exit_code == 0, result.output
    return result.stdout, out


def test_console_values_are_worded_in_danish(danish_check):
    stdout, _ = danish_check
    lines = [line.strip() for line in stdout.splitlines() if line.strip().startswith("værdier:")]
    assert len(lines) >= 5
    shown = " ".join(lines)
    assert "=" not in shown
    for english in ("owner", "types", "professional", "unit", "days", "aspects", "storage", "channels",
                    "in-writing", "elements", "affected"):
        assert not re.search(rf"\b{english}\b", shown), (english, lines)
    assert "Forsikringstyper: professionelt ansvar" in shown
    assert "Frist for underretning: 168 timer · Angivet i: dage" in shown
    # quotes of the contract in Danish quotation marks
    assert "»" in stdout and "“" not in stdout and "”" not in stdout


def test_gap_report_values_are_worded_in_danish(danish_check):
    from conftest import docx_text

    _, report = danish_check
    text = docx_text(report)
    assert "Angivet i: dage" in text
    assert "»" in text and "“" not in text and "”" not in text
    for english in ("unit", "days", "professional", "owner"):
        assert not re.search(rf"\b{english}\b", text), english


def test_every_value_key_and_identifier_has_words_in_both_languages(library):
    from ddcontract.check import CheckOptions, check_file
    from ddcontract.i18n import has_text, texts

    seen: dict[str, set[str]] = {}
    for sample in ("da_kundevilkaar.pdf", "customer_redflags.pdf", "msa_provider.pdf", "dpa.docx",
                   "da_abonnementsaftale.pdf"):
        for f in check_file(ROOT / "samples" / sample, library, CheckOptions()).requirements:
            for k, v in f.values.items():
                if v not in (None, [], False) and k not in ("currency", "stated"):
                    seen.setdefault(k, set()).update(v if isinstance(v, list) else [v] if k == "unit" else [])
    assert {"unit", "types", "channels", "elements", "aspects", "owner"} <= set(seen)
    for key, identifiers in seen.items():
        assert has_text(f"vkey.{key}") and f"vkey.{key}" in texts("da"), key
        for x in identifiers:
            assert f"name.{x}" in texts("da"), x
            assert f"name.{x}" in texts("en") or re.fullmatch(r"[a-z]+", x), x


@pytest.mark.parametrize("lang", ["en", "da"])
@pytest.mark.parametrize("name", ["dpa", "notification-annex"])
def test_quotation_marks_follow_the_languages_typography(tmp_path, name, lang):
    from conftest import docx_text

    text = docx_text(_render(name, lang, tmp_path / f"{name}.docx"))
    assert '"' not in text, re.findall(r'.{30}".{30}', text)[:5]
    if lang == "da":
        assert "»" in text and "«" in text and "“" not in text and "”" not in text
        assert text.count("»") == text.count("«")
    else:
        assert "“" in text and text.count("“") == text.count("”")


def test_danish_report_texts_use_danish_quotation_marks():
    from ddcontract.i18n import texts

    assert [k for k, v in texts("da").items() if '"' in v] == []


# --------------------------------------------------------------------------- item 1: text per language


def _only(value, lang: str):
    """The data as a user writing in one language has it: each {en: …, da: …} becomes its ``lang`` text."""
    if isinstance(value, dict):
        if value and set(value) <= {"en", "da"}:
            return value[lang]
        return {k: _only(v, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [_only(v, lang) for v in value]
    return value


def _english_only_file(tmp_path: Path) -> Path:
    data = _only(yaml.load(example_data("en").read_text(encoding="utf-8"), Loader=yaml.BaseLoader), "en")
    path = tmp_path / "deal.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("extra", [[], ["--check"]])
def test_danish_document_from_english_only_data_is_refused_naming_the_fields(runner, tmp_path, extra):
    path = _english_only_file(tmp_path)
    out = tmp_path / "annex.docx"
    result = runner.invoke(app, ["generate", "notification-annex", "--data", str(path), "-o", str(out),
                                 "--lang", "da", *extra])
    assert result.exit_code == 2, result.output
    assert not out.exists()
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"ddcontract: error: {path}: "), lines
    for field in ("service.description", "agreement.governing_law", "agreement.venue", "notification.content[0,1,2]",
                  "notification.recipients.controller[0,1].role", "notification.escalation[0,1].role"):
        assert field in lines[0], field
    assert "Danish" in lines[0] and "--allow-mixed-language" in lines[0]
    # names are the same in every language: a party's name is not a missing Danish text
    assert "controller.name" not in lines[0] and "service.name" not in lines[0]


def test_allow_mixed_language_uses_the_text_there_is_and_says_so(runner, tmp_path):
    from conftest import docx_text

    path = _english_only_file(tmp_path)
    out = tmp_path / "annex.docx"
    result = runner.invoke(app, ["generate", "notification-annex", "--data", str(path), "-o", str(out),
                                 "--lang", "da", "--allow-mixed-language"])
    assert result.exit_code == 0, result.output
    warning = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warning) == 1 and "service.description" in warning[0] and "English" in warning[0]
    assert "the hosted FleetLine fleet-management platform" in docx_text(out)


@pytest.mark.parametrize("lang", ["en", "da"])
def test_the_bundled_example_gives_both_languages(runner, tmp_path, lang):
    from conftest import docx_text

    data = tmp_path / "deal.yaml"
    assert runner.invoke(app, ["init", str(data), "--lang", lang]).exit_code == 0
    texts = {}
    for doc_lang in ("en", "da"):
        out = tmp_path / f"annex.{doc_lang}.docx"
        result = runner.invoke(app, ["generate", "notification-annex", "--data", str(data), "-o", str(out),
                                     "--lang", doc_lang])
        assert result.exit_code == 0 and "warning" not in result.stderr, result.output
        texts[doc_lang] = docx_text(out)
    assert "den hostede flådestyringsplatform FleetLine" in texts["da"]
    assert "dansk ret" in texts["da"] and "Københavns Byret" in texts["da"]
    for english in ("the hosted FleetLine", "the laws of Denmark", "Copenhagen City Court", "IT Security Manager",
                    "Head of Operations", "the time the incident was discovered"):
        assert english not in texts["da"] and english in texts["en"]


@pytest.mark.parametrize("value, message", [
    ("{en: x, fr: y}", "service.description: 'fr' is not a language"),
    ("{}", "service.description: must be text, or the text per language"),
    ("{en: ''}", "service.description: en: must not be empty"),
    ("[a, b]", "service.description: must be text, or the text per language"),
    ("{en: [a]}", "service.description: en: must be text"),
])
def test_text_per_language_is_validated(tmp_path, value, message):
    path = tmp_path / "deal.yaml"
    text = re.sub(r"(?m)^  description:.*\n(    (en|da):.*\n)*", f"  description: {value}\n", _example_text())
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DealError) as info:
        load_deal(path)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("  description:"))
    assert [(ln, p) for ln, p in info.value.problems if p.startswith("service.description")] == [(line, message)] \
        or any(p.startswith(message) and ln == line for ln, p in info.value.problems), info.value.problems


@pytest.mark.parametrize("value", ["!!int abc", "!!float x", "!!binary '%%%'", "!!bool maybe"])
def test_a_value_yaml_cannot_construct_names_its_line(runner, tmp_path, value):
    path = tmp_path / "deal.yaml"
    text = _example_text().replace("  deadline_hours: 24 ", f"  deadline_hours: {value} ")
    path.write_text(text, encoding="utf-8")
    line_no = next(i for i, t in enumerate(text.splitlines(), 1) if "deadline_hours:" in t)
    result = runner.invoke(app, ["generate", "dpa", "--data", str(path), "--check"])
    lines = _problem_lines(result, path)
    assert any(line.startswith(f"ddcontract: error: {path}:{line_no}: ") for line in lines), lines
