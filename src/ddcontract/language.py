"""Document language from function words (no model): English or Danish, or a language ddcontract does not read.

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


# Languages ddcontract does not read, each told by words frequent in its contracts that English and Danish do not use
# as words, and measured against the words of the read language it is closest to (``_RIVALS``): Norwegian and Swedish
# share most function words with Danish ("og", "det", "som", "med"), so they are weighed against the Danish spellings
# of their own words ("af" for "av", "efter" for "etter", "ikke" for "inte"); the others against English and Danish.
_OTHER_WORDS = {
    "nb": frozenset("av å etter uten mot ut opp blir ble gjennom mellom våre vårt noe noen deg meg enn hva ikkje "
                    "avtale avtalen avtalens bruk bruke bruker brukeren brukes kjøp kjøpet kjøper selskapet tilgang "
                    "personopplysninger opplysninger nettsiden nettside".split()),
    "sv": frozenset("och inte är att ska skall avtalet avtal från utan detta också enligt för vid till dessa denna när "
                    "någon något inom tjänsten tjänster leverantören personuppgifter uppgifter eller".split()),
    "de": frozenset("der die und das ist nicht von zu für auf des dem wird werden eine einer oder mit bei sich sie "
                    "ihre sowie gemäß vertrag vertrags haftung".split()),
    "fr": frozenset("le la les et des du est pas pour dans une que qui sur avec au aux ou ce cette sont être sera "
                    "par contrat".split()),
    "nl": frozenset("het een van niet voor wordt worden zijn deze bij naar ook aan uw onze overeenkomst zal zullen "
                    "door moet".split()),
    "es": frozenset("el los las del que por para con una es su sus y contrato será este esta cualquier".split()),
    "it": frozenset("il di che della delle per non sono gli dei nel alla contratto essere questo".split()),
}
# the Danish spellings of the Norwegian and Swedish words above (what a Danish text has where they would stand)
_RIVALS = {
    "nb": frozenset("af efter uden mod ud op bliver blev gennem mellem vores noget nogen dig mig end hvad aftale "
                    "aftalen aftalens brug bruge bruger brugeren bruges køb købet køber selskabet adgang "
                    "personoplysninger oplysninger hjemmesiden hjemmeside".split()),
    "sv": frozenset("og ikke er at skal aftalen aftale fra uden dette også ifølge for ved til disse denne når nogen "
                    "noget inden tjenesten tjenester leverandøren personoplysninger oplysninger eller".split()),
}
_OTHER_NAMES = {"nb": "Norwegian", "sv": "Swedish", "de": "German", "fr": "French", "nl": "Dutch", "es": "Spanish",
                "it": "Italian"}
_WIDE_TOKEN = re.compile(r"[a-zæøåéäöüßàâçèêëîïôûùñáíóú]+")
# a text in another language has at least this many of its words, and more than twice its rival's
OTHER_MIN_WORDS = 12


# each word of the lists above (and of English's and Danish's) with the counts it adds to: one look-up a token,
# one pass over the text
def _word_counts() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for key, words in [*_OTHER_WORDS.items(), *((f"rival-{k}", w) for k, w in _RIVALS.items()),
                       *((f"read-{k}", w) for k, w in _WORDS.items())]:
        for word in words:
            out[word] = (*out.get(word, ()), key)
    return out


_WORD_COUNTS = _word_counts()


def other_language(texts: Iterable[str], limit: int = SAMPLE_CHARS) -> str | None:
    """The English name of the language the texts are written in when it is one ddcontract does not read
    (Norwegian, Swedish, German, French, Dutch, Spanish, Italian), else None.

    Only a text that is mostly in that language is named: a Danish contract quoting a Norwegian clause, or a contract
    printed in English and French side by side, is not."""
    counts = dict.fromkeys([*_OTHER_WORDS, *(f"rival-{k}" for k in _RIVALS), *(f"read-{k}" for k in _WORDS)], 0)
    seen = 0
    for text in texts:
        for token in _WIDE_TOKEN.findall(text.lower()):
            for key in _WORD_COUNTS.get(token, ()):
                counts[key] += 1
        seen += len(text)
        if seen > limit:
            break
    best = max(_OTHER_WORDS, key=lambda lang: counts[lang])
    if counts[best] < OTHER_MIN_WORDS:
        return None
    # (the English and Danish function words are counted in the same pass, on the same tokens)
    against = counts[f"rival-{best}"] if best in _RIVALS else max(counts[f"read-{k}"] for k in _WORDS)
    return _OTHER_NAMES[best] if counts[best] > 2 * against else None


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
