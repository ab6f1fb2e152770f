"""Document language from function words (no model): English or Danish.

Contracts are long and formulaic, so counting a few dozen very common words decides reliably;
the language with more hits per word wins, English when neither clearly does. A word spelt with
æ, ø or å counts for Danish as well (English has none), so a short Danish text whose function
words are few ("Leverandøren fraskriver sig ethvert ansvar for indirekte tab.") still reads Danish.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORDS = {
    "en": frozenset("the and of to shall in or any be by this that with for is are such will not party parties "
                    "agreement which".split()),
    "da": frozenset("og at det er til af med som skal ikke den på de eller en et for har kan være denne "
                    "aftalen aftale parterne part hvis ved efter".split()),
}
_TOKEN = re.compile(r"[a-zæøåé]+")
_DANISH_LETTER = re.compile(r"[æøå]")
SAMPLE_CHARS = 200_000


def language_counts(texts: Iterable[str], limit: int = SAMPLE_CHARS) -> dict[str, int]:
    """How many of each language's function words the texts hold (up to ``limit`` characters)."""
    counts = {lang: 0 for lang in _WORDS}
    seen = 0
    for text in texts:
        tokens = _TOKEN.findall(text.lower())
        for lang, words in _WORDS.items():
            counts[lang] += len([w for w in tokens if w in words])
        counts["da"] += len([w for w in tokens if w not in _WORDS["da"] and _DANISH_LETTER.search(w)])
        seen += len(text)
        if seen > limit:
            break
    return counts


def decide(counts: dict[str, int], default: str = "en", minimum: int = 0) -> str:
    """The language the counts point to; ``default`` when there are too few words to tell."""
    if counts["da"] + counts["en"] < minimum:
        return default
    if counts["da"] > counts["en"] * 1.2:
        return "da"
    if counts["en"] > counts["da"] * 1.2:
        return "en"
    return default


def detect_language(texts: Iterable[str]) -> str:
    return decide(language_counts(texts), "en")


# a clause needs this many function words before it may differ from the document's language
SECTION_MIN_WORDS = 6


def section_languages(clause_texts: list[str], document_lang: str) -> list[str]:
    """The language of each clause: its own where it says enough, else the document's.

    A Danish contract with an English annex (or the reverse) is matched per clause with the right
    language's rules; a heading or a short clause keeps the language of the clause before it
    when that one differs from the document's (the annex heading belongs to the annex).
    """
    return _sections([language_counts([text]) for text in clause_texts], document_lang)


def _sections(counts: list[dict[str, int]], document_lang: str) -> list[str]:
    out: list[str] = []
    for c in counts:
        out.append(decide(c, out[-1] if out else document_lang, SECTION_MIN_WORDS))
    return out


def document_languages(block_texts: list[str], clause_texts: list[str]) -> tuple[str, list[str]]:
    """:func:`detect_language` of the blocks and :func:`section_languages` of the clauses, reading
    the text once: the clauses are the blocks' text, so when the document is no longer than the
    sample detect_language reads, its counts are the clauses' counts summed."""
    per_clause = [language_counts([text]) for text in clause_texts]
    if sum(len(t) for t in block_texts) <= SAMPLE_CHARS:
        total = {lang: sum(c[lang] for c in per_clause) for lang in _WORDS}
    else:
        total = language_counts(block_texts)
    lang = decide(total, "en")
    return lang, _sections(per_clause, lang)
