"""The questionnaire as data (``questionnaire/questions.yaml``), validated strictly on load.

Every question has a stable ID, a theme, an answer type, its text and help in every language of
:data:`ddcontract.langs.LANGUAGES`, and for a choice its choices (an ID and a label per language).
The answer types:

==================  ==============================================================================
``choice``          one of the question's choices
``multiple``        any of the question's choices (a list; in a workbook, separated by commas)
``yes-no``          yes or no
``yes-no-partly``   yes, no or partly
``number``          a number, within ``min`` and ``max`` when given (``unit`` per language optional)
``text``            free text
``date``            a date (YYYY-MM-DD)
==================  ==============================================================================

:func:`load_questionnaire` lists every problem of the file at once (:class:`QuestionnaireError`),
each with its line: an unknown key, a missing language, a duplicate ID, a choice where the type
takes none, a label with a comma. The file is read with :class:`PlainLoader`: ``yes`` is the text
"yes" (a choice), not YAML's boolean, and a date stays text until its question reads it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal, Optional

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import DDContractError, FileProblems, problem_line
from ..langs import LANGUAGES
from ..yamlfile import YamlProblem, line_of, read_text
from . import data_dir

MAX_BYTES = 1_000_000
TYPES = ("choice", "multiple", "yes-no", "yes-no-partly", "number", "text", "date")
CHOICE_TYPES = ("choice", "multiple", "yes-no", "yes-no-partly")  # answered from a list of choices
_ID = re.compile(r"Q-[0-9]+\.[0-9]+")
_CHOICE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class DataFileError(FileProblems, DDContractError):
    """A data file of the assessment is invalid: every problem, each with its line (:meth:`lines`)."""

    code = "DataFileError"

    def __init__(self, path: str, problems: list[tuple[int | None, str]]) -> None:
        first = problem_line(path, *problems[0])
        more = len(problems) - 1
        super().__init__(path, problems, first + (f" (and {more} more problems)" if more else ""))


class QuestionnaireError(DataFileError):
    """The questionnaire file is invalid."""

    code = "QuestionnaireError"


# --------------------------------------------------------------------------- reading YAML plainly


class PlainLoader(yaml.SafeLoader):
    """YAML's safe loader without booleans and timestamps: ``yes``, ``no`` and ``on`` are text (the
    choices of a yes/no question), and ``2026-13-01`` is text for a date question to refuse on its line."""


PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def read_plain(path: Path, kind: str, max_bytes: int = MAX_BYTES) -> tuple[Any, yaml.Node | None]:
    """The data and node tree (for lines) of the YAML file ``path``; a :class:`YamlProblem` with the
    line when it cannot be read. ``kind`` names what the file should be."""
    text = read_text(path, max_bytes, kind=kind)
    try:
        loader = PlainLoader(text)
        try:
            root = loader.get_single_node()
            return (loader.construct_document(root) if root is not None else None), root
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlProblem(f"not valid YAML: {exc.problem or exc.context or 'cannot be parsed'}",
                          mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"not valid YAML: {exc}") from None
    except RecursionError:
        raise YamlProblem("not valid: nested too deeply") from None
    except (ValueError, TypeError, OverflowError) as exc:  # a tagged value that cannot be built
        raise YamlProblem(f"not valid YAML ({exc})") from None


def only_known(values: Any, known: Any, what: str, listing: str) -> None:
    """Raise the validation error for the values that are not in ``known``: "'X' is not a <what> (<listing>)"."""
    bad = [x for x in values or [] if x not in known]
    if bad:
        raise ValueError(f"{', '.join(map(repr, bad))} is not a {what} ({listing})")


def no_id_twice(ids: list[str], what: str = "rule") -> None:
    """Raise the validation error for rule IDs that stand twice in one file."""
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise ValueError(f"{what} id given twice: {', '.join(twice)}")


def load_rules_file(target: Path, kind: str, model: Any, error: type, expected: str,
                    questionnaire: "Questionnaire") -> tuple[Any, yaml.Node | None]:
    """A rules file that refers to the questionnaire (risk profile, findings, decision), validated as ``model``
    with the questionnaire in the context: the model and the node tree (for lines). ``error`` (a
    :class:`DataFileError`) lists every problem with its line; ``expected`` says what the top mapping holds."""
    try:
        data, root = read_plain(target, kind)
    except YamlProblem as exc:
        raise error(str(target), [(exc.line, exc.cause)]) from None
    if not isinstance(data, dict):
        raise error(str(target), [(1, f"expected a mapping with {expected}")])
    if "source" in data:
        raise error(str(target), [(1, "source: unknown key (a typo?)")])
    try:
        return model.model_validate({**data, "source": str(target)}, context={"questionnaire": questionnaire}), root
    except ValidationError as exc:
        raise error(str(target), validation_problems(exc, root)) from None


def describe(err: Any, prefix: tuple[Any, ...] = ()) -> str:
    """One pydantic error as the file's author reads it: the field (under ``prefix``), what is wrong."""
    loc = [*prefix, *(x for x in err["loc"] if not (isinstance(x, str) and x.startswith("function-")))]
    field = ".".join(f"[{x}]" if isinstance(x, int) else str(x) for x in loc).replace(".[", "[")
    kind = err["type"]
    if kind == "extra_forbidden":
        msg = "unknown key (a typo?)"
    elif kind == "missing":
        msg = "required, but missing"
    elif kind == "literal_error":
        msg = f"must be one of {err['ctx']['expected']}, not {err['input']!r}"
    else:
        msg = err["msg"].removeprefix("Value error, ")
    return " ".join(f"{field}: {msg}".split()) if field else msg


