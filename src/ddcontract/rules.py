"""The clause library: rules as YAML data, validated strictly on load.

One YAML file per family (``clause_library/liability.yaml``, ``notification.yaml`` …)::

    family: liability
    words:                                # optional: named word lists, per language (see below)
      en:
        exceed: "exceed|surpass"
    rules:
      - id: liability-cap                 # unique across the library
        requirement: <requirement ID>     # or  flag: <flag ID>  (the IDs of ddcontract.requirements)
        signal: cap                       # what a match tells the requirement (its `signals`)
        window: sentence                  # sentence | list | clause: text the values come from
        together_with: []                 # optional: counts only in a part of the contract (the clause, or
                                          # its numbered section) where one of these rules matches too
        extract: [money, cap_formula]     # value extractors (ddcontract.values)
        sets: {}                          # fixed values a match contributes, e.g. {aspects: [deletion]}
        message: "Liability is capped: {amount} {currency} {formula}"
        suggestion: "Clause text a user can paste."   # the preferred position
        fallback: "A weaker clause still acceptable." # optional: the position to fall back to if the
                                          # preferred one is refused; needs a suggestion, must differ from it
        languages:
          en:
            patterns: ["liability ~8 not @exceed"]
            unless: ["unlimited"]
            heading_any: []               # optional: only in clauses whose heading has one of these
            suggestion: "…"               # optional: the language's own texts (else the rule's)
            fallback: "…"
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
    <URL>           a web address (https://…, www.…); <EMAIL> an e-mail address (name@example.com)
    multi-factor    words the tokenizer splits match as a sequence, also inside a|b alternatives
    @name           the file's word list ``name`` in the pattern's language, written out as its
                    alternatives: as a whole token ("@liability ~8 <CUR>", "@liability?") or as
                    alternatives among others ("loft|@liability")

Word lists: a list that many patterns of a file share is named once under ``words:``, per language,
as one string of alternatives ("a|*b|=c|<NUM>"; spaces around the ``|`` are allowed, so a long list
may be folded over lines with ``>-``). A list holds no gaps, no ``?`` and no other lists. A pattern
with lists compiles, matches and is reported exactly as the pattern with the lists written out.

A suggestion and a fallback may hold the requirements' placeholders (``{notice_deadline}``,
``{insurance_minimum}``, ``{notice_deadline_max}`` …), filled from the policy by ``wording``; any other
``{name}`` is an error. A fallback whose placeholder the policy leaves without a value is not offered.

Unknown keys, unknown requirements, signals, extractors or languages, patterns that do not compile,
an ``@name`` the file does not define in that language, a list in an unknown language, a malformed
list and a list that no pattern uses are errors that name the file, the rule (if any) and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from .requirements import BY_ID, FLAG_BY_ID, PLACEHOLDERS
from .errors import RuleError
from .langs import check_language
from .rulewords import check_references, word_lists
from .yamlfile import YamlProblem, compose, field_loc, line_of, read_yaml

if TYPE_CHECKING:
    from .matching.index import CompiledPatterns

EXTRACTORS = ("deadline", "money", "cap_formula", "insurance", "channels", "elements", "owner", "notice_parties",
              "retention", "audit_triggers", "certifications", "roles")
SET_KEYS = ("aspects", "elements", "channels", "types")
TOP_LEVEL_KEYS = ("family", "description", "words", "rules")


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


_PLACEHOLDER = re.compile(r"\{(\w+)\}")  # as wording.fill_suggestion fills them


def _known_placeholders(text: str | None) -> str | None:
    """A suggestion's (or a fallback's) ``{name}``s are the policy's placeholders, or a typo would go
    into the clause."""
    unknown = sorted({name for name in _PLACEHOLDER.findall(text or "") if name not in PLACEHOLDERS})
    if unknown:
        raise ValueError(f"unknown placeholder {', '.join('{' + n + '}' for n in unknown)}; a suggestion may use "
                         f"{', '.join('{' + n + '}' for n in PLACEHOLDERS)}")
    return text


class LanguageBlock(BaseModel):
    model_config = ConfigDict(extra="forbid")
    patterns: list[str] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list)
    heading_any: list[str] = Field(default_factory=list)
    suggestion: str | None = None
    fallback: str | None = None  # the fallback position beside the suggestion (the preferred one)
    message: str | None = None
    examples: Examples

    _suggestion = field_validator("suggestion", "fallback")(_known_placeholders)


class RuleModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    requirement: str | None = None
    flag: str | None = None
    signal: str = "present"
    window: Literal["sentence", "list", "clause"] = "sentence"
    together_with: list[str] = Field(default_factory=list)  # rule IDs: counts only where one of them matches too
    extract: list[str] = Field(default_factory=list)
    sets: dict[str, list[str]] = Field(default_factory=dict)
    message: str = Field(min_length=1)
    suggestion: str = ""
    fallback: str = ""
    description: str = ""
    languages: dict[str, LanguageBlock] = Field(min_length=1)

    _suggestion = field_validator("suggestion", "fallback")(_known_placeholders)

    @field_validator("languages", mode="before")
    @classmethod
    def _known_languages(cls, v: Any) -> Any:
        if isinstance(v, dict):
            for lang in v:
                check_language(lang)
        return v

    @field_validator("requirement")
    @classmethod
    def _known_requirement(cls, v: str | None) -> str | None:
        if v is not None and v not in BY_ID:
            raise ValueError(f"unknown requirement {v!r}; known: {', '.join(BY_ID)}")
        return v

    @field_validator("flag")
    @classmethod
    def _known_flag(cls, v: str | None) -> str | None:
        if v is not None and v not in FLAG_BY_ID:
            raise ValueError(f"unknown flag {v!r}; known: {', '.join(FLAG_BY_ID)}")
        return v

    @field_validator("signal")
    @classmethod
    def _signal_of_the_requirement(cls, v: str, info: ValidationInfo) -> str:
        req = BY_ID.get(info.data.get("requirement") or "")
        if req is not None and v not in req.signals:
            raise ValueError(f"signal {v!r} is not one of {req.id}'s signals: {', '.join(req.signals)}")
        return v

    @field_validator("extract")
    @classmethod
    def _known_extractors(cls, v: list[str]) -> list[str]:
        unknown = [name for name in v if name not in EXTRACTORS]
        if unknown:
            raise ValueError(f"unknown extractor {', '.join(map(repr, unknown))}; known: {', '.join(EXTRACTORS)}")
        return v

    @field_validator("sets")
    @classmethod
    def _known_set_keys(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = [key for key in v if key not in SET_KEYS]
        if unknown:
            raise ValueError(f"unknown key {', '.join(map(repr, unknown))}; known: {', '.join(SET_KEYS)}")
        return v

    @model_validator(mode="after")
    def _check(self) -> RuleModel:
        if (self.requirement is None) == (self.flag is None):
            raise ValueError(f"[requirement] give exactly one of 'requirement' (e.g. {next(iter(BY_ID))}) or 'flag' "
                             f"(e.g. {next(iter(FLAG_BY_ID))})")
        for lang, block in self.languages.items():  # a fallback is the second position, after a preferred one
            fallback = (block.fallback or self.fallback).strip()
            suggestion = (block.suggestion or self.suggestion).strip()
            if fallback and not suggestion:
                raise ValueError(f"[fallback] a fallback needs a suggestion (the preferred text) in {lang!r}")
            if fallback and fallback.split() == suggestion.split():
                raise ValueError(f"[fallback] the fallback repeats the suggestion in {lang!r}; give a weaker "
                                 "position or leave it out")
        return self


# ---------------------------------------------------------------- the loaded library


@dataclass
class Rule:
    """A validated rule, with the file it came from."""

    model: RuleModel
    file: str
    family: str
    words: dict[str, dict[str, str]] = field(default_factory=dict)  # the file's word lists: lang -> name -> words
    index: int = 0  # its place in the file's `rules:` list

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
        return self.model.languages.get(lang)

    def patterns(self, lang: str, unless: bool = False) -> list[str]:
        """The rule's patterns (``unless``: its unless patterns) in ``lang``, with the file's named
        word lists written out: the text the compiler compiles and a match reports."""
        from .matching.compiler import expand_word_lists

        block = self.lang(lang)
        lists = self.words.get(lang, {})
        return [expand_word_lists(p, lists) for p in (block.unless if unless else block.patterns)] if block else []

    def suggestion(self, lang: str) -> str:
        block = self.lang(lang)
        return (block.suggestion if block and block.suggestion else self.model.suggestion).strip()

    def fallback(self, lang: str) -> str:
        """The fallback position in ``lang`` ("" when the rule has none)."""
        block = self.lang(lang)
        return (block.fallback if block and block.fallback else self.model.fallback).strip()

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
            from .matching.index import CompiledPatterns

            self._compiled[lang] = CompiledPatterns(self, lang)
            gcpolicy.release()  # the pipeline is loaded (see gcpolicy)
        return self._compiled[lang]



def default_library_dir() -> Path:
    """``clause_library/`` inside the installed package, or at the repository root."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "clause_library", here.parent.parent / "clause_library"):
        if candidate.is_dir():
            return candidate
    raise RuleError(str(here / "clause_library"), None, None, "the bundled clause library is missing")


