"""The clause-library schema: rule files written to tmp_path and loaded with ddcontract.rules,
plus the pattern compiler and the example runner (ddcontract.ruletest)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLE_RULE

from ddcontract.errors import RuleError
from ddcontract.matching.compiler import PatternError, compile_pattern, matcher_patterns
from ddcontract.matching.engine import Kind, Op, PatternToken
from ddcontract.rules import load_file, load_library
from ddcontract.ruletest import iter_cases, matches_for, run_case

RULE: dict[str, Any] = EXAMPLE_RULE


def write_rules(directory: Path, *rules: dict[str, Any], name: str = "custom.yaml", family: str = "custom") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(yaml.safe_dump({"family": family, "rules": list(rules)}, allow_unicode=True), encoding="utf-8")
    return path


def rule(**changes: Any) -> dict[str, Any]:
    r = copy.deepcopy(RULE)
    r.update(changes)
    return r


def en(r: dict[str, Any], **changes: Any) -> dict[str, Any]:
    r["languages"]["en"].update(changes)
    return r


def load_error(path: Path) -> RuleError:
    with pytest.raises(RuleError) as exc:
        load_file(path)
    return exc.value


# ---------------------------------------------------------------- schema errors


def test_unknown_key_names_file_rule_and_field(tmp_path: Path):
    path = write_rules(tmp_path, rule(colour="red"))
    err = load_error(path)
    assert (err.file, err.rule, err.field) == (str(path), "my-deadline", "colour")
    assert str(path) in str(err) and "my-deadline" in str(err) and "colour" in str(err)
    assert "unknown key" in str(err)


@pytest.mark.parametrize(("mutate", "field"), [
    (lambda r: en(r, colour="red"), "languages.en.colour"),
    (lambda r: r["languages"]["en"]["examples"].update(neutral=["x"]), "languages.en.examples.neutral"),
    (lambda r: r.pop("message"), "message"),
    (lambda r: r.update(window="page"), "window"),
    (lambda r: r.update(id="Bad ID"), "id"),
])
def test_nested_schema_errors_name_the_field(tmp_path: Path, mutate, field):
    r = rule()
    mutate(r)
    err = load_error(write_rules(tmp_path, r))
    assert err.field == field
    assert field in str(err)


def test_unknown_top_level_key(tmp_path: Path):
    path = tmp_path / "x.yaml"
    path.write_text(yaml.safe_dump({"family": "x", "rules": [RULE], "version": 2}))
    err = load_error(path)
    assert err.field == "version" and str(path) in str(err)


def test_invalid_yaml_names_the_line(tmp_path: Path):
    path = tmp_path / "x.yaml"
    path.write_text("family: x\nrules:\n  - id: a\n    message: [unclosed\n")
    err = load_error(path)
    assert str(err).startswith(f"{path}:5: not valid YAML") and err.line == 5


@pytest.mark.parametrize(("changes", "names"), [
    ({"requirement": "DD-9.9"}, ["unknown requirement", "DD-9.9"]),
    ({"signal": "cap"}, ["signal", "'cap'", "DD-8.1"]),
    ({"extract": ["deadline", "magic"]}, ["unknown extractor", "magic"]),
    ({"requirement": "DD-8.1", "flag": "WF-2"}, ["exactly one"]),
    ({"requirement": None, "flag": "WF-9"}, ["unknown flag", "WF-9"]),
    ({"sets": {"colours": ["red"]}}, ["colours"]),
])
def test_invalid_values_are_rejected(tmp_path: Path, changes, names):
    r = rule(**changes)
    if r.get("requirement") is None:
        r.pop("requirement")
    path = write_rules(tmp_path, r)
    err = load_error(path)
    assert err.file == str(path) and err.rule == "my-deadline"
    for name in names:
        assert name in str(err)


@pytest.mark.parametrize(("changes", "field"), [
    ({"requirement": "DD-9.9"}, "requirement"),
    ({"signal": "cap"}, "signal"),
    ({"extract": ["magic"]}, "extract"),
])
def test_invalid_values_name_their_field(tmp_path: Path, changes, field):
    assert load_error(write_rules(tmp_path, rule(**changes))).field == field


def test_signal_must_belong_to_the_requirement(tmp_path: Path):
    # "cap" is a DD-4.6 signal: fine there, wrong for DD-8.1
    assert load_file(write_rules(tmp_path / "ok", rule(requirement="DD-4.6", signal="cap")))[0].target == "DD-4.6"
    with pytest.raises(RuleError, match="DD-8.1's signals: deadline"):
        load_file(write_rules(tmp_path / "bad", rule(signal="cap")))


@pytest.mark.parametrize(("patterns", "index", "problem"), [
    (["notify ~5 incident", "notify ~99 incident"], 1, "~99"),
    (["notify <FOO>"], 0, "<FOO>"),
    (["~3 notify incident"], 0, "start or end with a gap"),
    (["notify incident ~3"], 0, "start or end with a gap"),
    (["notify ~0 incident"], 0, "~0"),
    (["incident? breach?"], 0, "no required token"),
    (["=notify|inform"], 0, "mixes exact"),
    (["notify||inform"], 0, "empty alternative"),
])
def test_bad_pattern_names_its_index(tmp_path: Path, patterns, index, problem):
    path = write_rules(tmp_path, en(rule(), patterns=patterns))
    err = load_error(path)
    assert err.field == f"languages.en.patterns[{index}]"
    assert f"languages.en.patterns[{index}]" in str(err)
    assert problem in str(err)
    assert patterns[index] in str(err)  # the pattern as written


def test_bad_unless_pattern_names_its_index(tmp_path: Path):
    err = load_error(write_rules(tmp_path, en(rule(), unless=["fee", "~2 price"])))
    assert err.field == "languages.en.unless[1]"


def test_duplicate_rule_id_across_files(tmp_path: Path):
    write_rules(tmp_path, rule(), name="a.yaml")
    second = write_rules(tmp_path, rule(), name="b.yaml")
    with pytest.raises(RuleError) as exc:
        load_library([tmp_path], include_default=False)
    err = exc.value
    assert (err.file, err.rule, err.field) == (str(second), "my-deadline", "id")
    assert "duplicate" in str(err) and str(tmp_path / "a.yaml") in str(err)


def test_duplicate_of_a_bundled_rule_id(tmp_path: Path):
    write_rules(tmp_path, rule(id="notify-deadline"))
    with pytest.raises(RuleError, match="duplicate rule id"):
        load_library([tmp_path])


def test_a_requirement_needs_a_suggestion_somewhere(tmp_path: Path):
    write_rules(tmp_path, rule(suggestion=""))
    with pytest.raises(RuleError) as exc:
        load_library([tmp_path], include_default=False)
    assert exc.value.field == "suggestion" and "DD-8.1" in str(exc.value)
    # with the bundled library, which has a DD-8.1 suggestion, the same rule is fine
    assert load_library([tmp_path]).by_id("my-deadline") is not None


@pytest.mark.parametrize("setup", ["missing", "empty"])
def test_rules_dir_must_hold_rule_files(tmp_path: Path, setup: str):
    d = tmp_path / "rules"
    if setup == "empty":
        d.mkdir()
    with pytest.raises(RuleError) as exc:
        load_library([d])
    assert str(d) in str(exc.value)


# ---------------------------------------------------------------- a valid user rule


def test_user_rule_loads_next_to_the_bundled_library(tmp_path: Path):
    path = write_rules(tmp_path, rule())
    lib = load_library([tmp_path])
    mine = lib.by_id("my-deadline")
    assert mine is not None and mine.file == str(path) and mine.family == "custom"
    assert mine in lib.for_target("DD-8.1")
    assert lib.by_id("notify-deadline") is not None  # the bundled rules are still there
    assert str(tmp_path) in lib.sources


def test_user_rule_examples_run(tmp_path: Path):
    write_rules(tmp_path, rule())
    lib = load_library([tmp_path], include_default=False)
    cases = list(iter_cases(lib, "my-deadline"))
    assert [(c.kind, c.name) for c in cases] == [
        ("positive", "DD-8.1:my-deadline:en:positive1"), ("negative", "DD-8.1:my-deadline:en:negative1")]
    results = [run_case(c, lib) for c in cases]
    assert all(r.ok for r in results), [r.problem for r in results]


def test_a_pattern_without_a_required_word_is_tried_on_every_sentence(tmp_path: Path):
    """'<NUM> <ANY>?' has no word to file it under: every sentence is a candidate for it."""
    write_rules(tmp_path, en(rule(), patterns=["<NUM> hours?"], unless=["invoice"]))
    lib = load_library([tmp_path], include_default=False)
    assert lib.matcher("en").always
    assert [m.matched for m in matches_for("Reply within 24 hours. Thanks.", lib, "en")] == ["24"]
    assert matches_for("Pay the invoice within 30 days.", lib, "en") == []
    assert matches_for("No figures here.", lib, "en") == []


def test_example_with_wrong_expected_value_fails(tmp_path: Path):
    r = rule()
    r["languages"]["en"]["examples"]["positive"][0]["values"] = {"hours": 12}
    write_rules(tmp_path, r)
    lib = load_library([tmp_path], include_default=False)
    result = run_case(next(iter_cases(lib, "my-deadline")), lib)
    assert not result.ok
    assert result.problem == "hours: expected 12, got 24"


def test_example_that_does_not_fire_and_negative_that_fires(tmp_path: Path):
    r = rule()
    r["languages"]["en"]["examples"] = {
        "positive": ["The Supplier shall pay."],
        "negative": ["The Supplier shall notify the Customer of an incident."],
    }
    write_rules(tmp_path, r)
    lib = load_library([tmp_path], include_default=False)
    pos, neg = (run_case(c, lib) for c in iter_cases(lib, "DD-8.1"))
    assert not pos.ok and "did not fire" in pos.problem
    assert not neg.ok and "fired on a negative example" in neg.problem


# ---------------------------------------------------------------- matching behaviour


@pytest.fixture
def tiny_library(tmp_path: Path):
    write_rules(tmp_path, rule(), en(rule(id="my-short-gap", extract=[]), patterns=["notify ~2 incident"]),
                en(rule(id="my-unless", extract=[]), patterns=["notify ~8 incident"], unless=["=test"]),
                en(rule(id="my-exact", extract=[]), patterns=["=notify ~8 incident"]))
    return load_library([tmp_path], include_default=False)


def _fired(text: str, lib) -> set[str]:
    return {m.rule_id for m in matches_for(text, lib, "en")}


def test_lemmas_match_any_inflection_and_case(tiny_library):
    assert _fired("THE SUPPLIER NOTIFIED THE CUSTOMER OF ALL INCIDENTS.", tiny_library) >= {"my-deadline"}
    assert "my-exact" not in _fired("The Supplier notified the Customer of the incident.", tiny_library)
    assert "my-exact" in _fired("The Supplier shall Notify the Customer of the incident.", tiny_library)


def test_gap_is_bounded(tiny_library):
    assert "my-short-gap" in _fired("We notify of any incident.", tiny_library)
    assert "my-short-gap" not in _fired("We notify us of any incident.", tiny_library)


def test_a_match_never_leaves_its_sentence(tiny_library):
    assert _fired("The Supplier shall notify the Customer. An incident then occurred.", tiny_library) == set()


def test_unless_blocks_the_rule_in_that_sentence_only(tiny_library):
    fired = _fired("The Supplier shall notify the Customer of a test incident.", tiny_library)
    assert "my-unless" not in fired and "my-deadline" in fired


def test_values_come_from_the_matching_sentence(tiny_library):
    hits = [m for m in matches_for("The Supplier shall notify the Customer of an incident within 24 hours. "
                                   "Invoices are due within 30 days.", tiny_library, "en")
            if m.rule_id == "my-deadline"]
    assert [m.values["hours"] for m in hits] == [24]


# ---------------------------------------------------------------- named word lists


def write_file(directory: Path, words: Any, *rules: dict[str, Any]) -> Path:
    """A rule file with a top-level ``words:`` section."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "custom.yaml"
    path.write_text(yaml.safe_dump({"family": "custom", "words": words, "rules": list(rules)}, allow_unicode=True),
                    encoding="utf-8")
    return path