def validation_problems(exc: ValidationError, root: yaml.Node | None) -> list[tuple[int | None, str]]:
    """Every error of a validation, each with the line of its field, in the file's order."""
    problems = []
    for err in exc.errors():
        loc = tuple(x for x in err["loc"] if not (isinstance(x, str) and x.startswith("function-")))
        problems.append((line_of(root, loc), describe(err)))
    return sorted(problems, key=lambda p: p[0] or 0)


# --------------------------------------------------------------------------- the schema


def _in_every_language(v: dict[str, str]) -> dict[str, str]:
    unknown = [k for k in v if k not in LANGUAGES]
    if unknown:
        raise ValueError(f"{', '.join(map(repr, unknown))} is not a language (known: {', '.join(LANGUAGES)})")
    lacking = [lang for lang in LANGUAGES if not (v.get(lang) or "").strip()]
    if lacking:
        raise ValueError(f"the text in {', '.join(lacking)} is missing (write it per language: "
                         f"{{{', '.join(f'{lang}: …' for lang in LANGUAGES)}}})")
    return {k: " ".join(t.split()) for k, t in v.items()}


Texts = Annotated[dict[str, str], AfterValidator(_in_every_language)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Choice(_Model):
    """One answer a choice question allows: its ID and its label per language."""

    id: str
    labels: Texts

    @model_validator(mode="before")
    @classmethod
    def _labels_beside_the_id(cls, v: Any) -> Any:  # {id: finance, en: Finance, da: Finans}
        if isinstance(v, dict) and "labels" not in v:
            return {"id": v.get("id"), "labels": {k: t for k, t in v.items() if k != "id"}}
        return v

    @model_validator(mode="after")
    def _check(self) -> Choice:
        if not _CHOICE_ID.fullmatch(self.id):
            raise ValueError(f"id {self.id!r}: write a-z, 0-9 and single hyphens, e.g. special-category")
        for lang, label in self.labels.items():
            if "," in label or ";" in label:
                raise ValueError(f"{lang}: a label has no comma or semicolon (a workbook separates choices with "
                                 f"them): {label!r}")
        return self

    def label(self, lang: str) -> str:
        return self.labels[lang]


_BUILTIN = {"yes": {"en": "Yes", "da": "Ja"}, "no": {"en": "No", "da": "Nej"}, "partly": {"en": "Partly", "da": "Delvis"}}
BUILTIN_CHOICES = {
    "yes-no": tuple(Choice(id=k, labels=_BUILTIN[k]) for k in ("yes", "no")),
    "yes-no-partly": tuple(Choice(id=k, labels=_BUILTIN[k]) for k in ("yes", "no", "partly")),
}


class Question(_Model):
    """One question: ID, theme, answer type, text and help per language, its choices or bounds."""

    id: str
    theme: int
    type: Literal["choice", "multiple", "yes-no", "yes-no-partly", "number", "text", "date"]
    text: Texts
    help: Texts
    choices: list[Choice] = Field(default_factory=list)
    min: Optional[float] = Field(None, allow_inf_nan=False)
    max: Optional[float] = Field(None, allow_inf_nan=False)
    unit: Optional[Texts] = None

    @model_validator(mode="after")
    def _check(self) -> Question:
        if not _ID.fullmatch(self.id):
            raise ValueError(f"id {self.id!r}: write Q-<theme>.<number>, as REQUIREMENTS.md numbers them")
        if self.type in ("choice", "multiple") and len(self.choices) < 2:
            raise ValueError(f"a {self.type} question lists at least two choices")
        if self.type not in ("choice", "multiple") and self.choices:
            raise ValueError(f"a {self.type} question has no choices of its own")
        if self.type != "number" and (self.min is not None or self.max is not None or self.unit is not None):
            raise ValueError("min, max and unit are for a number question only")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min:g} is above max {self.max:g}")
        _unique([c.id for c in self.choices], "choice id")
        for lang in LANGUAGES:
            _unique([c.labels[lang].casefold() for c in self.choices], f"{lang} label")
        return self

    @property
    def options(self) -> tuple[Choice, ...] | list[Choice]:
        """The choices an answer may take (yes/no/partly for those types; empty for the others)."""
        return BUILTIN_CHOICES.get(self.type, self.choices)

    def option(self, value: str) -> Choice | None:
        """The choice written as ``value``: its ID, or its label in any language (any case)."""
        folded = value.strip().casefold()
        for c in self.options:
            if value.strip() == c.id or any(folded == label.casefold() for label in c.labels.values()):
                return c
        return None


