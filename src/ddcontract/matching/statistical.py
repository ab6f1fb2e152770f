"""The statistical sentence model: a second opinion where no rule found a requirement.

The rules say exactly which wordings count, and each real contract set measured before its first
study showed wordings they lacked (``docs/accuracy.md``). The model reads a sentence as a bag of its
lower-case words and word pairs and scores it, per requirement and language, with a logistic
regression trained by ``scripts/train_model.py`` only on sentences written for this project (the clause
library's examples and ``training/sentences_<lang>.yaml``; no contract text). It runs offline from the
file shipped beside this module.

It is asked only about a requirement the rules left missing, and only about one whose status rests on
what a sentence is about (:data:`ASKED`). When a sentence scores at least :data:`THRESHOLD` (chosen on the development sets: the
highest score at which F1 there does not drop, in either language; from 0.90 to 0.93 English F1 on the fifty-nine
studied sets is the same while the model's own findings are right more often, 23 of 28 against 31 of 45, and fewer of
them sit where a retraining moves them across the threshold), and none of the requirement's ``unless``
patterns vetoes that sentence (the false-positive classes the rules already know), and the sentence names the
requirement's subject where that has a closed vocabulary (:data:`SUBJECT`: insurance), the requirement
becomes weak, with that sentence as its evidence, the rule ``model`` and a note saying the model
found it and that no rule did: a lawyer reads it before relying on it. ``CheckOptions.model`` (the
CLI's ``--no-model``) turns it off.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Match
from ..requirements import MODEL_ASKED, MODEL_SUBJECT, MODEL_TRAINED
from .xref import blank_titles

if TYPE_CHECKING:
    from ..decide import Decided
    from ..model import Clause, Sentence
    from ..rules import Library

MODEL_PATH = Path(__file__).with_name("sentence_model.json")
MODEL_RULE = "model"  # the rule name the model's findings carry
# trained on the examples of these requirements, asked about these (see requirements/registry.py for why)
REQUIREMENTS, ASKED = MODEL_TRAINED, MODEL_ASKED
THRESHOLD = 0.93
MIN_WORDS, MAX_WORDS = 5, 150  # a heading-like fragment says too little, a run-on page too much
TRIES = 10  # the best-scoring sentences checked against the unless patterns, in order
_WORD = re.compile(r"[^\W_]+")
# A requirement whose subject has a closed vocabulary is found by the model only in a sentence that names it: insurance
# is not held in a sentence without an insurance word, however much the rest reads like a duty to hold something
# ("Administratoren skal have en gyldig adgangskode og være mindst 16 år" scored as cyber insurance).
_SUBJECT_WORDS = {"insurance": re.compile(r"\b(?:insur\w*|underwrit\w*|cover(?:age|ed)?|\w*forsikr\w*|\w*dækning\w*|"
                                          r"polic\w*|\w*assurance\w*)\b", re.IGNORECASE)}
SUBJECT = {req: _SUBJECT_WORDS[subject] for req, subject in MODEL_SUBJECT.items()}


def features(text: str, lang: str) -> frozenset[str]:
    """A sentence's words (lower case, as written) and its pairs of adjacent words."""
    return _features(_WORD.findall(text.lower()))


def _features(words: list[str]) -> frozenset[str]:
    return frozenset(words) | frozenset(map(" ".join, zip(words, words[1:])))


def training_examples(library: Library, extra: Path | None = None) -> dict[str, list[tuple[str, str | None]]]:
    """Per language, the sentences the model learns from: (text, the requirement it is a positive example of, or
    None for a negative example). The library's examples for the model's requirements, and, where ``extra`` is a
    folder, its ``sentences_<lang>.yaml`` (``{requirement: {positive: [...], negative: [...]}}``: sentences written
    for this project to train the model, ``training/`` in the repository)."""
    out: dict[str, list[tuple[str, str | None]]] = {}
    for rule in library.rules:
        req = rule.model.requirement
        if req not in REQUIREMENTS:
            continue
        for lang, block in sorted(rule.model.languages.items()):
            rows = out.setdefault(lang, [])
            rows.extend((ex.text, req) for ex in block.examples.positive)
            rows.extend((text, None) for text in block.examples.negative)
    for path in sorted(extra.glob("sentences_*.yaml")) if extra is not None and extra.is_dir() else []:
        import yaml

        rows = out.setdefault(path.stem.split("_", 1)[1], [])
        for req, block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if req in REQUIREMENTS:
                rows.extend((text, req) for text in block.get("positive", []))
                rows.extend((text, None) for text in block.get("negative", []))
    return out


