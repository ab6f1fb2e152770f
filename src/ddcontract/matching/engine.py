"""The pattern engine: compiled patterns run over a sentence's token arrays.

The pattern compiler (:mod:`ddcontract.matching.compiler`) turns each pattern of the clause library
into sequences of :class:`PatternToken`: single-token tests (a lemma or lower-case form out of a set,
a word ending, a number, any token), each required, optional or repeated (a gap). spaCy's Matcher ran
such patterns until the scan benchmark showed where its time went: for every token it walks it
creates two Python ``Token`` objects, and a sentence runs several Matchers. Matching here needs
only two answers:

- for a pattern, the shortest match that starts at each token (the shortest match of a rule in a
  sentence is always one of them), and
- whether an ``unless`` pattern matches at all.

So a pattern becomes a small automaton (:class:`Program`) that is run from each token where its
first test can succeed, for at most the pattern's longest span. The tests read plain Python lists
of string hashes (:class:`Tokens`), put together from the sentence's whitespace-separated pieces
(:class:`Pieces`), which spaCy's tokenizer tokenizes once per process. The test suite checks the
engine against spaCy's Matcher (:func:`ddcontract.matching.compiler.matcher_patterns` translates
the patterns) and the pieces' tokens against spaCy's tokenizer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from itertools import accumulate, chain


class Kind(IntEnum):
    """What a pattern token tests."""

    ANY = 0  # any token
    LEMMA = 1  # the token's lemma is one of the values
    LOWER = 2  # the token's lower-case form is one of the values
    SUFFIX = 3  # the token's lemma ends in one of the values ('*' words)
    NUM = 4  # the token is like a number (digits or number words)


class Op(IntEnum):
    """How often a pattern token is read."""

    ONE = 0  # exactly once
    OPT = 1  # once or not at all ('?')
    STAR = 2  # any number of times (a gap '~N', bounded by the pattern's longest span)


@dataclass(frozen=True, slots=True)
class PatternToken:
    """One token of a compiled pattern, as the compiler emits it: the test, its words (lemmas, lower-case
    forms or endings, sorted), how often it is read, and for a gap (``~N``: ANY, STAR) its bound N."""

    kind: Kind
    values: tuple[str, ...] = ()
    op: Op = Op.ONE
    gap: int = 0

    @property
    def span(self) -> int:
        """The most tokens this token may cover in a match."""
        return self.gap or 1


# the kinds and operators as plain ints, for the tests run on every token
ANY, LEMMA, LOWER, SUFFIX, NUM = (int(k) for k in (Kind.ANY, Kind.LEMMA, Kind.LOWER, Kind.SUFFIX, Kind.NUM))
ONE, OPT, STAR = (int(o) for o in (Op.ONE, Op.OPT, Op.STAR))


@dataclass(frozen=True)
class TokenTest:
    """A :class:`PatternToken` ready to run: its words as string hashes (endings stay text)."""

    kind: int  # ANY | LEMMA | LOWER | SUFFIX | NUM
    values: frozenset  # string hashes (LEMMA, LOWER) or endings as text (SUFFIX)
    op: int  # ONE | OPT | STAR


def token_test(token: PatternToken, hashed: Callable[[str], int]) -> TokenTest:
    """A :class:`PatternToken` -> a :class:`TokenTest`. ``hashed`` turns a string into the vocabulary's
    hash."""
    if token.kind in (Kind.LEMMA, Kind.LOWER):
        values: frozenset = frozenset(hashed(w) for w in token.values)
    else:
        values = frozenset(token.values)
    return TokenTest(int(token.kind), values, int(token.op))


class Program:
    """A pattern as an automaton whose states are the positions in its token list; a state is left
    by a token that passes its test, optional and repeated tests may be skipped, and the state after
    the last test accepts."""

    __slots__ = ("tests", "final", "closure", "first")

    def __init__(self, tokens: Sequence[PatternToken], hashed: Callable[[str], int]) -> None:
        self.tests = tuple(token_test(t, hashed) for t in tokens)
        self.final = len(self.tests)
        # the states reachable from each state without reading a token
        closure: list[frozenset[int]] = [frozenset({self.final})]
        for i in range(self.final - 1, -1, -1):
            reach = {i}
            if self.tests[i].op != ONE:
                reach |= closure[0]
            closure.insert(0, frozenset(reach))
        self.closure = tuple(closure)
        # the tests a match can begin with
        self.first = tuple(self.tests[s] for s in sorted(self.closure[0]) if s != self.final)

    def shortest_from(self, toks: Tokens, start: int, stop: int, min_end: int) -> int:
        """The end of the shortest match that starts at ``start``, ends at or after ``min_end`` and
        at or before ``stop``; -1 when there is none."""
        tests, closure, final = self.tests, self.closure, self.final
        states = closure[0]
        for i in range(start, stop):
            nxt: set[int] = set()
            for st in states:
                if st == final:
                    continue
                test = tests[st]
                if toks.passes(test, i):
                    nxt |= closure[st] if test.op == STAR else closure[st + 1]
            if not nxt:
                return -1
            if final in nxt and i + 1 >= min_end:
                return i + 1
            states = nxt  # type: ignore[assignment]
        return -1


class Tokens:
    """A sentence's tokens as lists: lower-case form and lemma (string hashes), number-likeness,
    character offset and length, and (looked up on demand) the ``*`` endings of each lemma."""

    __slots__ = ("lower", "lemma", "num", "idx", "length", "_endings", "_ending_of")

    def __init__(self, lower: list[int], lemma: list[int], num: list[int], idx: list[int],
                 length: list[int], ending_of) -> None:
        self.lower, self.lemma, self.num, self.idx, self.length = lower, lemma, num, idx, length
        self._ending_of = ending_of  # lemma hash -> frozenset of '*' endings
        self._endings: list[frozenset[str]] | None = None

    def __len__(self) -> int:
        return len(self.lower)

    @property
    def endings(self) -> list[frozenset[str]]:
        if self._endings is None:
            self._endings = [self._ending_of(h) | self._ending_of(low) if h != low else self._ending_of(h)
                             for h, low in zip(self.lemma, self.lower)]
        return self._endings

    def passes(self, test: TokenTest, i: int) -> bool:
        kind = test.kind
        if kind == LEMMA:  # the lemma, or the word as written (a rule word always matches itself)
            values = test.values
            return self.lemma[i] in values or self.lower[i] in values
        if kind == LOWER:
            return self.lower[i] in test.values
        if kind == ANY:
            return True
        if kind == SUFFIX:
            return not test.values.isdisjoint(self.endings[i])
        return bool(self.num[i])

    def starts(self, program: Program) -> list[int]:
        """The tokens a match of ``program`` can start at, in order."""
        found: set[int] = set()
        for test in program.first:
            kind, values = test.kind, test.values
            if kind == LEMMA:
                found.update(i for i, (h, low) in enumerate(zip(self.lemma, self.lower)) if h in values or low in values)
            elif kind == LOWER:
                found.update(i for i, h in enumerate(self.lower) if h in values)
            elif kind == SUFFIX:
                found.update(i for i, e in enumerate(self.endings) if not values.isdisjoint(e))
            elif kind == NUM:
                found.update(i for i, x in enumerate(self.num) if x)
            else:  # a pattern that may begin with any token
                return list(range(len(self)))
        return sorted(found)


def shortest_matches(programs: list[Program], toks: Tokens, limit: int, min_end: int = 0,
                     first_only: bool = False) -> list[tuple[int, int]]:
    """(start, end) token offsets of the shortest match of any of ``programs`` from each token,
    no longer than ``limit`` tokens and ending at or after token ``min_end``; in order of start.
    ``first_only`` stops at the first match found (for ``unless`` patterns)."""
    n = len(toks)
    best: dict[int, int] = {}
    for program in programs:
        for start in toks.starts(program):
            stop = min(n, start + limit)
            if stop < min_end:
                continue
            end = program.shortest_from(toks, start, stop, min_end)
            if end < 0:
                continue
            if first_only:
                return [(start, end)]
            prev = best.get(start)
            if prev is None or end < prev:
                best[start] = end
    return sorted(best.items())


# ---------------------------------------------------------------- tokens from pieces

_RUNS = re.compile(r"\s+|\S+")
_PLAIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+|[0-9]+")
PIECES_SIZE = 100_000  # pieces remembered per language; the memo starts afresh when full


class Piece:
    """One whitespace-separated piece of text as spaCy tokenizes it: what it offers the patterns
    (:meth:`CompiledPatterns.candidates`) and its tokens' columns, with offsets from its start."""

    __slots__ = ("atoms", "lower", "lemma", "num", "offset", "length", "chars")

    def __init__(self, atoms: frozenset, lower: tuple[int, ...], lemma: tuple[int, ...], num: tuple[int, ...],
                 offset: tuple[int, ...], length: tuple[int, ...], chars: int) -> None:
        self.atoms, self.lower, self.lemma, self.num = atoms, lower, lemma, num
        self.offset, self.length, self.chars = offset, length, chars


