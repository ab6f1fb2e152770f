"""The in-memory index of the clause library's compiled patterns in one language: which patterns a
sentence can match (by their required words), and the pattern engine run on those."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .compiler import EMAIL_MARK, URL_MARK, Compiled, TokenSeq, form_marks, longest_span
from .diskcache import compiled_pattern
from .engine import Kind, Op, PatternToken

if TYPE_CHECKING:
    from ..rules import Library
    from .engine import Program
    from .nlp import Lemmatizer


_Spec = tuple[str, frozenset[str]]  # ("LEMMA" | "LOWER" | "SUFFIX", accepted values)
_INDEXED = (Kind.LEMMA, Kind.LOWER, Kind.SUFFIX)


def _required_specs(tokens: TokenSeq) -> list[_Spec]:
    """The words a token sequence requires: per required token, its kind's name and its words."""
    return [(tok.kind.name, frozenset(tok.values)) for tok in tokens if tok.op == Op.ONE and tok.kind in _INDEXED]


def _lemma_words(compiled: Compiled) -> set[str]:
    """The lemmas and '*' endings a compiled pattern refers to (for the selective lemma table)."""
    return {w for seq in compiled for tok in seq if tok.kind in (Kind.LEMMA, Kind.SUFFIX) for w in tok.values}


_MARKS = frozenset({URL_MARK, EMAIL_MARK})


def _normalise(tok: PatternToken, lemmatizer: Lemmatizer) -> PatternToken:
    """A lemma token with its words lemmatised as the text's tokens are (see :class:`CompiledPatterns`).
    Where the compiler already looked the words up in the language's whole table (English), they are
    lemmas already: a second look-up would take "ground" (the lemma of "grounds") on to "grind", which
    no token of "grounds" ever is."""
    if tok.kind != Kind.LEMMA or not lemmatizer.selective:
        return tok
    return replace(tok, values=tuple(sorted({lemmatizer.lemma(v) for v in tok.values})))


# words too frequent in contracts to file a pattern under when it requires a rarer word as well (their
# lemmas, English and Danish): looking a sentence up under "of" would try every such pattern on it
_COMMON = frozenset("""
of to for not the a an and or in on by with from at as any all be is are shall will may must this that such its - ,
their it datum data use e party parties customer supplier service services information agreement
af til for ikke den det de en et og eller i på med fra som skal kan må være er denne dette kunde kunden
leverandør leverandøren aftale aftalen data oplysning
""".split())


