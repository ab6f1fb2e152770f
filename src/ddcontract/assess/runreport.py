"""The DOCX due-diligence report: ``ddcontract assess run ANSWERS --report dd.docx``.

Built like the gap report (:mod:`ddcontract.report.docx`): the layout is the template
``templates/assessment_report.<lang>.docx``, built from ``templates/src/assessment_report.<lang>.txt``
by ``scripts/build_templates.py``, rendered by docxtpl with autoescape; this module turns an
:class:`~.run.Assessment` into the variables the template sees:

``doc``
    ``customer``, ``assessed_by``, ``date`` (of the answers), ``today`` (of the report),
    ``answers`` (file name), ``answered``, ``total``, ``contracts_text`` (one line), ``version``
``risk``
    ``level`` (its name), ``policy`` (the level checked against, and why when unknown answers raised it),
    ``default_text``, ``reasons`` and ``undecided`` (lists of text)
``rec``
    ``outcome`` (its words), ``colour``, ``reasons`` (rich text), ``conditions`` (list of text)
``review``
    ``date``, ``months``, ``level``
``flags``
    ``id``, ``title``, ``source`` (the answers, or a file name), ``evidence`` (rich text)
``open_flags``, ``open_items``
    text; ``open_items`` rows have ``kind``, ``id``, ``text``
``themes``
    ``number``, ``title``, ``questions`` (``id``, ``text``, ``answer``, ``status``, ``colour``,
    ``reason``) and ``requirements`` (``id``, ``title``, ``status``, ``colour``, ``details``: rich text
    with the message, values, quotes with the file (of several), page and section)
``suggestions``
    for every weak or missing requirement the policy asks for: ``id``, ``title``, ``status``,
    ``text`` (the suggested clause, the preferred position) and ``fallback`` ("" when none)
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .. import __version__
from ..i18n import fmt_date
from ..report.style import STATUS_FILL
from ..report.text import quote, values_prose, where
from .run import ANSWERS_SOURCE, Assessment, condition_texts
from .runshow import ground_text, themes
from .texts import t

GREY = "595959"
QUESTION_FILL = {"ok": STATUS_FILL["met"], "concern": STATUS_FILL["weak"], "unknown": "D9D9D9"}
OUTCOME_FILL = {"proceed": STATUS_FILL["met"], "conditions": STATUS_FILL["weak"], "escalate": STATUS_FILL["missing"]}
QUOTE_LIMIT = 420


def _rich():
    from docxtpl import RichText

    return RichText()


def _source(a: Assessment, source: str) -> str:
    return t(a.lang, "run.source_answers") if source == ANSWERS_SOURCE else Path(source).name


def report_context(a: Assessment, today: dt.date | None = None) -> dict[str, Any]:
    lang, ans, risk = a.lang, a.answers, a.risk
    level = t(lang, f"level.{risk.level}")
    policy_level = t(lang, f"level.{a.policy_level}")
    rec = a.recommendation
    reasons = _rich()
    for i, g in enumerate(rec.grounds):  # the decisive outcome's reasons, then what else holds
        if g.outcome == rec.outcome:
            reasons.add(("\n" if i else "") + ground_text(g, lang), size=17)
        else:
            reasons.add(f"\n{t(lang, 'report.also', outcome=t(lang, 'outcome.' + g.outcome))}: {ground_text(g, lang)}",
                        size=16, color=GREY)
    if not rec.grounds:
        reasons.add(t(lang, "report.nothing_open"), size=17)
    flags = _flags(a)
    theme_rows = _themes(a)
    contracts = "; ".join(Path(c.document.path).name for c in a.contracts) or t(lang, "report.no_contract")
    return {
        "doc": {"customer": ans.customer or t(lang, "run.customer_unknown"), "assessed_by": ans.assessed_by or "—",
                "date": fmt_date(a.date, lang), "today": fmt_date(today or dt.date.today(), lang),
                "answers": Path(ans.source).name, "answered": len(ans.answers) - len(ans.unknown),
                "total": len(ans.answers), "contracts_text": contracts, "version": __version__},
        "risk": {"level": level, "policy": (t(lang, "run.policy_raised", level=policy_level, known=level)
                                            if a.policy_level != risk.level else t(lang, "run.policy", level=policy_level)),
                 "default_text": "" if risk.reasons else t(lang, "risk.none", level=t(lang, f"level.{risk.default}")),
                 "reasons": [r.text(lang) for r in risk.reasons],
                 "undecided": [f"{u.rule.reason[lang]} ({', '.join(u.questions)})" for u in risk.undecided]},
        "rec": {"outcome": t(lang, f"outcome.{rec.outcome}"), "colour": OUTCOME_FILL[rec.outcome], "reasons": reasons,
                "conditions": ([f"{i.id}: {i.text}" if i.kind != "rule" else i.text for i in condition_texts(a)]
                               if rec.outcome == "conditions" else [])},
        "review": {"date": fmt_date(a.review_date, lang), "months": a.review_months, "level": policy_level},
        "flags": flags,
        "open_flags": [f"{o.kind}: {t(lang, 'run.open_flag', reason=o.reason[lang], questions=', '.join(o.questions))}"
                       for o in a.findings.open_flags],
        "open_items": [{"kind": t(lang, f"run.kind.{i.kind}"), "id": i.id, "text": i.text} for i in a.open_items],
        "themes": theme_rows,
        "suggestions": [{"id": g.finding.id, "title": g.finding.title, "status": t(lang, f"status.{g.finding.status}"),
                         "text": g.finding.suggestion, "fallback": g.finding.fallback}
                        for g in a.requirements if g.required and g.finding.status != "met" and g.finding.suggestion],
    }


def _flags(a: Assessment) -> list[dict[str, Any]]:
    """The flags raised, each with its source and evidence (answers, quotes, or a markup's refusals)."""
    from ..i18n import tr

    lang = a.lang
    flags = []
    for r in a.flags:
        rt = _rich()
        rt.add(r.flag.message or "", size=17)
        if r.flag.refusals:  # a customer's markup: each refused clause as the gap report shows it
            from ..report.docx import _refusals

            _refusals(rt, r.flag.refusals, lang)
        for ev in [] if r.flag.refusals else r.flag.evidence[:3]:
            if r.source == ANSWERS_SOURCE:
                rt.add(f"\n{ev.section}: {ev.text}", italic=True, size=17)
            else:
                rt.add("\n" + tr(lang, "label.quoted", text=quote(ev.text, QUOTE_LIMIT)), italic=True, size=17)
                rt.add("\n— " + where(ev, lang), color=GREY, size=15)
        flags.append({"id": r.flag.id, "title": r.flag.title, "source": _source(a, r.source), "evidence": rt})
    return flags


def _themes(a: Assessment) -> list[dict[str, Any]]:
    """Every theme with its questions and its requirements, side by side."""
    from ..i18n import tr

    lang, risk = a.lang, a.risk
    raised: dict[str, str] = {}  # an answer that raised the risk level: the first (highest) reason
    for r in risk.reasons:
        for x in r.answers:
            raised.setdefault(x.question.id, t(lang, "report.raises", level=t(lang, f"level.{r.level}"),
                                               reason=r.text(lang)))
    theme_rows = []
    for n, title, qs, reqs in themes(a):
        questions = [{"id": f.question.id, "text": f.question.text[lang],
                      "answer": " – ".join(filter(None, [f.answer.words(lang), f.answer.note]))
                      or t(lang, "run.not_answered"),
                      "status": t(lang, f"status.{f.status}"), "colour": QUESTION_FILL[f.status],
                      "reason": " ".join(b.reason[lang] for b in f.because) or raised.get(f.question.id, "")}
                     for f in qs]
        requirements = []
        for g in reqs:
            f = g.finding
            rt = _rich()
            rt.add(f.message or "", size=17)
            if g.not_asked:
                rt.add(f" ({g.not_asked})", size=17)
            vals = values_prose(f.values, lang, f.id) if f.status != "missing" else ""
            if vals:
                rt.add("\n" + vals, bold=True, color=GREY, size=16)
            in_file = f"{Path(g.file).name}, " if len(a.contracts) > 1 else ""  # which document says it
            for ev in f.evidence[:2]:
                rt.add("\n" + tr(lang, "label.quoted", text=quote(ev.text, QUOTE_LIMIT)), italic=True, size=17)
                rt.add("\n— " + in_file + where(ev, lang), color=GREY, size=15)
            requirements.append({"id": f.id, "title": f.title, "status": t(lang, f"status.{f.status}"),
                                 "colour": STATUS_FILL[f.status], "details": rt})
        theme_rows.append({"number": n, "title": title, "questions": questions, "requirements": requirements})
    return theme_rows


def bundled_report_template(lang: str) -> Path:
    from ..generate import bundled_template

    return bundled_template("assessment-report", lang)


def write_assessment_report(a: Assessment, out: Path, force: bool = False, template: Path | None = None,
                            today: dt.date | None = None) -> None:
    from ..office.template import render_docx

    render_docx(template or bundled_report_template(a.lang), report_context(a, today), out, force=force)