def test_word_lists_are_written_out_in_the_patterns(tmp_path: Path):
    words = {"en": {"notify": "notify|inform", "breach": "breach |\n  incident"}, "da": {"notify": "underrette"}}
    r = en(rule(), patterns=["@notify ~5 security? @breach|compromise", "tell|@notify ~3 =now @breach?"])
    r["languages"]["da"] = {"patterns": ["@notify ~5 brud"], "examples": {
        "positive": ["Leverandøren skal underrette Kunden om ethvert brud inden 24 timer."],
        "negative": ["Leverandøren skal betale fakturaen."]}}
    (loaded,) = load_file(write_file(tmp_path, words, r))
    assert loaded.model.languages["en"].patterns[0] == "@notify ~5 security? @breach|compromise"  # as written
    assert loaded.patterns("en") == ["notify|inform ~5 security? breach|incident|compromise",
                                     "tell|notify|inform ~3 =now breach|incident?"]
    assert loaded.patterns("da") == ["underrette ~5 brud"]  # each language has its own lists
    library = load_library([tmp_path], include_default=False)
    hits = [m for m in matches_for("The Supplier shall inform the Customer of a compromise.", library, "en")
            if m.rule_id == "my-deadline"]
    assert [m.pattern for m in hits] == ["notify|inform ~5 security? breach|incident|compromise"]
    assert [case.name for case in iter_cases(library) if not run_case(case, library).ok] == []


