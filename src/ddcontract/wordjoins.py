"""Words run together where a PDF's lines were joined without a space ("andlicense", "thisAgreement",
"names,service", "THETERMS"): where they are, and the words the rules should read there.

Text copied out of a PDF loses the space at the end of a line in some files, so the last word of one
line and the first of the next become one token; a rule looking for "license" or "the Agreement"
then misses the sentence. The rules read such a token as its two words (see :class:`ddcontract.terms.Reading`,
which keeps the way back to the sentence's own characters, so a quote stays as the document has it).

Only joins with a small word on one side are read apart: a function word before a capitalised word
("thisAgreement", "byApple"), a function word before or after a known word in lower case
("thefollowing", "productsand") or in capitals ("THETERMS"), and a comma between two words with no
space after it ("provided,however"). A compound made of two content words is left alone, telling it from a word the
dictionary lacks ("AVAILABLE" is not "AVAIL ABLE") needs a better word list than the lemma table this reads; the one
exception is a word that says how much ("TOTAL", "AGGREGATE") run into a known word of five letters or more in
capitals ("TOTALLIABILITY"), as liability clauses set in capitals have it. English only: Danish writes its compounds as one word.
"""

from __future__ import annotations

import re
from functools import lru_cache

# a function word run into a capitalised word: "thisAgreement", "ofPersonal", "toYou"
_CAMEL_HEADS = ("the|this|that|these|those|and|or|shall|such|your|their|which|its|our|any|all|each|not|to|of|by|in|on|"
                "for|from|with|be|is|are|an|as|at")
_CAMEL = re.compile(r"(?<![\w@./-])(" + _CAMEL_HEADS + r")([A-Z][a-z]{2,})(?![\w@/-])")
# a function word run into another word, in lower case or in capitals
_HEADS = ("the", "this", "that", "and", "shall", "such", "your", "their", "which", "any")
_TAILS = ("the", "and", "shall")
# in a liability clause set in capitals, the words that say how much run into the next one: "APPLE'S TOTALLIABILITY",
# "AGGREGATELIABILITY" (read apart only before a known word of five letters or more)
_AMOUNT_HEADS = ("total", "aggregate", "entire", "cumulative", "maximum")
_LOWER_JOIN = r"(?:" + "|".join(_HEADS) + r")[a-z]{3,}|[a-z]{3,}(?:" + "|".join(_TAILS) + r")"
_CAPS_JOIN = (r"(?:" + "|".join(h.upper() for h in _HEADS + _AMOUNT_HEADS) + r")[A-Z]{3,}|[A-Z]{3,}(?:"
              + "|".join(t.upper() for t in _TAILS) + r")")
_LOWER = re.compile(r"(?<![\w@./-])(?:" + _LOWER_JOIN + r")(?![\w@/-])")
_CAPS = re.compile(r"(?<![\w@./-])(?:" + _CAPS_JOIN + r")(?![\w@/-])")
# a comma with no space after it between two words (not in a link, a path or a number)
_COMMA = re.compile(r"(?<![\w@/:%.&;-])([A-Za-z]{2,}),(?=[A-Za-z]{2,}(?![\w/%@-]))")
# words the lemma table lacks that a join would otherwise cut
_WHOLE = frozenset({"whichever", "suchlike", "anyhow", "anymore", "anytime", "anyway", "anyways", "anybody", "anyplace",
                    "thereafter", "theretofore", "therewith"})


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    """English words: the lemma table's forms and lemmas, and spaCy's stop words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from .matching.nlp import lemma_table

    table = lemma_table("en")
    return frozenset(table) | frozenset(table.values()) | frozenset(STOP_WORDS) | _WHOLE


def _split(word: str) -> str | None:
    """The two words a joined word is read as, or None when it is a word of its own."""
    low = word.lower()
    known = _known()
    if low in known:
        return None
    heads = [(head, 3) for head in _HEADS] + ([(head, 5) for head in _AMOUNT_HEADS] if word.isupper() else [])
    for head, least in heads:
        rest = low[len(head):]
        if low.startswith(head) and len(rest) >= least and rest in known:
            return f"{word[:len(head)]} {word[len(head):]}"
    for tail in _TAILS:
        rest = low[:-len(tail)]
        if low.endswith(tail) and len(rest) >= 3 and rest in known:
            return f"{word[:-len(tail)]} {word[-len(tail):]}"
    return None


# every join above, and a few more (no look-arounds: one quick pass over a whole document)
_ANY = re.compile(r"\b(?:(?:" + _CAMEL_HEADS + r")[A-Z][a-z]{2,}|" + _LOWER_JOIN + "|" + _CAPS_JOIN
                  + r")\b|[a-z],[A-Za-z]")


def any_joins(texts: list[str], lang: str) -> bool:
    """Whether a document's texts may hold a joined word: one pass over all of them, so that a document without
    any (most) is not searched sentence by sentence. It may say yes where :func:`joins` then finds none."""
    if lang != "en":
        return False
    for m in _ANY.finditer("\n".join(texts)):
        found = m.group(0)
        if "," in found or found[:1].islower() and not found.islower() or _split(found):
            return True
    return False


def joins(text: str, lang: str) -> list[tuple[int, int, str]]:
    """The joined words in ``text``: (start, end, the words read there), in order. Nothing in Danish."""
    if lang != "en":
        return []
    found: dict[int, tuple[int, int, str]] = {}
    for m in _CAMEL.finditer(text):
        found[m.start()] = (m.start(), m.end(), f"{m.group(1)} {m.group(2)}")
    for pattern in (_LOWER, _CAPS):
        for m in pattern.finditer(text):
            words = _split(m.group(0))
            if words and m.start() not in found:
                found[m.start()] = (m.start(), m.end(), words)
    for m in _COMMA.finditer(text):
        at = m.end(1)
        found.setdefault(at, (at, at + 1, ", "))
    return [found[k] for k in sorted(found)]
