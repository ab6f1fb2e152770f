"""spaCy without downloaded models: the tokenizer of ``spacy.blank(lang)`` plus a lookup lemmatiser.

The lemma of every token is looked up by its lower-case form in the ``lemma_lookup`` table of
spacy-lookups-data, so "NOTIFIED", "notifies" and "notify" share the lemma "notify" and patterns
match regardless of case and inflection. Nothing is downloaded; the tables ship in the package.

English loads its whole table (about 42,000 forms, a twentieth of a second). The Danish table has
over half a million forms and would cost a second and 300 MB in every process, so Danish loads
only the forms of the words the clause library uses (see :class:`Lemmatizer`), and caches that
selection on disk. Danish writes compounds as one word ("cyberforsikringen",
"erstatningsansvaret"), which no table lists completely; a Danish token that is not in the table
is split at the longest ending that is ("…forsikringen" -> "forsikring") and gets the compound's
lemma ("cyberforsikring"), which a ``*forsikring`` pattern word matches.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..cachedir import cache_dir
from ..office.output import write_atomic

# languages whose full table is too big to load: only the forms of the rules' words are kept
SELECTIVE = frozenset({"da"})
MIN_HEAD = 3  # shortest word a compound may end in ("tab", "brud", "data")
MIN_PREFIX = 2


@lru_cache(maxsize=None)
def lemma_table(lang: str) -> dict[str, str]:
    """The full lookup table of spacy-lookups-data (form -> lemma), read straight from its file:
    no spaCy import, so PDF ingest (which uses it to rejoin hyphenated words) can run while spaCy
    loads in another thread."""
    path = _table_path(lang)
    if path is None:
        return {}
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            table = json.load(fh)
    except (OSError, ValueError):  # a damaged install: behave as if there were no table
        return {}
    return table if isinstance(table, dict) else {}


@lru_cache(maxsize=None)
def known_words(lang: str) -> frozenset[str]:
    """Lemmas in the lookup table: a word list for rejoining hyphenated line breaks."""
    table = lemma_table(lang)
    return frozenset(v for v in table.values() if isinstance(v, str)) if table else frozenset()


def is_known_word(word: str, lang: str = "en") -> bool:
    low = word.lower()
    table = lemma_table(lang)
    return low in known_words(lang) or (bool(table) and table.get(low) is not None)


def pattern_lemma(word: str, lang: str) -> str:
    """The lemma a pattern word stands for. Danish rule words are written as dictionary forms
    (the selective table is built from them, so it cannot be used to normalise them)."""
    low = word.lower()
    if lang in SELECTIVE:
        return low
    return lemma_table(lang).get(low, low)


# spaCy's exceptions keep emoticons whole, so a contract's "(Schedule 4, item 6): 36 hours" read "):" as one token (no
# colon for a label line) and "eight (8) hours" read "8)"; contracts hold no emoticons: those made of brackets, colons,
# semicolons and equals signs are left out (an exception with a word in it, "e.g.", "o'clock", stays)
_EMOTICON_MARK = re.compile(r"[()\[\]:;=]")
_WORD_IN_IT = re.compile(r"[^\W\d_]{2,}")


def _without_emoticons(exceptions: dict) -> dict:
    return {k: v for k, v in exceptions.items() if _WORD_IN_IT.search(k) or not _EMOTICON_MARK.search(k)}


@lru_cache(maxsize=None)
def tokenizer(lang: str):
    """The tokenizer of ``spacy.blank(lang)``, built as spaCy's default tokenizer factory builds it
    (the language's exceptions, prefixes, suffixes, infixes, token and URL matches), with a
    vocabulary that computes only the lexical attributes matching reads: the lower-case form and
    whether a word is a number. spaCy computes some twenty attributes for every new word by
    default, which in a scan of many contracts cost more than the tokenizing; and building the
    tokenizer without the pipeline around it saves a tenth of a second at start-up."""
    from spacy.attrs import LIKE_NUM, LOWER
    from spacy.lang.lex_attrs import LEX_ATTRS
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, get_lang_class
    from spacy.vocab import Vocab

    defaults = get_lang_class(lang).Defaults
    getters = {**LEX_ATTRS, **defaults.lex_attr_getters}
    vocab = Vocab(lex_attr_getters={LOWER: getters[LOWER], LIKE_NUM: getters[LIKE_NUM]},
                  writing_system=defaults.writing_system)
    return Tokenizer(
        vocab,
        rules=_without_emoticons(defaults.tokenizer_exceptions),
        prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
        suffix_search=compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
        # and a plural marker in parentheses splits from its word: "incident(s)" is "incident" "(" "s" ")", and
        # "hændelse(r)" is "hændelse" "(" "r" ")"
        infix_finditer=compile_infix_regex([*(defaults.infixes or ()), r"(?<=[^\W\d_])\((?=(?:s|es|r|er|e|ne|erne)(?:\)|$))"]).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


# ---------------------------------------------------------------- selective tables


def lookups_file(name: str) -> Path | None:
    """A data file of spacy-lookups-data (``en_lexeme_prob.json.gz``), found without importing the package (its
    import lists the files of every language it has, which costs more than reading ours); None without it."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("spacy_lookups_data")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "data" / name
    return path if path.is_file() else None


def _table_path(lang: str) -> Path | None:
    """spacy-lookups-data's lemma table file for ``lang``."""
    return lookups_file(f"{lang}_lemma_lookup.json.gz")


_PAIR = re.compile(rb'"((?:[^"\\]|\\.)*)":\s*"((?:[^"\\]|\\.)*)"')


def _decode(raw: bytes) -> str:
    text = raw.decode("utf-8")
    return json.loads(f'"{text}"') if "\\" in text else text


def _select(path: Path, words: frozenset[str]) -> dict[str, str]:
    """Forms whose lemma is one of ``words`` or a word that one of them ends in."""
    raw = gzip.open(path).read()
    pairs = [(k, v) for k, v in _PAIR.findall(raw)]
    del raw
    lemmas = {v for _, v in pairs}
    wanted = {w.encode() for w in words}
    for w in words:  # heads of compound rule words: "sikkerhedsbrud" -> "brud"
        b = w.encode()
        for i in range(1, len(b) - MIN_HEAD + 1):
            if b[i:] in lemmas:
                wanted.add(b[i:])
    return {_decode(k): _decode(v) for k, v in pairs if v in wanted}


def selective_table(lang: str, words: frozenset[str]) -> dict[str, str]:
    """The part of ``lang``'s table the given words need, from the disk cache when possible."""
    path = _table_path(lang)
    if path is None:
        return {}
    stat = path.stat()
    key = hashlib.sha256("\n".join([lang, str(stat.st_size), str(int(stat.st_mtime)), *sorted(words)])
                         .encode()).hexdigest()[:24]
    cached = cache_dir() / f"lemmas-{lang}-{key}.json"
    try:
        return json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    table = _select(path, words)
    try:  # a read-only home only costs the selection again next time
        cached.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(table, ensure_ascii=False)
        write_atomic(cached, lambda tmp: tmp.write_text(text, encoding="utf-8"))
        _prune(cached.parent, lang)
    except OSError:
        pass
    return table


CACHE_KEEP = 8  # selections kept per language (a user editing rules makes a new one each time)


def _prune(directory: Path, lang: str) -> None:
    files = sorted(directory.glob(f"lemmas-{lang}-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[CACHE_KEEP:]:
        try:
            old.unlink()
        except OSError:
            pass


# ---------------------------------------------------------------- lemmatiser


class Lemmatizer:
    """Sets ``token.lemma_`` to the lower-case lemma of each token of a spaCy Doc."""

    def __init__(self, lang: str, words: Iterable[str] = ()) -> None:
        self.lang = lang
        self.selective = lang in SELECTIVE
        if self.selective:
            self.table: dict[str, str] | object = selective_table(lang, frozenset(words))
        else:
            self.table = lemma_table(lang)
        self._memo: dict[str, str] = {}
        self._hash_memo: dict[int, int] = {}  # hash of a lower-cased form -> hash of its lemma

    def lemma(self, low: str) -> str:
        got = self._memo.get(low)
        if got is not None:
            return got
        table = self.table
        got = table.get(low)  # type: ignore[attr-defined]
        if got is None:
            got = low
            if self.selective and len(low) >= MIN_HEAD + MIN_PREFIX:
                got = self._compound(low) or low
        if len(self._memo) < 200_000:
            self._memo[low] = got
        return got

    def _compound(self, low: str) -> str | None:
        """ "cyberforsikringen" -> "cyberforsikring": the longest ending the table knows."""
        table = self.table
        for i in range(MIN_PREFIX, len(low) - MIN_HEAD + 1):
            head = table.get(low[i:])  # type: ignore[attr-defined]
            if head is not None:
                prefix = low[:i]
                return prefix + head if prefix[-1:].isalpha() or prefix[-1:] == "-" else None
        return None

    def lemma_hashes(self, lowers: list[int], strings) -> list[int]:
        """The lemma (as a string hash) of each lower-case form (a string hash) in ``lowers``."""
        memo = self._hash_memo
        out = []
        for h in lowers:
            got = memo.get(h)
            if got is None:
                got = strings.add(self.lemma(strings[h]))
                if len(memo) < 200_000:
                    memo[h] = got
            out.append(got)
        return out

    def __call__(self, doc):
        """Set every token's lemma. Works on the Doc's arrays of string hashes, not on Token
        objects: creating a Python Token per word was the single largest cost of a scan."""
        if not len(doc):
            return doc
        import numpy as np
        from spacy.attrs import LEMMA, LOWER

        out = self.lemma_hashes(doc.to_array(LOWER).tolist(), doc.vocab.strings)
        doc.from_array([LEMMA], np.asarray(out, dtype="uint64").reshape(-1, 1))
        return doc