@pytest.mark.parametrize(("words", "patterns", "field", "names"), [
    ({"en": {"notify": "notify|inform"}}, ["@notfy ~5 incident"], "languages.en.patterns[0]",
     ["'@notfy'", "notify"]),
    ({"da": {"notify": "underrette"}}, ["@notify ~5 incident"], "languages.en.patterns[0]", ["'@notify'", "none"]),
    ({"fr": {"notify": "notifier"}}, ["notify ~5 incident"], "words.fr", ["unknown language 'fr'", "en, da"]),
    ({"en": {"notify": "notify||inform"}}, ["@notify ~5 incident"], "words.en.notify", ["empty alternative"]),
    ({"en": {"notify": "notify|let know"}}, ["@notify ~5 incident"], "words.en.notify", ["one word"]),
    ({"en": {"notify": "notify|@tell", "tell": "tell"}}, ["@notify ~5 incident"], "words.en.notify",
     ["no other lists"]),
    ({"en": {"notify": "notify|inform?"}}, ["@notify ~5 incident"], "words.en.notify", ["'@name?'"]),
    ({"en": {"notify": ["notify", "inform"]}}, ["@notify ~5 incident"], "words.en.notify", ["one string"]),
    ({"en": {"Notify": "notify"}}, ["@Notify ~5 incident"], "words.en.Notify", ["list name"]),
    ({"en": ["notify"]}, ["notify ~5 incident"], "words.en", ["mapping"]),
    (["notify"], ["notify ~5 incident"], "words", ["mapping"]),
    ({"en": {"notify": "notify", "spare": "inform"}}, ["@notify ~5 incident"], "words.en.spare", ["not used"]),
    ({"en": {"notify": "notify|*ab"}}, ["@notify ~5 incident"], "languages.en.patterns[0]",
     ["'*ab'", "written out: 'notify|*ab ~5 incident'"]),
    ({"en": {"notify": "=notify|=inform"}}, ["tell|@notify ~5 incident"], "languages.en.patterns[0]",
     ["mixes exact"]),
])
def test_bad_word_lists_name_the_file_and_the_field(tmp_path: Path, words, patterns, field, names):
    path = write_file(tmp_path, words, en(rule(), patterns=patterns))
    err = load_error(path)
    assert (err.file, err.field) == (str(path), field)
    assert err.rule == ("my-deadline" if field.startswith("languages") else None)
    for name in names:
        assert name in str(err)


