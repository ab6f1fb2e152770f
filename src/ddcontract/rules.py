"""The clause library: rules as YAML data, validated strictly on load.

One YAML file per family (``clause_library/liability.yaml``, ``notification.yaml`` …)::

    family: liability
    rules:
      - id: liability-cap                 # unique across the library
        requirement: DD-4.6               # or  flag: WF-2
        signal: cap                       # what a match tells the requirement (see catalogue)
        window: sentence                  # sentence | list | clause: text the values come from
        extract: [money, cap_formula]     # value extractors (ddcontract.values)
        sets: {}                          # fixed values a match contributes, e.g. {aspects: [deletion]}
        message: "Liability is capped: {amount} {currency} {formula}"
        suggestion: "Clause text a user can paste."
        languages:
          en:
            patterns: ["liability ~8 not exceed"]
            unless: ["unlimited"]
            heading_any: []               # optional: only in clauses whose heading has one of these
            examples:
              positive: [{text: "…", values: {currency: EUR}}]
              negative: ["…"]

Pattern language (one pattern = one sequence of tokens, matched case-insensitively on lemmas):

    word            the word or any inflection of it (lemma match): "notify" ~ "notified";
                    write the dictionary form ("forsikring", "underrette", "notify")
    *word           a word ending in it, inflected: "*forsikring" ~ "cyberforsikringen",
                    "forsikringen"; for Danish compounds
    a|b|c           any of the words
    =word           exactly this word (lower-case), no inflections; "=a|=b" for several
    word?           optional
    ~N              up to N tokens of anything (N <= 40); a match never leaves its sentence.
                    The bounds are enforced on the whole match: it may be no longer than
                    its words plus the sum of its gaps
    <NUM>           a number, in digits or words
    <CUR>           a currency code, symbol or name (EUR, €, dollars, kr.); classes may be
                    alternatives too: <CUR>|fee|amount
    <ANY>           exactly one token of anything
    multi-factor    words the tokenizer splits match as a sequence, also inside a|b alternatives

Unknown keys, unknown requirements, signals or extractors, and patterns that do not compile are
errors that name the file, the rule and the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .requirements import BY_ID, FLAG_BY_ID
from .errors import RuleError

if TYPE_CHECKING:
    from .tokenmatch import Program

EXTRACTORS = ("deadline", "money", "cap_formula", "insurance", "channels", "elements", "owner", "notice_parties")
SET_KEYS = ("aspects", "elements", "channels", "types")
MAX_GAP = 40

CURRENCY_WORDS = (
    "eur euro euros € usd us$ $ dollar dollars gbp £ pound pounds sterling dkk kr kr. kroner "
    "sek nok chf cad aud jpy ¥ yen"
).split()


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    values: dict[str, Any] = Field(default_factory=dict)


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid")
    positive: list[Example] = Field(min_length=1)
    negative: list[str] = Field(min_length=1)

    @field_validator("positive", mode="before")
    @classmethod
    def _strings_are_examples(cls, v: Any) -> Any:
        if isinstance(v, list):
            return [{"text": x} if isinstance(x, str) else x for x in v]
        return v


class LanguageBlock(BaseModel):
    model_config = ConfigDict(extra="forbid")
    patterns: list[str] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list)
    heading_any: list[str] = Field(default_factory=list)
    suggestion: str | None = None
    message: str | None = None
    examples: Examples


class RuleModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    requirement: str | None = None
    flag: str | None = None
    signal: str = "present"
    window: Literal["sentence", "list", "clause"] = "sentence"
    extract: list[str] = Field(default_factory=list)
    sets: dict[str, list[str]] = Field(default_factory=dict)
    message: str = Field(min_length=1)
    suggestion: str = ""
    description: str = ""
    languages: dict[Literal["en", "da"], LanguageBlock] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> RuleModel:
        if (self.requirement is None) == (self.flag is None):
            raise ValueError("[requirement] give exactly one of 'requirement' (e.g. DD-4.6) or 'flag' (e.g. WF-2)")
        if self.requirement is not None:
            req = BY_ID.get(self.requirement)
            if req is None:
                raise ValueError(f"[requirement] unknown requirement {self.requirement!r}; known: {', '.join(BY_ID)}")
            if self.signal not in req.signals:
                raise ValueError(f"[signal] signal {self.signal!r} is not one of {self.requirement}'s signals: "
                                 f"{', '.join(req.signals)}")
        elif self.flag not in FLAG_BY_ID:
            raise ValueError(f"[flag] unknown flag {self.flag!r}; known: {', '.join(FLAG_BY_ID)}")
        for name in self.extract:
            if name not in EXTRACTORS:
                raise ValueError(f"[extract] unknown extractor {name!r}; known: {', '.join(EXTRACTORS)}")
        for key in self.sets:
            if key not in SET_KEYS:
                raise ValueError(f"[sets] unknown key {key!r}; known: {', '.join(SET_KEYS)}")
        return self


# ---------------------------------------------------------------- pattern compiler


class PatternError(ValueError):
    pass


_CLASSES: dict[str, dict[str, Any]] = {
    "<NUM>": {"LIKE_NUM": True},
    "<CUR>": {"LOWER": {"IN": CURRENCY_WORDS}},
}


MAX_EXPANSIONS = 64


# patterns compiled in an earlier run, read back from the cache with their rule file (see load_file)
_PRECOMPILED: dict[tuple[str, str], list[list[dict[str, Any]]]] = {}


def compile_pattern(pattern: str, lang: str) -> list[list[dict[str, Any]]]:
    """Turn one pattern string into spaCy Matcher token patterns (cached; do not modify the result).

    Loading the library validates every pattern and matching compiles them again: the cache makes
    the second time free. A rule file whose exact bytes were compiled before brings its compiled
    patterns from the disk cache, so a new process does not compile them again."""
    got = _PRECOMPILED.get((pattern, lang))
    return got if got is not None else _compile_cached(pattern, lang)


@lru_cache(maxsize=8192)
def _compile_cached(pattern: str, lang: str) -> list[list[dict[str, Any]]]:
    """Turn one pattern string into spaCy Matcher token patterns.

    An alternative that the tokenizer splits ("multi-factor", "e-mail") becomes a token sequence,
    so a pattern with such alternatives expands into several Matcher patterns.
    """
    from itertools import product

    from .nlp import pattern_lemma, tokenizer

    nlp = tokenizer(lang)
    parts = pattern.split()
    if not parts:
        raise PatternError("empty pattern")
    slots: list[list[list[dict[str, Any]]]] = []  # per part: alternatives, each a token sequence
    for part in parts:
        if part.startswith("~"):
            n = part[1:]
            if not n.isdigit() or not 1 <= int(n) <= MAX_GAP:
                raise PatternError(f"gap {part!r} must be ~1 … ~{MAX_GAP}")
            # spaCy expands {0,N} into N optional tokens, whose states multiply; "*" is cheap.
            # The bound is enforced afterwards on the match's length (see max_length).
            slots.append([[{"OP": "*", "_gap": int(n)}]])
            continue
        optional = part.endswith("?") and len(part) > 1
        if optional:
            part = part[:-1]
        opt = {"OP": "?"} if optional else {}
        if part == "<ANY>":
            slots.append([[{**opt}] if opt else [{}]])
            continue
        alts = part.split("|")
        classes: list[list[dict[str, Any]]] = []
        for cls in [a for a in alts if a.startswith("<")]:
            if cls not in _CLASSES:
                raise PatternError(f"unknown class {cls!r}; known: {', '.join(_CLASSES)}, <ANY>")
            classes.append([{**_CLASSES[cls], **opt}])
        alts = [a for a in alts if not a.startswith("<")]
        if not alts:
            slots.append(classes)
            continue
        if any(not a or a == "=" for a in alts):
            raise PatternError(f"empty alternative in {part!r}")
        kinds = {a.startswith("=") for a in alts}
        if len(kinds) > 1:
            raise PatternError(f"{part!r} mixes exact (=) and lemma alternatives; use one kind")
        exact = alts[0].startswith("=")
        singles: list[str] = []
        suffixes: list[str] = []
        sequences: list[list[dict[str, Any]]] = []
        for a in alts:
            word = a.lstrip("=")
            if word.startswith("*"):
                word = word[1:].lower()
                if exact or len(word) < 3 or not re.fullmatch(r"[^\W\d_][\w-]*", word):
                    raise PatternError(f"{a!r}: a '*' word needs at least three letters after the '*' "
                                       "and cannot be exact (=)")
                suffixes.append(pattern_lemma(word, lang))
                continue
            toks = [t.text for t in nlp(word)]
            if len(toks) == 1:
                singles.append(word.lower() if exact else pattern_lemma(word, lang))
            else:
                if optional:
                    raise PatternError(f"optional {part!r} cannot hold a multi-token word")
                sequences.append([{"LOWER": t.lower()} if exact else {"LEMMA": pattern_lemma(t, lang)} for t in toks])
        options: list[list[dict[str, Any]]] = []
        if singles:
            key = "LOWER" if exact else "LEMMA"
            value: Any = singles[0] if len(singles) == 1 else {"IN": sorted(set(singles))}
            options.append([{key: value, **opt}])
        if suffixes:
            regex = "(?:" + "|".join(re.escape(x) for x in sorted(set(suffixes))) + ")$"
            options.append([{"LEMMA": {"REGEX": regex}, "_suffixes": sorted(set(suffixes)), **opt}])
        options.extend(sequences)
        options.extend(classes)
        slots.append(options)
    first, last = slots[0][0][0], slots[-1][0][-1]
    if "_gap" in first or "_gap" in last:
        raise PatternError("a pattern cannot start or end with a gap")
    if all(all(tok.get("OP") for seq in slot for tok in seq) for slot in slots):
        raise PatternError("the pattern has no required token")
    total = 1
    for slot in slots:
        total *= len(slot)
    if total > MAX_EXPANSIONS:
        raise PatternError(f"multi-token alternatives expand to {total} patterns (max {MAX_EXPANSIONS})")
    return [[tok for seq in combo for tok in seq] for combo in product(*slots)]


def longest_span(compiled: list[list[dict[str, Any]]]) -> int:
    """The most tokens a match of the pattern may cover: its words plus the sum of its gaps."""
    return max(sum(tok.get("_gap", 1) for tok in seq) for seq in compiled)


def matcher_patterns(compiled: list[list[dict[str, Any]]]) -> tuple[list[list[dict[str, Any]]], int]:
    """The patterns as spaCy's Matcher takes them (gap bounds and '*' endings stripped), and
    :func:`longest_span`. The tests run spaCy's Matcher on them as the reference for the engine."""
    clean = [[{"OP": "*"} if "_gap" in tok else {k: v for k, v in tok.items() if k != "_suffixes"} for tok in seq]
             for seq in compiled]
    return clean, longest_span(compiled)


