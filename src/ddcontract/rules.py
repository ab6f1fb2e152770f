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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .catalogue import BY_ID, FLAG_BY_ID
from .errors import RuleError

if TYPE_CHECKING:
    from .matching.index import CompiledPatterns

EXTRACTORS = ("deadline", "money", "cap_formula", "insurance", "channels", "elements", "owner", "notice_parties")
SET_KEYS = ("aspects", "elements", "channels", "types")

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
    :mod:`ddcontract.matching.diskcache`). ``validate=False`` skips the patterns altogether."""
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
    if validate:
        from .matching.diskcache import validate_patterns

        validate_patterns(rules, text, path)
    return rules


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


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def render_message(template: str, values: dict[str, Any], lang: str = "en") -> str:
    """Fill ``{name}`` placeholders; values that were not found read "not stated" (in ``lang``)."""
    from .i18n import fmt_amount, names, tr

    values = dict(values)
    if values.get("amount") is not None:
        values["money"] = fmt_amount(values["amount"], values.get("currency"), lang)
    else:
        values["money"] = tr(lang, "value.no_amount")

    def repl(m: re.Match[str]) -> str:
        v = values.get(m.group(1))
        if v is None or v == [] or v == "":
            return tr(lang, "value.not_stated")
        if isinstance(v, bool):
            return tr(lang, "value.yes" if v else "value.no")
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        if isinstance(v, (int, float)) and m.group(1) == "amount":
            return fmt_amount(v, None, lang)
        if isinstance(v, (int, float)) and lang == "da":
            return str(v).replace(".", ",")
        if isinstance(v, list):
            return names(lang, [str(x) for x in v])
        return str(v)

    return _PLACEHOLDER.sub(repl, template)
