"""Deal data: the small YAML file about a deal that ``ddcontract generate`` renders a DPA and a
breach-notification annex from.

The file is validated as a whole before anything is rendered. Every problem is reported at once,
each with the line it is on (or, for a missing field, the line of the mapping that lacks it), and
nothing is written when there is any. ``ddcontract init deal.yaml`` writes a commented example.

:func:`load_deal` returns a :class:`Deal`; :func:`template_context` turns it into the variables the
templates see, adding the language-dependent texts (dates, "twenty-four (24) hours", channel names).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Optional

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import DDContractError, FileProblems, problem_line
from .i18n import and_sep, fmt_date, fmt_quantity, item_end, join_and
from .yamlfile import YamlProblem, line_of, read_text
from .langs import LANGUAGE_NAMES, LANGUAGES, check_language
from .requirements.compliance import Certification

MAX_DEAL_BYTES = 1_000_000

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class DealError(FileProblems, DDContractError):
    """A deal data file is invalid; lists every problem with its line."""

    code = "DealError"

    def __init__(self, path: str, problems: list[tuple[int | None, str]]) -> None:
        message = problem_line(path, *problems[0]) if len(problems) == 1 else f"{path}: {len(problems)} problems"
        super().__init__(path, problems, message)


def _text(v: Any) -> Any:
    # YAML reads 12345678 as a number (dates stay text, see _DealLoader); names and numbers are text here
    if isinstance(v, (int, float, dt.date)) and not isinstance(v, bool):
        return str(v)
    return v


@dataclass(frozen=True, eq=True)
class Text:
    """A text of the deal data: one string, or one per language (``{en: …, da: …}``).

    A plain string in a *prose* field (a description, the governing law, a role) is in the deal's
    ``language``; in a *name* field (a party, a person, an address) it is the same in every language.
    A document in a language the text lacks is refused (:func:`missing_texts`) unless mixing is
    allowed, and then takes the text there is (:meth:`any`)."""

    plain: str | None = None
    by_lang: tuple[tuple[str, str], ...] = ()
    neutral: bool = False

    def get(self, lang: str, home: str) -> str | None:
        if self.plain is None:
            return dict(self.by_lang).get(lang)
        return self.plain if self.neutral or lang == home else None

    def any(self, home: str) -> str:
        if self.plain is not None:
            return self.plain
        texts = dict(self.by_lang)
        return texts.get(home) or next(iter(texts.values()))

    def __bool__(self) -> bool:
        return bool(self.plain) or any(t for _, t in self.by_lang)


def _text_field(neutral: bool, optional: bool = False) -> BeforeValidator:
    def check(v: Any) -> Any:
        v = _text(v)
        if isinstance(v, Text) or (v is None and optional):
            return v
        if isinstance(v, str):
            if not v.strip() and not optional:
                raise ValueError("must not be empty")
            return Text(plain=v.strip(), neutral=neutral or not v.strip())  # nothing is nothing in any language
        if isinstance(v, dict) and v:
            texts = []
            for lang, t in v.items():
                if lang not in LANGUAGES:
                    raise ValueError(f"{lang!r} is not a language (known: {', '.join(LANGUAGES)}); write the "
                                     "text per language as {en: …, da: …}")
                t = _text(t)
                if not isinstance(t, str):
                    raise ValueError(f"{lang}: must be text")
                if not t.strip() and not optional:
                    raise ValueError(f"{lang}: must not be empty")
                texts.append((lang, t.strip()))
            return Text(by_lang=tuple(texts), neutral=neutral)
        raise ValueError("must be text, or the text per language ({en: …, da: …})")

    return BeforeValidator(check)


# prose: a plain string is in the deal's language; a name: a plain string is the same in every language
Prose = Annotated[Text, _text_field(neutral=False)]
OptionalProse = Annotated[Text, _text_field(neutral=False, optional=True)]
Name = Annotated[Text, _text_field(neutral=True)]
OptionalName = Annotated[Optional[Text], _text_field(neutral=True, optional=True)]
_EMPTY = Text(plain="", neutral=True)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, arbitrary_types_allowed=True)


class Person(_Model):
    name: Name
    title: Prose


class Party(_Model):
    name: Name
    registration_number: Name
    address: Name
    country: Prose
    signatory: Person


class Contact(_Model):
    role: Prose
    name: Name
    email: str
    phone: str = Field(min_length=1)

    _coerce = field_validator("phone", mode="before")(_text)

    @field_validator("email")
    @classmethod
    def _email(cls, v: str) -> str:
        if not _EMAIL.fullmatch(v):
            raise ValueError(f"not an email address: {_short(v)}")
        return v


class Agreement(_Model):
    main_agreement: Prose
    main_agreement_date: dt.date
    effective_date: dt.date
    governing_law: Prose
    venue: Prose


class Service(_Model):
    name: Name
    description: Prose


class Processing(_Model):
    purposes: list[Prose] = Field(min_length=1)
    operations: list[Prose] = Field(min_length=1)
    data_categories: list[Prose] = Field(min_length=1)
    special_categories: list[Prose] = Field(default_factory=list)
    data_subjects: list[Prose] = Field(min_length=1)
    duration: Prose


class SubProcessor(_Model):
    name: Name
    registration_number: OptionalName = None
    activity: Prose
    location: Prose


class Transfers(_Model):
    outside_eea: bool
    countries: list[Prose] = Field(default_factory=list)
    mechanism: OptionalProse = _EMPTY

    @model_validator(mode="after")
    def _mechanism(self) -> "Transfers":
        if self.outside_eea and not (self.mechanism and self.countries):
            raise ValueError("outside_eea is true: name the countries and the transfer mechanism "
                             "(e.g. the EU standard contractual clauses)")
        return self


class Deletion(_Model):
    days_after_end: int = Field(ge=0, le=365)
    return_format: Prose


class Channel(_Model):
    type: Literal["email", "phone", "portal", "other"]
    address: str = Field(min_length=1)
    note: OptionalProse = _EMPTY

    _coerce = field_validator("address", mode="before")(_text)


class Recipients(_Model):
    controller: list[Contact] = Field(min_length=1)
    processor: list[Contact] = Field(min_length=1)


class EscalationStep(_Model):
    after_hours: int = Field(ge=0, le=720)
    role: Prose
    name: Name
    phone: str = Field(min_length=1)

    _coerce = field_validator("phone", mode="before")(_text)


class Notification(_Model):
    deadline_hours: int = Field(ge=1, le=720)
    update_interval_hours: int = Field(ge=1, le=720)
    channels: list[Channel] = Field(min_length=1)
    recipients: Recipients
    escalation: list[EscalationStep] = Field(min_length=1)
    content: list[Prose] = Field(default_factory=list)


class Deal(_Model):
    language: str = "en"  # one of langs.LANGUAGES
    agreement: Agreement
    controller: Party
    processor: Party
    service: Service
    processing: Processing
    sub_processors: list[SubProcessor] = Field(default_factory=list)
    storage_locations: list[Prose] = Field(min_length=1)
    transfers: Transfers
    security_measures: list[Prose] = Field(min_length=1)
    # the certifications or assurance reports the processor must hold, e.g. [ISO 27001, ISAE 3402]
    certifications: list[Certification] = Field(default_factory=list)
    deletion: Deletion
    notification: Notification

    _language = field_validator("language")(check_language)


# --------------------------------------------------------------------------- loading


class _DealLoader(yaml.SafeLoader):
    """YAML's safe loader, but a date stays text until the deal's model reads it: an impossible
    date ("2026-13-01") is then a listed problem with its line, not an exception in the loader.
    A value YAML itself cannot construct (``!!int abc``, ``!!bool maybe``) is a problem on its line."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, KeyError, OverflowError, AttributeError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read {_short(node.value) if isinstance(node, yaml.ScalarNode) else 'this value'}"
                f" as {node.tag.rsplit(':', 1)[-1]} ({type(exc).__name__})", node.start_mark) from None


_DealLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_DealLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _describe(err: dict[str, Any]) -> str:
    kind = err["type"]
    if kind == "missing":
        return "required, but missing"
    if kind == "extra_forbidden":
        return "unknown field (a typo?)"
    if kind == "too_short" and isinstance(err.get("input"), list):
        return "must list at least one entry"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "literal_error":
        return f"must be one of {err['ctx']['expected']}, not {_short(err['input'])}"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return f"not a date: {_short(err['input'])} (write YYYY-MM-DD)"
    msg = err["msg"]
    return msg.removeprefix("Value error, ")


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def validate_deal(data: Any, path: str, root: yaml.Node | None = None) -> Deal:
    if not isinstance(data, dict):
        raise DealError(path, [(1, "expected a mapping of deal data (see `ddcontract init`)")])
    try:
        return Deal.model_validate(data)
    except ValidationError as exc:
        problems: list[tuple[int | None, str]] = []
        for err in exc.errors():
            loc = tuple(x for x in err["loc"] if not (isinstance(x, str) and x.startswith("function-")))
            field = ".".join(str(x) if isinstance(x, str) else f"[{x}]" for x in loc).replace(".[", "[")
            problems.append((line_of(root, loc), _one_line(f"{field or 'deal'}: {_describe(err)}")))
        problems.sort(key=lambda p: (p[0] or 0))
        raise DealError(path, problems) from None


