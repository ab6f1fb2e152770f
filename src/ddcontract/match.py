"""Match: run the clause library's patterns over each sentence of each clause (a match never
spans two sentences), drop a rule's hits in a sentence that also matches one of its ``unless``
patterns, and extract the rule's values from the match's window (sentence, list or clause).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .model import Clause, Match, Sentence
from .rules import Library, Rule
from .values import EXTRACTOR_FUNCS


def match_clauses(clauses: list[Clause], library: Library, lang: str) -> list[Match]:
    from .nlp import pipeline

    nlp = pipeline(lang)
    matcher, limits = library.matcher(lang)
    rules = {r.id: r for r in library.rules if r.lang(lang) is not None}
    out: list[Match] = []
    texts = (c.text for c in clauses)
    for clause, doc in zip(clauses, nlp.pipe(texts, batch_size=64)):
        for sentence in clause.sentences:
            span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            out.extend(_match_sentence(clause, sentence, span, matcher, limits, rules, nlp))
    return out


def _match_sentence(clause: Clause, sentence: Sentence, span, matcher, limits: dict[str, int],
                    rules: dict[str, Rule], nlp) -> list[Match]:
    best: dict[str, tuple[int, int, str]] = {}  # rule -> shortest hit (chars in the clause)
    blocked: set[str] = set()
    for match_id, start, end in matcher(span):
        key = nlp.vocab.strings[match_id]
        if end - start > limits.get(key, 0):
            continue
        rule_id, _, kind = key.rpartition("#")
        if rule_id not in rules:
            continue
        if kind.startswith("u"):
            blocked.add(rule_id)
            continue
        c0 = span[start].idx
        c1 = span[end - 1].idx + len(span[end - 1])
        prev = best.get(rule_id)
        if prev is None or (c1 - c0) < (prev[1] - prev[0]):
            best[rule_id] = (c0, c1, kind)
    return [_make_match(rules[rule_id], clause, sentence, c0, c1, kind)
            for rule_id, (c0, c1, kind) in sorted(best.items(), key=lambda kv: kv[1][0])
            if rule_id not in blocked]


def window_text(rule: Rule, clause: Clause, sentence: Sentence) -> tuple[str, int]:
    """The text values are read from, and the offset of the sentence in it."""
    window = rule.model.window
    if window == "clause":
        return clause.text, sentence.start
    if window == "list":
        from .ingest.sections import is_list_item

        end = sentence.end
        # the lead-in sentence plus the "(a) … (b) …" items and the rest of its own block
        block_idx = max(i for i, st in enumerate(clause.block_starts) if st <= sentence.start)
        end = max(end, clause.block_starts[block_idx] + len(clause.blocks[block_idx].text))
        for i in range(block_idx + 1, len(clause.blocks)):
            blk = clause.blocks[i]
            if is_list_item(blk.text) or blk.text.lstrip()[:1] in "-•–" or blk.kind == "table-row":
                end = clause.block_starts[i] + len(blk.text)
            else:
                break
        return clause.text[sentence.start:end], 0
    return sentence.text, 0


def _make_match(rule: Rule, clause: Clause, sentence: Sentence, c0: int, c1: int, kind: str) -> Match:
    text, base = window_text(rule, clause, sentence)
    anchor = base + (c0 - sentence.start)
    values: dict[str, Any] = {}
    for name in rule.model.extract:
        values.update(EXTRACTOR_FUNCS[name](text, anchor))
    merged: dict[str, list[str]] = defaultdict(list)
    for key, items in rule.model.sets.items():
        merged[key].extend(items)
    for key, items in merged.items():
        have = values.get(key) or []
        values[key] = list(dict.fromkeys([*have, *items]))
    pattern_index = int(kind[1:]) if kind[1:].isdigit() else 0
    return Match(rule_id=rule.id, requirement=rule.target, signal=rule.model.signal, clause=clause,
                 sentence=sentence, matched=clause.text[c0:c1], pattern=f"{kind}:{pattern_index}",
                 values=values)