class CompiledPatterns:
    """The clause library's patterns in one language, compiled for the pattern engine
    (:mod:`ddcontract.matching.engine`), behind an index.

    A pattern can only match a sentence that contains each of its required words, so each pattern
    is filed under its most selective required word; a sentence runs only the patterns whose
    required words it contains.
    """

    def __init__(self, library: Library, lang: str) -> None:
        from .engine import Pieces
        from .nlp import Lemmatizer, tokenizer

        vocab = tokenizer(lang).vocab
        self.strings = vocab.strings
        # each pattern's automata, built the first time a sentence could match it (most never are)
        self.programs: dict[str, list[Program]] = {}
        self._normalised: dict[str, Compiled] = {}
        self.unless: set[str] = set()
        self.limits: dict[str, int] = {}
        self.always: set[str] = set()  # patterns with no required word: a candidate in every sentence
        self.suffixes: set[str] = set()
        self.marks: set[str] = set()  # the <URL> and <EMAIL> classes some pattern requires
        self._suffix_memo: dict[int, frozenset[str]] = {}
        self._text_suffix_memo: dict[str, frozenset[str]] = {}
        # a sentence's hits by (text, lead-in length), filled by :func:`ddcontract.matching.match.match_clauses`
        self.hits: dict[tuple[str, int], list[tuple[str, int, int, str]]] = {}
        # (attr, word) atom -> the patterns filed under it (see candidates)
        self.index_text: dict[tuple[str, str], set[str]] = {}
        # each pattern's required words as (attr, word) atoms, per alternative: the atoms all
        # required, and the sets of which one is; and every atom some pattern requires
        self.required_atoms: dict[str, list[tuple[frozenset, tuple[frozenset, ...]]]] = {}
        self.relevant: set[tuple[str, str]] = set()
        # each pattern's text, with its word lists written out (what a match reports)
        self.texts: dict[str, str] = {}
        compiled_all: list[tuple[str, Compiled]] = []
        words: set[str] = set()
        for rule in library.rules:
            for kind, unless in (("p", False), ("u", True)):
                for i, text in enumerate(rule.patterns(lang, unless)):
                    key = f"{rule.id}#{kind}{i}"  # the match stage reads the rule and the kind back
                    compiled = compiled_pattern(text, lang)
                    words |= _lemma_words(compiled)
                    compiled_all.append((key, compiled))
                    self.texts[key] = text
        self.lemmatizer = Lemmatizer(lang, words)
        self.pieces = Pieces(tokenizer(lang), lambda lows: self.lemmatizer.lemma_hashes(lows, self.strings),
                             self._atoms_of)
        for key, compiled in compiled_all:
            # a pattern word is normalised exactly as a token of the text would be: in Danish
            # "senest" is a form of "sen" once some rule uses "sen", and then both sides say "sen"
            self._file(key, tuple(tuple(_normalise(tok, self.lemmatizer) for tok in seq) for seq in compiled))

    def _file(self, key: str, compiled: Compiled) -> None:
        """Index one pattern: its limit, its required words, the pattern filed under the most selective."""
        self.limits[key] = longest_span(compiled)
        self._normalised[key] = compiled
        if key.rpartition("#")[2].startswith("u"):
            self.unless.add(key)
        self.required_atoms[key] = []
        for specs in (_required_specs(seq) for seq in compiled):
            sets = [frozenset((attr, v) for v in values) for attr, values in specs]
            self.relevant.update(*sets)
            self.required_atoms[key].append((frozenset(a for atoms in sets if len(atoms) == 1 for a in atoms),
                                             tuple(atoms for atoms in sets if len(atoms) > 1)))
            if not specs:
                self.always.add(key)
                continue
            # filed under its most selective required word: the fewest alternatives, but never a word
            # that nearly every sentence has ("of", "not", "data") while a rarer one is required too
            attr, values = min(specs, key=lambda spec: (any(self._common(v) for v in spec[1]), len(spec[1])))
            for v in values:
                self.index_text.setdefault((attr, v), set()).add(key)
            for attr, values in specs:
                if attr == "SUFFIX":
                    self.suffixes |= values - _MARKS
                    self.marks |= values & _MARKS

    def _common(self, value: Any) -> bool:
        word = self.strings[value] if isinstance(value, int) else value
        return isinstance(word, str) and word.lower() in _COMMON

    def pieces_of(self, texts: Iterable[str]) -> list[list[Any]]:
        """Each text's whitespace-separated pieces, tokenized (see :class:`ddcontract.matching.engine.Pieces`);
        a document's sentences are best looked up together."""
        return self.pieces.lookup(texts)

    def candidates(self, pieces: list[Any]) -> list[str]:
        """The patterns whose required words are all among a sentence's ``pieces``, sorted (with
        any pattern that has no required word). Most sentences of a contract have none, and are
        not matched at all."""
        have: set[tuple[str, str]] = set().union(*[piece.atoms for piece in pieces])
        index = self.index_text
        required = self.required_atoms
        found: list[str] = list(self.always)
        for key in set().union(*[index[atom] for atom in index.keys() & have]).difference(self.always):
            for musts, anys in required[key]:  # an alternative whose required words are all here
                if musts <= have:
                    for atoms in anys:
                        if have.isdisjoint(atoms):
                            break
                    else:
                        found.append(key)
                        break
        return sorted(found)

    def _atoms_of(self, lows: list[str]) -> frozenset[tuple[str, str]]:
        """What a piece's tokens (lower-case forms) offer the patterns: those forms, their lemmas
        and the lemmas' '*' endings, as far as some pattern requires them."""
        atoms: set[tuple[str, str]] = set()
        for low in lows:
            lemma = self.lemmatizer.lemma(low)
            atoms.add(("LOWER", low))
            # a word offers its lemma and itself as written: a rule word always matches itself ("databehandler",
            # which the Danish table reads as the verb "databehandle")
            atoms.add(("LEMMA", lemma))
            atoms.add(("LEMMA", low))
            # a web or e-mail address has a dot: most tokens need no look at the classes
            if self.suffixes or (self.marks and "." in lemma):
                atoms.update(("SUFFIX", e) for e in self._text_endings(lemma))
                if low != lemma:
                    atoms.update(("SUFFIX", e) for e in self._text_endings(low))
        return frozenset(atoms & self.relevant)

    def _text_endings(self, lemma: str) -> frozenset[str]:
        got = self._text_suffix_memo.get(lemma)
        if got is None:
            found = [s for s in self.suffixes if lemma.endswith(s)]
            if self.marks and "." in lemma:
                found += [m for m in form_marks(lemma) if m in self.marks]
            got = frozenset(found)
            if len(self._text_suffix_memo) < 200_000:
                self._text_suffix_memo[lemma] = got
        return got

    def _endings(self, lemma: int) -> frozenset[str]:
        """The '*' endings of the lemma with this hash (see :meth:`_text_endings`)."""
        got = self._suffix_memo.get(lemma)
        if got is None:
            got = self._text_endings(self.strings[lemma])
            if len(self._suffix_memo) < 200_000:
                self._suffix_memo[lemma] = got
        return got

    def tokens(self, text: str, pieces: list[Any] | None = None):
        """A sentence as the pattern engine reads it (:class:`ddcontract.matching.engine.Tokens`);
        ``pieces``: its pieces from :meth:`pieces_of`, if at hand."""
        return self.pieces.tokens(text, self._endings, pieces)

    def __call__(self, toks, keys: list[str], min_end: int = 0, unless_from: int = 0) -> list[tuple[str, int, int]]:
        """(pattern key, start, end) token offsets: for each of ``keys`` (from :meth:`candidates`),
        in that order, its shortest match from each token that ends at or after token ``min_end``
        (an ``unless`` pattern: its first match ending at or after token ``unless_from``), by start."""
        from .engine import Program, shortest_matches

        out: list[tuple[str, int, int]] = []
        for key in keys:
            unless = key in self.unless
            programs = self.programs.get(key)
            if programs is None:
                programs = self.programs[key] = [Program(seq, self.strings.add) for seq in self._normalised[key]]
            for start, end in shortest_matches(programs, toks, self.limits[key],
                                               unless_from if unless else min_end, first_only=unless):
                out.append((key, start, end))
        return out