def load_deal(path: Path) -> Deal:
    """Read and validate a deal file; :class:`DealError` lists every problem with its line."""
    name = str(path)
    try:
        text = read_text(path, MAX_DEAL_BYTES, kind="deal data file",
                         missing=" (create one with `ddcontract init deal.yaml`)")
    except YamlProblem as exc:
        raise DealError(name, [(exc.line, exc.cause)]) from None
    try:
        loader = _DealLoader(text)
        try:
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise DealError(name, [(line, f"not valid YAML ({getattr(exc, 'problem', None) or exc})")]) from None
    except RecursionError:
        raise DealError(name, [(None, "not valid deal data (nested too deeply)")]) from None
    except (ValueError, TypeError, OverflowError) as exc:  # a constructor refusing a value
        raise DealError(name, [(None, f"not valid YAML ({exc})")]) from None
    return validate_deal(data, name, root)


# --------------------------------------------------------------------------- template context

CHANNEL_LABELS = {
    "en": {"email": "Email", "phone": "Telephone", "portal": "Secure incident portal", "other": "Other"},
    "da": {"email": "E-mail", "phone": "Telefon", "portal": "Sikker hændelsesportal", "other": "Andet"},
}


def _localize(deal: Deal, lang: str) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The deal data with every :class:`Text` in ``lang`` (or, where it has none, the text there
    is), and the fields that have no text in ``lang`` with the language of the text used instead."""
    missing: list[tuple[str, str]] = []

    def walk(value: Any, path: str) -> Any:
        if isinstance(value, BaseModel):
            return {k: walk(getattr(value, k), f"{path}.{k}" if path else k) for k in type(value).model_fields}
        if isinstance(value, list):
            return [walk(v, f"{path}[{i}]") for i, v in enumerate(value)]
        if isinstance(value, Text):
            text = value.get(lang, deal.language)
            if text is None:
                other = value.any(deal.language)
                missing.append((path, next((k for k, t in value.by_lang if t == other), deal.language)))
                text = other
            return text
        return value

    return walk(deal, ""), missing


def _fields(paths: list[str]) -> str:
    """``a[0].b``, ``a[1].b`` → ``a[0,1].b``: the fields, each list's items together."""
    groups: dict[str, list[str]] = {}
    for p in paths:
        m = re.search(r"\[(\d+)\]", p)
        key = p[: m.start()] + "[]" + p[m.end():] if m else p
        groups.setdefault(key, []).append(m.group(1) if m else "")
    return ", ".join(k.replace("[]", f"[{','.join(ix)}]", 1) if "[]" in k else k for k, ix in groups.items())


def missing_texts(deal: Deal, lang: str) -> str | None:
    """None when every text of the deal is there in ``lang``; else one line naming the fields that
    have no ``lang`` text ("the document is in Danish, but 3 field(s) have only English text: …")."""
    _, missing = _localize(deal, lang)
    if not missing:
        return None
    names = LANGUAGE_NAMES["en"]
    others = " or ".join(names.get(x, x) for x in sorted({other for _, other in missing}))
    return (f"the document is in {names.get(lang, lang)}, but {len(missing)} field(s) have only {others} text: "
            f"{_fields([path for path, _ in missing])}")


def template_context(deal: Deal, lang: str) -> dict[str, Any]:
    """The variables a DPA or annex template sees: the deal data in ``lang`` (a text without ``lang``
    takes the text there is: check :func:`missing_texts` first), plus texts made for ``lang``."""
    ctx, _ = _localize(deal, lang)
    agr = ctx["agreement"]
    agr["main_agreement_date_text"] = fmt_date(deal.agreement.main_agreement_date, lang)
    agr["effective_date_text"] = fmt_date(deal.agreement.effective_date, lang)
    note = ctx["notification"]
    note["deadline_text"] = fmt_quantity(deal.notification.deadline_hours, "hour", lang)
    note["update_interval_text"] = fmt_quantity(deal.notification.update_interval_hours, "hour", lang)
    for ch in note["channels"]:
        ch["label"] = CHANNEL_LABELS[lang][ch["type"]]
    for step in note["escalation"]:
        step["after_text"] = fmt_quantity(step["after_hours"], "hour", lang)
    ctx["deletion"]["days_text"] = fmt_quantity(deal.deletion.days_after_end, "day", lang)
    ctx["language"] = lang
    # lists by the language's rules: "Denmark and Finland"; enumerated items end ";", "; and", "."
    ctx["and_list"] = lambda items: join_and(list(items), lang)
    ctx["and_sep"] = lambda index, count: and_sep(index, count, lang)
    ctx["item_end"] = lambda index, count: item_end(index, count, lang)
    ctx["generated_on"] = fmt_date(dt.date.today(), lang)
    return ctx