def examples_digest(library: Library, extra: Path | None = None) -> str:
    """A digest of the training sentences: the shipped model records the one it was trained on."""
    blob = json.dumps(training_examples(library, extra), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> dict[str, Any]:
    """The shipped model (empty when the file is absent, so the rules alone decide)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def score(feats: frozenset[str], model: dict[str, Any]) -> float:
    weights = model["weights"]
    z = model["bias"] + sum(map(weights.__getitem__, feats & weights.keys()))
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def _vetoed(library: Library, lang: str, req: str, text: str) -> bool:
    """Whether an ``unless`` pattern of one of the requirement's rules matches the sentence."""
    matcher = library.matcher(lang)
    rule_ids = {r.id for r in library.for_target(req) if r.lang(lang) is not None}
    keys = [k for k in matcher.unless if k.rpartition("#")[0] in rule_ids]
    if not keys:
        return False
    pieces = matcher.pieces_of([text])[0]
    toks = matcher.tokens(text, pieces)
    return bool(len(toks)) and bool(matcher(toks, keys, 0))


def _strongest_words(feats: frozenset[str], model: dict[str, Any], n: int = 5) -> str:
    """The sentence's words that count most toward the requirement: what the model 'matched'."""
    weights = model["weights"]
    best = sorted((f for f in feats if weights.get(f, 0.0) > 0), key=lambda f: -weights[f])[:n]
    return ", ".join(best)


def second_opinion(decided: list[Decided], clauses: list[Clause], clause_langs: list[str],
                   library: Library) -> None:
    """Make each measured requirement the rules left missing weak where the model finds a sentence
    about it (see the module's description); the others are left as they are."""
    from ..i18n import Num, note
    from ..requirements.base import Decision

    shipped = load_model().get("models", {})
    todo = {d.requirement.id: d for d in decided
            if d.decision.status == "missing" and d.decision.required and d.requirement.id in ASKED}
    if not todo or not shipped:
        return
    available = library.languages()
    found: dict[str, list[tuple[float, int, Clause, Sentence, str, frozenset[str]]]] = {}
    order = 0
    for clause, clause_lang in zip(clauses, clause_langs):
        lang = clause_lang if clause_lang in available else "en"
        models = shipped.get(lang, {})
        for sentence in clause.sentences:
            if sentence.kind in ("heading", "definition"):
                continue
            words = _WORD.findall(sentence.text.lower())
            if not MIN_WORDS <= len(words) <= MAX_WORDS:
                continue
            feats = _features(words)
            order += 1
            for req in todo:
                if req in models and (p := score(feats, models[req])) >= THRESHOLD:
                    found.setdefault(req, []).append((p, -order, clause, sentence, lang, feats))
    for req, candidates in found.items():
        candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
        for p, _, clause, sentence, lang, feats in candidates[:TRIES]:
            if (req in SUBJECT and not SUBJECT[req].search(sentence.text)) \
                    or _vetoed(library, lang, req, blank_titles(sentence.text)):
                continue
            match = Match(rule_id=MODEL_RULE, requirement=req, signal="model", clause=clause, sentence=sentence,
                          matched=_strongest_words(feats, shipped[lang][req]),
                          pattern=f"statistical model: score {p:.2f} (threshold {THRESHOLD:.2f})")
            d = todo[req]
            d.decision = Decision("weak", evidence=[match], notes=(note("model.found", score=Num(round(p, 2))),),
                                  lead=False)
            break