def test_an_unknown_rule_language_is_an_error_naming_the_known_ones(tmp_path: Path):
    r = rule()
    r["languages"]["fr"] = r["languages"]["en"]
    err = load_error(write_rules(tmp_path, r))
    assert (err.rule, err.field) == ("my-deadline", "languages")
    assert "unknown language 'fr'" in str(err) and "en, da" in str(err)


def test_word_lists_need_no_compiling_to_be_checked(tmp_path: Path):
    path = write_file(tmp_path, {"en": {"notify": "notify"}}, en(rule(), patterns=["@inform ~5 incident"]))
    with pytest.raises(RuleError, match="@inform"):
        load_file(path, validate=False)


# ---------------------------------------------------------------- compile_pattern


def lemma(*words: str, op: Op = Op.ONE) -> PatternToken:
    return PatternToken(Kind.LEMMA, words, op)


def test_multi_token_word_becomes_a_token_sequence():
    assert compile_pattern("multi-factor authentication", "en") == (
        (lemma("multi"), lemma("-"), lemma("factor"), lemma("authentication")),)


def test_multi_token_alternative_expands_the_pattern():
    compiled = compile_pattern("e-mail|phone", "en")
    assert sorted(compiled, key=len) == [(lemma("phone"),), (lemma("e"), lemma("-"), lemma("mail"))]


