"""The statistical model's second opinion (ddcontract.matching.statistical): shipped, trained on the
library's own examples, asked only where the rules found nothing, vetoed by the rules' ``unless``, and
always saying it came from the model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddcontract.check import CheckOptions, check_file
from ddcontract.cli import app
from ddcontract.matching import statistical
from ddcontract.matching.statistical import ASKED, MODEL_RULE, examples_digest, features, load_model, score

# sentences of our own that no rule matches, about termination for disregarded security duties
NO_RULE = {
    "en": "12. Ending the relationship\n\nThe Vendor may terminate the cooperation with immediate effect if the "
          "Reseller ignores the security requirements.\n",
    "da": "12. Ophør\n\nLeverandøren kan ophæve samarbejdet med øjeblikkelig virkning, hvis forhandleren ignorerer "
          "sikkerhedskravene.\n",
}
SAID = {"en": "statistical model", "da": "statistiske model"}
# termination at will: the model scores it high, a termination rule's unless vetoes it
VETOED = {
    "en": "The Vendor may suspend or terminate the Client's access anytime, with or without cause, if it so decides.",
    "da": "Kunden kan ophæve aftalen med øjeblikkelig virkning, hvis leverandøren skifter underdatabehandler.",
}


def _finding(tmp_path: Path, library, text: str, req: str, lang: str, model: bool = True):
    path = tmp_path / f"{lang}-{int(model)}.txt"
    path.write_text(text, encoding="utf-8")
    return next(f for f in check_file(path, library, CheckOptions(language=lang, model=model)).requirements
                if f.id == req)


def test_the_shipped_model_was_trained_on_the_current_examples(library):
    """Change a rule example or a training sentence and this fails until ``python scripts/train_model.py`` is run
    again."""
    assert load_model()["examples_digest"] == examples_digest(library, Path(__file__).resolve().parent.parent / "training")


def test_the_model_is_asked_only_about_requirements_a_sentence_can_show():
    """Not about a deadline, a notice's content or channel, or a maximum: a bag of words cannot check those."""
    models = load_model()["models"]
    assert set(models) == {"en", "da"}
    for lang in models:
        assert sorted(models[lang]) == sorted(ASKED)
    assert not {"DD-4.6", "DD-8.1", "DD-8.3", "DD-8.4"} & set(ASKED)


@pytest.mark.parametrize("lang", ["en", "da"])
def test_the_model_finds_what_no_rule_matched_and_says_so(tmp_path: Path, library, lang: str):
    rules_only = _finding(tmp_path, library, NO_RULE[lang], "DD-4.7", lang, model=False)
    assert rules_only.status == "missing"
    found = _finding(tmp_path, library, NO_RULE[lang], "DD-4.7", lang)
    assert found.status == "weak", found
    assert found.rules == [MODEL_RULE]
    (ev,) = found.evidence
    assert ev.rule == MODEL_RULE and ev.pattern.startswith("statistical model: score")
    assert ev.text in NO_RULE[lang] and ev.section == "12"
    assert SAID[lang] in found.message


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_rule_s_unless_keeps_the_model_out(tmp_path: Path, library, lang: str):
    model = load_model()["models"][lang]["DD-4.7"]
    assert score(features(VETOED[lang], lang), model) >= statistical.THRESHOLD  # the model alone would say weak
    assert _finding(tmp_path, library, f"12. Term\n\n{VETOED[lang]}\n", "DD-4.7", lang).status == "missing"


def test_what_a_rule_found_is_left_to_the_rule(tmp_path: Path, library):
    text = "9. Termination\n\nEither party may terminate this Agreement if the other commits a material breach.\n"
    found = _finding(tmp_path, library, text, "DD-4.7", "en")
    assert found.status != "missing" and MODEL_RULE not in found.rules


