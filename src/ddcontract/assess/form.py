"""The answers file to fill in (``ddcontract assess init customer.yaml``): YAML with every question
as a comment — its text, help and the answers it allows — above its blank answer, in one language."""

from __future__ import annotations

import textwrap

from .questions import Question, Questionnaire
from .texts import t

WIDTH = 100


def _comment(text: str, indent: str, first: str = "", rest: str = "") -> list[str]:
    lines = textwrap.wrap(text, WIDTH - len(indent) - 2 - len(first), break_long_words=False,
                          break_on_hyphens=False) or [""]
    return [f"{indent}# {first if i == 0 else rest}{line}".rstrip() for i, line in enumerate(lines)]


def allowed(question: Question, lang: str, yaml_form: bool = True) -> str:
    """The answers ``question`` allows, in words ("One of: yes (Yes), no (No)")."""
    if question.options:
        key = "type.multiple_yaml" if question.type == "multiple" and yaml_form else f"type.{question.type}"
        shown = [f"{c.id} ({c.label(lang)})" if yaml_form else c.label(lang) for c in question.options]
        return f"{t(lang, key)}: {', '.join(shown)}"
    if question.type == "number":
        unit = f" ({question.unit[lang]})" if question.unit else ""
        if question.min is not None and question.max is not None:
            return t(lang, "type.number_range", min=f"{question.min:g}", max=f"{question.max:g}") + unit
        return t(lang, "type.number") + unit
    return t(lang, f"type.{question.type}")


def answers_form(questionnaire: Questionnaire, lang: str, path_name: str = "customer.yaml") -> str:
    """The text of a blank answers file in ``lang``."""
    out = [*_comment(t(lang, "form.title"), ""), "#"]
    for key in ("form.how", "form.multiple", "form.note", "form.text"):
        out += _comment(t(lang, key), "")
    out += _comment(t(lang, "form.check", path=path_name), "")
    out += ["", f"language: {lang:<22} # {t(lang, 'meta.language')}"]
    for key in ("customer", "assessed_by", "date"):
        out.append(f"{key + ':':<32} # {t(lang, 'meta.' + key)}")
    out += ["", "answers:"]
    theme = None
    for q in questionnaire.questions:
        if q.theme != theme:
            theme = q.theme
            title = f"{t(lang, 'theme', number=theme)}: {questionnaire.themes[theme][lang]}"
            out += ([""] if out[-1] else []) + [f"  # ── {title} " + "─" * max(3, WIDTH - len(title) - 10), ""]
        out += _comment(q.text[lang], "  ", f"{q.id}  ", " " * (len(q.id) + 2))
        out += _comment(q.help[lang], "  ", "    ", "    ")
        out += _comment(allowed(q, lang), "  ", "    → ", "      ")
        out += [f"  {q.id}:", ""]
    return "\n".join(out).rstrip() + "\n"
