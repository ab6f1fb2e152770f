"""spaCy without downloaded models: ``spacy.blank(lang)`` plus a lookup lemmatiser.

The lemma of every token is looked up by its lower-case form in the ``lemma_lookup`` table of
spacy-lookups-data, so "NOTIFIED", "notifies" and "notify" share the lemma "notify" and patterns
match regardless of case and inflection. Nothing is downloaded; the tables ship in the package.
"""

from __future__ import annotations

from functools import lru_cache

SUPPORTED = ("en", "da")


@lru_cache(maxsize=None)
def lemma_table(lang: str):
    """The lookup table (a mapping from word form to lemma; keys are hashed, so use ``.get``)."""
    from spacy.lookups import load_lookups

    try:
        return load_lookups(lang, ["lemma_lookup"]).get_table("lemma_lookup")
    except (ValueError, KeyError, OSError):  # no table for this language
        return {}


@lru_cache(maxsize=None)
def known_words(lang: str) -> frozenset[str]:
    """Lemmas in the lookup table: a word list for rejoining hyphenated line breaks."""
    table = lemma_table(lang)
    return frozenset(v for v in table.values() if isinstance(v, str)) if table else frozenset()


def is_known_word(word: str, lang: str = "en") -> bool:
    low = word.lower()
    table = lemma_table(lang)
    return low in known_words(lang) or (bool(table) and table.get(low) is not None)


def lemma(word: str, lang: str) -> str:
    low = word.lower()
    return lemma_table(lang).get(low, low)


@lru_cache(maxsize=None)
def pipeline(lang: str):
    """A blank pipeline whose tokens carry lower-case lookup lemmas."""
    import spacy
    from spacy.language import Language

    name = f"ddcontract_lemmas_{lang}"
    table = lemma_table(lang)

    if name not in Language.factories:

        @Language.component(name)
        def _lemmatise(doc):  # pragma: no cover - exercised through the pipeline
            for token in doc:
                low = token.lower_
                token.lemma_ = table.get(low, low)
            return doc

    nlp = spacy.blank(lang)
    nlp.add_pipe(name)
    nlp.max_length = 5_000_000
    return nlp
