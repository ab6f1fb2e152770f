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
        extract: [money, cap_formula]     # value extractors (ddcontract.values)
        sets: {}                          # fixed values a match contributes, e.g. {aspects: [deletion]}
        message: "Liability is capped: {amount} {currency} {formula}"
        suggestion: "Clause text a user can paste."
        languages:
          en:
            patterns: ["liability ~8 not @exceed"]
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
    <URL>           a web address (https://…, www.…); <EMAIL> an e-mail address (name@example.com)
    multi-factor    words the tokenizer splits match as a sequence, also inside a|b alternatives
    @name           the file's word list ``name`` in the pattern's language, written out as its
                    alternatives: as a whole token ("@liability ~8 <CUR>", "@liability?") or as
                    alternatives among others ("loft|@liability")

Word lists: a list that many patterns of a file share is named once under ``words:``, per language,
as one string of alternatives ("a|*b|=c|<NUM>"; spaces around the ``|`` are allowed, so a long list
may be folded over lines with ``>-``). A list holds no gaps, no ``?`` and no other lists. A pattern
with lists compiles, matches and is reported exactly as the pattern with the lists written out.

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
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .requirements import BY_ID, FLAG_BY_ID
from .errors import RuleError
from .langs import LANGUAGES, check_language

if TYPE_CHECKING:
    from .matching.index import CompiledPatterns

EXTRACTORS = ("deadline", "money", "cap_formula", "insurance", "channels", "elements", "owner", "notice_parties")
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
    languages: dict[str, LanguageBlock] = Field(min_length=1)

    @field_validator("languages", mode="before")
    @classmethod
    def _known_languages(cls, v: Any) -> Any:
        if isinstance(v, dict):
            for lang in v:
                check_language(lang)
        return v

    @model_validator(mode="after")
    def _check(self) -> RuleModel:
        if (self.requirement is None) == (self.flag is None):
            raise ValueError(f"[requirement] give exactly one of 'requirement' (e.g. {next(iter(BY_ID))}) or 'flag' "
                             f"(e.g. {next(iter(FLAG_BY_ID))})")
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


# ---------------------------------------------------------------- the loaded library


@dataclass
class Rule:
    """A validated rule, with the file it came from."""

    model: RuleModel
    file: str
    family: str
    words: dict[str, dict[str, str]] = field(default_factory=dict)  # the file's word lists: lang -> name -> words

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


def load_file(path: Path, validate: bool = True) -> list[Rule]:
    """Read and check one rule file. Every pattern is compiled once to prove it valid; a file whose
    exact bytes passed before is not compiled again: its compiled patterns come from the cache (see
    :mod:`ddcontract.matching.diskcache`). ``validate=False`` does not compile the patterns (the names
    of the word lists they use are checked all the same)."""
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
    unknown = set(data) - set(TOP_LEVEL_KEYS)
    if unknown:
        raise RuleError(str(path), None, ", ".join(sorted(unknown)), "unknown top-level key "
                        f"(allowed: {', '.join(TOP_LEVEL_KEYS)})")
    family = data.get("family")
    if not isinstance(family, str) or not family:
        raise RuleError(str(path), None, "family", "required: the family name, e.g. 'liability'")
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise RuleError(str(path), None, "rules", "required: a non-empty list of rules")
    words = _word_lists(data.get("words", {}), path)
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
        rules.append(Rule(model=model, file=str(path), family=family, words=words))
    _check_references(rules, words, path)
    if validate:
        from .matching.diskcache import validate_patterns

        validate_patterns(rules, text, path)
    return rules


def _word_lists(data: Any, path: Path) -> dict[str, dict[str, str]]:
    """The file's named word lists (``words:``), checked: language -> name -> alternatives."""
    from .matching.compiler import WORD_LIST_NAME, PatternError, parse_word_list

    if not isinstance(data, dict):
        raise RuleError(str(path), None, "words", "a mapping of languages to named word lists, "
                        "e.g. {da: {notify: 'underrette|meddele'}}")
    out: dict[str, dict[str, str]] = {}
    for lang, lists in data.items():
        where = f"words.{lang}"
        if lang not in LANGUAGES:
            raise RuleError(str(path), None, where, f"unknown language {lang!r}; known: {', '.join(LANGUAGES)}")
        if not isinstance(lists, dict) or not lists:
            raise RuleError(str(path), None, where, "a mapping of list names to words, e.g. {notify: 'a|b|c'}")
        out[lang] = {}
        for name, text in lists.items():
            if not isinstance(name, str) or not WORD_LIST_NAME.fullmatch(name):
                raise RuleError(str(path), None, f"{where}.{name}", "a list name is lower-case letters, digits "
                                "and '_', starting with a letter")
            if not isinstance(text, str):
                raise RuleError(str(path), None, f"{where}.{name}", "a list is one string of alternatives, "
                                "e.g. 'underrette|meddele|*underretning'")
            try:
                out[lang][name] = parse_word_list(text)
            except PatternError as exc:
                raise RuleError(str(path), None, f"{where}.{name}", str(exc)) from None
    return out


def _check_references(rules: list[Rule], words: dict[str, dict[str, str]], path: Path) -> None:
    """Every ``@name`` in a pattern names a list of the file in the pattern's language, and every
    list is used."""
    from .matching.compiler import word_list_references

    used: set[tuple[str, str]] = set()
    for rule in rules:
        for lang, block in rule.model.languages.items():
            lists = words.get(lang, {})
            for kind in ("patterns", "unless"):
                for i, pattern in enumerate(getattr(block, kind)):
                    for name in word_list_references(pattern):
                        if name not in lists:
                            known = ", ".join(sorted(lists)) or "none"
                            raise RuleError(str(path), rule.id, f"languages.{lang}.{kind}[{i}]",
                                            f"unknown word list '@{name}' (this file's {lang} lists: {known})")
                        used.add((lang, name))
    for lang, lists in words.items():
        for name in lists:
            if (lang, name) not in used:
                raise RuleError(str(path), None, f"words.{lang}.{name}", f"the list is not used by any {lang} pattern")


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
