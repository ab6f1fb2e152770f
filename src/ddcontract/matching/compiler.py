"""The pattern compiler: a pattern string of the clause library (the pattern language is documented
in :mod:`ddcontract.rules`) -> the pattern engine's token tests (:class:`~.engine.PatternToken`).

A pattern compiles to one or more token sequences: an alternative that the tokenizer splits
("multi-factor", "e-mail") is a sequence of its own, so a pattern with such alternatives expands
into one sequence per combination. :func:`matcher_patterns` translates compiled patterns into
spaCy's Matcher patterns, the reference the tests check the engine against.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import product
from typing import Any

from ..amounts import CURRENCY_WORDS
from .engine import Kind, Op, PatternToken

MAX_GAP = 40
MAX_EXPANSIONS = 64


# A web address or an e-mail address is one token; the engine tests it as it tests a '*' ending: the
# index gives a lemma that looks like one of them this mark as one of its endings (see
# CompiledPatterns._text_endings), so the classes need no column of their own in the token table.
URL_MARK = "\x00url"
EMAIL_MARK = "\x00email"

_CLASSES: dict[str, tuple[Kind, tuple[str, ...]]] = {
    "<NUM>": (Kind.NUM, ()),
    "<CUR>": (Kind.LOWER, CURRENCY_WORDS),
    "<URL>": (Kind.SUFFIX, (URL_MARK,)),
    "<EMAIL>": (Kind.SUFFIX, (EMAIL_MARK,)),
}


def form_marks(lemma: str) -> tuple[str, ...]:
    """The class marks a token's lemma carries as endings: a web address (``https://…``, ``www.…``) or
    an e-mail address, as spaCy's ``like_url`` and ``like_email`` judge them."""
    if "." not in lemma:
        return ()
    from spacy.lang.lex_attrs import like_email, like_url

    if like_email(lemma):
        return (EMAIL_MARK,)
    if like_url(lemma):
        return (URL_MARK,)
    return ()

TokenSeq = tuple[PatternToken, ...]
Compiled = tuple[TokenSeq, ...]  # a pattern's token sequences; it matches where one of them does


class PatternError(ValueError):
    """A pattern that does not compile; the message says why."""


@lru_cache(maxsize=8192)
def compile_pattern(pattern: str, lang: str) -> Compiled:
    """Turn one pattern string into the engine's token sequences (memoised; the result is immutable)."""
    parts = pattern.split()
    if not parts:
        raise PatternError("empty pattern")
    slots = [_slot(part, lang) for part in parts]  # per part: its alternatives, each a token sequence
    if slots[0][0][0].gap or slots[-1][0][-1].gap:
        raise PatternError("a pattern cannot start or end with a gap")
    if all(tok.op != Op.ONE for slot in slots for seq in slot for tok in seq):
        raise PatternError("the pattern has no required token")
    total = 1
    for slot in slots:
        total *= len(slot)
    if total > MAX_EXPANSIONS:
        raise PatternError(f"multi-token alternatives expand to {total} patterns (max {MAX_EXPANSIONS})")
    return tuple(tuple(tok for seq in combo for tok in seq) for combo in product(*slots))


def _slot(part: str, lang: str) -> list[TokenSeq]:
    """One whitespace-separated part of a pattern: its alternatives, each a token sequence."""
    if part.startswith("~"):
        n = part[1:]
        if not n.isdigit() or not 1 <= int(n) <= MAX_GAP:
            raise PatternError(f"gap {part!r} must be ~1 … ~{MAX_GAP}")
        # any number of tokens: the bound is enforced on the match's length (see longest_span)
        return [(PatternToken(Kind.ANY, (), Op.STAR, int(n)),)]
    optional = part.endswith("?") and len(part) > 1
    if optional:
        part = part[:-1]
    op = Op.OPT if optional else Op.ONE
    if part == "<ANY>":
        return [(PatternToken(Kind.ANY, (), op),)]
    alts = part.split("|")
    classes: list[TokenSeq] = []
    for cls in [a for a in alts if a.startswith("<")]:
        if cls not in _CLASSES:
            raise PatternError(f"unknown class {cls!r}; known: {', '.join(_CLASSES)}, <ANY>")
        kind, values = _CLASSES[cls]
        classes.append((PatternToken(kind, values, op),))
    words = [a for a in alts if not a.startswith("<")]
    return _word_options(part, words, op, lang) + classes if words else classes