class Pieces:
    """A sentence's tokens, put together from the tokens of its pieces.

    spaCy's tokenizer cuts a text at whitespace and tokenizes each piece on its own (a single
    space after a piece belongs to it; other whitespace becomes tokens of its own), so the tokens
    of a sentence are its pieces' tokens in order. Contracts use the same words again and again:
    each new piece is tokenized once (all new pieces of a document in one call of the tokenizer)
    and remembered, and a sentence is tokenized as a whole never."""

    def __init__(self, tokenizer, lemma_hashes, atoms_of, size: int = PIECES_SIZE) -> None:
        self._tokenizer = tokenizer  # spaCy's Tokenizer
        self._lemma_hashes = lemma_hashes  # list of lower-case hashes -> list of lemma hashes
        self._atoms_of = atoms_of  # list of lower-case forms -> frozenset of atoms
        self._strings = tokenizer.vocab.strings
        self._specials = frozenset(tokenizer.rules)  # pieces the tokenizer splits its own way ("cannot")
        from spacy.attrs import LIKE_NUM

        self._like_num = tokenizer.vocab.lex_attr_getters[LIKE_NUM]
        self.size = size
        self.memo: dict[str, Piece] = {}
        self._token_atoms: dict[int, frozenset] = {}  # hash of a lower-case form -> its atoms

    def lookup(self, texts: Iterable[str]) -> list[list[Piece]]:
        """The pieces of each text (split at whitespace); the ones not seen yet are tokenized
        together, in one Doc."""
        memo = self.memo
        found = []
        new: dict[str, None] = {}
        for text in texts:
            runs = text.split()
            pieces = list(map(memo.get, runs))
            if None in pieces:
                new.update((run, None) for run, piece in zip(runs, pieces) if piece is None)
            found.append((runs, pieces))
        if not new:
            return [pieces for _, pieces in found]
        if len(memo) + len(new) > self.size:
            memo.clear()
            self._token_atoms.clear()
        self._add(list(new))
        return [[memo[run] if piece is None else piece for run, piece in zip(runs, pieces)] if None in pieces
                else pieces for runs, pieces in found]

    def get(self, run: str) -> Piece:
        piece = self.memo.get(run)
        if piece is None:
            self._add([run])
            piece = self.memo[run]
        return piece

    def _add(self, runs: list[str]) -> None:
        from spacy.attrs import IDX, LENGTH, LIKE_NUM, LOWER

        strings = self._strings
        memo = self.memo
        # a word of Latin letters, or a number of ASCII digits, that is no special case is one token,
        # itself (no prefix, suffix or infix rule of English or Danish applies inside it; the tests
        # check this against the tokenizer): those pieces do without the tokenizer
        words = [r for r in runs if _PLAIN.fullmatch(r) and r not in self._specials]
        if words:
            lowers = [strings.add(w.lower()) for w in words]
            for word, low, lemma in zip(words, lowers, self._lemma_hashes(lowers)):
                memo[word] = Piece(self._token_atoms_of(low), (low,), (lemma,), (int(self._like_num(word)),), (0,),
                                   (len(word),), len(word))
            runs = [r for r in runs if r not in memo]
        # the other pieces joined by a single space each: a space after a piece never makes a token,
        # and a whitespace run is tokenized alone (the tokenizer keeps a run that is one space)
        solid = [r for r in runs if not r[0].isspace()]
        spaces = [r for r in runs if r[0].isspace()]
        docs = [(solid, self._tokenizer(" ".join(solid)))] if solid else []
        docs += [([r], self._tokenizer(r)) for r in spaces]
        for group, doc in docs:
            rows = doc.to_array([LOWER, LIKE_NUM, IDX, LENGTH]).tolist()
            lemmas = self._lemma_hashes([row[0] for row in rows])
            n = len(rows)
            i = 0
            start = 0
            for run in group:  # every piece has at least one token; none crosses a space
                end = start + len(run)
                low, num, _, length = rows[i]
                atoms = self._token_atoms_of(low)
                j = i + 1
                if j == n or rows[j][2] >= end:  # one token (most pieces), at the piece's start
                    memo[run] = Piece(atoms, (low,), (lemmas[i],), (num,), (0,), (length,), len(run))
                else:
                    while j < n and rows[j][2] < end:
                        atoms = atoms | self._token_atoms_of(rows[j][0])
                        j += 1
                    cols = tuple(zip(*rows[i:j]))
                    memo[run] = Piece(atoms, cols[0], tuple(lemmas[i:j]), cols[1],
                                      tuple(x - start for x in cols[2]), cols[3], len(run))
                i = j
                start = end + 1

    def _token_atoms_of(self, low: int) -> frozenset:
        """The atoms of a token with this lower-case hash, remembered."""
        atoms = self._token_atoms.get(low)
        if atoms is None:
            atoms = self._token_atoms[low] = self._atoms_of([self._strings[low]])
        return atoms

    def tokens(self, text: str, ending_of, pieces: list[Piece] | None = None) -> Tokens:
        """The sentence's :class:`Tokens`, as spaCy's tokenizer would make them; ``pieces``: the
        text's pieces from :meth:`lookup`, if at hand."""
        lower: list[int] = []
        lemma: list[int] = []
        num: list[int] = []
        idx: list[int] = []
        length: list[int] = []
        memo = self.memo
        if not text:
            runs = []
        elif text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " ":
            # words parted by single spaces (most sentences): no whitespace tokens
            if pieces is None:
                pieces = self.lookup([text])[0]
            starts = accumulate([piece.chars + 1 for piece in pieces], initial=0)
            return Tokens(list(chain.from_iterable([piece.lower for piece in pieces])),
                          list(chain.from_iterable([piece.lemma for piece in pieces])),
                          list(chain.from_iterable([piece.num for piece in pieces])),
                          [start + o for piece, start in zip(pieces, starts) for o in piece.offset],
                          list(chain.from_iterable([piece.length for piece in pieces])), ending_of)
        else:
            runs = []
            for m in _RUNS.finditer(text):
                run, start = m.group(), m.start()
                if run[0] == " " and start:  # the space after a piece is part of that piece
                    run, start = run[1:], start + 1
                if run:
                    runs.append((run, start))
        for run, start in runs:
            piece = memo.get(run) or self.get(run)
            lower += piece.lower
            lemma += piece.lemma
            num += piece.num
            length += piece.length
            if len(piece.offset) == 1:
                idx.append(start)
            else:
                idx += [start + o for o in piece.offset]
        return Tokens(lower, lemma, num, idx, length, ending_of)