def test_exact_words_alternatives_and_optional():
    assert compile_pattern("=Not|=never exceed?", "en") == (
        (PatternToken(Kind.LOWER, ("never", "not")), lemma("exceed", op=Op.OPT)),)


def test_inflected_pattern_word_is_lemmatised():
    assert compile_pattern("NOTIFIED", "en") == ((lemma("notify"),),)


def test_star_words_and_lemmas_of_one_part_are_two_alternatives():
    (one, ends), _ = zip(*compile_pattern("notice|*varsel|notify? report", "en"))
    assert one == lemma("notice", "notify", op=Op.OPT)
    assert ends == PatternToken(Kind.SUFFIX, ("varsel",), Op.OPT)


def test_classes_and_gaps():
    compiled = compile_pattern("<NUM> ~3 <CUR>|fee", "en")
    assert len(compiled) == 2
    for seq in compiled:
        assert seq[0] == PatternToken(Kind.NUM)
        assert seq[1] == PatternToken(Kind.ANY, (), Op.STAR, gap=3)
    assert lemma("fee") in [seq[2] for seq in compiled]
    assert "kr." in next(seq[2] for seq in compiled if seq[2] != lemma("fee")).values


def test_compiled_patterns_translate_to_spacys_matcher():
    clean, longest = matcher_patterns(compile_pattern("<NUM> ~3 <CUR>|fee =not|=never *forsikring? <ANY>", "en"))
    assert longest == 8
    ending = {"_": {"forms_text": {"REGEX": "(?:forsikring)(?= |$)"}}, "OP": "?"}
    assert [tok for seq in clean for tok in seq if "OP" in tok] == [{"OP": "*"}, ending] * 2
    assert clean[0] == [{"LIKE_NUM": True}, {"OP": "*"}, {"_": {"forms": {"INTERSECTS": ["fee"]}}},
                        {"LOWER": {"IN": ["never", "not"]}}, ending, {}]


@pytest.mark.parametrize("pattern", ["multi-factor? authentication", "", "notify ~41 incident", "<ANY>?"])
def test_compile_errors(pattern):
    with pytest.raises(PatternError):
        compile_pattern(pattern, "en")


def test_lemma_match_with_spacy_matcher():
    from spacy.matcher import Matcher

    from ddcontract.matching.nlp import Lemmatizer, tokenizer

    tok = tokenizer("en")
    lem = Lemmatizer("en")

    def nlp(text):
        return lem(tok(text))

    clean, _ = matcher_patterns(compile_pattern("notify ~3 customer", "en"))
    matcher = Matcher(tok.vocab)
    matcher.add("p", clean)
    assert matcher(nlp("The Supplier NOTIFIED the Customer."))
    assert matcher(nlp("The Supplier notifies its customers."))
    assert not matcher(nlp("The Supplier informed the Customer."))
    clean, _ = matcher_patterns(compile_pattern("multi-factor", "en"))
    matcher = Matcher(tok.vocab)
    matcher.add("m", clean)
    assert matcher(nlp("Accounts use Multi-Factor authentication."))


@pytest.mark.parametrize("lang", ["en", "da"])
def test_every_compiled_pattern_passes_spacys_schema(library, lang):
    """Matching builds its Matchers without spaCy's per-pattern validation; this is where it runs."""
    from spacy.matcher import Matcher

    from ddcontract.matching.nlp import tokenizer

    matcher = Matcher(tokenizer(lang).vocab, validate=True)
    n = 0
    for rule in library.rules:
        for i, pattern in enumerate([*rule.patterns(lang), *rule.patterns(lang, unless=True)]):
            matcher.add(f"{rule.id}#{i}", matcher_patterns(compile_pattern(pattern, lang))[0])
            n += 1
    assert n > 150  # every pattern of the bundled library (180 English ones today)


# ---------------------------------------------------------------- compiled patterns in the cache