def _format_pydantic_error(err: dict[str, Any]) -> tuple[str, str]:
    parts = [f"[{x}]" if isinstance(x, int) else str(x) for x in err.get("loc", ()) if x != "[key]"]
    loc = ".".join(parts).replace(".[", "[")
    msg = err.get("msg", "invalid")
    if "[key]" in err.get("loc", ()):
        msg = f"{msg} (the key)"
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


class _Problems:
    """A rule file's problems, gathered so that all of them are reported at once, each on its line
    (found in the file's node tree only when there is a problem to place)."""

    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text
        self.found: list[tuple[str | None, str | None, str, tuple[Any, ...]]] = []
        self.rule_index: dict[str, int] = {}  # rule name (its id, or "#n") -> its place in `rules:`
        self.bad_lists: set[tuple[Any, Any]] = set()  # (language, name) of word lists that are invalid

    def add(self, rule: str | None, field: str | None, problem: str, loc: tuple[Any, ...] | None = None) -> None:
        if loc is None:
            inner = field_loc(field) if field else ()
            loc = ("rules", self.rule_index[rule], *inner) if rule in self.rule_index else inner
        self.found.append((rule, field, problem, loc))

    def add_error(self, err: RuleError) -> None:
        for e in (err, *err.more):
            self.add(e.rule, e.field, e.problem)

    def raise_any(self) -> None:
        if not self.found:
            return
        root = compose(self.text, _YAML_LOADER)
        errors = sorted((RuleError(str(self.path), rule, field, problem, line_of(root, loc))
                         for rule, field, problem, loc in self.found), key=lambda e: e.line or 0)
        raise RuleError(errors[0].file, errors[0].rule, errors[0].field, errors[0].problem, errors[0].line,
                        more=tuple(errors[1:]))