def _word_options(part: str, alts: list[str], op: Op, lang: str) -> list[TokenSeq]:
    """The word alternatives of a part: one token for the single words (a lemma, or with '=' a
    lower-case form), one for the '*' endings, and a sequence per word the tokenizer splits."""
    from .nlp import pattern_lemma, tokenizer

    if any(not a or a == "=" for a in alts):
        raise PatternError(f"empty alternative in {part!r}")
    if len({a.startswith("=") for a in alts}) > 1:
        raise PatternError(f"{part!r} mixes exact (=) and lemma alternatives; use one kind")
    exact = alts[0].startswith("=")
    kind = Kind.LOWER if exact else Kind.LEMMA
    nlp = tokenizer(lang)
    singles: set[str] = set()
    suffixes: set[str] = set()
    sequences: list[TokenSeq] = []
    for a in alts:
        word = a.lstrip("=")
        if word.startswith("*"):
            word = word[1:].lower()
            if exact or len(word) < 3 or not re.fullmatch(r"[^\W\d_][\w-]*", word):
                raise PatternError(f"{a!r}: a '*' word needs at least three letters after the '*' "
                                   "and cannot be exact (=)")
            suffixes.add(pattern_lemma(word, lang))
            continue
        toks = [t.text for t in nlp(word)]
        if len(toks) == 1:
            singles.add(word.lower() if exact else pattern_lemma(word, lang))
        elif op == Op.OPT:
            raise PatternError(f"optional {part!r} cannot hold a multi-token word")
        else:
            sequences.append(tuple(PatternToken(kind, (t.lower() if exact else pattern_lemma(t, lang),))
                                   for t in toks))
    options: list[TokenSeq] = []
    if singles:
        options.append((PatternToken(kind, tuple(sorted(singles)), op),))
    if suffixes:
        options.append((PatternToken(Kind.SUFFIX, tuple(sorted(suffixes)), op),))
    return options + sequences


# ---------------------------------------------------------------- named word lists

WORD_LIST_NAME = re.compile(r"[a-z][a-z0-9_]*")
_REFERENCE = re.compile(r"(?:^|(?<=[\s|]))@([^\s|?]*)")


def parse_word_list(text: str) -> str:
    """A named word list as written in a rule file (alternatives parted by ``|``, spaces around them
    allowed, so a long list may be folded over lines) -> the alternatives as a pattern writes them."""
    alts = [a.strip() for a in text.split("|")]
    for a in alts:
        if not a:
            raise PatternError(f"empty alternative in the list {text.strip()!r}")
        if any(c.isspace() for c in a):
            raise PatternError(f"{a!r}: one word per alternative (parted by '|')")
        if a.startswith(("~", "@")) or a.endswith("?"):
            raise PatternError(f"{a!r}: a list holds words, '*' endings, '=' words and classes; no gaps, "
                               "no other lists, and no '?' (write '@name?' in the pattern)")
    return "|".join(alts)


def word_list_references(pattern: str) -> list[str]:
    """The names of the word lists a pattern uses (``@name`` as a part or an alternative)."""
    return _REFERENCE.findall(pattern)


def expand_word_lists(pattern: str, lists: Mapping[str, str]) -> str:
    """The pattern with each ``@name`` written out as the named list's alternatives (``lists``: name ->
    alternatives, from :func:`parse_word_list`). A pattern without lists is returned as it is."""
    if "@" not in pattern:
        return pattern

    def written_out(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in lists:
            known = ", ".join(sorted(lists))
            raise PatternError(f"unknown word list '@{name}'; " + (f"known here: {known}" if known else
                               "this file names no lists in this language (see 'words')"))
        return lists[name]

    return _REFERENCE.sub(written_out, pattern)


def longest_span(compiled: Compiled) -> int:
    """The most tokens a match of the pattern may cover: its words plus the sum of its gaps."""
    return max(sum(tok.span for tok in seq) for seq in compiled)


# ---------------------------------------------------------------- spaCy's Matcher, the reference


def reference_forms() -> None:
    """Register the token attributes the reference patterns of :func:`matcher_token` read: a word's forms
    (its lemma and itself as written, ``token._.forms``) and the same as one text (``token._.forms_text``). A
    lemma test passes on either form: a rule word always matches itself, whatever the lemma table makes of it."""
    from spacy.tokens import Token

    if not Token.has_extension("forms"):
        Token.set_extension("forms", getter=lambda t: [t.lemma_ or t.lower_, t.lower_])
        Token.set_extension("forms_text", getter=lambda t: f"{t.lemma_ or t.lower_} {t.lower_}")


def matcher_token(tok: PatternToken) -> dict[str, Any]:
    """One pattern token as a spaCy Matcher token pattern (a gap becomes ``"OP": "*"``; its bound
    is the caller's to enforce, see :func:`longest_span`). Lemma and ending tests read the forms
    :func:`reference_forms` registers."""
    out: dict[str, Any] = {}
    if tok.kind == Kind.LEMMA:
        out["_"] = {"forms": {"INTERSECTS": list(tok.values)}}
    elif tok.kind == Kind.LOWER:
        out["LOWER"] = tok.values[0] if len(tok.values) == 1 else {"IN": list(tok.values)}
    elif tok.kind == Kind.SUFFIX and tok.values == (URL_MARK,):
        out["LIKE_URL"] = True
    elif tok.kind == Kind.SUFFIX and tok.values == (EMAIL_MARK,):
        out["LIKE_EMAIL"] = True
    elif tok.kind == Kind.SUFFIX:
        out["_"] = {"forms_text": {"REGEX": "(?:" + "|".join(re.escape(x) for x in tok.values) + ")(?= |$)"}}
    elif tok.kind == Kind.NUM:
        out["LIKE_NUM"] = True
    if tok.op != Op.ONE:
        out["OP"] = "?" if tok.op == Op.OPT else "*"
    return out


def matcher_patterns(compiled: Sequence[TokenSeq]) -> tuple[list[list[dict[str, Any]]], int]:
    """The patterns as spaCy's Matcher takes them, and :func:`longest_span`. The tests run spaCy's
    Matcher on them as the reference for the engine."""
    reference_forms()
    return [[matcher_token(tok) for tok in seq] for seq in compiled], longest_span(tuple(compiled))