def test_without_the_shipped_file_the_rules_alone_decide(tmp_path: Path, library, monkeypatch):
    monkeypatch.setattr(statistical, "load_model", lambda: {})
    assert _finding(tmp_path, library, NO_RULE["en"], "DD-4.7", "en").status == "missing"


def test_no_model_and_explain_on_the_command_line(tmp_path: Path):
    path = tmp_path / "terms.txt"
    path.write_text(NO_RULE["en"], encoding="utf-8")
    runner = CliRunner()

    def status(*options: str) -> str:
        out = runner.invoke(app, ["check", str(path), "--format", "json", *options])
        assert out.exit_code == 0, out.output
        return next(f["status"] for f in json.loads(out.output)["requirements"] if f["id"] == "DD-4.7")

    assert status() == "weak"
    assert status("--no-model") == "missing"
    explained = runner.invoke(app, ["check", str(path), "--explain", "DD-4.7", "--no-color"])
    assert explained.exit_code == 0, explained.output
    assert "[decides] model:" in explained.output  # the sentence it rests on, as a rule's would be shown


def test_a_scan_passes_no_model_to_every_check():
    from ddcontract.scan.options import ScanOptions

    assert ScanOptions().check_options().model is True
    assert ScanOptions(model=False).check_options().model is False


# sentences the model read as a requirement on real contracts, kept from it by a rule's unless: (requirement, the
# heading they stand under, the sentence in each language)
KEPT_FROM_THE_MODEL = {
    # the provider changing its own terms, read as termination for breach on a real DPA
    "change-of-terms": ("DD-4.7", {"en": "12. Term", "da": "12. Varighed"}, {
        "en": "6. Changes to this Annex. The Host may change this Annex without notice if the change is required by law.",
        "da": "6. Ændringer af dette bilag. Værten kan ændre dette bilag uden varsel, hvis ændringen kræves af "
              "lovgivningen.",
    }),
    # termination at the provider's own judgement, read as termination for breach on a platform's terms for restaurants
    "provider-s-judgement": ("DD-4.7", {"en": "9. Ending", "da": "9. Ophør"}, {
        "en": "The platform may, where it judges ending the agreement advisable in the circumstances, give the shop "
              "written notice that these terms end at once.",
        "da": "Hvis platformen efter omstændighederne vurderer, at ophævelse er hensigtsmæssig, kan den skriftligt "
              "meddele butikken, at vilkårene ophører straks.",
    }),
    # a part of the service ended when the parties do not agree on a new sub-processor, read as termination for
    # breach on a real DPA
    "no-agreement-on-a-sub-processor": ("DD-4.7", {"en": "4. Sub-processors", "da": "4. Underdatabehandlere"}, {
        "en": "If the parties cannot reach agreement on the new sub-processor, the Club may terminate the affected "
              "part of the hosting service.",
        "da": "Kan parterne ikke blive enige om den nye underdatabehandler, kan klubben opsige den berørte del af "
              "hostingydelsen.",
    }),
    # the provider's own promise not to train models on the customer's data, read as a rule against data mining by
    # users on a real DPA
    "provider-s-own-promise": ("DD-4.5", {"en": "4. Our commitments", "da": "4. Vores forpligtelser"}, {
        "en": "The Host will not use Customer Data, including uploaded recordings, to train or develop machine learning "
              "models.",
        "da": "Værten bruger ikke kundens data, herunder uploadede optagelser, til at træne eller udvikle modeller til "
              "maskinlæring.",
    }),
}


@pytest.mark.parametrize("lang", ["en", "da"])
@pytest.mark.parametrize("case", sorted(KEPT_FROM_THE_MODEL))
def test_what_an_unless_vetoes_is_kept_from_the_model(tmp_path: Path, library, case: str, lang: str):
    req, heading, text = KEPT_FROM_THE_MODEL[case]
    assert statistical._vetoed(library, lang, req, text[lang])
    assert _finding(tmp_path, library, f"{heading[lang]}\n\n{text[lang]}\n", req, lang).status == "missing"
