"""A customer's answers to the questionnaire: read from the YAML that ``assess init`` writes, or from
the filled workbook (:mod:`.workbook`), into one typed :class:`Answers`.

Every question of the questionnaire gets an :class:`Answer`; a question left blank (or not in the
file) is *unknown* (``value`` None), never guessed. A value is read by its question's type
(:func:`parse_value`): a choice by its ID or its label in any language, several choices as a list
(or separated by commas), a number as a number within the question's bounds, a date as YYYY-MM-DD.
Every problem of the file — an unknown question, an answer not among the choices, a number that is
not a number, a bad date, a list where one answer is asked, a question answered twice — is listed at
once with its line (YAML) or cell (XLSX) in an :class:`AnswersError`, and nothing is read.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..langs import LANGUAGES
from .questions import DataFileError, PlainLoader, Question, Questionnaire, load_questionnaire, read_plain
from ..yamlfile import YamlProblem

MAX_BYTES = 1_000_000
TOP_KEYS = ("language", "customer", "assessed_by", "date", "answers")
ANSWER_KEYS = ("answer", "note")
_SEPARATORS = re.compile(r"[,;\n]")


class AnswersError(DataFileError):
    """An answers file is invalid: every problem with its line or cell; nothing is read."""

    code = "AnswersError"


@dataclass(frozen=True)
class Answer:
    """One question's answer: ``value`` None when unknown; a choice's ID (``choice``, ``yes-no``,
    ``yes-no-partly``), a tuple of IDs (``multiple``), a number, a text or a date. ``where`` says
    where it was read (``line 12``, ``Questionnaire!E7``), empty when the file does not answer it."""

    question: Question
    value: Any = None
    note: str = ""
    where: str = ""

    @property
    def known(self) -> bool:
        return self.value is not None

    @property
    def chosen(self) -> tuple[str, ...]:
        """The choice IDs answered (one for a choice, several for a multiple choice; none otherwise)."""
        if isinstance(self.value, tuple):
            return self.value
        return (self.value,) if self.question.options and isinstance(self.value, str) else ()

    def words(self, lang: str) -> str:
        """The answer as a reader sees it in ``lang`` ("" when unknown)."""
        q = self.question
        if self.value is None:
            return ""
        if q.options:
            labels = {c.id: c.label(lang) for c in q.options}
            return ", ".join(labels[c] for c in self.chosen)
        if isinstance(self.value, dt.date):
            return self.value.isoformat()
        if isinstance(self.value, (int, float)):
            return f"{self.value:g}" + (f" {q.unit[lang]}" if q.unit else "")
        return str(self.value)


@dataclass(frozen=True)
class Answers:
    """Every question's answer (in the questionnaire's order), and who and what they are about."""

    source: str
    questionnaire: Questionnaire
    answers: dict[str, Answer]
    customer: str = ""
    assessed_by: str = ""
    date: dt.date | None = None
    language: str | None = None

    def __getitem__(self, qid: str) -> Answer:
        return self.answers[qid]

    @property
    def unknown(self) -> tuple[str, ...]:
        """The questions not answered, in order."""
        return tuple(qid for qid, a in self.answers.items() if not a.known)


# --------------------------------------------------------------------------- one value


def parse_value(question: Question, raw: Any) -> Any:
    """The answer ``raw`` (from YAML or a cell) as its question's type takes it: None for a blank; a
    ValueError saying what is wrong otherwise."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    kind = question.type
    if kind == "multiple":
        return _choices(question, raw)
    if isinstance(raw, (list, dict)):
        raise ValueError(f"one answer is asked, not a {'list' if isinstance(raw, list) else 'mapping'}")
    if question.options:
        choice = question.option(_scalar_text(raw))
        if choice is None:
            raise ValueError(f"{_short(raw)} is not one of the choices ({_allowed(question)})")
        return choice.id
    if kind == "number":
        return _number(question, raw)
    if kind == "date":
        return _date(raw)
    return _scalar_text(raw).strip()


def _scalar_text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return raw if isinstance(raw, str) else str(raw)


def _choices(question: Question, raw: Any) -> tuple[str, ...] | None:
    if isinstance(raw, dict):
        raise ValueError("a list of choices is asked, not a mapping")
    items = raw if isinstance(raw, list) else _SEPARATORS.split(_scalar_text(raw))
    if any(isinstance(x, (list, dict)) for x in items):
        raise ValueError("a list of choices, each one word or label, is asked")
    texts = [_scalar_text(x).strip() for x in items if x is not None and _scalar_text(x).strip()]
    found, bad = [], []
    for text in texts:
        choice = question.option(text)
        if choice is None:
            bad.append(_short(text))
        elif choice.id not in found:
            found.append(choice.id)
    if bad:
        raise ValueError(f"{', '.join(bad)} {'is' if len(bad) == 1 else 'are'} not among the choices "
                         f"({_allowed(question)})")
    return tuple(c.id for c in question.options if c.id in found) or None


def _number(question: Question, raw: Any) -> int | float:
    value: Any = raw
    if isinstance(raw, str):
        try:
            value = float(raw.strip().replace(" ", "").replace("_", ""))
        except ValueError:
            raise ValueError(f"not a number: {_short(raw)}") from None
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
        raise ValueError(f"not a number: {_short(raw)}")
    if question.min is not None and value < question.min:
        raise ValueError(f"{value:g} is below the least allowed, {question.min:g}")
    if question.max is not None and value > question.max:
        raise ValueError(f"{value:g} is above the most allowed, {question.max:g}")
    return int(value) if float(value).is_integer() else float(value)


def _date(raw: Any) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = _scalar_text(raw).strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not a date: {_short(raw)} (write YYYY-MM-DD)") from None


def _allowed(question: Question) -> str:
    return ", ".join(c.id for c in question.options)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