def load_file(path: Path, validate: bool = True) -> list[Rule]:
    """Read and check one rule file. Every pattern is compiled once to prove it valid; a file whose
    exact bytes passed before is not compiled again: its compiled patterns come from the cache (see
    :mod:`ddcontract.matching.diskcache`). ``validate=False`` does not compile the patterns (the names
    of the word lists they use are checked all the same). A :class:`RuleError` reports every problem
    of the file (its ``more``), each with its line."""
    try:
        text, data = read_yaml(path, loader=_YAML_LOADER)
    except YamlProblem as exc:
        raise RuleError(str(path), None, None, exc.cause, exc.line) from None
    if not isinstance(data, dict):
        raise RuleError(str(path), None, None, "expected a mapping with 'family' and 'rules'", 1)
    found = _Problems(path, text)
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            found.add(None, str(key), f"unknown top-level key (allowed: {', '.join(TOP_LEVEL_KEYS)})", (key,))
    family = data.get("family")
    if not isinstance(family, str) or not family:
        found.add(None, "family", "required: the family name, e.g. 'liability'")
    words = word_lists(data.get("words", {}), found)
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        found.add(None, "rules", "required: a non-empty list of rules")
        raw_rules = []
    rules: list[Rule] = []
    for index, raw in enumerate(raw_rules):
        rid = raw.get("id") if isinstance(raw, dict) else None
        name = rid if isinstance(rid, str) and rid else f"#{index + 1}"
        found.rule_index.setdefault(name, index)
        if not isinstance(raw, dict):
            found.add(name, None, "a rule must be a mapping")
            continue
        try:
            model = RuleModel.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors():
                found.add(name, *_format_pydantic_error(err))
            continue
        rules.append(Rule(model=model, file=str(path), family=str(family), words=words, index=index))
    unresolved = check_references(rules, words, found, all_rules=len(rules) == len(raw_rules))
    if validate:
        from .matching.diskcache import compile_patterns, validate_patterns

        try:  # the valid rules' patterns; only a file without problems is cached as compiled
            if found.found:
                compile_patterns([r for r in rules if r.id not in unresolved], path)
            else:
                validate_patterns(rules, text, path)
        except RuleError as exc:
            found.add_error(exc)
    found.raise_any()
    return rules


