"""An :class:`~.run.Assessment` as JSON (``ddcontract/assessment/v1``) and for the console."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..requirements import THEME_BY_NUMBER
from .findings import QuestionFinding
from .run import ANSWERS_SOURCE, AgreedFinding, Assessment, condition_texts
from .show import _value
from .texts import t

SCHEMA = "ddcontract/assessment/v1"
THEME_NUMBERS = tuple(range(1, 9))


MAX_ITEMS_SHOWN = 6


def ground_text(g, lang: str) -> str:
    """A recommendation rule's reason, with the IDs it rests on when they are few (the flags, the key
    requirements missing); a longer list is in the conditions and open items."""
    if g.items and len(g.items) <= MAX_ITEMS_SHOWN:
        reason = g.reason[lang]
        end = "." if reason.endswith(".") else ""
        return f"{reason.removesuffix('.')}: {', '.join(g.items)}{end}"
    return g.reason[lang]


def theme_title(a: Assessment, number: int) -> str:
    themes = a.answers.questionnaire.themes
    if number in themes:
        return themes[number][a.lang]
    return THEME_BY_NUMBER[number].title(a.lang)


def themes(a: Assessment) -> list[tuple[int, str, list[QuestionFinding], list[AgreedFinding]]]:
    """Every theme 1–8 with its questions and its contract requirements, side by side."""
    return [(n, theme_title(a, n), [f for f in a.findings.questions if f.question.theme == n],
             [g for g in a.requirements if g.finding.theme == n]) for n in THEME_NUMBERS]


def _question_json(f: QuestionFinding, lang: str) -> dict[str, Any]:
    a = f.answer
    return {"id": f.question.id, "question": f.question.text[lang], "status": f.status, "value": _value(a),
            "answer": a.words(lang), "note": a.note,
            "reasons": [{"rule": b.rule, "reason": b.reason[lang]} for b in f.because]}


def _requirement_json(g: AgreedFinding) -> dict[str, Any]:
    f = g.finding
    return {"id": f.id, "title": f.title, "status": f.status, "required": g.required, "not_asked": g.not_asked,
            "file": g.file,
            "values": f.values, "message": f.message, "evidence": [e.as_json() for e in f.evidence],
            "suggestion": f.suggestion, "fallback": f.fallback}


def assessment_json(a: Assessment) -> dict[str, Any]:
    lang, ans, risk = a.lang, a.answers, a.risk
    rec = a.recommendation
    return {
        "schema": SCHEMA,
        "language": lang,
        "customer": ans.customer, "assessed_by": ans.assessed_by,
        "date": a.date.isoformat(),
        "answers": {"source": ans.source, "answered": len(ans.answers) - len(ans.unknown), "total": len(ans.answers),
                    "unknown": list(ans.unknown)},
        "risk": {"level": risk.level, "policy_level": a.policy_level, "default": risk.default,
                 "risk_profile": risk.source,
                 "reasons": [{"rule": r.rule.id, "level": r.level, "reason": r.text(lang),
                              "answers": [{"question": x.question.id, "value": _value(x), "answer": x.words(lang)}
                                          for x in r.answers]} for r in risk.reasons],
                 "undecided": [{"rule": u.rule.id, "level": u.rule.level, "reason": u.rule.reason[lang],
                                "questions": list(u.questions)} for u in risk.undecided]},
        "contracts": [{"path": c.document.path, "format": c.document.format, "pages": c.document.pages,
                       "language": c.language, "parties": [p.as_json() for p in c.parties],
                       "warnings": c.warnings} for c in a.contracts],
        "themes": [{"number": n, "title": title, "questions": [_question_json(f, lang) for f in qs],
                    "requirements": [_requirement_json(g) for g in reqs]} for n, title, qs, reqs in themes(a)],
        "flags": [{**r.flag.as_json(), "source": r.source} for r in a.flags],
        "open_flags": [{"id": o.kind, "rule": o.rule, "reason": o.reason[lang], "questions": list(o.questions)}
                       for o in a.findings.open_flags],
        "recommendation": {
            "outcome": rec.outcome,
            "reasons": [{"rule": g.rule, "outcome": g.outcome, "reason": g.reason[lang], "items": list(g.items)}
                        for g in rec.grounds],
            "conditions": ([{"kind": i.kind, "id": i.id, "text": i.text} for i in condition_texts(a)]
                           if rec.outcome == "conditions" else []),
        },
        "open_items": [{"kind": i.kind, "id": i.id, "text": i.text} for i in a.open_items],
        "review": {"months": a.review_months, "date": a.review_date.isoformat(), "level": a.policy_level},
    }


def to_json(a: Assessment) -> str:
    return json.dumps(assessment_json(a), ensure_ascii=False, indent=1)


_MARK = {"ok": "✔", "met": "✔", "concern": "▲", "weak": "▲", "unknown": "?", "missing": "✘"}


def lines(a: Assessment) -> list[str]:
    """The assessment for the console, in its language."""
    lang, ans, risk = a.lang, a.answers, a.risk
    out = [t(lang, "run.title", customer=ans.customer or t(lang, "run.customer_unknown")),
           t(lang, "run.answers", source=ans.source, date=a.date.isoformat(), by=ans.assessed_by or "—")]
    if a.contracts:
        out.append(t(lang, "run.contracts"))
        out += [f"  {c.document.path}" for c in a.contracts]
    else:
        out.append(t(lang, "run.no_contract"))
    out += ["", t(lang, "run.level", level=t(lang, f"level.{risk.level}").upper())]
    for r in risk.reasons:
        out.append(f"  [{t(lang, f'level.{r.level}')}] {r.text(lang)}")
    level = t(lang, f"level.{a.policy_level}")
    out.append(t(lang, "run.policy_raised", level=level, known=t(lang, f"level.{risk.level}"))
               if a.policy_level != risk.level else t(lang, "run.policy", level=level))
    for n, title, qs, reqs in themes(a):
        out += ["", t(lang, "run.theme", number=n, title=title)]
        for f in qs:
            words = f.answer.words(lang) or t(lang, "run.not_answered")
            out.append(f"  {_MARK[f.status]} {t(lang, 'status.' + f.status):<9} {f.question.id}  {words}")
            out += [f"        {b.reason[lang]}" for b in f.because if f.status == "concern"]
        if not reqs and not a.contracts and THEME_BY_NUMBER.get(n) is not None:
            out.append("  " + t(lang, "run.no_contract"))
        for g in reqs:
            f = g.finding
            note = f" ({g.not_asked})" if g.not_asked else "" if g.required else f" ({t(lang, 'run.not_asked')})"
            source = f" [{Path(g.file).name}]" if len(a.contracts) > 1 else ""
            out.append(f"  {_MARK[f.status]} {t(lang, 'status.' + f.status):<9} {f.id}  {f.title}{note}{source}")
            if f.status != "met" and g.required and f.message:
                out.append(f"        {f.message}")
    out += ["", t(lang, "run.flags") + ":"]
    if not a.flags:
        out.append("  " + t(lang, "run.no_flags"))
    for r in a.flags:
        source = t(lang, "run.source_answers") if r.source == ANSWERS_SOURCE else Path(r.source).name
        out.append(f"  ⚑ {r.flag.id} {r.flag.title} ({source})")
        if r.flag.message:
            out.append(f"        {r.flag.message}")
    if a.findings.open_flags:
        out.append(t(lang, "run.open_flags") + ":")
        out += [f"  ? {o.kind} {t(lang, 'run.open_flag', reason=o.reason[lang], questions=', '.join(o.questions))}"
                for o in a.findings.open_flags]
    rec = a.recommendation
    out += ["", t(lang, "run.recommendation", outcome=t(lang, f"outcome.{rec.outcome}").upper())]
    if rec.grounds:
        out.append(t(lang, "run.because") + ":")
        out += [f"  [{t(lang, 'outcome.' + g.outcome)}] {ground_text(g, lang)}" for g in rec.grounds]
    if rec.outcome == "conditions":
        out.append(t(lang, "run.conditions") + ":")
        out += [f"  - {i.id}: {i.text}" for i in condition_texts(a)]
    out += ["", t(lang, "run.open_items") + ":"]
    if not a.open_items:
        out.append("  " + t(lang, "run.no_open_items"))
    out += [f"  [{t(lang, 'run.kind.' + i.kind)}] {i.id}: {i.text}" for i in a.open_items]
    out += ["", t(lang, "run.review", date=a.review_date.isoformat(), months=a.review_months,
                  level=t(lang, f"level.{a.policy_level}"))]
    return out
