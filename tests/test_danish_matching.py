"""Danish matching: dictionary-form pattern words match inflected forms, '*word' matches compounds,
and the selective Danish lemma table is cached on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ddcontract.matching import nlp
from ddcontract.matching.compiler import PatternError, compile_pattern
from ddcontract.matching.engine import Kind, PatternToken
from ddcontract.rules import load_library
from ddcontract.ruletest import matches_for

RULE = {
    "id": "da-insurance",
    "requirement": "DD-6.1",
    "signal": "insurance",
    "extract": ["insurance"],
    "message": "Insurance.",
    "suggestion": "Leverandøren skal tegne en cyberforsikring.",
    "languages": {"da": {
        "patterns": ["skal|forpligte ~10 tegne|opretholde ~12 *forsikring",
                     "*ansvar ~8 begrænse ~3 til"],
        "examples": {"positive": ["Leverandøren skal tegne en cyberforsikring."],
                     "negative": ["Kunden betaler fakturaen."]},
    }},
}


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("da")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DDCONTRACT_CACHE", str(tmp / "cache"))
        rules = tmp / "rules"
        rules.mkdir()
        (rules / "da.yaml").write_text(yaml.safe_dump({"family": "da", "rules": [RULE]}, allow_unicode=True),
                                       encoding="utf-8")
        lib = load_library([rules], include_default=False)
        lib.matcher("da")  # builds the lemmatiser while the cache is redirected
        yield lib


def _hits(text: str, library) -> list[str]:
    return [m.matched for m in matches_for(text, library, "da")]


@pytest.mark.parametrize("text", [
    "Leverandøren skal tegne og opretholde en cyberforsikring.",
    "Leverandøren forpligter sig til at opretholde cyberforsikringen i hele aftaleperioden.",
    "Leverandøren skal tegne sædvanlige ansvarsforsikringer.",
    "Databehandleren skal opretholde forsikringen.",
    "Erstatningsansvaret er begrænset til DKK 1.000.000.",
    "Leverandørens ansvar begrænses til vederlaget.",
])
def test_inflections_and_compounds_match(text, library):
    assert _hits(text, library), text


@pytest.mark.parametrize("text", [
    "Kunden skal tegne et abonnement.",
    "Leverandøren skal opretholde en sikkerhedspolitik.",
    "Forsikringsselskabet er begrænset.",
])
def test_unrelated_sentences_do_not_match(text, library):
    assert not _hits(text, library), text


def test_star_word_needs_three_letters_and_no_equals():
    with pytest.raises(PatternError):
        compile_pattern("*ab", "da")
    with pytest.raises(PatternError):
        compile_pattern("=*forsikring", "da")
    (seq,) = compile_pattern("*forsikring", "da")
    assert seq[0] == PatternToken(Kind.SUFFIX, ("forsikring",))


def test_the_selective_table_is_cached_and_small(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("DDCONTRACT_CACHE", str(tmp_path))
    words = frozenset({"forsikring", "sikkerhedsbrud"})
    first = nlp.selective_table("da", words)
    assert first["forsikringen"] == "forsikring"
    assert first["bruddet"] == "brud"  # the head of a compound rule word comes along
    assert len(first) < 500
    assert len(list(tmp_path.glob("lemmas-da-*.json"))) == 1

    def boom(*_args):
        raise AssertionError("the cache was not used")

    monkeypatch.setattr(nlp, "_select", boom)
    assert nlp.selective_table("da", words) == first


def test_compound_lemmas():
    lem = nlp.Lemmatizer("da", {"forsikring", "ansvar", "sikkerhedsbrud"})
    assert lem.lemma("cyberforsikringen") == "cyberforsikring"
    assert lem.lemma("erstatningsansvaret") == "erstatningsansvar"
    assert lem.lemma("sikkerhedsbruddet") == "sikkerhedsbrud"
    assert lem.lemma("kunden") == "kunden"  # not a rule word: left as it is


def test_the_cache_keeps_only_the_newest_selections(tmp_path: Path, monkeypatch):
    import os

    monkeypatch.setenv("DDCONTRACT_CACHE", str(tmp_path))
    for i in range(nlp.CACHE_KEEP + 3):
        stale = tmp_path / f"lemmas-da-old{i:02d}.json"
        stale.write_text("{}")
        os.utime(stale, (1_000_000 + i, 1_000_000 + i))
    nlp.selective_table("da", frozenset({"forsikring"}))
    left = sorted(p.name for p in tmp_path.glob("lemmas-da-*.json"))
    assert len(left) == nlp.CACHE_KEEP
    assert "lemmas-da-old00.json" not in left
