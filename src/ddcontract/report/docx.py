"""The DOCX gap report: ``ddcontract check contract.pdf --report gap.docx``.

The layout lives in the template (``templates/gap_report.<lang>.docx``, built from
``templates/src/gap_report.<lang>.txt``); this module turns a :class:`CheckResult` into the
variables the template sees. The variables are:

``doc``
    ``name`` (file name), ``path``, ``format``, ``pages``, ``language`` (its name),
    ``parties`` (list of ``{name, role}``), ``parties_text`` (one line, or "not identified"),
    ``date`` (the report's date), ``policy`` (list of lines: the policy's settings and where they
    came from), ``warnings`` (list of text), ``version`` (of ddcontract)
``counts``
    ``met``, ``weak``, ``missing``, ``total``, ``flags``
``top_gaps``
    the most serious gaps (missing before weak, key requirements first), each a requirement row
``flags``
    raised warning flags: ``id``, ``title``, ``message``, ``evidence`` (rich text)
``themes``
    ``number``, ``title``, ``rows``: one per requirement with ``id``, ``title``, ``status``,
    ``status_label``, ``colour`` (cell fill), ``message``, ``values`` (text), ``details``
    (rich text: message, values and quotes with page and section)
``suggestions``
    for every weak or missing requirement with clause text: ``id``, ``title``, ``status_label``,
    ``text`` (the suggested clause, the policy's values filled in)

Rich text values (``details``, ``evidence``) are docxtpl ``RichText`` and go into the template
as ``{{r row.details }}``; everything else is plain text, escaped by the renderer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .. import __version__
from ..catalogue import THEMES, theme_title
from ..i18n import fmt_amount, fmt_date, fmt_number, tr
from ..model import CheckResult, Evidence, Finding
from ..policy import Policy
from .style import STATUS_FILL
from .text import quote, values_prose, where

GREY = "595959"
QUOTE_LIMIT = 420
MAX_TOP_GAPS = 6

# which gaps a reader needs first: the procedure's key contract terms before the rest
PRIORITY = ("DD-8.1", "DD-4.6", "DD-4.7", "DD-6.1", "DD-8.2", "DD-4.3", "DD-6.3", "DD-4.2", "DD-8.3",
            "DD-8.5", "DD-8.4", "DD-6.4", "DD-6.2", "DD-4.1", "DD-4.4", "DD-4.5")

LANGUAGE_NAMES = {
    "en": {"en": "English", "da": "Danish"},
    "da": {"en": "engelsk", "da": "dansk"},
}


def _rich():
    from docxtpl import RichText

    return RichText()


def _quotes(rt, evidence: list[Evidence], lang: str, limit: int) -> None:
    for ev in evidence[:limit]:
        rt.add("\n“" + quote(ev.text, QUOTE_LIMIT) + "”", italic=True, size=17)
        rt.add("\n— " + where(ev, lang), color=GREY, size=15)


def _details(f: Finding, lang: str):
    rt = _rich()
    rt.add(f.message or "", size=17)
    vals = values_prose(f.values, lang) if f.status != "missing" else ""
    if vals:
        rt.add("\n" + vals, bold=True, color=GREY, size=16)
    _quotes(rt, f.evidence, lang, 2)
    return rt


def _row(f: Finding, lang: str) -> dict[str, Any]:
    return {"id": f.id, "title": f.title, "status": f.status, "status_label": tr(lang, f"status.{f.status}"),
            "colour": STATUS_FILL[f.status], "message": f.message,
            "values": values_prose(f.values, lang) if f.status != "missing" else "",
            "details": _details(f, lang)}


def _format_text(result: CheckResult) -> str:
    """ "PDF, 7 pages, English" / "DOCX, 12 sider, dansk (engelsk bilag: 3 afsnit)". """
    doc, lang = result.document, result.report_language
    names = LANGUAGE_NAMES[lang]
    parts = [doc.format.upper()]
    if doc.pages:
        parts.append(tr(lang, "label.pages", pages=doc.pages).lstrip(", "))
    language = names.get(doc.language, doc.language)
    others = {k: v for k, v in doc.languages.items() if k != doc.language and v}
    if others:
        language += " (" + ", ".join(tr(lang, "report.sections_in", lang=names.get(k, k), n=v)
                                     for k, v in others.items()) + ")"
    parts.append(language)
    return ", ".join(parts)


def policy_lines(policy: Policy, source: str | None, lang: str) -> list[str]:
    minimum = policy.insurance_minimum(lang)
    cover = fmt_amount(*minimum, lang) if minimum else tr(lang, "report.policy.no_minimum")
    return [
        tr(lang, "report.policy.source", source=source or tr(lang, "report.policy.builtin")),
        tr(lang, "report.policy.deadline", hours=fmt_number(policy.notification_max_hours, lang)),
        tr(lang, "report.policy.cap" if policy.cap_requires_amount_or_formula else "report.policy.cap_any"),
        tr(lang, "report.policy.insurance", cover=cover),
        tr(lang, "report.policy.suggested", hours=policy.suggested_hours()),
    ]


def report_context(result: CheckResult, policy: Policy, policy_source: str | None = None,
                   today: dt.date | None = None) -> dict[str, Any]:
    lang = result.report_language
    doc = result.document
    rows = {f.id: _row(f, lang) for f in result.requirements}
    counts = {s: sum(1 for f in result.requirements if f.status == s) for s in ("met", "weak", "missing")}
    counts["total"] = len(result.requirements)
    counts["flags"] = len(result.flags)
    order = {rid: i for i, rid in enumerate(PRIORITY)}
    gaps = sorted((f for f in result.requirements if f.status != "met"),
                  key=lambda f: (f.status != "missing", order.get(f.id, len(order)), f.id))
    parties = doc.parties
    parties_text = "; ".join(f"{p['name']} ({p['role']})" if p.get("role") else p["name"] for p in parties)
    flags = []
    for flag in result.flags:
        rt = _rich()
        rt.add(flag.message or "", size=17)
        _quotes(rt, flag.evidence, lang, 3)
        flags.append({"id": flag.id, "title": flag.title, "message": flag.message, "evidence": rt})
    return {
        "doc": {
            "name": Path(doc.path).name, "path": doc.path, "format_text": _format_text(result),
            "parties": parties, "parties_text": parties_text or tr(lang, "report.parties_unknown"),
            "date": fmt_date(today or dt.date.today(), lang),
            "policy": policy_lines(policy, policy_source, lang),
            "warnings": list(doc.warnings), "version": __version__,
        },
        "counts": counts,
        "top_gaps": [rows[f.id] for f in gaps[:MAX_TOP_GAPS]],
        "flags": flags,
        "themes": [{"number": n, "title": theme_title(n, lang),
                    "rows": [rows[f.id] for f in result.requirements if f.theme == n]} for n in THEMES],
        "suggestions": [{"id": f.id, "title": f.title, "status_label": tr(lang, f"status.{f.status}"),
                         "colour": STATUS_FILL[f.status], "text": f.suggestion}
                        for f in result.requirements if f.status != "met" and f.suggestion],
    }


def write_report(result: CheckResult, out: Path, policy: Policy, policy_source: str | None = None,
                 template: Path | None = None, force: bool = False) -> None:
    from ..generate import bundled_template
    from ..office.template import render_docx

    tpl = template or bundled_template("gap-report", result.report_language)
    render_docx(tpl, report_context(result, policy, policy_source), out, force=force)
