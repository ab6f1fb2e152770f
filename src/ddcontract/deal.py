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
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import DDContractError
from .i18n import and_sep, fmt_date, fmt_quantity, item_end, join_and
from .langs import check_language

MAX_DEAL_BYTES = 1_000_000

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class DealError(DDContractError):
    """A deal data file is invalid; lists every problem with its line."""

    code = "DealError"

    def __init__(self, path: str, problems: list[tuple[int | None, str]]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(self.lines()[0] if len(problems) == 1 else f"{path}: {len(problems)} problems")

    def lines(self) -> list[str]:
        return [f"{self.path}:{line}: {text}" if line else f"{self.path}: {text}" for line, text in self.problems]


def _text(v: Any) -> Any:
    # YAML reads 12345678 and 2026-12-01 as a number and a date; names and numbers are text here
    if isinstance(v, (int, float, dt.date)) and not isinstance(v, bool):
        return str(v)
    return v


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Person(_Model):
    name: str = Field(min_length=1)
    title: str = Field(min_length=1)

    _coerce = field_validator("name", "title", mode="before")(_text)


class Party(_Model):
    name: str = Field(min_length=1)
    registration_number: str = Field(min_length=1)
    address: str = Field(min_length=1)
    country: str = Field(min_length=1)
    signatory: Person

    _coerce = field_validator("name", "registration_number", "address", "country", mode="before")(_text)


class Contact(_Model):
    role: str = Field(min_length=1)
    name: str = Field(min_length=1)
    email: str
    phone: str = Field(min_length=1)

    _coerce = field_validator("phone", mode="before")(_text)

    @field_validator("email")
    @classmethod
    def _email(cls, v: str) -> str:
        if not _EMAIL.fullmatch(v):
            raise ValueError(f"not an email address: {v!r}")
        return v


class Agreement(_Model):
    main_agreement: str = Field(min_length=1)
    main_agreement_date: dt.date
    effective_date: dt.date
    governing_law: str = Field(min_length=1)
    venue: str = Field(min_length=1)


class Service(_Model):
    name: str = Field(min_length=1)
    description: str = Field(min_length=1)


class Processing(_Model):
    purposes: list[str] = Field(min_length=1)
    operations: list[str] = Field(min_length=1)
    data_categories: list[str] = Field(min_length=1)
    special_categories: list[str] = Field(default_factory=list)
    data_subjects: list[str] = Field(min_length=1)
    duration: str = Field(min_length=1)


class SubProcessor(_Model):
    name: str = Field(min_length=1)
    registration_number: str | None = None
    activity: str = Field(min_length=1)
    location: str = Field(min_length=1)

    _coerce = field_validator("registration_number", mode="before")(_text)


class Transfers(_Model):
    outside_eea: bool
    countries: list[str] = Field(default_factory=list)
    mechanism: str = ""

    @model_validator(mode="after")
    def _mechanism(self) -> "Transfers":
        if self.outside_eea and not (self.mechanism and self.countries):
            raise ValueError("outside_eea is true: name the countries and the transfer mechanism "
                             "(e.g. the EU standard contractual clauses)")
        return self


class Deletion(_Model):
    days_after_end: int = Field(ge=0, le=365)
    return_format: str = Field(min_length=1)


class Channel(_Model):
    type: Literal["email", "phone", "portal", "other"]
    address: str = Field(min_length=1)
    note: str = ""

    _coerce = field_validator("address", mode="before")(_text)


class Recipients(_Model):
    controller: list[Contact] = Field(min_length=1)
    processor: list[Contact] = Field(min_length=1)


class EscalationStep(_Model):
    after_hours: int = Field(ge=0, le=720)
    role: str = Field(min_length=1)
    name: str = Field(min_length=1)
    phone: str = Field(min_length=1)

    _coerce = field_validator("phone", mode="before")(_text)


class Notification(_Model):
    deadline_hours: int = Field(ge=1, le=720)
    update_interval_hours: int = Field(ge=1, le=720)
    channels: list[Channel] = Field(min_length=1)
    recipients: Recipients
    escalation: list[EscalationStep] = Field(min_length=1)
    content: list[str] = Field(default_factory=list)


class Deal(_Model):
    language: str = "en"  # one of langs.LANGUAGES
    agreement: Agreement
    controller: Party
    processor: Party
    service: Service
    processing: Processing
    sub_processors: list[SubProcessor] = Field(default_factory=list)
    storage_locations: list[str] = Field(min_length=1)
    transfers: Transfers
    security_measures: list[str] = Field(min_length=1)
    deletion: Deletion
    notification: Notification

    _language = field_validator("language")(check_language)


# --------------------------------------------------------------------------- loading


class _DealLoader(yaml.SafeLoader):
    """YAML's safe loader, but a date stays text until the deal's model reads it: an impossible
    date ("2026-13-01") is then a listed problem with its line, not an exception in the loader."""


_DealLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_DealLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """The line of the field at ``loc`` (the line of its key); for a missing field, the line of
    the mapping's own key that lacks it (line 1 at the top level)."""
    line = 1 if node is not None else None
    for key in loc:
        child = None
        if isinstance(node, yaml.MappingNode) and isinstance(key, str):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == key:
                    child, line = v, k.start_mark.line + 1
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            child = node.value[key]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line


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
            problems.append((_line_of(root, loc), _one_line(f"{field or 'deal'}: {_describe(err)}")))
        problems.sort(key=lambda p: (p[0] or 0))
        raise DealError(path, problems) from None


def load_deal(path: Path) -> Deal:
    """Read and validate a deal file; :class:`DealError` lists every problem with its line."""
    name = str(path)
    try:
        if path.stat().st_size > MAX_DEAL_BYTES:
            raise DealError(name, [(None, f"larger than {MAX_DEAL_BYTES // 1000} kB; is this a deal data file?")])
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DealError(name, [(None, "no such file (create one with `ddcontract init deal.yaml`)")]) from None
    except IsADirectoryError:
        raise DealError(name, [(None, "is a directory, not a deal data file")]) from None
    except UnicodeDecodeError:
        raise DealError(name, [(None, "not UTF-8 text")]) from None
    except OSError as exc:
        raise DealError(name, [(None, f"cannot be read ({exc.strerror})")]) from None
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


def template_context(deal: Deal, lang: str) -> dict[str, Any]:
    """The variables a DPA or annex template sees: the deal data, plus texts made for ``lang``."""
    ctx = deal.model_dump(mode="python")
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