# ---------------------------------------------------------------- the loaded library


@dataclass
class Rule:
    """A validated rule, with the file it came from."""

    model: RuleModel
    file: str
    family: str

    @property
    def id(self) -> str:
        return self.model.id

    @property
    def target(self) -> str:
        return self.model.requirement or self.model.flag or ""

    @property
    def is_flag(self) -> bool:
        return self.model.flag is not None

    def lang(self, lang: str) -> LanguageBlock | None:
        return self.model.languages.get(lang)  # type: ignore[call-overload]

    def suggestion(self, lang: str) -> str:
        block = self.lang(lang)
        return (block.suggestion if block and block.suggestion else self.model.suggestion).strip()

    def message(self, lang: str) -> str:
        block = self.lang(lang)
        return (block.message if block and block.message else self.model.message).strip()


@dataclass
class Library:
    rules: list[Rule] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    _compiled: dict[str, CompiledPatterns] = field(default_factory=dict, repr=False)

    def for_target(self, target: str) -> list[Rule]:
        return [r for r in self.rules if r.target == target]

    def by_id(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def languages(self) -> set[str]:
        return {lang for r in self.rules for lang in r.model.languages}

    def matcher(self, lang: str) -> CompiledPatterns:
        """Every pattern of every rule in ``lang``, compiled once."""
        if lang not in self._compiled:
            from . import gcpolicy

            self._compiled[lang] = CompiledPatterns(self, lang)
            gcpolicy.release()  # the pipeline is loaded (see gcpolicy)
        return self._compiled[lang]


_Spec = tuple[str, frozenset[str]]  # ("LEMMA" | "LOWER" | "SUFFIX", accepted values)


def _required_specs(tokens: list[dict[str, Any]]) -> list[_Spec]:
    specs = []
    for tok in tokens:
        if tok.get("OP") in ("?", "*") or "_gap" in tok:
            continue
        if "_suffixes" in tok:
            specs.append(("SUFFIX", frozenset(tok["_suffixes"])))
            continue
        for attr in ("LEMMA", "LOWER"):
            if attr in tok:
                val = tok[attr]
                specs.append((attr, frozenset(val["IN"] if isinstance(val, dict) else [val])))
    return specs


def _lemma_words(compiled: list[list[dict[str, Any]]]) -> set[str]:
    """The lemmas and '*' endings a compiled pattern refers to (for the selective lemma table)."""
    words: set[str] = set()
    for seq in compiled:
        for tok in seq:
            words.update(tok.get("_suffixes", ()))
            val = tok.get("LEMMA")
            if isinstance(val, str):
                words.add(val)
            elif isinstance(val, dict) and "IN" in val:
                words.update(val["IN"])
    return words


def _normalise(tok: dict[str, Any], lemmatizer) -> dict[str, Any]:
    val = tok.get("LEMMA")
    if isinstance(val, str):
        return {**tok, "LEMMA": lemmatizer.lemma(val)}
    if isinstance(val, dict) and "IN" in val:
        return {**tok, "LEMMA": {"IN": sorted({lemmatizer.lemma(v) for v in val["IN"]})}}
    return tok


class CompiledPatterns:
    """The clause library's patterns in one language, compiled for the pattern engine
    (:mod:`ddcontract.tokenmatch`), behind an index.

    A pattern can only match a sentence that contains each of its required words, so each pattern
    is filed under its most selective required word; a sentence runs only the patterns whose
    required words it contains.
    """

    def __init__(self, library: Library, lang: str) -> None:
        from .nlp import Lemmatizer, tokenizer
        from .tokenmatch import Pieces

        vocab = tokenizer(lang).vocab
        self.strings = vocab.strings
        # each pattern's automata, built the first time a sentence could match it (most never are)
        self.programs: dict[str, list[Program]] = {}
        self._normalised: dict[str, list[list[dict[str, Any]]]] = {}
        self.unless: set[str] = set()
        self.limits: dict[str, int] = {}
        self.always: set[str] = set()  # patterns with no required word: a candidate in every sentence
        self.suffixes: set[str] = set()
        self._suffix_memo: dict[int, frozenset[str]] = {}
        self._text_suffix_memo: dict[str, frozenset[str]] = {}
        # a sentence's hits by (text, lead-in length), filled by match.match_clauses
        self.hits: dict[tuple[str, int], list[tuple[str, int, int, str]]] = {}
        # (attr, word) atom -> the patterns filed under it (see candidates)
        self.index_text: dict[tuple[str, str], set[str]] = {}
        # each pattern's required words as (attr, word) atoms, per alternative: the atoms all
        # required, and the sets of which one is; and every atom some pattern requires
        self.required_atoms: dict[str, list[tuple[frozenset, tuple[frozenset, ...]]]] = {}
        self.relevant: set[tuple[str, str]] = set()
        compiled_all: list[tuple[str, list[list[dict[str, Any]]]]] = []
        words: set[str] = set()
        for rule in library.rules:
            block = rule.lang(lang)
            if block is None:
                continue
            for kind, patterns in (("p", block.patterns), ("u", block.unless)):
                for i, pattern in enumerate(patterns):
                    compiled = compile_pattern(pattern, lang)
                    words |= _lemma_words(compiled)
                    compiled_all.append((f"{rule.id}#{kind}{i}", compiled))
        self.lemmatizer = Lemmatizer(lang, words)
        self.pieces = Pieces(tokenizer(lang), lambda lows: self.lemmatizer.lemma_hashes(lows, self.strings),
                             self._atoms_of)
        for key, compiled in compiled_all:
            # a pattern word is normalised exactly as a token of the text would be: in Danish
            # "senest" is a form of "sen" once some rule uses "sen", and then both sides say "sen"
            compiled = [[_normalise(tok, self.lemmatizer) for tok in seq] for seq in compiled]
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
                # filed under its most selective required word
                attr, values = min(specs, key=lambda spec: len(spec[1]))
                for v in values:
                    self.index_text.setdefault((attr, v), set()).add(key)
                for attr, values in specs:
                    if attr == "SUFFIX":
                        self.suffixes |= values

    def pieces_of(self, texts: Iterable[str]) -> list[list[Any]]:
        """Each text's whitespace-separated pieces, tokenized (see :class:`ddcontract.tokenmatch.Pieces`);
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
            atoms.add(("LEMMA", lemma))
            if self.suffixes:
                atoms.update(("SUFFIX", e) for e in self._text_endings(lemma))
        return frozenset(atoms & self.relevant)

    def _text_endings(self, lemma: str) -> frozenset[str]:
        got = self._text_suffix_memo.get(lemma)
        if got is None:
            got = frozenset(s for s in self.suffixes if lemma.endswith(s))
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
        """A sentence as the pattern engine reads it (:class:`ddcontract.tokenmatch.Tokens`);
        ``pieces``: its pieces from :meth:`pieces_of`, if at hand."""
        return self.pieces.tokens(text, self._endings, pieces)

    def __call__(self, toks, keys: list[str], min_end: int = 0) -> list[tuple[str, int, int]]:
        """(pattern key, start, end) token offsets: for each of ``keys`` (from :meth:`candidates`),
        in that order, its shortest match from each token that ends at or after token ``min_end``
        (an ``unless`` pattern: its first match, at any end), by start."""
        from .tokenmatch import Program, shortest_matches

        out: list[tuple[str, int, int]] = []
        for key in keys:
            unless = key in self.unless
            programs = self.programs.get(key)
            if programs is None:
                programs = self.programs[key] = [Program(seq, self.strings.add) for seq in self._normalised[key]]
            for start, end in shortest_matches(programs, toks, self.limits[key],
                                               0 if unless else min_end, first_only=unless):
                out.append((key, start, end))
        return out


def default_library_dir() -> Path:
    """``clause_library/`` inside the installed package, or at the repository root."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "clause_library", here.parent.parent / "clause_library"):
        if candidate.is_dir():
            return candidate
    raise RuleError(str(here / "clause_library"), None, None, "the bundled clause library is missing")


def _format_pydantic_error(err: dict[str, Any]) -> tuple[str, str]:
    loc = ".".join(str(x) for x in err.get("loc", ()))
    msg = err.get("msg", "invalid")
    if err.get("type") == "extra_forbidden":
        msg = "unknown key (check the spelling; allowed keys are listed in the module docs of ddcontract.rules)"
    elif err.get("type") == "missing":
        msg = "required field is missing"
    msg = msg.removeprefix("Value error, ")
    m = re.match(r"\[(\w+)\] ", msg)
    if m:  # a cross-field check names its field in brackets
        loc, msg = m.group(1), msg[m.end():]
    return loc or "(rule)", msg


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster


def _validated_marker(text: str, path: Path) -> Path | None:
    """The cache file saying these exact rule-file bytes passed pattern validation with this
    pattern compiler and these spaCy and lookup tables, and holding the compiled patterns; None when
    there is no usable cache folder."""
    import hashlib

    from .nlp import cache_dir

    compiler = _compiler_digest()
    if compiler is None:
        return None
    key = hashlib.sha256(text.encode("utf-8") + compiler).hexdigest()[:24]
    return cache_dir() / "validated" / f"{path.stem}-{key}.json"


@lru_cache(maxsize=1)
def _compiler_digest() -> bytes | None:
    """The pattern compiler's identity, read once per process: its source, ddcontract's version, and
    the versions of spaCy (its tokenizer splits pattern words) and of the lookup tables (they give
    the lemmas), read from their about.py files without importing them."""
    import hashlib
    import importlib.util

    from . import __version__

    try:
        parts = [Path(__file__).read_bytes(), Path(__file__).with_name("nlp.py").read_bytes(), __version__.encode()]
        for package in ("spacy", "spacy_lookups_data"):
            spec = importlib.util.find_spec(package)
            if spec is not None and spec.origin:
                parts.append(Path(spec.origin).with_name("about.py").read_bytes())
    except (OSError, ImportError, ValueError):
        return None
    return hashlib.sha256(b"\0".join(parts)).digest()


def _read_compiled(marker: Path) -> bool:
    """Load the compiled patterns a marker holds; False when it is missing or unreadable."""
    import json

    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        for lang, patterns in data["compiled"].items():
            for pattern, compiled in patterns.items():
                _PRECOMPILED[(pattern, lang)] = compiled
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        return False
    return True


def _write_compiled(marker: Path, compiled: dict[str, dict[str, Any]]) -> None:
    import json
    import os
    import tempfile

    try:  # a read-only cache only costs the time saved
        marker.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=marker.parent, prefix=".compiled-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"compiled": compiled}, fh, ensure_ascii=False)
        os.replace(tmp, marker)
        _prune_markers(marker)
    except OSError:
        pass


MARKERS_KEPT = 4  # per rule file: other versions of it, or of ddcontract, in use on this machine


def _prune_markers(marker: Path) -> None:
    """Drop the oldest cache files of the same rule file (each edit of it makes a new one)."""
    stem = marker.name.rsplit("-", 1)[0]
    older = sorted((p for p in marker.parent.glob(f"{stem}-*") if p != marker and p.name.rsplit("-", 1)[0] == stem),
                   key=lambda p: p.stat().st_mtime, reverse=True)
    for old in older[MARKERS_KEPT - 1:]:
        try:
            old.unlink()
        except OSError:
            pass


def load_file(path: Path, validate: bool = True) -> list[Rule]:
    """Read and check one rule file. Every pattern is compiled once to prove it valid; a file whose
    exact bytes passed before is not compiled again: its compiled patterns come from the cache (see
    :func:`_validated_marker`). ``validate=False`` skips the patterns altogether."""
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise RuleError(str(path), None, None, f"not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    except OSError as exc:
        raise RuleError(str(path), None, None, f"cannot read: {exc.strerror}") from None
    if not isinstance(data, dict):
        raise RuleError(str(path), None, None, "expected a mapping with 'family' and 'rules'")
    unknown = set(data) - {"family", "description", "rules"}
    if unknown:
        raise RuleError(str(path), None, ", ".join(sorted(unknown)), "unknown top-level key "
                        "(allowed: family, description, rules)")
    family = data.get("family")
    if not isinstance(family, str) or not family:
        raise RuleError(str(path), None, "family", "required: the family name, e.g. 'liability'")
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise RuleError(str(path), None, "rules", "required: a non-empty list of rules")
    rules: list[Rule] = []
    for index, raw in enumerate(raw_rules):
        rid = raw.get("id") if isinstance(raw, dict) else None
        name = str(rid) if rid else f"#{index + 1}"
        if not isinstance(raw, dict):
            raise RuleError(str(path), name, None, "a rule must be a mapping")
        try:
            model = RuleModel.model_validate(raw)
        except ValidationError as exc:
            loc, msg = _format_pydantic_error(exc.errors()[0])
            raise RuleError(str(path), name, loc, msg) from None
        rules.append(Rule(model=model, file=str(path), family=family))
    marker = _validated_marker(text, path) if validate else None
    if validate and not (marker is not None and _read_compiled(marker)):
        compiled = _compile_patterns(rules, path)
        if marker is not None:
            _write_compiled(marker, compiled)
    return rules


def _compile_patterns(rules: list[Rule], path: Path) -> dict[str, dict[str, Any]]:
    """Every pattern of the rules compiled (language -> pattern -> compiled); the first that does
    not compile is an error naming the file, the rule and the field."""
    compiled: dict[str, dict[str, Any]] = {}
    for rule in rules:
        for lang, block in rule.model.languages.items():
            for kind in ("patterns", "unless"):
                for i, pattern in enumerate(getattr(block, kind)):
                    try:
                        compiled.setdefault(lang, {})[pattern] = compile_pattern(pattern, lang)
                    except PatternError as exc:
                        raise RuleError(str(path), rule.id, f"languages.{lang}.{kind}[{i}]",
                                        f"{exc} in pattern {pattern!r}") from None
    return compiled


def load_library(extra_dirs: list[Path] | None = None, include_default: bool = True) -> Library:
    """Load the bundled library plus any user directories (``--rules DIR``)."""
    dirs: list[Path] = [default_library_dir()] if include_default else []
    dirs += list(extra_dirs or [])
    lib = Library()
    seen: dict[str, str] = {}
    for d in dirs:
        if not d.is_dir():
            raise RuleError(str(d), None, None, "not a directory of rule files")
        files = sorted(list(d.glob("*.yaml")) + list(d.glob("*.yml")))
        if not files:
            raise RuleError(str(d), None, None, "contains no .yaml rule files")
        for f in files:
            for rule in load_file(f):
                if rule.id in seen:
                    raise RuleError(str(f), rule.id, "id", f"duplicate rule id (also in {seen[rule.id]})")
                seen[rule.id] = str(f)
                lib.rules.append(rule)
        lib.sources.append(str(d))
    for target in {r.target for r in lib.rules if not r.is_flag}:
        rules = lib.for_target(target)
        if not any(r.model.suggestion or any(b.suggestion for b in r.model.languages.values()) for r in rules):
            raise RuleError(rules[0].file, rules[0].id, "suggestion",
                            f"no rule for {target} has a 'suggestion' (clause text to propose when it is missing)")
    return lib