@pytest.fixture
def fresh_compiler(tmp_path: Path, monkeypatch):
    """An empty cache folder and no compiled pattern in memory (as in a new process)."""
    import ddcontract.matching.diskcache as diskcache

    monkeypatch.setenv("DDCONTRACT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(diskcache, "_PRECOMPILED", {})
    compile_pattern.cache_clear()
    yield diskcache
    compile_pattern.cache_clear()


def test_a_rule_file_compiled_once_brings_its_patterns_from_the_cache(tmp_path: Path, fresh_compiler, monkeypatch):
    path = write_rules(tmp_path / "rules", rule(), en(rule(id="other"), patterns=["multi-factor ~3 authentication"]))
    load_file(path)
    markers = list((tmp_path / "cache" / "validated").glob("custom-*.json"))
    assert len(markers) == 1
    expected = compile_pattern("multi-factor ~3 authentication", "en")

    compile_pattern.cache_clear()  # a new process: only the cache file knows the patterns
    monkeypatch.setattr(fresh_compiler, "_PRECOMPILED", {})

    def no_compiling(pattern: str, lang: str):
        raise AssertionError(f"compiled {pattern!r} again")

    monkeypatch.setattr(fresh_compiler, "_compile", no_compiling)
    load_file(path)
    assert fresh_compiler.compiled_pattern("multi-factor ~3 authentication", "en") == expected


def test_a_damaged_cache_file_means_compiling_again(tmp_path: Path, fresh_compiler, monkeypatch):
    path = write_rules(tmp_path / "rules", rule())
    load_file(path)
    (marker,) = (tmp_path / "cache" / "validated").glob("custom-*.json")
    marker.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(fresh_compiler, "_PRECOMPILED", {})
    compile_pattern.cache_clear()
    load_file(path)
    assert compile_pattern("notify ~5 incident", "en")[0][0] == PatternToken(Kind.LEMMA, ("notify",))
    assert marker.read_text(encoding="utf-8").startswith('{"compiled"')  # written again


def test_an_edited_rule_file_is_validated_again_and_old_cache_files_go(tmp_path: Path, fresh_compiler):
    path = write_rules(tmp_path / "rules", rule())
    for n in range(6):  # six edits, each with its own cache file
        write_rules(tmp_path / "rules", rule(message=f"Deadline {n}: {{stated}}."))
        load_file(path)
    assert len(list((tmp_path / "cache" / "validated").glob("custom-*.json"))) <= fresh_compiler.MARKERS_KEPT
    write_rules(tmp_path / "rules", en(rule(), patterns=["notify ~99 incident"]))
    assert "~99" in str(load_error(path))


def test_a_pattern_word_is_lemmatised_once_as_a_token_of_the_text_is(tmp_path: Path):
    """English pattern words are looked up in the lemma table once, as the text's tokens are:
    "grounds" (lemma "ground") matches "grounds"; a second look-up would have taken it on to "grind"."""
    r = rule(extract=[])
    r["message"] = "Termination for cause."
    r["languages"]["en"] = {
        "patterns": ["terminate ~6 grounds", "terminate ~6 found"],
        "examples": {"positive": ["The Host may terminate on these grounds.",
                                  "The Host may terminate if a breach is found."],
                     "negative": ["The Host may terminate at any time."]},
    }
    r.pop("signal")
    write_rules(tmp_path, r)
    lib = load_library([tmp_path], include_default=False)
    results = [run_case(c, lib) for c in iter_cases(lib, "my-deadline")]
    assert all(res.ok for res in results), [res.problem for res in results]


def test_together_with_names_another_rule_of_the_library(tmp_path: Path):
    path = write_rules(tmp_path, rule(together_with=["no-such-rule"]))
    err = load_error_lib(tmp_path)
    assert err.rule == RULE["id"] and err.field == "together_with"
    assert "'no-such-rule' is not another rule" in err.problem
    path.unlink()
    write_rules(tmp_path, rule(together_with=["notify-deadline"]))  # a bundled rule will do
    lib = load_library([tmp_path])
    assert lib.by_id(RULE["id"]).model.together_with == ["notify-deadline"]


def load_error_lib(directory: Path) -> RuleError:
    with pytest.raises(RuleError) as info:
        load_library([directory])
    return info.value
