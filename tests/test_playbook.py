"""Playbook positions (issue 15, item 5): a rule's suggested clause is the preferred position, its
``fallback`` the weaker text still open if the counterparty refuses it — in the rule schema, the
finding, the JSON, the console and the gap report, in English and Danish."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from conftest import EXAMPLE_RULE, docx_text, libreoffice_pdfs
from ddcontract.cli import app
from ddcontract.errors import RuleError
from ddcontract.policy import Policy
from ddcontract.rules import load_file
from ddcontract.wording import fill_suggestion

ROOT = Path(__file__).resolve().parent.parent
THIN = ROOT / "samples" / "saas_terms_thin.pdf"  # DD-8.1 vague, DD-4.6, DD-4.7, DD-6.1, DD-8.3 not met
WITH_FALLBACK = ("DD-4.6", "DD-4.7", "DD-6.1", "DD-8.1", "DD-8.3")


# ---------------------------------------------------------------- schema


def _rule(**changes: Any) -> dict[str, Any]:
    r = copy.deepcopy(EXAMPLE_RULE)
    for key, value in changes.items():
        if key.startswith("en_"):
            r["languages"]["en"][key[3:]] = value
        else:
            r[key] = value
    return r


def _load(tmp_path: Path, rule: dict[str, Any]) -> RuleError | None:
    path = tmp_path / "custom.yaml"
    path.write_text(yaml.safe_dump({"family": "custom", "rules": [rule]}, allow_unicode=True), encoding="utf-8")
    try:
        load_file(path)
    except RuleError as exc:
        return exc
    return None


def test_a_fallback_beside_the_suggestion_loads(tmp_path):
    assert _load(tmp_path, _rule(fallback="Notify within {notice_deadline_max}.")) is None
    assert _load(tmp_path, _rule(en_suggestion="Notify within {notice_deadline}.",
                                 en_fallback="Notify within {notice_deadline_max}.")) is None


@pytest.mark.parametrize(("changes", "field"), [
    ({"fallback": "Notify within {notice_deadline_maximum}."}, "fallback"),
    ({"en_fallback": "Notify within {hours}."}, "languages.en.fallback"),
])
def test_a_fallback_with_an_unknown_placeholder_is_refused(tmp_path, changes, field):
    err = _load(tmp_path, _rule(**changes))
    assert err is not None and (err.rule, err.field) == ("my-deadline", field)
    assert "unknown placeholder" in err.problem and "{notice_deadline_max}" in err.problem
    assert err.line is not None


def test_a_fallback_needs_a_suggestion_and_must_differ_from_it(tmp_path):
    err = _load(tmp_path, _rule(suggestion="", fallback="Notify within 72 hours."))
    assert err is not None and err.field == "fallback" and "needs a suggestion" in err.problem
    err = _load(tmp_path, _rule(fallback="Notify within\n 24 hours."))
    assert err is not None and err.field == "fallback" and "repeats the suggestion" in err.problem
    err = _load(tmp_path, _rule(fallback=["not", "text"]))
    assert err is not None and err.field == "fallback"


def test_the_bundled_fallbacks_are_in_english_and_danish(library):
    for rid in WITH_FALLBACK:
        rules = [r for r in library.for_target(rid) if r.fallback("en")]
        assert rules, rid
        en, da = rules[0].fallback("en"), rules[0].fallback("da")
        assert en and da and en != da, rid
        assert en != rules[0].suggestion("en") and da != rules[0].suggestion("da"), rid


# ---------------------------------------------------------------- wording


@pytest.mark.parametrize(("policy", "lang", "expected"), [
    (Policy(), "en", "seventy-two (72) hours"),
    (Policy(), "da", "72 timer"),
    (Policy(notification_max_hours=48), "en", "forty-eight (48) hours"),
    (Policy(notification_max_hours=36.5), "da", "36 timer"),  # whole hours, never above the maximum
    (Policy(notification_max_hours=24), "en", ""),  # the maximum is the preferred deadline: no fallback
    (Policy(notification_max_hours=48, suggested_notification_hours=48), "da", ""),
])
def test_the_fallback_deadline_is_the_policys_maximum(policy, lang, expected):
    assert fill_suggestion("{notice_deadline_max}", policy, lang) == expected


def _json(runner, tmp_path: Path, *options: str, policy: str | None = None) -> dict[str, dict[str, Any]]:
    args = ["check", str(THIN), "--format", "json", *options]
    if policy is not None:
        (tmp_path / "policy.yaml").write_text(policy, encoding="utf-8")
        args += ["--policy", str(tmp_path / "policy.yaml")]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return {r["id"]: r for r in json.loads(result.stdout)["requirements"]}


def test_json_carries_the_fallback_filled_from_the_policy(runner, tmp_path):
    found = _json(runner, tmp_path)
    for rid in WITH_FALLBACK:
        assert found[rid]["status"] != "met" and found[rid]["suggestion"] and found[rid]["fallback"], rid
    deadline = found["DD-8.1"]
    assert "twenty-four (24) hours" in deadline["suggestion"] and "seventy-two (72) hours" in deadline["fallback"]
    assert "EUR [amount]" in found["DD-4.6"]["suggestion"] and "[amount]" not in found["DD-4.6"]["fallback"]
    assert "twelve (12) months" in found["DD-4.6"]["fallback"]
    # every requirement has the key; a met one, or one without a fallback, has it empty
    assert all("fallback" in r for r in found.values())
    assert all(r["fallback"] == "" for r in found.values() if r["status"] == "met" or not r["suggestion"])
    stricter = _json(runner, tmp_path, policy="notification_max_hours: 48\n")
    assert "forty-eight (48) hours" in stricter["DD-8.1"]["fallback"]
    assert _json(runner, tmp_path, policy="notification_max_hours: 24\n")["DD-8.1"]["fallback"] == ""


def test_json_fallback_in_danish(runner, tmp_path):
    found = _json(runner, tmp_path, "--report-lang", "da", policy="notification_max_hours: 48\n")
    assert "senest 24 timer" in found["DD-8.1"]["suggestion"]
    assert "senest 48 timer" in found["DD-8.1"]["fallback"] and "underrette" in found["DD-8.1"]["fallback"]
    assert found["DD-6.1"]["fallback"].startswith("Leverandøren skal")
    assert "tolv (12) måneder" in found["DD-4.6"]["fallback"]


def test_a_requirement_the_policy_does_not_ask_for_gets_no_fallback(runner, tmp_path):
    found = _json(runner, tmp_path, policy="monitoring_required: []\n")
    assert all(r["fallback"] == "" for r in found.values() if not r["required"])


def test_console_shows_the_fallback_after_the_suggestion(runner):
    for lang, suggested, fallback in (("en", "suggested clause:", "fallback if refused:"),
                                      ("da", "forslag til bestemmelse:", "reserveforslag ved afslag:")):
        result = runner.invoke(app, ["check", str(THIN), "--report-lang", lang], env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        out = result.output
        section = out[out.index("DD-8.1"):out.index("DD-8.2")]
        assert suggested in section and fallback in section
        assert section.index(suggested) < section.index(fallback)
        assert out.count(fallback) == len(WITH_FALLBACK), lang


# ---------------------------------------------------------------- gap report


def _gap_report(runner, tmp_path: Path, lang: str) -> Path:
    out = tmp_path / f"gap.{lang}.docx"
    result = runner.invoke(app, ["check", str(THIN), "--report", str(out), "--report-lang", lang])
    assert result.exit_code == 0, result.output
    return out


def _boxes(path: Path) -> list[str]:
    return [t.cell(0, 0).text for t in docx.Document(str(path)).tables if len(t.rows) == 1 and len(t.columns) == 1]


@pytest.mark.parametrize(("lang", "preferred", "fallback", "hours"), [
    ("en", "Preferred position", "Fallback position", "seventy-two (72) hours"),
    ("da", "Foretrukken position", "Reserveposition", "72 timer"),
])
def test_gap_report_shows_preferred_and_fallback(runner, tmp_path, lang, preferred, fallback, hours):
    out = _gap_report(runner, tmp_path, lang)
    found = _json(runner, tmp_path, "--report-lang", lang)
    boxes = _boxes(out)
    for rid in WITH_FALLBACK:
        i = boxes.index(found[rid]["suggestion"])
        assert boxes[i + 1] == found[rid]["fallback"], rid  # the fallback right below the preferred text
    assert any(hours in b for b in boxes)
    text = docx_text(out)
    assert text.count(preferred) == len(WITH_FALLBACK) and text.count(fallback) == len(WITH_FALLBACK)
    # a requirement without a fallback keeps its one box, with no position labels
    plain = [r for r in found.values() if r["suggestion"] and not r["fallback"] and r["status"] != "met"]
    assert plain and all(r["suggestion"] in boxes for r in plain)
    assert len(boxes) == len(plain) + 2 * len(WITH_FALLBACK)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_gap_report_positions_render_in_libreoffice(runner, tmp_path):
    import pypdfium2 as pdfium

    reports = [_gap_report(runner, tmp_path, lang) for lang in ("en", "da")]
    for rendered, words in zip(libreoffice_pdfs(reports, tmp_path, timeout=240),
                               (("Preferred position", "Fallback position", "seventy-two (72) hours"),
                                ("Foretrukken position", "Reserveposition", "72 timer"))):
        pdf = pdfium.PdfDocument(str(rendered))
        text = " ".join(" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf)))
        pdf.close()
        for w in words:
            assert w in text, (rendered.name, w)


@pytest.mark.parametrize("lang", ["en", "da"])
def test_each_fallback_checked_as_a_contract_is_what_the_policy_accepts(library, tmp_path, lang):
    """A fallback is still acceptable: as a contract's clause it meets its requirement under the
    policy it was filled from, except cyber cover without a stated minimum (recognised as cyber
    insurance, weak only for its missing amount)."""
    from ddcontract.check import CheckOptions, check_file

    for policy in (Policy(), Policy(notification_max_hours=48)):
        for rid in WITH_FALLBACK:
            rule = next(r for r in library.for_target(rid) if r.fallback(lang))
            contract = tmp_path / f"{rid}.{lang}.txt"
            contract.write_text(f"1. Security\n\n1.1 {fill_suggestion(rule.fallback(lang), policy, lang)}\n",
                                encoding="utf-8")
            found = next(f for f in check_file(contract, library, CheckOptions(policy=policy)).requirements
                         if f.id == rid)
            if rid == "DD-6.1":
                assert found.status == "weak" and found.values["types"] == ["cyber"], (rid, lang)
            else:
                assert found.status == "met", (rid, lang, found.message)
