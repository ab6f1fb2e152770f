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
    raised warning flags: ``id``, ``title``, ``message``, ``evidence`` (rich text; for the refusal
    flag each refused clause: the requirement, its status or the exclusion, the text before and after the
    changes, the clause, who changed it and when)
``markup``
    for a DOCX with tracked changes: ``count`` (of changes), ``authors`` (one line); else None
``themes``
    ``number``, ``title``, ``rows``: one per requirement with ``id``, ``title``, ``status``,
    ``status_label``, ``colour`` (cell fill), ``message``, ``values`` (text), ``details``
    (rich text: message, values and quotes with page and section)
``suggestions``
    for every weak or missing requirement with clause text: ``id``, ``title``, ``status_label``,
    ``text`` (the suggested clause, the policy's values filled in: the preferred position),
    ``fallback`` (the fallback position still open if the preferred one is refused, filled in the
    same way; "" when the rule gives none)

Rich text values (``details``, ``evidence``) are docxtpl ``RichText`` and go into the template
as ``{{r row.details }}``; everything else is plain text, escaped by the renderer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .. import __version__
from ..i18n import fmt_date, tr
from ..langs import LANGUAGE_NAMES
from ..model import CheckResult, Evidence, Finding, Refusal
from ..requirements import BY_ID, THEMES
from ..wording import policy_lines, refusal_head
from .style import STATUS_FILL
from .text import EMPTY_SIDE, ocr_line, quote, revision_line, shown_revisions, values_prose, where

GREY = "595959"
QUOTE_LIMIT = 420
MAX_TOP_GAPS = 6



def _rich():
    from docxtpl import RichText

    return RichText()


def _quotes(rt, evidence: list[Evidence], lang: str, limit: int) -> None:
    for ev in evidence[:limit]:
        rt.add("\n" + tr(lang, "label.quoted", text=quote(ev.text, QUOTE_LIMIT)), italic=True, size=17)
        rt.add("\n— " + where(ev, lang), color=GREY, size=15)


def _refusals(rt, refusals: list[Refusal], lang: str) -> None:
    """The refusal flag's evidence: each refused clause with what it said before and after the changes."""
    for r in refusals:
        head = refusal_head(r, lang)
        rt.add("\n" + head, bold=True, size=17)
        rt.add("\n— " + where(Evidence(text="", page=r.page, section=r.section, heading=r.heading), lang),
               color=GREY, size=15)
        for key, text in (("markup.before", r.before), ("markup.after", r.after)):
            said = tr(lang, "label.quoted", text=quote(text, QUOTE_LIMIT)) if text else tr(lang, EMPTY_SIDE[key])
            rt.add(f"\n{tr(lang, key)}: {said}", italic=True, size=17)
        for rev in shown_revisions(r.revisions)[:3]:
            rt.add("\n" + revision_line(rev, lang), color=GREY, size=15)


def _details(f: Finding, lang: str):
    rt = _rich()
    rt.add(f.message or "", size=17)
    vals = values_prose(f.values, lang, f.id) if f.status != "missing" else ""
    if vals:
        rt.add("\n" + vals, bold=True, color=GREY, size=16)
    _quotes(rt, f.evidence, lang, 2)
    return rt


def _row(f: Finding, lang: str) -> dict[str, Any]:
    return {"id": f.id, "title": f.title, "status": f.status, "status_label": tr(lang, f"status.{f.status}"),
            "colour": STATUS_FILL[f.status], "message": f.message,
            "values": values_prose(f.values, lang, f.id) if f.status != "missing" else "",
            "details": _details(f, lang)}


def _format_text(result: CheckResult) -> str:
    """ "PDF, 7 pages, English" / "DOCX, 12 sider, dansk (engelsk bilag: 3 afsnit)". """
    doc, lang = result.document, result.report_language
    names = LANGUAGE_NAMES[lang]
    parts = [doc.format.upper()]
    if doc.pages:
        parts.append(tr(lang, "label.pages", pages=doc.pages).lstrip(", "))
    language = names.get(result.language, result.language)
    others = {k: v for k, v in result.section_languages.items() if k != result.language and v}
    if others:
        language += " (" + ", ".join(tr(lang, "report.sections_in", lang=names.get(k, k), n=v)
                                     for k, v in others.items()) + ")"
    parts.append(language)
    if doc.ocr is not None and doc.ocr.numbers:  # "PDF, 7 pages, English, read by OCR: p. 1–7 (…)"
        parts.append(ocr_line(doc.ocr, lang))
    return ", ".join(parts)


def _gaps(result: CheckResult) -> list[Finding]:
    """The gaps a reader needs first: missing before weak, then by the requirement's priority."""
    return sorted((f for f in result.requirements if f.status != "met" and f.required),
                  key=lambda f: (f.status != "missing", BY_ID[f.id].priority, f.id))


def report_context(result: CheckResult, policy: Any, policy_source: str | None = None,
                   today: dt.date | None = None) -> dict[str, Any]:
    lang = result.report_language
    doc = result.document
    rows = {f.id: _row(f, lang) for f in result.requirements}
    counts = {s: sum(1 for f in result.requirements if f.status == s) for s in ("met", "weak", "missing")}
    counts["total"] = len(result.requirements)
    counts["flags"] = len(result.flags)
    gaps = _gaps(result)
    parties = [p.as_json() for p in result.parties]
    parties_text = "; ".join(f"{p.name} ({p.role})" if p.role else p.name for p in result.parties)
    flags = []
    for flag in result.flags:
        rt = _rich()
        rt.add(flag.message or "", size=17)
        if flag.refusals:
            _refusals(rt, flag.refusals, lang)
        else:
            _quotes(rt, flag.evidence, lang, 3)
        flags.append({"id": flag.id, "title": flag.title, "message": flag.message, "evidence": rt})
    markup = result.markup
    markup_vars = None if markup is None else {
        "count": len(markup.revisions), "authors": ", ".join(markup.authors()) or tr(lang, "markup.unknown_author")}
    return {
        "doc": {
            "name": Path(doc.path).name, "path": doc.path, "format_text": _format_text(result),
            "parties": parties, "parties_text": parties_text or tr(lang, "report.parties_unknown"),
            "date": fmt_date(today or dt.date.today(), lang),
            "policy": policy_lines(policy, policy_source, lang),
            "warnings": list(result.warnings), "version": __version__,
        },
        "counts": counts,
        "top_gaps": [rows[f.id] for f in gaps[:MAX_TOP_GAPS]],
        "flags": flags,
        "markup": markup_vars,
        "themes": [{"number": t.number, "title": t.title(lang),
                    "rows": [rows[f.id] for f in result.requirements if f.theme == t.number]} for t in THEMES],
        "suggestions": [{"id": f.id, "title": f.title, "status_label": tr(lang, f"status.{f.status}"),
                         "colour": STATUS_FILL[f.status], "text": f.suggestion, "fallback": f.fallback}
                        for f in result.requirements if f.status != "met" and f.suggestion],
    }


def write_report(result: CheckResult, out: Path, policy: Any, policy_source: str | None = None,
                 template: Path | None = None, force: bool = False) -> None:
    from ..generate import bundled_template
    from ..office.template import render_docx

    tpl = template or bundled_template("gap-report", result.report_language)
    render_docx(tpl, report_context(result, policy, policy_source), out, force=force)
