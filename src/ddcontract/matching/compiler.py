"""The pattern compiler: a pattern string of the clause library (the pattern language is
documented in :mod:`ddcontract.rules`) -> spaCy Matcher token patterns."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

MAX_GAP = 40

CURRENCY_WORDS = (
    "eur euro euros € usd us$ $ dollar dollars gbp £ pound pounds sterling dkk kr kr. kroner "
    "sek nok chf cad aud jpy ¥ yen"
).split()


class PatternError(ValueError):
    pass


_CLASSES: dict[str, dict[str, Any]] = {
    "<NUM>": {"LIKE_NUM": True},
    "<CUR>": {"LOWER": {"IN": CURRENCY_WORDS}},
}


MAX_EXPANSIONS = 64


@lru_cache(maxsize=8192)
def compile_pattern(pattern: str, lang: str) -> list[list[dict[str, Any]]]:
    """Turn one pattern string into spaCy Matcher token patterns.

    An alternative that the tokenizer splits ("multi-factor", "e-mail") becomes a token sequence,
    so a pattern with such alternatives expands into several Matcher patterns.
    """
    from itertools import product

    from .nlp import pattern_lemma, tokenizer

    nlp = tokenizer(lang)
    parts = pattern.split()
    if not parts:
        raise PatternError("empty pattern")
    slots: list[list[list[dict[str, Any]]]] = []  # per part: alternatives, each a token sequence
    for part in parts:
        if part.startswith("~"):
            n = part[1:]
            if not n.isdigit() or not 1 <= int(n) <= MAX_GAP:
                raise PatternError(f"gap {part!r} must be ~1 … ~{MAX_GAP}")
            # spaCy expands {0,N} into N optional tokens, whose states multiply; "*" is cheap.
            # The bound is enforced afterwards on the match's length (see max_length).
            slots.append([[{"OP": "*", "_gap": int(n)}]])
            continue
        optional = part.endswith("?") and len(part) > 1
        if optional:
            part = part[:-1]
        opt = {"OP": "?"} if optional else {}
        if part == "<ANY>":
            slots.append([[{**opt}] if opt else [{}]])
            continue
        alts = part.split("|")
        classes: list[list[dict[str, Any]]] = []
        for cls in [a for a in alts if a.startswith("<")]:
            if cls not in _CLASSES:
                raise PatternError(f"unknown class {cls!r}; known: {', '.join(_CLASSES)}, <ANY>")
            classes.append([{**_CLASSES[cls], **opt}])
        alts = [a for a in alts if not a.startswith("<")]
        if not alts:
            slots.append(classes)
            continue
        if any(not a or a == "=" for a in alts):
            raise PatternError(f"empty alternative in {part!r}")
        kinds = {a.startswith("=") for a in alts}
        if len(kinds) > 1:
            raise PatternError(f"{part!r} mixes exact (=) and lemma alternatives; use one kind")
        exact = alts[0].startswith("=")
        singles: list[str] = []
        suffixes: list[str] = []
        sequences: list[list[dict[str, Any]]] = []
        for a in alts:
            word = a.lstrip("=")
            if word.startswith("*"):
                word = word[1:].lower()
                if exact or len(word) < 3 or not re.fullmatch(r"[^\W\d_][\w-]*", word):
                    raise PatternError(f"{a!r}: a '*' word needs at least three letters after the '*' "
                                       "and cannot be exact (=)")
                suffixes.append(pattern_lemma(word, lang))
                continue
            toks = [t.text for t in nlp(word)]
            if len(toks) == 1:
                singles.append(word.lower() if exact else pattern_lemma(word, lang))
            else:
                if optional:
                    raise PatternError(f"optional {part!r} cannot hold a multi-token word")
                sequences.append([{"LOWER": t.lower()} if exact else {"LEMMA": pattern_lemma(t, lang)} for t in toks])
        options: list[list[dict[str, Any]]] = []
        if singles:
            key = "LOWER" if exact else "LEMMA"
            value: Any = singles[0] if len(singles) == 1 else {"IN": sorted(set(singles))}
            options.append([{key: value, **opt}])
        if suffixes:
            regex = "(?:" + "|".join(re.escape(x) for x in sorted(set(suffixes))) + ")$"
            options.append([{"LEMMA": {"REGEX": regex}, "_suffixes": sorted(set(suffixes)), **opt}])
        options.extend(sequences)
        options.extend(classes)
        slots.append(options)
    first, last = slots[0][0][0], slots[-1][0][-1]
    if "_gap" in first or "_gap" in last:
        raise PatternError("a pattern cannot start or end with a gap")
    if all(all(tok.get("OP") for seq in slot for tok in seq) for slot in slots):
        raise PatternError("the pattern has no required token")
    total = 1
    for slot in slots:
        total *= len(slot)
    if total > MAX_EXPANSIONS:
        raise PatternError(f"multi-token alternatives expand to {total} patterns (max {MAX_EXPANSIONS})")
    return [[tok for seq in combo for tok in seq] for combo in product(*slots)]


def longest_span(compiled: list[list[dict[str, Any]]]) -> int:
    """The most tokens a match of the pattern may cover: its words plus the sum of its gaps."""
    return max(sum(tok.get("_gap", 1) for tok in seq) for seq in compiled)


def matcher_patterns(compiled: list[list[dict[str, Any]]]) -> tuple[list[list[dict[str, Any]]], int]:
    """The patterns as spaCy's Matcher takes them (gap bounds and '*' endings stripped), and
    :func:`longest_span`. The tests run spaCy's Matcher on them as the reference for the engine."""
    clean = [[{"OP": "*"} if "_gap" in tok else {k: v for k, v in tok.items() if k != "_suffixes"} for tok in seq]
             for seq in compiled]
    return clean, longest_span(compiled)