def _rule_line(rule: Rule) -> int | None:
    """The line of ``rule`` in its file (for a problem found across files)."""
    try:
        text, _ = read_yaml(Path(rule.file), loader=_YAML_LOADER)
    except YamlProblem:
        return None
    return line_of(compose(text, _YAML_LOADER), ("rules", rule.index))


def load_library(extra_dirs: list[Path] | None = None, include_default: bool = True) -> Library:
    """Load the bundled library plus any user directories (``--rules DIR``). A :class:`RuleError`
    reports every problem of every file."""
    dirs: list[Path] = [default_library_dir()] if include_default else []
    dirs += list(extra_dirs or [])
    lib = Library()
    seen: dict[str, str] = {}
    errors: list[RuleError] = []
    for d in dirs:
        if not d.is_dir():
            errors.append(RuleError(str(d), None, None, "not a directory of rule files"))
            continue
        files = sorted(list(d.glob("*.yaml")) + list(d.glob("*.yml")))
        if not files:
            errors.append(RuleError(str(d), None, None, "contains no .yaml rule files"))
        for f in files:
            try:
                loaded = load_file(f)
            except RuleError as exc:
                errors.extend((exc, *exc.more))
                continue
            for rule in loaded:
                if rule.id in seen:
                    errors.append(RuleError(str(f), rule.id, "id", f"duplicate rule id (also in {seen[rule.id]})",
                                            _rule_line(rule)))
                    continue
                seen[rule.id] = str(f)
                lib.rules.append(rule)
        lib.sources.append(str(d))
    for rule in lib.rules:
        for other in rule.model.together_with:
            if other not in seen or other == rule.id:
                errors.append(RuleError(rule.file, rule.id, "together_with", f"{other!r} is not another rule of the "
                                        "library", _rule_line(rule)))
    for target in sorted({r.target for r in lib.rules if not r.is_flag}):
        rules = lib.for_target(target)
        if not any(r.model.suggestion or any(b.suggestion for b in r.model.languages.values()) for r in rules):
            errors.append(RuleError(rules[0].file, rules[0].id, "suggestion", f"no rule for {target} has a "
                                    "'suggestion' (clause text to propose when it is missing)",
                                    _rule_line(rules[0])))
    if errors:
        first = errors[0]
        raise RuleError(first.file, first.rule, first.field, first.problem, first.line,
                        more=tuple(RuleError(e.file, e.rule, e.field, e.problem, e.line) for e in errors[1:]))
    return lib