# --------------------------------------------------------------------------- the whole file


class Collector:
    """The answers and the problems of one file, as a reader finds them (each at its ``where``)."""

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.questionnaire = questionnaire
        self.answers: dict[str, Answer] = {}
        self.seen: dict[str, str] = {}  # question -> where it was first answered, valid or not
        self.meta: dict[str, Any] = {}
        self.problems: list[tuple[int | None, str]] = []

    def problem(self, line: int | None, text: str) -> None:
        self.problems.append((line, " ".join(text.split())))

    def answer(self, qid: Any, raw: Any, note: Any, where: str, line: int | None = None) -> None:
        """Read the answer ``raw`` (and its ``note``) to the question ``qid``, found at ``where``."""
        label = "" if line is not None else f"{where}: "
        question = self.questionnaire.question(str(qid))
        if question is None:
            ids = self.questionnaire.ids
            self.problem(line, f"{label}{qid}: not a question of the questionnaire ({ids[0]} … {ids[-1]})")
            return
        if question.id in self.seen:
            self.problem(line, f"{label}{qid}: answered twice (also at {self.seen[question.id]})")
            return
        self.seen[question.id] = where
        try:
            value = parse_value(question, raw)
        except ValueError as exc:
            self.problem(line, f"{label}{qid}: {exc}")
            return
        if note is not None and not isinstance(note, (str, int, float)):
            self.problem(line, f"{label}{qid}: the note must be text")
            return
        self.answers[question.id] = Answer(question, value, "" if note is None else str(note).strip(), where)

    def metadata(self, key: str, raw: Any, line: int | None, label: str = "") -> None:
        """``customer``, ``assessed_by`` (text), ``date`` (a date), ``language`` (a known language)."""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return
        if isinstance(raw, (list, dict)):
            self.problem(line, f"{label}{key}: must be {'a date' if key == 'date' else 'text'}")
        elif key == "date":
            try:
                self.meta[key] = _date(raw)
            except ValueError as exc:
                self.problem(line, f"{label}{key}: {exc}")
        elif key == "language" and raw not in LANGUAGES:
            self.problem(line, f"{label}language: {_short(raw)} is not a language (known: {', '.join(LANGUAGES)})")
        else:
            self.meta[key] = _scalar_text(raw).strip()

    def result(self, source: str) -> Answers:
        if self.problems:
            ordered = sorted(self.problems, key=lambda p: p[0] or 0)
            raise AnswersError(source, ordered)
        every = {q.id: self.answers.get(q.id) or Answer(q) for q in self.questionnaire.questions}
        return Answers(source, self.questionnaire, every, customer=self.meta.get("customer", ""),
                       assessed_by=self.meta.get("assessed_by", ""), date=self.meta.get("date"),
                       language=self.meta.get("language"))


def read_answers(path: Path, questionnaire: Questionnaire | None = None) -> Answers:
    """The answers in ``path``: a workbook (``.xlsx``, or a file that is a zip) or the YAML of
    ``assess init``. An :class:`AnswersError` lists every problem with its line or cell."""
    questionnaire = questionnaire or load_questionnaire()
    if path.suffix.lower() in (".xlsx", ".xlsm") or _is_zip(path):
        from .workbook import read_workbook

        return read_workbook(path, questionnaire)
    return read_yaml_answers(path, questionnaire)


def _is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False  # the reader says why


def read_yaml_answers(path: Path, questionnaire: Questionnaire) -> Answers:
    """The answers in the YAML file ``path`` (see :func:`read_answers`)."""
    source = str(path)
    try:
        data, root = read_plain(path, "answers file", MAX_BYTES)
    except YamlProblem as exc:
        raise AnswersError(source, [(exc.line, exc.cause)]) from None
    found = Collector(questionnaire)
    if data is None:
        return found.result(source)
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        raise AnswersError(source, [(1, "expected a mapping with 'answers' (write one with `ddcontract assess init`)")])
    for key_node, value_node in root.value:
        key, line = key_node.value, key_node.start_mark.line + 1
        if key not in TOP_KEYS:
            found.problem(line, f"{key}: unknown key (known: {', '.join(TOP_KEYS)})")
        elif key != "answers":
            found.metadata(key, data.get(key), line)
    answers = data.get("answers")
    if answers is not None and not isinstance(answers, dict):
        found.problem(_line(root, "answers"), "answers: expected a mapping of question IDs to answers")
    elif answers:
        _read_mapping(found, _node(root, "answers"), answers)
    return found.result(source)


def _read_mapping(found: Collector, node: yaml.Node | None, answers: dict[Any, Any]) -> None:
    """Each ``ID: answer`` (or ``ID: {answer: …, note: …}``) of the answers mapping, on its line; a
    key given twice is a problem, not silently the last."""
    pairs = node.value if isinstance(node, yaml.MappingNode) else []
    for key_node, value_node in pairs:
        line = key_node.start_mark.line + 1
        qid = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
        raw = _construct(value_node)
        note = None
        if isinstance(raw, dict):
            extra = [str(k) for k in raw if k not in ANSWER_KEYS]
            if extra:
                found.problem(line, f"{qid}: {', '.join(extra)}: unknown key (an answer is a value, or "
                              f"{{answer: …, note: …}})")
                continue
            raw, note = raw.get("answer"), raw.get("note")
        found.answer(qid, raw, note, f"line {line}", line)


def _construct(node: yaml.Node) -> Any:
    """The value of one node of an already-read document (so each key's own value, even when the
    key is there twice)."""
    loader = PlainLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def _node(root: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((v for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _line(root: yaml.MappingNode, key: str) -> int | None:
    return next((k.start_mark.line + 1 for k, _ in root.value if isinstance(k, yaml.ScalarNode) and k.value == key),
                None)
