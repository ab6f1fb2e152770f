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

Files whose every line end lost its space ("terminatethe use", "itsobligations", "notliable", "orcollection") run many
more function words into the next word than the heads above. Those are read apart with a word-frequency table
(spacy-lookups-data's English lexeme probabilities): a lower-case word of five letters or more that the table lacks
altogether, made of a function word and a common word ("its" + "obligations", "terminate" + "the"), is read as the
two. The table knows the real words that look like such joins ("thereof", "mailto", "onload", "incompletely"), so they
stay whole (and so does a join the table happens to list, such as "doesnot"). What the rule needs of the table (the
common words, and the real words that look like joins) is small and kept in the cache folder.
"""

from __future__ import annotations

import gzip
import hashlib
import json
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


# function words that a file with lost line-end spaces runs into the next word or the last word into
_FUNCTION_HEADS = ("the", "this", "that", "these", "those", "and", "or", "not", "its", "our", "your", "their", "of", "for",
                   "with", "from", "to", "in", "on", "by", "be", "is", "are", "upon", "into", "all", "each", "any", "such",
                   "shall", "will", "may", "an")
_FUNCTION_TAILS = ("the", "and", "or", "not", "of", "to", "its", "any", "for", "with", "shall", "in", "on", "by", "is",
                   "are", "be")
_LEXICON_VERSION = "4"
_COMMON = -14.5  # log probability above which a word counts as common
_LOWER_WORD = re.compile(r"(?<![\w@./-])[a-z]{5,}(?![\w@/-])")
# entries of the frequency table, picked out by the pattern engine rather than one by one in Python: a lower-case
# word with a log probability above -15 ("thereof": -12.48), and a word of five letters or more that starts or ends
# with a function word
_LIKELY_COMMON = re.compile(rb'"([a-z]+)":\s*(-(?:[0-9]|1[0-4])\.[0-9]+)')
_JOIN_SHAPED = re.compile(rb'"((?:' + "|".join(_FUNCTION_HEADS).encode() + rb')[a-z]{2,}|[a-z]{2,}(?:'
                          + "|".join(_FUNCTION_TAILS).encode() + rb'))":\s*(-?[0-9.]+(?:[eE]-?[0-9]+)?)')


def _rest_least(part: str) -> int:
    """The fewest letters the other word needs beside a function word (four beside one of two letters)."""
    return 3 if len(part) >= 3 else 4


_HEADS_BY_LENGTH = {n: frozenset(h for h in _FUNCTION_HEADS if len(h) == n) for n in {len(h) for h in _FUNCTION_HEADS}}
_TAILS_BY_LENGTH = {n: frozenset(t for t in _FUNCTION_TAILS if len(t) == n) for n in {len(t) for t in _FUNCTION_TAILS}}


def _function_splits(word: str, common) -> list[tuple[str, str]]:
    """The ways ``word`` reads as a function word and a common word (a few set lookups: the table's 300,000 words
    all pass through here once when the cache is made)."""
    found = []
    for n, heads in _HEADS_BY_LENGTH.items():
        if word[:n] in heads and len(word) - n >= _rest_least(word[:n]) and word[n:] in common:
            found.append((word[:n], word[n:]))
    for n, tails in _TAILS_BY_LENGTH.items():
        if word[-n:] in tails and len(word) - n >= _rest_least(word[-n:]) and word[:-n] in common:
            found.append((word[:-n], word[-n:]))
    return found


def _entries(path, pattern, chunk: int = 1 << 20):
    """The (word, log probability) entries of the gzipped frequency table that ``pattern`` picks out, read a
    megabyte at a time."""
    with gzip.open(path) as handle:
        rest = b""
        while True:
            block = handle.read(chunk)
            data = rest + block
            # the last entry of a block may be cut off: keep what follows the last complete one for the next block
            cut = data.rfind(b",") + 1 if block else len(data)
            for m in pattern.finditer(data, 0, cut):
                yield m.group(1).decode(), float(m.group(2))
            if not block:
                return
            rest = data[cut:]


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, float], frozenset[str]]:
    """The common English words with their log probabilities, and the words of the frequency table that read as a
    function word and a common word (real words such as "thereof", kept whole). Read from the cache folder; made
    from spacy-lookups-data's table (a second or so) when the cache lacks it. Empty without the table."""
    from .cachedir import cache_dir
    from .matching.nlp import lookups_file

    path = lookups_file("en_lexeme_prob.json.gz")
    if path is None:
        return {}, frozenset()
    stat = path.stat()
    key = hashlib.sha256(f"{_LEXICON_VERSION}\n{stat.st_size}\n{int(stat.st_mtime)}".encode()).hexdigest()[:24]
    cached = cache_dir() / f"wordjoins-en-{key}.json"
    try:
        data = json.loads(cached.read_text(encoding="utf-8"))
        return data["common"], frozenset(data["joinlike"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    # two streamed passes, the entries picked out by a pattern (json.load would hold a million entries at once): the
    # common words first, then the words that read as a function word and one of them
    common = {word: prob for word, prob in _entries(path, _LIKELY_COMMON) if prob > _COMMON}
    joinlike = sorted(word for word, _ in _entries(path, _JOIN_SHAPED)
                      if len(word) >= 5 and _function_splits(word, common))
    try:  # a read-only home only costs the table again next time
        from .office.output import write_atomic

        cached.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"common": common, "joinlike": joinlike})
        write_atomic(cached, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    except OSError:
        pass
    return common, frozenset(joinlike)


@lru_cache(maxsize=1 << 16)  # a document repeats its words; most are known and cost one lookup
def _function_split(word: str) -> str | None:
    """A lower-case word the frequency table lacks, read as a function word and a common word (the likelier pair)."""
    if word in _known():
        return None
    common, joinlike = _lexicon()
    if not common or word in joinlike:
        return None
    splits = _function_splits(word, common)
    if not splits:
        return None
    first, second = max(splits, key=lambda pair: common[pair[0]] + common[pair[1]])
    return f"{first} {second}"


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
    return any(_function_split(m.group(0)) for m in _LOWER_WORD.finditer("\n".join(texts)))


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
    for m in _LOWER_WORD.finditer(text):
        if m.start() not in found:
            words = _function_split(m.group(0))
            if words:
                found[m.start()] = (m.start(), m.end(), words)
    for m in _COMMA.finditer(text):
        at = m.end(1)
        found.setdefault(at, (at, at + 1, ", "))
    return [found[k] for k in sorted(found)]
