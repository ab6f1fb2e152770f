"""The pattern engine (ddcontract.matching.engine) against spaCy, its reference.

Two things replaced spaCy calls for speed and must give exactly what spaCy gives:

- a sentence's tokens put together from the tokens of its whitespace-separated pieces
  (``Pieces.tokens``) must be the tokens spaCy's tokenizer makes of the whole sentence;
- the automaton (``shortest_matches``) must find, from each token, the shortest of the matches
  spaCy's ``Matcher`` finds for the same token pattern.

Both are checked on the samples, the rule examples and generated input (hypothesis).
"""

from __future__ import annotations

from functools import lru_cache

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ddcontract.matching.nlp import Lemmatizer, tokenizer  # noqa: E402
from ddcontract.matching.compiler import compile_pattern, matcher_patterns  # noqa: E402
from ddcontract.matching.engine import Kind, Program, Tokens, shortest_matches  # noqa: E402

from conftest import CORPUS, ROOT, SAMPLES  # noqa: E402

BOUNDED = settings(max_examples=300, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def spacy_columns(text: str, lang: str, matcher) -> tuple:
    from spacy.attrs import IDX, LENGTH, LIKE_NUM, LOWER

    doc = tokenizer(lang)(text)
    cols = doc.to_array([LOWER, LIKE_NUM, IDX, LENGTH]).T.tolist() if len(doc) else [[], [], [], []]
    return (*cols, matcher.lemmatizer.lemma_hashes(cols[0], matcher.strings))


def piece_columns(text: str, matcher, pieces=None) -> tuple:
    toks = matcher.tokens(text, pieces)
    return toks.lower, toks.num, toks.idx, toks.length, toks.lemma


def assert_same_tokens(text: str, lang: str, matcher) -> None:
    got, want = piece_columns(text, matcher), spacy_columns(text, lang, matcher)
    if got != want:
        strings = matcher.strings
        pytest.fail(f"{text!r}: pieces give {[strings[h] for h in got[0]]} at {got[2]}, "
                    f"spaCy gives {[strings[h] for h in want[0]]} at {want[2]}")


TRICKY = [
    "The Supplier cannot, and won't, exceed EUR 1,000,000.",
    "Notify us at 10am or 9 p.m. (e.g., by e-mail) — U.S.-based staff; kr. 500.000,- at 5°C.",
    "  two  spaces,\tand a tab\nand a newline\u00a0and a no-break space ",
    "Gonna, Dont, Cant: (cannot) 'quoted' “curly” «angled» ‘single’ don’t",
    "Leverandøren skal senest 24 timer efter, jf. § 7, stk. 2, underrette Kunden :) (:",
    "multi-factor authentication/2FA, ISO/IEC 27001:2022 and SOC 2 Type II; https://example.com/a?b=c",
    "",
    "   ",
    "a\n\n\nb",
]


@pytest.mark.parametrize("lang", ["en", "da"])
def test_pieces_make_the_tokens_spacy_makes(library, lang):
    matcher = library.matcher(lang)
    texts = list(TRICKY)
    for path in sorted(SAMPLES.glob("*.md")) + sorted((ROOT / "scripts" / "sample_sources").glob("*.txt")):
        texts += path.read_text(encoding="utf-8").splitlines()
    matcher.pieces_of(texts[: len(texts) // 2])  # half the pieces seen in one go, the rest one by one
    for text in texts:
        assert_same_tokens(text, lang, matcher)


@pytest.mark.skipif(not (CORPUS / "txt").is_dir(), reason="CUAD corpus not present")
def test_pieces_make_the_tokens_spacy_makes_on_real_contracts(library):
    matcher = library.matcher("en")
    for path in sorted((CORPUS / "txt").glob("*.txt"))[:25]:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        for line, pieces in zip(lines, matcher.pieces_of(lines)):
            assert piece_columns(line, matcher, pieces) == spacy_columns(line, "en", matcher), line
        for line in lines:
            assert_same_tokens(line, "en", matcher)


piece_text = st.lists(
    st.one_of(st.sampled_from(["can't", "cannot", "10am", "e.g.", "U.S.", "kr.", "(a)", "€5", "5%", "24-hour",
                               "Co.", "dont", "n't", "'s", "—", ":)", "\n", "\t", "  ", "\u00a0", "ﬁnal"]),
              st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)),
    max_size=25).map(" ".join)


@BOUNDED
@given(text=piece_text)
@pytest.mark.parametrize("lang", ["en", "da"])
def test_pieces_match_spacy_on_generated_text(library, lang, text):
    assert_same_tokens(text, lang, library.matcher(lang))


# ---------------------------------------------------------------- the automaton against spaCy's Matcher


@lru_cache(maxsize=None)
def lemmatizer(lang: str) -> Lemmatizer:
    return Lemmatizer(lang, ())


def spacy_shortest(compiled, texts: list[str], lang: str, limit: int) -> list[list[tuple[int, int]]]:
    """Per text and start, the shortest match spaCy's Matcher finds (no longer than ``limit``)."""
    from spacy.matcher import Matcher

    clean, _ = matcher_patterns(compiled)
    m = Matcher(tokenizer(lang).vocab)
    m.add("k", clean)
    out = []
    for text in texts:
        best: dict[int, int] = {}
        for _, start, end in m(lemmatizer(lang)(tokenizer(lang)(text))):
            if end - start <= limit and (start not in best or end < best[start]):
                best[start] = end
        out.append(sorted(best.items()))
    return out


def engine_shortest(compiled, texts: list[str], lang: str, limit: int) -> list[list[tuple[int, int]]]:
    from spacy.attrs import IDX, LENGTH, LIKE_NUM, LOWER

    strings = tokenizer(lang).vocab.strings
    suffixes = {e for seq in compiled for tok in seq if tok.kind == Kind.SUFFIX for e in tok.values}
    programs = [Program(seq, strings.add) for seq in compiled]
    out = []
    for text in texts:
        doc = tokenizer(lang)(text)
        lower, num, idx, length = doc.to_array([LOWER, LIKE_NUM, IDX, LENGTH]).T.tolist() if len(doc) else ([],) * 4
        toks = Tokens(lower, lemmatizer(lang).lemma_hashes(lower, strings), num, idx, length,
                      lambda h: frozenset(e for e in suffixes if strings[h].endswith(e)))
        out.append(shortest_matches(programs, toks, limit))
    return out


def check_pattern(pattern: str, texts: list[str], lang: str = "en") -> None:
    compiled = compile_pattern(pattern, lang)
    _, limit = matcher_patterns(compiled)
    got, want = engine_shortest(compiled, texts, lang, limit), spacy_shortest(compiled, texts, lang, limit)
    for text, g, w in zip(texts, got, want):
        assert g == w, (pattern, text)


@pytest.mark.parametrize("lang", ["en", "da"])
def test_engine_agrees_with_spacy_on_every_rule_example(library, lang):
    n = 0
    for rule in library.rules:
        block = rule.lang(lang)
        if block is None:
            continue
        texts = [e.text for e in block.examples.positive] + list(block.examples.negative)
        for pattern in [*rule.patterns(lang), *rule.patterns(lang, unless=True)]:
            check_pattern(pattern, texts, lang)
            n += len(texts)
    assert n > 1000


WORDS = ["notify", "notified", "customer", "not", "exceed", "liability", "24", "twenty", "hours", "EUR", "€",
         "the", "of", ",", "within", "insurance", "performance", "(https://acme.example/contact)",
         "security@acme.example", "www.acme.dk", "acme.example"]
PATTERN_PARTS = ["notify", "customer", "not|never", "=not", "exceed?", "liability", "<NUM>", "<CUR>", "~1", "~3",
                 "~6", "hour", "<ANY>", "the?", "*ance", "within?", "<URL>", "<EMAIL>|hour", "<URL>?"]


@st.composite
def pattern_strings(draw):
    parts = draw(st.lists(st.sampled_from(PATTERN_PARTS), min_size=1, max_size=5))
    while parts and parts[0].startswith("~"):
        parts.pop(0)
    while parts and parts[-1].startswith("~"):
        parts.pop()
    if not parts or all(p.endswith("?") for p in parts):
        parts.append("customer")
    return " ".join(parts)


@BOUNDED
@given(pattern=pattern_strings(), words=st.lists(st.sampled_from(WORDS), max_size=30))
def test_engine_agrees_with_spacy_on_generated_patterns(pattern, words):
    from ddcontract.matching.compiler import PatternError

    try:
        compile_pattern(pattern, "en")
    except PatternError:
        return
    check_pattern(pattern, [" ".join(words)])


def test_shortest_match_respects_the_gap_bound_and_lead_in():
    compiled = compile_pattern("notify ~3 customer", "en")
    _, limit = matcher_patterns(compiled)
    texts = ["We notify the affected customer and notify a customer.", "notify a b c d customer"]
    assert engine_shortest(compiled, texts, "en", limit) == [[(1, 5), (6, 9)], []]


@pytest.mark.parametrize("lang", ["en", "da"])
def test_plain_words_and_numbers_are_one_token_each(library, lang):
    """Pieces of Latin letters or of ASCII digits skip the tokenizer (engine._PLAIN): each is one
    token, itself, unless it is a special case. Checked on the lemma table's words (English: a third
    of them; Danish: the forms the rules use), on the samples' words, in three cases, and on random
    strings of those letters. (All 1.8 million forms of both tables passed when this was written.)"""
    import random
    import re

    from ddcontract.matching.nlp import lemma_table
    from ddcontract.matching.engine import _PLAIN

    tok = tokenizer(lang)
    table = lemma_table("en") if lang == "en" else library.matcher("da").lemmatizer.table
    words = {w for pair in list(table.items())[::3 if lang == "en" else 1] for w in pair if isinstance(w, str)}
    for path in sorted(SAMPLES.glob("*.md")) + sorted((ROOT / "scripts" / "sample_sources").glob("*.txt")):
        words.update(re.findall(r"\S+", path.read_text(encoding="utf-8")))
    rnd = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyzæøåéüßçñ" + "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅÉÜÇÑ" + "àáâãäèêëìíîïòóôõöùúûýÿ"
    words.update("".join(rnd.choice(letters) for _ in range(rnd.randint(1, 12))) for _ in range(20_000))
    words.update(str(rnd.randrange(10 ** rnd.randint(1, 15))) for _ in range(5_000))
    plain = sorted({v for w in words for v in (w, w.capitalize(), w.upper())
                    if _PLAIN.fullmatch(v) and v not in tok.rules})
    assert len(plain) > 20_000
    for i in range(0, len(plain), 5_000):
        batch = plain[i:i + 5_000]
        assert [t.text for t in tok(" ".join(batch))] == batch


def test_a_full_piece_memo_starts_afresh_and_gives_the_same_tokens(library):
    """The memo of pieces is bounded: when a document's new pieces would pass the bound it is
    emptied first; tokens stay exactly spaCy's."""
    from ddcontract.matching.engine import Pieces

    matcher = library.matcher("en")
    small = Pieces(tokenizer("en"), lambda lows: matcher.lemmatizer.lemma_hashes(lows, matcher.strings),
                   matcher._atoms_of, size=10)
    texts = TRICKY + [f"Clause {n}.{n} applies to invoice no. {n * 7}, (a) and (b)." for n in range(40)]
    for text, pieces in zip(texts, small.lookup(texts)):
        toks = small.tokens(text, matcher._endings, pieces)
        assert (toks.lower, toks.num, toks.idx, toks.length, toks.lemma) == spacy_columns(text, "en", matcher)
    assert len(small.memo) > 10  # one document's pieces are all kept while it is matched
    small.lookup(["entirely new words here now", "and more of them still"])
    assert len(small.memo) <= 10 and "Supplier" not in small.memo  # then it started afresh


@pytest.mark.parametrize("pattern, text", [
    # the Danish table reads "databehandler" as the verb "databehandle", "når" (when) as "nå" (reach) and
    # "forsæt" (intent) as "forsætte": written in a pattern, each still matches itself
    ("databehandler ~8 underrette", "Enhver databehandler skal underrette den dataansvarlige."),
    ("når ~6 ophøre", "Når aftalen ophører, slettes data."),
    ("forsæt ~3 grov", "Ansvaret gælder ved forsæt eller grov uagtsomhed."),
    ("*underdatabehandler ~6 godkende", "Enhver ny underdatabehandler skal godkendes."),
])
def test_a_rule_word_matches_itself_as_written(library, pattern, text):
    """Read as the library reads Danish (its selective lemma table), each sentence matches."""
    matcher = library.matcher("da")
    compiled = compile_pattern(pattern, "da")
    _, limit = matcher_patterns(compiled)
    toks = matcher.tokens(text, matcher.pieces_of([text])[0])
    programs = [Program(seq, matcher.strings.add) for seq in compiled]
    assert shortest_matches(programs, toks, limit), (pattern, text)