def _unique(values: list[str], what: str) -> None:
    twice = sorted({v for v in values if values.count(v) > 1})
    if twice:
        raise ValueError(f"{what} given twice: {', '.join(twice)}")


class Questionnaire(_Model):
    """The themes (number → title per language) and the questions, in the order they are asked."""

    themes: dict[int, Texts]
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Questionnaire:
        _unique([q.id for q in self.questions], "question id")
        unknown = sorted({q.theme for q in self.questions} - set(self.themes))
        if unknown:
            raise ValueError(f"theme {', '.join(map(str, unknown))} is not among the themes "
                             f"({', '.join(map(str, self.themes))})")
        return self

    def question(self, qid: str) -> Question | None:
        return next((q for q in self.questions if q.id == qid), None)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions)


# --------------------------------------------------------------------------- loading


_BUNDLED: dict[str, Questionnaire] = {}


def bundled_questionnaire_path() -> Path:
    return data_dir("questionnaire") / "questions.yaml"


def load_questionnaire(path: Path | None = None) -> Questionnaire:
    """The questionnaire in ``path`` (the bundled one for None, read once). A
    :class:`QuestionnaireError` lists every problem of the file, each with its line: each question is
    validated on its own, so one question's mistake does not hide another's."""
    target = path or bundled_questionnaire_path()
    if path is None and str(target) in _BUNDLED:
        return _BUNDLED[str(target)]
    try:
        data, root = read_plain(target, "questionnaire file")
    except YamlProblem as exc:
        raise QuestionnaireError(str(target), [(exc.line, exc.cause)]) from None
    if not isinstance(data, dict):
        raise QuestionnaireError(str(target), [(1, "expected a mapping with 'themes' and 'questions'")])
    problems = _problems(data, root)
    if problems:
        raise QuestionnaireError(str(target), sorted(problems, key=lambda p: p[0] or 0))
    try:
        questionnaire = Questionnaire.model_validate(data)
    except ValidationError as exc:
        raise QuestionnaireError(str(target), validation_problems(exc, root)) from None
    if path is None:
        _BUNDLED[str(target)] = questionnaire
    return questionnaire


class _Outline(_Model):
    """The file's outline: the themes, and a list of questions (each validated on its own)."""

    themes: dict[int, Texts]
    questions: list[Any] = Field(min_length=1)


def _problems(data: dict[str, Any], root: yaml.Node | None) -> list[tuple[int | None, str]]:
    """Every problem of the file: its outline, each question on its own (so one question's mistake
    does not hide another's, nor a question's the file's), and across questions (an ID twice, a
    theme not among the themes)."""
    problems: list[tuple[int | None, str]] = []
    try:
        _Outline.model_validate(data)
    except ValidationError as exc:
        problems += validation_problems(exc, root)
    raw = data.get("questions") if isinstance(data.get("questions"), list) else []
    themes = data.get("themes") if isinstance(data.get("themes"), dict) else {}
    seen: dict[Any, int] = {}
    for index, item in enumerate(raw):
        try:
            Question.model_validate(item)
        except ValidationError as exc:
            problems += [(line_of(root, ("questions", index, *_loc(err))), describe(err, ("questions", index)))
                         for err in exc.errors()]
        if not isinstance(item, dict):
            continue
        qid = item.get("id")
        if isinstance(qid, str) and qid in seen:
            problems.append((line_of(root, ("questions", index, "id")),
                             f"questions[{index}].id: {qid} is given twice (also questions[{seen[qid]}])"))
        seen.setdefault(qid, index)
        if isinstance(item.get("theme"), int) and item["theme"] not in themes:
            problems.append((line_of(root, ("questions", index, "theme")), f"questions[{index}].theme: "
                             f"{item['theme']} is not among the themes ({', '.join(map(str, themes))})"))
    return problems


def _loc(err: Any) -> tuple[Any, ...]:
    return tuple(x for x in err["loc"] if not (isinstance(x, str) and x.startswith("function-")))
