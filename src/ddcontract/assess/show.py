"""The risk result as the console shows it and as JSON (``ddcontract assess risk``)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .answers import Answer, Answers
from .risk import RiskResult
from .texts import t

SCHEMA = "ddcontract/risk/v1"


def _value(answer: Answer) -> Any:
    value = answer.value
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def risk_json(result: RiskResult, answers: Answers, lang: str) -> str:
    """The result as JSON: the level, the reasons with the answers they rest on, the undecided rules,
    the unknown answers."""
    def answer(a: Answer) -> dict[str, Any]:
        return {"question": a.question.id, "value": _value(a), "words": a.words(lang), "note": a.note}

    data = {
        "schema": SCHEMA, "source": answers.source, "risk_profile": result.source, "level": result.level,
        "default": result.default, "policy": result.level,
        "reasons": [{"rule": r.rule.id, "level": r.level, "reason": r.text(lang), "answers": [answer(a) for a in r.answers]}
                    for r in result.reasons],
        "undecided": [{"rule": u.rule.id, "level": u.rule.level, "reason": u.rule.reason[lang],
                       "questions": list(u.questions)} for u in result.undecided],
        "unknown": list(answers.unknown),
    }
    return json.dumps(data, ensure_ascii=False, indent=1)


def risk_lines(result: RiskResult, answers: Answers, lang: str) -> list[str]:
    """The result for the console, in ``lang``."""
    level = t(lang, f"level.{result.level}")
    lines = [t(lang, "risk.level", level=level.upper())]
    if not result.reasons:
        lines.append(t(lang, "risk.none", level=t(lang, f"level.{result.default}")))
    else:
        lines.append(t(lang, "risk.reasons"))
    for reason in result.reasons:
        lines.append(f"  [{t(lang, f'level.{reason.level}')}] {reason.text(lang)}")
        lines += [f"      {a.question.id}: {a.words(lang)}" for a in reason.answers]
    if result.undecided:
        lines.append(t(lang, "risk.undecided") + ":")
        for u in result.undecided:
            lines.append(f"  [{t(lang, f'level.{u.rule.level}')}] {u.rule.reason[lang]} ({', '.join(u.questions)})")
    if answers.unknown:
        total = len(answers.answers)
        lines.append(t(lang, "risk.unknown", count=len(answers.unknown), total=total) + ": " + ", ".join(answers.unknown))
    lines.append(t(lang, "risk.policy", level=level, level_id=result.level))
    return lines
